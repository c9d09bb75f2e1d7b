"""A shortest-path search for an arrow on a fine orthogonal grid: the table router's last resort.

The table router first tries the shapes a person would draw; when a page is
so crowded that none of them is free, this search finds a way through the
grid of tracks (every few points across the Pelaksana columns and down the
rows, never on a table line), around every symbol, and off every arrow
already drawn, with as few bends as it can.  It is slower than the
candidates, so it only runs when they all fail.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Sequence

Point = tuple[float, float]
Box = tuple[float, float, float, float]
Segment = tuple[Point, Point]

BEND = 18.0  # cost of a turn, in points of length


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


class GridSearch:
    """Finds an orthogonal path between ports, given what is blocked."""

    def __init__(self, area: Box, gap: float, column_lines: Sequence[float], row_lines: Sequence[float],
                 boxes: Sequence[Box]):
        self.area = area
        self.gap = gap
        self.column_lines = column_lines
        self.row_lines = row_lines
        self.boxes = boxes

    def find(self, starts: Sequence[tuple[Point, Point, float]], goals: Sequence[tuple[Point, Point]],
             blocked: Callable[[Segment], bool]) -> list[Point] | None:
        """A path from one of ``starts`` to one of ``goals``, or None.

        ``starts`` are (port on the outline, direction away from the symbol,
        extra cost); ``goals`` are (port on the outline, direction from which
        the arrow arrives).  The first and last runs go straight from the
        port to the nearest track in that direction.
        """
        x0, y0, x1, y1 = self.area
        xs = _lines(x0, x1, self.gap, self.column_lines, [p[0] for p, _, _ in starts] + [q[0] for q, _ in goals])
        ys = _lines(y0, y1, self.gap, self.row_lines, [p[1] for p, _, _ in starts] + [q[1] for q, _ in goals])

        def inside_box(x: float, y: float) -> bool:
            return any(b[0] - 0.8 < x < b[2] + 0.8 and b[1] - 0.8 < y < b[3] + 0.8 for b in self.boxes)

        def first_track(port: Point, direction: Point) -> tuple[int, int] | None:
            """Grid indices of the first track point from a port in a direction."""
            if direction[0]:
                j = _index(ys, port[1])
                if j is None:
                    return None
                candidates = [i for i, x in enumerate(xs) if (x - port[0]) * direction[0] > 1.5]
                if not candidates:
                    return None
                i = min(candidates, key=lambda k: abs(xs[k] - port[0]))
                return i, j
            i = _index(xs, port[0])
            if i is None:
                return None
            candidates = [j for j, y in enumerate(ys) if (y - port[1]) * direction[1] > 1.5]
            if not candidates:
                return None
            return i, min(candidates, key=lambda k: abs(ys[k] - port[1]))

        goal_at: dict[tuple[int, int], Point] = {}
        for port, direction in goals:
            found = first_track(port, (-direction[0], -direction[1]))
            if found is not None and not blocked(((xs[found[0]], ys[found[1]]), port)):
                goal_at[found] = port
        queue: list[tuple[float, int, tuple[int, int], int, tuple[Point, ...]]] = []
        counter = 0
        for port, direction, cost in starts:
            found = first_track(port, direction)
            if found is None:
                continue
            first = (xs[found[0]], ys[found[1]])
            if blocked((port, first)) or (inside_box(*first) and found not in goal_at):
                continue
            axis = 0 if direction[0] else 1
            length = abs(port[0] - first[0]) + abs(port[1] - first[1])
            heapq.heappush(queue, (cost + length, counter, found, axis, (port, first)))
            counter += 1
        best: dict[tuple[tuple[int, int], int], float] = {}
        steps = ((1, 0, 0), (-1, 0, 0), (0, 1, 1), (0, -1, 1))
        while queue:
            cost, _, (i, j), axis, path = heapq.heappop(queue)
            if best.get(((i, j), axis), float("inf")) <= cost:
                continue
            best[((i, j), axis)] = cost
            here = (xs[i], ys[j])
            if (i, j) in goal_at:
                return _simplify([*path, goal_at[(i, j)]])
            if cost > 8000:
                break
            for di, dj, new_axis in steps:
                ni, nj = i + di, j + dj
                if not (0 <= ni < len(xs) and 0 <= nj < len(ys)):
                    continue
                there = (xs[ni], ys[nj])
                if inside_box(*there) or blocked((here, there)):
                    continue
                total = cost + abs(there[0] - here[0]) + abs(there[1] - here[1]) + (BEND if new_axis != axis else 0.0)
                if best.get(((ni, nj), new_axis), float("inf")) <= total:
                    continue
                heapq.heappush(queue, (total, counter, (ni, nj), new_axis, (*path, there)))
                counter += 1
        return None


def _index(values: Sequence[float], value: float) -> int | None:
    i = bisect.bisect_left(values, value - 0.02)
    if i < len(values) and abs(values[i] - value) <= 0.02:
        return i
    return None


def _simplify(points: Sequence[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 0.01 and abs(out[-1][1] - p[1]) < 0.01:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a[0] - b[0]) < 0.01 and abs(b[0] - p[0]) < 0.01) or (
                    abs(a[1] - b[1]) < 0.01 and abs(b[1] - p[1]) < 0.01):
                out[-1] = p
                continue
        out.append(p)
    return out
