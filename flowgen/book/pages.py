"""The book's own pages as scenes: cover, decree written as text, notes on use (and the shared page frame).

Each page is a :class:`~flowgen.render.scene.Page` of primitives, so the PDF
painter and the SVG painter draw the same thing and the SVG twin can be
checked by the geometry checker.  Every text sits in an ``fg-cell`` group with
its box and its whole text as ``<title>``, the convention the checker reads.
The look comes from the style sheet (``cover``, ``book-heading``,
``notes-text``, ... in :mod:`flowgen.style.schema_book`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flowgen.book.config import BookConfig
from flowgen.render.scene import Group, Image, Item, Page, Paint, Rect, Text, TextLine
from flowgen.style.resolve import ResolvedStyle, TextStyle
from flowgen.text import baselines, block_height, clean, measure, wrap, wrap_balanced

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class Frame:
    """The paper of the book's pages and the area inside the margins."""

    width: float
    height: float
    x0: float
    y0: float
    x1: float
    y1: float  # bottom of the text area (above the footer)

    @property
    def inner(self) -> float:
        return self.x1 - self.x0


def frame(style: ResolvedStyle) -> Frame:
    """``book-page { size }`` if a sheet sets it, else the lampiran's paper turned upright."""
    if style.has("book-page", "size"):
        paper = style.value("book-page", "size")
        width, height = paper.width, paper.height
    else:
        paper, _margin = style.page
        width, height = min(paper.width, paper.height), max(paper.width, paper.height)
    top, right, bottom, left = style.value("book-page", "margin")
    footer = style.text("book-footer")
    reserve = footer.size * 2.4 if style.shown("book-footer") else 0.0
    return Frame(width, height, left, top, width - right, height - bottom - reserve)


def label(style: ResolvedStyle, key: str) -> str:
    return str(style.value("book-labels", key))


def lines_of(text: str, style: TextStyle, width: float, balanced: bool = False) -> list[str]:
    """Wrapped lines of a text (paragraph breaks kept); ``balanced``: as even as they go, for centred
    lines (the cover's "KEMENTERIAN PENDIDIKAN DASAR DAN | MENENGAH" left one word alone)."""
    out: list[str] = []
    breaker = wrap_balanced if balanced else wrap
    for paragraph in style.transform(text).split("\n"):
        out.extend(breaker(clean(paragraph).strip(), style.face, style.size, width) or [""])
    return out


def text_item(lines: list[str], style: TextStyle, box: Box, top: float, align: str | None = None) -> Text:
    x0, _y0, x1, _y1 = box
    align = align or style.align
    anchor, x = {"center": ("middle", (x0 + x1) / 2), "right": ("end", x1)}.get(align, ("start", x0))
    ys = baselines(len(lines), top, style.size, style.line_height)
    return Text(tuple(TextLine(x, y, line) for line, y in zip(lines, ys)), style.face, style.size, style.color, anchor)


def cell(
    col: str,
    box: Box,
    lines: list[str],
    style: TextStyle,
    pad: tuple[float, float, float, float],
    paint: Paint,
    whole: str,
    row: str = "book",
    align: str | None = None,
    middle: bool = True,
) -> Group:
    """A box with its text inside (vertically centred unless ``middle`` is false), as an fg-cell."""
    x0, y0, x1, y1 = box
    height = block_height(len(lines), style.size, style.line_height)
    top = y0 + (y1 - y0 - height) / 2 if middle else y0 + pad[0]
    children: list[Item] = [Rect(x0, y0, x1 - x0, y1 - y0, paint)]
    if any(lines):
        children.append(text_item(lines, style, (x0 + pad[3], y0, x1 - pad[1], y1), top, align))
    return Group(tuple(children), "fg-cell", (("data-row", row), ("data-col", col)), clean(whole))


NO_LINE = Paint(None, None, 0.0)


def footer(style: ResolvedStyle, page: Frame, number: int) -> list[Item]:
    """The page number of one of the book's own pages."""
    if not style.shown("book-footer"):
        return []
    text_style = style.text("book-footer")
    text = label(style, "book-page-number").format(page=number)
    y = page.y1 + text_style.size * 1.6
    height = block_height(1, text_style.size, text_style.line_height)
    box = (page.x0, y - text_style.size, page.x1, y - text_style.size + height)
    return [cell("page", box, [text], text_style, (0, 0, 0, 0), NO_LINE, text, "footer", middle=False)]


def make_page(page: Frame, items: list[Item], title: str, sheet: str, number: int | None) -> Page:
    attrs: tuple[tuple[str, str], ...] = (("data-flowgen-form", "book"), ("data-sheet", sheet))
    if number is not None:
        attrs += (("data-page", str(number)),)
    return Page(page.width, page.height, Group(tuple(items)), clean(title), attrs, "#ffffff")


# -- the cover ---------------------------------------------------------------------------------------


def _logo(style: ResolvedStyle, config: BookConfig) -> tuple[Path | None, float, float]:
    own = style.value("cover-logo", "src")
    width, height = float(style.value("cover-logo", "width")), float(style.value("cover-logo", "height"))
    if own is not None:
        return own, width, height
    if config.logo is not None:
        return config.logo, width, height
    sheet_logo, _w, _h = style.logo
    return sheet_logo, width, height


def cover_page(style: ResolvedStyle, config: BookConfig, year: int | None) -> Page:
    """Halaman Judul: logo, title, agency and unit, year, address (Permenpan RB 35/2012, Bab II.C)."""
    page = frame(style)
    box = style.box("cover")
    pad = box.padding
    x0, x1 = page.x0 + pad[3], page.x1 - pad[1]
    items: list[Item] = []
    if box.stroke and box.stroke_width > 0:
        items.append(Rect(page.x0, page.y0, page.inner, page.y1 - page.y0, Paint(None, box.stroke, box.stroke_width)))
    logo, logo_w, logo_h = _logo(style, config)
    top = page.y0 + pad[0]

    def block(cls: str, text: str, at: float, gap: float = 0.0) -> float:
        text_style = style.text("cover", (cls,))
        lines = lines_of(text, text_style, x1 - x0 - 6, balanced=True)
        height = block_height(len(lines), text_style.size, text_style.line_height) + 4
        items.append(cell(cls, (x0, at, x1, at + height), lines, text_style, (0, 3, 0, 3), NO_LINE, text, "cover"))
        return at + height + gap

    if logo is not None:
        items.append(Group((Image((page.width - logo_w) / 2, top, logo_w, logo_h, str(logo)),), "fg-logo"))
        top += logo_h
    kicker = label(style, "cover-kicker")
    available = page.y1 - pad[2] - top
    title_top = top + available * 0.16
    if kicker:
        title_top = block("kicker", kicker, title_top, 6)
    after_title = block("title", config.title, title_top)
    names = [text for text in (config.agency, config.unit) if text]
    cursor = max(after_title + 36, top + available * 0.5)
    for index, text in enumerate(names):
        cursor = block("agency" if index == 0 else "unit", text, cursor, 4)
    if year is not None:
        block("year", str(year), max(cursor + 30, top + available * 0.74))
    if config.address:
        address = style.text("cover", ("address",))
        lines = lines_of(config.address, address, x1 - x0 - 6, balanced=True)
        height = block_height(len(lines), address.size, address.line_height) + 4
        bottom = page.y1 - pad[2]
        items.append(
            cell(
                "address",
                (x0, bottom - height, x1, bottom),
                lines,
                address,
                (0, 3, 0, 3),
                NO_LINE,
                config.address,
                "cover",
            )
        )
    return make_page(page, items, config.title, "cover", None)


# -- flowing text (notes, decree) --------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph of flowing text: its style, alignment, indent and the space above it."""

    text: str
    element: str
    classes: tuple[str, ...] = ()
    align: str | None = None
    indent: float = 0.0  # from the left of the text area
    hang: str = ""  # a lead ("1.", "SOP") printed in the indent, the text after it
    gap: float = 0.0
    col: str = "text"


def flow_pages(
    style: ResolvedStyle, blocks: list[Block], title: str, sheet: str, first_number: int, numbered: bool = True
) -> list[Page]:
    """Blocks set one after another, onto as many pages as they need (a block never splits)."""
    page = frame(style)
    pages: list[list[Item]] = [[]]
    cursor = page.y0
    for block in blocks:
        text_style = style.text(block.element, block.classes)
        x0 = page.x0 + block.indent
        lines = lines_of(block.text, text_style, page.x1 - x0 - 6)
        height = block_height(len(lines), text_style.size, text_style.line_height) + 4
        lead = style.text(block.element, ("term",)) if block.col == "definition" else text_style
        lead_x = page.x0 + (18 if block.col == "definition" else 0)
        lead_lines = lines_of(block.hang, lead, x0 - lead_x - 8) if block.hang else []
        height = max(height, block_height(len(lead_lines), lead.size, lead.line_height) + 4)
        if cursor + block.gap + height > page.y1 and pages[-1]:
            pages.append([])
            cursor = page.y0
        elif pages[-1]:
            cursor += block.gap
        box = (x0, cursor, page.x1, cursor + height)
        pages[-1].append(
            cell(block.col, box, lines, text_style, (0, 3, 0, 3), NO_LINE, block.text, sheet, block.align, False)
        )
        if lead_lines:
            lead_box = (lead_x, cursor, x0 - (12 if block.col == "clause" else 0), cursor + height)
            pages[-1].append(
                cell("lead", lead_box, lead_lines, lead, (0, 3, 0, 3), NO_LINE, block.hang, sheet, "left", False)
            )
        if block.col == "clause":  # a decree's "Menimbang :", the colons one under the other
            colon_box = (x0 - 12, cursor, x0, cursor + height)
            pages[-1].append(cell("colon", colon_box, [":"], lead, (0, 3, 0, 3), NO_LINE, ":", sheet, "left", False))
        cursor += height
    result = []
    for index, items in enumerate(pages):
        number = first_number + index
        items = items + (footer(style, page, number) if numbered else [])
        result.append(make_page(page, items, title, sheet, number))
    return result


def notes_pages(style: ResolvedStyle, config: BookConfig, first_number: int) -> list[Page]:
    """Penjelasan Singkat Penggunaan: scope, summary and definitions from the [book] table."""
    heading = label(style, "penjelasan")
    blocks = [Block(heading, "book-heading", col="heading", gap=0.0)]
    parts: list[tuple[str, list[Block]]] = []
    if config.scope:
        parts.append((label(style, "ruang-lingkup"), [Block(config.scope, "notes-text", indent=18)]))
    if config.summary:
        parts.append((label(style, "ringkasan"), [Block(config.summary, "notes-text", indent=18)]))
    if config.definitions:
        term_style = style.text("notes-text", ("term",))
        hang = max(measure(term_style.face, term_style.size, term) for term, _ in config.definitions) + 14
        hang = min(hang, frame(style).inner * 0.32)
        definitions = [
            Block(meaning, "notes-text", indent=18 + hang, hang=term, gap=3, col="definition")
            for term, meaning in config.definitions
        ]
        parts.append((label(style, "definisi"), definitions))
    for index, (title, body) in enumerate(parts):
        letter = chr(ord("A") + index)
        pad = style.box("notes-heading").padding
        blocks.append(Block(f"{letter}.  {title}", "notes-heading", col="part", gap=pad[0] + 6))
        blocks.extend(body)
    return flow_pages(style, blocks, heading, "notes", first_number)


def decree_pages(style: ResolvedStyle, text: str, first_number: int) -> list[Page]:
    """A decree written as text (paragraphs between blank lines).

    The first paragraph is its centred title; a paragraph ``Menimbang: ...`` hangs its text after the
    word; a paragraph in capitals (MEMUTUSKAN:) is centred; from ``Ditetapkan di ...`` on, the
    paragraphs are the signature block on the right half, with room to sign between them.
    """
    paragraphs = [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    if not paragraphs:
        return []
    page = frame(style)
    signed = next((i for i, p in enumerate(paragraphs) if p.strip().lower().startswith("ditetapkan")), None)
    if signed is None or signed == 0:
        signed = len(paragraphs) - 1 if len(paragraphs) > 1 else len(paragraphs)
    blocks = [Block(paragraphs[0], "book-heading", col="heading")]
    for paragraph in paragraphs[1:signed]:
        lead, _, rest = paragraph.partition(":")
        if rest.strip() and len(lead) <= 14 and "\n" not in lead:
            blocks.append(Block(rest.strip(), "notes-text", indent=96, hang=lead.strip(), gap=8, col="clause"))
        elif paragraph.isupper():
            blocks.append(Block(paragraph, "notes-text", ("term",), align="center", gap=10))
        else:
            blocks.append(Block(paragraph, "notes-text", gap=8))
    for index, paragraph in enumerate(paragraphs[signed:]):
        gap = 24.0 if index == 0 else 44.0
        blocks.append(Block(paragraph, "notes-text", align="center", indent=page.inner * 0.5, gap=gap, col="signature"))
    return flow_pages(style, blocks, paragraphs[0].split("\n")[0], "decree", first_number)
