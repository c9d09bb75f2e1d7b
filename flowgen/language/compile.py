"""From syntax tree to :class:`Procedure`: names resolved, steps numbered, arrows made.

The compiler reports every name it cannot resolve (actors, labels, step
numbers, dates) and still builds as much of the procedure as it can, so that
the graph rules in :mod:`flowgen.checks` can run in the same pass and the
writer gets one complete list of problems.
"""

from __future__ import annotations

from flowgen.errors import Diagnostic, Span, error
from flowgen.language import ast
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
_TEXT_FIELDS = {"judul": "title", "nomor": "number", "instansi": "agency", "unit": "unit"}
_DATE_FIELDS = {"dibuat": "created", "revisi": "revised", "efektif": "effective"}


def parse_approval(text: str) -> Approval:
    """``Jabatan; Nama; NIP 1970...`` — position, name and NIP, the last two optional."""
    parts = [p.strip() for p in text.split(";")]
    position = parts[0] if parts else ""
    name = parts[1] if len(parts) > 1 else ""
    nip = "; ".join(parts[2:]) if len(parts) > 2 else ""
    lowered = nip.lower()
    if lowered.startswith("nip"):
        nip = nip[3:].lstrip(" .:")
    return Approval(position, name, nip, text)


class Compiler:
    def __init__(self, document: ast.Document):
        self.doc = document
        self.diagnostics: list[Diagnostic] = []
        self.unknown_actors: set[str] = set()  # reported once each, at their first use
        self.unknown_labels: set[str] = set()

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
            if entry.key in _LIST_FIELDS:
                fields[_LIST_FIELDS[entry.key]] = tuple(values)
            elif not values:
                continue
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
        labels: dict[str, int] = {}
        for number, node in enumerate(nodes, start=1):
            if node.label is None:
                continue
            name = node.label.text
            if name in labels:
                first_line = nodes[labels[name] - 1].span.line
                self.err("duplicate-label", node.label.span, label=name, first=first_line)
            else:
                labels[name] = number

        steps: list[Step] = []
        edges: list[Edge] = []
        for number, node in enumerate(nodes, start=1):
            steps.append(self._step(number, node, known, order))
            edges.extend(self._edges(number, node, labels, len(nodes)))
        return tuple(steps), tuple(edges)

    def _step(self, number: int, node: ast.StepNode, known: set[str], order: list[str]) -> Step:
        actors: list[str] = []
        for ref in node.actors:
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
        attrs = {a.key: a.value.text for a in node.attributes}
        time = parse_time(attrs["waktu"]) if "waktu" in attrs else None
        time_span = next((a.value.span for a in node.attributes if a.key == "waktu"), NO_SPAN)
        return Step(
            number=number,
            kind=_KINDS[node.kind],
            actors=tuple(actors),
            text=node.text.text,
            label=node.label.text if node.label else None,
            requires=attrs.get("kelengkapan", ""),
            time=time,
            output=attrs.get("output", ""),
            note=attrs.get("keterangan", ""),
            symbol=attrs.get("simbol", ""),
            span=node.span,
            time_span=time_span,
        )

    def _resolve(self, ref: ast.Value, labels: dict[str, int], count: int) -> int | None:
        name = ref.text
        if name.isdigit():
            number = int(name)
            if 1 <= number <= count:
                return number
            self.err("no-such-step", ref.span, number=number, count=count)
            return None
        if name in labels:
            return labels[name]
        if name in self.unknown_labels:
            return None  # reported at its first use
        self.unknown_labels.add(name)
        self.err(
            "unknown-label",
            ref.span,
            label=name,
            suggestion=suggest(name, list(labels)),
            known=", ".join(labels) or "-",
        )
        return None

    def _edges(self, number: int, node: ast.StepNode, labels: dict[str, int], count: int) -> list[Edge]:
        edges: list[Edge] = []
        next_number = number + 1 if number < count else None
        if node.kind == "decision":
            for branch in node.branches:
                if not branch.targets:
                    if next_number is None:
                        self.err("branch-falls-off", branch.label.span, label=branch.label.text)
                        continue
                    edges.append(Edge(number, next_number, branch.label.text, branch.span))
                    continue
                for ref in branch.targets:
                    target = self._resolve(ref, labels, count)
                    if target is not None:
                        edges.append(Edge(number, target, branch.label.text, ref.span))
            return edges
        if node.targets is not None:
            for ref in node.targets:
                target = self._resolve(ref, labels, count)
                if target is not None:
                    edges.append(Edge(number, target, None, ref.span))
        elif node.kind != "end" and next_number is not None:
            edges.append(Edge(number, next_number, None, node.span))
        return edges


def compile_document(document: ast.Document) -> tuple[Procedure, list[Diagnostic]]:
    """Resolve names and build the procedure; problems are returned, not raised."""
    compiler = Compiler(document)
    procedure = compiler.compile()
    return procedure, compiler.diagnostics
