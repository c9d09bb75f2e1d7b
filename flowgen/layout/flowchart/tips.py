"""Where a decision's arrows leave and arrive: the shapes a person draws from its tips.

Pure geometry, written for a flow running down; a flow running right is
turned a quarter (:func:`flip`) before and after, so both directions share
every rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from flowgen.layout.geometry import Point
from flowgen.layout.symbols import Shape


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def flip(points: Sequence[Point]) -> list[Point]:
    """Swap the axes: a flow running right seen as one running down (and back)."""
    return [(y, x) for x, y in points]


def flip_shape(shape: Shape) -> Shape:
    return Shape(shape.kind, shape.y, shape.x, shape.h, shape.w)


def exit_candidates(points: list[Point], s: Shape, t: Shape) -> list[tuple[str, list[Point]]]:
    """The routes out of decision ``s`` towards ``t`` a person would draw, best first (flow running down)."""
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
        column = clamp(max(t.x, tip[0] + 10) if toward == "right" else min(t.x, tip[0] - 10), t.x0 + 6, t.x1 - 6)
        candidates.append((toward, [tip, (column, s.y), (column, t.y0)]))
        mid = (s.y1 + t.y0) / 2
        candidates.append(("bottom", [(s.x, s.y1), (s.x, mid), (t.x, mid), (t.x, t.y0)]))
        for side, sign in (
            (toward, 1 if toward == "right" else -1),
            ("left" if toward == "right" else "right", -1 if toward == "right" else 1),
        ):
            edge = (s.x1, s.y) if sign > 0 else (s.x0, s.y)
            out = edge[0] + sign * 12  # out of the side tip, down beside the diamond, across to the target
            for drop in (t.x, t.x + sign * t.w / 4, t.x - sign * t.w / 4):
                candidates.append((side, [edge, (out, s.y), (out, mid), (drop, mid), (drop, t.y0)]))
    if above:
        column = clamp(max(t.x, tip[0] + 10) if toward == "right" else min(t.x, tip[0] - 10), t.x0 + 6, t.x1 - 6)
        candidates.append((toward, [tip, (column, s.y), (column, t.y1)]))
    if not below and not above and t.y0 + 4 <= s.y <= t.y1 - 4:
        candidates.append((toward, [tip, ((t.x0 if toward == "right" else t.x1), s.y)]))
    return candidates


def enter_candidates(points: list[Point], t: Shape) -> list[list[Point]]:
    """Ways into decision ``t``'s top tip for an arrow arriving from above (flow running down)."""
    (px, py), (qx, qy) = points[-2], points[-1]
    before = points[-3]
    candidates: list[list[Point]] = []
    if abs(px - qx) < 0.01 and qy > py:  # already coming down: slide onto the tip
        candidates.append([*points[:-2], (t.x, py), (t.x, t.y0)])
    elif abs(py - qy) < 0.01 and before[1] < t.y0 - 8:  # coming in from the side: come from above instead
        level = t.y0 - min(12.0, (t.y0 - before[1]) / 2)
        candidates.append([*points[:-3], before, (before[0], level), (t.x, level), (t.x, t.y0)])
    return candidates
