"""SVG painter: a scene page to semantic, deterministic SVG (lxml).

Text from a procedure is data: lxml escapes it, and it only ever becomes the
content of ``<text>``/``<tspan>``/``<title>`` elements or the value of
``data-*`` attributes, so nothing written in a .pos file can add an element
or an attribute.  Numbers are printed with at most two decimals and ids are
never generated, so the same scene always gives the same bytes.
"""

from __future__ import annotations

import base64
from pathlib import Path as FilePath

from lxml import etree

from flowgen.render.scene import Circle, Group, Image, Item, Line, Page, Paint, Polygon, Rect, Text

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
NSMAP = {None: SVG_NS, "xlink": XLINK_NS}


def num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _paint(element: etree._Element, paint: Paint) -> None:
    element.set("fill", paint.fill or "none")
    if paint.stroke and paint.stroke_width > 0:
        element.set("stroke", paint.stroke)
        element.set("stroke-width", num(paint.stroke_width))
        if paint.dash:
            element.set("stroke-dasharray", " ".join(num(d) for d in paint.dash))
    else:
        element.set("stroke", "none")


def _sub(parent: etree._Element, tag: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{SVG_NS}}}{tag}")


def _item(parent: etree._Element, item: Item) -> None:
    if isinstance(item, Group):
        group = _sub(parent, "g")
        if item.cls:
            group.set("class", item.cls)
        for key, value in item.attrs:
            group.set(key, value)
        if item.title is not None:
            _sub(group, "title").text = item.title
        for child in item.children:
            _item(group, child)
    elif isinstance(item, Rect):
        rect = _sub(parent, "rect")
        for key, number in {"x": item.x, "y": item.y, "width": item.w, "height": item.h}.items():
            rect.set(key, num(number))
        if item.radius > 0:
            rect.set("rx", num(item.radius))
            rect.set("ry", num(item.radius))
        _paint(rect, item.paint)
    elif isinstance(item, Polygon):
        polygon = _sub(parent, "polygon")
        polygon.set("points", " ".join(f"{num(x)},{num(y)}" for x, y in item.points))
        _paint(polygon, item.paint)
    elif isinstance(item, Circle):
        circle = _sub(parent, "circle")
        for key, number in {"cx": item.cx, "cy": item.cy, "r": item.r}.items():
            circle.set(key, num(number))
        _paint(circle, item.paint)
    elif isinstance(item, Line):
        straight = all(cmd == "L" for cmd, _ in item.commands[1:])
        if straight:  # straight runs as a polyline (semantic readers treat it as a line, not a shape)
            path = _sub(parent, "polyline")
            path.set("points", " ".join(f"{num(args[0])},{num(args[1])}" for _, args in item.commands))
        else:
            path = _sub(parent, "path")
            path.set("d", " ".join(f"{cmd}{' '.join(num(a) for a in args)}" for cmd, args in item.commands))
        _paint(path, Paint(None, item.paint.stroke, item.paint.stroke_width, item.paint.dash))
        path.set("stroke-linejoin", "round")
    elif isinstance(item, Text):
        if not item.lines:
            return
        text = _sub(parent, "text")
        text.set("font-family", item.face.svg_family)
        text.set("font-size", num(item.size))
        if item.face.bold:
            text.set("font-weight", "bold")
        if item.face.italic:
            text.set("font-style", "italic")
        text.set("fill", item.color)
        text.set("text-anchor", item.anchor)
        for line in item.lines:
            span = _sub(text, "tspan")
            span.set("x", num(line.x))
            span.set("y", num(line.y))
            span.text = line.text
    elif isinstance(item, Image):
        image = _sub(parent, "image")
        for key, number in {"x": item.x, "y": item.y, "width": item.w, "height": item.h}.items():
            image.set(key, num(number))
        data = FilePath(item.file).read_bytes()
        mime = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
        image.set(f"{{{XLINK_NS}}}href", f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}")
        image.set("preserveAspectRatio", "xMidYMid meet")


def render_svg(page: Page) -> bytes:
    """The page as an SVG document (UTF-8 bytes)."""
    root = etree.Element(f"{{{SVG_NS}}}svg", nsmap=NSMAP)  # type: ignore[arg-type]  # None is lxml's default namespace
    root.set("version", "1.1")
    root.set("width", f"{num(page.width)}pt")
    root.set("height", f"{num(page.height)}pt")
    root.set("viewBox", f"0 0 {num(page.width)} {num(page.height)}")
    root.set("{http://www.w3.org/XML/1998/namespace}lang", page.language)
    for key, value in page.attrs:
        root.set(key, value)
    _sub(root, "title").text = page.title
    if page.background:
        background = _sub(root, "rect")
        background.set("class", "fg-background")
        background.set("x", "0")
        background.set("y", "0")
        background.set("width", num(page.width))
        background.set("height", num(page.height))
        background.set("fill", page.background)
    for child in page.root.children:
        _item(root, child)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
