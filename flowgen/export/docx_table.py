"""Word tables from boxes: the grid, merged cells, text runs and paragraphs in the style's type.

Shared by the table pages (:mod:`flowgen.export.docx`) and the identity
sheet (:mod:`flowgen.export.docx_identity`): a table is given as cells with
their boxes on the page; the grid is every edge of them, so a cell that
covers several grid cells is merged, exactly as flowgen draws the form.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from flowgen.layout.geometry import Box
from flowgen.style.records import TextStyle

from . import docx_xml as x

ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 3}
VALIGN = {"top": "top", "middle": "center", "bottom": "bottom"}


@dataclass(frozen=True)
class GridCell:
    """A cell of a table to build: its box on the page and a function that fills the Word cell."""

    box: Box
    fill: Callable[[Any], None]
    header: bool = False


def _grid(values: Sequence[float]) -> list[float]:
    """The distinct edges (rounded to a hundredth of a point, so a shared edge is one edge)."""
    return sorted({round(v, 2) for v in values})


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda k: abs(edges[k] - value))


def build_table(document: Any, cells: Sequence[GridCell], stroke: tuple[str, float, float]) -> Any:
    """A native table whose grid is every edge of the cells; a cell over several grid cells is merged."""
    xs = _grid([v for c in cells for v in (c.box[0], c.box[2])])
    ys = _grid([v for c in cells for v in (c.box[1], c.box[3])])
    table = document.add_table(rows=len(ys) - 1, cols=len(xs) - 1)
    table.autofit = False
    widths = [b - a for a, b in itertools.pairwise(xs)]
    x.table_look(table._tbl, widths, stroke[0], stroke[1], stroke[2])
    header_rows = {_index(ys, c.box[1]) for c in cells if c.header}
    for k, row in enumerate(table.rows):
        x.row_look(row._tr, ys[k + 1] - ys[k], k in header_rows and k <= max(header_rows, default=-1))
        for j, cell in enumerate(row.cells):
            cell.width = x.EMU * widths[j]
    for c in cells:
        r0, r1 = _index(ys, c.box[1]), _index(ys, c.box[3]) - 1
        c0, c1 = _index(xs, c.box[0]), _index(xs, c.box[2]) - 1
        if r1 < r0 or c1 < c0:
            continue
        word = table.cell(r0, c0)
        if (r1, c1) != (r0, c0):
            word = word.merge(table.cell(r1, c1))
        c.fill(word)
    return table


def add_text(paragraph: Any, text: str, style: TextStyle, bold: bool | None = None) -> None:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(style.transform(text) if hasattr(style, "transform") else text)
    run.font.name = style.face.family
    run.font.size = Pt(style.size)
    run.font.bold = style.face.bold if bold is None else bold
    run.font.italic = style.face.italic
    if style.color.startswith("#") and len(style.color) == 7:
        run.font.color.rgb = RGBColor.from_string(style.color[1:].upper())
    r_fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    r_fonts.set(qn("w:cs"), style.face.family)


def new_paragraph(cell: Any, first: bool, style: TextStyle, align: str | None = None) -> Any:
    from docx.shared import Pt

    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(style.size * style.line_height)  # exact, as flowgen spaces lines
    fmt.line_spacing_rule = 4  # WD_LINE_SPACING.EXACTLY
    fmt.alignment = ALIGN.get(align or style.align, 0)
    return paragraph


def word_padding(
    padding: tuple[float, float, float, float], valign: str, style: TextStyle
) -> tuple[float, float, float, float]:
    """The cell's padding for Word: flowgen's sideways; upright only for top-aligned text, less the line's lead.

    flowgen counts a line as its font size and a row as text plus padding;
    Word counts a line at its full spacing, so the same padding would push
    the last line out of an exact-height row.
    """
    top, right, _, left = padding
    lead = (style.line_height - 1) * style.size
    return (max(0.0, top - lead) if valign == "top" else 0.0, right, 0.0, left)
