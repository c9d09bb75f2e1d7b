"""The lampiran's table pages as scenes: cells, symbols, ties, arrows, connectors, page numbers.

Every cell is its own group (``fg-cell`` with ``data-row``/``data-col``), so
the grid lines are the cells' outlines; the table's outer border is drawn
once more, thicker.  Symbols and arrows carry the same semantic groups as
the flowchart's.
"""

from __future__ import annotations

from flowgen.layout.symbols import CONNECTOR_SHOULDER
from flowgen.layout.table.types import Cell, Symbol, TablePage, TableRoute
from flowgen.model.types import Procedure, StepKind
from flowgen.render.flowchart import paint, text_block
from flowgen.render.scene import Group, Item, Line, Page, Paint, Polygon, Rect, Text, TextLine
from flowgen.style.records import BoxStyle, TextStyle
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import baselines, clean

Looks = dict[tuple[str, tuple[str, ...]], tuple[BoxStyle, TextStyle]]


def _looks(cell: Cell, style: ResolvedStyle, looks: Looks) -> tuple[BoxStyle, TextStyle]:
    """A cell's box and text style, resolved once per element and classes of a page (not per cell)."""
    key = (cell.element, cell.classes)
    found = looks.get(key)
    if found is None:
        found = looks[key] = (style.box(cell.element, cell.classes), style.text(cell.element, cell.classes))
    return found


def cell_group(cell: Cell, style: ResolvedStyle, looks: Looks | None = None) -> Group:
    box, text_style = _looks(cell, style, {} if looks is None else looks)
    x0, y0, x1, y1 = cell.box
    pad = box.padding
    top = y0 + pad[0] if cell.valign == "top" else (y0 + y1) / 2 - cell.text.height / 2
    # the outline only: every cell's fill is laid underneath the whole table first (see table_scene)
    outline = Paint(None, style.table.stroke, style.table.stroke_width)
    children: list[Item] = [Rect(x0, y0, x1 - x0, y1 - y0, outline)]
    if cell.text.indents:  # a list: set left, each line at its own indent
        ys = baselines(len(cell.text.lines), top, text_style.size, text_style.line_height)
        lines = tuple(TextLine(x0 + pad[3] + dx, y, t) for t, dx, y in zip(cell.text.lines, cell.text.indents, ys))
        children.append(Text(lines, text_style.face, text_style.size, text_style.color, "start"))
    elif cell.text.lines:
        children.append(text_block(cell.text, text_style, x0 + pad[3], x1 - pad[1], top))
    title = cell.text.whole if cell.text.lines else None
    return Group(tuple(children), "fg-cell", (("data-row", cell.row), ("data-col", cell.col)), title)


def _symbol(symbol: Symbol, style: ResolvedStyle, title: str) -> Group:
    look = style.symbol(symbol.classes)
    box, text_style = look.box, look.text
    s = symbol.shape
    if s.kind in (StepKind.DECISION, StepKind.CONNECTOR):
        outline: Item = Polygon(tuple(s.polygon()), paint(box))
    else:
        outline = Rect(s.x0, s.y0, s.w, s.h, paint(box), s.radius if s.kind.is_terminator else box.radius)
    children: list[Item] = [outline]
    if symbol.text.lines:
        if s.kind is StepKind.CONNECTOR:
            top = s.y0 + (s.h * CONNECTOR_SHOULDER - symbol.text.height) / 2 + 1
        else:
            top = s.y - symbol.text.height / 2
        size = symbol.text_size or text_style.size
        ys = baselines(len(symbol.text.lines), top, size, text_style.line_height)
        children.append(
            Text(
                tuple(TextLine(s.x, y, line) for line, y in zip(symbol.text.lines, ys)),
                text_style.face,
                size,
                text_style.color,
                "middle",
            )
        )
    attrs = [
        ("data-step", str(symbol.step)),
        ("data-kind", symbol.kind.value),
        ("data-actors", " ".join(symbol.actors)),
    ]
    if symbol.connector:
        attrs.append(("data-connector", symbol.connector))
    return Group(tuple(children), "fg-step", tuple(attrs), title)


def _edge(route: TableRoute, style: ResolvedStyle) -> Group:
    edge = style.table_edge(route.classes)
    line = edge.line
    stroke = Paint(None, line.stroke, edge.stroke_width, line.dash)
    points = route.points
    children: list[Item] = [
        Line((("M", points[0]), *(("L", p) for p in points[1:])), stroke),
        Polygon(route.head, Paint(line.stroke, line.stroke, 0.4)),
    ]
    link = route.link
    attrs = [("data-from", str(link.edge.source)), ("data-to", str(link.edge.target))]
    if link.source.connector or link.target.connector:
        attrs.append(("data-via", "connector"))
    if route.label and not route.label_box:  # a branch that forks: its label is drawn once, on the shared line
        attrs.append(("data-label", route.label))
    if route.label and route.label_box:
        label_box = style.edge(route.classes).label.box
        label_text = style.edge(route.classes).label.text
        x0, y0, x1, y1 = route.label_box
        children.append(Rect(x0, y0, x1 - x0, y1 - y0, Paint(label_box.fill, label_box.stroke, label_box.stroke_width)))
        pad = label_box.padding
        baseline = baselines(1, y0 + pad[0], label_text.size, label_text.line_height)[0]
        children.append(
            Text(
                (TextLine((x0 + pad[3] + x1 - pad[1]) / 2, baseline, route.label),),
                label_text.face,
                label_text.size,
                label_text.color,
                "middle",
            )
        )
        attrs.append(("data-label", route.label))
    title = route.label if route.label and route.label_box else None
    return Group(tuple(children), " ".join(("fg-edge", *route.classes)), tuple(attrs), title)


def table_scene(page: TablePage, procedure: Procedure, style: ResolvedStyle, pages: int) -> Page:
    """One table page: header, rows, symbols, arrows, the outer border and the page number."""
    fills: list[Item] = []
    looks: Looks = {}
    for cell in page.header + page.cells:
        fill = _looks(cell, style, looks)[0].fill
        if fill:
            x0, y0, x1, y1 = cell.box
            fills.append(Rect(x0, y0, x1 - x0, y1 - y0, Paint(fill)))
    items: list[Item] = [Group(tuple(fills), "fg-fills")]
    items += [cell_group(cell, style, looks) for cell in page.header + page.cells]
    x0, y0, x1, y1 = page.table_box
    items.append(
        Rect(
            x0,
            y0,
            x1 - x0,
            y1 - y0,
            Paint(None, style.table.stroke, style.table.outer_stroke_width),
        )
    )
    items += [_edge(route, style) for route in page.routes]
    ties = {number: points for number, points in page.ties}
    groups: dict[tuple[int, str | None], list[Symbol]] = {}  # (step or id, connector)
    for symbol in page.symbols:  # a joint step's boxes (and its tie) form one group
        key = (symbol.step, symbol.connector) if symbol.connector is None else (id(symbol), symbol.connector)
        groups.setdefault(key, []).append(symbol)
    for (_, connector), symbols in groups.items():
        first = symbols[0]
        step = procedure.step(first.step)
        if connector:
            title = first.text.whole
        else:
            shown, full = first.text.whole, " ".join(clean(step.text).split())  # the symbol's text, then the step's
            number = procedure.shown_number(step.number)  # as the No column prints it ("" for an unnumbered row)
            title = (f"{number}. " if number else "") + (
                f"{shown} — {full}" if shown and full and shown != full else shown or full
            )
        children: list[Item] = []
        if connector is None and first.step in ties:
            box = style.symbol(first.classes).box
            points = ties[first.step]
            children += [
                Line((("M", points[k]), ("L", points[k + 1])), Paint(None, box.stroke, box.stroke_width))
                for k in range(0, len(points) - 1, 2)
            ]
        drawn = [_symbol(symbol, style, title) for symbol in symbols]
        for one in drawn:
            children += list(one.children)
        group = drawn[0]  # the group's class and data-* are the first box's
        items.append(Group(tuple(children), group.cls, group.attrs, title))
    if page.footer is not None:
        footer_style = style.footer.text
        x, y, text = page.footer
        anchor = {"left": "start", "center": "middle"}.get(footer_style.align, "end")
        items.append(
            Group(
                (Text((TextLine(x, y, text),), footer_style.face, footer_style.size, footer_style.color, anchor),),
                "fg-footer",
            )
        )
    attrs = (
        ("data-flowgen-form", "lampiran"),
        ("data-sheet", "tabel"),
        ("data-page", str(page.number)),
        ("data-pages", str(pages)),
    )
    title = " ".join(clean(procedure.identity.title).split()) or "lampiran"  # the document title: one line
    return Page(page.width, page.height, Group(tuple(items)), title, attrs, style.paper.fill, style.document.language)
