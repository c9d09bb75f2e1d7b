"""Procedure back to .pos text: the inverse of the parser.

Used to normalise files, to write procedures built in code, and by the
round-trip property test (text → model → text → model gives the same model).
Arrows that the reading order already implies (an activity falling through
to the next line) are left implicit, as a writer would leave them.
"""

from __future__ import annotations

from flowgen.language.history import history_item
from flowgen.language.keywords import ARROW, EMPTY_MARKS, ESCAPED_ARROW, HISTORY_KEY
from flowgen.model.types import Approval, Edge, Procedure, Step, StepKind
from flowgen.model.validate import require_valid

_KIND_WORD = {StepKind.START: "mulai ", StepKind.END: "selesai ", StepKind.DECISION: "? "}


def _escape(text: str) -> str:
    return text.replace(ARROW, ESCAPED_ARROW)


def _value(key: str, text: str, indent: str = "") -> list[str]:
    """``key: value``, a value of several lines going on on deeper lines, as the parser reads them."""
    first, *rest = text.split("\n")
    head = f"{indent}{key}: {first}".rstrip() if key else f"{indent}{first}"
    return [head] + [f"{indent}    {line}" for line in rest]


def _list(key: str, items: tuple[str, ...]) -> list[str]:
    if not items:
        return []
    if len(items) == 1 and items[0] not in EMPTY_MARKS:
        return _value(key, items[0])
    return [f"{key}:"] + [line for item in items for line in _value("", f"- {item}", "  ")]


def _target(procedure: Procedure, number: int) -> str:
    step = procedure.step(number)
    return step.label if step.label else procedure.shown_number(number)


def _targets(procedure: Procedure, edges: list[Edge]) -> str:
    return ", ".join(_target(procedure, e.target) for e in edges)


def _number(step: Step) -> str:
    if step.printed is None:
        return ""
    return f"{step.printed}. " if step.printed else "- "


def _following(procedure: Procedure, step: Step) -> int | None:
    """The next step written after ``step`` (the ends its branches make are not written)."""
    later = [s.number for s in procedure.steps if s.number > step.number and not s.implicit]
    return later[0] if later else None


def _branch(procedure: Procedure, step: Step, label: str, edges: list[Edge]) -> str:
    ends = [procedure.step(e.target) for e in edges if procedure.step(e.target).implicit]
    if ends:
        end = ends[0]
        return f"    {label} -> selesai" + ("" if end.text == "Selesai" else f": {_escape(end.text)}")
    target = edges[0].target
    unnamed = not procedure.shown_number(target) and not procedure.step(target).label
    if len(edges) == 1 and label and unnamed and target == _following(procedure, step):
        return f"    {label}"  # on to the next line: the only way to name a step with no number and no label
    return f"    {label} -> {_targets(procedure, edges)}"


def _step_lines(procedure: Procedure, step: Step) -> list[str]:
    head = _number(step) + (f"[{step.label}] " if step.label else "")
    head += _KIND_WORD.get(step.kind, "")
    head += "+".join(step.actors) + ":"
    first, *more = step.text.split("\n")
    if first:
        head += " " + _escape(first)
    out = list(procedure.outgoing(step.number))
    if step.kind in (StepKind.ACTIVITY, StepKind.START, StepKind.CONNECTOR):
        falls_through = len(out) == 1 and out[0].target == step.number + 1
        if out and not falls_through:
            head += f" -> {_targets(procedure, out)}"
    deeper = "      " if step.kind is StepKind.DECISION else "    "  # a question goes on deeper than its branches
    lines = [f"  {head}"] + [f"{deeper}{_escape(line)}" for line in more]
    for key, value in (
        ("kelengkapan", step.requires),
        ("waktu", step.time.text if step.time else ""),
        ("output", step.output),
        ("keterangan", step.note),
        ("simbol", step.symbol),
    ):
        if value:
            lines += [line if i == 0 else "  " + line for i, line in enumerate(_value(key, value, "    "))]
    if step.kind is StepKind.DECISION:
        branches: dict[str, list[Edge]] = {}
        for edge in out:
            branches.setdefault(edge.label or "", []).append(edge)
        lines += [_branch(procedure, step, label, edges) for label, edges in branches.items()]
    return lines


def _approval(a: Approval) -> str:
    parts = [a.position]
    if a.name or a.rank or a.nip_written:
        parts.append(a.name)
    if a.rank:
        parts.append(a.rank)
    if a.nip_written:
        parts.append(f"NIP {a.nip}".rstrip())
    return "; ".join(parts)


def to_pos(procedure: Procedure) -> str:
    """The procedure as .pos text, Indonesian keywords, two-space indentation.

    Comments and the layout of the original file are not kept.  A value of
    several lines goes on on deeper lines; an arrow to a step names its label,
    else the number its No column prints.  A procedure that breaks the
    model's rules raises :class:`~flowgen.errors.ModelError`.
    """
    require_valid(procedure)
    ident = procedure.identity
    lines = _value("judul", ident.title)
    for key, value in (
        ("nomor", ident.number),
        ("no-revisi", ident.revision),
        ("instansi", ident.agency),
        ("unit", ident.unit),
    ):
        if value:
            lines += _value(key, value)
    for key, date in (("dibuat", ident.created), ("revisi", ident.revised), ("efektif", ident.effective)):
        if date:
            lines.append(f"{key}: {date.written}")
    if ident.approved_by:
        lines += _value("disahkan", _approval(ident.approved_by))
    if ident.style:
        lines.append(f"gaya: {ident.style}")
    lines += _list("dasar-hukum", ident.legal_basis)
    lines += _list("kualifikasi", ident.qualifications)
    lines += _list("keterkaitan", ident.related)
    lines += _list("peralatan", ident.equipment)
    lines += _list("peringatan", ident.warnings)
    lines += _list("pencatatan", ident.records)
    if ident.history:  # always as items, so a one-revision history reads as a history
        lines += [f"{HISTORY_KEY}:"] + [x for r in ident.history for x in _value("", f"- {history_item(r)}", "  ")]
    lines += ["", "pelaksana:"]
    lines += [line for a in procedure.actors for line in _value("", f"{a.key} = {a.name}", "  ")]
    lines += ["", "alur:"]
    for step in procedure.steps:
        if not step.implicit:
            lines += _step_lines(procedure, step)
    return "\n".join(lines) + "\n"
