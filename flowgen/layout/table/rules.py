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

from flowgen.layout.geometry import Point, Segment, segments
from flowgen.layout.symbols import Shape

STEM_SLACK = 3.6  # straight line needed under a head beyond the part the head covers (svgcheck: 3)
END_ZONE = 9.0  # no crossing this close to either end of an arrow (svgcheck: 8)


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


def crossings_at_ends(mine: Sequence[Point], theirs: Sequence[Point], head: float) -> int:
    """Crossings of two routes that lie within the end zone of either (a head's end counts from its tip)."""
    ends = ((mine[0], END_ZONE), (mine[-1], END_ZONE + head), (theirs[0], END_ZONE), (theirs[-1], END_ZONE + head))
    count = 0
    for a in segments(mine):
        for b in segments(theirs):
            point = _crossing(a, b)
            if point is None:
                continue
            if any(abs(point[0] - e[0]) + abs(point[1] - e[1]) < zone * 1.05 for e, zone in ends):
                count += 1
    return count


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
