"""The rules a procedure's graph must follow, and the Permenpan conventions it should.

:func:`check` runs on any :class:`~flowgen.model.types.Procedure` — read from
a file, loaded from JSON or built in code — and returns diagnostics; it never
raises.  The same rules run while loading a file, so ``flowgen.load`` refuses
a procedure with errors and ``flowgen.check`` then only has warnings to add.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from flowgen.errors import Diagnostic, Span, error, sort_key, warning
from flowgen.model import analysis
from flowgen.model.types import Procedure, Step, StepKind
from flowgen.model.validate import model_errors
from flowgen.model.values import DateFormatError, DateValue, parse_date


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
    found: list[Diagnostic] = history_warnings(procedure)  # first: the identity is written first
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


# -- the revision history and the review date --------------------------------------------------

_KEY_LINE = {
    "revisi": re.compile(r"^(revisi|revised)\s*:", re.IGNORECASE),
    "no-revisi": re.compile(r"^(no-revisi|nomor-revisi|revisi-ke|revision)\s*:", re.IGNORECASE),
    "efektif": re.compile(r"^(efektif|effective)\s*:", re.IGNORECASE),
}
REVIEW_COMMENT = re.compile(r"^#\s*(?:tinjau|review)\s*:\s*(.*?)\s*$", re.IGNORECASE)
REVIEW_MONTHS = 12  # a year, when the folder's flowgen.toml does not say ([book] review-months)


def _key_span(procedure: Procedure, key: str) -> Span:
    """Where an identity key is written (the identity keeps no place for its dates)."""
    for number, line in enumerate(procedure.source_lines, start=1):
        if _KEY_LINE[key].match(line):
            return Span(procedure.source_name, number, 1, len(line.split(":", 1)[0]))
    return Span(procedure.source_name, 0)


def effective_warnings(procedure: Procedure) -> list[Diagnostic]:
    """A tanggal efektif before the day the SOP was made, or before its ``revisi:`` date when no history
    is written: the sheet would say it took effect before it existed (a Biro Organisasi reviewer sends
    such a sheet back)."""
    ident = procedure.identity
    effective = ident.effective
    if effective is None:
        return []
    for date, what, what_id in (
        (ident.created, "date it was made", "tanggal pembuatan"),  # the first: the graver slip
        # with a history the tanggal efektif may be the first version's (the review counts from the later)
        (None if ident.history else ident.revised, "revision date", "tanggal revisi"),
    ):
        if date is not None and effective.date < date.date:
            span = _key_span(procedure, "efektif")
            args = {"effective": effective.written, "what": what, "what_id": what_id, "date": date.written}
            return [warning("effective-too-early", span, procedure.line_text(span), **args)]
    return []


def history_warnings(procedure: Procedure) -> list[Diagnostic]:
    """A history out of date order, or a ``revisi:``/``no-revisi:`` the last revision contradicts;
    a tanggal efektif before the SOP was made or revised.  In the order of the lines they point at as
    flowgen writes a file (no-revisi, revisi, efektif, the history), so that a procedure built in code,
    whose spans have no lines, reports them in the order its text would."""
    ident = procedure.identity
    found: list[Diagnostic] = []
    last = ident.last_revision
    if last is not None and ident.revision and ident.revision.strip().lstrip("0") != last.number.strip().lstrip("0"):
        span = _key_span(procedure, "no-revisi")
        args = {"revision": ident.revision, "number": last.number}
        found.append(warning("history-number-differs", span, procedure.line_text(span), **args))
    if last is not None and ident.revised is not None and ident.revised.date != last.date.date:
        span = _key_span(procedure, "revisi")
        args = {"revised": ident.revised.written, "date": last.date.written}
        found.append(warning("history-revised-differs", span, procedure.line_text(span), **args))
    found += effective_warnings(procedure)
    for before, after in zip(ident.history, ident.history[1:]):
        if after.date.date < before.date.date:
            args = {"number": after.number, "date": after.date.written}
            args |= {"previous": before.number, "previous_date": before.date.written}
            found.append(warning("history-order", after.span, procedure.line_text(after.span), **args))
    return found


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover (every month has 28 days)


@dataclass(frozen=True)
class Review:
    """When an SOP is next reviewed, and what that is counted from.

    ``basis`` is ``tinjau`` (a ``# tinjau: DATE`` comment, the date itself),
    ``riwayat-revisi`` (the last revision's date) or ``efektif``: the later of
    the last revision and the tanggal efektif, plus the folder's period.
    ``bad`` says the ``# tinjau:`` comment is not a date.
    """

    due: dt.date | None
    basis: str
    since: DateValue | None
    span: Span
    number: str = ""  # the revision counted from
    bad: bool = False


def next_review(procedure: Procedure, months: int = REVIEW_MONTHS) -> Review:
    """The one rule for the review date, used by ``flowgen check`` on a file and on a book."""
    for number, line in enumerate(procedure.source_lines, start=1):
        match = REVIEW_COMMENT.match(line)
        if match:
            span = Span(procedure.source_name, number, match.start(1) + 1, max(1, len(match.group(1))))
            try:
                return Review(parse_date(match.group(1)).date, "tinjau", None, span)
            except DateFormatError:
                return Review(None, "tinjau", None, span, bad=True)
    ident = procedure.identity
    last = ident.last_revision
    effective = ident.effective
    if last is not None and (effective is None or last.date.date >= effective.date):
        return Review(add_months(last.date.date, months), "riwayat-revisi", last.date, last.span, last.number)
    if effective is not None:
        return Review(add_months(effective.date, months), "efektif", effective, _key_span(procedure, "efektif"))
    return Review(None, "", None, Span(procedure.source_name, 0))


def review_warning(procedure: Procedure, today: dt.date, months: int = REVIEW_MONTHS) -> Diagnostic | None:
    """``review-due`` when the next review of the procedure is before ``today``."""
    review = next_review(procedure, months)
    if review.due is None or review.due >= today:
        return None
    since = review.since.written if review.since is not None else ""
    if review.basis == "riwayat-revisi":
        after, after_id = f", {months} months after revision {review.number} ({since})", f"revisi {review.number}"
    elif review.basis == "efektif":
        after, after_id = f", {months} months after the effective date ({since})", "tanggal efektif"
    else:
        after = after_id = ""  # the date written in '# tinjau:'
    after_id = f", {months} bulan sesudah {after_id} ({since})" if after_id else ""
    args = {"title": procedure.identity.title, "due": review.due.isoformat(), "after": after, "after_id": after_id}
    return warning("review-due", review.span, procedure.line_text(review.span), **args)
