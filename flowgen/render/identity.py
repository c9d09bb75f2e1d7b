"""The identity sheet (lembar identitas): the first page of the lampiran.

It follows the Permenpan form and the signed sheets units actually use:
the logo with the agency and unit on the left; Nomor SOP, the three dates,
Disahkan oleh (position, room for the signature, name, NIP — centred, as
signed sheets print them) and Nama SOP on the right; then six boxes in two
columns — Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan |
Peralatan/Perlengkapan, Peringatan | Pencatatan dan Pendataan — each a
numbered list with hanging indents.  The two halves of the page split at
the same place top and bottom, and the boxes share out the rest of the page.
Empty fields print the style's "-".
"""

from __future__ import annotations

from dataclasses import dataclass

from flowgen.layout.symbols import fit
from flowgen.model.types import Procedure
from flowgen.model.values import DateValue, format_date
from flowgen.render.scene import Group, Image, Item, Page, Paint, Rect, Text, TextLine
from flowgen.style.resolve import ResolvedStyle, TextStyle
from flowgen.text import baselines, block_height, clean, measure, wrap

BOXES = (
    ("dasar-hukum", "legal_basis", "kualifikasi", "qualifications"),
    ("keterkaitan", "related", "peralatan", "equipment"),
    ("peringatan", "warnings", "pencatatan", "records"),
)

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class _Lines:
    """Lines of text with their own x offsets (for hanging indents) and a style."""

    lines: tuple[tuple[float, str], ...]  # (indent from the left edge, text)
    style: TextStyle
    width: float
    gap_after: float = 0.0
    source: str = ""  # the text unwrapped: the <title> of its cell

    @property
    def height(self) -> float:
        return block_height(len(self.lines), self.style.size, self.style.line_height)


@dataclass(frozen=True)
class _Block:
    col: str
    box: Box
    parts: tuple[_Lines, ...]
    element: str
    classes: tuple[str, ...] = ()
    align: str | None = None  # None: the style's text-align


def _date(value: DateValue | None, style: ResolvedStyle) -> str:
    if value is None:
        return style.labels["empty"]
    return format_date(value.date, style.labels["date-format"], style.labels.months)


def _plain(text: str, style: TextStyle, width: float, gap_after: float = 0.0) -> _Lines:
    fitted = fit(text, style, width)
    return _Lines(tuple((0.0, line) for line in fitted.lines or ("",)), style, width, gap_after, fitted.whole)


def _balanced(text: str, style: TextStyle, width: float) -> _Lines:
    """Wrapped into as few lines as the width allows, but evenly (no word left alone on the last line)."""
    lines = fit(text, style, width).lines
    low, high = width * 0.4, width
    for _ in range(12):
        middle = (low + high) / 2
        if len(fit(text, style, middle).lines) <= len(lines):
            high = middle
        else:
            low = middle
    fitted = fit(text, style, high)
    return _Lines(tuple((0.0, line) for line in fitted.lines), style, width, 4.0, fitted.whole)


def _numbered(items: tuple[str, ...], style: TextStyle, width: float, empty: str) -> _Lines:
    """A numbered list; a wrapped item's further lines start under its text, not under its number."""
    if not items:
        return _Lines(((0.0, empty),), style, width)
    lines: list[tuple[float, str]] = []
    for number, item in enumerate(items, start=1):
        mark = f"{number}. "
        indent = measure(style.face, style.size, mark)
        wrapped = wrap(clean(item), style.face, style.size, max(width - indent, style.size * 4)) or [""]
        lines.append((0.0, mark + wrapped[0]))
        lines += [(indent, line) for line in wrapped[1:]]
    source = "\n".join(f"{number}. {' '.join(clean(item).split())}" for number, item in enumerate(items, start=1))
    return _Lines(tuple(lines), style, width, source=source)


def _block_text(part: _Lines, x0: float, x1: float, top: float, align: str) -> Text:
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


def identity_scene(procedure: Procedure, style: ResolvedStyle, page_number: int, pages: int) -> Page:
    size, margin = style.page
    ident = procedure.identity
    labels = style.labels
    empty = labels["empty"]
    x0, y0 = margin[3], margin[0]
    width = size.width - margin[1] - margin[3]
    pad = style.box("identity").padding
    label_style = style.text("identity-label")
    value_style = style.text("identity-value")
    title_style = style.text("identity-value", ("title",))
    header_style = style.text("identity-header")
    box_title_style = style.text("identity-title")
    box_style = style.text("identity-box")
    split = min(0.8, max(0.2, float(style.value("identity", "split"))))
    left_w = width * split
    right_x = x0 + left_w
    right_w = width - left_w
    label_w = right_w * min(0.6, max(0.1, float(style.value("identity", "label-share"))))
    value_x = right_x + label_w
    inner_label = label_w - pad[1] - pad[3]
    inner_value = right_w - label_w - pad[1] - pad[3]
    blocks: list[_Block] = []

    def row(key: str, value: _Lines, top: float, classes: tuple[str, ...] = (), align: str | None = None) -> float:
        label = _plain(labels[key], label_style, inner_label)
        height = max(label.height, value.height) + pad[0] + pad[2]
        blocks.append(_Block(f"{key}-label", (right_x, top, value_x, top + height), (label,), "identity-label"))
        blocks.append(_Block(key, (value_x, top, x0 + width, top + height), (value,), "identity-value", classes, align))
        return top + height

    top = y0
    top = row("nomor", _plain(clean(ident.number) or empty, value_style, inner_value), top)
    top = row("dibuat", _plain(_date(ident.created, style), value_style, inner_value), top)
    top = row("revisi", _plain(_date(ident.revised, style), value_style, inner_value), top)
    top = row("efektif", _plain(_date(ident.effective, style), value_style, inner_value), top)
    approval = ident.approved_by
    signature = float(style.value("identity", "signature-height"))
    parts = [_plain(clean(approval.position) if approval else empty, value_style, inner_value, signature)]
    if approval and approval.name:
        parts.append(_plain(clean(approval.name), title_style, inner_value, 2.0))
    if approval and approval.nip:
        parts.append(_plain(f"{labels['nip']} {clean(approval.nip)}", value_style, inner_value))
    label = _plain(labels["disahkan"], label_style, inner_label)
    content = sum(p.height + p.gap_after for p in parts)
    height = max(label.height, content) + pad[0] + pad[2]
    blocks.append(_Block("disahkan-label", (right_x, top, value_x, top + height), (label,), "identity-label"))
    blocks.append(
        _Block("disahkan", (value_x, top, x0 + width, top + height), tuple(parts), "identity-value", align="center")
    )
    top += height
    top = row("nama-sop", _plain(clean(ident.title) or empty, title_style, inner_value), top, ("title",))
    right_bottom = top

    # the left block: logo, agency, unit
    logo, logo_w, logo_h = style.logo
    header_inner = left_w - pad[1] - pad[3] - 12
    header_parts = [
        _balanced(header_style.transform(text), header_style, header_inner)
        for text in (clean(ident.agency), clean(ident.unit))
        if text
    ]
    header_h = sum(p.height + p.gap_after for p in header_parts) + (logo_h + 8 if logo else 0.0)
    block_bottom = max(right_bottom, y0 + header_h + pad[0] + pad[2] + 12)
    if block_bottom > right_bottom:  # stretch the title row to meet a taller left block
        for k in (-2, -1):
            b = blocks[k]
            blocks[k] = _Block(
                b.col, (b.box[0], b.box[1], b.box[2], block_bottom), b.parts, b.element, b.classes, b.align
            )
    items: list[Item] = []
    left_children: list[Item] = [Rect(x0, y0, left_w, block_bottom - y0, _line(style))]
    cursor = y0 + (block_bottom - y0 - header_h) / 2
    if logo:
        left_children.append(Image(x0 + (left_w - logo_w) / 2, cursor, logo_w, logo_h, str(logo)))
        cursor += logo_h + 8
    for part in header_parts:
        left_children.append(_block_text(part, x0 + pad[3] + 6, x0 + left_w - pad[1] - 6, cursor, header_style.align))
        cursor += part.height + part.gap_after
    header_title = "\n".join(part.source for part in header_parts) or None
    items.append(
        Group(tuple(left_children), "fg-cell", (("data-row", "identity"), ("data-col", "instansi")), header_title)
    )

    # the six boxes, split where the top block splits, sharing out the rest of the page
    footer = style.text("footer")
    bottom_limit = size.height - margin[2] - (footer.size * 2.2 if style.shown("footer") else 0.0)
    rows: list[tuple[float, float, list[tuple[str, float, float, _Lines, _Lines]]]] = []
    for left_key, left_field, right_key, right_field in BOXES:
        fits = []
        title_h = body_h = 0.0
        for key, attr, bx, bw in ((left_key, left_field, x0, left_w), (right_key, right_field, right_x, right_w)):
            title = _plain(box_title_style.transform(labels[key]), box_title_style, bw - pad[1] - pad[3])
            body = _numbered(getattr(ident, attr), box_style, bw - pad[1] - pad[3], empty)
            fits.append((key, bx, bw, title, body))
            title_h = max(title_h, title.height + pad[0] + pad[2])
            body_h = max(body_h, body.height + pad[0] + pad[2], float(style.value("identity-box", "min-height")))
        rows.append((title_h, body_h, fits))
    spare = bottom_limit - block_bottom - sum(t + b for t, b, _ in rows)
    extra = max(0.0, spare) / len(rows)
    top = block_bottom
    for title_h, body_h, fits in rows:
        for key, bx, bw, title, body in fits:
            blocks.append(_Block(f"{key}-title", (bx, top, bx + bw, top + title_h), (title,), "identity-title"))
            blocks.append(
                _Block(key, (bx, top + title_h, bx + bw, top + title_h + body_h + extra), (body,), "identity-box")
            )
        top += title_h + body_h + extra

    for block in blocks:
        items.append(_draw(block, style, pad))
    items.append(
        Rect(
            x0,
            y0,
            width,
            top - y0,
            Paint(None, style.value("identity", "stroke"), float(style.value("identity", "outer-stroke-width"))),
        )
    )
    if style.shown("footer"):
        text = labels["page"].format(page=page_number, pages=pages)
        x = {"left": x0, "center": x0 + width / 2}.get(footer.align, x0 + width)
        anchor = {"left": "start", "center": "middle"}.get(footer.align, "end")
        items.append(
            Group(
                (Text((TextLine(x, top + footer.size * 1.6, text),), footer.face, footer.size, footer.color, anchor),),
                "fg-footer",
            )
        )
    attrs = (
        ("data-flowgen-form", "lampiran"),
        ("data-sheet", "identitas"),
        ("data-page", str(page_number)),
        ("data-pages", str(pages)),
    )
    return Page(size.width, size.height, Group(tuple(items)), clean(ident.title) or "lampiran", attrs, "#ffffff")


def _line(style: ResolvedStyle, fill: str | None = None) -> Paint:
    return Paint(fill, style.value("identity", "stroke"), float(style.value("identity", "stroke-width")))


def _draw(block: _Block, style: ResolvedStyle, pad: tuple[float, float, float, float]) -> Group:
    x0, y0, x1, y1 = block.box
    fill = style.box(block.element, block.classes).fill
    align = block.align or style.text(block.element, block.classes).align
    children: list[Item] = [Rect(x0, y0, x1 - x0, y1 - y0, _line(style, fill))]
    cursor = y0 + pad[0]
    for part in block.parts:
        if any(text for _, text in part.lines):
            children.append(_block_text(part, x0 + pad[3], x1 - pad[1], cursor, align))
        cursor += part.height + part.gap_after
    title = "\n".join(part.source for part in block.parts if part.source) or None
    return Group(tuple(children), "fg-cell", (("data-row", "identity"), ("data-col", block.col)), title)
