"""From syntax tree to :class:`Procedure`: names resolved, steps numbered, arrows made.

The compiler reports every name it cannot resolve (actors, labels, step
numbers, dates) and still builds as much of the procedure as it can, so that
the graph rules in :mod:`flowgen.checks` can run in the same pass and the
writer gets one complete list of problems.
"""

from __future__ import annotations

import re

from flowgen.errors import Diagnostic, Span, error
from flowgen.language import ast
from flowgen.language.history import read_history
from flowgen.language.keywords import EMPTY_MARKS, HISTORY_KEY, SAME_AS_ABOVE
from flowgen.model.types import NO_SPAN, Actor, Approval, Edge, Identity, Procedure, Step, StepKind
from flowgen.model.values import MONTHS_EN, MONTHS_ID, DateFormatError, DateValue, parse_date, parse_time
from flowgen.suggest import suggest

_KINDS = {
    "start": StepKind.START,
    "end": StepKind.END,
    "activity": StepKind.ACTIVITY,
    "decision": StepKind.DECISION,
}

_LIST_FIELDS = {
    "dasar-hukum": "legal_basis",
    "kualifikasi": "qualifications",
    "keterkaitan": "related",
    "peralatan": "equipment",
    "peringatan": "warnings",
    "pencatatan": "records",
}
_TEXT_FIELDS = {"judul": "title", "nomor": "number", "instansi": "agency", "unit": "unit", "no-revisi": "revision"}
_DATE_FIELDS = {"dibuat": "created", "revisi": "revised", "efektif": "effective"}


_NIP_WORD = re.compile(r"NIP\b[ .:]*(.*)\Z", re.IGNORECASE | re.DOTALL)


def _nip(part: str) -> str | None:
    """The number of a NIP part (``NIP. 19611122 198903 1 005``, or 18 digits alone), spacing kept."""
    found = _NIP_WORD.match(part)
    if found:
        return found.group(1).strip()
    digits = part.replace(" ", "")
    if digits.isdigit() and len(digits) == 18:
        return part
    return None


def parse_approval(text: str) -> Approval:
    """``Jabatan; Nama; Pangkat; NIP 1970...`` — position, then name, rank and NIP, each optional.

    The NIP part is the one starting with the word NIP, or 18 digits with
    or without the usual spaces; any other part after the name is the rank.
    """
    parts = [p.strip() for p in text.split(";")]
    position, rest = parts[0], parts[1:]
    nip: str | None = None
    others: list[str] = []
    for part in rest:
        number = _nip(part) if nip is None else None
        if number is not None:
            nip = number
        else:
            others.append(part)
    name = others[0] if others else ""
    rank = "; ".join(p for p in others[1:] if p)
    return Approval(position, name, nip or "", text, rank, nip is not None)


class Compiler:
    def __init__(self, document: ast.Document):
        self.doc = document
        self.diagnostics: list[Diagnostic] = []
        self.unknown_actors: set[str] = set()  # reported once each, at their first use
        self.unknown_labels: set[str] = set()
        self.labels: dict[str, int] = {}  # label -> step number
        self.shown: dict[str, list[int]] = {}  # the No column's number -> the steps printing it
        self.step_lines: dict[int, int] = {}  # step number -> its line, for messages

    def err(self, code: str, span: Span, **args: object) -> None:
        self.diagnostics.append(error(code, span, self.doc.line(span.line), **args))

    def compile(self) -> Procedure:
        identity = self._identity()
        actors = self._actors()
        steps, edges = self._flow({a.key for a in actors}, [a.key for a in actors])
        return Procedure(
            identity=identity,
            actors=actors,
            steps=steps,
            edges=edges,
            source_name=self.doc.source_name,
            source_lines=self.doc.lines,
        )

    # -- identity ---------------------------------------------------------------

    def _identity(self) -> Identity:
        fields: dict[str, object] = {}
        style_span: Span | None = None
        for entry in self.doc.entries:
            values = [v.text for v in entry.values]
            if entry.key == HISTORY_KEY:
                fields["history"] = read_history(entry, self.err)
            elif entry.key in _LIST_FIELDS:  # "keterkaitan: -" is an empty box, not an item "-"
                empty = len(values) == 1 and values[0] in EMPTY_MARKS
                fields[_LIST_FIELDS[entry.key]] = () if empty else tuple(values)
            elif not values or (entry.key in _DATE_FIELDS and values[0] in EMPTY_MARKS):
                continue  # an empty box
            elif entry.key in _TEXT_FIELDS:
                fields[_TEXT_FIELDS[entry.key]] = values[0]
            elif entry.key in _DATE_FIELDS:
                fields[_DATE_FIELDS[entry.key]] = self._date(entry)
            elif entry.key == "disahkan":
                fields["approved_by"] = parse_approval(values[0])
            elif entry.key == "gaya":
                fields["style"] = values[0]
                style_span = entry.values[0].span
        if "title" not in fields:
            first = self.doc.entries[0].span if self.doc.entries else Span(self.doc.source_name, 1, 1, 1)
            if any(e.key == "judul" for e in self.doc.entries) or not self.doc.lines:
                pass  # an empty judul was reported by the parser
            elif any(line.strip() for line in self.doc.lines):
                self.err("missing-title", Span(first.file, 1, 1, 1))
            fields["title"] = ""
        if style_span is not None:
            fields["style_span"] = style_span
        return Identity(**fields)  # type: ignore[arg-type]

    def _date(self, entry: ast.Entry) -> DateValue | None:
        value = entry.values[0]
        try:
            return parse_date(value.text)
        except DateFormatError as exc:
            if exc.reason == "month":
                word = value.text.split()[1].rstrip(".")
                start = value.text.index(word)
                span = Span(value.span.file, value.span.line, value.span.column + start, len(word))
                self.err("bad-month", span, month=word, suggestion=suggest(word, list(MONTHS_ID + MONTHS_EN)))
            else:
                code = "impossible-date" if exc.reason == "range" else "bad-date"
                self.err(code, value.span, key=entry.written_key, text=value.text)
            return None

    # -- actors -----------------------------------------------------------------

    def _actors(self) -> tuple[Actor, ...]:
        if not self.doc.has_actors_block and self.doc.entries:
            self.err("missing-actors", Span(self.doc.source_name, 1, 1, 1))
        actors: list[Actor] = []
        seen: dict[str, int] = {}
        for decl in self.doc.actors:
            key = decl.key.text
            if key in seen:
                self.err("duplicate-actor", decl.key.span, key=key, first=seen[key])
                continue
            seen[key] = decl.key.span.line
            actors.append(Actor(key, decl.name.text, len(actors), decl.key.span))
        return tuple(actors)

    # -- steps and arrows --------------------------------------------------------

    def _flow(self, known: set[str], order: list[str]) -> tuple[tuple[Step, ...], tuple[Edge, ...]]:
        nodes = self.doc.steps
        if not self.doc.has_flow_block and self.doc.entries:
            self.err("missing-flow", Span(self.doc.source_name, 1, 1, 1))
        first_of: dict[str, int] = {}  # label -> index of its node
        for index, node in enumerate(nodes):
            if node.label is None:
                continue
            name = node.label.text
            if name in first_of:
                first_line = nodes[first_of[name]].span.line
                self.err("duplicate-label", node.label.span, label=name, first=first_line)
            else:
                first_of[name] = index
        # model numbers: each written step, and right after a decision the ends its branches make
        numbers: list[int] = []
        ends: dict[tuple[int, int], int] = {}
        count = 0
        for index, node in enumerate(nodes):
            count += 1
            numbers.append(count)
            for b, branch in enumerate(node.branches):
                if self._makes_end(branch, first_of):
                    count += 1
                    ends[(index, b)] = count
        self.labels = {name: numbers[index] for name, index in first_of.items()}
        self.step_lines = {number: node.span.line for number, node in zip(numbers, nodes)}
        self.shown = self._shown_numbers(nodes, numbers)
        steps: list[Step] = []
        edges: list[Edge] = []
        above: tuple[str, ...] = ()
        for index, node in enumerate(nodes):
            step = self._step(numbers[index], node, known, order, above)
            steps.append(step)
            above = step.actors
            following = numbers[index + 1] if index + 1 < len(nodes) else None
            for b, branch in enumerate(node.branches):
                if (index, b) in ends and branch.end is not None:
                    steps.append(self._implicit_end(ends[(index, b)], branch, branch.end, step.actors))
            edges.extend(self._edges(step.number, node, following, {k[1]: v for k, v in ends.items() if k[0] == index}))
        return tuple(steps), tuple(edges)

    @staticmethod
    def _makes_end(branch: ast.Branch, labels: dict[str, int]) -> bool:
        """``-> selesai`` ends the procedure, unless a step is labelled ``selesai`` (then it leads there)."""
        if branch.end is None:
            return False
        return bool(branch.end.text) or not branch.targets or branch.targets[0].text not in labels

    @staticmethod
    def _implicit_end(number: int, branch: ast.Branch, end: ast.Value, actors: tuple[str, ...]) -> Step:
        """The end a branch makes, in its decision's lane, with no number in the No column."""
        keyword = branch.targets[0].text if branch.targets else "selesai"
        text = end.text or keyword.capitalize()
        return Step(number, StepKind.END, actors, text, span=branch.span, printed="", implicit=True)

    def _shown_numbers(self, nodes: tuple[ast.StepNode, ...], numbers: list[int]) -> dict[str, list[int]]:
        """The No column's numbers, each with the steps that print it (a sheet may print one twice)."""
        shown: dict[str, list[int]] = {}
        last = 0
        for node, number in zip(nodes, numbers):
            written = node.number.text if node.number is not None else None
            if written is None:
                last += 1
                written = str(last)
            elif written.rstrip("abcdefghijklmnopqrstuvwxyz").isdigit():
                last = int(written.rstrip("abcdefghijklmnopqrstuvwxyz"))
            if written:
                shown.setdefault(written, []).append(number)
        return shown

    def _actors_of(self, node: ast.StepNode, known: set[str], order: list[str], above: tuple[str, ...]) -> list[str]:
        refs = node.actors
        if len(refs) == 1 and refs[0].text.lower() in SAME_AS_ABOVE and refs[0].text not in known:
            if node is self.doc.steps[0]:
                self.err("same-as-above-first", refs[0].span, key=refs[0].text)
            return list(above)  # "sda": the actors of the step above
        actors: list[str] = []
        for ref in refs:
            if ref.text in known:
                if ref.text in actors:
                    self.err("repeated-actor", ref.span, key=ref.text)
                else:
                    actors.append(ref.text)
                continue
            if ref.text in self.unknown_actors:
                continue
            self.unknown_actors.add(ref.text)
            self.err(
                "unknown-actor",
                ref.span,
                key=ref.text,
                declared=", ".join(order) or "-",
                suggestion=suggest(ref.text, order),
            )
        return actors

    def _step(self, number: int, node: ast.StepNode, known: set[str], order: list[str], above: tuple[str, ...]) -> Step:
        actors = self._actors_of(node, known, order, above)
        attrs = {a.key: a.value.text for a in node.attributes}
        time = parse_time(attrs["waktu"]) if "waktu" in attrs else None
        time_span = next((a.value.span for a in node.attributes if a.key == "waktu"), NO_SPAN)
        return Step(
            number=number,
            kind=_KINDS[node.kind],
            actors=tuple(actors),
            text="\n".join([node.text.text, *node.more_text]) if node.text.text else "\n".join(node.more_text),
            label=node.label.text if node.label else None,
            requires=attrs.get("kelengkapan", ""),
            time=time,
            output=attrs.get("output", ""),
            note=attrs.get("keterangan", ""),
            symbol=attrs.get("simbol", ""),
            span=node.span,
            time_span=time_span,
            printed=node.number.text if node.number is not None else None,
        )

    def _resolve(self, ref: ast.Value) -> int | None:
        name = ref.text
        candidates = self.shown.get(name, []) if name[:1].isdigit() and name not in self.labels else []
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            lines = ", ".join(str(self.step_lines[n]) for n in candidates)
            self.err("ambiguous-step-number", ref.span, number=name, lines=lines)
            return None
        if name.isdigit():
            count = sum(len(v) for v in self.shown.values())
            shown = name.lstrip("0") or "0"  # as a number, but never int() of thousands of digits
            self.err("no-such-step", ref.span, number=shown if len(shown) <= 12 else f"{shown[:12]}…", count=count)
            return None
        if name in self.labels:
            return self.labels[name]
        if name in self.unknown_labels:
            return None  # reported at its first use
        self.unknown_labels.add(name)
        self.err(
            "unknown-label",
            ref.span,
            label=name,
            suggestion=suggest(name, list(self.labels)),
            known=", ".join(self.labels) or "-",
        )
        return None

    def _edges(self, number: int, node: ast.StepNode, following: int | None, ends: dict[int, int]) -> list[Edge]:
        edges: list[Edge] = []
        if node.kind == "decision":
            for b, branch in enumerate(node.branches):
                if b in ends:
                    edges.append(Edge(number, ends[b], branch.label.text, branch.span))
                    continue
                if not branch.targets:
                    if following is None:
                        self.err("branch-falls-off", branch.label.span, label=branch.label.text)
                        continue
                    edges.append(Edge(number, following, branch.label.text, branch.span))
                    continue
                for ref in branch.targets:
                    target = self._resolve(ref)
                    if target is not None:
                        edges.append(Edge(number, target, branch.label.text, ref.span))
            return edges
        if node.targets is not None:
            for ref in node.targets:
                target = self._resolve(ref)
                if target is not None:
                    edges.append(Edge(number, target, None, ref.span))
        elif node.kind != "end" and following is not None:
            edges.append(Edge(number, following, None, node.span))
        return edges


def compile_document(document: ast.Document) -> tuple[Procedure, list[Diagnostic]]:
    """Resolve names and build the procedure; problems are returned, not raised."""
    compiler = Compiler(document)
    procedure = compiler.compile()
    return procedure, compiler.diagnostics
