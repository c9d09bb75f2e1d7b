"""The scene: pages of drawing primitives that every painter understands.

Both forms (flowchart and lampiran) are turned into a :class:`Page` of these
primitives, with every paint value concrete and every text already laid out
in lines.  The SVG, PNG and PDF painters only translate primitives, so the
three outputs of a form cannot drift apart.  Groups carry the semantic class
and ``data-*`` attributes that designers, pipelines and tests read.

Coordinates are points (1/72 inch), origin top left, y downwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Union

from flowgen.text import FontFace

Point = tuple[float, float]


@dataclass(frozen=True)
class Paint:
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.0
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    paint: Paint
    radius: float = 0.0


@dataclass(frozen=True)
class Polygon:
    points: tuple[Point, ...]
    paint: Paint


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    paint: Paint


@dataclass(frozen=True)
class Line:
    """An open line: ``M``/``L`` points, or cubic Béziers (``C`` with two control points)."""

    commands: tuple[tuple[str, tuple[float, ...]], ...]
    paint: Paint

    def points(self) -> Iterator[Point]:
        for _, args in self.commands:
            for i in range(0, len(args), 2):
                yield (args[i], args[i + 1])


@dataclass(frozen=True)
class TextLine:
    x: float
    y: float  # baseline
    text: str


@dataclass(frozen=True)
class Text:
    lines: tuple[TextLine, ...]
    face: FontFace
    size: float
    color: str
    anchor: str = "middle"  # start | middle | end


@dataclass(frozen=True)
class Image:
    x: float
    y: float
    w: float
    h: float
    file: str  # a PNG or JPEG file


@dataclass(frozen=True)
class Group:
    children: tuple[Item, ...]
    cls: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()
    title: str | None = None


Item = Union[Rect, Polygon, Circle, Line, Text, Image, Group]  # noqa: UP007 (a runtime alias of forward refs)


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    root: Group
    title: str
    attrs: tuple[tuple[str, str], ...] = ()
    background: str | None = "#ffffff"
    language: str = "id"


@dataclass(frozen=True)
class Document:
    """Pages in order (for the PDF) with the document's metadata."""

    pages: tuple[Page, ...]
    title: str
    subject: str = ""
    keywords: tuple[str, ...] = field(default=())


def walk(item: Item) -> Iterator[Item]:
    """Every primitive under an item, depth first, groups included."""
    yield item
    if isinstance(item, Group):
        for child in item.children:
            yield from walk(child)


def bounds(item: Item) -> tuple[float, float, float, float] | None:
    """x0, y0, x1, y1 of a primitive's geometry (text excluded: it is measured by the layouts)."""
    if isinstance(item, (Rect, Image)):
        return (item.x, item.y, item.x + item.w, item.y + item.h)
    if isinstance(item, Circle):
        return (item.cx - item.r, item.cy - item.r, item.cx + item.r, item.cy + item.r)
    if isinstance(item, Polygon):
        xs = [p[0] for p in item.points]
        ys = [p[1] for p in item.points]
        return (min(xs), min(ys), max(xs), max(ys))
    if isinstance(item, Line):
        pts = list(item.points())
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        return (min(xs), min(ys), max(xs), max(ys))
    if isinstance(item, Text):
        return None
    boxes = [b for child in item.children if (b := bounds(child)) is not None]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def colors(page: Page) -> set[str]:
    """Every colour a page uses (painters pick grayscale output when all are grays)."""
    found: set[str] = set()
    if page.background:
        found.add(page.background)
    for item in walk(page.root):
        paint = getattr(item, "paint", None)
        if paint is not None:
            found.update(c for c in (paint.fill, paint.stroke) if c)
        if isinstance(item, Text):
            found.add(item.color)
        if isinstance(item, Image):
            found.add("#image")
    return found
