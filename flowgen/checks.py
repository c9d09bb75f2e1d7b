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
from flowgen.model.validate import model_errors


def _where(procedure: Procedure, step: Step) -> tuple[Span, str | None]:
    return step.span, procedure.line_text(step.span)


def _answers(procedure: Procedure, step: Step) -> set[str | None]:
    return {e.label for e in procedure.outgoing(step.number)}


def _name(procedure: Procedure, number: int) -> int | str:
    """How a message names a step: as the No column prints it.

    An ordinary file prints 1..n, so that is the step's number.  On a sheet
    with its own numbering (a number twice, a gap, a row with none) it is
    the printed number; a row printed with no number is named by its text.
    """
    if all(s.printed is None for s in procedure.steps):
        return number
    shown = procedure.shown_number(number)
    if shown:
        return shown
    text = " ".join(procedure.step(number).text.split())
    return f"'{text if len(text) <= 40 else text[:39].rstrip() + '…'}'"


def _numbers(procedure: Procedure, numbers: list[int]) -> str:
    return ", ".join(str(_name(procedure, n)) for n in numbers)


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
    undecided: set[int] = set()  # decisions with fewer than two answers
    for step in steps:
        if step.kind is StepKind.DECISION:
            labels = _answers(procedure, step)
            if len(labels) >= 2:
                continue
            undecided.add(step.number)
            if not partial:
                span, text = _where(procedure, step)
                code = "decision-branches" if labels else "decision-no-branches"
                found.append(error(code, span, text, step=_name(procedure, step.number), count=len(labels)))
    if partial or not procedure.starts:
        return found
    by_number = {s.number: s for s in steps}
    orphans: list[int] = []  # steps nothing else leads to
    for step in steps:
        if step.kind is StepKind.START or any(e.source != step.number for e in procedure.incoming(step.number)):
            continue
        orphans.append(step.number)
        if any(number < step.number for number in undecided):
            continue  # most likely where the missing branch of a decision above leads: reported there
        before = by_number.get(step.number - 1)
        span, text = _where(procedure, step)
        code = "after-end" if before is not None and before.kind is StepKind.END else "unreached"
        named = {"step": _name(procedure, step.number), "before": _name(procedure, step.number - 1) if before else 0}
        found.append(error(code, span, text, **named))
    # what is left are groups of steps that only lead to each other: one error for each group
    reached = analysis.reach(procedure, [s.number for s in procedure.starts] + orphans)
    for group in _groups(procedure, [s.number for s in steps if s.number not in reached]):
        if any(number < group[0] for number in undecided):
            continue  # as above: the missing branch of a decision may be what leads here
        span, text = _where(procedure, by_number[group[0]])
        found.append(error("not-from-start", span, text, steps=_numbers(procedure, group)))
    return found


def _groups(procedure: Procedure, numbers: list[int]) -> list[list[int]]:
    """The steps split into groups joined by arrows (in either direction), in reading order."""
    left = set(numbers)
    groups: list[list[int]] = []
    for number in numbers:
        if number not in left:
            continue
        left.discard(number)
        group, todo = [number], [number]
        while todo:
            current = todo.pop()
            for edge in procedure.outgoing(current) + procedure.incoming(current):
                other = edge.target if edge.source == current else edge.source
                if other in left:
                    left.discard(other)
                    group.append(other)
                    todo.append(other)
        groups.append(sorted(group))
    return groups


def convention_warnings(procedure: Procedure, partial: bool = False) -> list[Diagnostic]:
    """Warnings: things the standard frowns on, which still draw."""
    found: list[Diagnostic] = []
    counts = analysis.count_steps(procedure)
    for actor in procedure.actors:
        if counts.get(actor.key, 0) == 0:
            found.append(warning("unused-actor", actor.span, procedure.line_text(actor.span), key=actor.key))
    numbering = _number_warnings(procedure)
    starts = {s.number for s in procedure.starts}
    for step in procedure.steps:
        span, text = _where(procedure, step)
        name = _name(procedure, step.number)
        found += numbering.get(step.number, [])
        if not partial and step.kind in (StepKind.ACTIVITY, StepKind.START):
            for edge in procedure.outgoing(step.number):
                if edge.target == step.number + 1 and edge.target in starts:
                    found.append(warning("into-start", span, text, step=name, start=_name(procedure, edge.target)))
                    break
        if step.kind is StepKind.DECISION:
            out = procedure.outgoing(step.number)
            labels = {e.label for e in out}
            targets = {e.target for e in out}
            if len(labels) >= 2 and len(targets) == 1:
                target = _name(procedure, next(iter(targets)))
                found.append(warning("decision-same-target", span, text, step=name, target=target))
            if len(labels) > 2:
                found.append(warning("decision-many-branches", span, text, step=name, count=len(labels)))
        if step.time is not None and not step.time.parsed:
            where = step.time_span if step.time_span.line > 0 else step.span
            found.append(warning("time-unparsed", where, procedure.line_text(where), step=name, written=step.time.text))
    if partial or not procedure.ends:
        return found  # with no end at all, every loop and every last step would be "without a way out"
    # a decision with a missing branch may well lead to an end: that branch is reported already
    undecided = [s.number for s in procedure.steps if s.kind is StepKind.DECISION and len(_answers(procedure, s)) < 2]
    can_end = analysis.reaching(procedure, [s.number for s in procedure.ends] + undecided)
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
            found.append(warning("self-loop", span, text, step=_name(procedure, group[0])))
        else:
            found.append(warning("closed-loop", span, text, steps=_numbers(procedure, group)))
    for step in procedure.steps:
        if step.kind in (StepKind.END, StepKind.DECISION) or procedure.outgoing(step.number) or step.number in closed:
            continue  # a decision without branches is an error of its own (decision-no-branches)
        span, text = _where(procedure, step)
        found.append(warning("dead-end", span, text, step=_name(procedure, step.number)))
    return found


def _number_value(shown: str) -> int | None:
    digits = shown.rstrip("abcdefghijklmnopqrstuvwxyz")
    return int(digits) if digits.isdigit() and len(digits) <= 9 else None


def _number_warnings(procedure: Procedure) -> dict[int, list[Diagnostic]]:
    """A No column written 1, 2, 3, 3, 5: kept as signed, but said, since it may hide a lost step."""
    found: dict[int, list[Diagnostic]] = {}
    first: dict[str, Step] = {}
    before = 0
    for step in procedure.steps:
        shown = procedure.shown_number(step.number)
        value = _number_value(shown)
        if step.printed:  # written by hand: the only numbers that can repeat or skip
            span, text = _where(procedure, step)
            if shown in first:
                found[step.number] = [
                    warning(
                        "step-number-repeated", span, text, number=shown, row=step.number, first=first[shown].number
                    )
                ]
            elif value is not None and value > before + 1:
                missing = str(before + 1) if value == before + 2 else f"{before + 1}-{value - 1}"
                found[step.number] = [
                    warning("step-number-gap", span, text, number=shown, before=before, missing=missing)
                ]
        if shown:
            first.setdefault(shown, step)
        if value is not None:
            before = value
    return found


def check(procedure: Procedure) -> list[Diagnostic]:
    """Every error and warning for a procedure, in source order.

    A procedure that breaks the model's rules (built in code with an
    undeclared actor, say) gets those errors only: the graph rules cannot be
    judged on it.
    """
    broken = model_errors(procedure)
    if broken:
        return broken
    found = structure_errors(procedure) + convention_warnings(procedure)
    return sorted(found, key=sort_key)
