"""Plane geometry of the drawing checker: boxes, segments, polygons, and the tests between them.

The checker measures what an SVG draws, in the SVG's user units, so it keeps
its own small set of predicates rather than borrowing the layouts' (a check
that shares the code it checks would share its mistakes).  Every tolerance is
the caller's: the rules say how close is too close.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Segment = tuple[Point, Point]
Polygon = tuple[Point, ...]

TOLERANCE = 1.0  # user units of slack for the rounding of printed coordinates


@dataclass(frozen=True)
class Box:
    """An axis-aligned box, ``x0 <= x1`` and ``y0 <= y1`` (y grows down, as in SVG)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @staticmethod
    def of(points: Iterable[Point]) -> Box:
        """The box around ``points`` (at least one)."""
        listed = list(points)
        xs = [p[0] for p in listed]
        ys = [p[1] for p in listed]
        return Box(min(xs), min(ys), max(xs), max(ys))

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))

    def grown(self, by: float) -> Box:
        """The box with ``by`` added on every side (a negative ``by`` shrinks it)."""
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    def inside(self, other: Box, tolerance: float = TOLERANCE) -> bool:
        return (
            self.x0 >= other.x0 - tolerance
            and self.y0 >= other.y0 - tolerance
            and self.x1 <= other.x1 + tolerance
            and self.y1 <= other.y1 + tolerance
        )

    def overlaps(self, other: Box, tolerance: float = TOLERANCE) -> bool:
        """Do the boxes share more than ``tolerance`` in both directions?"""
        return (
            min(self.x1, other.x1) - max(self.x0, other.x0) > tolerance
            and min(self.y1, other.y1) - max(self.y0, other.y0) > tolerance
        )

    def holds(self, x: float, y: float, margin: float) -> bool:
        """Is the point strictly inside the box shrunk by ``margin`` (grown when negative)?"""
        return self.x0 + margin < x < self.x1 - margin and self.y0 + margin < y < self.y1 - margin

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def area(self) -> float:
        return self.width * self.height

    @property
    def centre(self) -> Point:
        return ((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)

    @property
    def corners(self) -> tuple[Point, Point, Point, Point]:
        return ((self.x0, self.y0), (self.x1, self.y0), (self.x1, self.y1), (self.x0, self.y1))

    def __str__(self) -> str:
        return f"({self.x0:.0f},{self.y0:.0f})-({self.x1:.0f},{self.y1:.0f})"


def union_of(boxes: Sequence[Box]) -> Box | None:
    """The box around all of ``boxes`` (None for none)."""
    if not boxes:
        return None
    area = boxes[0]
    for other in boxes[1:]:
        area = area.union(other)
    return area


def distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def in_polygon(x: float, y: float, polygon: Sequence[Point]) -> bool:
    """Even-odd test of a point against a closed polygon."""
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], *polygon[:1]]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1 + 1e-12) + x1:
            inside = not inside
    return inside


def segment_distance(p: Point, segment: Segment) -> float:
    """Distance from a point to the nearest point of a segment."""
    (ax, ay), (bx, by) = segment
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def polygon_edge_distance(x: float, y: float, polygon: Sequence[Point]) -> float:
    """Distance from a point to the outline of a closed polygon."""
    sides = zip(polygon, [*polygon[1:], *polygon[:1]])
    return min((segment_distance((x, y), side) for side in sides), default=math.inf)


def segment_hits_box(segment: Segment, box: Box, shrink: float = 0.0) -> bool:
    """Does the segment pass through ``box`` shrunk by ``shrink`` on every side (Liang–Barsky clipping)?"""
    x0, y0, x1, y1 = box.x0 + shrink, box.y0 + shrink, box.x1 - shrink, box.y1 - shrink
    if x0 >= x1 or y0 >= y1:
        return False
    (ax, ay), (bx, by) = segment
    dx, dy = bx - ax, by - ay
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
        if abs(p) < 1e-12:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return True


def box_segment_distance(box: Box, segment: Segment) -> float:
    """Distance between a box's outline or inside and a segment (0 when the segment enters the box)."""
    if segment_hits_box(segment, box):
        return 0.0
    corners = box.corners
    sides = list(zip(corners, [*corners[1:], corners[0]]))
    to_corners = min(segment_distance(c, segment) for c in corners)
    to_sides = min(segment_distance(p, side) for side in sides for p in segment)
    return min(to_corners, to_sides)


def crossing(a: Segment, b: Segment) -> Point | None:
    """Where two segments cross or touch (None when they do not, or are parallel)."""
    (ax, ay), (bx, by) = a
    (cx, cy), (ex, ey) = b
    rx, ry = bx - ax, by - ay
    sx, sy = ex - cx, ey - cy
    den = rx * sy - ry * sx
    if abs(den) < 1e-9:
        return None
    t = ((cx - ax) * sy - (cy - ay) * sx) / den
    u = ((cx - ax) * ry - (cy - ay) * rx) / den
    if -1e-6 <= t <= 1 + 1e-6 and -1e-6 <= u <= 1 + 1e-6:
        return (ax + t * rx, ay + t * ry)
    return None


def dense(points: Sequence[Point], step: float = 2.0) -> list[Point]:
    """Points every ``step`` units or closer along a polyline (its last point left out)."""
    out: list[Point] = []
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        n = max(1, int(math.hypot(x2 - x1, y2 - y1) / step))
        out += [(x1 + (x2 - x1) * k / n, y1 + (y2 - y1) * k / n) for k in range(n)]
    return out
