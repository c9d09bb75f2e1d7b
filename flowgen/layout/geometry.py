"""The plane both layouts work in: points, boxes, runs, and the tests between them.

Every layout module, the painters and the geometry checker take their
``Point``/``Box``/``Segment`` from here, and the two routers ask the same
questions with the same functions: does a run pass through a box, do two
runs lie on top of each other, does one run end on another.  The numbers a
router passes (margins, tolerances) are its own rules; the geometry is one.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Segment = tuple[Point, Point]
Command = tuple[str, tuple[float, ...]]  # an SVG path command ("M", "L", "C") and its numbers


def bezier(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 12) -> list[Point]:
    """Points along a cubic Bézier (without its start), for drawing and for measuring curves."""
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        out.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


def dedupe(points: Iterable[Point]) -> list[Point]:
    """Drop repeated points and the middle points of straight runs."""
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 0.01 and abs(out[-1][1] - p[1]) < 0.01:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a[0] - b[0]) < 0.01 and abs(b[0] - p[0]) < 0.01) or (
                abs(a[1] - b[1]) < 0.01 and abs(b[1] - p[1]) < 0.01
            ):
                out[-1] = p
                continue
        out.append(p)
    return out


def segments(points: Sequence[Point]) -> list[Segment]:
    """The runs of a polyline, in order."""
    return list(itertools.pairwise(points))


def polyline(points: Sequence[Point]) -> list[Command]:
    """A polyline as path commands."""
    return [("M", points[0]), *(("L", p) for p in points[1:])]


def points_of(commands: Sequence[Command]) -> list[Point]:
    """The end point of every path command (a curve's controls left out)."""
    return [(args[-2], args[-1]) for _, args in commands]


def overlap(a: Box, b: Box, gap: float = 0.0) -> bool:
    """Two boxes overlap, or come closer than ``gap``."""
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def crosses(box: Box, segment: Segment, margin: float = 0.0) -> bool:
    """An axis-aligned (or short) run passes through the box shrunk by ``margin`` (grown, if negative)."""
    (x1, y1), (x2, y2) = segment
    return (
        min(x1, x2) < box[2] - margin
        and max(x1, x2) > box[0] + margin
        and min(y1, y2) < box[3] - margin
        and max(y1, y2) > box[1] + margin
    )


def bounds_meet(box: Box, points: Sequence[Point]) -> bool:
    """Whether a route's bounding box meets ``box`` (a cheap test before comparing runs)."""
    return not (
        max(x for x, _ in points) < box[0]
        or min(x for x, _ in points) > box[2]
        or max(y for _, y in points) < box[1]
        or min(y for _, y in points) > box[3]
    )


def run_overlap(a: Segment, b: Segment, tolerance: float) -> float | None:
    """How far two axis-aligned runs on one line (within ``tolerance``) share their extent.

    None when they are not on one line; negative when they are, but end
    before each other (the gap between their ends).
    """
    (ax1, ay1), (ax2, ay2) = a
    (bx1, by1), (bx2, by2) = b
    if abs(ax1 - ax2) < 0.01 and abs(bx1 - bx2) < 0.01 and abs(ax1 - bx1) < tolerance:
        return min(max(ay1, ay2), max(by1, by2)) - max(min(ay1, ay2), min(by1, by2))
    if abs(ay1 - ay2) < 0.01 and abs(by1 - by2) < 0.01 and abs(ay1 - by1) < tolerance:
        return min(max(ax1, ax2), max(bx1, bx2)) - max(min(ax1, ax2), min(bx1, bx2))
    return None


def runs_along(a: Segment, b: Segment, tolerance: float, min_length: float = 0.5) -> bool:
    """Two axis-aligned runs lie on top of each other (within ``tolerance``) for more than ``min_length``.

    A negative ``min_length`` also counts runs on one line whose ends are
    less than that far apart.
    """
    shared = run_overlap(a, b, tolerance)
    return shared is not None and shared > min_length


def ends_on(a: Segment, b: Segment, tolerance: float = 2.0) -> bool:
    """An end of run ``a`` lies on axis-aligned run ``b`` (a T-junction, which reads as a join)."""
    (bx1, by1), (bx2, by2) = b
    t = tolerance
    for x, y in a:
        if abs(bx1 - bx2) < 0.01 and abs(x - bx1) < t and min(by1, by2) - t < y < max(by1, by2) + t:
            return True
        if abs(by1 - by2) < 0.01 and abs(y - by1) < t and min(bx1, bx2) - t < x < max(bx1, bx2) + t:
            return True
    return False
