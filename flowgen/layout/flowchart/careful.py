"""The flowchart's last finishing pass: the rules of a careful hand, measured and repaired.

Graphviz routes every arrow and :mod:`flowgen.layout.polish` finishes the
routes one rule at a time, but some faults only show between two finished
arrows: an arrival at a side another arrow leaves from, two arrows side by
side a few points apart, a crossing just at an arrowhead.  This module
measures those rules on the finished routes (the same rules and distances
as the outside geometry checker) and reroutes an arrow that breaks one with
flowgen's grid search, restricted to the sides and tips it may use and kept
off everything it must keep clear of.  A new route is kept only when it
leaves fewer faults than the old one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flowgen.layout.flowchart.clearance import Clearance, Filed, Other, Rules, clearance_test
from flowgen.layout.flowchart.judge import (
    BORDER_NEAR,
    CLOSE,
    END_ZONE,
    GRAZE,
    MERGED,
    SLACK,
    STEM,
    Drawn,
    Judge,
    drawn,
    end_key,
    grow,
    joint_boxes,
)
from flowgen.layout.flowchart.types import Lane, Part, Tie
from flowgen.layout.geometry import Box, Point, Segment, dedupe, segments
from flowgen.layout.grid_search import GridSearch
from flowgen.model.types import Edge, StepKind


def _effort(points: Sequence[Point]) -> float:
    """How much drawing a route is: its length and 18 points for each bend."""
    length = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in segments(points))
    return length + 18.0 * max(0, len(points) - 2)


_OUTWARD = {"top": (0.0, -1.0), "bottom": (0.0, 1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}


def port(part: Part, side: str) -> Point:
    """The middle of a symbol's side (a decision's tip)."""
    s = part.shape
    return {"top": (s.x, s.y0), "bottom": (s.x, s.y1), "left": (s.x0, s.y), "right": (s.x1, s.y)}[side]


SEARCHES_PER_ARROW = 8  # the repair's grid searches, per arrow of the drawing
SEARCH_LIMIT = 6000  # grid points one search may expand: a careful detour is found early or not at all
REACH = 160.0  # a careful detour stays near its ends; a search over the whole page is slow to fail


class Repair:
    """Reroutes the arrows that break a rule of :class:`Judge`, keeping a new route only when it is better.

    The searches of an arrow depend only on the other arrows near it and on
    those using its ends' sides, so they are kept and asked again only when
    one of those moved; likewise an arrow's fault count.  The same input
    gives the same drawing as searching everything afresh at every move.
    """

    def __init__(
        self,
        parts: Sequence[Part],
        lanes: Sequence[Lane],
        ties: Sequence[Tie],
        edges: Sequence[Edge],
        ends: Sequence[tuple[Part, Part]],
        head: float,
        lr: bool,
    ):
        self.parts, self.lanes, self.edges, self.ends = parts, lanes, edges, ends
        self.head, self.lr = head, lr
        self.judge = Judge(parts, lanes, edges, head)
        self.searches = 0  # set by run()
        self.tie_boxes = [
            grow(
                (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])),
                1.0,
            )
            for tie in ties
            for a, b in zip(tie.points[0::2], tie.points[1::2])
        ]
        self.drawn: list[Drawn] = []
        self.filed: Filed[Drawn] = Filed(END_ZONE + 1)
        self.joint = joint_boxes(parts)
        self.walls = [grow(p.box, GRAZE + SLACK) for p in parts] + [lane.header for lane in lanes] + self.tie_boxes
        self.stem = head * 0.8 + STEM + 1.5
        self.found: dict[int, dict[tuple[tuple[str, ...], tuple[str, ...]], list[Point] | None]] = {}
        self.zones: dict[int, Box] = {}
        self.scores: dict[int, int] = {}
        self.best: dict[int, tuple[int, tuple[tuple[int, float], list[Point], Drawn] | None]] = {}

    def score(self, k: int, d: Drawn) -> int:
        total = len(self.judge.alone(k, d, self.ends[k]))
        for j in sorted(self.filed.around(d)):
            if j != k and self.ends[j][0] is not self.ends[j][1]:
                total += len(self.judge.between(k, d, j, self.drawn[j]))
        return total

    def _score_now(self, k: int) -> int:
        known = self.scores.get(k)
        if known is None:
            known = self.scores[k] = self.score(k, self.drawn[k])
        return known

    def run(self, routes: list[list[Point]]) -> None:
        """Repair ``routes`` in place, one arrow at a time, the change that clears most faults first.

        Of two changes that clear as many faults, the one that adds the
        least length and fewest bends wins: rerouting the arrow that can
        take a neat way round, not the one that would jog to make room.
        """
        self.drawn = [drawn(r, e, self.head, self.joint) for r, e in zip(routes, self.ends)]
        for k, d in enumerate(self.drawn):
            self.filed.add(k, d)
        # a bounded number of grid searches, so a crowded drawing costs time in proportion to its arrows
        # (counted, not timed: the same input gives the same drawing on any machine)
        self.searches = SEARCHES_PER_ARROW * len(routes) + 8
        for _ in range(2 * len(routes) + 2):
            best: tuple[tuple[int, float], int, list[Point], Drawn] | None = None
            for k in range(len(routes)):
                if self.ends[k][0] is self.ends[k][1] or len(routes[k]) < 2 or self._score_now(k) == 0:
                    continue
                option = self._best_for(k, routes[k])
                if option is not None and (best is None or option[0] > best[0]):
                    best = (option[0], k, option[1], option[2])
            if best is None:
                return
            _, k, candidate, d = best
            self._move(k, d)
            routes[k] = candidate

    def _best_for(self, k: int, route: list[Point]) -> tuple[tuple[int, float], list[Point], Drawn] | None:
        """Arrow ``k``'s best new route that leaves fewer faults (by rank), or None; kept until something near moves.

        A kept answer costs the searches it would have run again, so the
        drawing's budget of searches runs out exactly as if it had.
        """
        kept = self.best.get(k)
        if kept is not None and self.searches >= kept[0]:
            self.searches -= kept[0]
            return kept[1]
        before = self.searches
        candidates, planned = self.candidates(k)
        old = self._score_now(k)
        # a straight arrow is the spine of the flow: bending it costs more than any detour's length
        spine = 120.0 if self._spine(route) else 0.0
        effort = _effort(route)
        option: tuple[tuple[int, float], list[Point], Drawn] | None = None
        for candidate in candidates:
            d = drawn(candidate, self.ends[k], self.head, self.joint)
            new = self.score(k, d)
            rank = (old - new, effort - _effort(candidate) - spine)
            if new < old and (option is None or rank > option[0]):
                option = (rank, candidate, d)
        if before >= planned:  # every search ran: the same answer until something near moves
            self.best[k] = (planned, option)
        return option

    def _move(self, k: int, d: Drawn) -> None:
        """Arrow ``k`` drawn anew: forget the scores and searches it may have changed."""
        old = self.drawn[k]
        self.filed.remove(k, old)
        changed = self.filed.around(old) | self.filed.around(d) | {k}
        self.drawn[k] = d
        self.filed.add(k, d)
        for j in changed:
            self.scores.pop(j, None)
            self.best.pop(j, None)
        self.best.pop(k, None)
        steps = {old.start[0], old.end[0], d.start[0], d.end[0]}
        for j in sorted(set(self.found) | set(self.best)):
            if j == k:
                continue  # an arrow's own searches do not depend on its own route
            zone = grow(self._zone(j), CLOSE + SLACK + 2.0)
            source, target = self.ends[j]
            if source.step in steps or target.step in steps or _touches(zone, old.box) or _touches(zone, d.box):
                self.found.pop(j, None)
                self.best.pop(j, None)

    def _spine(self, points: Sequence[Point]) -> bool:
        """A single straight run in the direction of the flow (down, or right in a flow running right)."""
        (x0, y0), (x1, y1) = points[0], points[-1]
        return len(points) == 2 and ((x1 - x0 > 0.5 and abs(y1 - y0) < 0.01) if self.lr else y1 - y0 > 0.5)

    def _sides(self, k: int) -> tuple[list[str], list[str]]:
        """The sides route ``k`` may leave from and arrive at: none another arrow uses the other way."""
        source, target = self.ends[k]
        edge = self.edges[k]
        filed = self.filed
        starts, goals = [], []
        for side in ("bottom", "right", "left", "top"):
            key = end_key(source, port(source, side), self.joint)
            taken = bool(filed.ends.get(key, set()) - {k})
            if source.shape.kind is StepKind.DECISION:
                taken = taken or any(
                    j != k and not (self.edges[j].source == edge.source and self.edges[j].label == edge.label)
                    for j in filed.starts.get(key, ())
                )
            if not taken:
                starts.append(side)
            key = end_key(target, port(target, side), self.joint)
            if not filed.starts.get(key, set()) - {k}:
                goals.append(side)
        return starts, goals

    def candidates(self, k: int) -> tuple[list[list[Point]], int]:
        """New routes for arrow ``k`` (none alike), and how many searches finding them takes."""
        starts, goals = self._sides(k)
        if not starts or not goals:
            return [], 0
        memo = self.found.setdefault(k, {})
        blocked = clearance_test(lambda: self._clearance(k))  # the clearance made only when a search has to run

        results: list[list[Point] | None] = []
        plan = [goals] + ([[g] for g in goals] if len(goals) > 1 else [])
        for goal_sides in plan:
            key = (tuple(starts), tuple(goal_sides))
            if self.searches <= 0:
                results.append(None)
            elif key in memo:  # the same search as before, found again at the same cost
                self.searches -= 1
                results.append(memo[key])
            else:
                memo[key] = self._search(k, starts, goal_sides, blocked)
                results.append(memo[key])
        first = results[0]
        found = [] if first is None else [first]
        found += [route for route in results[1:] if route is not None and route != first]
        return found, len(plan)

    def _area(self, k: int) -> Box:
        """The grid arrow ``k``'s searches cover: round its two ends, within the lanes."""
        source, target = self.ends[k]
        lanes = self.lanes
        return (
            max(min(lane.box[0] for lane in lanes), min(source.box[0], target.box[0]) - REACH) + 1,
            max(min(lane.box[1] for lane in lanes), min(source.box[1], target.box[1]) - REACH) + 1,
            min(max(lane.box[2] for lane in lanes), max(source.box[2], target.box[2]) + REACH) - 1,
            min(max(lane.box[3] for lane in lanes), max(source.box[3], target.box[3]) + REACH) - 1,
        )

    def _zone(self, k: int) -> Box:
        """Where arrow ``k``'s searches look: round its two ends, within the lanes, and its ports' stems."""
        known = self.zones.get(k)
        if known is not None:
            return known
        source, target = self.ends[k]
        area = self._area(k)
        a, b = grow(source.box, self.stem + 1.0), grow(target.box, self.stem + 1.0)
        zone = (
            min(area[0], a[0], b[0]),
            min(area[1], a[1], b[1]),
            max(area[2], a[2], b[2]),
            max(area[3], a[3], b[3]),
        )
        self.zones[k] = zone
        return zone

    def _search(
        self, k: int, start_sides: Sequence[str], goal_sides: Sequence[str], blocked: Callable[[Segment], bool]
    ) -> list[Point] | None:
        """A grid route for arrow ``k`` from one of the given sides to one of the given sides (one of the budget)."""
        if self.searches <= 0:
            return None
        self.searches -= 1
        return self.route(k, start_sides, goal_sides, blocked)

    def route(
        self,
        k: int,
        start_sides: Sequence[str],
        goal_sides: Sequence[str],
        blocked: Callable[[Segment], bool],
        limit: int = SEARCH_LIMIT,
    ) -> list[Point] | None:
        """A grid route for arrow ``k`` between the given sides, clear by ``blocked``, outside the budget."""
        source, target = self.ends[k]
        forward, back = ("right", "left") if self.lr else ("bottom", "top")
        stem = self.stem
        starts: list[tuple[Point, Point, float]] = []
        for side in start_sides:
            cost = 0.0 if side == forward else 16.0 if side == back else 6.0
            starts.append((port(source, side), _OUTWARD[side], cost))
        goals: list[tuple[Point, Point]] = []
        real: dict[Point, Point] = {}
        for side in goal_sides:
            (px, py), (ox, oy) = port(target, side), _OUTWARD[side]
            virtual = (px + ox * stem, py + oy * stem)
            if blocked((virtual, (px, py))):
                continue
            real[virtual] = (px, py)
            goals.append((virtual, (-ox, -oy)))
        if not goals:
            return None
        own = {source.step, target.step}
        # grid points inside the arrow's own symbols are out; the walls round every other symbol are in ``blocked``
        boxes = [p.box for p in self.parts if p.step in own]
        lanes = self.lanes
        xs = sorted({v for lane in lanes for v in (lane.box[0], lane.box[2])})
        ys = sorted({v for lane in lanes for v in (lane.box[1], lane.box[3])})
        columns, rows = (xs, [lanes[0].header[3]]) if not self.lr else ([lanes[0].header[2]], ys)
        search = GridSearch(self._area(k), CLOSE + SLACK + 0.4, columns, rows, boxes, limit=limit, deep=True)
        found = search.find(starts, goals, blocked)
        if found is None or found[-1] not in real:
            return None
        return dedupe([*found, real[found[-1]]])

    def _clearance(self, k: int) -> Clearance:
        """The test a grid run of arrow ``k`` must pass: clear of symbols, borders, and other arrows."""
        source, target = self.ends[k]
        edge = self.edges[k]
        own = {source.step, target.step}
        walls = [w for p, w in zip(self.parts, self.walls) if p.step not in own]
        walls += self.walls[len(self.parts) :]
        walls += [grow(p.box, -0.5) for p in self.parts if p.step in own]
        zone = self._zone(k)

        def others(near: Box | None) -> list[Other]:
            """The other arrows' runs (those round ``near`` only, when given): a shared run counts as the last's."""
            found: dict[Segment, Other] = {}
            chosen = range(len(self.drawn)) if near is None else sorted(self.filed.within(near))
            for j in chosen:
                if j == k:
                    continue
                d, other = self.drawn[j], self.edges[j]
                friend = other.source == edge.source or other.target == edge.target
                for seg in segments(d.line):
                    found[seg] = Other(seg, friend, (d.line[0], d.line[-1]))
            return list(found.values())

        ports = [port(source, side) for side in _OUTWARD] + [port(target, side) for side in _OUTWARD]
        rules = Rules(BORDER_NEAR + SLACK, CLOSE + SLACK, MERGED, END_ZONE + SLACK)
        return Clearance(walls, self.judge.borders, others, ports, rules, zone)


def _touches(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
