"""The test a rerouted flowchart arrow's grid runs must pass, answered line by line of the grid.

The careful repair (:mod:`flowgen.layout.flowchart.careful`) searches a grid
for a new way for an arrow, and asks of every run it tries: is it clear of
the symbols, the lane borders, and the other arrows (not side by side with
one, not crossing one near its ends)?  A search asks that question for
thousands of runs, nearly all of them on a few hundred grid lines, so the
obstacles are sorted once per line of the grid the first time the line is
asked about: a run on that line is then tested only against what lies on or
beside it.  The answers are the same as the plain test's, which is kept for
the runs that are not exactly level or upright, or that leave the area the
obstacles were sorted for.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from flowgen.layout.geometry import Box, Point, Segment


class Placed(Protocol):
    """A finished arrow as the filing sees it: its bounds and the (step, side) it leaves and arrives at."""

    @property
    def box(self) -> Box: ...
    @property
    def start(self) -> tuple[int, str]: ...
    @property
    def end(self) -> tuple[int, str]: ...


D = TypeVar("D", bound=Placed)


@dataclass(frozen=True)
class Rules:
    """The distances of the clearance test (the repair's rules plus its slack)."""

    border: float  # a run this close to a lane border (and along it) lies on it
    beside: float  # a run this close to another arrow's parallel run is side by side with it
    merged: float  # closer than this, a run of a friend arrow (same source or target) is one line with it
    zone: float  # no crossing this close to another arrow's ends or to this arrow's ports


@dataclass(frozen=True)
class Other:
    """A run of another finished arrow: the run, whether that arrow shares an end with this one, its ends."""

    run: Segment
    friend: bool
    ends: tuple[Point, Point]


def cross(a: Point, b: Point, c: Point, d: Point) -> Point | None:
    """Where segment a-b meets segment c-d, if it does (ends included, to a millionth)."""
    r = (b[0] - a[0], b[1] - a[1])
    s = (d[0] - c[0], d[1] - c[1])
    den = r[0] * s[1] - r[1] * s[0]
    if abs(den) < 1e-9:
        return None
    t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / den
    u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den
    if -1e-6 <= t <= 1 + 1e-6 and -1e-6 <= u <= 1 + 1e-6:
        return (a[0] + t * r[0], a[1] + t * r[1])
    return None


def _strict(box: Box, segment: Segment) -> bool:
    (x1, y1), (x2, y2) = segment
    return min(x1, x2) < box[2] and max(x1, x2) > box[0] and min(y1, y2) < box[3] and max(y1, y2) > box[1]


class Clearance:
    """Whether a run is blocked: by a box it enters, a border it lies on, or another arrow it meets badly."""

    def __init__(
        self,
        boxes: Sequence[Box],
        borders: Sequence[tuple[str, float, float, float]],
        others: Callable[[Box | None], Sequence[Other]],
        ports: Sequence[Point],
        rules: Rules,
        zone: Box,
    ):
        self.rules = rules
        self.ports = ports
        self.everything = (boxes, borders, others)  # for a run outside the zone (all other arrows' runs, then)
        near = (zone[0] - 10.0, zone[1] - 10.0, zone[2] + 10.0, zone[3] + 10.0)
        self.zone = zone
        self.boxes = [b for b in boxes if b[0] <= near[2] and b[2] >= near[0] and b[1] <= near[3] and b[3] >= near[1]]
        self.borders = [
            b
            for b in borders
            if (b[0] == "v" and near[0] <= b[1] <= near[2] and b[2] <= near[3] and b[3] >= near[1])
            or (b[0] == "h" and near[1] <= b[1] <= near[3] and b[2] <= near[2] and b[3] >= near[0])
        ]
        self.others = [o for o in others(near) if _meets(near, o.run)]
        self.lines: dict[tuple[bool, float], _Line] = {}
        # the other arrows' runs sorted once for the grid lines of each direction (see _line)
        self.parallel: dict[bool, list[tuple[float, float, float, bool]]] = {True: [], False: []}
        self.crossing: dict[bool, list[tuple[Other, float, float, float, float]]] = {True: [], False: []}
        for other in self.others:
            (a1, b1), (a2, b2) = other.run
            for vertical in (True, False):
                if (abs(a1 - a2) < 0.01) == vertical and (abs(b1 - b2) < 0.01) != vertical:
                    c2, l2, h2 = (a1, min(b1, b2), max(b1, b2)) if vertical else (b1, min(a1, a2), max(a1, a2))
                    self.parallel[vertical].append((c2, l2, h2, other.friend))
                elif not other.friend:
                    p, q = (a1, a2) if vertical else (b1, b2)
                    lo, hi = (min(b1, b2), max(b1, b2)) if vertical else (min(a1, a2), max(a1, a2))
                    self.crossing[vertical].append((other, min(p, q) - 1.0, max(p, q) + 1.0, lo, hi))

    def blocked(self, segment: Segment) -> bool:
        (x1, y1), (x2, y2) = segment
        z = self.zone
        # the ends in order by comparisons (a search asks this for every run: no min/max calls)
        lo_x, hi_x = (x1, x2) if x1 <= x2 else (x2, x1)
        lo_y, hi_y = (y1, y2) if y1 <= y2 else (y2, y1)
        if not (z[0] <= lo_x and hi_x <= z[2] and z[1] <= lo_y and hi_y <= z[3]):
            boxes, borders, others = self.everything
            return self._plain(segment, boxes, borders, others(None))
        if x1 == x2:
            vertical, c, lo, hi = True, x1, lo_y, hi_y
        elif y1 == y2 and hi_x - lo_x >= 0.01:
            vertical, c, lo, hi = False, y1, lo_x, hi_x
        else:
            return self._plain(segment, self.boxes, self.borders, self.others)
        line = self.lines.get((vertical, c))
        if line is None:
            line = self.lines[(vertical, c)] = self._line(vertical, c)
        for b0, b1 in line.boxes:
            if lo < b1 and hi > b0:
                return True
        for l2, h2 in line.along:
            if (hi if hi <= h2 else h2) - (lo if lo >= l2 else l2) > 0.5:
                return True
        for other, l2, h2 in line.across:
            if l2 - 1.0 <= hi and h2 + 1.0 >= lo and self._bad_crossing(segment, other):
                return True
        return False

    def _bad_crossing(self, segment: Segment, other: Other) -> bool:
        x = cross(segment[0], segment[1], other.run[0], other.run[1])
        if x is None:
            return False
        zone = self.rules.zone
        return any(math.hypot(x[0] - z[0], x[1] - z[1]) < zone for z in (*other.ends, *self.ports))

    def _line(self, vertical: bool, c: float) -> _Line:
        """What can block a run on the grid line x = c (upright) or y = c (level), as extents along it."""
        rules = self.rules
        if vertical:
            boxes = [(b[1], b[3]) for b in self.boxes if b[0] < c < b[2]]
        else:
            boxes = [(b[0], b[2]) for b in self.boxes if b[1] < c < b[3]]
        kind = "v" if vertical else "h"
        along = [(lo, hi) for k, c2, lo, hi in self.borders if k == kind and abs(c - c2) < rules.border]
        beside, merged = rules.beside, rules.merged
        for c2, l2, h2, friend in self.parallel[vertical]:
            gap = abs(c - c2)
            if gap < beside and not (friend and gap < merged):
                along.append((l2, h2))
        # a run across the line can meet it only where the line passes through the run's extent
        across = [(other, lo, hi) for other, p, q, lo, hi in self.crossing[vertical] if p <= c <= q]
        return _Line(boxes, along, across)

    def _plain(
        self,
        segment: Segment,
        boxes: Sequence[Box],
        borders: Sequence[tuple[str, float, float, float]],
        others: Sequence[Other],
    ) -> bool:
        """The test run by run, against everything: for a run no grid line holds."""
        if any(_strict(b, segment) for b in boxes):
            return True
        (x1, y1), (x2, y2) = segment
        rules = self.rules
        vertical = abs(x1 - x2) < 0.01
        c, lo, hi = (x1, min(y1, y2), max(y1, y2)) if vertical else (y1, min(x1, x2), max(x1, x2))
        for kind, c2, l2, h2 in borders:
            if (kind == "v") == vertical and abs(c - c2) < rules.border and min(hi, h2) - max(lo, l2) > 0.5:
                return True
        for other in others:
            (a1, b1), (a2, b2) = other.run
            if (abs(a1 - a2) < 0.01) == vertical and (abs(b1 - b2) < 0.01) != vertical:
                c2, l2, h2 = (a1, min(b1, b2), max(b1, b2)) if vertical else (b1, min(a1, a2), max(a1, a2))
                side_by_side = min(hi, h2) - max(lo, l2) > 0.5 and abs(c - c2) < rules.beside
                if side_by_side and not (other.friend and abs(c - c2) < rules.merged):
                    return True
                continue
            if not other.friend and self._bad_crossing(segment, other):
                return True
        return False


@dataclass(frozen=True)
class _Line:
    boxes: list[tuple[float, float]]  # extents along the line of the boxes the line passes through
    along: list[tuple[float, float]]  # extents of borders and parallel runs a run on the line may not share
    across: list[tuple[Other, float, float]]  # runs across the line, with their extent along it


def _meets(box: Box, run: Segment) -> bool:
    (x1, y1), (x2, y2) = run
    return min(x1, x2) <= box[2] and max(x1, x2) >= box[0] and min(y1, y2) <= box[3] and max(y1, y2) >= box[1]


def clearance_test(make: Callable[[], Clearance]) -> Callable[[Segment], bool]:
    """The test of the clearance ``make`` builds (when a run is first asked about), each run's answer kept.

    A search asks the same runs again, and a repair whose searches were all
    kept asks none: then the clearance is never built.
    """
    seen: dict[Segment, bool] = {}
    made: list[Clearance] = []

    def blocked(segment: Segment) -> bool:
        known = seen.get(segment)
        if known is None:
            if not made:
                made.append(make())
            known = seen[segment] = made[0].blocked(segment)
        return known

    return blocked


class Filed(Generic[D]):
    """The finished arrows filed by where they lie and by the sides they use, updated as the repair moves one.

    Scoring an arrow asks about every other arrow it could make a fault
    with: those near it (every rule but a shared side needs the two within
    a few points) and those that use one of its sides.  Filing them makes
    that a look-up, not a pass over every arrow of the drawing.
    """

    CELL = 64.0

    def __init__(self, reach: float) -> None:
        self.reach = reach  # how near two arrows must come to make a fault other than a shared side
        self.cells: dict[tuple[int, int], set[int]] = {}
        self.starts: dict[tuple[int, str], set[int]] = {}
        self.ends: dict[tuple[int, str], set[int]] = {}

    def _cells(self, box: Box) -> list[tuple[int, int]]:
        c = self.CELL
        return [
            (i, j)
            for i in range(int(box[0] // c), int(box[2] // c) + 1)
            for j in range(int(box[1] // c), int(box[3] // c) + 1)
        ]

    def add(self, k: int, d: D) -> None:
        for key in self._cells(d.box):
            self.cells.setdefault(key, set()).add(k)
        self.starts.setdefault(d.start, set()).add(k)
        self.ends.setdefault(d.end, set()).add(k)

    def remove(self, k: int, d: D) -> None:
        for key in self._cells(d.box):
            self.cells[key].discard(k)
        self.starts[d.start].discard(k)
        self.ends[d.end].discard(k)

    def within(self, box: Box) -> set[int]:
        """Every arrow whose bounds could meet ``box`` (a superset)."""
        found: set[int] = set()
        for key in self._cells(box):
            found |= self.cells.get(key, set())
        return found

    def around(self, d: D) -> set[int]:
        """Every arrow that could make a fault with one drawn as ``d`` (a superset)."""
        found = set(self.ends.get(d.start, ())) | self.starts.get(d.end, set())
        for key in self._cells(
            (d.box[0] - self.reach, d.box[1] - self.reach, d.box[2] + self.reach, d.box[3] + self.reach)
        ):
            found |= self.cells.get(key, set())
        return found
