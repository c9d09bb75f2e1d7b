"""The identity sheet (lembar identitas) as a scene: the cells, the logo, the texts, the frame, the footer.

Every position comes from :mod:`flowgen.layout.table.identity`; every look
(fills, strokes, alignment) from the style.  Each cell is its own group
(``fg-cell`` with ``data-row="identity"`` and its ``data-col``).
"""

from __future__ import annotations

from flowgen.layout.table.identity import IdentityBlock, IdentityLayout
from flowgen.layout.table.identity_lists import IdentityLines
from flowgen.render.scene import Group, Image, Item, Page, Paint, Rect, Text, TextLine
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import baselines


def _block_text(part: IdentityLines, x0: float, x1: float, top: float, align: str) -> Text:
    style = part.style
    ys = baselines(len(part.lines), top, style.size, style.line_height)
    if align == "center":
        anchor, xs = "middle", [(x0 + x1) / 2 for _ in part.lines]
    elif align == "right":
        anchor, xs = "end", [x1 for _ in part.lines]
    else:
        anchor, xs = "start", [x0 + indent for indent, _ in part.lines]
    return Text(
        tuple(TextLine(x, y, text) for x, (_, text), y in zip(xs, part.lines, ys)),
        style.face,
        style.size,
        style.color,
        anchor,
    )


def identity_scene(layout: IdentityLayout, style: ResolvedStyle) -> Page:
    """The identity sheet page, drawn from its layout."""
    items: list[Item] = []
    left_children: list[Item] = [Rect(*layout.left, _line(style))] if layout.left[2] > 0 else []
    if layout.logo is not None:
        (x, y, w, h), path = layout.logo
        left_children.append(Image(x, y, w, h, path))
    for part, x0, x1, top in layout.header:
        left_children.append(_block_text(part, x0, x1, top, part.style.align))
    header_title = "\n".join(part.source for part, _, _, _ in layout.header) or None
    if left_children:  # (a continuation sheet has no head)
        items.append(
            Group(tuple(left_children), "fg-cell", (("data-row", "identity"), ("data-col", "instansi")), header_title)
        )
    for block in layout.blocks:
        items.append(_draw(block, style, layout.padding))
    outer = Paint(None, style.identity.stroke, style.identity.outer_stroke_width)
    items.append(Rect(*layout.frame, outer))
    if layout.footer is not None:
        footer = style.footer.text
        x, y, text = layout.footer
        anchor = {"left": "start", "center": "middle"}.get(footer.align, "end")
        items.append(
            Group((Text((TextLine(x, y, text),), footer.face, footer.size, footer.color, anchor),), "fg-footer")
        )
    attrs = (
        ("data-flowgen-form", "lampiran"),
        ("data-sheet", "identitas"),
        ("data-page", str(layout.page)),
        ("data-pages", str(layout.pages)),
    )
    return Page(
        layout.width, layout.height, Group(tuple(items)), layout.title, attrs, style.paper.fill, style.document.language
    )


def identity_scenes(layout: IdentityLayout, style: ResolvedStyle) -> list[Page]:
    """The identity sheet and its continuation sheets, drawn."""
    return [identity_scene(sheet, style) for sheet in layout.sheets]


def _line(style: ResolvedStyle, fill: str | None = None) -> Paint:
    return Paint(fill, style.identity.stroke, style.identity.stroke_width)


def _draw(block: IdentityBlock, style: ResolvedStyle, pad: tuple[float, float, float, float]) -> Group:
    x0, y0, x1, y1 = block.box
    fill = style.box(block.element, block.classes).fill
    align = block.align or style.text(block.element, block.classes).align
    children: list[Item] = [Rect(x0, y0, x1 - x0, y1 - y0, _line(style, fill))]
    cursor = y0 + pad[0]
    for part in block.parts:
        column: IdentityLines | None = part
        left = x0 + pad[3]
        while column is not None:  # a long list's columns, each holding the next
            if any(text for _, text in column.lines):
                children.append(_block_text(column, left, x1 - pad[1], cursor, align))
            left += column.second_x
            column = column.second
        cursor += part.height + part.gap_after
    title = "\n".join(part.source for part in block.parts if part.source) or None
    return Group(tuple(children), "fg-cell", (("data-row", "identity"), ("data-col", block.col)), title)
