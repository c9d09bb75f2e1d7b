"""The flowchart as a draw.io (diagrams.net) file: an editable mxGraph diagram of flowgen's own layout.

Nothing is laid out again here: every lane, symbol, arrow and label sits
where :func:`flowgen.layout.flowchart.place.layout_flowchart` put it, so the
file opens in draw.io looking like flowgen's drawing, and a process designer
can then move things with draw.io's own tools.  The structure follows what
draw.io itself writes for a swimlane diagram:

- one ``pool`` container (a ``swimlane`` without a header) holding one
  ``swimlane`` cell per actor, in declared order; each lane's header is its
  ``startSize`` (on top when lanes are columns, on the left when rows);
- every symbol a vertex *inside* its lane (geometry relative to the lane, so
  dragging a lane takes its steps along), in the draw.io shape of its kind:
  a rounded terminator, a rectangle, a rhombus, an off-page connector;
- every arrow an edge between the two symbols, its bends as waypoints, its
  ends pinned (``exitX``/``entryX``) where flowgen's arrow leaves and meets
  the symbols, its label the edge's value moved to flowgen's label spot;
- a joint step's tie a plain edge without a head.

Texts are written as plain text (``html=0``) with flowgen's line breaks, so
nothing in a step's text can be read as markup.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from lxml import etree

from flowgen.layout.flowchart.types import FlowchartLayout, Lane, Part, Route
from flowgen.layout.geometry import Box, Point, points_of
from flowgen.model.types import StepKind
from flowgen.style.resolve import ResolvedStyle

AGENT = "flowgen"
SHAPES = {
    StepKind.START: "rounded=1;arcSize=50;",
    StepKind.END: "rounded=1;arcSize=50;",
    StepKind.ACTIVITY: "rounded=0;",
    StepKind.DECISION: "rhombus;",
    StepKind.CONNECTOR: "shape=offPageConnector;size=0.38;",
}


def _as(role: str) -> dict[str, str]:
    return {"as": role}


def _n(value: float) -> str:
    """A number as draw.io writes it: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _geometry(parent: etree._Element, x: float, y: float, w: float, h: float) -> etree._Element:
    attrs = {"x": _n(x), "y": _n(y), "width": _n(w), "height": _n(h), "as": "geometry"}
    return etree.SubElement(parent, "mxGeometry", attrs)


def _colors(fill: str | None, stroke: str | None) -> str:
    return f"fillColor={fill or 'none'};strokeColor={stroke or 'none'};"


def lane_id(lane: Lane) -> str:
    return f"lane-{lane.index}"


def part_id(part: Part) -> str:
    return f"step-{part.step}-{part.part}"


def _lanes(root: etree._Element, layout: FlowchartLayout, style: ResolvedStyle) -> Point:
    """The pool and its lanes; returns the pool's origin (lanes' geometry is relative to it)."""
    x0 = min(lane.box[0] for lane in layout.lanes)
    y0 = min(lane.box[1] for lane in layout.lanes)
    x1 = max(lane.box[2] for lane in layout.lanes)
    y1 = max(lane.box[3] for lane in layout.lanes)
    rows = layout.direction == "lr"
    pool = etree.SubElement(
        root,
        "mxCell",
        id="pool",
        value="",
        style=f"swimlane;startSize=0;horizontal={0 if rows else 1};html=0;collapsible=0;fillColor=none;",
        vertex="1",
        parent="1",
    )
    _geometry(pool, x0, y0, x1 - x0, y1 - y0)
    for lane in layout.lanes:
        header = lane.header
        start = header[2] - header[0] if rows else header[3] - header[1]
        look = style.lane(lane.index)
        text = look.header.text
        cell = etree.SubElement(
            root,
            "mxCell",
            id=lane_id(lane),
            value="\n".join(lane.text.lines),
            style=(
                f"swimlane;html=0;whiteSpace=wrap;collapsible=0;horizontal={0 if rows else 1};"
                f"startSize={_n(start)};{_colors(look.box.fill, look.box.stroke or '#000000')}"
                f"swimlaneFillColor={look.box.fill or 'none'};fontSize={_n(text.size)};"
                f"fontColor={text.color};fontFamily={text.face.family};"
            ),
            vertex="1",
            parent="pool",
        )
        _geometry(cell, lane.box[0] - x0, lane.box[1] - y0, lane.box[2] - lane.box[0], lane.box[3] - lane.box[1])
    return x0, y0


def _parts(root: etree._Element, layout: FlowchartLayout, style: ResolvedStyle) -> None:
    lanes = {lane.index: lane for lane in layout.lanes}
    for part in layout.parts:
        lane = lanes[part.lane]
        s = part.shape
        look = style.step((s.kind.value,))
        cell = etree.SubElement(
            root,
            "mxCell",
            id=part_id(part),
            value="\n".join(part.text.lines),
            style=(
                f"{SHAPES[s.kind]}whiteSpace=wrap;html=0;{_colors(look.box.fill, look.box.stroke or '#000000')}"
                f"fontSize={_n(look.text.size)};fontColor={look.text.color};fontFamily={look.text.face.family};"
            ),
            vertex="1",
            parent=lane_id(lane),
        )
        _geometry(cell, s.x0 - lane.box[0], s.y0 - lane.box[1], s.w, s.h)


def _anchor(box: Box, point: Point) -> tuple[float, float]:
    """Where a point sits on a box, as draw.io's 0..1 fractions of its width and height."""
    w = max(box[2] - box[0], 1e-9)
    h = max(box[3] - box[1], 1e-9)
    fx = min(max((point[0] - box[0]) / w, 0.0), 1.0)
    fy = min(max((point[1] - box[1]) / h, 0.0), 1.0)
    return round(fx, 4), round(fy, 4)


def _middle(points: Sequence[Point]) -> Point:
    """The point half-way along a polyline (where draw.io puts an edge's label by default)."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    half = sum(lengths) / 2
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        if half <= length and length > 0:
            t = half / length
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        half -= length
    return points[-1]


def route_points(route: Route) -> list[Point]:
    """The arrow's points from where it leaves its source to the tip of its head."""
    points = points_of(route.commands)
    if route.head:
        points[-1] = route.head[0]
    return points


def _nearest(parts: Sequence[Part], point: Point) -> Part:
    def distance(part: Part) -> float:
        x0, y0, x1, y1 = part.box
        return math.hypot(max(x0 - point[0], 0, point[0] - x1), max(y0 - point[1], 0, point[1] - y1))

    return min(parts, key=distance)


def _point(parent: etree._Element, point: Point, role: str) -> None:
    etree.SubElement(parent, "mxPoint", {"x": _n(point[0]), "y": _n(point[1]), "as": role})


def _edge(
    root: etree._Element,
    ident: str,
    ends: tuple[Part, Part],
    points: list[Point],
    label: tuple[str, Box | None] | None,
    look: str,
) -> None:
    source, target = ends
    ex, ey = _anchor(source.box, points[0])
    nx, ny = _anchor(target.box, points[-1])
    cell = etree.SubElement(
        root,
        "mxCell",
        id=ident,
        value=label[0] if label else "",
        style=(
            f"edgeStyle=none;rounded=0;html=0;{look}exitX={ex};exitY={ey};exitDx=0;exitDy=0;"
            f"entryX={nx};entryY={ny};entryDx=0;entryDy=0;labelBackgroundColor=#ffffff;"
        ),
        edge="1",
        parent="1",
        source=part_id(source),
        target=part_id(target),
    )
    geometry = etree.SubElement(cell, "mxGeometry", {"relative": "1", "as": "geometry"})
    _point(geometry, points[0], "sourcePoint")
    _point(geometry, points[-1], "targetPoint")
    if len(points) > 2:
        bends = etree.SubElement(geometry, "Array", _as("points"))
        for x, y in points[1:-1]:
            etree.SubElement(bends, "mxPoint", x=_n(x), y=_n(y))
    if label and label[1] is not None:
        box = label[1]
        mx, my = _middle(points)
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        _point(geometry, (cx - mx, cy - my), "offset")


def _routes(root: etree._Element, layout: FlowchartLayout, style: ResolvedStyle) -> None:
    by_step: dict[int, list[Part]] = {}
    for part in layout.parts:
        by_step.setdefault(part.step, []).append(part)
    for number, route in enumerate(layout.routes):
        points = route_points(route)
        ends = (_nearest(by_step[route.source], points[0]), _nearest(by_step[route.target], points[-1]))
        edge = style.edge(route.classes)
        text = edge.label.text
        look = (
            f"endArrow=block;endFill=1;strokeColor={edge.line.stroke or '#000000'};"
            f"strokeWidth={_n(edge.stroke_width)};fontSize={_n(text.size)};fontColor={text.color};"
            f"{'curved=1;' if any(c == 'C' for c, _ in route.commands) else ''}"
        )
        label = (route.label, route.label_box) if route.label and route.label_box else None  # one label per fork
        _edge(root, f"edge-{number}", ends, points, label, look)
    for number, tie in enumerate(layout.ties):
        parts = by_step[tie.step]
        points = list(tie.points)
        ends = (_nearest(parts, points[0]), _nearest(parts, points[-1]))
        _edge(root, f"tie-{number}", ends, points, None, "endArrow=none;strokeColor=#000000;")


def drawio_bytes(layout: FlowchartLayout, style: ResolvedStyle, name: str) -> bytes:
    """The laid-out flowchart as an uncompressed ``.drawio`` file (one page named after the SOP)."""
    mxfile = etree.Element("mxfile", host=AGENT, agent=AGENT, version="24.0.0", type="device")
    diagram = etree.SubElement(mxfile, "diagram", id="flowgen", name=name or "SOP")
    model = etree.SubElement(
        diagram,
        "mxGraphModel",
        dx="0",
        dy="0",
        grid="0",
        gridSize="10",
        guides="1",
        tooltips="1",
        connect="1",
        arrows="1",
        fold="1",
        page="1",
        pageScale="1",
        pageWidth=_n(layout.width),
        pageHeight=_n(layout.height),
        math="0",
        shadow="0",
    )
    root = etree.SubElement(model, "root")
    etree.SubElement(root, "mxCell", id="0")
    etree.SubElement(root, "mxCell", id="1", parent="0")
    if layout.title is not None and layout.title_box is not None:
        box = layout.title_box
        title = style.title.text
        cell = etree.SubElement(
            root,
            "mxCell",
            id="title",
            value="\n".join(layout.title.lines),
            style=f"text;html=0;align=center;verticalAlign=middle;fontStyle=1;fontSize={_n(title.size)};",
            vertex="1",
            parent="1",
        )
        _geometry(cell, box[0], box[1], box[2] - box[0], box[3] - box[1])
    _lanes(root, layout, style)
    _parts(root, layout, style)
    _routes(root, layout, style)
    return bytes(etree.tostring(mxfile, xml_declaration=True, encoding="UTF-8", pretty_print=True))
