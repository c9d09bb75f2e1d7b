"""The careful repair's last pass: two arrows that cross where neither has to are drawn apart.

The judge (:mod:`flowgen.layout.flowchart.judge`) counts a crossing only
near an arrow's ends, where it hides a head; a crossing in the middle of two
runs is allowed, because some drawings cannot do without one.  Many can:
Graphviz sends an arrow out of a side that points away from its target and
across another arrow's run, where a careful hand would have left by another
side.  This pass takes each arrow that crosses another and tries the shapes
a hand draws (out of a free side, one or two turns, into a free side; the
shortest first), each held to every clearance rule of the repair and kept
only when it crosses no arrow and leaves no more faults.  Arrows that cross
nothing are never tried: on a drawing without crossings the pass costs one
count.  (A grid search off every arrow, tried first, cost ten times more
and left three times the crossings on the book: most such searches fail,
and fail slowly.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flowgen.layout.flowchart.careful import _OUTWARD, Repair, _effort, port
from flowgen.layout.flowchart.clearance import clearance_test
from flowgen.layout.flowchart.judge import Drawn, drawn
from flowgen.layout.flowchart.types import Part
from flowgen.layout.geometry import Box, Point, Segment, dedupe, segments

EDGE = 0.5  # a crossing this close to either run's end is a touch (a fork, a join), not a crossing
AROUND = 14.0  # a way round both symbols keeps this far off them
START = 10.0  # the first run of a drawn shape: out of the symbol before it turns


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

    A shape being tried is tested inclusively: a turn that lands on another
    arrow's run touches it, which reads as a join.
    """
    if _level(other) and _upright(run):
        return _crossing(other, run, inclusive)
    if _upright(other) and _level(run):
        (x1, y1), (x2, y2) = run
        flipped: Segment = ((y1, x1), (y2, x2))
        (a1, b1), (a2, b2) = other
        return _crossing(((b1, a1), (b2, a2)), flipped, inclusive)
    return False


def _touches(box: Box, run: Segment) -> bool:
    """Whether a run meets a box, its outline included (a level or upright run has no width)."""
    (x1, y1), (x2, y2) = run
    return min(x1, x2) <= box[2] and max(x1, x2) >= box[0] and min(y1, y2) <= box[3] and max(y1, y2) >= box[1]


def crossings(a: Sequence[Point], b: Sequence[Point]) -> int:
    """How many times two routes cross (right-angled runs meeting inside both, as the reviewer counts)."""
    return sum(run_crosses(p, q) for p in segments(a) for q in segments(b))


def _reverses(points: Sequence[Point]) -> bool:
    """Whether a route turns right back along its own run somewhere."""
    for a, b, c in zip(points, points[1:], points[2:]):
        u, v = (b[0] - a[0], b[1] - a[1]), (c[0] - b[0], c[1] - b[1])
        if abs(u[0] * v[1] - u[1] * v[0]) < 1e-6 and u[0] * v[0] + u[1] * v[1] < 0:
            return True
    return False


def shapes(ends: tuple[Part, Part], starts: Sequence[str], goals: Sequence[str], stem: float) -> list[list[Point]]:
    """The routes a hand draws first, shortest first: out of a free side, one or two turns, into a free side.

    Out of the source a little way, then across and along (or along and
    across, or across halfway) to just before the target's side, and in.
    """
    source, target = ends
    found: dict[tuple[Point, ...], float] = {}
    a, b = source.box, target.box
    round_x = (min(a[0], b[0]) - AROUND, max(a[2], b[2]) + AROUND)  # the ways round both symbols
    round_y = (min(a[1], b[1]) - AROUND, max(a[3], b[3]) + AROUND)
    for s in starts:
        p0, (ox, oy) = port(source, s), _OUTWARD[s]
        p1 = (p0[0] + ox * START, p0[1] + oy * START)
        for g in goals:
            q0, (gx, gy) = port(target, g), _OUTWARD[g]
            q1 = (q0[0] + gx * stem, q0[1] + gy * stem)
            middles: list[list[Point]] = [[(q1[0], p1[1])], [(p1[0], q1[1])]]
            for x in ((p1[0] + q1[0]) / 2, *round_x):
                middles.append([(x, p1[1]), (x, q1[1])])
            for y in ((p1[1] + q1[1]) / 2, *round_y):
                middles.append([(p1[0], y), (q1[0], y)])
            for middle in middles:
                points = [p0, p1, *middle, q1, q0]
                if _reverses(dedupe_exact(points)):
                    continue
                route = dedupe(points)
                if len(route) >= 2 and all(_level(r) or _upright(r) for r in segments(route)):
                    found.setdefault(tuple(route), _effort(route))
    return [list(r) for r in sorted(found, key=lambda r: (found[r], r))]


def dedupe_exact(points: Sequence[Point]) -> list[Point]:
    """The points without repeats (straight runs kept point by point, so a turn back still shows)."""
    out: list[Point] = []
    for p in points:
        if not out or abs(out[-1][0] - p[0]) > 0.01 or abs(out[-1][1] - p[1]) > 0.01:
            out.append(p)
    return out


class Untangle:
    """Reroutes the arrows of a repaired drawing that cross another, keeping a move that crosses less."""

    def __init__(self, repair: Repair, routes: list[list[Point]]):
        self.repair = repair
        self.routes = routes
        self.moved = 0  # arrows given a new route (for tests and measurements)

    def _others(self, k: int, d: Drawn) -> list[int]:
        """The arrows whose bounds meet route ``k``'s (drawn as ``d``): the only ones it can cross."""
        box = d.box
        return [j for j in sorted(self.repair.filed.within(box)) if j != k and len(self.routes[j]) >= 2]

    def count(self, k: int, d: Drawn) -> int:
        """How many times route ``k``, drawn as ``d``, crosses the others."""
        drawn_ = self.repair.drawn
        return sum(crossings(d.points, drawn_[j].points) for j in self._others(k, d))

    def run(self) -> None:
        """Each arrow that crosses another, the most crossed first: a way crossing nothing, then one crossing less.

        Two rounds: a way that only crosses less, taken first, could close
        the way that crosses nothing of an arrow tried after it.
        """
        for partial in (False, True):
            repair = self.repair
            counts = {
                k: self.count(k, repair.drawn[k])
                for k in range(len(self.routes))
                if repair.ends[k][0] is not repair.ends[k][1] and len(self.routes[k]) >= 2
            }
            for k in sorted((k for k, n in counts.items() if n > partial), key=lambda k: (-counts[k], k)):
                now = self.count(k, repair.drawn[k])  # an earlier move may have freed it
                if now > partial:
                    self._try(k, now, partial)

    def _try(self, k: int, now: int, partial: bool) -> None:
        """Route ``k`` drawn in the first clear shape that crosses least (fewer than ``now``) and breaks no more rules.

        A shape that crosses nothing is taken as soon as it is found; one
        that still crosses (fewer) only when ``partial``, once every shape
        has been tried.
        """
        repair = self.repair
        starts, goals = repair._sides(k)
        if not starts or not goals:
            return
        crossed = self._crossed(k)
        old = repair.score(k, repair.drawn[k])
        fewer: list[tuple[int, int, list[Point]]] = []
        for n, shape in enumerate(shapes(repair.ends[k], starts, goals, repair.stem)):
            if shape == self.routes[k]:
                continue
            count = crossed(shape)
            if count == 0 and self._keep(k, shape, old, now):
                return
            if partial and count is not None and 0 < count < now:
                fewer.append((count, n, shape))
        for _, _, shape in sorted(fewer):
            if self._keep(k, shape, old, now):
                return

    def _keep(self, k: int, route: list[Point], old: int, now: int) -> bool:
        """Route ``k`` drawn as ``route`` when that leaves no more faults (than ``old``) and fewer crossings."""
        repair = self.repair
        d = drawn(route, repair.ends[k], repair.head, repair.joint)
        if repair.score(k, d) > old or self.count(k, d) >= now:
            return False
        repair._move(k, d)
        self.routes[k] = route
        self.moved += 1
        return True

    def _crossed(self, k: int) -> Callable[[list[Point]], int | None]:
        """How many other arrows' runs a shape for route ``k`` crosses; None when it breaks a clearance rule.

        Touching a run (a turn on it) counts as breaking one: it reads as a join.
        """
        repair = self.repair
        clear = clearance_test(lambda: repair._clearance(k))
        # every shape stays within this box round its two symbols: runs outside it cannot meet one
        source, target = repair.ends[k]
        a, b = source.box, target.box
        reach = max(AROUND, START, repair.stem) + 1.0
        box = (min(a[0], b[0]) - reach, min(a[1], b[1]) - reach, max(a[2], b[2]) + reach, max(a[3], b[3]) + reach)
        runs = [
            seg
            for j in sorted(repair.filed.within(box))
            if j != k
            for seg in segments(repair.drawn[j].points)
            if _touches(box, seg)
        ]

        def crossed(shape: list[Point]) -> int | None:
            total = 0
            for segment in segments(shape):
                if clear(segment):
                    return None
                for run in runs:
                    if run_crosses(segment, run, inclusive=True):
                        if not run_crosses(segment, run):
                            return None
                        total += 1
            return total

        return crossed
