"""Procedure back to .pos text: the inverse of the parser.

Used to normalise files, to write procedures built in code, and by the
round-trip property test (text → model → text → model gives the same model).
Arrows that the reading order already implies (an activity falling through
to the next line) are left implicit, as a writer would leave them.
"""

from __future__ import annotations

from flowgen.language.keywords import ARROW, ESCAPED_ARROW
from flowgen.model.types import Edge, Procedure, Step, StepKind
from flowgen.model.validate import require_valid

_KIND_WORD = {StepKind.START: "mulai ", StepKind.END: "selesai ", StepKind.DECISION: "? "}


def _escape(text: str) -> str:
    return text.replace(ARROW, ESCAPED_ARROW)


def _list(key: str, items: tuple[str, ...]) -> list[str]:
    if not items:
        return []
    if len(items) == 1:
        return [f"{key}: {items[0]}"]
    return [f"{key}:"] + [f"  - {item}" for item in items]


def _target(procedure: Procedure, number: int) -> str:
    label = procedure.step(number).label
    return label if label else str(number)


def _targets(procedure: Procedure, edges: list[Edge]) -> str:
    return ", ".join(_target(procedure, e.target) for e in edges)


def _step_lines(procedure: Procedure, step: Step) -> list[str]:
    head = f"[{step.label}] " if step.label else ""
    head += _KIND_WORD.get(step.kind, "")
    head += "+".join(step.actors) + ":"
    if step.text:
        head += " " + _escape(step.text)
    out = list(procedure.outgoing(step.number))
    if step.kind in (StepKind.ACTIVITY, StepKind.START, StepKind.CONNECTOR):
        falls_through = len(out) == 1 and out[0].target == step.number + 1
        if out and not falls_through:
            head += f" -> {_targets(procedure, out)}"
    lines = [f"  {head}"]
    for key, value in (
        ("kelengkapan", step.requires),
        ("waktu", step.time.text if step.time else ""),
        ("output", step.output),
        ("keterangan", step.note),
        ("simbol", step.symbol),
    ):
        if value:
            lines.append(f"    {key}: {value}")
    if step.kind is StepKind.DECISION:
        branches: dict[str, list[Edge]] = {}
        for edge in out:
            branches.setdefault(edge.label or "", []).append(edge)
        for label, edges in branches.items():
            lines.append(f"    {label} -> {_targets(procedure, edges)}")
    return lines


def to_pos(procedure: Procedure) -> str:
    """The procedure as .pos text, Indonesian keywords, two-space indentation.

    Comments and the layout of the original file are not kept.  A procedure
    that breaks the model's rules raises :class:`~flowgen.errors.ModelError`.
    """
    require_valid(procedure)
    ident = procedure.identity
    lines = [f"judul: {ident.title}"]
    for key, value in (("nomor", ident.number), ("instansi", ident.agency), ("unit", ident.unit)):
        if value:
            lines.append(f"{key}: {value}")
    for key, date in (("dibuat", ident.created), ("revisi", ident.revised), ("efektif", ident.effective)):
        if date:
            lines.append(f"{key}: {date.written}")
    if ident.approved_by:
        a = ident.approved_by
        parts = [a.position] + ([a.name] if a.name or a.nip else []) + ([f"NIP {a.nip}"] if a.nip else [])
        lines.append("disahkan: " + "; ".join(parts))
    if ident.style:
        lines.append(f"gaya: {ident.style}")
    lines += _list("dasar-hukum", ident.legal_basis)
    lines += _list("kualifikasi", ident.qualifications)
    lines += _list("keterkaitan", ident.related)
    lines += _list("peralatan", ident.equipment)
    lines += _list("peringatan", ident.warnings)
    lines += _list("pencatatan", ident.records)
    lines += ["", "pelaksana:"]
    lines += [f"  {a.key} = {a.name}" for a in procedure.actors]
    lines += ["", "alur:"]
    for step in procedure.steps:
        lines += _step_lines(procedure, step)
    return "\n".join(lines) + "\n"
