"""A shortest-path (A*) search for an arrow on a fine orthogonal grid: the routers' last resort.

The table router first tries the shapes a person would draw; when a page is
so crowded that none of them is free, this search finds a way through the
grid of tracks (every few points across the Pelaksana columns and down the
rows, never on a table line), around every symbol, and off every arrow
already drawn, with as few bends as it can.  It is slower than the
candidates, so it only runs when they all fail.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Sequence

from flowgen.layout.geometry import Box, Point, Segment, runs_along
from flowgen.layout.grid_astar import Grid, first_track, shortest
from flowgen.layout.symbols import Shape


def side_port(shape: Shape, side: str) -> tuple[Point, Point]:
    """The middle of one side of a symbol's box ("top", "bottom", "left", "right") and the way out there."""
    if side == "bottom":
        return (shape.x, shape.y1), (0.0, 1.0)
    if side == "top":
        return (shape.x, shape.y0), (0.0, -1.0)
    if side == "left":
        return (shape.x0, shape.y), (-1.0, 0.0)
    return (shape.x1, shape.y), (1.0, 0.0)


def exit_ports(shape: Shape, sides: Sequence[tuple[str, float]]) -> list[tuple[str, Point, Point, float]]:
    """Starts for :meth:`GridSearch.find`, named by side: (side, port, direction away, extra cost), in order."""
    return [(side, *side_port(shape, side), cost) for side, cost in sides]


def entry_ports(shape: Shape, sides: Sequence[str]) -> list[tuple[Point, Point]]:
    """Goals for :meth:`GridSearch.find`: (port, direction the arrow arrives in), in order."""
    goals: list[tuple[Point, Point]] = []
    for side in sides:
        port, (dx, dy) = side_port(shape, side)
        goals.append((port, (0.0 - dx, 0.0 - dy)))
    return goals


def _lines(low: float, high: float, gap: float, avoid: Sequence[float], extra: Sequence[float]) -> list[float]:
    """Track positions every ``gap`` points, none near a table line, plus the ports' own lines.

    Kept sorted as they are made, the nearest table line and the tracks near
    a port's line are found by bisection (distances grow away from a value on
    either side, so the nearest on each side decides).
    """
    lines = sorted(avoid)
    values = list(_tracks(low, high, gap, tuple(lines)))
    half = gap / 2
    for e in extra:
        if low < e < high and _clear(e, lines, 1.5):
            first = last = bisect.bisect_left(values, e)
            while first > 0 and abs(values[first - 1] - e) < half:
                first -= 1
            while last < len(values) and abs(values[last] - e) < half:
                last += 1
            del values[first:last]
            r = round(e, 2)
            at = bisect.bisect_left(values, r)
            if at == len(values) or values[at] != r:
                values.insert(at, r)
    return values


@functools.lru_cache(maxsize=1024)
def _tracks(low: float, high: float, gap: float, lines: tuple[float, ...]) -> tuple[float, ...]:
    """The tracks every ``gap`` points clear of the sorted table lines (a repair's searches share them)."""
    values: list[float] = []
    v = low + gap / 2
    while v < high:
        if _clear(v, lines, gap * 0.75):
            r = round(v, 2)
            if not values or values[-1] != r:
                values.append(r)
        v += gap
    return tuple(values)


def _clear(value: float, lines: Sequence[float], distance: float) -> bool:
    """Whether ``value`` is at least ``distance`` from every one of the sorted ``lines``."""
    k = bisect.bisect_left(lines, value)
    if k < len(lines) and abs(value - lines[k]) < distance:
        return False
    return not (k > 0 and abs(value - lines[k - 1]) < distance)


class GridSearch:
    """Finds an orthogonal path between ports, given what is blocked."""

    def __init__(
        self,
        area: Box,
        gap: float,
        column_lines: Sequence[float],
        row_lines: Sequence[float],
        boxes: Sequence[Box],
        limit: int = 60000,
        deep: bool = False,
    ):
        self.limit = limit  # grid points to look at before giving up
        # of two ways as promising, go on with the longer one: on an open grid every way round an
        # obstacle with as many bends costs the same, and taking the shortest first visits them all
        self.deep = deep
        self.area = area
        self.gap = gap
        self.column_lines = column_lines
        self.row_lines = row_lines
        self.boxes = boxes

    def find(
        self,
        starts: Sequence[tuple[Point, Point, float]],
        goals: Sequence[tuple[Point, Point]],
        blocked: Callable[[Segment], bool],
    ) -> list[Point] | None:
        """A path from one of ``starts`` to one of ``goals``, or None.

        ``starts`` are (port on the outline, direction away from the symbol,
        extra cost); ``goals`` are (port on the outline, direction from which
        the arrow arrives).  The first and last runs go straight from the
        port to the nearest track in that direction.
        """
        x0, y0, x1, y1 = self.area
        xs = _lines(x0, x1, self.gap, self.column_lines, [p[0] for p, _, _ in starts] + [q[0] for q, _ in goals])
        ys = _lines(y0, y1, self.gap, self.row_lines, [p[1] for p, _, _ in starts] + [q[1] for q, _ in goals])

        goal_at: dict[tuple[int, int], Point] = {}
        for port, direction in goals:
            found = first_track(xs, ys, port, (-direction[0], -direction[1]))
            if found is not None and not blocked(((xs[found[0]], ys[found[1]]), port)):
                goal_at[found] = port
        if not goal_at:
            return None
        return shortest(Grid(xs, ys, self.boxes, goal_at, self.deep), starts, blocked, self.limit)


class Obstacles:
    """Boxes an arrow may not touch and runs it may not lie on, indexed by area for quick tests."""

    CELL = 24.0

    def __init__(
        self,
        boxes: Sequence[Box],
        runs: Sequence[Segment],
        margin: float = 1.0,
        tolerance: float = 2.5,
        min_length: float = 0.5,
    ):
        self.margin = margin
        self.tolerance = tolerance
        self.min_length = min_length
        self.boxes: dict[tuple[int, int], list[Box]] = {}
        self.runs: dict[tuple[int, int], list[Segment]] = {}
        for b in boxes:
            for key in self._cells(b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin):
                self.boxes.setdefault(key, []).append(b)
        for (ax, ay), (bx, by) in runs:
            t = tolerance
            for key in self._cells(min(ax, bx) - t, min(ay, by) - t, max(ax, bx) + t, max(ay, by) + t):
                self.runs.setdefault(key, []).append(((ax, ay), (bx, by)))

    def _cells(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]]:
        c = self.CELL
        return [(i, j) for i in range(int(x0 // c), int(x1 // c) + 1) for j in range(int(y0 // c), int(y1 // c) + 1)]

    def blocked(self, segment: Segment) -> bool:
        """Whether the segment touches a box (grown by the margin) or lies on a run.

        The hottest test of a grid search: the cells are walked and the box
        test is done in place (the same answers as :func:`crosses` with
        ``-margin`` and :meth:`_cells`).
        """
        (x1, y1), (x2, y2) = segment
        lo_x, hi_x = (x1, x2) if x1 <= x2 else (x2, x1)
        lo_y, hi_y = (y1, y2) if y1 <= y2 else (y2, y1)
        c, m = self.CELL, self.margin
        boxes, runs = self.boxes, self.runs
        for i in range(int(lo_x // c), int(hi_x // c) + 1):
            for j in range(int(lo_y // c), int(hi_y // c) + 1):
                key = (i, j)
                for b in boxes.get(key, ()):
                    if lo_x < b[2] + m and hi_x > b[0] - m and lo_y < b[3] + m and hi_y > b[1] - m:
                        return True
                for run in runs.get(key, ()):
                    if runs_along(segment, run, self.tolerance, self.min_length):
                        return True
        return False

    def add_runs(self, runs: Sequence[Segment]) -> None:
        t = self.tolerance
        for (ax, ay), (bx, by) in runs:
            for key in self._cells(min(ax, bx) - t, min(ay, by) - t, max(ax, bx) + t, max(ay, by) + t):
                self.runs.setdefault(key, []).append(((ax, ay), (bx, by)))

    def add_box(self, b: Box) -> None:
        m = self.margin
        for key in self._cells(b[0] - m, b[1] - m, b[2] + m, b[3] + m):
            self.boxes.setdefault(key, []).append(b)

    def runs_near(self, box: Box) -> set[Segment]:
        """The runs filed near a box (a superset of those that cross it)."""
        found: set[Segment] = set()
        for key in self._cells(*box):
            found.update(self.runs.get(key, ()))
        return found

    def boxes_near(self, segment: Segment) -> set[Box]:
        """The boxes filed near a segment (a superset of those it touches)."""
        (x1, y1), (x2, y2) = segment
        found: set[Box] = set()
        for key in self._cells(min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)):
            found.update(self.boxes.get(key, ()))
        return found


def overlapping(
    routes: Sequence[Sequence[Point]],
    apart: Callable[[int, int], bool],
    tolerance: float = 3.0,
    min_length: float = 4.0,
) -> list[tuple[int, int, int]]:
    """(a, b, j): run j of route b lies on route a (a < b), for routes that must be ``apart``.

    Runs are filed by direction and position, so only runs that could touch
    are compared: far cheaper than every pair of routes on a large drawing.
    """
    index: dict[tuple[int, int], list[tuple[int, Segment]]] = {}
    bucket = max(tolerance * 2, 1.0)
    for r, route in enumerate(routes):
        for seg in itertools.pairwise(route):
            (x1, y1), (x2, y2) = seg
            vertical = abs(x1 - x2) < 0.01
            if not vertical and abs(y1 - y2) >= 0.01:
                continue
            where = int((x1 if vertical else y1) // bucket)
            index.setdefault((int(vertical), where), []).append((r, seg))
    found: set[tuple[int, int, int]] = set()
    for b, route in enumerate(routes):
        for j, seg in enumerate(itertools.pairwise(route)):
            (x1, y1), (x2, y2) = seg
            vertical = abs(x1 - x2) < 0.01
            if not vertical and abs(y1 - y2) >= 0.01:
                continue
            where = int((x1 if vertical else y1) // bucket)
            for near in (where - 1, where, where + 1):
                for a, theirs in index.get((int(vertical), near), ()):
                    if a < b and apart(a, b) and runs_along(seg, theirs, tolerance, min_length):
                        found.add((a, b, j))
    return sorted(found)


class TaggedRuns:
    """The runs of many routes, filed by area and tagged with their route, kept current as routes change.

    A router that moves one arrow at a time asks, for every trial move, whether
    a run lies on some *other* arrow's run.  Building an index of the other
    arrows for each trial costs the whole drawing each time; this one index
    of every arrow answers for any set of them (``counts`` says which), and
    a moved arrow is filed again alone.  Its answers are those of
    :class:`Obstacles` built from the runs of the arrows that count.
    """

    CELL = 24.0

    def __init__(self, routes: Sequence[Sequence[Point]], tolerance: float, min_length: float):
        self.tolerance = tolerance
        self.min_length = min_length
        self.cells: dict[tuple[int, int], list[tuple[int, Segment]]] = {}
        self.filed: dict[int, list[tuple[tuple[int, int], tuple[int, Segment]]]] = {}
        for r, route in enumerate(routes):
            self.set(r, route)

    def _cells(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]]:
        c = self.CELL
        return [(i, j) for i in range(int(x0 // c), int(x1 // c) + 1) for j in range(int(y0 // c), int(y1 // c) + 1)]

    def set(self, r: int, route: Sequence[Point]) -> None:
        """File route ``r`` anew (its old runs taken out)."""
        for key, entry in self.filed.pop(r, ()):
            self.cells[key].remove(entry)
        filed = []
        t = self.tolerance
        for seg in itertools.pairwise(route):
            (ax, ay), (bx, by) = seg
            entry = (r, seg)
            for key in self._cells(min(ax, bx) - t, min(ay, by) - t, max(ax, bx) + t, max(ay, by) + t):
                self.cells.setdefault(key, []).append(entry)
                filed.append((key, entry))
        self.filed[r] = filed

    def blocked(self, segment: Segment, counts: Callable[[int], bool]) -> bool:
        """Whether the segment lies on a run of a route that ``counts``."""
        (x1, y1), (x2, y2) = segment
        for key in self._cells(min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)):
            for r, run in self.cells.get(key, ()):
                if runs_along(segment, run, self.tolerance, self.min_length) and counts(r):
                    return True
        return False

    def view(self, counts: Callable[[int], bool]) -> RunsOf:
        """The index as seen by one route: only the routes that ``counts`` are obstacles."""
        return RunsOf(self, counts)


class RunsOf:
    """A :class:`TaggedRuns` limited to some of its routes: the ``blocked`` test a router's check asks."""

    def __init__(self, index: TaggedRuns, counts: Callable[[int], bool]):
        self.index = index
        self.counts = counts

    def blocked(self, segment: Segment) -> bool:
        return self.index.blocked(segment, self.counts)


class Overlaps:
    """What :func:`overlapping` finds, kept current as routes change one at a time.

    After a route moves, only the overlaps it takes part in can change, so
    only those are found again; the rest of the drawing is not looked at.
    """

    def __init__(
        self, routes: Sequence[Sequence[Point]], apart: Callable[[int, int], bool], tolerance: float, min_length: float
    ):
        self.routes = routes  # the caller's list: call update(r) after changing routes[r]
        self.apart = apart
        self.tolerance = tolerance
        self.min_length = min_length
        self.bucket = max(tolerance * 2, 1.0)
        self.index: dict[tuple[int, int], set[tuple[int, int, Segment]]] = {}
        self.filed: dict[int, list[tuple[tuple[int, int], tuple[int, int, Segment]]]] = {}
        self.found: set[tuple[int, int, int]] = set(overlapping(routes, apart, tolerance, min_length))
        for r in range(len(routes)):
            self._file(r)

    def _runs(self, r: int) -> list[tuple[tuple[int, int], int, Segment]]:
        out = []
        for j, seg in enumerate(itertools.pairwise(self.routes[r])):
            (x1, y1), (x2, y2) = seg
            vertical = abs(x1 - x2) < 0.01
            if not vertical and abs(y1 - y2) >= 0.01:
                continue
            out.append(((int(vertical), int((x1 if vertical else y1) // self.bucket)), j, seg))
        return out

    def _file(self, r: int) -> None:
        filed = []
        for key, j, seg in self._runs(r):
            entry = (r, j, seg)
            self.index.setdefault(key, set()).add(entry)
            filed.append((key, entry))
        self.filed[r] = filed

    def update(self, m: int) -> None:
        """Route ``m`` changed: its overlaps found again."""
        for key, entry in self.filed.pop(m, ()):
            self.index[key].discard(entry)
        self.found = {f for f in self.found if m not in (f[0], f[1])}
        self._file(m)
        t, least = self.tolerance, self.min_length
        for (vertical, where), j, seg in self._runs(m):
            for near in (where - 1, where, where + 1):
                for r, k, theirs in self.index.get((vertical, near), ()):
                    if r < m and self.apart(r, m) and runs_along(seg, theirs, t, least):
                        self.found.add((r, m, j))  # run j of m lies on r
                    elif r > m and self.apart(m, r) and runs_along(theirs, seg, t, least):
                        self.found.add((m, r, k))  # run k of r lies on m

    def pairs(self) -> list[tuple[int, int, int]]:
        return sorted(self.found)

    def involves(self, r: int) -> bool:
        """Whether route ``r`` lies on another or another on it."""
        return any(r in (a, b) for a, b, _ in self.found)
