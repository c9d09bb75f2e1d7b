"""The five Permenpan symbols as geometry: outlines, text fitting, where arrows meet them.

Both layouts size and place symbols with these functions, and the scene
builders draw exactly these outlines, so a symbol is the same shape in the
flowchart, the table, the SVG, the PNG and the PDF.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flowgen.layout.geometry import Point
from flowgen.model.types import Step, StepKind
from flowgen.style.resolve import TextStyle
from flowgen.text import ASCENT, DESCENT, block_height, measure, wrap, wrap_balanced

# a diamond's text is wrapped to this share of its width (in the flowchart, the table and the painters)
DIAMOND_TEXT_SHARE = 0.62
# an off-page connector's sides run this share of its height before they slope to its point
CONNECTOR_SHOULDER = 0.62
CAPSULE_SEGMENTS = 8  # points per rounded end when a capsule is approximated by a polygon


@dataclass(frozen=True)
class Shape:
    """A symbol's outline: kind, centre and size (points)."""

    kind: StepKind
    x: float
    y: float
    w: float
    h: float

    @property
    def x0(self) -> float:
        return self.x - self.w / 2

    @property
    def y0(self) -> float:
        return self.y - self.h / 2

    @property
    def x1(self) -> float:
        return self.x + self.w / 2

    @property
    def y1(self) -> float:
        return self.y + self.h / 2

    def moved(self, x: float, y: float) -> Shape:
        return Shape(self.kind, x, y, self.w, self.h)

    def polygon(self) -> list[Point]:
        """The outline as a polygon (capsule ends approximated), clockwise from the top left."""
        if self.kind is StepKind.DECISION:
            return [(self.x, self.y0), (self.x1, self.y), (self.x, self.y1), (self.x0, self.y)]
        if self.kind is StepKind.CONNECTOR:
            return pentagon(self.x0, self.y0, self.w, self.h)
        if self.kind.is_terminator:
            r = self.h / 2
            points: list[Point] = []
            for i in range(CAPSULE_SEGMENTS + 1):  # right end, top to bottom
                a = -math.pi / 2 + math.pi * i / CAPSULE_SEGMENTS
                points.append((self.x1 - r + r * math.cos(a), self.y + r * math.sin(a)))
            for i in range(CAPSULE_SEGMENTS + 1):  # left end, bottom to top
                a = math.pi / 2 + math.pi * i / CAPSULE_SEGMENTS
                points.append((self.x0 + r + r * math.cos(a), self.y + r * math.sin(a)))
            return points
        return [(self.x0, self.y0), (self.x1, self.y0), (self.x1, self.y1), (self.x0, self.y1)]

    @property
    def radius(self) -> float:
        """Corner radius to draw a rectangle with (a capsule is a fully rounded rectangle)."""
        return self.h / 2 if self.kind.is_terminator else 0.0


def step_classes(step: Step) -> tuple[str, ...]:
    """The style classes of a step's symbol: its kind, and ``joint`` for a step of several actors."""
    return (step.kind.value, "joint") if step.is_joint else (step.kind.value,)


def pentagon(x0: float, y0: float, w: float, h: float) -> list[Point]:
    """The off-page connector: a box whose bottom is a point (home plate)."""
    shoulder = y0 + h * CONNECTOR_SHOULDER
    return [(x0, y0), (x0 + w, y0), (x0 + w, shoulder), (x0 + w / 2, y0 + h), (x0, shoulder)]


@dataclass(frozen=True)
class FittedText:
    """Text wrapped for a symbol: its lines, the block's size, and the whole text as it was given."""

    lines: tuple[str, ...]
    width: float
    height: float
    source: str = ""  # the unwrapped text (transformed as drawn): the <title> of the group that shows it
    indents: tuple[float, ...] = ()  # each line's start from the left, set left (a list); (): as the style aligns

    @property
    def whole(self) -> str:
        """The unwrapped text (the lines joined when it was not kept)."""
        return self.source or " ".join(self.lines)


def fit(text: str, style: TextStyle, width: float, balanced: bool = False) -> FittedText:
    """Text wrapped to ``width`` in a style (see :func:`flowgen.text.wrap` for where lines break);
    ``balanced``: its lines as even as they go (a header, :func:`flowgen.text.wrap_balanced`)."""
    shown = style.transform(text)
    breaker = wrap_balanced if balanced else wrap
    lines = tuple(breaker(shown, style.face, style.size, max(width, style.size)))
    widest = max((measure(style.face, style.size, line) for line in lines), default=0.0)
    return FittedText(lines, widest, block_height(len(lines), style.size, style.line_height), " ".join(shown.split()))


def diamond_height(text_width: float, text_height: float, width: float, pad_x: float, pad_y: float) -> float:
    """Smallest diamond height that holds a text block of this size with the given padding."""
    share = (text_width / 2 + pad_x) / (width / 2)
    share = min(share, 0.92)
    return 2 * (text_height / 2 + pad_y) / (1 - share)


def ray_hit(origin: Point, direction: Point, polygon: list[Point]) -> Point | None:
    """First point where a ray from ``origin`` meets the polygon's outline (None if it misses)."""
    ox, oy = origin
    dx, dy = direction
    best: float | None = None
    n = len(polygon)
    for i in range(n):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % n]
        ex, ey = x2 - x1, y2 - y1
        denom = dx * ey - dy * ex
        if abs(denom) < 1e-12:
            continue
        t = ((x1 - ox) * ey - (y1 - oy) * ex) / denom
        u = ((x1 - ox) * dy - (y1 - oy) * dx) / denom
        if t > 1e-9 and -1e-9 <= u <= 1 + 1e-9 and (best is None or t < best):
            best = t
    if best is None:
        return None
    return (ox + dx * best, oy + dy * best)


def meet(shape: Shape, inner: Point, outer: Point) -> Point:
    """Where the straight run from ``outer`` towards ``inner`` first meets the symbol's outline."""
    dx, dy = inner[0] - outer[0], inner[1] - outer[1]
    length = math.hypot(dx, dy) or 1.0
    hit = ray_hit(outer, (dx / length, dy / length), shape.polygon())
    if hit is None:  # the run misses the symbol: aim at its centre instead
        cx, cy = shape.x, shape.y
        d = math.hypot(cx - outer[0], cy - outer[1]) or 1.0
        hit = ray_hit(outer, ((cx - outer[0]) / d, (cy - outer[1]) / d), shape.polygon()) or (cx, cy)
    return hit


def inside(point: Point, polygon: list[Point]) -> bool:
    x, y = point
    result = False
    n = len(polygon)
    for i in range(n):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


def text_top(center_y: float, height: float) -> float:
    return center_y - height / 2


def line_box_height(size: float) -> float:
    return size * (ASCENT + DESCENT)
