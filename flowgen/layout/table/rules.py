"""Drawing rules of a careful hand that the table router checks besides its clearances.

Each rule is one that :mod:`flowgen.drawcheck` (and the outside checker
``svgcheck``) measures on the finished drawing; the router counts them
while choosing, so a route that would read wrong is only taken when no
other exists:

- ``short_stem``: an arrowhead needs a straight run under it (``head-no-stem``);
- ``crossings_at_ends``: two arrows may not cross right where one leaves or
  arrives (``crossing-at-end``: it reads as a T-junction into the wrong step);
- ``reads_from_wrong_box``: an arrow dropping into a step along the centre
  line of the step just above it, after a jog under that step, reads as
  coming from that step.
"""

from __future__ import annotations

from collections.abc import Sequence

from flowgen.layout.geometry import Point, Segment, run_overlap, runs_along, segments
from flowgen.layout.symbols import Shape
from flowgen.layout.table.grid import RUN_CLEARANCE
from flowgen.layout.table.types import Symbol

STEM_SLACK = 3.6  # straight line needed under a head beyond the part the head covers (svgcheck: 3)
END_ZONE = 9.0  # no crossing this close to either end of an arrow (svgcheck: 8)
CLOSE_RUNS = 7.4  # two unrelated arrows closer than this ...
CLOSE_LENGTH = 18.0  # ... for this long read as one double line (svgcheck: 7 and 20)
MERGED = 1.5  # closer than this, two runs are one drawn line (a fork or a join)
PAIR_REACH = 8.0  # no pair test in ``problems`` (clearances 3.2, ends 2, double lines 7.4) looks further


def short_stem(points: Sequence[Point], head: float) -> bool:
    """The last run is too short to carry the head on a straight stem."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    return abs(x1 - x0) + abs(y1 - y0) < head * 0.8 + STEM_SLACK


def _crossing(a: Segment, b: Segment) -> Point | None:
    """Where a horizontal and a vertical run cross (None: parallel or apart)."""
    (ax0, ay0), (ax1, ay1) = a
    (bx0, by0), (bx1, by1) = b
    if abs(ay0 - ay1) < 0.01 and abs(bx0 - bx1) < 0.01:
        x, y = bx0, ay0
    elif abs(ax0 - ax1) < 0.01 and abs(by0 - by1) < 0.01:
        x, y = ax0, by0
    else:
        return None
    inside_a = min(ax0, ax1) - 0.01 <= x <= max(ax0, ax1) + 0.01 and min(ay0, ay1) - 0.01 <= y <= max(ay0, ay1) + 0.01
    inside_b = min(bx0, bx1) - 0.01 <= x <= max(bx0, bx1) + 0.01 and min(by0, by1) - 0.01 <= y <= max(by0, by1) + 0.01
    return (x, y) if inside_a and inside_b else None


def end_zones(mine: Sequence[Point], theirs: Sequence[Point], head: float) -> tuple[tuple[Point, float], ...]:
    """The ends of two routes and how near each no crossing may be (a head's end counts from its tip)."""
    return ((mine[0], END_ZONE), (mine[-1], END_ZONE + head), (theirs[0], END_ZONE), (theirs[-1], END_ZONE + head))


def crossing_in_zones(a: Segment, b: Segment, zones: Sequence[tuple[Point, float]]) -> bool:
    """Two runs cross within one of the end zones (see :func:`end_zones`)."""
    point = _crossing(a, b)
    if point is None:
        return False
    return any(abs(point[0] - e[0]) + abs(point[1] - e[1]) < zone * 1.05 for e, zone in zones)


def crossing_through(a: Segment, b: Segment, zones: Sequence[tuple[Point, float]]) -> bool:
    """Two runs of arrows that share an end cross right through each other within an end zone.

    Arrows of one source or one target meet where one turns off or runs
    into the other (a fork, a join): that touch is no crossing.  Two of them
    crossing through, as a decision's loop back across its other branch just
    above that branch's head, read as a T-junction like any other pair.
    """
    point = _crossing(a, b)
    if point is None or any(abs(point[0] - p[0]) + abs(point[1] - p[1]) < 0.5 for p in (*a, *b)):
        return False
    return any(abs(point[0] - e[0]) + abs(point[1] - e[1]) < zone * 1.05 for e, zone in zones)


def crossings_at_ends(mine: Sequence[Point], theirs: Sequence[Point], head: float) -> int:
    """Crossings of two routes that lie within the end zone of either (a head's end counts from its tip)."""
    zones = end_zones(mine, theirs, head)
    return sum(crossing_in_zones(a, b, zones) for a in segments(mine) for b in segments(theirs))


def reads_from_wrong_box(points: Sequence[Point], source: Shape, target: Shape, others: Sequence[Shape]) -> bool:
    """The route's last run drops into ``target`` on the centre line of a symbol just above it.

    A reader follows the line up from the head: if it meets a turn right
    under another symbol standing on the same vertical, the arrow reads as
    leaving that symbol.
    """
    if len(points) < 3:
        return False
    (tx, ty), (bx, by) = points[-1], points[-2]
    if abs(tx - bx) > 0.01 or by >= ty:
        return False  # not a run down into the target's top
    for shape in others:
        if shape is source or shape is target:
            continue
        above = shape.x0 - 1 <= tx <= shape.x1 + 1 and shape.y1 <= by + 0.5 and by - shape.y1 < 25
        if above and abs(shape.x - tx) < min(6.0, shape.w / 4):
            return True
    return False


RunBox = tuple[Segment, float, float, float, float]  # a run and its bounding box, grown by some reach


def run_boxes(segs: Sequence[Segment], reach: float) -> list[RunBox]:
    """Each run with its bounding box grown by ``reach`` (a cheap test before comparing two runs)."""
    return [
        (seg, min(x1, x2) - reach, min(y1, y2) - reach, max(x1, x2) + reach, max(y1, y2) + reach)
        for seg in segs
        for (x1, y1), (x2, y2) in (seg,)
    ]


def side_of(symbol: Symbol, end: Point, toward: Point) -> str:
    """Which side of a symbol a run leaves or reaches it by."""
    dx, dy = toward[0] - end[0], toward[1] - end[1]
    if abs(dx) > abs(dy):
        return "right" if dx > 0 else "left"
    return "bottom" if dy > 0 else "top"


def leaves_from(symbol: Symbol, start: Point, toward: Point) -> bool:
    """A first run starts on the symbol's outline and heads away from it."""
    s = symbol.shape
    dx, dy = toward[0] - start[0], toward[1] - start[1]
    if abs(dx) < 0.01:
        return (dy > 0 and start[1] >= s.y1 - 0.5) or (dy < 0 and start[1] <= s.y0 + 0.5)
    return (dx > 0 and start[0] >= s.x1 - 0.5) or (dx < 0 and start[0] <= s.x0 + 0.5)


def near(a: Segment, b: Segment) -> bool:
    """Two axis-aligned runs side by side closer than the clearance, overlapping or end to end."""
    return runs_along(a, b, RUN_CLEARANCE, -RUN_CLEARANCE)


def close_apart(a: Segment, b: Segment) -> bool:
    """Two runs side by side, apart (not one drawn line) yet close enough to read as a double line."""
    shared = run_overlap(a, b, CLOSE_RUNS)
    if shared is None or shared <= CLOSE_LENGTH:
        return False
    vertical = abs(a[0][0] - a[1][0]) < 0.01
    return abs(a[0][0] - b[0][0] if vertical else a[0][1] - b[0][1]) >= MERGED
