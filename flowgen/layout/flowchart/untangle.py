"""The careful repair's last pass: two arrows that cross where neither has to are drawn apart.

The judge (:mod:`flowgen.layout.flowchart.judge`) counts a crossing only
near an arrow's ends, where it hides a head; a crossing in the middle of two
runs is allowed, because some drawings cannot do without one.  Many can:
Graphviz sends an arrow out of a side that points away from its target and
across another arrow's run, where a careful hand would have left by another
side.  This pass takes each arrow that crosses another, searches the grid
again for a way that crosses no arrow at all (with every clearance rule of
the repair), and keeps it only when the drawing then has fewer crossings and
no more faults.  Arrows that cross nothing are never searched: on a drawing
without crossings the pass costs one count.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from flowgen.layout.flowchart.careful import Repair
from flowgen.layout.flowchart.clearance import clearance_test
from flowgen.layout.flowchart.judge import Drawn, drawn
from flowgen.layout.geometry import Point, Segment, segments

EDGE = 0.5  # a crossing this close to either run's end is a touch (a fork, a join), not a crossing
PASSES = 1  # rounds over the crossing arrows (a second round freed no more on the book)


def _crossing(h: Segment, v: Segment, inclusive: bool) -> bool:
    """Whether level run ``h`` and upright run ``v`` cross inside both (``inclusive``: ``v``'s ends count)."""
    (hx1, hy), (hx2, _) = h
    (vx, vy1), (_, vy2) = v
    if not min(hx1, hx2) + EDGE < vx < max(hx1, hx2) - EDGE:
        return False
    lo, hi = min(vy1, vy2), max(vy1, vy2)
    return lo - 0.01 <= hy <= hi + 0.01 if inclusive else lo + EDGE < hy < hi - EDGE


def _level(s: Segment) -> bool:
    return abs(s[0][1] - s[1][1]) < EDGE and abs(s[0][0] - s[1][0]) >= EDGE


def _upright(s: Segment) -> bool:
    return abs(s[0][0] - s[1][0]) < EDGE and abs(s[0][1] - s[1][1]) >= EDGE


def run_crosses(run: Segment, other: Segment, inclusive: bool = False) -> bool:
    """Whether two right-angled runs cross inside both (``inclusive``: the ends of ``run`` count).

    An inclusive test is the grid search's: its runs go from grid point to
    grid point, so an arrow passing exactly through a grid point would be
    met by neither run strictly.
    """
    if _level(other) and _upright(run):
        return _crossing(other, run, inclusive)
    if _upright(other) and _level(run):
        (x1, y1), (x2, y2) = run
        flipped: Segment = ((y1, x1), (y2, x2))
        (a1, b1), (a2, b2) = other
        return _crossing(((b1, a1), (b2, a2)), flipped, inclusive)
    return False


def crossings(a: Sequence[Point], b: Sequence[Point]) -> int:
    """How many times two routes cross (right-angled runs meeting inside both, as the reviewer counts)."""
    return sum(run_crosses(p, q) for p in segments(a) for q in segments(b))


class Untangle:
    """Reroutes the arrows of a repaired drawing that cross another, keeping a move that crosses less."""

    def __init__(self, repair: Repair, routes: list[list[Point]]):
        self.repair = repair
        self.routes = routes
        self.moved = 0  # arrows given a new route (for tests and measurements)
        self.searches = 0  # grid searches run: only for arrows that cross another

    def _others(self, k: int, d: Drawn) -> list[int]:
        """The arrows whose bounds meet route ``k``'s (drawn as ``d``): the only ones it can cross."""
        box = d.box
        return [j for j in sorted(self.repair.filed.within(box)) if j != k and len(self.routes[j]) >= 2]

    def count(self, k: int, d: Drawn) -> int:
        """How many times route ``k``, drawn as ``d``, crosses the others."""
        drawn_ = self.repair.drawn
        return sum(crossings(d.points, drawn_[j].points) for j in self._others(k, d))

    def run(self) -> None:
        """Each arrow that crosses another, the most crossed first, searched again once a pass."""
        repair = self.repair
        for _ in range(PASSES):
            counts = {
                k: self.count(k, repair.drawn[k])
                for k in range(len(self.routes))
                if repair.ends[k][0] is not repair.ends[k][1] and len(self.routes[k]) >= 2
            }
            crossed = sorted((k for k, n in counts.items() if n), key=lambda k: (-counts[k], k))
            if not crossed:
                return
            before = self.moved
            for k in crossed:
                now = self.count(k, repair.drawn[k])  # an earlier move may have freed it
                if now:
                    self._try(k, now)
            if self.moved == before:
                return

    def _try(self, k: int, now: int) -> None:
        """Route ``k`` searched again off every other arrow; kept when it crosses less and breaks no more rules."""
        repair = self.repair
        starts, goals = repair._sides(k)
        if not starts or not goals:
            return
        blocked = self._blocked(k)
        old = repair.score(k, repair.drawn[k])
        plan = [goals] + ([[g] for g in goals] if len(goals) > 1 else [])
        for goal_sides in plan:
            self.searches += 1
            found = repair.route(k, starts, goal_sides, blocked)
            if found is None and goal_sides is goals:
                return  # no way to any goal: none to one of them either
            if found is None or found == self.routes[k]:
                continue
            d = drawn(found, repair.ends[k], repair.head, repair.joint)
            if repair.score(k, d) <= old and self.count(k, d) < now:  # it crosses nothing: none can do better
                repair._move(k, d)
                self.routes[k] = found
                self.moved += 1
                return

    def _blocked(self, k: int) -> Callable[[Segment], bool]:
        """The repair's clearance test for route ``k``, and no run across another arrow's run."""
        repair = self.repair
        clear = clearance_test(lambda: repair._clearance(k))
        across = Across([seg for j, d in enumerate(repair.drawn) if j != k for seg in segments(d.points)])

        def blocked(segment: Segment) -> bool:
            return clear(segment) or across.meets(segment)

        return blocked


class Across:
    """Other arrows' runs filed by grid line, for the test "does this run cross one?" asked thousands of times.

    A search asks about runs on a few hundred grid lines; the runs that
    could cross a grid line are picked out once per line, sorted by where
    they meet it, so a run on the line is tested by two bisections.
    """

    def __init__(self, runs: Sequence[Segment]):
        self.level = [r for r in runs if _level(r)]
        self.upright = [r for r in runs if _upright(r)]
        self.lines: dict[tuple[bool, float], tuple[list[float], list[Segment]]] = {}

    def _line(self, vertical: bool, c: float) -> tuple[list[float], list[Segment]]:
        """The runs across grid line x = c (``vertical``) or y = c, sorted by where they cross it."""
        axis = 0 if vertical else 1
        found = [
            (r[0][1 - axis], r)
            for r in (self.level if vertical else self.upright)
            if min(r[0][axis], r[1][axis]) + EDGE < c < max(r[0][axis], r[1][axis]) - EDGE
        ]
        found.sort()
        return [f[0] for f in found], [f[1] for f in found]

    def meets(self, segment: Segment) -> bool:
        """Whether ``segment`` crosses a filed run inside it (the segment's own ends count)."""
        if _upright(segment):
            vertical, c, axis = True, segment[0][0], 1
        elif _level(segment):
            vertical, c, axis = False, segment[0][1], 0
        else:
            return False
        line = self.lines.get((vertical, c))
        if line is None:
            line = self.lines[(vertical, c)] = self._line(vertical, c)
        where = line[0]
        lo, hi = min(segment[0][axis], segment[1][axis]), max(segment[0][axis], segment[1][axis])
        return bisect.bisect_left(where, lo - 0.01) < bisect.bisect_right(where, hi + 0.01)
