"""The page a reviewer signs off: the NEW lampiran with the changed rows marked in the margin.

Revised documents mark what changed with a bar in the margin; the same is done here.  flowgen's own
lampiran is drawn as usual and then post-processed as a scene: every ``fg-cell`` group carries its
``data-row`` (a step number, or ``identity`` with the field in ``data-col``), so the rows a change
touches are found by their groups and a bar is laid beside them: left of the table, or on the
identity sheet in the margin on the changed cell's side; one colour per kind of change (added step,
changed step, arrow or branch changed, identity field changed).
A legend above the table names the colours and the older revision.  The layout code is not
touched: the marks are extra primitives on top of the finished page, painted by the same painters.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flowgen import Procedure
from flowgen.api import lampiran_document
from flowgen.cycle.diff import Comparison
from flowgen.cycle.words import word
from flowgen.render.scene import Document, Group, Item, Page, Paint, Rect, Text, TextLine, bounds, walk
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import measure

COLOURS = {"added": "#2e7d32", "changed": "#e65100", "arrow": "#1565c0", "identity": "#6a1b9a"}
ORDER = ("added", "changed", "arrow", "identity")
BAR = 3.5  # width of a margin bar
GAP = 5.0  # between the bar and the table
IDENTITY_CELLS = {"judul": "nama-sop", "instansi": "instansi", "unit": "instansi"}


def marked_rows(comparison: Comparison) -> dict[str, str]:
    """Row key → kind of mark.  Step rows are keyed by their new number; identity cells by field."""
    rows: dict[str, str] = {}
    for c in comparison.section("steps"):
        if c.new_step is not None:
            kind = "added" if c.kind == "added" else "changed"
            if rows.get(str(c.new_step)) != "added":
                rows[str(c.new_step)] = kind
    for c in comparison.section("arrows"):
        for number in (c.new_step, c.new_target):
            if number is not None:
                rows.setdefault(str(number), "arrow")
    for c in comparison.section("identity"):
        rows.setdefault(f"identity:{IDENTITY_CELLS.get(c.field, c.field)}", "identity")
    return rows


def _row_boxes(page: Page) -> dict[str, tuple[float, float, float, float]]:
    """Each row's extent on the page: the union of its cells' outlines."""
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for item in walk(page.root):
        if not (isinstance(item, Group) and item.cls == "fg-cell"):
            continue
        attrs = dict(item.attrs)
        row = attrs.get("data-row", "")
        key = f"identity:{attrs.get('data-col', '')}" if row == "identity" else row
        box = bounds(item)
        if box is None:
            continue
        old = boxes.get(key)
        boxes[key] = (
            box if old is None else (min(old[0], box[0]), min(old[1], box[1]), max(old[2], box[2]), max(old[3], box[3]))
        )
    return boxes


def _legend(kinds: list[str], x: float, baseline: float, style: ResolvedStyle, lang: str, old: str) -> Group:
    face, size = style.text("footer").face, 7.0
    items: list[Item] = []
    head = word(lang, "marks-head", old=Path(old).name)
    items.append(Text((TextLine(x, baseline, head),), face, size, "#000000", "start"))
    cursor = x + measure(face, size, head) + 8
    for kind in kinds:
        items.append(Rect(cursor, baseline - size * 0.8, BAR, size, Paint(COLOURS[kind])))
        cursor += BAR + 3
        text = word(lang, f"mark-{kind}")
        items.append(Text((TextLine(cursor, baseline, text),), face, size, "#000000", "start"))
        cursor += measure(face, size, text) + 10
    return Group(tuple(items), "fg-revision-legend")


def mark_page(page: Page, rows: dict[str, str], style: ResolvedStyle, lang: str, old: str) -> Page:
    boxes = _row_boxes(page)
    if not boxes:
        return page
    left = min(b[0] for b in boxes.values())
    right = max(b[2] for b in boxes.values())
    top = min(b[1] for b in boxes.values())
    bars: list[Item] = []
    kinds: set[str] = set()
    for key, kind in rows.items():
        if key in boxes and key != "header":
            x0, y0, x1, y1 = boxes[key]
            # a cell in the right half of the identity sheet is marked in the right margin, beside it
            beside_right = key.startswith("identity:") and (x0 + x1) / 2 > (left + right) / 2
            x = right + GAP if beside_right else left - GAP - BAR
            bars.append(Rect(x, y0 + 1, BAR, max(1.0, y1 - y0 - 2), Paint(COLOURS[kind])))
            kinds.add(kind)
    if not bars:
        return page
    legend = _legend([k for k in ORDER if k in kinds], left, top - 6, style, lang, old)
    root = Group((page.root, Group(tuple(bars), "fg-revision-marks"), legend))
    return replace(page, root=root, attrs=(*page.attrs, ("data-revision-marks", str(len(bars)))))


def marked_document(new: Procedure, comparison: Comparison, style: ResolvedStyle, lang: str) -> Document:
    """The NEW procedure's lampiran with every changed row marked (pages without changes as they are)."""
    document = lampiran_document(new, style)
    rows = marked_rows(comparison)
    pages = tuple(mark_page(p, rows, style, lang, comparison.old_name) for p in document.pages)
    return replace(document, pages=pages)
