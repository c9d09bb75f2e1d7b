"""Finishing arrows, the one step both forms share: heads, labels, classes and tie lines.

The flowchart's routes come from Graphviz and the table's from flowgen's own
router, but once a route is chosen an arrow is finished the same way in both
(:func:`finish_arrows`): the same head, the same branch words and classes,
the same rule for where a label goes (beside the arrow where it leaves the
diamond, clear of every symbol, number, other label and line).  A joint
step's boxes are tied by the same plain line (:func:`tie_points`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from flowgen.layout.geometry import Box, Command, Point, Segment, crosses, overlap, points_of, segments
from flowgen.layout.symbols import Shape
from flowgen.model import analysis
from flowgen.model.types import Answer, Edge, Procedure, StepKind
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import block_height, clean, measure


def arrow_head(commands: list[Command], size: float) -> tuple[list[Command], tuple[Point, ...]]:
    """Shorten the line's end under the arrow head and return the head's triangle."""
    cmd, args = commands[-1]
    tip = (args[-2], args[-1])
    if cmd == "C":
        before = (args[2], args[3])
    else:
        prev = commands[-2][1]
        before = (prev[-2], prev[-1])
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    back = (tip[0] - ux * size, tip[1] - uy * size)
    half = size * 0.38
    head = (tip, (back[0] - uy * half, back[1] + ux * half), (back[0] + uy * half, back[1] - ux * half))
    end = (tip[0] - ux * size * 0.8, tip[1] - uy * size * 0.8)
    if cmd == "C":
        return [*commands[:-1], ("C", (*args[:4], *end))], head
    return [*commands[:-1], (cmd, end)], head


def place_label(
    points: Sequence[Point],
    w: float,
    h: float,
    obstacles: Sequence[Box],
    taken: Sequence[Box],
    lines: Sequence[Segment],
    limit: Box,
) -> Box:
    """A spot for a branch label beside the arrow, as near to where it leaves the diamond as is clear.

    Spots along the first run come first, then along the second; a spot
    must keep off every symbol, number and other label, and (if possible)
    off every other line.
    """
    clear = clear_label_spot(points, w, h, obstacles, taken, lines, limit)
    if clear is not None:
        return clear
    near = _label_spots(points, w, h, NEAR_SPOTS, 110.0)
    far = _label_spots(points, w, h, FAR_SPOTS, 200.0)
    for spots in (near, far):  # off every symbol and label, though on a line
        for box in spots:
            if not _inside(box, limit):
                continue
            if any(overlap(box, other, 0.2) for other in [*obstacles, *taken]):
                continue
            return box
    candidates = near + far

    def covered(box: Box) -> float:
        return sum(
            max(0.0, min(box[2], o[2]) - max(box[0], o[0])) * max(0.0, min(box[3], o[3]) - max(box[1], o[1]))
            for o in [*obstacles, *taken]
        )

    return min(candidates, key=covered)  # nowhere clear: the spot that covers least


# along the arrow from where it leaves, every few points near the tip: between a diamond's corner and a column
# line the room for a label may be a window of 3 pt, which coarser steps would step over (and the label
# would go on to the next column)
NEAR_SPOTS = (
    3.0,
    6.0,
    9.0,
    12.0,
    14.0,
    16.0,
    18.0,
    20.0,
    22.0,
    24.0,
    27.0,
    30.0,
    34.0,
    40.0,
    46.0,
    53.0,
    60.0,
    68.0,
    76.0,
)
FAR_SPOTS = (96.0, 120.0, 150.0, 190.0)  # crowded round the diamond


def _inside(box: Box, limit: Box) -> bool:
    return limit[0] <= box[0] and box[2] <= limit[2] and limit[1] <= box[1] and box[3] <= limit[3]


def clear_label_spot(
    points: Sequence[Point],
    w: float,
    h: float,
    obstacles: Sequence[Box],
    taken: Sequence[Box],
    lines: Sequence[Segment],
    limit: Box,
) -> Box | None:
    """The first spot beside the arrow (near its start first) on free paper: off every box and every line.

    A spot with daylight (:data:`LINE_ROOM`) to every line but the arrow's own
    comes first: a label touching a border or another arrow reads as that
    line's.  None when there is no free spot at all; a router can then try another route (the
    table's does), and :func:`place_label` settles for a spot on a line.
    """
    own = {_run_key(run) for run in itertools.pairwise(points)}
    others = [segment for segment in lines if _run_key(segment) not in own]
    free: Box | None = None
    for spots in (_label_spots(points, w, h, NEAR_SPOTS, 110.0), _label_spots(points, w, h, FAR_SPOTS, 200.0)):
        for box in spots:
            if not _inside(box, limit):
                continue
            if any(overlap(box, other, 1.0) for other in obstacles) or any(overlap(box, o, 1.0) for o in taken):
                continue
            if any(crosses(box, segment) for segment in lines):
                continue
            if not any(crosses(box, segment, -LINE_ROOM) for segment in others):
                return box
            free = free or box  # touching a border or another arrow (it reads as that line's): only if no other
    return free


def _run_key(run: Segment) -> tuple[tuple[float, float], tuple[float, float]]:
    """A run's ends rounded, so that the arrow's own runs are told from the others whatever list they come in."""
    (x0, y0), (x1, y1) = run
    return (round(x0, 3), round(y0, 3)), (round(x1, 3), round(y1, 3))


LINE_ROOM = 3.0  # daylight between a label and any line but its own arrow's


def _label_spots(points: Sequence[Point], w: float, h: float, steps: Sequence[float], reach: float) -> list[Box]:
    """Boxes beside the first runs of an arrow, ``steps`` along each run, no further than ``reach`` in all."""
    spots: list[Box] = []
    travelled = 0.0
    for (x0, y0), (x1, y1) in list(itertools.pairwise(points))[:3]:
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        for step in steps:
            if (step > length and step > 3.0) or travelled + step > reach:
                break
            px, py = x0 + ux * step, y0 + uy * step
            if abs(ux) < abs(uy):  # a vertical run: beside it
                top = py if uy > 0 else py - h
                spots += [(px + 3, top, px + 3 + w, top + h), (px - 3 - w, top, px - 3, top + h)]
            else:  # a horizontal run: above or below it
                left = px if ux > 0 else px - w
                spots += [(left, py - 2 - h, left + w, py - 2), (left, py + 2, left + w, py + 2 + h)]
        travelled += length
    return spots


def label_text(edge: Edge, style: ResolvedStyle) -> str | None:
    if edge.label is None:
        return None
    if edge.answer is Answer.YES:
        return style.labels["yes"]
    if edge.answer is Answer.NO:
        return style.labels["no"]
    return clean(edge.label)


def edge_classes(edge: Edge, procedure: Procedure, back: set[Edge]) -> tuple[str, ...]:
    classes: list[str] = []
    if procedure.step(edge.source).kind is StepKind.DECISION:
        classes.append("branch")
    if edge.answer is Answer.YES:
        classes.append("yes")
    elif edge.answer is Answer.NO:
        classes.append("no")
    if edge in back:
        classes.append("loop")
    return tuple(classes)


def tie_points(shapes: Sequence[Shape]) -> tuple[Point, ...]:
    """The line tying a joint step's boxes, in the order given: side to side, or foot to head (lanes as rows)."""
    points: list[Point] = []
    for a, b in itertools.pairwise(shapes):
        if abs(a.y - b.y) < abs(a.x - b.x):  # side by side
            points += [(a.x1, a.y), (b.x0, b.y)]
        else:  # one above the other
            points += [(a.x, a.y1), (b.x, b.y0)]
    return tuple(points)


def tie_segments(points: Sequence[Point]) -> list[Segment]:
    """The runs of a tie line (its points go in pairs: one run between each two boxes)."""
    return [(points[k], points[k + 1]) for k in range(0, len(points) - 1, 2)]


@dataclass(frozen=True)
class FinishedArrow:
    """An arrow as drawn: its line shortened under its head, the head, the label and its box, the classes."""

    commands: tuple[Command, ...]
    head: tuple[Point, ...]
    label: str | None
    label_box: Box | None
    classes: tuple[str, ...]


def label_size(text: str, classes: tuple[str, ...], style: ResolvedStyle) -> tuple[float, float]:
    """Width and height of a branch label's box (its one line of text and its padding)."""
    label_style = style.edge(classes).label.text
    pad = style.edge(classes).label.box.padding
    w = measure(label_style.face, label_style.size, text) + pad[1] + pad[3]
    h = block_height(1, label_style.size, label_style.line_height) + pad[0] + pad[2]
    return w, h


def finish_arrows(
    edges: Sequence[Edge],
    lines: Sequence[Sequence[Command]],
    procedure: Procedure,
    style: ResolvedStyle,
    obstacles: Sequence[Box],
    borders: Sequence[Segment],
    limit: Box,
    table: bool = False,
    labelled: Sequence[bool] | None = None,
    back: set[Edge] | None = None,
    placed: Sequence[Box | None] | None = None,
    unboxed: Collection[int] = (),
) -> list[FinishedArrow]:
    """Heads, classes and labels for routed arrows, in order (each label keeps off those placed before it).

    ``obstacles`` are the boxes a label may not cover (symbols, numbers,
    headers), ``borders`` the lines it should keep off besides the arrows
    (lane or table lines), ``limit`` the area it must stay in.  A form draws
    its heads at the style's size (``table``: the table's scaled size); an arrow that is not
    ``labelled`` (the table's arrows out of an off-page connector) carries no
    label even when its edge has one.  ``back`` is the procedure's loop arrows when the caller has them
    already (computed here otherwise); ``placed`` holds label boxes a router has already chosen (None: place one).
    An arrow in ``unboxed`` (one that joins a forking branch's trunk) keeps its label's words but draws no
    label: the trunk's arrow carries the branch's one label.
    """
    back = analysis.back_edges(procedure) if back is None else back
    all_lines = [segment for commands in lines for segment in segments(points_of(commands))]
    taken: list[Box] = []
    finished: list[FinishedArrow] = []
    for k, (edge, commands) in enumerate(zip(edges, lines, strict=True)):
        classes = edge_classes(edge, procedure, back)
        size = (style.table_edge(classes) if table else style.edge(classes)).arrow_size
        shortened, head = arrow_head(list(commands), size)
        text = label_text(edge, style)
        if labelled is not None and not labelled[k]:
            text = None
        box: Box | None = None
        if text and k not in unboxed:
            w, h = label_size(text, classes, style)
            points = points_of(commands)
            # its own line counts too: a spot beside a later run must not lie across the first one
            others = [*all_lines, *borders]
            chosen = placed[k] if placed is not None else None
            box = chosen if chosen is not None else place_label(points, w, h, obstacles, taken, others, limit)
            taken.append(box)
        finished.append(FinishedArrow(tuple((c, tuple(a)) for c, a in shortened), head, text, box, classes))
    return finished
