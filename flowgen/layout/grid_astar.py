"""The inner loop of the grid search (:mod:`flowgen.layout.grid_search`): A* on integer grid points.

A search looks at thousands of grid points, each with four neighbours, and
the flowchart's careful repair runs hundreds of searches per page: this
loop was most of the flowchart layout's time.  Here a grid point is one
integer (``i * stride + j``, with walls round the grid so a step needs no
edge test), the symbols' grid points are marked before the search, the
distances between neighbouring tracks are worked out once, and a run is
asked about (``blocked``, the costly test) only when the way along it
comes off the queue: most ways queued are never taken.  The pops are the
same as the plain definition's (the A* of point tuples it replaced, kept
in the tests), so the same path comes out: every drawing stays byte for
byte the same.
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
    """The tracks of one search and what is fixed on them: the symbols' points, the goals, the A* guide.

    A grid point (i, j) is numbered ``i * stride + j`` with ``stride`` one
    more than the number of level tracks: the spare number after each
    column, and one spare column after the last, are walls, so a step off
    the grid lands on a wall (a step below 0 wraps round to the spare
    column) and the search needs no test of the grid's edges.
    """

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
        self.stride = stride = self.height + 1
        self.across = box_masks(xs, boxes, 0, 2)
        self.down = box_masks(ys, boxes, 1, 3)
        self.walls = _walls(xs, ys, boxes)
        self.goal_at = goal_at
        self.goals = {i * stride + j: port for (i, j), port in goal_at.items()}
        targets = [(xs[i], ys[j]) for i, j in goal_at]
        self.deep = deep
        # each goal's distance from every track, worked out once: the guide adds two of them
        self.apart_x = [[abs(x - gx) for x in xs] for gx, _ in targets]
        self.apart_y = [[abs(y - gy) for y in ys] for _, gy in targets]
        self.off_x = [[gx != x for x in xs] for gx, _ in targets]
        self.off_y = [[gy != y for y in ys] for _, gy in targets]
        self.guides = list(zip(self.apart_x, self.apart_y, self.off_x, self.off_y))
        self.guess = [-1.0] * (len(self.walls) * 2)  # (point * 2 + axis) → the guide, -1 until asked

    def inside(self, i: int, j: int) -> bool:
        """Whether grid point (i, j) lies in a symbol."""
        return (self.across[i] & self.down[j]) != 0

    def estimate(self, i: int, j: int, axis: int) -> float:
        """A* guide: the straight-line (Manhattan) distance to the nearest goal (kept once asked)."""
        key = (i * self.stride + j) * 2 + (axis if self.deep else 0)
        known = self.guess[key]
        if known < 0.0:
            known = self.guess[key] = _guide(self.guides, self.deep, i, j, axis)
        return known


def _walls(xs: Sequence[float], ys: Sequence[float], boxes: Sequence[Box]) -> bytearray:
    """1 for each grid point in a symbol and each spare number (see :class:`Grid`), 0 for the others.

    A point lies in a symbol when its two tracks pass through the same box
    (the bits of :func:`box_masks`): each box's run of points is set per column.
    """
    stride = len(ys) + 1
    walls = bytearray(len(xs) * stride)
    walls[len(ys) :: stride] = b"\x01" * len(xs)
    walls += b"\x01" * stride
    for b in boxes:
        first = bisect.bisect_right(ys, b[1] - 0.8)
        last = bisect.bisect_left(ys, b[3] + 0.8)
        if first >= last:
            continue
        ones = b"\x01" * (last - first)
        for i in range(bisect.bisect_right(xs, b[0] - 0.8), bisect.bisect_left(xs, b[2] + 0.8)):
            walls[i * stride + first : i * stride + last] = ones
    return walls


def _guide(
    guides: Sequence[tuple[list[float], list[float], list[bool], list[bool]]], deep: bool, i: int, j: int, axis: int
) -> float:
    """The guess at (i, j): the least Manhattan distance to a goal.

    A deep search also counts the bend it must still make: one when the
    goal is off the line it runs along (the guess stays a lower bound).
    """
    found = -1.0
    for apart_x, apart_y, off_x, off_y in guides:
        value = apart_x[i] + apart_y[j]
        if deep and ((off_x[i] and axis) or (off_y[j] and not axis)):
            value = value + BEND
        if found < 0.0 or value < found:
            found = value
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
    xs, ys, stride = grid.xs, grid.ys, grid.stride
    order = -1.0 if grid.deep else 1.0
    # the way to each point looked at is kept as a chain of (point, index of the point before): no path
    # copies; a grid point is kept as its number, the ports (off the grid) as points
    trail: list[tuple[Point | int, int]] = []
    # queued: (cost + guide, cost (negated when deep), counter, point * 2 + axis, index in the trail of
    # the point before, the run here (point before * 4 + way) while not asked about, else -1)
    queue: list[tuple[float, float, int, int, int, int]] = []
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
        node = found[0] * stride + found[1]
        guide = grid.estimate(*found, axis)
        heapq.heappush(queue, (g + guide, order * g, counter, node * 2 + axis, len(trail) - 1, -1))
        counter += 1
    return _search(grid, queue, trail, counter, blocked, limit)


def _search(
    grid: Grid,
    queue: list[tuple[float, float, int, int, int, int]],
    trail: list[tuple[Point | int, int]],
    counter: int,
    blocked: Callable[[Segment], bool],
    limit: int,
) -> list[Point] | None:
    """The A* loop proper, from the queued first tracks (the same pops as the plain A*).

    A way is queued before its run is asked about, and the run is asked
    about when the way comes off the queue: most ways queued are never
    taken (the search ends first), and those are never asked about.  A way
    whose run is blocked is dropped as it comes off, uncounted, as if never
    queued: the others keep their order (the counter only breaks ties).
    """
    xs, ys, stride, walls = grid.xs, grid.ys, grid.stride, grid.walls
    goals, guess, guides, deep = grid.goals, grid.guess, grid.guides, grid.deep
    order = -1.0 if deep else 1.0
    # the distance from each track to the next (0 after the last: a step there meets a wall)
    steps_x = [abs(xs[i + 1] - xs[i]) for i in range(grid.width - 1)] + [0.0]
    steps_y = [abs(ys[j + 1] - ys[j]) for j in range(grid.height - 1)] + [0.0]
    best = [float("inf")] * len(guess)  # point * 2 + axis → the cheapest way there found
    runs = bytearray(len(walls) * 4)  # point * 4 + way → 0 not asked yet, 1 free, 2 blocked
    push, pop = heapq.heappush, heapq.heappop
    expanded = 0
    while queue:
        _, tie, _, state, before, run = pop(queue)
        n = state >> 1
        if run >= 0:
            answer = runs[run]
            if answer == 0:
                i, j = divmod(run >> 2, stride)
                ni, nj = divmod(n, stride)
                answer = runs[run] = 2 if blocked(((xs[i], ys[j]), (xs[ni], ys[nj]))) else 1
            if answer == 2:
                continue
        expanded += 1
        if expanded > limit:
            break
        cost = tie * order
        if best[state] <= cost:
            continue
        best[state] = cost
        trail.append((n, before))
        at = len(trail) - 1
        if n in goals:
            return dedupe([*_walk(grid, trail, at), goals[n]])
        axis = state & 1
        i, j = divmod(n, stride)
        # the four ways in the plain A*'s order: right, left, down, up
        for way in range(4):
            if way == 0:
                m, new_axis, length = n + stride, 0, steps_x[i]
            elif way == 1:
                m, new_axis, length = n - stride, 0, steps_x[i - 1]
            elif way == 2:
                m, new_axis, length = n + 1, 1, steps_y[j]
            else:
                m, new_axis, length = n - 1, 1, steps_y[j - 1]
            if walls[m]:
                continue
            total = cost + length
            if new_axis != axis:
                total = total + BEND
            s = m * 2 + new_axis
            if best[s] <= total:
                continue
            key = s if deep else m * 2
            guide = guess[key]
            if guide < 0.0:
                guide = guess[key] = _guide(guides, deep, *divmod(m, stride), new_axis)
            push(queue, (total + guide, order * total, counter, s, at, n * 4 + way))
            counter += 1
    return None


def _walk(grid: Grid, trail: Sequence[tuple[Point | int, int]], at: int) -> list[Point]:
    """The points of a queued way, first to last, from the chain of points before it."""
    out: list[Point] = []
    while at >= 0:
        point, at = trail[at]
        if isinstance(point, int):
            i, j = divmod(point, grid.stride)
            point = (grid.xs[i], grid.ys[j])
        out.append(point)
    out.reverse()
    return out
