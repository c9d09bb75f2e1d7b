"""The rules a procedure's graph must follow, and the Permenpan conventions it should.

:func:`check` runs on any :class:`~flowgen.model.types.Procedure` — read from
a file, loaded from JSON or built in code — and returns diagnostics; it never
raises.  The same rules run while loading a file, so ``flowgen.load`` refuses
a procedure with errors and ``flowgen.check`` then only has warnings to add.
"""

from __future__ import annotations

from flowgen.errors import Diagnostic, Span, error, sort_key, warning
from flowgen.model import analysis
from flowgen.model.types import Procedure, Step, StepKind


def _where(procedure: Procedure, step: Step) -> tuple[Span, str | None]:
    return step.span, procedure.line_text(step.span)


def _numbers(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def structure_errors(procedure: Procedure, partial: bool = False) -> list[Diagnostic]:
    """Errors in the shape of the graph.

    ``partial`` means some arrows could not be made (an unknown label, say):
    rules that would only repeat that problem in other words are skipped.
    """
    found: list[Diagnostic] = []
    steps = procedure.steps
    if not steps:
        found.append(
            error("no-steps", Span(procedure.source_name, 1, 1, 1), procedure.line_text(Span(procedure.source_name, 1)))
        )
        return found
    if not procedure.starts:
        span, text = _where(procedure, steps[0])
        found.append(error("no-start", span, text))
    if not procedure.ends:
        span, text = _where(procedure, steps[-1])
        found.append(error("no-end", span, text))
    for step in steps:
        if step.kind is StepKind.DECISION:
            labels = {e.label for e in procedure.outgoing(step.number)}
            if len(labels) < 2 and not partial:
                span, text = _where(procedure, step)
                found.append(error("decision-branches", span, text, step=step.number, count=len(labels)))
    if not partial and procedure.starts:
        for step in steps:
            if step.kind is StepKind.START or procedure.incoming(step.number):
                continue
            span, text = _where(procedure, step)
            before = procedure.step(step.number - 1) if step.number > 1 else None
            code = "after-end" if before is not None and before.kind is StepKind.END else "unreached"
            found.append(error(code, span, text, step=step.number, before=step.number - 1))
    return found


def convention_warnings(procedure: Procedure, partial: bool = False) -> list[Diagnostic]:
    """Warnings: things the standard frowns on, which still draw."""
    found: list[Diagnostic] = []
    counts = analysis.steps_per_actor(procedure)
    for actor in procedure.actors:
        if counts.get(actor.key, 0) == 0:
            found.append(warning("unused-actor", actor.span, procedure.line_text(actor.span), key=actor.key))
    for step in procedure.steps:
        span, text = _where(procedure, step)
        if step.kind is StepKind.DECISION:
            out = procedure.outgoing(step.number)
            labels = {e.label for e in out}
            targets = {e.target for e in out}
            if len(labels) >= 2 and len(targets) == 1:
                found.append(warning("decision-same-target", span, text, step=step.number, target=next(iter(targets))))
            if len(labels) > 2:
                found.append(warning("decision-many-branches", span, text, step=step.number, count=len(labels)))
        if step.time is not None and not step.time.parsed:
            found.append(warning("time-unparsed", span, text, step=step.number, written=step.time.text))
    if partial or not procedure.steps:
        return found
    can_end = analysis.reaching(procedure, (s.number for s in procedure.ends))
    closed: set[int] = set()
    for group in analysis.strongly_connected(procedure):
        members = set(group)
        looping = len(group) > 1 or group[0] in set(procedure.successors(group[0]))
        if not looping or members & can_end:
            continue
        closed |= members
        first = procedure.step(group[0])
        span, text = _where(procedure, first)
        if len(group) == 1:
            found.append(warning("self-loop", span, text, step=group[0]))
        else:
            found.append(warning("closed-loop", span, text, steps=_numbers(group)))
    for step in procedure.steps:
        if step.kind is StepKind.END or procedure.outgoing(step.number) or step.number in closed:
            continue
        span, text = _where(procedure, step)
        found.append(warning("dead-end", span, text, step=step.number))
    if procedure.starts:
        from_start = analysis.reachable(procedure)
        for step in procedure.steps:
            if step.number not in from_start and procedure.incoming(step.number) and step.kind is not StepKind.START:
                span, text = _where(procedure, step)
                found.append(warning("not-from-start", span, text, step=step.number))
    return found


def check(procedure: Procedure) -> list[Diagnostic]:
    """Every error and warning for a procedure, in source order."""
    found = structure_errors(procedure) + convention_warnings(procedure)
    return sorted(found, key=sort_key)
