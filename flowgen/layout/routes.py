"""The flowchart's arrows: routed by Graphviz around the placed symbols, finished by flowgen.

``neato -n2`` keeps every symbol where the layout put it and routes each
arrow around them (``splines=ortho`` for right angles, ``splines=true`` for
curves).  flowgen then finishes what Graphviz cannot express:

- a decision's arrows leave from its tips (bottom, left, right), as the
  standard draws them, whenever the way is clear;
- every end is brought exactly onto the symbol's outline, with an arrow head;
- each step number goes on a corner of its symbol that no arrow touches;
- each branch label goes beside its arrow where it leaves the diamond,
  clear of every symbol, number, and other label.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from flowgen.errors import LayoutError
from flowgen.layout import graphviz as gv
from flowgen.layout.arrows import (
    Command,
    Segment,
    arrow_head,
    collinear_overlap,
    dedupe,
    edge_classes,
    label_text,
    overlap,
    place_label,
    segments,
)
from flowgen.layout.flowchart import Badge, Box, Lane, Part, Route, Tie
from flowgen.layout.grid_search import GridSearch, Obstacles
from flowgen.layout.symbols import Point, inside, ray_hit
from flowgen.model import analysis
from flowgen.model.types import Edge, Procedure, StepKind
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import block_height, measure


def tie_lines(procedure: Procedure, parts: Sequence[Part]) -> list[Tie]:
    """For each joint step, straight lines joining its boxes in lane order."""
    by_step: dict[int, list[Part]] = defaultdict(list)
    for part in parts:
        by_step[part.step].append(part)
    ties: list[Tie] = []
    for step in procedure.steps:
        group = sorted(by_step[step.number], key=lambda p: p.lane)
        if len(group) < 2:
            continue
        points: list[Point] = []
        for a, b in itertools.pairwise(group):
            if abs(a.shape.y - b.shape.y) < abs(a.shape.x - b.shape.x):  # side by side
                points += [(a.shape.x1, a.shape.y), (b.shape.x0, b.shape.y)]
            else:  # one above the other (lanes as rows)
                points += [(a.shape.x, a.shape.y1), (b.shape.x, b.shape.y0)]
        ties.append(Tie(step.number, tuple(points)))
    return ties


def _pick_parts(edge: Edge, parts_of: dict[int, list[Part]]) -> tuple[Part, Part]:
    """For joint steps: the boxes nearest each other carry the arrow."""
    sources, targets = parts_of[edge.source], parts_of[edge.target]
    return min(
        ((s, t) for s in sources for t in targets),
        key=lambda st: (abs(st[0].lane - st[1].lane), st[0].part + st[1].part),
    )


def _routing_dot(
    pairs: Sequence[tuple[Part, Part]],
    parts: Sequence[Part],
    lanes: Sequence[Lane],
    ties: Sequence[Tie],
    height: float,
    curved: bool,
    jitter: float = 0.0,
) -> str:
    """DOT for Graphviz's router: symbols, headers and ties as fixed obstacles, no text at all.

    ``jitter`` nudges every box by a fraction of a point: Graphviz's orthogonal
    router has known crashes on some exactly aligned layouts, and a retry
    with the boxes a hair apart avoids them without a visible change.
    """
    lines = [
        "digraph routes {",
        f'  graph [splines={"true" if curved else "ortho"}, sep="+1", esep="+0.5"];',
        '  node [shape=box, fixedsize=true, label=""];',
        "  edge [dir=none];",
    ]
    for k, part in enumerate(parts):
        x0, y0, x1, y1 = part.box
        dx = jitter * ((k * 7) % 5 - 2) / 2
        dy = jitter * ((k * 3) % 5 - 2) / 2
        lines.append(
            f'  {part.node} [pos="{(x0 + x1) / 2 + dx:.2f},{height - (y0 + y1) / 2 + dy:.2f}!", '
            f"width={gv.inches(x1 - x0 + jitter)}, height={gv.inches(y1 - y0 + jitter)}];"
        )
    for lane in lanes:  # keep arrows out of the lane headers
        x0, y0, x1, y1 = lane.header
        lines.append(
            f'  h{lane.index} [pos="{(x0 + x1) / 2:.2f},{height - (y0 + y1) / 2:.2f}!", '
            f"width={gv.inches(x1 - x0 - 8)}, height={gv.inches(y1 - y0 - 6)}, style=invis];"
        )
    for tie in ties:  # arrows may not run along the line that ties a joint step's boxes
        for k in range(0, len(tie.points) - 1, 2):
            (x0, y0), (x1, y1) = tie.points[k], tie.points[k + 1]
            w, h = max(abs(x1 - x0) - 10, 2.0), max(abs(y1 - y0) - 10, 2.0)  # clear of the boxes it ties
            lines.append(
                f'  t{tie.step}_{k // 2} [pos="{(x0 + x1) / 2:.2f},{height - (y0 + y1) / 2:.2f}!", '
                f"width={gv.inches(w)}, height={gv.inches(h)}, style=invis];"
            )
    for source, target in pairs:
        lines.append(f"  {source.node} -> {target.node};")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- geometry helpers -------------------------------------------------------------------------


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _box_hit(box: Box, segment: Segment, margin: float = 0.5) -> bool:
    """Whether an axis-aligned (or short) segment passes through a box's inside."""
    (x1, y1), (x2, y2) = segment
    return (
        min(x1, x2) < box[2] - margin
        and max(x1, x2) > box[0] + margin
        and min(y1, y2) < box[3] - margin
        and max(y1, y2) > box[1] + margin
    )


def _meet(part: Part, inner: Point, outer: Point) -> Point:
    """Where the straight run from ``outer`` towards ``inner`` first meets the symbol's outline."""
    dx, dy = inner[0] - outer[0], inner[1] - outer[1]
    length = math.hypot(dx, dy) or 1.0
    hit = ray_hit(outer, (dx / length, dy / length), part.shape.polygon())
    if hit is None:  # the run misses the symbol: aim at its centre instead
        cx, cy = part.shape.x, part.shape.y
        d = math.hypot(cx - outer[0], cy - outer[1]) or 1.0
        hit = ray_hit(outer, ((cx - outer[0]) / d, (cy - outer[1]) / d), part.shape.polygon()) or (cx, cy)
    return hit


# -- orthogonal routes ----------------------------------------------------------------------------


class _Router:
    """Finishes Graphviz's orthogonal routes (ends, decision tips) without creating collisions."""

    def __init__(self, parts: Sequence[Part]):
        self.parts = parts
        self.boxes = {p.node: p.box for p in parts}

    def clear(self, points: Sequence[Point], ends: tuple[Part, Part], routes: Sequence[Sequence[Point]]) -> bool:
        """No run crosses a third symbol, and none runs on top of another arrow."""
        own = {ends[0].node, ends[1].node}
        for segment in segments(points):
            for node, box in self.boxes.items():
                if node not in own and _box_hit(box, segment, -1.0):
                    return False
            for other in routes:
                for theirs in segments(other):
                    if collinear_overlap(segment, theirs, 3.0) > 4.0:
                        return False
        return True

    def tip_exit(
        self, points: list[Point], source: Part, target: Part, routes: Sequence[Sequence[Point]], used: set[str]
    ) -> list[Point]:
        """A decision's arrow, leaving from one of its tips (bottom, left, right) when the way is clear.

        Candidates, in order: Graphviz's route with its first run moved onto a
        tip, then the shapes a person would draw (straight down, down and
        across, out of the side tip and down or up into the target).  The
        first one that crosses no symbol and runs on no other arrow wins;
        otherwise Graphviz's route stays.
        """
        s, t = source.shape, target.shape
        if s.kind is not StepKind.DECISION or len(points) < 2:
            return points
        candidates: list[tuple[str, list[Point]]] = []
        (ax, ay), (bx, by) = points[0], points[1]
        if abs(ax - bx) < abs(ay - by) and by > ay:
            candidates.append(("bottom", [(s.x, s.y1), (s.x, by), *points[2:]] if len(points) > 2 else []))
        elif abs(ax - bx) >= abs(ay - by):
            side = "left" if bx < ax else "right"
            tip = (s.x0, s.y) if side == "left" else (s.x1, s.y)
            candidates.append((side, [tip, (bx, s.y), *points[2:]] if len(points) > 2 else []))
        toward = "right" if t.x > s.x else "left"
        tip = (s.x1, s.y) if toward == "right" else (s.x0, s.y)
        below, above = t.y0 >= s.y1, t.y1 <= s.y0
        if below and t.x0 + 4 <= s.x <= t.x1 - 4:
            candidates.append(("bottom", [(s.x, s.y1), (s.x, t.y0)]))
        if below:
            column = _clamp(max(t.x, tip[0] + 10) if toward == "right" else min(t.x, tip[0] - 10), t.x0 + 6, t.x1 - 6)
            candidates.append((toward, [tip, (column, s.y), (column, t.y0)]))
            mid = (s.y1 + t.y0) / 2
            candidates.append(("bottom", [(s.x, s.y1), (s.x, mid), (t.x, mid), (t.x, t.y0)]))
        if above:
            column = _clamp(max(t.x, tip[0] + 10) if toward == "right" else min(t.x, tip[0] - 10), t.x0 + 6, t.x1 - 6)
            candidates.append((toward, [tip, (column, s.y), (column, t.y1)]))
        if not below and not above and t.y0 + 4 <= s.y <= t.y1 - 4:
            candidates.append((toward, [tip, ((t.x0 if toward == "right" else t.x1), s.y)]))
        for name, candidate in candidates:
            if not candidate or name in used:
                continue
            candidate = dedupe(candidate)
            if len(candidate) >= 2 and self.clear(candidate, (source, target), routes):
                used.add(name)
                return candidate
        return points

    def tip_enter(
        self, points: list[Point], source: Part, target: Part, routes: Sequence[Sequence[Point]]
    ) -> list[Point]:
        """An arrow into a decision arrives at its top tip when it comes from above and the way is clear."""
        t = target.shape
        if t.kind is not StepKind.DECISION or len(points) < 3:
            return points
        (px, py), (qx, qy) = points[-2], points[-1]
        before = points[-3]
        candidates: list[list[Point]] = []
        if abs(px - qx) < 0.01 and qy > py:  # already coming down: slide onto the tip
            candidates.append([*points[:-2], (t.x, py), (t.x, t.y0)])
        elif abs(py - qy) < 0.01 and before[1] < t.y0 - 8:  # coming in from the side: come from above instead
            level = t.y0 - min(12.0, (t.y0 - before[1]) / 2)
            candidates.append([*points[:-3], before, (before[0], level), (t.x, level), (t.x, t.y0)])
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
        for b in range(len(routes)):
            clash = any(
                edges[a].source != edges[b].source
                and edges[a].target != edges[b].target
                and any(
                    collinear_overlap(mine, theirs, 2.5) > 4.0
                    for mine in segments(routes[b])
                    for theirs in segments(routes[a])
                )
                for a in range(len(routes))
                if a != b
            )
            if not clash:
                continue
            others = [
                r
                for k, r in enumerate(routes)
                if k != b and edges[k].source != edges[b].source and edges[k].target != edges[b].target
            ]
            found = _grid_route(ends[b], self.parts, lanes, ties, others, gap, size)
            if found is not None:
                routes[b] = found

    def separate(
        self, routes: list[list[Point]], ends: list[tuple[Part, Part]], edges: Sequence[Edge], gap: float
    ) -> None:
        """Move apart runs of two arrows (different source and target) that lie on top of each other.

        Graphviz can send two arrows through one channel on the same track,
        typically one arriving at a symbol's side where another leaves it.
        The later arrow's run is shifted sideways by a track gap or two, if
        that keeps it clear of every symbol and every other arrow.
        """
        for _ in range(4):
            moved = False
            for b in range(len(routes)):
                for a in range(b):
                    if edges[a].source == edges[b].source or edges[a].target == edges[b].target:
                        continue
                    for first, second in ((b, a), (a, b)):  # move the later arrow, else the earlier one
                        for j, seg in enumerate(segments(routes[first])):
                            if not any(
                                collinear_overlap(seg, theirs, 3.0) > 4.0 for theirs in segments(routes[second])
                            ):
                                continue
                            others = [
                                r
                                for k, r in enumerate(routes)
                                if k != first
                                and edges[k].source != edges[first].source
                                and edges[k].target != edges[first].target
                            ]
                            shifted = self._shift(routes[first], j, ends[first], others, gap)
                            if shifted is not None:
                                routes[first] = shifted
                                moved = True
                                break
                        if moved:
                            break
            if not moved:
                return

    def _shift(
        self, points: list[Point], j: int, ends: tuple[Part, Part], others: Sequence[Sequence[Point]], gap: float
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
                    pts[end] = _meet(part, pts[end], pts[neighbour])
            else:
                if self.clear(pts, ends, others):
                    return dedupe(pts)
        return None

    def finish(self, points: list[Point], source: Part, target: Part) -> list[Point]:
        """Bring both ends onto the outlines (a jog where a run misses the symbol)."""
        pts = dedupe(points)
        if len(pts) < 2:
            pts = [(source.shape.x, source.shape.y1), (target.shape.x, target.shape.y0)]
        head = _attach(source, pts[0], pts[1])
        tail = _attach(target, pts[-1], pts[-2])
        return dedupe(head + pts[1:-1] + tail[::-1])


def _grid_route(
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
    s, t = source.shape, target.shape
    starts = [
        ((s.x, s.y1), (0.0, 1.0), 0.0),
        ((s.x1, s.y), (1.0, 0.0), 4.0),
        ((s.x0, s.y), (-1.0, 0.0), 4.0),
        ((s.x, s.y0), (0.0, -1.0), 12.0),
    ]
    goals = [
        ((t.x, t.y0), (0.0, 1.0)),
        ((t.x0, t.y), (1.0, 0.0)),
        ((t.x1, t.y), (-1.0, 0.0)),
        ((t.x, t.y1), (0.0, -1.0)),
    ]
    taken = [seg for route in others for seg in segments(route)]
    taken += [(tie.points[k], tie.points[k + 1]) for tie in ties for k in range(0, len(tie.points) - 1, 2)]
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
        return [_meet(part, end, after)]
    moved = _clamp(cross, low, high)
    corner = (moved, end[1]) if vertical else (end[0], moved)
    origin = (moved, after[1]) if vertical else (after[0], moved)
    return [_meet(part, corner, origin), corner, end]


# -- curved routes ----------------------------------------------------------------------------------


def _curve(points: list[Point], source: Part, target: Part) -> list[Command]:
    """A curved route as Béziers, extended straight onto the two outlines where it stops short."""
    commands: list[Command] = []
    for i in range(1, len(points) - 2, 3):
        commands.append(("C", (*points[i], *points[i + 1], *points[i + 2])))
    start, end = points[0], points[-1]
    first_control, last_control = points[1], points[-2]
    result: list[Command] = []
    if not inside(start, source.shape.polygon()):
        begin = _meet(source, start, (2 * start[0] - first_control[0], 2 * start[1] - first_control[1]))
        result += [("M", begin), ("L", start)]
    else:
        result.append(("M", start))
    result += commands
    if not inside(end, target.shape.polygon()):
        result.append(("L", _meet(target, end, (2 * end[0] - last_control[0], 2 * end[1] - last_control[1]))))
    return result


# -- heads, badges, labels ----------------------------------------------------------------------------


def _polyline(points: Sequence[Point]) -> list[Command]:
    return [("M", points[0]), *(("L", p) for p in points[1:])]


def _points_of(commands: Sequence[Command]) -> list[Point]:
    return [(args[-2], args[-1]) for _, args in commands]


def _place_badge(part: Part, lines: Sequence[Segment], taken: Sequence[Box]) -> Badge | None:
    """The step number on the first corner of the symbol that no arrow, symbol or badge touches."""
    r = part.badge_r
    if r <= 0:
        return None
    s = part.shape
    if s.kind is StepKind.DECISION:  # inside the empty corners of the diamond's box
        corners = [
            (s.x0 + r + 1, s.y0 + r + 1),
            (s.x1 - r - 1, s.y0 + r + 1),
            (s.x0 + r + 1, s.y1 - r - 1),
            (s.x1 - r - 1, s.y1 - r - 1),
        ]
    elif s.kind.is_terminator:  # on the rounded ends
        cap = s.h / 2
        dx, dy = cap * (1 - 0.7071), cap * 0.7071
        corners = [(s.x0 + dx, s.y - dy), (s.x1 - dx, s.y - dy), (s.x0 + dx, s.y + dy), (s.x1 - dx, s.y + dy)]
    else:
        corners = [(s.x0, s.y0), (s.x1, s.y0), (s.x0, s.y1), (s.x1, s.y1)]
    # if every corner is crossed: further along the top and bottom edges, then just beside the symbol
    top, bottom = (s.y0, s.y1) if s.kind is not StepKind.DECISION else (s.y0 + r + 1, s.y1 - r - 1)
    for share in (0.2, 0.8, 0.35, 0.65, 0.5):
        corners += [(s.x0 + s.w * share, top), (s.x0 + s.w * share, bottom)]
    for dy in (-s.h / 4, s.h / 4, 0.0):
        corners += [(s.x0 - r - 2, s.y + dy), (s.x1 + r + 2, s.y + dy)]
    corners += [(s.x0 - r - 2, s.y0 - r - 2), (s.x1 + r + 2, s.y0 - r - 2)]
    for x, y in corners:
        box = (x - r - 1, y - r - 1, x + r + 1, y + r + 1)
        if any(_box_hit(box, line, 0.0) for line in lines):
            continue
        if any(overlap(box, other) for other in taken):
            continue
        return Badge(x, y, r, str(part.step))
    # crowded all round: inside the symbol, in a corner its text leaves free
    height = part.text.height + (part.detail.height + 4 if part.detail else 0.0)
    width = max(part.text.width, part.detail.width if part.detail else 0.0)
    text_box = (s.x - width / 2 - 1, s.y - height / 2 - 1, s.x + width / 2 + 1, s.y + height / 2 + 1)
    if s.kind is StepKind.ACTIVITY:
        for x, y in (
            (s.x0 + r + 2, s.y0 + r + 2),
            (s.x1 - r - 2, s.y0 + r + 2),
            (s.x0 + r + 2, s.y1 - r - 2),
            (s.x1 - r - 2, s.y1 - r - 2),
        ):
            if not overlap((x - r, y - r, x + r, y + r), text_box):
                return Badge(x, y, r, str(part.step))
    x, y = corners[0]
    return Badge(x, y, r, str(part.step))


def _self_loop(part: Part) -> list[Point]:
    s = part.shape
    right = s.x1 + 14
    return [(s.x1, s.y - s.h / 4), (right, s.y - s.h / 4), (right, s.y + s.h / 4), (s.x1, s.y + s.h / 4)]


def route_edges(
    procedure: Procedure,
    parts: Sequence[Part],
    lanes: Sequence[Lane],
    ties: Sequence[Tie],
    style: ResolvedStyle,
    size: tuple[float, float],
    source_name: str,
) -> tuple[list[Route], list[Part], str]:
    """Route every arrow; the routes, the parts with their badges placed, and the DOT given to Graphviz."""
    width, height = size
    curved = style.value("flowchart", "edge-style") == "curved"
    parts_of: dict[int, list[Part]] = defaultdict(list)
    for part in parts:
        parts_of[part.step].append(part)
    edges = list(procedure.edges)
    pairs = [_pick_parts(e, parts_of) for e in edges]
    dot = _routing_dot(pairs, parts, lanes, ties, height, curved)
    plain: gv.PlainGraph | None = None
    for attempt in (1, 2, 3):
        try:
            plain = gv.parse_plain(gv.run(dot, "neato", no_op=2, source_name=source_name))
            break
        except LayoutError as exc:
            if exc.diagnostics[0].code != "graphviz-failed" or (attempt == 3 and curved):
                raise
            dot = _routing_dot(pairs, parts, lanes, ties, height, curved, jitter=0.37 * attempt)
    gap = float(style.value("flowchart", "track-gap"))

    found: dict[tuple[str, str], list[list[Point]]] = defaultdict(list)
    if plain is not None:
        # Graphviz moves the drawing to its own origin: measure the shift on a node and undo it
        anchor = parts[0]
        placed = plain.nodes[anchor.node]
        shift_x, shift_y = anchor.shape.x - placed.x, (height - anchor.shape.y) - placed.y
        for routed in plain.edges:
            found[(routed.tail, routed.head)].append([(x + shift_x, height - (y + shift_y)) for x, y in routed.points])
    else:
        # Graphviz's orthogonal router has crashed on this layout even with the boxes nudged
        # (a known Graphviz bug): flowgen's own grid search routes every arrow instead.
        done: list[list[Point]] = []
        for i in sorted(range(len(edges)), key=lambda k: (edges[k].source, edges[k].target)):
            source, target = pairs[i]
            if source is target:
                continue
            route = _grid_route((source, target), parts, lanes, ties, done, gap, (width, height))
            if route is not None:
                found[(source.node, target.node)].append([p for p in route for _ in range(3)][1:-1])
                done.append(route)

    router = _Router(parts)
    drawn: list[list[Command]] = []
    finished: list[list[Point]] = []
    tips_used: dict[str, set[str]] = defaultdict(set)
    order = sorted(range(len(edges)), key=lambda i: (edges[i].source, edges[i].target))
    results: dict[int, list[Command]] = {}
    for i in order:
        source, target = pairs[i]
        raw = found[(source.node, target.node)].pop(0) if found[(source.node, target.node)] else []
        if source is target:
            points = _self_loop(source)
            results[i] = _polyline(points)
        elif curved and len(raw) >= 4:
            results[i] = _curve(raw, source, target)
        else:
            polyline = dedupe(raw[0::3] if len(raw) >= 4 else raw) or [
                (source.shape.x, source.shape.y1),
                (target.shape.x, target.shape.y0),
            ]
            polyline = router.finish(polyline, source, target)
            polyline = router.tip_exit(polyline, source, target, finished, tips_used[source.node])
            polyline = router.tip_enter(polyline, source, target, finished)
            finished.append(polyline)
            results[i] = _polyline(polyline)
    if not curved:
        straight = [i for i in range(len(edges)) if pairs[i][0] is not pairs[i][1]]
        routes_only = [[(args[-2], args[-1]) for _, args in results[i]] for i in straight]
        router.separate(routes_only, [pairs[i] for i in straight], [edges[i] for i in straight], gap)
        router.reroute(
            routes_only, [pairs[i] for i in straight], [edges[i] for i in straight], lanes, ties, gap, (width, height)
        )
        for i, points in zip(straight, routes_only):
            results[i] = _polyline(points)
    drawn = [results[i] for i in range(len(edges))]

    all_lines = [segment for commands in drawn for segment in segments(_points_of(commands))]
    tie_lines_ = [(tie.points[k], tie.points[k + 1]) for tie in ties for k in range(0, len(tie.points) - 1, 2)]
    placed_parts: list[Part] = []
    badge_boxes: list[Box] = []
    symbol_boxes = [p.box for p in parts]
    for part in parts:
        badge = _place_badge(part, all_lines + tie_lines_, badge_boxes + [b for b in symbol_boxes if b != part.box])
        if badge is not None:
            badge_boxes.append((badge.x - badge.r, badge.y - badge.r, badge.x + badge.r, badge.y + badge.r))
        placed_parts.append(replace(part, badge=badge))

    borders: list[Segment] = []  # lane boundaries: a label should not sit on one
    for lane in lanes:
        x0, y0, x1, y1 = lane.box
        borders += [((x0, y0), (x0, y1)), ((x1, y0), (x1, y1)), ((x0, y0), (x1, y0)), ((x0, y1), (x1, y1))]
    back = analysis.back_edges(procedure)
    obstacles = symbol_boxes + badge_boxes + [lane.header for lane in lanes]
    routes: list[Route] = []
    taken: list[Box] = []
    for edge, commands in zip(edges, drawn):
        classes = edge_classes(edge, procedure, back)
        shortened, head = arrow_head(commands, float(style.value("edge", "arrow-size", classes)))
        text = label_text(edge, style)
        box: Box | None = None
        if text:
            label_style = style.text("edge-label", classes)
            pad = style.box("edge-label", classes).padding
            w = measure(label_style.face, label_style.size, text) + pad[1] + pad[3]
            h = block_height(1, label_style.size, label_style.line_height) + pad[0] + pad[2]
            own = set(segments(_points_of(commands)))
            others = [segment for segment in all_lines if segment not in own] + borders
            box = place_label(_points_of(commands), w, h, obstacles, taken, others, (0.0, 0.0, width, height))
            taken.append(box)
        routes.append(
            Route(edge.source, edge.target, tuple((c, tuple(a)) for c, a in shortened), head, text, box, classes)
        )
    return routes, placed_parts, dot
