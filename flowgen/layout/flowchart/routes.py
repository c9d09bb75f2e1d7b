"""The flowchart's arrows: routed by Graphviz around the placed symbols, finished by flowgen.

``neato -n2`` keeps every symbol where the layout put it and routes each
arrow around them (``splines=ortho`` for right angles, ``splines=true`` for
curves).  flowgen then finishes what Graphviz cannot express (the rules of
the finishing are in :mod:`flowgen.layout.flowchart.polish` and :mod:`flowgen.layout.flowchart.tips`):

- a decision's arrows leave from its tips (bottom, left, right), as the
  standard draws them, whenever the way is clear;
- every end is brought exactly onto the symbol's outline, with an arrow head;
- each step number goes on a corner of its symbol that no arrow touches;
- each branch label goes beside its arrow where it leaves the diamond,
  clear of every symbol, number, and other label.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from flowgen.errors import LayoutError
from flowgen.layout.arrows import edge_classes, finish_arrows, label_size, label_text, tie_points, tie_segments
from flowgen.layout.flowchart import graphviz as gv
from flowgen.layout.flowchart.branches import draw_branches
from flowgen.layout.flowchart.careful import Repair
from flowgen.layout.flowchart.forks import join_forks
from flowgen.layout.flowchart.polish import Router, grid_route
from flowgen.layout.flowchart.types import Badge, Lane, Part, Route, Tie
from flowgen.layout.flowchart.untangle import Untangle
from flowgen.layout.geometry import (
    Box,
    Command,
    Point,
    Segment,
    crosses,
    dedupe,
    overlap,
    points_of,
    polyline,
    segments,
)
from flowgen.layout.grid_search import Obstacles
from flowgen.layout.symbols import inside, meet
from flowgen.model import analysis
from flowgen.model.types import Edge, Procedure, StepKind
from flowgen.style.resolve import ResolvedStyle


def tie_lines(procedure: Procedure, parts: Sequence[Part]) -> list[Tie]:
    """For each joint step, straight lines joining its boxes in lane order."""
    by_step: dict[int, list[Part]] = defaultdict(list)
    for part in parts:
        by_step[part.step].append(part)
    ties: list[Tie] = []
    for step in procedure.steps:
        group = sorted(by_step[step.number], key=lambda p: p.lane)
        if len(group) >= 2:
            ties.append(Tie(step.number, tie_points([p.shape for p in group])))
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
        begin = meet(source.shape, start, (2 * start[0] - first_control[0], 2 * start[1] - first_control[1]))
        result += [("M", begin), ("L", start)]
    else:
        result.append(("M", start))
    result += commands
    if not inside(end, target.shape.polygon()):
        result.append(("L", meet(target.shape, end, (2 * end[0] - last_control[0], 2 * end[1] - last_control[1]))))
    return result


# -- heads, badges, labels ----------------------------------------------------------------------------


def _place_badge(part: Part, lines: Obstacles, taken: Obstacles, text: str) -> Badge | None:
    """The step number (``text``, as the sheet prints it) on the first corner no arrow, symbol or badge touches."""
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
    elif s.kind.is_terminator:  # touching the rounded ends from outside, where a box has its corners
        cap = s.h / 2
        out = cap + r * 0.5  # the badge overlaps the curve by half its radius: it touches, it does not cover
        corners = []
        for angle in (0.785, 0.9, 0.6, 0.3, 0.0):  # from the corner round the ends towards their middle
            ex, ey = cap - out * math.cos(angle), out * math.sin(angle)
            corners += [(s.x0 + ex, s.y - ey), (s.x1 - ex, s.y - ey), (s.x0 + ex, s.y + ey), (s.x1 - ex, s.y + ey)]
    else:
        corners = [(s.x0, s.y0), (s.x1, s.y0), (s.x0, s.y1), (s.x1, s.y1)]
    # if every corner is crossed: further along the top and bottom edges, then just beside the symbol
    top, bottom = (s.y0, s.y1) if s.kind is not StepKind.DECISION else (s.y0 + r + 1, s.y1 - r - 1)
    for share in (0.2, 0.8, 0.35, 0.65, 0.5):
        corners += [(s.x0 + s.w * share, top), (s.x0 + s.w * share, bottom)]
    for dy in (-s.h / 4, s.h / 4, 0.0):  # just beside the symbol, touching it
        corners += [(s.x0 - r, s.y + dy), (s.x1 + r, s.y + dy)]
    corners += [(s.x0 - r - 2, s.y0 - r - 2), (s.x1 + r + 2, s.y0 - r - 2)]
    own = part.box
    height = part.text.height + (part.detail.height + 4 if part.detail else 0.0)
    width = max(part.text.width, part.detail.width if part.detail else 0.0)
    text_box = (s.x - width / 2 - 1, s.y - height / 2 - 1, s.x + width / 2 + 1, s.y + height / 2 + 1)
    for x, y in corners:
        box = (x - r - 1, y - r - 1, x + r + 1, y + r + 1)
        if overlap(box, text_box) or any(crosses(box, line, 0.0) for line in lines.runs_near(box)):
            continue
        diagonal = ((box[0], box[1]), (box[2], box[3]))
        if any(overlap(box, other) for other in taken.boxes_near(diagonal) if other != own):
            continue
        return Badge(x, y, r, text)
    # crowded all round: inside the symbol, in a corner its text leaves free
    if s.kind is StepKind.ACTIVITY:
        for x, y in (
            (s.x0 + r + 2, s.y0 + r + 2),
            (s.x1 - r - 2, s.y0 + r + 2),
            (s.x0 + r + 2, s.y1 - r - 2),
            (s.x1 - r - 2, s.y1 - r - 2),
        ):
            if not overlap((x - r, y - r, x + r, y + r), text_box):
                return Badge(x, y, r, text)
    x, y = corners[0]
    return Badge(x, y, r, text)


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
    curved = style.flowchart.edge_style == "curved"
    parts_of: dict[int, list[Part]] = defaultdict(list)
    for part in parts:
        parts_of[part.step].append(part)
    edges = list(procedure.edges)
    pairs = [_pick_parts(e, parts_of) for e in edges]
    plain, dot = _run_graphviz(pairs, parts, lanes, ties, height, curved, source_name)
    gap = style.flowchart.track_gap
    if plain is not None:
        found = _graphviz_routes(plain, parts, height)
    else:
        # Graphviz's orthogonal router has crashed on this layout even with the boxes nudged
        # (a known Graphviz bug): flowgen's own grid search routes every arrow instead.
        found = _grid_routes(edges, pairs, parts, lanes, ties, gap, size)
    lr = style.flowchart.direction == "lr"
    back = analysis.back_edges(procedure)

    def label_of(edge: Edge) -> tuple[float, float]:
        return label_size(label_text(edge, style) or "", edge_classes(edge, procedure, back), style)

    polish = _Polish(Router(parts, lr), lanes, ties, gap, size, style.edge().arrow_size, label_of)
    drawn = polish.draw(edges, pairs, found, curved)
    placed_parts, badge_boxes = _place_badges(parts, drawn, ties, procedure.shown_number)
    borders: list[Segment] = []  # lane boundaries: a label should not sit on one
    for lane in lanes:
        x0, y0, x1, y1 = lane.box
        borders += [((x0, y0), (x0, y1)), ((x1, y0), (x1, y1)), ((x0, y0), (x1, y0)), ((x0, y1), (x1, y1))]
    obstacles = [p.box for p in parts] + badge_boxes + [lane.header for lane in lanes]
    limit = (0.0, 0.0, width, height)
    finished = finish_arrows(edges, drawn, procedure, style, obstacles, borders, limit, unboxed=polish.joined)
    routes = [
        Route(edge.source, edge.target, f.commands, f.head, f.label, f.label_box, f.classes)
        for edge, f in zip(edges, finished, strict=True)
    ]
    return routes, placed_parts, dot


def _run_graphviz(
    pairs: Sequence[tuple[Part, Part]],
    parts: Sequence[Part],
    lanes: Sequence[Lane],
    ties: Sequence[Tie],
    height: float,
    curved: bool,
    source_name: str,
) -> tuple[gv.PlainGraph | None, str]:
    """Graphviz's routes (None when its orthogonal router crashed on every try) and the DOT it was given.

    A crash is retried twice with the boxes nudged; curved routes have no
    fallback, so a third crash there is the user's error to see.
    """
    dot = _routing_dot(pairs, parts, lanes, ties, height, curved)
    for attempt in (1, 2, 3):
        try:
            return gv.layout(dot, "neato", no_op=2, source_name=source_name), dot
        except LayoutError as exc:
            if exc.diagnostics[0].code != "graphviz-failed" or (attempt == 3 and curved):
                raise
            dot = _routing_dot(pairs, parts, lanes, ties, height, curved, jitter=0.37 * attempt)
    return None, dot


def _graphviz_routes(
    plain: gv.PlainGraph, parts: Sequence[Part], height: float
) -> dict[tuple[str, str], list[list[Point]]]:
    """Graphviz's routes in page coordinates, by (tail, head) node."""
    found: dict[tuple[str, str], list[list[Point]]] = defaultdict(list)
    # Graphviz moves the drawing to its own origin: measure the shift on a node and undo it
    anchor = parts[0]
    placed = plain.nodes[anchor.node]
    shift_x, shift_y = anchor.shape.x - placed.x, (height - anchor.shape.y) - placed.y
    for routed in plain.edges:
        found[(routed.tail, routed.head)].append([(x + shift_x, height - (y + shift_y)) for x, y in routed.points])
    return found


def _grid_routes(
    edges: Sequence[Edge],
    pairs: Sequence[tuple[Part, Part]],
    parts: Sequence[Part],
    lanes: Sequence[Lane],
    ties: Sequence[Tie],
    gap: float,
    size: tuple[float, float],
) -> dict[tuple[str, str], list[list[Point]]]:
    """Every arrow routed by flowgen's grid search, shaped like Graphviz's output (each point thrice)."""
    found: dict[tuple[str, str], list[list[Point]]] = defaultdict(list)
    done: list[list[Point]] = []
    for i in sorted(range(len(edges)), key=lambda k: (edges[k].source, edges[k].target)):
        source, target = pairs[i]
        if source is target:
            continue
        route = grid_route((source, target), parts, lanes, ties, done, gap, size)
        if route is not None:
            found[(source.node, target.node)].append([p for p in route for _ in range(3)][1:-1])
            done.append(route)
    return found


class _Polish:
    """Graphviz's (or the grid search's) routes finished one by one, then pulled apart and merged."""

    def __init__(
        self,
        router: Router,
        lanes: Sequence[Lane],
        ties: Sequence[Tie],
        gap: float,
        size: tuple[float, float],
        head_size: float,
        label: Callable[[Edge], tuple[float, float]],
    ):
        self.router = router
        self.head_size = head_size
        self.label = label
        self.joined: set[int] = set()  # arrows that join a forking branch's trunk (their label drawn once, on it)
        self.lanes = lanes
        self.ties = ties
        self.gap = gap
        self.size = size

    def draw(
        self,
        edges: Sequence[Edge],
        pairs: Sequence[tuple[Part, Part]],
        found: dict[tuple[str, str], list[list[Point]]],
        curved: bool,
    ) -> list[list[Command]]:
        """Each edge's line as path commands, in the order of ``edges``."""
        router = self.router
        lr = router.lr
        finished_index = Obstacles((), (), 0.0, 3.0, 4.0)

        # a decision's arrow to the step most nearly straight on goes first and takes the far tip
        def straightness(i: int) -> float:
            a, b = pairs[i][0].shape, pairs[i][1].shape
            return abs(b.y - a.y) if lr else abs(b.x - a.x)

        order = sorted(range(len(edges)), key=lambda i: (edges[i].source, straightness(i), edges[i].target))
        raws: dict[int, list[Point]] = {}
        for i in order:
            source, target = pairs[i]
            raws[i] = found[(source.node, target.node)].pop(0) if found[(source.node, target.node)] else []

        def finished(i: int, index: Obstacles, used: set[str]) -> list[Point]:
            source, target = pairs[i]
            line = dedupe(raws[i][0::3] if len(raws[i]) >= 4 else raws[i]) or [
                (source.shape.x, source.shape.y1),
                (target.shape.x, target.shape.y0),
            ]
            line = router.finish(line, source, target)
            line = router.tip_exit(line, source, target, index, used)
            line = router.tip_enter(line, source, target, index)
            return router.centre_ends(line, source, target, index)

        results: dict[int, list[Command]] = {}
        branches: list[int] = []  # a decision's straight branches, drawn together so they do not cross
        for n, i in enumerate(order):
            source, target = pairs[i]
            if source is target:
                results[i] = polyline(_self_loop(source))
            elif curved and len(raws[i]) >= 4:
                results[i] = _curve(raws[i], source, target)
            elif source.shape.kind is StepKind.DECISION:
                branches.append(i)
            else:
                line = finished(i, finished_index, set())  # only a decision's tips are shared
                finished_index.add_runs(segments(line))
                results[i] = polyline(line)
            last = n + 1 == len(order) or edges[order[n + 1]].source != edges[i].source
            if branches and last:
                for k, line in draw_branches(branches, finished_index, finished).items():
                    results[k] = polyline(line)
                branches = []
        if not curved:
            self._apart(edges, pairs, results)
        return [results[i] for i in range(len(edges))]

    def _apart(
        self, edges: Sequence[Edge], pairs: Sequence[tuple[Part, Part]], results: dict[int, list[Command]]
    ) -> None:
        """Runs on top of each other moved apart (or rerouted), arrows out of one side merged into a fork."""
        straight = [i for i in range(len(edges)) if pairs[i][0] is not pairs[i][1]]
        routes_only = [points_of(results[i]) for i in straight]
        ends = [pairs[i] for i in straight]
        kept = [edges[i] for i in straight]
        self.router.separate(routes_only, ends, kept, self.gap)
        self.router.reroute(routes_only, ends, kept, self.lanes, self.ties, self.gap, self.size)
        self.router.merge_forks(routes_only, ends, kept)
        # the rules of a careful hand, measured on the finished arrows: an arrow that breaks one is rerouted
        repair = Repair(self.router.parts, self.lanes, self.ties, kept, ends, self.head_size, self.router.lr)
        repair.run(routes_only)
        Untangle(repair, routes_only).run()  # then the crossings no rule forbids, where another way is clear
        # one branch that forks to two steps: one line, one label, split after it
        joined = join_forks(repair, routes_only, lambda k: self.label(kept[k]))
        self.joined = {straight[k] for k in joined}
        for i, points in zip(straight, routes_only, strict=True):
            results[i] = polyline(points)


def _place_badges(
    parts: Sequence[Part], drawn: Sequence[Sequence[Command]], ties: Sequence[Tie], shown: Callable[[int], str]
) -> tuple[list[Part], list[Box]]:
    """Every part with its step number placed (off every arrow and tie), and the numbers' boxes."""
    all_lines = [segment for commands in drawn for segment in segments(points_of(commands))]
    tie_runs = [segment for tie in ties for segment in tie_segments(tie.points)]
    placed_parts: list[Part] = []
    badge_boxes: list[Box] = []
    lines_index = Obstacles((), all_lines + tie_runs, 0.0, 0.0)
    taken_index = Obstacles([p.box for p in parts], (), 0.0)
    for part in parts:
        badge = _place_badge(part, lines_index, taken_index, shown(part.step))
        if badge is not None:
            badge_box = (badge.x - badge.r, badge.y - badge.r, badge.x + badge.r, badge.y + badge.r)
            badge_boxes.append(badge_box)
            taken_index.add_box(badge_box)
        placed_parts.append(replace(part, badge=badge))
    return placed_parts, badge_boxes
