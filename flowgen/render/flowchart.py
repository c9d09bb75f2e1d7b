"""The flowchart as a scene: lanes, symbols, arrows and labels with their semantic groups.

Every visual value comes from the resolved style; every position from the
layout.  The groups carry the classes and ``data-*`` attributes of the
semantic SVG (``fg-lane``, ``fg-step``, ``fg-edge``) that designers,
pipelines and the geometry checks read.
"""

from __future__ import annotations

from flowgen.layout.flowchart.types import FlowchartLayout, Lane, Part, Route, Tie
from flowgen.layout.symbols import DIAMOND_TEXT_SHARE, FittedText, step_classes
from flowgen.model.types import Procedure, StepKind
from flowgen.render.scene import Circle, Group, Item, Line, Page, Paint, Polygon, Rect, Text, TextLine
from flowgen.style.resolve import BoxStyle, ResolvedStyle, TextStyle
from flowgen.text import baselines, clean, measure


def paint(box: BoxStyle) -> Paint:
    return Paint(box.fill, box.stroke, box.stroke_width, box.dash)


def text_block(fitted: FittedText, style: TextStyle, x0: float, x1: float, top: float) -> Text:
    """Lines of a fitted text, aligned as the style says between x0 and x1, first line's top at ``top``."""
    if style.align == "left":
        x, anchor = x0, "start"
    elif style.align == "right":
        x, anchor = x1, "end"
    else:
        x, anchor = (x0 + x1) / 2, "middle"
    ys = baselines(len(fitted.lines), top, style.size, style.line_height)
    return Text(
        tuple(TextLine(x, y, line) for line, y in zip(fitted.lines, ys)), style.face, style.size, style.color, anchor
    )


def _lane(lane: Lane, style: ResolvedStyle) -> Group:
    body = style.lane(lane.index).box
    head = style.lane(lane.index).header.box
    head_text = style.lane(lane.index).header.text
    x0, y0, x1, y1 = lane.box
    hx0, hy0, hx1, hy1 = lane.header
    pad = head.padding
    top = (hy0 + hy1) / 2 - lane.text.height / 2
    children: tuple[Item, ...] = (  # outlines only: the fills lie underneath every lane (see _fills)
        Rect(x0, y0, x1 - x0, y1 - y0, Paint(None, body.stroke, body.stroke_width, body.dash)),
        Rect(hx0, hy0, hx1 - hx0, hy1 - hy0, Paint(None, head.stroke, head.stroke_width, head.dash)),
        text_block(lane.text, head_text, hx0 + pad[3], hx1 - pad[1], top),
    )
    return Group(children, "fg-lane", (("data-actor", lane.key), ("data-index", str(lane.index))), lane.text.whole)


def _fills(lanes: tuple[Lane, ...], style: ResolvedStyle) -> Group:
    """Every lane's and lane header's fill, laid first, so no fill covers a neighbour's outline."""
    items: list[Item] = []
    for lane in lanes:
        for element, (x0, y0, x1, y1) in (("lane", lane.box), ("lane-header", lane.header)):
            fill = style.box(element, (), lane.index).fill
            if fill:
                items.append(Rect(x0, y0, x1 - x0, y1 - y0, Paint(fill)))
    return Group(tuple(items), "fg-fills")


def _symbol(part: Part, box: BoxStyle) -> Item:
    s = part.shape
    if s.kind is StepKind.DECISION or s.kind is StepKind.CONNECTOR:
        return Polygon(tuple(s.polygon()), paint(box))
    radius = s.radius if s.kind.is_terminator else box.radius
    return Rect(s.x0, s.y0, s.w, s.h, paint(box), radius)


def _part(part: Part, classes: tuple[str, ...], style: ResolvedStyle) -> list[Item]:
    s = part.shape
    box = style.step(classes).box
    text_style = style.step(classes).text
    items: list[Item] = [_symbol(part, box)]
    pad_t, pad_r, _pad_b, pad_l = box.padding
    if s.kind is StepKind.DECISION:
        inner_x0, inner_x1 = s.x - s.w * (DIAMOND_TEXT_SHARE / 2), s.x + s.w * (DIAMOND_TEXT_SHARE / 2)
    elif s.kind.is_terminator:
        inner_x0, inner_x1 = s.x0 + max(pad_l, s.h / 2 * 0.75), s.x1 - max(pad_r, s.h / 2 * 0.75)
    else:
        inner_x0, inner_x1 = s.x0 + pad_l, s.x1 - pad_r
    gap = pad_t if part.detail is not None and s.kind is StepKind.ACTIVITY else 2.0
    total = part.text.height + ((part.detail.height + gap) if part.detail is not None else 0.0)
    top = s.y - total / 2
    items.append(text_block(part.text, text_style, inner_x0, inner_x1, top))
    if part.detail is not None:
        detail_style = style.step(classes).detail.text
        detail_top = top + part.text.height + gap
        if s.kind is StepKind.ACTIVITY:
            line_y = detail_top - gap / 2
            items.append(
                Line((("M", (s.x0, line_y)), ("L", (s.x1, line_y))), Paint(None, box.stroke, box.stroke_width / 2))
            )
        items.append(text_block(part.detail, detail_style, inner_x0, inner_x1, detail_top))
    return items


def _badge(part: Part, classes: tuple[str, ...], style: ResolvedStyle) -> Group | None:
    """The step number beside the symbol, as its own group (it is not part of the symbol's outline)."""
    badge = part.badge
    if badge is None:
        return None
    number_box = style.step(classes).number.box
    number_text = style.step(classes).number.text
    baseline = badge.y + number_text.size * 0.35
    children: tuple[Item, ...] = (
        Circle(badge.x, badge.y, badge.r, paint(number_box)),
        Text(
            (TextLine(badge.x, baseline, badge.text),), number_text.face, number_text.size, number_text.color, "middle"
        ),
    )
    return Group(children, "fg-number", (("data-step", str(part.step)), ("data-part", str(part.part))))


def _tie(tie: Tie, box: BoxStyle) -> list[Item]:
    points = tie.points
    return [
        Line((("M", points[i]), ("L", points[i + 1])), Paint(None, box.stroke, box.stroke_width))
        for i in range(0, len(points) - 1, 2)
    ]


def _edge(route: Route, style: ResolvedStyle) -> Group:
    classes = route.classes
    line = style.edge(classes).line
    stroke = Paint(None, line.stroke, line.stroke_width, line.dash)
    children: list[Item] = [Line(route.commands, stroke), Polygon(route.head, Paint(line.stroke, line.stroke, 0.5))]
    attrs = [("data-from", str(route.source)), ("data-to", str(route.target))]
    if route.label and route.label_box:
        label_box = style.edge(classes).label.box
        label_text = style.edge(classes).label.text
        x0, y0, x1, y1 = route.label_box
        children.append(Rect(x0, y0, x1 - x0, y1 - y0, Paint(label_box.fill, label_box.stroke, label_box.stroke_width)))
        pad = label_box.padding
        width = measure(label_text.face, label_text.size, route.label)
        x = x0 + pad[3] + width / 2
        baseline = baselines(1, y0 + pad[0], label_text.size, label_text.line_height)[0]
        children.append(
            Text((TextLine(x, baseline, route.label),), label_text.face, label_text.size, label_text.color, "middle")
        )
    if route.label:  # an arrow joining a forking branch's trunk draws no label but still carries it
        attrs.append(("data-label", route.label))
    cls = " ".join(("fg-edge", *classes))
    return Group(tuple(children), cls, tuple(attrs), route.label if route.label and route.label_box else None)


def flowchart_scene(layout: FlowchartLayout, procedure: Procedure, style: ResolvedStyle) -> Page:
    """The flowchart page: background, title, lanes, arrows, then symbols on top."""
    items: list[Item] = []
    if layout.title is not None and layout.title_box is not None:
        title_style = style.title.text
        x0, y0, x1, _ = layout.title_box
        pad = style.title.box.padding
        items.append(Group((text_block(layout.title, title_style, x0, x1, y0 + pad[0]),), "fg-title"))
    items.append(_fills(layout.lanes, style))
    items += [_lane(lane, style) for lane in layout.lanes]
    items += [_edge(route, style) for route in layout.routes]
    parts_of: dict[int, list[Part]] = {}
    for part in layout.parts:
        parts_of.setdefault(part.step, []).append(part)
    ties = {tie.step: tie for tie in layout.ties}
    for step in procedure.steps:
        classes = step_classes(step)
        children: list[Item] = []
        if step.number in ties:
            children += _tie(ties[step.number], style.step(classes).box)
        for part in sorted(parts_of[step.number], key=lambda p: p.part):
            children += _part(part, classes, style)
        attrs = (
            ("data-step", str(step.number)),
            ("data-kind", step.kind.value),
            ("data-actors", " ".join(step.actors)),
        )
        first = parts_of[step.number][0]  # its text as drawn ("Mulai" for a terminator without text), unwrapped
        number = procedure.shown_number(step.number)  # as the badge prints it ("" for an unnumbered row)
        title = (f"{number}. " if number else "") + first.text.whole
        title += f" {first.detail.whole}" if first.detail is not None else ""
        items.append(Group(tuple(children), "fg-step", attrs, title))
        for part in sorted(parts_of[step.number], key=lambda p: p.part):
            badge = _badge(part, classes, style)
            if badge is not None:
                items.append(badge)
    page_attrs = (
        ("data-flowgen-form", "flowchart"),
        ("data-direction", layout.direction),
        ("data-steps", str(len(procedure.steps))),
    )
    background = style.flowchart.fill
    return Page(
        layout.width,
        layout.height,
        Group(tuple(items)),
        " ".join(clean(procedure.identity.title).split()) or "flowchart",  # the document title: one line
        page_attrs,
        background,
        style.document.language,
    )
