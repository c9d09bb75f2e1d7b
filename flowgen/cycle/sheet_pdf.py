"""Printed forms as flowgen scene pages: a titled table, grouped by unit, paginated, in a style's fonts.

The monitoring form, the evaluation form and the report are all "a table of SOPs with a heading per
unit", so one small layout serves the three: columns take shares of the page width, each cell's text
is wrapped with flowgen's measurer, a row never splits across pages, the header row repeats on every
page, and each page ends with "Halaman i dari n".  The pages are painted by :mod:`flowgen.render.pdf`
(fonts embedded, invariant bytes) like every other flowgen document, so they follow the same sheet
(paper, margins, typeface).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flowgen.render.pdf import render_pdf
from flowgen.render.scene import Document, Group, Item, Page, Paint, Rect, Text, TextLine
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import FontFace, baselines, block_height, clean, wrap

BODY = 8.5
HEAD = 8.5
TITLE = 13.0
PAD = 3.0
LINE = 1.2
_STROKE = Paint(None, "#000000", 0.6)
_HEAD_FILL = Paint("#e6e6e6", "#000000", 0.6)
_UNIT_FILL = Paint("#f2f2f2", "#000000", 0.6)


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # of the table's width
    align: str = "start"  # start | middle


@dataclass(frozen=True)
class Section:
    """A unit: its heading row and its SOP rows (one string per column)."""

    heading: str
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Form:
    title: str
    lines: tuple[str, ...]  # under the title: period, rule, totals
    columns: tuple[Column, ...]
    sections: tuple[Section, ...]
    closing: tuple[str, ...] = ()  # after the table: the signature block
    row_height: float = 0.0  # the least height of an SOP row (room to write by hand on a blank form)


class _Layout:
    def __init__(self, form: Form, style: ResolvedStyle, footer: str):
        self.form = form
        size, margin = style.page
        self.width, self.height = size.width, size.height
        self.x0, self.top, self.right = margin[3], margin[0], size.width - margin[1]
        self.foot_y = size.height - margin[2]
        self.bottom = self.foot_y - BODY * 2.5
        self.regular = style.text("identity-box").face
        self.bold = style.text("identity-title").face
        self.footer = footer
        table_w = self.right - self.x0
        total = sum(c.share for c in form.columns)
        self.widths = [table_w * c.share / total for c in form.columns]
        self.pages: list[list[Item]] = []
        self.y = 0.0
        self.unit: tuple[str, int] | None = None  # the heading of the unit being laid out

    def _text(self, lines: Sequence[str], x: float, top: float, face: FontFace, size: float, anchor: str) -> Text:
        ys = baselines(len(lines), top, size, LINE)
        return Text(tuple(TextLine(x, y, t) for t, y in zip(lines, ys)), face, size, "#000000", anchor)

    def _cells(self, texts: Sequence[str], face: FontFace, paint: Paint, row: str) -> tuple[float, list[Item]]:
        wrapped = [wrap(clean(t), face, BODY, w - 2 * PAD) or [""] for t, w in zip(texts, self.widths)]
        height = max(block_height(len(lines), BODY, LINE) for lines in wrapped) + 2 * PAD
        if row != "header":
            height = max(height, self.form.row_height)
        return height, [self._cell(i, lines, face, paint, height, row) for i, lines in enumerate(wrapped)]

    def _cell(self, i: int, lines: list[str], face: FontFace, paint: Paint, height: float, row: str) -> Item:
        x = self.x0 + sum(self.widths[:i])
        w = self.widths[i]
        anchor = self.form.columns[i].align if paint is not _HEAD_FILL else "middle"
        tx = x + w / 2 if anchor == "middle" else x + PAD
        children: list[Item] = [Rect(x, self.y, w, height, paint)]
        if any(lines):
            children.append(self._text(lines, tx, self.y + PAD, face, BODY, anchor))
        return Group(tuple(children), "fg-cell", (("data-row", row), ("data-col", str(i + 1))))

    def _new_page(self, header: bool = True) -> None:
        items: list[Item] = []
        title = wrap(clean(self.form.title), self.bold, TITLE, self.right - self.x0)
        items.append(self._text(title, (self.x0 + self.right) / 2, self.top, self.bold, TITLE, "middle"))
        self.y = self.top + block_height(len(title), TITLE, LINE) + 6
        for line in self.form.lines:
            lines = wrap(clean(line), self.regular, BODY, self.right - self.x0)
            items.append(self._text(lines, self.x0, self.y, self.regular, BODY, "start"))
            self.y += block_height(len(lines), BODY, LINE) + 3
        self.y += 4
        self.pages.append(items)
        if header:
            self._row([c.title for c in self.form.columns], self.bold, _HEAD_FILL, "header", repeat=False)

    def _row(
        self, texts: Sequence[str], face: FontFace, paint: Paint, row: str, repeat: bool = True, reserve: float = 0.0
    ) -> None:
        """One row; on a new page (header repeated) when it, and ``reserve`` points after it, do not fit."""
        height, cells = self._cells(texts, face, paint, row)
        if repeat and self.y + height + reserve > self.bottom:
            self._new_page()
            if self.unit is not None:  # a unit continued on a new page keeps its heading above its rows
                self._unit(*self.unit)
            height, cells = self._cells(texts, face, paint, row)
        self.pages[-1].extend(cells)
        self.y += height

    def _unit(self, heading: str, index: int) -> None:
        lines = wrap(clean(heading), self.bold, BODY, self.right - self.x0 - 2 * PAD) or [""]
        height = block_height(len(lines), BODY, LINE) + 2 * PAD
        if self.y + height * 3 > self.bottom:  # a unit heading never ends a page alone
            self._new_page()
        box = Rect(self.x0, self.y, self.right - self.x0, height, _UNIT_FILL)
        text = self._text(lines, self.x0 + PAD, self.y + PAD, self.bold, BODY, "start")
        self.pages[-1].append(Group((box, text), "fg-unit", (("data-unit", str(index)),)))
        self.y += height

    def build(self) -> list[Page]:
        self._new_page()
        number = 0
        gap = 10 + BODY  # from the table to the first line of the signature block
        closing = sum(BODY * 1.6 if line else BODY * 4 for line in self.form.closing)
        last = sum(len(section.rows) for section in self.form.sections)
        for index, section in enumerate(self.form.sections, start=1):
            self.unit = None
            self._unit(section.heading, index)
            self.unit = (section.heading, index)
            for row in section.rows:
                number += 1
                # the last row goes over with the signature block rather than leave it alone on a page
                reserve = gap + closing if number == last and closing else 0.0
                self._row(row, self.regular, _STROKE, str(number), reserve=reserve)
        self.y += gap
        if self.form.closing and self.y + closing > self.bottom:  # no rows at all: the block on its own
            self._new_page(header=False)
            self.y += BODY
        for line in self.form.closing:
            self.pages[-1].append(self._text([clean(line)], self.right - 150, self.y, self.regular, BODY, "middle"))
            self.y += BODY * 1.6 if line else BODY * 4
        total = len(self.pages)
        pages = []
        for n, items in enumerate(self.pages, start=1):
            foot = self._text(
                [self.footer.format(page=n, pages=total)], self.right, self.foot_y - BODY, self.regular, BODY, "end"
            )
            attrs = (("data-flowgen-form", "monev"), ("data-page", str(n)), ("data-pages", str(total)))
            pages.append(Page(self.width, self.height, Group((*items, foot)), self.form.title, attrs))
        return pages


def form_pages(form: Form, style: ResolvedStyle, footer: str) -> list[Page]:
    """The form laid out on pages of the style's paper (``footer`` has ``{page}`` and ``{pages}``)."""
    return _Layout(form, style, footer).build()


def forms_pdf(forms: Sequence[Form], style: ResolvedStyle, footer: str, subject: str) -> bytes:
    """Several forms, each starting on a new page, as one PDF (page numbers count within each form)."""
    pages: list[Page] = []
    for form in forms:
        pages += form_pages(form, style, footer)
    return render_pdf(Document(tuple(pages), forms[0].title, subject))


@dataclass(frozen=True)
class Letter:
    """A page of running text (a Berita Acara): title, paragraphs, and signature blocks side by side."""

    title: str
    paragraphs: tuple[str, ...]
    signatures: tuple[tuple[str, ...], ...]  # each block: its lines, top to bottom ("" leaves room to sign)


def letter_page(letter: Letter, style: ResolvedStyle, footer: str) -> Page:
    """The letter on one page of the style's paper (text that does not fit is not carried over)."""
    size, margin = style.page
    x0, right = margin[3] + 40, size.width - margin[1] - 40
    regular, bold = style.text("identity-box").face, style.text("identity-title").face
    items: list[Item] = []

    def text(lines: Sequence[str], x: float, top: float, face: FontFace, size_: float, anchor: str) -> float:
        ys = baselines(len(lines), top, size_, LINE * 1.15)
        items.append(Text(tuple(TextLine(x, y, t) for t, y in zip(lines, ys)), face, size_, "#000000", anchor))
        return top + block_height(len(lines), size_, LINE * 1.15)

    y = text(wrap(clean(letter.title), bold, TITLE, right - x0), (x0 + right) / 2, margin[0], bold, TITLE, "middle")
    y += 14
    for paragraph in letter.paragraphs:
        y = text(wrap(clean(paragraph), regular, BODY + 1, right - x0) or [""], x0, y, regular, BODY + 1, "start")
        y += 6
    y += 16
    width = (right - x0) / max(1, len(letter.signatures))
    for i, block in enumerate(letter.signatures):
        cursor = y
        for line in block:
            if line:
                cursor = text([clean(line)], x0 + width * (i + 0.5), cursor, regular, BODY + 1, "middle") + 3
            else:
                cursor += BODY * 5
    foot = footer.format(page=1, pages=1)
    items.append(
        Text((TextLine(size.width - margin[1], size.height - margin[2] - BODY, foot),), regular, BODY, "#000000", "end")
    )
    attrs = (("data-flowgen-form", "monev"), ("data-page", "1"), ("data-pages", "1"))
    return Page(size.width, size.height, Group(tuple(items)), letter.title, attrs)


def document_pdf(pages: Sequence[Page], title: str, subject: str) -> bytes:
    return render_pdf(Document(tuple(pages), title, subject))
