"""Daftar Isi: the table of contents of the book, grouped by unit, over as many pages as it needs.

Columns: No, Nomor SOP, Nama SOP, Tanggal Efektif, Revisi, Hal. — the
contents also records each SOP's revision, as Bab II.C asks.  A unit's row
stands above its SOPs; the heading row repeats on every page; a row never
splits.  The layout does not depend on the page numbers it prints (the page
column is as wide as its heading), so the book can count the contents' pages
first and fill the numbers in afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from flowgen.book.pages import Frame, cell, footer, frame, label, lines_of, make_page
from flowgen.render.scene import Item, Page, Paint
from flowgen.style.resolve import ResolvedStyle
from flowgen.style.schema_book import CONTENTS_COLUMNS
from flowgen.text import block_height, measure


@dataclass(frozen=True)
class Row:
    """One line of the contents: a unit's heading (``group``) or an entry with its page."""

    texts: tuple[str, ...]  # per column (entries) or one text (groups)
    group: bool = False
    target: str | None = None  # what the row links to (an SOP's path, a part's name)
    depth: int = 0  # a group's level in the folder tree


@dataclass(frozen=True)
class Link:
    """A clickable area of a page (scene coordinates) and where it leads."""

    page: int  # index among the pages returned
    box: tuple[float, float, float, float]
    target: str


def _widths(style: ResolvedStyle, rows: list[Row], page: Frame) -> list[float]:
    headers = [label(style, f"col-{c}") if c != "no" else str(style.labels["col-no"]) for c in CONTENTS_COLUMNS]
    head = style.text("contents-header")
    body = style.text("contents-cell")
    pad = style.box("contents-cell").padding
    extra = pad[1] + pad[3] + 8

    def widest(index: int) -> float:
        texts = [r.texts[index] for r in rows if not r.group and len(r.texts) > index]
        body_w = max((measure(body.face, body.size, t) for t in texts), default=0.0)
        return max(body_w, measure(head.face, head.size, headers[index])) + extra

    no = widest(0)
    nomor = min(widest(1), page.inner * 0.3)
    dates = [widest(3), widest(4)]
    pages = max(widest(5), measure(body.face, body.size, "0000") + extra)
    judul = page.inner - no - nomor - sum(dates) - pages
    return [no, nomor, judul, dates[0], dates[1], pages]


def contents_pages(style: ResolvedStyle, rows: list[Row], first_number: int) -> tuple[list[Page], list[Link]]:
    """The contents pages (numbered from ``first_number``) and the links of their rows."""
    page = frame(style)
    widths = _widths(style, rows, page)
    line = Paint(None, style.value("contents", "stroke"), float(style.value("contents", "stroke-width")))
    heading_style = style.text("book-heading")
    heading = label(style, "daftar-isi")
    header_style = style.text("contents-header")
    header_box = style.box("contents-header")
    body_box = style.box("contents-cell")
    group_style, group_box = style.text("contents-group"), style.box("contents-group")
    headers = [label(style, f"col-{c}") if c != "no" else str(style.labels["col-no"]) for c in CONTENTS_COLUMNS]

    def row_cells(texts: list[str], top: float, kind: str, row: Row | None) -> tuple[list[Item], float]:
        cells: list[tuple[str, float, float, list[str], str]] = []
        x = page.x0
        height = 0.0
        for column, width, text in zip(CONTENTS_COLUMNS, widths, texts):
            text_style = header_style if kind == "header" else style.text("contents-cell", (column,))
            pad = (header_box if kind == "header" else body_box).padding
            lines = lines_of(text, text_style, width - pad[1] - pad[3] - 2)
            height = max(height, block_height(len(lines), text_style.size, text_style.line_height) + pad[0] + pad[2])
            cells.append((column, x, width, lines, text))
            x += width
        items: list[Item] = []
        for column, x, width, lines, text in cells:
            if kind == "header":
                text_style, box = header_style, header_box
            else:
                text_style, box = style.text("contents-cell", (column,)), body_box
            paint = Paint(box.fill, line.stroke, line.stroke_width)
            items.append(
                cell(
                    column,
                    (x, top, x + width, top + height),
                    lines,
                    text_style,
                    box.padding,
                    paint,
                    text,
                    kind if kind == "header" else "entry",
                )
            )
        return items, height

    def group_cell(row: Row, top: float) -> tuple[list[Item], float]:
        pad = group_box.padding
        indent = 10.0 * row.depth
        lines = lines_of(row.texts[0], group_style, page.inner - pad[1] - pad[3] - indent - 2)
        height = block_height(len(lines), group_style.size, group_style.line_height) + pad[0] + pad[2]
        paint = Paint(group_box.fill, line.stroke, line.stroke_width)
        box = (page.x0, top, page.x1, top + height)
        padding = (pad[0], pad[1], pad[2], pad[3] + indent)
        return [cell("group", box, lines, group_style, padding, paint, row.texts[0], "group")], height

    pages: list[list[Item]] = []
    links: list[Link] = []
    cursor = page.y1 + 1  # forces a first page

    def new_page() -> float:
        pages.append([])
        top = page.y0
        if len(pages) == 1:
            lines = lines_of(heading, heading_style, page.inner - 6)
            height = block_height(len(lines), heading_style.size, heading_style.line_height) + 4
            pages[-1].append(
                cell(
                    "heading",
                    (page.x0, top, page.x1, top + height),
                    lines,
                    heading_style,
                    (0, 3, 0, 3),
                    Paint(None, None, 0.0),
                    heading,
                    "heading",
                )
            )
            top += height + heading_style.size
        items, height = row_cells(headers, top, "header", None)
        pages[-1].extend(items)
        return top + height

    for row in rows:
        probe_items, height = group_cell(row, 0) if row.group else row_cells(list(row.texts), 0, "entry", row)
        if cursor + height > page.y1:
            cursor = new_page()
        items, height = group_cell(row, cursor) if row.group else row_cells(list(row.texts), cursor, "entry", row)
        del probe_items
        pages[-1].extend(items)
        if row.target is not None:
            links.append(Link(len(pages) - 1, (page.x0, cursor, page.x1, cursor + height), row.target))
        cursor += height
    if not pages:
        new_page()
    result = []
    for index, items in enumerate(pages):
        number = first_number + index
        result.append(make_page(page, items + footer(style, page, number), heading, "contents", number))
    return result, links
