"""Reading flowgen's semantic SVG into a drawing the rules measure: lanes, steps, arrows, cells, numbers.

The rules read only what the SVG says, never flowgen's intentions: the
semantic groups (``fg-lane``, ``fg-step``, ``fg-edge``, ``fg-cell``,
``fg-number``) with their ``data-*`` attributes, the shapes and text lines
each group owns (a nested semantic group owns its own), and every painted
shape or text for the paper rule.  So a drawing produced by another program,
or edited by hand, is checked the same way as flowgen's own.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from lxml import etree

from flowgen.drawcheck.plane import Box, Point, Polygon, Segment
from flowgen.drawcheck.svgshapes import SHAPES, SVG, Matrices, localname, numbers
from flowgen.drawcheck.textlines import TextLine, TextMeasurer

KINDS = ("fg-lane", "fg-step", "fg-edge", "fg-cell")  # groups that own shapes and text
NUMBER = "fg-number"  # a step-number badge
FORMS = ("flowchart", "lampiran")
DOCUMENT_FORMS = ("book", "monev")  # pages of cells and text only (the book's own pages, the monev forms)
LINES = ("path", "polyline", "line")  # an arrow's line; its polygons are heads


@dataclass(frozen=True)
class Group:
    """One semantic group: its attributes, outline, text lines and (for an arrow) its line and heads."""

    kind: str  # one of KINDS or NUMBER
    attrs: Mapping[str, str]
    box: Box | None = None  # a lane or cell: its largest shape; a step: all its shapes; a badge: its circle
    parts: tuple[Box, ...] = ()  # a step's separate shapes (a joint step has one per lane)
    polygon: Polygon = ()  # a step whose largest shape is a polygon (a decision's diamond)
    texts: tuple[TextLine, ...] = ()
    title: str | None = None  # the whole unwrapped text, when the group carries it
    points: tuple[Point, ...] = ()  # an arrow's line points, in drawing order
    lines: tuple[Segment, ...] = ()  # an arrow's line segments
    heads: tuple[Polygon, ...] = ()  # an arrow's head polygons

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    @property
    def step(self) -> str | None:
        return self.attrs.get("data-step")

    @property
    def step_kind(self) -> str | None:
        return self.attrs.get("data-kind")

    @property
    def source(self) -> str | None:
        return self.attrs.get("data-from")

    @property
    def target(self) -> str | None:
        return self.attrs.get("data-to")

    @property
    def actors(self) -> list[str]:
        return (self.attrs.get("data-actors") or "").split()

    @property
    def arrow(self) -> str:
        """An arrow's name in messages: ``from->to``."""
        return f"{self.source}->{self.target}"

    def shapes(self) -> tuple[Box, ...]:
        """The boxes other things must keep off: a step's separate shapes, else its whole box."""
        return self.parts or ((self.box,) if self.box else ())


@dataclass(frozen=True)
class Ink:
    """Something painted on the page (for the paper rule): what it is and the box it covers."""

    what: str
    box: Box


@dataclass(frozen=True)
class Drawing:
    """One page of semantic SVG as the rules see it."""

    form: str | None  # data-flowgen-form of the root (None when absent)
    sheet: str | None  # data-sheet of a lampiran page (identitas, tabel)
    paper: Box | None  # the viewBox
    lanes: tuple[Group, ...]
    steps: tuple[Group, ...]
    edges: tuple[Group, ...]
    cells: tuple[Group, ...]
    numbers: tuple[Group, ...]
    ink: tuple[Ink, ...] | None = field(default=None, repr=False)  # None: not read (``ink=False``)
    problem: str | None = None  # why this is no flowgen drawing (None when it is one)

    @functools.cached_property
    def placed_steps(self) -> tuple[Group, ...]:
        """Steps that have a shape (the others are a fault of their own)."""
        return tuple(s for s in self.steps if s.box is not None)

    @functools.cached_property
    def by_step(self) -> dict[str, Group]:
        """Placed steps by number (on a table page an off-page connector answers to its step's number)."""
        return {s.step: s for s in self.placed_steps if s.step is not None}

    @functools.cached_property
    def lined_edges(self) -> tuple[Group, ...]:
        """Arrows that draw a line."""
        return tuple(e for e in self.edges if e.lines)

    @functools.cached_property
    def borders(self) -> tuple[tuple[str, float, float, float], ...]:
        """The table lines or lane borders: ``("h", y, x0, x1)`` and ``("v", x, y0, y1)``, without repeats."""
        raw: set[tuple[str, float, float, float]] = set()
        for b in [c.box for c in self.cells if c.box] + [lane.box for lane in self.lanes if lane.box]:
            raw.add(("h", round(b.y0, 1), round(b.x0, 1), round(b.x1, 1)))
            raw.add(("h", round(b.y1, 1), round(b.x0, 1), round(b.x1, 1)))
            raw.add(("v", round(b.x0, 1), round(b.y0, 1), round(b.y1, 1)))
            raw.add(("v", round(b.x1, 1), round(b.y0, 1), round(b.y1, 1)))
        return tuple(sorted(raw))


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def _own(group: etree._Element) -> list[etree._Element]:
    """Descendants of a group that do not belong to a nested semantic group."""
    found: list[etree._Element] = []
    for child in group:
        if not isinstance(child.tag, str) or _classes(child) & set(KINDS):
            continue
        found.append(child)
        found += _own(child)
    return found


Drawn = list[tuple[etree._Element, list[Point]]]  # shapes with their page points (shapes that draw nothing left out)


class _Reader:
    """Reads the groups of one document: page transforms and text lines, each worked out once."""

    def __init__(self, measurer: TextMeasurer):
        self.measurer = measurer
        self.matrices = Matrices()
        self._lines: dict[etree._Element, list[TextLine]] = {}

    def lines(self, text: etree._Element) -> list[TextLine]:
        if text not in self._lines:
            self._lines[text] = self.measurer.lines(text, self.matrices)
        return self._lines[text]

    def drawn(self, shapes: list[etree._Element]) -> Drawn:
        return [(s, points) for s in shapes if (points := self.matrices.points(s))]

    def group(self, g: etree._Element, kind: str) -> Group:
        own = _own(g)
        shapes = self.drawn([e for e in own if localname(e) in SHAPES])
        texts = tuple(line for e in own if localname(e) == "text" for line in self.lines(e))
        title_element = g.find(f"{SVG}title")
        title = None if title_element is None else "".join(str(t) for t in title_element.itertext())
        base = Group(kind, {str(k): str(v) for k, v in g.attrib.items()}, texts=texts, title=title)
        if kind == "fg-edge":
            points, lines, heads = _arrow(shapes)
            return replace(base, points=points, lines=lines, heads=heads)
        box, parts, polygon = _outline(kind, shapes)
        return replace(base, box=box, parts=parts, polygon=polygon)

    def badge(self, g: etree._Element) -> Group:
        """A step-number badge: its box is its circle (or rect or ellipse), whatever else it holds."""
        rounds = [e for e in g.iter() if isinstance(e.tag, str) and localname(e) in ("circle", "rect", "ellipse")]
        points = [p for _, drawn in self.drawn(rounds) for p in drawn]
        texts = tuple(line for e in g.iter(f"{SVG}text") for line in self.lines(e))
        attrs = {str(k): str(v) for k, v in g.attrib.items()}
        return Group(NUMBER, attrs, box=Box.of(points) if points else None, texts=texts)

    def ink(self, root: etree._Element) -> list[Ink]:
        """Every painted shape and text line (the page background left out)."""
        found: list[Ink] = []
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            tag = localname(element)
            if tag in SHAPES and "fg-background" not in _classes(element):
                points = self.matrices.points(element)
                if points:
                    found.append(Ink("shape", Box.of(points)))
            elif tag == "text":
                found += [Ink(f"text '{line.content[:30]}'", line.box) for line in self.lines(element)]
        return found


def _outline(kind: str, shapes: Drawn) -> tuple[Box | None, tuple[Box, ...], Polygon]:
    """Box, separate parts and polygon of a lane, cell or step, from its own shapes."""
    if not shapes:
        return None, (), ()
    boxes = [(Box.of(points), s, points) for s, points in shapes]
    largest = max(boxes, key=lambda b: b[0].area)
    if kind in ("fg-lane", "fg-cell"):
        return largest[0], (), ()  # the outline is the largest shape (a lane's header is a smaller one)
    outline = Box.of(p for _, points in shapes for p in points)
    parts = tuple(box for box, s, _ in boxes if localname(s) not in ("line", "polyline"))
    polygon = tuple(largest[2]) if localname(largest[1]) == "polygon" else ()
    return outline, parts, polygon


def _arrow(shapes: Drawn) -> tuple[Polygon, tuple[Segment, ...], tuple[Polygon, ...]]:
    """An arrow's points and segments (each line shape on its own) and its head polygons."""
    points: list[Point] = []
    lines: list[Segment] = []
    heads: list[Polygon] = []
    for shape, drawn in shapes:
        if localname(shape) in LINES:
            points += drawn
            lines += itertools.pairwise(drawn)
        elif localname(shape) == "polygon":
            heads.append(tuple(drawn))
    return tuple(points), tuple(lines), tuple(heads)


def _paper(root: etree._Element) -> Box | None:
    box = numbers(root.get("viewBox"))
    return Box(box[0], box[1], box[0] + box[2], box[1] + box[3]) if len(box) == 4 else None


def _groups(root: etree._Element, reader: _Reader) -> dict[str, list[Group]]:
    found: dict[str, list[Group]] = {name: [] for name in (*KINDS, NUMBER)}
    for g in root.iter(f"{SVG}g"):
        classes = _classes(g)
        if NUMBER in classes:
            badge = reader.badge(g)
            if badge.box is not None:
                found[NUMBER].append(badge)
            continue
        kind = next((k for k in KINDS if k in classes), None)
        if kind is not None:
            found[kind].append(reader.group(g, kind))
    return found


def _problem(root: etree._Element, found: Mapping[str, list[Group]]) -> str | None:
    """Why this SVG is no flowgen drawing, or None: a check of nothing must not read as a clean page."""
    if root.tag != f"{SVG}svg":
        return "the document is not an SVG drawing"
    form = root.get("data-flowgen-form")
    if form not in FORMS + DOCUMENT_FORMS:
        return "the SVG has no data-flowgen-form of flowchart, lampiran, book or monev"
    needed = ["fg-lane", "fg-step"] if form == "flowchart" else ["fg-cell"]
    if form == "lampiran" and root.get("data-sheet") != "identitas":
        needed.append("fg-step")
    missing = [kind for kind in needed if not found[kind]]
    if missing:
        return f"the {form} has no {' and no '.join(missing)} group (are the semantic classes renamed?)"
    return None


def read_drawing(data: bytes | str, measurer: TextMeasurer | None = None, *, ink: bool = True) -> Drawing:
    """Read one page of semantic SVG; an unreadable or foreign document comes back with its ``problem``.

    ``ink=False`` leaves out the list of everything painted (only the paper rule reads it, and it is
    the slowest part of reading).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        return Drawing(None, None, None, (), (), (), (), (), problem=f"the document is not XML ({error})")
    reader = _Reader(measurer or TextMeasurer())
    found = _groups(root, reader)
    return Drawing(
        form=root.get("data-flowgen-form"),
        sheet=root.get("data-sheet"),
        paper=_paper(root),
        lanes=tuple(found["fg-lane"]),
        steps=tuple(found["fg-step"]),
        edges=tuple(found["fg-edge"]),
        cells=tuple(found["fg-cell"]),
        numbers=tuple(found[NUMBER]),
        ink=tuple(reader.ink(root)) if ink else None,
        problem=_problem(root, found),
    )
