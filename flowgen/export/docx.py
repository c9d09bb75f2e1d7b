"""The whole SOP as a Word document a reviewer can comment on and edit.

Built from flowgen's own table layout (:func:`flowgen.layout.table.place.layout_table`),
so the Word document has the PDF's pages, one for one:

- the identity sheet is one native table whose grid is made of the edges of
  flowgen's blocks: the logo/agency block is merged down the left, each label
  sits beside its value, and the six boxes hold real numbered lists (one
  list each, restarting at 1);
- each table page is its own section (paper, orientation and margins from the
  style, the top and left margins at flowgen's table corner) holding one
  native table: every cell is editable text in the style's font, the header
  rows are marked to repeat, no row may split, and every row has flowgen's
  exact height — which is what lets the drawing line up;
- the drawing of that page (symbols, arrows, labels, and the cell fills, so a
  filled header stays under its text) is one page-sized picture anchored at
  the page's corner behind the text: SVG for Word 2016 and later, with a PNG
  for older readers (LibreOffice shows the PNG or the SVG).

Why separate tables rather than one long one: flowgen decides where the pages
break (and draws the off-page connectors there); one table per page keeps
Word's pagination equal to flowgen's, so the pictures stay on their rows.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from typing import Any

from docx.oxml.ns import qn

from flowgen.layout.geometry import Box
from flowgen.layout.symbols import FittedText
from flowgen.layout.table.identity import IdentityBlock, IdentityLayout
from flowgen.layout.table.identity_lists import BOXES, IdentityLines
from flowgen.layout.table.types import Cell, TablePage
from flowgen.model.types import Procedure
from flowgen.style.records import TextStyle
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import clean

from . import docx_xml as x
from .docx_identity import SLACK
from .docx_table import ALIGN, VALIGN, GridCell, add_text, build_table, new_paragraph, word_padding

DRAWN = ("fg-fills", "fg-step", "fg-edge")  # the scene groups that go into the picture behind a table page


def _text_cell(
    text: str, style: TextStyle, padding: tuple[float, float, float, float], valign: str
) -> Callable[[Any], None]:
    def fill(cell: Any) -> None:
        x.cell_margins(cell._tc, word_padding(padding, valign, style))
        x.sub(cell._tc.get_or_add_tcPr(), "w:vAlign", val=VALIGN.get(valign, "center"))
        add_text(new_paragraph(cell, True, style), text, style)

    return fill


def _list_cell(
    fitted: FittedText, style: TextStyle, padding: tuple[float, float, float, float], valign: str
) -> Callable[[Any], None]:
    """A list cell as flowgen set it (:mod:`flowgen.layout.table.cell_lists`): each of its lines a paragraph,
    left, at flowgen's own indent.  Word given the whole text wraps it centred, its own way, and in an
    exact-height row the extra line it makes is cut off (LibreOffice lost "permohonan" in SIPA)."""
    from docx.shared import Pt

    def fill(cell: Any) -> None:
        x.cell_margins(cell._tc, word_padding(padding, valign, style))
        x.sub(cell._tc.get_or_add_tcPr(), "w:vAlign", val=VALIGN.get(valign, "center"))
        for index, (line, indent) in enumerate(zip(fitted.lines, fitted.indents, strict=True)):
            paragraph = new_paragraph(cell, index == 0, style, "left")
            paragraph.paragraph_format.left_indent = Pt(indent)
            paragraph.paragraph_format.right_indent = Pt(-SLACK)
            add_text(paragraph, line, style)

    return fill


def _table_cells(page: TablePage, style: ResolvedStyle) -> list[GridCell]:
    cells: list[GridCell] = []
    for cell in (*page.header, *page.cells):
        look = style.header(cell.classes) if cell.element == "header" else style.cell(cell.classes)
        pad = look.box.padding
        fill = (
            _list_cell(cell.text, look.text, pad, cell.valign)
            if cell.text.indents
            else _text_cell(_cell_text(cell), look.text, pad, cell.valign)
        )
        cells.append(GridCell(cell.box, fill, cell.element == "header"))
    x0, _, x1, _ = page.table_box
    tops = {round(cell.box[1], 2) for cell in page.cells}
    for row, y0, y1 in page.rows:  # an open band (top or foot of the page): one empty cell across the table
        if row.startswith("connectors") and round(y0, 2) not in tops:
            cells.append(GridCell((x0, y0, x1, y1), _empty))
    return cells


def _empty(cell: Any) -> None:
    """A band's cell holds no text (its connectors are in the page's drawing); Word keeps one empty paragraph."""


SOFT_HYPHEN = "\u00ad"


def soft_hyphens(fitted: FittedText) -> str:
    """The cell's whole text for Word, a soft hyphen where flowgen broke a word ("permoho-" / "nan").

    Word wraps the text itself; without hyphenation it cannot break a word that
    flowgen hyphenated to fit a narrow column, and the row (of flowgen's exact
    height) loses a line.  A soft hyphen lets it break there, and only if it must.
    """
    words = fitted.whole.split(" ")
    taken: set[int] = set()
    for line, after in zip(fitted.lines, fitted.lines[1:]):
        if not (line.endswith("-") and line.split() and after.split()):
            continue
        head, tail = line.split()[-1][:-1], after.split()[0]
        for index, word in enumerate(words):
            if index not in taken and head and word.startswith(head + tail) and word != head + "-" + tail:
                words[index] = head + SOFT_HYPHEN + word[len(head) :]
                taken.add(index)
                break
    return " ".join(words)


def _cell_text(cell: Cell) -> str:
    return soft_hyphens(cell.text) if cell.text.lines or cell.text.source else ""


def _drawing(page: TablePage, procedure: Procedure, style: ResolvedStyle, pages: int) -> tuple[bytes, bytes]:
    """The page's symbols, arrows and fills (no cell text, no lines: Word draws those) as SVG and PNG."""
    from dataclasses import replace

    from flowgen.render.lampiran import table_scene
    from flowgen.render.png import render_png
    from flowgen.render.scene import Group
    from flowgen.render.svg import render_svg

    scene = table_scene(page, procedure, style, pages)
    kept = tuple(c for c in scene.root.children if isinstance(c, Group) and (c.cls or "").split(" ")[0] in DRAWN)
    drawing = replace(scene, root=Group(kept), background=None)
    return render_svg(drawing), render_png(replace(drawing, background=style.paper.fill or "#ffffff"), 150)


def _foot(
    document: Any, footer: tuple[float, float, str] | None, bottom: float, style: ResolvedStyle
) -> tuple[Any, float]:
    """The paragraph after a page's table: the page number where flowgen prints it; returns it and its foot."""
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    look = style.footer.text
    if footer is None:
        fmt.space_before = Pt(0)
        fmt.line_spacing = Pt(1)
        return paragraph, bottom + 1
    before = max(0.0, footer[1] - bottom - look.size * 0.95)
    fmt.space_before = Pt(before)
    fmt.line_spacing = Pt(look.size * 1.2)
    fmt.alignment = ALIGN.get(look.align, 2)
    add_text(paragraph, footer[2], look)
    return paragraph, bottom + before + look.size * 1.2


def _section(document: Any, paragraph: Any | None, size: tuple[float, float], box: Box, foot: float) -> None:
    """Give the page its section: paper from the style, margins at flowgen's corner, the foot just fitting."""
    import copy

    body_sect = document.element.body.sectPr
    margin = (box[1], max(0.0, size[0] - box[2] - 1), max(0.0, size[1] - foot - 6), box[0])
    if paragraph is None:
        x.set_page(body_sect, size[0], size[1], margin)
        return
    sect = copy.deepcopy(body_sect)
    x.set_page(sect, size[0], size[1], margin)
    paragraph._p.get_or_add_pPr().append(sect)


def docx_bytes(procedure: Procedure, style: ResolvedStyle) -> bytes:
    """The SOP as a .docx file: the identity sheet and its continuation sheets, then one section per table page."""
    from docx import Document

    from flowgen.export.docx_identity import identity_cells, list_ids
    from flowgen.layout.table.place import layout_table

    layout = layout_table(procedure, style, first_page=2)
    pages = layout.identity.pages
    document = Document()
    _defaults(document, style)
    lists = list_ids(document, layout.identity, style)
    look = style.identity
    sheets: list[tuple[TablePage | IdentityLayout, tuple[float, float], Box, tuple[float, float, str] | None]] = []
    for sheet in layout.identity.sheets:
        fx, fy, fw, fh = sheet.frame
        sheets.append((sheet, (sheet.width, sheet.height), (fx, fy, fx + fw, fy + fh), sheet.footer))
    sheets += [(page, (page.width, page.height), page.table_box, page.footer) for page in layout.pages]
    for k, (page, size, box, footer) in enumerate(sheets):
        if isinstance(page, IdentityLayout):
            cells = identity_cells(document, page, procedure, style, lists, k)
            build_table(document, cells, (look.stroke or "", look.stroke_width, look.outer_stroke_width))
        else:
            t = style.table
            build_table(document, _table_cells(page, style), (t.stroke or "", t.stroke_width, t.outer_stroke_width))
        paragraph, foot = _foot(document, footer, box[3], style)
        if isinstance(page, TablePage):
            svg, png = _drawing(page, procedure, style, pages)
            x.anchored_picture(document, paragraph, png, svg, size, 100 + k)
        last = k == len(sheets) - 1
        _section(document, None if last else paragraph, size, box, foot)
    _properties(document, procedure, style)
    out = io.BytesIO()
    document.save(out)
    return stable_zip(out.getvalue())


def stable_zip(data: bytes) -> bytes:
    """The same package with every entry dated 1980-01-01: the same input gives the same bytes."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _defaults(document: Any, style: ResolvedStyle) -> None:
    """The Normal style in the table's font and the document's language; Word 2013+ table geometry."""
    from docx.shared import Pt

    text = style.table.text
    normal = document.styles["Normal"]
    normal.font.name = text.face.family
    normal.font.size = Pt(text.size)
    r_pr = normal.element.get_or_add_rPr()
    r_fonts = r_pr.get_or_add_rFonts()
    for key in ("ascii", "hAnsi", "cs", "eastAsia"):
        r_fonts.set(qn(f"w:{key}"), text.face.family)
    lang = x.sub(r_pr, "w:lang", val=style.document.language)
    lang.set(qn("w:bidi"), style.document.language)
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = x.sub(settings, "w:compat")
    for old in compat.findall(qn("w:compatSetting")):
        if old.get(qn("w:name")) == "compatibilityMode":
            compat.remove(old)
    setting = x.sub(compat, "w:compatSetting", name="compatibilityMode", val="15")
    setting.set(qn("w:uri"), "http://schemas.microsoft.com/office/word")


def _moment(value: Any) -> datetime.datetime:
    """A model date as the document's time stamp (midnight UTC), so the bytes do not depend on the clock."""
    day = getattr(value, "date", value)
    if isinstance(day, datetime.date):
        return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)
    return datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


PROPERTY_LIMIT = 255  # characters: Word's core properties hold no more (python-docx refuses longer ones)


def _short(text: str) -> str:
    """A property value Word can hold: a longer one (a five-line title) cut at a word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _properties(document: Any, procedure: Procedure, style: ResolvedStyle) -> None:
    ident = procedure.identity
    props = document.core_properties
    props.title = _short(clean(ident.title)) or "SOP"
    props.subject = _short(style.document.subject)
    props.keywords = _short(", ".join(k for k in (ident.number, ident.unit, ident.agency) if k))
    props.language = style.document.language
    props.author = _short(ident.unit or ident.agency or "flowgen")
    props.comments = "flowgen"
    dates = [d for d in (ident.created, ident.revised, ident.effective) if d is not None]
    when = _moment(dates[0]) if dates else datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    props.created = when
    props.modified = _moment(dates[-1]) if dates else when
    props.last_printed = when
    props.revision = 1
    props.last_modified_by = "flowgen"


__all__ = ["BOXES", "GridCell", "IdentityBlock", "IdentityLines", "build_table", "docx_bytes"]
