"""The inner loop of the grid search (:mod:`flowgen.layout.grid_search`): A* on integer grid points.

A search looks at thousands of grid points, each with four neighbours, and
the flowchart's careful repair runs hundreds of searches per page: this
loop was most of the flowchart layout's time.  Here a grid point is one
integer (``i * height + j``), the symbols' grid points are known from two
bit masks per track found before the search, the distances between
neighbouring tracks are worked out once, and each run's ``blocked`` answer
is kept for the search (a point is looked at once per direction it is
reached in, so every run would be asked about twice).  The queue holds the
same keys in the same order as the plain definition (the A* of point
tuples it replaced, kept in the tests), so the same path comes out: every
drawing stays byte for byte the same.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Sequence

from flowgen.layout.geometry import Box, Point, Segment, dedupe

BEND = 18.0  # cost of a turn, in points of length


def box_masks(values: Sequence[float], boxes: Sequence[Box], low: int, high: int) -> list[int]:
    """For each sorted track position, the bits of the boxes it passes through (strictly, grown by 0.8).

    ``low``/``high`` pick the box's extent along the tracks' axis (0/2 for x, 1/3 for y).
    """
    masks = [0] * len(values)
    for k, b in enumerate(boxes):
        bit = 1 << k
        first = bisect.bisect_right(values, b[low] - 0.8)
        last = bisect.bisect_left(values, b[high] + 0.8)
        for i in range(first, last):
            masks[i] |= bit
    return masks


def first_track(xs: Sequence[float], ys: Sequence[float], port: Point, direction: Point) -> tuple[int, int] | None:
    """Grid indices of the first track point from a port in a direction."""
    if direction[0]:
        j = _index(ys, port[1])
        if j is None:
            return None
        candidates = [i for i, x in enumerate(xs) if (x - port[0]) * direction[0] > 1.5]
        if not candidates:
            return None
        return min(candidates, key=lambda k: abs(xs[k] - port[0])), j
    column = _index(xs, port[0])
    if column is None:
        return None
    candidates = [j for j, y in enumerate(ys) if (y - port[1]) * direction[1] > 1.5]
    if not candidates:
        return None
    return column, min(candidates, key=lambda k: abs(ys[k] - port[1]))


def _index(values: Sequence[float], value: float) -> int | None:
    i = bisect.bisect_left(values, value - 0.02)
    if i < len(values) and abs(values[i] - value) <= 0.02:
        return i
    return None


class Grid:
    """The tracks of one search and what is fixed on them: the symbols' points, the goals, the A* guide."""

    def __init__(
        self,
        xs: Sequence[float],
        ys: Sequence[float],
        boxes: Sequence[Box],
        goal_at: dict[tuple[int, int], Point],
        deep: bool,
    ):
        self.xs, self.ys = xs, ys
        self.width, self.height = len(xs), len(ys)
        self.across = box_masks(xs, boxes, 0, 2)
        self.down = box_masks(ys, boxes, 1, 3)
        self.goal_at = goal_at
        self.goals = {i * self.height + j: port for (i, j), port in goal_at.items()}
        targets = [(xs[i], ys[j]) for i, j in goal_at]
        self.deep = deep
        # each goal's distance from every track, worked out once: the guide adds two of them
        self.apart_x = [[abs(x - gx) for x in xs] for gx, _ in targets]
        self.apart_y = [[abs(y - gy) for y in ys] for _, gy in targets]
        self.off_x = [[gx != x for x in xs] for gx, _ in targets]
        self.off_y = [[gy != y for y in ys] for _, gy in targets]
        self.guess = [-1.0] * (self.width * self.height * 2)  # (point * 2 + axis) → the guide, -1 until asked

    def inside(self, i: int, j: int) -> bool:
        """Whether grid point (i, j) lies in a symbol."""
        return (self.across[i] & self.down[j]) != 0

    def estimate(self, i: int, j: int, axis: int) -> float:
        """A* guide: the straight-line (Manhattan) distance to the nearest goal.

        A deep search also counts the bend it must still make: one when the
        goal is off the line it runs along (the guess stays a lower bound).
        """
        key = (i * self.height + j) * 2 + (axis if self.deep else 0)
        known = self.guess[key]
        if known >= 0.0:
            return known
        found = -1.0
        for t, (apart_x, apart_y) in enumerate(zip(self.apart_x, self.apart_y)):
            value = apart_x[i] + apart_y[j]
            if self.deep and ((self.off_x[t][i] and axis) or (self.off_y[t][j] and not axis)):
                value = value + BEND
            if found < 0.0 or value < found:
                found = value
        self.guess[key] = found
        return found


def shortest(
    grid: Grid,
    starts: Sequence[tuple[Point, Point, float]],
    blocked: Callable[[Segment], bool],
    limit: int,
) -> list[Point] | None:
    """A* over the grid from the starts' first tracks to a goal's, turning as little as it can.

    A deep grid takes the longer of two equally promising ways first, a plain one the shorter.
    """
    xs, ys, height = grid.xs, grid.ys, grid.height
    order = -1.0 if grid.deep else 1.0
    # the way to each queued point is kept as a chain of (point, index of the point before): no path copies;
    # a grid point is kept as its number, the ports (off the grid) as points
    trail: list[tuple[Point | int, int]] = []
    queue: list[tuple[float, float, int, float, int, int, int]] = []
    counter = 0
    for port, direction, cost in starts:
        found = first_track(xs, ys, port, direction)
        if found is None:
            continue
        first = (xs[found[0]], ys[found[1]])
        if blocked((port, first)) or (grid.inside(*found) and found not in grid.goal_at):
            continue
        axis = 0 if direction[0] else 1
        length = abs(port[0] - first[0]) + abs(port[1] - first[1])
        g = cost + length
        trail.append((port, -1))
        trail.append((found[0] * height + found[1], len(trail) - 1))
        node = found[0] * height + found[1]
        heapq.heappush(queue, (g + grid.estimate(*found, axis), order * g, counter, g, node, axis, len(trail) - 1))
        counter += 1
    return _search(grid, queue, trail, counter, blocked, limit)


def _search(
    grid: Grid,
    queue: list[tuple[float, float, int, float, int, int, int]],
    trail: list[tuple[Point | int, int]],
    counter: int,
    blocked: Callable[[Segment], bool],
    limit: int,
) -> list[Point] | None:
    """The A* loop proper, from the queued first tracks (the same pops and pushes as the plain A*)."""
    xs, ys, width, height = grid.xs, grid.ys, grid.width, grid.height
    across, down, goals, guess = grid.across, grid.down, grid.goals, grid.guess
    guides = list(zip(grid.apart_x, grid.apart_y, grid.off_x, grid.off_y))
    deep = grid.deep
    order = -1.0 if deep else 1.0
    steps_x = [abs(xs[i + 1] - xs[i]) for i in range(width - 1)]
    steps_y = [abs(ys[j + 1] - ys[j]) for j in range(height - 1)]
    inf = float("inf")
    best = [inf] * (width * height * 2)  # point * 2 + axis → the cheapest way there found
    runs = bytearray(width * height * 4)  # point * 4 + way → 0 not asked yet, 1 free, 2 blocked
    push, pop = heapq.heappush, heapq.heappop
    expanded = 0
    while queue:
        _, _, _, cost, n, axis, at = pop(queue)
        expanded += 1
        if expanded > limit:
            break
        if best[n * 2 + axis] <= cost:
            continue
        best[n * 2 + axis] = cost
        if n in goals:
            return dedupe([*_walk(grid, trail, at), goals[n]])
        i, j = divmod(n, height)
        here = (xs[i], ys[j])
        # the four ways in the plain A*'s order: right, left, down, up
        for way in range(4):
            if way == 0:
                if i + 1 >= width:
                    continue
                ni, nj, new_axis, length = i + 1, j, 0, steps_x[i]
            elif way == 1:
                if i == 0:
                    continue
                ni, nj, new_axis, length = i - 1, j, 0, steps_x[i - 1]
            elif way == 2:
                if j + 1 >= height:
                    continue
                ni, nj, new_axis, length = i, j + 1, 1, steps_y[j]
            else:
                if j == 0:
                    continue
                ni, nj, new_axis, length = i, j - 1, 1, steps_y[j - 1]
            if across[ni] & down[nj]:
                continue
            total = cost + length
            if new_axis != axis:
                total = total + BEND
            m = ni * height + nj
            if best[m * 2 + new_axis] <= total:
                continue
            run = n * 4 + way
            answer = runs[run]
            if answer == 0:
                answer = runs[run] = 2 if blocked((here, (xs[ni], ys[nj]))) else 1
            if answer == 2:
                continue
            trail.append((m, at))
            key = m * 2 + new_axis if deep else m * 2
            guide = guess[key]
            if guide < 0.0:  # Grid.estimate, in place
                for apart_x, apart_y, off_x, off_y in guides:
                    value = apart_x[ni] + apart_y[nj]
                    if deep and ((off_x[ni] and new_axis) or (off_y[nj] and not new_axis)):
                        value = value + BEND
                    if guide < 0.0 or value < guide:
                        guide = value
                guess[key] = guide
            push(queue, (total + guide, order * total, counter, total, m, new_axis, len(trail) - 1))
            counter += 1
    return None


def _walk(grid: Grid, trail: Sequence[tuple[Point | int, int]], at: int) -> list[Point]:
    """The points of a queued way, first to last, from the chain of points before it."""
    out: list[Point] = []
    while at >= 0:
        point, at = trail[at]
        if isinstance(point, int):
            i, j = divmod(point, grid.height)
            point = (grid.xs[i], grid.ys[j])
        out.append(point)
    out.reverse()
    return out
