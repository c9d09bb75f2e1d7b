"""Where a keterkaitan item stands on an SOP's identity sheet, for a link over it in the book's PDF.

The place comes from the identity sheet's own layout (the one its PDF was
painted from), not from reading the PDF back: extracting the text of a page
with pypdf costs a tenth of a second a page, more than drawing the sheet.  A
line matches an item when it holds the item's first characters (spaces
ignored), inside the keterkaitan cell; the link covers the item's lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from flowgen.layout.table.identity import layout_identity
from flowgen.model.types import Procedure
from flowgen.render.identity import identity_scene
from flowgen.render.scene import Group, Item, Page, Text
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import measure

PROBE = 14  # characters of an item that find its first line
CELLS = ("keterkaitan", "related")  # the cell's data-col, in either language
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points (from the bottom)


def _cells(item: Item, inside: bool = False) -> Iterator[tuple[Text, bool]]:
    if isinstance(item, Group):
        here = inside or dict(item.attrs).get("data-col") in CELLS
        for child in item.children:
            yield from _cells(child, here)
    elif isinstance(item, Text):
        yield item, inside


def identity_page(procedure: Procedure, style: ResolvedStyle, pages: int) -> Page:
    """The first identity sheet of a procedure, drawn as its lampiran PDF draws it."""
    return identity_scene(layout_identity(procedure, style, 1, pages), style)


def item_boxes(page: Page, items: Sequence[str]) -> list[Box | None]:
    """For each item, the box over its first line on the page (PDF coordinates), or None when not found."""
    lines = []
    for text, inside in _cells(page.root):
        for line in text.lines:
            width = measure(text.face, text.size, line.text)
            x0 = {"middle": line.x - width / 2, "end": line.x - width}.get(text.anchor, line.x)
            lines.append((inside, "".join(line.text.split()), x0, line.y, width, text.size))
    lines.sort(key=lambda found: not found[0])  # the keterkaitan cell's lines first
    boxes: list[Box | None] = []
    for item in items:
        probe = "".join(item.split())[:PROBE]
        hit = next((line for line in lines if probe and probe in line[1]), None)
        if hit is None:
            boxes.append(None)
            continue
        _, _, x0, baseline, width, size = hit
        y = page.height - baseline
        boxes.append((x0, y - size * 0.3, x0 + width, y + size * 0.95))
    return boxes
