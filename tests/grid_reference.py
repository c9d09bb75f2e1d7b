"""The grid search as it was defined before its fast loop (:mod:`flowgen.layout.grid_astar`), for the tests.

The plain A* over point tuples, every neighbour's box and run test asked
afresh: the fast search must return the same path on any grid.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence

from flowgen.layout.geometry import Box, Point, Segment, dedupe
from flowgen.layout.grid_astar import (
    first_track as track_from,  # unchanged by the fast search: the port lookup is shared
)

BEND = 18.0


def _lines(low: float, high: float, gap: float, avoid: Sequence[float], extra: Sequence[float]) -> list[float]:
    """Track positions every ``gap`` points, none near a table line, plus the ports' own lines."""
    values = set()
    v = low + gap / 2
    while v < high:
        if all(abs(v - a) >= gap * 0.75 for a in avoid):
            values.add(round(v, 2))
        v += gap
    for e in extra:
        if low < e < high and all(abs(e - a) >= 1.5 for a in avoid):
            values = {x for x in values if abs(x - e) >= gap / 2}
            values.add(round(e, 2))
    return sorted(values)


def reference_find(
    area: Box,
    gap: float,
    column_lines: Sequence[float],
    row_lines: Sequence[float],
    boxes: Sequence[Box],
    starts: Sequence[tuple[Point, Point, float]],
    goals: Sequence[tuple[Point, Point]],
    blocked: Callable[[Segment], bool],
    limit: int = 60000,
    deep: bool = False,
) -> list[Point] | None:
    """``GridSearch(area, gap, column_lines, row_lines, boxes, limit, deep).find(starts, goals, blocked)`` as it was."""
    x0, y0, x1, y1 = area
    xs = _lines(x0, x1, gap, column_lines, [p[0] for p, _, _ in starts] + [q[0] for q, _ in goals])
    ys = _lines(y0, y1, gap, row_lines, [p[1] for p, _, _ in starts] + [q[1] for q, _ in goals])

    # which boxes each track crosses, as bits (found when first asked): a grid point lies in a symbol
    # when its two tracks cross one box
    across: list[int | None] = [None] * len(xs)
    down: list[int | None] = [None] * len(ys)

    def inside(i: int, j: int) -> bool:
        """Whether grid point (i, j) lies in a symbol (A* asks again for every neighbour)."""
        column, row = across[i], down[j]
        if column is None:
            x = xs[i]
            column = across[i] = sum(1 << k for k, b in enumerate(boxes) if b[0] - 0.8 < x < b[2] + 0.8)
        if row is None:
            y = ys[j]
            row = down[j] = sum(1 << k for k, b in enumerate(boxes) if b[1] - 0.8 < y < b[3] + 0.8)
        return (column & row) != 0

    def first_track(port: Point, direction: Point) -> tuple[int, int] | None:
        return track_from(xs, ys, port, direction)

    goal_at: dict[tuple[int, int], Point] = {}
    for port, direction in goals:
        found = first_track(port, (-direction[0], -direction[1]))
        if found is not None and not blocked(((xs[found[0]], ys[found[1]]), port)):
            goal_at[found] = port
    targets = [(xs[i], ys[j]) for i, j in goal_at]
    if not targets:
        return None
    guess: dict[tuple[int, int, int], float] = {}
    deep = deep

    def estimate(i: int, j: int, axis: int) -> float:
        """A* guide: the straight-line (Manhattan) distance to the nearest goal.

        A deep search also counts the bend it must still make: one when the
        goal is off the line it runs along (the guess stays a lower bound).
        """
        key = (i, j, axis if deep else 0)
        known = guess.get(key)
        if known is None:
            x, y = xs[i], ys[j]
            if deep:
                known = min(
                    abs(x - gx) + abs(y - gy) + (BEND if (gx != x and axis) or (gy != y and not axis) else 0.0)
                    for gx, gy in targets
                )
            else:
                known = min(abs(x - gx) + abs(y - gy) for gx, gy in targets)
            guess[key] = known
        return known

    return _shortest(xs, ys, starts, goal_at, blocked, inside, estimate, limit, -1.0 if deep else 1.0)


def _shortest(
    xs: Sequence[float],
    ys: Sequence[float],
    starts: Sequence[tuple[Point, Point, float]],
    goal_at: dict[tuple[int, int], Point],
    blocked: Callable[[Segment], bool],
    inside: Callable[[int, int], bool],
    estimate: Callable[[int, int, int], float],
    limit: int,
    order: float,
) -> list[Point] | None:
    """A* over the grid from the starts' first tracks to a goal's, turning as little as it can.

    ``order`` is 1 to take the shorter of two equally promising ways first, -1 the longer.
    """
    # the way to each queued point is kept as a chain of (point, index of the point before): no path copies
    trail: list[tuple[Point, int]] = []
    queue: list[tuple[float, float, int, tuple[int, int], int, int]] = []
    counter = 0
    for port, direction, cost in starts:
        found = track_from(xs, ys, port, direction)
        if found is None:
            continue
        first = (xs[found[0]], ys[found[1]])
        if blocked((port, first)) or (inside(*found) and found not in goal_at):
            continue
        axis = 0 if direction[0] else 1
        length = abs(port[0] - first[0]) + abs(port[1] - first[1])
        g = cost + length
        trail.append((port, -1))
        trail.append((first, len(trail) - 1))
        heapq.heappush(queue, (g + estimate(*found, axis), order * g, counter, found, axis, len(trail) - 1))
        counter += 1
    best: dict[tuple[int, int, int], float] = {}  # (i, j, axis) → the cheapest way there found
    steps = ((1, 0, 0), (-1, 0, 0), (0, 1, 1), (0, -1, 1))
    expanded = 0
    width, height = len(xs), len(ys)
    inf = float("inf")
    while queue:
        _, tie, _, (i, j), axis, at = heapq.heappop(queue)
        cost = tie * order
        expanded += 1
        if expanded > limit:
            break
        if best.get((i, j, axis), inf) <= cost:
            continue
        best[(i, j, axis)] = cost
        if (i, j) in goal_at:
            return dedupe([*_walk(trail, at), goal_at[(i, j)]])
        here = (xs[i], ys[j])
        for di, dj, new_axis in steps:
            ni, nj = i + di, j + dj
            if not (0 <= ni < width and 0 <= nj < height):
                continue
            there = (xs[ni], ys[nj])
            if inside(ni, nj) or blocked((here, there)):
                continue
            total = cost + abs(there[0] - here[0]) + abs(there[1] - here[1]) + (BEND if new_axis != axis else 0.0)
            if best.get((ni, nj, new_axis), inf) <= total:
                continue
            trail.append((there, at))
            queued = (total + estimate(ni, nj, new_axis), order * total, counter, (ni, nj), new_axis, len(trail) - 1)
            heapq.heappush(queue, queued)
            counter += 1
    return None


def _walk(trail: Sequence[tuple[Point, int]], at: int) -> list[Point]:
    """The points of a queued way, first to last, from the chain of points before it."""
    out: list[Point] = []
    while at >= 0:
        point, at = trail[at]
        out.append(point)
    out.reverse()
    return out
