"""Questions a writer or a pipeline asks of a procedure's graph.

Which steps can be reached, which paths lead from a start to an end, how long
the procedure takes at best and at worst, how much each actor does.  Loops
are counted once: the "back" arrows found by a depth-first walk from the
starts (in reading order) are set aside, which leaves an acyclic graph whose
shortest and longest paths are well defined and cheap to find.  The public
questions first hold the procedure to the model's rules, so a procedure
built in code with a mistake in it is a ``ModelError``, not a ``KeyError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from flowgen.model.types import Edge, Procedure, StepKind
from flowgen.model.validate import require_valid
from flowgen.model.values import ZERO, Duration


def reachable(procedure: Procedure, starts: Iterable[int] | None = None) -> set[int]:
    """Numbers of the steps reachable from ``starts`` (default: every start step)."""
    require_valid(procedure)
    return reach(procedure, starts)


def reach(procedure: Procedure, starts: Iterable[int] | None = None) -> set[int]:
    """:func:`reachable` without the model check, for the graph rules of a procedure still being compiled."""
    todo = list(starts if starts is not None else (s.number for s in procedure.starts))
    seen = set(todo)
    while todo:
        current = todo.pop()
        for target in procedure.successors(current):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def reaching(procedure: Procedure, targets: Iterable[int]) -> set[int]:
    """Numbers of the steps from which one of ``targets`` can be reached (targets included)."""
    todo = list(targets)
    seen = set(todo)
    while todo:
        current = todo.pop()
        for edge in procedure.incoming(current):
            if edge.source not in seen:
                seen.add(edge.source)
                todo.append(edge.source)
    return seen


def back_edges(procedure: Procedure) -> set[Edge]:
    """Arrows that close a loop, found by depth-first search from the starts, then from every step."""
    state: dict[int, int] = {}  # 1 = on the stack, 2 = done
    back: set[Edge] = set()
    roots = [s.number for s in procedure.starts] + [s.number for s in procedure.steps]
    for root in roots:
        if root in state:
            continue
        stack: list[tuple[int, Iterator[Edge]]] = [(root, iter(procedure.outgoing(root)))]
        state[root] = 1
        while stack:
            node, edges = stack[-1]
            edge = next(edges, None)
            if edge is None:
                state[node] = 2
                stack.pop()
                continue
            seen = state.get(edge.target)
            if seen == 1:
                back.add(edge)
            elif seen is None:
                state[edge.target] = 1
                stack.append((edge.target, iter(procedure.outgoing(edge.target))))
    return back


def topological_order(procedure: Procedure, skip: set[Edge]) -> list[int]:
    """Step numbers in an order where every arrow not in ``skip`` points forward."""
    indegree = {s.number: 0 for s in procedure.steps}
    for e in procedure.edges:
        if e not in skip:
            indegree[e.target] += 1
    ready = sorted(n for n, d in indegree.items() if d == 0)
    order: list[int] = []
    while ready:
        current = ready.pop(0)
        order.append(current)
        for e in procedure.outgoing(current):
            if e in skip:
                continue
            indegree[e.target] -= 1
            if indegree[e.target] == 0:
                ready.append(e.target)
    return order


def paths(procedure: Procedure, limit: int = 1000) -> Iterator[tuple[int, ...]]:
    """Paths from a start to an end that visit no step twice, at most ``limit`` of them."""
    require_valid(procedure)  # now, not at the first step of the iteration
    return _paths(procedure, limit)


def _paths(procedure: Procedure, limit: int) -> Iterator[tuple[int, ...]]:
    ends = {s.number for s in procedure.ends}
    found = 0
    for start in procedure.starts:
        stack: list[tuple[int, tuple[int, ...]]] = [(start.number, (start.number,))]
        while stack:
            node, path = stack.pop()
            if node in ends:
                yield path
                found += 1
                if found >= limit:
                    return
                continue
            for target in sorted(set(procedure.successors(node)), reverse=True):
                if target not in path:
                    stack.append((target, (*path, target)))


@dataclass(frozen=True)
class PathTime:
    """A path from a start to an end and how long it takes."""

    steps: tuple[int, ...]
    duration: Duration


def _extreme_path(procedure: Procedure, longest: bool) -> PathTime | None:
    skip = back_edges(procedure)
    order = topological_order(procedure, skip)
    best: dict[int, tuple[Duration, tuple[int, ...]]] = {}

    def cost(number: int) -> Duration:
        time = procedure.step(number).time
        if time is None or not time.parsed:
            return ZERO
        chosen = time.high if longest else time.low
        return chosen if chosen is not None else ZERO

    def better(a: Duration, b: Duration) -> bool:
        return a.sort_minutes > b.sort_minutes if longest else a.sort_minutes < b.sort_minutes

    for start in procedure.starts:
        best[start.number] = (cost(start.number), (start.number,))
    for number in order:
        if number not in best:
            continue
        duration, path = best[number]
        for e in procedure.outgoing(number):
            if e in skip:
                continue
            candidate = duration + cost(e.target)
            current = best.get(e.target)
            if current is None or better(candidate, current[0]):
                best[e.target] = (candidate, (*path, e.target))
    finals = [best[s.number] for s in procedure.ends if s.number in best]
    if not finals:
        return None
    pick = finals[0]
    for final in finals[1:]:
        if better(final[0], pick[0]):
            pick = final
    return PathTime(pick[1], pick[0])


def longest_path(procedure: Procedure) -> PathTime | None:
    """The slowest way from a start to an end (upper bounds of ranges), each loop counted once."""
    require_valid(procedure)
    return _extreme_path(procedure, longest=True)


def shortest_path(procedure: Procedure) -> PathTime | None:
    """The quickest way from a start to an end (lower bounds of ranges)."""
    require_valid(procedure)
    return _extreme_path(procedure, longest=False)


def steps_per_actor(procedure: Procedure) -> dict[str, int]:
    """How many steps each actor takes part in, in lane order (joint steps count for each)."""
    require_valid(procedure)
    return count_steps(procedure)


def count_steps(procedure: Procedure) -> dict[str, int]:
    """:func:`steps_per_actor` without the model check, for the rules of a procedure still being compiled."""
    counts = {a.key: 0 for a in procedure.actors}
    for step in procedure.steps:
        for key in step.actors:
            if key in counts:
                counts[key] += 1
    return counts


def strongly_connected(procedure: Procedure) -> list[list[int]]:
    """Groups of steps that can all reach each other (Tarjan), in reading order."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    groups: list[list[int]] = []
    counter = 0
    for root in (s.number for s in procedure.steps):
        if root in index:
            continue
        work: list[tuple[int, Iterator[int]]] = [(root, iter(list(procedure.successors(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            target = next(successors, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(list(procedure.successors(target)))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group: list[int] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group))
    return sorted(groups)


def is_end(procedure: Procedure, number: int) -> bool:
    return procedure.step(number).kind is StepKind.END


def unmeasured(procedure: Procedure) -> tuple[int, ...]:
    """The steps whose waktu is written but cannot be added up: a total leaves them out and must say so."""
    return tuple(s.number for s in procedure.steps if s.time is not None and not s.time.parsed)


_UNMEASURED_NOTE = {
    "id": "tanpa {n} langkah yang waktunya tidak terukur",
    "en": "without {n} {steps} whose time cannot be measured",
}


def total_time_note(procedure: Procedure, lang: str = "id") -> str:
    """What a printed total adds when it leaves steps out ("" when it counts them all).

    ``lang`` is the sheet's language (``id`` or ``en``); the table prints
    this under (or after) the total, so the sum is never silently short.
    """
    n = len(unmeasured(procedure))
    if not n:
        return ""
    template = _UNMEASURED_NOTE["en" if lang == "en" else "id"]
    return template.format(n=n, steps="step" if n == 1 else "steps")
