"""Finishing the flowchart's orthogonal routes the way a careful drawer would.

Graphviz routes each arrow around the symbols; :class:`Router` then brings
the ends exactly onto the outlines, moves a decision's arrows onto its
tips, centres ends on a box's side, pulls apart arrows that lie on top of
one another (or reroutes them with flowgen's grid search), and lets arrows
out of (or into) one side of a symbol share one line.  Every change is
kept only when it crosses no symbol and runs on no other arrow.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from flowgen.layout.arrows import tie_segments
from flowgen.layout.flowchart.tips import clamp, enter_candidates, exit_candidates, flip, flip_shape
from flowgen.layout.flowchart.types import Lane, Part, Tie
from flowgen.layout.geometry import Point, crosses, dedupe, runs_along, segments
from flowgen.layout.grid_search import (
    GridSearch,
    Obstacles,
    Overlaps,
    RunsOf,
    TaggedRuns,
    entry_ports,
    exit_ports,
)
from flowgen.layout.symbols import meet
from flowgen.model.types import Edge, StepKind


class Router:
    """Finishes Graphviz's orthogonal routes (ends, decision tips) without creating collisions."""

    def __init__(self, parts: Sequence[Part], lr: bool = False):
        self.parts = parts
        self.lr = lr  # the flow runs right: decision tips are turned a quarter
        self.index = Obstacles([p.box for p in parts], (), 1.0)

    def clear(
        self,
        points: Sequence[Point],
        ends: tuple[Part, Part],
        routes: Sequence[Sequence[Point]] | Obstacles | RunsOf,
    ) -> bool:
        """No run crosses a third symbol, and none runs on top of another arrow (given as routes or an index)."""
        own = {ends[0].box, ends[1].box}
        runs = (
            routes
            if isinstance(routes, (Obstacles, RunsOf))
            else Obstacles((), [seg for route in routes for seg in segments(route)], 0.0, 3.0, 4.0)
        )
        runs_ = segments(points)
        for i, segment in enumerate(runs_):
            for box in self.index.boxes_near(segment):
                if box not in own and crosses(box, segment, -1.0):
                    return False
            if i > 0 and crosses(ends[0].box, segment, 0.5):  # back across its own source
                return False
            if i < len(runs_) - 1 and crosses(ends[1].box, segment, 0.5):  # across its target before arriving
                return False
            if runs.blocked(segment):
                return False
        return True

    def tip_exit(
        self,
        points: list[Point],
        source: Part,
        target: Part,
        routes: Sequence[Sequence[Point]] | Obstacles,
        used: set[str],
    ) -> list[Point]:
        """A decision's arrow, leaving from one of its tips when the way is clear.

        Candidates, in order: Graphviz's route with its first run moved onto a
        tip, then the shapes a person would draw (straight on, on and across,
        out of a side tip and on into the target).  The first one that crosses
        no symbol and runs on no other arrow wins; otherwise Graphviz's route
        stays.  The shapes are drawn for a flow running down and turned for a
        flow running right.
        """
        if source.shape.kind is not StepKind.DECISION or len(points) < 2:
            return points
        if self.lr:
            found = exit_candidates(flip(points), flip_shape(source.shape), flip_shape(target.shape))
            candidates = [(name, flip(candidate)) for name, candidate in found]
        else:
            candidates = exit_candidates(points, source.shape, target.shape)
        for name, candidate in candidates:
            if not candidate or name in used:
                continue
            candidate = dedupe(candidate)
            if len(candidate) >= 2 and self.clear(candidate, (source, target), routes):
                used.add(name)
                return candidate
        return points

    def tip_enter(
        self, points: list[Point], source: Part, target: Part, routes: Sequence[Sequence[Point]] | Obstacles
    ) -> list[Point]:
        """An arrow into a decision arrives at its near tip (top, or left in a flow running right)."""
        if target.shape.kind is not StepKind.DECISION or len(points) < 3:
            return points
        if self.lr:
            candidates = [flip(c) for c in enter_candidates(flip(points), flip_shape(target.shape))]
        else:
            candidates = enter_candidates(points, target.shape)
        for candidate in candidates:
            candidate = dedupe(candidate)
            if self.clear(candidate, (source, target), routes):
                return candidate
        return points

    def reroute(
        self,
        routes: list[list[Point]],
        ends: list[tuple[Part, Part]],
        edges: Sequence[Edge],
        lanes: Sequence[Lane],
        ties: Sequence[Tie],
        gap: float,
        size: tuple[float, float],
    ) -> None:
        """Arrows still on top of another after :meth:`separate` get a new route from flowgen's grid search."""

        def apart(a: int, b: int) -> bool:
            return edges[a].source != edges[b].source and edges[a].target != edges[b].target

        overlaps = Overlaps(routes, apart, 2.5, 4.0)  # kept current as arrows are rerouted
        clashing = sorted({b for _, b, _ in overlaps.pairs()})
        for b in clashing:
            if not overlaps.involves(b):
                continue  # rerouting an earlier arrow already cleared it
            others = [r for k, r in enumerate(routes) if k != b and apart(k, b)]
            found = grid_route(ends[b], self.parts, lanes, ties, others, gap, size)
            if found is not None:
                routes[b] = found
                overlaps.update(b)

    def separate(
        self, routes: list[list[Point]], ends: list[tuple[Part, Part]], edges: Sequence[Edge], gap: float
    ) -> None:
        """Move apart runs of two arrows (different source and target) that lie on top of each other.

        Graphviz can send two arrows through one channel on the same track,
        typically one arriving at a symbol's side where another leaves it.
        The later arrow's run is shifted sideways by a track gap or two, if
        that keeps it clear of every symbol and every other arrow.
        """

        def apart(a: int, b: int) -> bool:
            return edges[a].source != edges[b].source and edges[a].target != edges[b].target

        index = TaggedRuns(routes, 3.0, 4.0)  # every arrow's runs, refiled as one moves
        found = Overlaps(routes, apart, 3.0, 4.0)  # the runs on top of each other, found again only where one moved
        for _ in range(len(routes) + 1):
            pairs = found.pairs()
            if not pairs:
                return
            moved = False
            for a, b, j in pairs:
                for first, second, run in ((b, a, j), (a, b, None)):
                    runs = (
                        [run]
                        if run is not None
                        else [
                            k
                            for k, seg in enumerate(segments(routes[first]))
                            if any(runs_along(seg, theirs, 3.0, 4.0) for theirs in segments(routes[second]))
                        ]
                    )
                    others = index.view(_other_than(first, apart))
                    for k in runs:
                        shifted = self._shift(routes[first], k, ends[first], others, gap)
                        if shifted is not None:
                            routes[first] = shifted
                            index.set(first, shifted)
                            found.update(first)
                            moved = True
                            break
                    if moved:
                        break
                if moved:
                    break
            if not moved:
                return

    def _shift(
        self, points: list[Point], j: int, ends: tuple[Part, Part], others: RunsOf, gap: float
    ) -> list[Point] | None:
        (x1, _y1), (x2, _y2) = points[j], points[j + 1]
        vertical = abs(x1 - x2) < 0.01
        for delta in (d * gap for k in range(1, 9) for d in (k, -k)):
            candidate = [list(p) for p in points]
            axis = 0 if vertical else 1
            candidate[j][axis] += delta
            candidate[j + 1][axis] += delta
            pts = [(p[0], p[1]) for p in candidate]
            for end, part, neighbour in ((0, ends[0], 1), (len(pts) - 1, ends[1], len(pts) - 2)):
                if end in (j, j + 1):  # the run meets a symbol: it must still meet it, on its outline
                    low, high = _span(part, vertical)
                    if not low <= pts[end][axis] <= high:
                        break
                    pts[end] = meet(part.shape, pts[end], pts[neighbour])
            else:
                if self.clear(pts, ends, others):
                    return dedupe(pts)
        return None

    def merge_forks(self, routes: list[list[Point]], ends: list[tuple[Part, Part]], edges: Sequence[Edge]) -> None:
        """Two arrows leaving one side of a symbol a hair apart leave it as one line that forks.

        Graphviz gives every arrow its own track, so two arrows out of the same
        side run side by side a few points apart, which reads as a doubled
        line.  A careful drawer starts them on one line; likewise two arrows
        into the same side of a target arrive on one line.  A decision's
        different branches keep their own lines (each has its own label).
        """
        close = 9.0
        index = TaggedRuns(routes, 3.0, 4.0)  # every arrow's runs, refiled as one is merged
        for at_start in (True, False):
            end = 0 if at_start else 1
            sharing: dict[int, list[int]] = {}
            for k, pair in enumerate(ends):
                if pair[0] is not pair[1]:
                    sharing.setdefault(id(pair[end]), []).append(k)
            pairs = [pair for group in sharing.values() for pair in itertools.combinations(group, 2)]
            for a, b in pairs:
                pa, pb = routes[a], routes[b]
                if len(pa) < 2 or len(pb) < 3:
                    continue
                part = ends[a][end]
                if at_start and part.shape.kind is StepKind.DECISION and edges[a].label != edges[b].label:
                    continue
                (a0, a1) = (pa[0], pa[1]) if at_start else (pa[-1], pa[-2])
                (b0, b1) = (pb[0], pb[1]) if at_start else (pb[-1], pb[-2])
                vertical = abs(a0[0] - a1[0]) < 0.01 and abs(b0[0] - b1[0]) < 0.01
                horizontal = abs(a0[1] - a1[1]) < 0.01 and abs(b0[1] - b1[1]) < 0.01
                if not (vertical or horizontal):
                    continue
                axis = 0 if vertical else 1
                along = 1 - axis
                same_way = (a1[along] - a0[along]) * (b1[along] - b0[along]) > 0
                offset = abs(a0[axis] - b0[axis])
                if not same_way or not 0.01 < offset <= close:
                    continue
                moved = [list(p) for p in pb]
                first, second = (0, 1) if at_start else (len(pb) - 1, len(pb) - 2)
                moved[first][axis] = a0[axis]
                moved[second][axis] = a0[axis]
                candidate = [(p[0], p[1]) for p in moved]
                candidate[first] = meet(part.shape, candidate[first], candidate[second])
                others = index.view(_other_than(b, _not_sharing(ends, end, part)))
                if self.clear(candidate, ends[b], others):
                    routes[b] = dedupe(candidate)
                    index.set(b, routes[b])

    def centre_ends(
        self, points: list[Point], source: Part, target: Part, routes: Sequence[Sequence[Point]] | Obstacles
    ) -> list[Point]:
        """Arrows leave and reach a box at the middle of its side when the way is clear."""
        pts = list(points)
        for at_start in (True, False):
            part = source if at_start else target
            if part.shape.kind is StepKind.DECISION or len(pts) < 3:
                continue
            s = part.shape
            (ax, ay), (bx, by) = (pts[0], pts[1]) if at_start else (pts[-1], pts[-2])
            vertical = abs(ax - bx) < abs(ay - by)
            if vertical and abs(ax - s.x) > 0.5:
                a, b = (s.x, ay), (s.x, by)
            elif not vertical and abs(ay - s.y) > 0.5:
                a, b = (ax, s.y), (bx, s.y)
            else:
                continue
            a = meet(part.shape, a, b)
            candidate = [a, b, *pts[2:]] if at_start else [*pts[:-2], b, a]
            if self.clear(candidate, (source, target), routes):
                pts = dedupe(candidate)
        return pts

    def finish(self, points: list[Point], source: Part, target: Part) -> list[Point]:
        """Bring both ends onto the outlines (a jog where a run misses the symbol)."""
        pts = dedupe(points)
        if len(pts) < 2:
            pts = [(source.shape.x, source.shape.y1), (target.shape.x, target.shape.y0)]
        head = _attach(source, pts[0], pts[1])
        tail = _attach(target, pts[-1], pts[-2])
        return dedupe(head + pts[1:-1] + tail[::-1])


def grid_route(
    ends: tuple[Part, Part],
    parts: Sequence[Part],
    lanes: Sequence[Lane],
    ties: Sequence[Tie],
    others: Sequence[Sequence[Point]],
    gap: float,
    size: tuple[float, float],
) -> list[Point] | None:
    """A route around every symbol and off every other arrow, found on a grid of tracks."""
    source, target = ends
    exits = exit_ports(source.shape, (("bottom", 0.0), ("right", 4.0), ("left", 4.0), ("top", 12.0)))
    starts = [(port, direction, cost) for _, port, direction, cost in exits]
    goals = entry_ports(target.shape, ("top", "left", "right", "bottom"))
    taken = [seg for route in others for seg in segments(route)]
    taken += [segment for tie in ties for segment in tie_segments(tie.points)]
    boxes = [p.box for p in parts] + [lane.header for lane in lanes]
    third = [p.box for p in parts if p is not source and p is not target] + [lane.header for lane in lanes]
    xs = sorted({v for lane in lanes for v in (lane.box[0], lane.box[2])})
    ys = sorted({v for lane in lanes for v in (lane.box[1], lane.box[3])})
    vertical_lanes = all(lane.box[3] - lane.box[1] >= lane.box[2] - lane.box[0] for lane in lanes)
    column_lines, row_lines = (
        (xs, [lane.header[3] for lane in lanes[:1]]) if vertical_lanes else ([lane.header[2] for lane in lanes[:1]], ys)
    )

    blocked = Obstacles(third, taken, 1.0, 3.0).blocked
    area = (
        min(lane.box[0] for lane in lanes) + 1,
        min(lane.box[1] for lane in lanes) + 1,
        max(lane.box[2] for lane in lanes) - 1,
        max(lane.box[3] for lane in lanes) - 1,
    )
    search = GridSearch(area, max(gap, 6.0), column_lines, row_lines, boxes, limit=40000)
    return search.find(starts, goals, blocked)


def _other_than(route: int, apart: Callable[[int, int], bool]) -> Callable[[int], bool]:
    """Which arrows count as obstacles to ``route``: every other one that must keep ``apart`` from it."""

    def counts(k: int) -> bool:
        return k != route and apart(k, route)

    return counts


def _not_sharing(ends: Sequence[tuple[Part, Part]], end: int, part: Part) -> Callable[[int, int], bool]:
    """Arrows whose given end is not at ``part`` (those that are share a line with it by design)."""

    def apart(k: int, _route: int) -> bool:
        return ends[k][end] is not part

    return apart


def _span(part: Part, vertical: bool) -> tuple[float, float]:
    """Where along a symbol's side an arrow may meet it: within the side, near a diamond's tip."""
    s = part.shape
    if s.kind is StepKind.DECISION:
        reach = 0.2
        return (s.x - s.w * reach, s.x + s.w * reach) if vertical else (s.y - s.h * reach, s.y + s.h * reach)
    inset = min(5.0, (s.w if vertical else s.h) / 4)
    if s.kind.is_terminator and vertical:
        inset = max(inset, s.h / 2)
    return (s.x0 + inset, s.x1 - inset) if vertical else (s.y0 + inset, s.y1 - inset)


def _attach(part: Part, end: Point, after: Point) -> list[Point]:
    """Points that bring a route's end onto the symbol's outline along its run."""
    s = part.shape
    vertical = abs(end[0] - after[0]) < abs(end[1] - after[1])
    cross = end[0] if vertical else end[1]
    low, high = (s.x0 + 1, s.x1 - 1) if vertical else (s.y0 + 1, s.y1 - 1)
    if low <= cross <= high:
        return [meet(part.shape, end, after)]
    moved = clamp(cross, low, high)
    corner = (moved, end[1]) if vertical else (end[0], moved)
    origin = (moved, after[1]) if vertical else (after[0], moved)
    return [meet(part.shape, corner, origin), corner, end]
