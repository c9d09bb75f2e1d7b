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
from flowgen.style.resolve import ResolvedStyle, TextStyle
from flowgen.style.schema_book import CONTENTS_COLUMNS
from flowgen.text import block_height, measure


@dataclass(frozen=True)
class Row:
    """One line of the contents: a unit's heading (``group``) or an entry with its page."""

    texts: tuple[str, ...]  # per column (entries) or one text (groups)
    group: bool = False
    target: str | None = None  # what the row links to (an SOP's path, a part's name)
    depth: int = 0  # a group's level in the folder tree


def revision_cell(number: str, date: str) -> str:
    """The Revisi column: ``2 · 10 Jan 2022`` (the last revision of the history), or the date alone.

    The column is where the book records each SOP's revision; the heading names it, so the number
    needs no word of its own in any language.
    """
    return f"{number} · {date}" if number and date != "-" else date


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
        word = max((measure(head.face, head.size, w) for w in headers[index].split()), default=0.0)
        return max(body_w, word) + extra  # a heading may wrap between its words

    no = widest(0)
    nomor = min(widest(1), page.inner * 0.3)
    dates = [widest(3), widest(4)]
    pages = max(widest(5), measure(body.face, body.size, "0000") + extra)
    judul = page.inner - no - nomor - sum(dates) - pages
    return [no, nomor, judul, dates[0], dates[1], pages]


class _Table:
    """The contents table being laid out: its columns, styles and the pages filled so far."""

    def __init__(self, style: ResolvedStyle, rows: list[Row]):
        self.style = style
        self.page = frame(style)
        self.widths = _widths(style, rows, self.page)
        self.line = Paint(None, style.value("contents", "stroke"), float(style.value("contents", "stroke-width")))
        self.heading = label(style, "daftar-isi")
        self.headers = [
            label(style, f"col-{c}") if c != "no" else str(style.labels["col-no"]) for c in CONTENTS_COLUMNS
        ]
        self.pages: list[list[Item]] = []

    def row(self, texts: list[str], top: float, header: bool) -> tuple[list[Item], float]:
        """The cells of a heading or entry row (as tall as its tallest cell)."""
        style, page = self.style, self.page
        box = style.box("contents-header" if header else "contents-cell")
        cells: list[tuple[str, float, float, list[str], str, TextStyle]] = []
        x, height = page.x0, 0.0
        for column, width, text in zip(CONTENTS_COLUMNS, self.widths, texts):
            text_style = style.text("contents-header") if header else style.text("contents-cell", (column,))
            lines = lines_of(text, text_style, width - box.padding[1] - box.padding[3] - 2)
            lines_h = block_height(len(lines), text_style.size, text_style.line_height)
            height = max(height, lines_h + box.padding[0] + box.padding[2])
            cells.append((column, x, width, lines, text, text_style))
            x += width
        paint = Paint(box.fill, self.line.stroke, self.line.stroke_width)
        kind = "header" if header else "entry"
        items: list[Item] = [
            cell(column, (x, top, x + width, top + height), lines, text_style, box.padding, paint, text, kind)
            for column, x, width, lines, text, text_style in cells
        ]
        return items, height

    def group(self, row: Row, top: float) -> tuple[list[Item], float]:
        """A unit's row across the table, indented by its depth in the folder tree."""
        text_style, box = self.style.text("contents-group"), self.style.box("contents-group")
        pad, indent = box.padding, 10.0 * row.depth
        lines = lines_of(row.texts[0], text_style, self.page.inner - pad[1] - pad[3] - indent - 2)
        height = block_height(len(lines), text_style.size, text_style.line_height) + pad[0] + pad[2]
        paint = Paint(box.fill, self.line.stroke, self.line.stroke_width)
        area = (self.page.x0, top, self.page.x1, top + height)
        padding = (pad[0], pad[1], pad[2], pad[3] + indent)
        return [cell("group", area, lines, text_style, padding, paint, row.texts[0], "group")], height

    def new_page(self) -> float:
        """Start a page (the first with the DAFTAR ISI heading) with the heading row; the top of its body."""
        page = self.page
        self.pages.append([])
        top = page.y0
        if len(self.pages) == 1:
            heading_style = self.style.text("book-heading")
            lines = lines_of(self.heading, heading_style, page.inner - 6)
            height = block_height(len(lines), heading_style.size, heading_style.line_height) + 4
            area = (page.x0, top, page.x1, top + height)
            self.pages[-1].append(
                cell(
                    "heading", area, lines, heading_style, (0, 3, 0, 3), Paint(None, None, 0.0), self.heading, "heading"
                )
            )
            top += height + heading_style.size
        items, height = self.row(self.headers, top, header=True)
        self.pages[-1].extend(items)
        return top + height

    def lay(self, row: Row, top: float) -> tuple[list[Item], float]:
        return self.group(row, top) if row.group else self.row(list(row.texts), top, header=False)


def contents_pages(style: ResolvedStyle, rows: list[Row], first_number: int) -> tuple[list[Page], list[Link]]:
    """The contents pages (numbered from ``first_number``) and the links of their rows."""
    table = _Table(style, rows)
    page = table.page
    links: list[Link] = []
    cursor = page.y1 + 1  # forces a first page
    for row in rows:
        _probe, height = table.lay(row, 0.0)
        if cursor + height > page.y1:
            cursor = table.new_page()
        items, height = table.lay(row, cursor)
        table.pages[-1].extend(items)
        if row.target is not None:
            links.append(Link(len(table.pages) - 1, (page.x0, cursor, page.x1, cursor + height), row.target))
        cursor += height
    if not table.pages:
        table.new_page()
    result = []
    for index, items in enumerate(table.pages):
        number = first_number + index
        result.append(make_page(page, items + footer(style, page, number), table.heading, "contents", number))
    return result, links
