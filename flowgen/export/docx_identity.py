"""The identity sheet's cells for the Word table: the left block, the labels and values, the six boxes.

Each cell comes from one block of flowgen's identity layout, so the Word
table has the form's merged cells where flowgen draws them.  The six boxes
are written from the procedure's own lists (not from the wrapped lines) as
real Word numbered lists, so a reviewer adding an item gets the next number.
"""

from __future__ import annotations

from typing import Any

from flowgen.layout.table.identity import IdentityBlock, IdentityLayout
from flowgen.layout.table.identity_lists import BOXES
from flowgen.model.types import Procedure
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import clean

from . import docx_xml as x
from .docx_table import VALIGN, GridCell, add_text, new_paragraph, word_padding

LIST_FIELDS = {key: field for left, lf, right, rf in BOXES for key, field in ((left, lf), (right, rf))}


def _block_fill(block: IdentityBlock, style: ResolvedStyle, lists: dict[str, int], procedure: Procedure) -> Any:
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
        if block.col in LIST_FIELDS:
            items = [clean(item) for item in getattr(procedure.identity, LIST_FIELDS[block.col])]
            if not items:
                part = block.parts[0]
                add_text(
                    new_paragraph(cell, True, part.style, block.align), " ".join(t for _, t in part.lines), part.style
                )
                return
            for k, item in enumerate(items):
                paragraph = new_paragraph(cell, k == 0, look.text, "left")
                x.number_paragraph(paragraph, lists[block.col])
                add_text(paragraph, item, look.text)
            return
        for k, part in enumerate(block.parts):
            paragraph = new_paragraph(cell, k == 0, part.style, block.align)
            paragraph.paragraph_format.space_after = Pt(part.gap_after)
            add_text(paragraph, part.source or " ".join(t for _, t in part.lines), part.style)

    return fill


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


def identity_cells(document: Any, layout: IdentityLayout, procedure: Procedure, style: ResolvedStyle) -> list[GridCell]:
    """Every cell of the identity sheet's table, numbered lists registered in the document."""
    ids = x.add_numbering(document, len(LIST_FIELDS))
    lists = dict(zip(LIST_FIELDS, ids, strict=True))
    lx, ly, lw, lh = layout.left
    cells = [GridCell((lx, ly, lx + lw, ly + lh), _left_fill(layout, style))]
    cells += [GridCell(block.box, _block_fill(block, style, lists, procedure)) for block in layout.blocks]
    return cells
