"""The rules every :class:`Procedure` obeys, whoever built it.

The compiler only ever builds procedures that follow them, but a pipeline
may build one in code or load one from JSON.  The public functions hold
such a procedure to these rules first, so that a mistake in it is a
:class:`~flowgen.errors.ModelError` saying what is wrong and where, never a
``KeyError`` from deep inside a layout.  The graph rules (a start, an end,
every step reached) are :mod:`flowgen.checks`' business; these are the rules
without which a procedure cannot even be looked at.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from flowgen.characters import UNSAFE, character_name
from flowgen.errors import Diagnostic, ModelError, Span, error
from flowgen.model.types import NO_SPAN, Actor, Edge, Identity, Procedure, Revision, Step, StepKind
from flowgen.model.values import DateValue, TimeValue

_STEP_TEXTS = ("text", "requires", "output", "note", "symbol")


def _type_name(value: Any) -> str:
    return type(value).__name__


def _span(value: Any) -> Span:
    span = getattr(value, "span", NO_SPAN)
    return span if isinstance(span, Span) else NO_SPAN


def _wrong(what: str, value: Any, expected: str, span: Span = NO_SPAN) -> Diagnostic:
    return error("model-type", span, what=what, expected=expected, found=_type_name(value))


def _identity_errors(identity: Any) -> list[Diagnostic]:
    if not isinstance(identity, Identity):
        return [_wrong("identity", identity, "Identity")]
    if not isinstance(identity.title, str):
        return [_wrong("identity.title", identity.title, "str")]
    return _history_errors(identity.history)


def _history_errors(history: Any) -> list[Diagnostic]:
    """A history the printer can write and the parser read back: revisions with a number and a date, each once."""
    if not isinstance(history, tuple):
        return [_wrong("identity.history", history, "a tuple of Revision")]
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for position, revision in enumerate(history):
        where = f"identity.history[{position}]"
        if not isinstance(revision, Revision) or not isinstance(revision.date, DateValue):
            found.append(_wrong(where, revision, "Revision(number: str, date: DateValue)"))
        elif not isinstance(revision.number, str):
            found.append(_wrong(f"{where}.number", revision.number, "str", revision.span))
        elif not revision.number.strip():
            found.append(error("model-revision-number", revision.span, position=position))
        elif revision.number in seen:
            found.append(error("model-duplicate-revision", revision.span, number=revision.number))
        else:
            seen.add(revision.number)
    return found


def _actor_errors(actors: Any) -> list[Diagnostic]:
    if not isinstance(actors, tuple):
        return [_wrong("actors", actors, "a tuple of Actor")]
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for position, actor in enumerate(actors):
        if not isinstance(actor, Actor) or not isinstance(actor.key, str) or not isinstance(actor.name, str):
            found.append(_wrong(f"actors[{position}]", actor, "Actor(key: str, name: str, index: int)"))
            continue
        if actor.key in seen:
            found.append(error("model-duplicate-actor", _span(actor), actor=actor.key))
        seen.add(actor.key)
        if actor.index != position:
            found.append(
                error("model-actor-index", _span(actor), actor=actor.key, index=actor.index, expected=position)
            )
    return found


def _step_field_errors(step: Step, position: int) -> list[Diagnostic]:
    where = f"steps[{position}]"
    span = _span(step)
    found: list[Diagnostic] = []
    if not isinstance(step.kind, StepKind):
        found.append(_wrong(f"{where}.kind", step.kind, "StepKind", span))
    for name in _STEP_TEXTS:
        if not isinstance(getattr(step, name), str):
            found.append(_wrong(f"{where}.{name}", getattr(step, name), "str", span))
    if step.label is not None and not isinstance(step.label, str):
        found.append(_wrong(f"{where}.label", step.label, "str or None", span))
    if step.printed is not None and not isinstance(step.printed, str):
        found.append(_wrong(f"{where}.printed", step.printed, "str or None", span))
    if not isinstance(step.implicit, bool):
        found.append(_wrong(f"{where}.implicit", step.implicit, "bool", span))
    if step.time is not None and not isinstance(step.time, TimeValue):
        found.append(_wrong(f"{where}.time", step.time, "TimeValue or None", span))
    if not isinstance(step.actors, tuple) or not all(isinstance(a, str) for a in step.actors):
        found.append(_wrong(f"{where}.actors", step.actors, "a tuple of actor keys", span))
    return found


def _step_errors(steps: Any, actors: set[str]) -> list[Diagnostic]:
    if not isinstance(steps, tuple):
        return [_wrong("steps", steps, "a tuple of Step")]
    found: list[Diagnostic] = []
    for position, step in enumerate(steps):
        if not isinstance(step, Step):
            found.append(_wrong(f"steps[{position}]", step, "Step"))
            continue
        if step.number != position + 1:
            found.append(error("model-step-number", _span(step), number=step.number, expected=position + 1))
        fields = _step_field_errors(step, position)
        found += fields
        if fields:
            continue
        if not step.actors:
            found.append(error("model-no-actor", _span(step), step=step.number))
        for key in step.actors:
            if key not in actors:
                known = ", ".join(sorted(actors)) or "-"
                found.append(error("model-unknown-actor", _span(step), step=step.number, actor=key, known=known))
    return found


def _edge_errors(edges: Any, numbers: set[int]) -> list[Diagnostic]:
    if not isinstance(edges, tuple):
        return [_wrong("edges", edges, "a tuple of Edge")]
    found: list[Diagnostic] = []
    for position, edge in enumerate(edges):
        if not isinstance(edge, Edge) or not isinstance(edge.source, int) or not isinstance(edge.target, int):
            found.append(_wrong(f"edges[{position}]", edge, "Edge(source: int, target: int)"))
            continue
        if edge.label is not None and not isinstance(edge.label, str):
            found.append(_wrong(f"edges[{position}].label", edge.label, "str or None", _span(edge)))
        for end in (edge.source, edge.target):
            if end not in numbers:
                found.append(error("model-no-such-step", _span(edge), source=edge.source, target=edge.target, step=end))
    return found


def model_errors(procedure: Any) -> list[Diagnostic]:
    """Every way ``procedure`` breaks the model's rules; empty when it can be checked, laid out and written."""
    if not isinstance(procedure, Procedure):
        return [_wrong("procedure", procedure, "flowgen.Procedure")]
    found = _identity_errors(procedure.identity) + _actor_errors(procedure.actors)
    if found:
        return found  # the steps cannot be judged against actors that are themselves wrong
    found = _step_errors(procedure.steps, {a.key for a in procedure.actors})
    if found:
        return found
    return _edge_errors(procedure.edges, {s.number for s in procedure.steps}) or _text_errors(procedure)


def _unsafe_text(value: Any, where: str) -> tuple[str, str] | None:
    """The first text in a model value with a character that cannot be printed (spans are left out)."""
    if isinstance(value, Span):
        return None
    if isinstance(value, str):
        found = UNSAFE.search(value)
        return (where, character_name(found.group())) if found else None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        pairs: Any = ((f"{where}.{f.name}", getattr(value, f.name)) for f in dataclasses.fields(value))
    elif isinstance(value, (tuple, list)):
        pairs = ((f"{where}[{i}]", item) for i, item in enumerate(value))
    elif isinstance(value, dict):
        pairs = ((f"{where}[{k!r}]", item) for k, item in value.items())
    else:
        return None
    for name, item in pairs:
        found_here = _unsafe_text(item, name)
        if found_here is not None:
            return found_here
    return None


def _text_errors(procedure: Procedure) -> list[Diagnostic]:
    """A control character in any text: refused, since XML, PDF and terminals cannot take it.

    The reader turns them into spaces in a .pos file; a procedure built in code or read from
    JSON is told where its one is.
    """
    parts: tuple[tuple[str, Any, Span], ...] = (
        ("identity", procedure.identity, NO_SPAN),
        *((f"actors[{i}]", a, _span(a)) for i, a in enumerate(procedure.actors)),
        *((f"steps[{i}]", s, _span(s)) for i, s in enumerate(procedure.steps)),
        *((f"edges[{i}]", e, _span(e)) for i, e in enumerate(procedure.edges)),
    )
    for where, value, span in parts:
        found = _unsafe_text(value, where)
        if found is not None:
            return [error("model-control-character", span, what=found[0], char=found[1])]
    return []


def require_valid(procedure: Any) -> None:
    """Raise :class:`ModelError` with every problem :func:`model_errors` finds."""
    found = model_errors(procedure)
    if found:
        raise ModelError(found)
