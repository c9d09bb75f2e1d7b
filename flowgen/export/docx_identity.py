"""The identity sheet's cells for the Word table: the left block, the labels and values, the six boxes.

Each cell comes from one block of flowgen's identity layout, so the Word
table has the form's merged cells where flowgen draws them.  The six boxes
are written from the procedure's own lists (not from the wrapped lines) as
real Word numbered lists, so a reviewer adding an item gets the next number.
"""

from __future__ import annotations

import math
from typing import Any

from flowgen.layout.table.identity import IdentityBlock, IdentityLayout
from flowgen.layout.table.identity_lists import BOXES, IdentityLines, is_empty, marked, own_numbers
from flowgen.model.types import Procedure
from flowgen.style.resolve import ResolvedStyle, TextStyle
from flowgen.text import measure

from . import docx_xml as x
from .docx_table import VALIGN, GridCell, add_text, new_paragraph, word_padding

LIST_FIELDS = {key: field for left, lf, right, rf in BOXES for key, field in ((left, lf), (right, rf))}
ListIds = dict[tuple[int, str], int]  # (sheet, box) → the w:numId of that sheet's part of the box's list


def _items(block: IdentityBlock, procedure: Procedure) -> tuple[tuple[str, ...], int]:
    """The items this block holds (the range the layout cut the box at) and the first one's number."""
    every = tuple(getattr(procedure.identity, LIST_FIELDS[block.col]))
    first, stop = block.items if block.items is not None else (0, len(every))
    return every[first:stop], first + 1


SLACK = 1.0  # points a list's line may reach into its cell's right margin in Word (see :func:`_list_paragraphs`)


def hanging(mark: str, style: TextStyle) -> float:
    """An item's hanging indent: its mark's width ("12. ") as flowgen sets it, to the twip below.

    Word's numbered list hangs every item 14.2 pt, wider than flowgen's
    number, so an item in a narrow column wrapped once more in Word than on
    flowgen's page and the exact-height row cut the last line off ("12.
    Mesin fotokopi").  A twip less keeps Word's line no narrower than
    flowgen's; the number ("12.") is narrower than the mark, so its tab
    still ends at the text.
    """
    return math.floor(measure(style.face, style.size, mark) * 20) / 20


def _list_paragraphs(cell: Any, items: tuple[str, ...], start: int, num_id: int, look: Any, first: bool) -> None:
    """Items as a Word numbered list (a reviewer adding one gets the next number), or with the writer's own marks.

    Either way each item hangs under its text by flowgen's own indent (:func:`hanging`), and its lines
    may run :data:`SLACK` into the cell's right margin: Word and LibreOffice lay text out in twips, so a
    line flowgen fits with a fraction of a point to spare ("15. Telepon dan faksimile", 0.2 pt) wrapped
    there, one line more than the exact-height row holds.
    """
    from docx.shared import Pt

    own = own_numbers(items)
    for k, (mark, body) in enumerate(marked(items, start)):
        paragraph = new_paragraph(cell, first and k == 0, look.text, "left")
        if not own:
            x.number_paragraph(paragraph, num_id)
        indent = hanging(mark, look.text)
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.first_line_indent = Pt(indent), Pt(-indent)
        fmt.right_indent = Pt(-SLACK)
        add_text(paragraph, mark + body if own else body, look.text)  # marked as written, or numbered by Word


def _columns(cell: Any, block: IdentityBlock, items: tuple[str, ...], start: int, num_id: int, look: Any) -> None:
    """A list flowgen sets in columns: a borderless table, a cell per column, in the box (Word has no cell columns)."""
    chain: list[IdentityLines] = []
    column: IdentityLines | None = block.parts[0]
    while column is not None:
        chain.append(column)
        column = column.second
    widths = [c.second_x for c in chain[:-1]]
    widths.append(block.parts[0].width - sum(widths))
    inner = cell.add_table(rows=1, cols=len(chain))
    x.table_look(inner._tbl, widths, "", 0.0, 0.0)  # no lines, no cell margins
    gap = chain[0].second_x - chain[-1].width  # flowgen's room between two columns: the cell's right margin
    first = 0
    for k, (part, width) in enumerate(zip(chain, widths, strict=True)):
        stop = len(items) if k == len(chain) - 1 else first + part.items
        target = inner.cell(0, k)
        target.width = x.EMU * width
        if k < len(chain) - 1:
            x.cell_margins(target._tc, (0.0, gap, 0.0, 0.0))
        _list_paragraphs(target, items[first:stop], start + first, num_id, look, True)
        first = stop
    cell._tc.remove(cell.paragraphs[0]._p)  # the cell's empty first paragraph (it ends with the one after the table)


def _block_fill(block: IdentityBlock, style: ResolvedStyle, lists: ListIds, sheet: int, procedure: Procedure) -> Any:
    from docx.shared import Pt

    look = {
        "identity-label": style.identity.label,
        "identity-value": style.identity.value,
        "identity-title": style.identity.title,
        "identity-box": style.identity.box,
    }[block.element]
    padding = style.identity.padding

    def fill(cell: Any) -> None:
        valign = "top" if block.element == "identity-box" or block.col == "disahkan" else "middle"
        x.cell_margins(cell._tc, word_padding(padding, valign, block.parts[0].style))
        x.sub(cell._tc.get_or_add_tcPr(), "w:vAlign", val=VALIGN.get(valign, valign))
        if block.col in LIST_FIELDS and block.element == "identity-box":
            items, start = _items(block, procedure)
            part = block.parts[0]
            if is_empty(items, style.labels["empty"]):  # "-", or nothing (a box finished on an earlier sheet)
                add_text(new_paragraph(cell, True, part.style, block.align), part.source or _shown(part), part.style)
            elif part.second is not None:
                _columns(cell, block, items, start, lists[sheet, block.col], look)
            else:
                _list_paragraphs(cell, items, start, lists[sheet, block.col], look, True)
            return
        for k, part in enumerate(block.parts):
            paragraph = new_paragraph(cell, k == 0, part.style, block.align)
            paragraph.paragraph_format.space_after = Pt(part.gap_after)
            add_text(paragraph, part.source or _shown(part), part.style)

    return fill


def _shown(part: IdentityLines) -> str:
    return "\n".join(t for _, t in part.lines).strip()


def _left_fill(layout: IdentityLayout, style: ResolvedStyle) -> Any:
    from docx.shared import Pt

    def fill(cell: Any) -> None:
        x.cell_margins(cell._tc, word_padding(style.identity.padding, "middle", style.identity.header.text))
        x.sub(cell._tc.get_or_add_tcPr(), "w:vAlign", val="center")
        first = True
        if layout.logo is not None:
            (_, _, w, h), path = layout.logo
            paragraph = new_paragraph(cell, True, style.identity.header.text, "center")
            paragraph.paragraph_format.space_after = Pt(style.logo_image.gap)
            paragraph.paragraph_format.line_spacing = 1.0  # an exact spacing would crop the picture
            paragraph.add_run().add_picture(path, width=Pt(w), height=Pt(h))
            first = False
        for lines, _, _, _ in layout.header:
            paragraph = new_paragraph(cell, first, lines.style, "center")
            paragraph.paragraph_format.space_after = Pt(lines.gap_after)
            add_text(paragraph, "\n".join(t for _, t in lines.lines), lines.style)  # flowgen's balanced lines
            first = False

    return fill


def list_ids(document: Any, layout: IdentityLayout, style: ResolvedStyle) -> ListIds:
    """One Word list per box and sheet, each starting at the number flowgen prints first there."""
    wanted = [
        ((sheet, block.col), (block.items or (0, 0))[0] + 1)
        for sheet, page in enumerate(layout.sheets)
        for block in page.blocks
        if block.element == "identity-box"
    ]
    text = style.identity.box.text
    ids = x.add_numbering(document, [start for _, start in wanted], text.face.family, text.size)
    return {key: num_id for (key, _), num_id in zip(wanted, ids, strict=True)}


def identity_cells(
    document: Any, layout: IdentityLayout, procedure: Procedure, style: ResolvedStyle, lists: ListIds, sheet: int = 0
) -> list[GridCell]:
    """Every cell of one identity sheet's table (``sheet``: 0 the first, then its continuation sheets)."""
    lx, ly, lw, lh = layout.left
    cells = [GridCell((lx, ly, lx + lw, ly + lh), _left_fill(layout, style))] if lw > 0 else []
    cells += [GridCell(block.box, _block_fill(block, style, lists, sheet, procedure)) for block in layout.blocks]
    return cells
