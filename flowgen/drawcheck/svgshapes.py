"""What an SVG element draws, as points in page units: shapes, paths, transforms, inherited properties.

flowgen writes absolute ``M``/``L``/``C`` paths, polylines and rects with no
transforms, but the checker reads any SVG a pipeline hands it (a file touched
up in an editor gains ``transform`` attributes, relative paths and ``style``
properties), so it understands the whole path syntax and transform list.
Curves are sampled with the same twelve points a layout uses for them.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable

from lxml import etree

from flowgen.drawcheck.plane import Point
from flowgen.layout.geometry import bezier

SVG = "{http://www.w3.org/2000/svg}"
SHAPES = frozenset({"rect", "polygon", "polyline", "path", "ellipse", "circle", "line"})

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")
_PATH_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")


def localname(element: etree._Element) -> str:
    """An element's tag without its namespace (``{http://www.w3.org/2000/svg}rect`` → ``rect``)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # a comment or processing instruction
    return tag.rpartition("}")[2]


def number(text: str | None, default: float = 0.0) -> float:
    """The leading number of an attribute ("12.5", "12.5pt", "10 20" → the first)."""
    if text is None:
        return default
    match = re.match(r"\s*(-?[\d.]+(?:e-?\d+)?)", text)
    if match is None:
        return default
    try:
        return float(match.group(1))
    except ValueError:  # "1.2.3"
        return default


def numbers(text: str | None) -> list[float]:
    return [float(v) for v in _NUMBER.findall(text or "")]


def multiply(a: Matrix, b: Matrix) -> Matrix:
    a1, b1, c1, d1, e1, f1 = a
    a2, b2, c2, d2, e2, f2 = b
    return (
        a1 * a2 + c1 * b2,
        b1 * a2 + d1 * b2,
        a1 * c2 + c1 * d2,
        b1 * c2 + d1 * d2,
        a1 * e2 + c1 * f2 + e1,
        b1 * e2 + d1 * f2 + f1,
    )


def _one_transform(name: str, v: list[float]) -> Matrix | None:
    if name == "translate" and v:
        return (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
    if name == "scale" and v:
        return (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
    if name == "matrix" and len(v) >= 6:
        return (v[0], v[1], v[2], v[3], v[4], v[5])
    if name == "rotate" and v:
        r = math.radians(v[0])
        turn: Matrix = (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0.0, 0.0)
        if len(v) == 3:
            there: Matrix = (1.0, 0.0, 0.0, 1.0, v[1], v[2])
            back: Matrix = (1.0, 0.0, 0.0, 1.0, -v[1], -v[2])
            turn = multiply(multiply(there, turn), back)
        return turn
    return None  # skewX/skewY and unknown names: flowgen never writes them; read as no transform


def parse_transform(text: str | None) -> Matrix:
    """The matrix of an SVG ``transform`` list."""
    m = IDENTITY
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", text or ""):
        one = _one_transform(name, numbers(args))
        if one is not None:
            m = multiply(m, one)
    return m


def apply(m: Matrix, x: float, y: float) -> Point:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


class Matrices:
    """The transforms from elements' own units to the page's, for one document (each element's worked out once)."""

    def __init__(self) -> None:
        self._known: dict[etree._Element, Matrix] = {}  # keys keep lxml's proxies alive, so they stay the same

    def of(self, element: etree._Element) -> Matrix:
        """An element's own ``transform`` after every ancestor's."""
        known = self._known.get(element)
        if known is None:
            parent = element.getparent()
            base = IDENTITY if parent is None else self.of(parent)
            own = element.get("transform")
            known = multiply(base, parse_transform(own)) if own else base
            self._known[element] = known
        return known

    def points(self, element: etree._Element) -> list[Point]:
        """A shape's outline points on the page."""
        m = self.of(element)
        drawn = shape_points(element)
        return drawn if m == IDENTITY else [apply(m, x, y) for x, y in drawn]


class _PathReader:
    """Walks the tokens of a path's ``d``, keeping the pen and the points drawn."""

    def __init__(self, d: str):
        self.tokens: list[str] = _PATH_TOKEN.findall(d or "")
        self.i = 0
        self.pen: Point = (0.0, 0.0)
        self.start: Point = (0.0, 0.0)
        self.control: Point | None = None  # the last cubic's second control point (for S)
        self.points: list[Point] = []

    def take(self, count: int) -> list[float]:
        values = [float(t) for t in self.tokens[self.i : self.i + count] if not t.isalpha()]
        self.i += count
        if len(values) < count:
            raise ValueError("a path command without enough numbers")
        return values

    def to(self, point: Point) -> None:
        self.pen = point
        self.points.append(point)

    def curve(self, c1: Point, c2: Point, end: Point) -> None:
        self.points += bezier(self.pen, c1, c2, end)
        self.pen = end

    def read(self) -> list[Point]:
        command: str | None = None
        while self.i < len(self.tokens):
            token = self.tokens[self.i]
            if token.isalpha():
                command = token
                self.i += 1
                if command in "Zz":
                    self.to(self.start)
                    continue
            if command is None:
                break
            try:
                command = self.step(command)
            except ValueError:  # a truncated path: keep what was drawn
                break
        return self.points

    def step(self, command: str) -> str:
        """Draw one command's worth of numbers; return the command that implicitly follows."""
        ox, oy = self.pen if command.islower() else (0.0, 0.0)
        kind = command.upper()
        if kind != "C" and kind != "S":
            self.control = None
        if kind == "M":
            x, y = self.take(2)
            self.to((ox + x, oy + y))
            self.start = self.pen
            return "l" if command.islower() else "L"
        draw = _DRAW.get(kind)
        if draw is None:  # numbers after a Z: not SVG; skip them
            self.i += 1
        else:
            draw(self, ox, oy)
        return command


def _line(r: _PathReader, ox: float, oy: float) -> None:
    x, y = r.take(2)
    r.to((ox + x, oy + y))


def _horizontal(r: _PathReader, ox: float, oy: float) -> None:
    (x,) = r.take(1)
    r.to((ox + x, r.pen[1]))


def _vertical(r: _PathReader, ox: float, oy: float) -> None:
    (y,) = r.take(1)
    r.to((r.pen[0], oy + y))


def _cubic(r: _PathReader, ox: float, oy: float) -> None:
    v = r.take(6)
    c2 = (ox + v[2], oy + v[3])
    r.curve((ox + v[0], oy + v[1]), c2, (ox + v[4], oy + v[5]))
    r.control = c2


def _smooth(r: _PathReader, ox: float, oy: float) -> None:
    v = r.take(4)
    c1 = (2 * r.pen[0] - r.control[0], 2 * r.pen[1] - r.control[1]) if r.control else r.pen
    c2 = (ox + v[0], oy + v[1])
    r.curve(c1, c2, (ox + v[2], oy + v[3]))
    r.control = c2


def _quadratic(r: _PathReader, ox: float, oy: float) -> None:
    v = r.take(4)
    (qx, qy), end = (ox + v[0], oy + v[1]), (ox + v[2], oy + v[3])
    c1 = (r.pen[0] + 2 / 3 * (qx - r.pen[0]), r.pen[1] + 2 / 3 * (qy - r.pen[1]))
    c2 = (end[0] + 2 / 3 * (qx - end[0]), end[1] + 2 / 3 * (qy - end[1]))
    r.curve(c1, c2, end)


def _smooth_quadratic(r: _PathReader, ox: float, oy: float) -> None:
    x, y = r.take(2)  # read as a straight piece: flowgen never writes T
    r.to((ox + x, oy + y))


def _arc(r: _PathReader, ox: float, oy: float) -> None:
    v = r.take(7)  # only the end point: flowgen never writes arcs in arrows or outlines
    r.to((ox + v[5], oy + v[6]))


_DRAW: dict[str, Callable[[_PathReader, float, float], None]] = {
    "L": _line,
    "H": _horizontal,
    "V": _vertical,
    "C": _cubic,
    "S": _smooth,
    "Q": _quadratic,
    "T": _smooth_quadratic,
    "A": _arc,
}


def path_points(d: str) -> list[Point]:
    """Points along a path (curves sampled), in the path's own units."""
    return _PathReader(d).read()


def _round_points(cx: float, cy: float, rx: float, ry: float) -> list[Point]:
    return [(cx + rx * math.cos(a / 8 * math.pi), cy + ry * math.sin(a / 8 * math.pi)) for a in range(16)]


def shape_points(element: etree._Element) -> list[Point]:
    """The outline points of a shape element in its own units (empty for anything else)."""
    tag = localname(element)

    def get(name: str) -> float:
        return number(element.get(name))

    if tag == "rect":
        x, y, w, h = get("x"), get("y"), get("width"), get("height")
        return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    if tag in ("polygon", "polyline"):
        values = numbers(element.get("points"))
        return list(zip(values[0::2], values[1::2]))
    if tag == "path":
        return path_points(element.get("d") or "")
    if tag == "ellipse":
        return _round_points(get("cx"), get("cy"), get("rx"), get("ry"))
    if tag == "circle":
        return _round_points(get("cx"), get("cy"), get("r"), get("r"))
    if tag == "line":
        return [(get("x1"), get("y1")), (get("x2"), get("y2"))]
    return []


@functools.lru_cache(maxsize=16)
def _style_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?:^|;)\s*" + re.escape(name) + r"\s*:\s*([^;]+)")


def style_property(element: etree._Element | None, name: str) -> str | None:
    """A presentation attribute or ``style`` property, inherited from the nearest ancestor that sets it."""
    while element is not None:
        value = element.get(name)
        style = element.get("style") if value is None else None
        if style:
            found = _style_pattern(name).search(style)
            value = found.group(1).strip() if found else None
        if value is not None:
            return value
        element = element.getparent()
    return None
