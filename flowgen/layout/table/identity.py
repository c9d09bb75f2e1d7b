"""The identity sheet's layout (lembar identitas): the first page of the lampiran, measured and placed.

It follows the Permenpan form and the signed sheets units actually use:
the logo with the agency and unit on the left; Nomor SOP, the three dates,
Disahkan oleh (position, room for the signature, name, NIP — centred, as
signed sheets print them) and Nama SOP on the right; then six boxes in two
columns — Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan |
Peralatan/Perlengkapan, Peringatan | Pencatatan dan Pendataan — each a
numbered list with hanging indents.  The two halves of the page split at
the same place top and bottom, and the boxes share out the rest of the page.
Empty fields print the style's "-".  :mod:`flowgen.render.identity` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flowgen.layout.geometry import Box
from flowgen.layout.symbols import fit
from flowgen.model.types import Identity, Procedure
from flowgen.model.values import DateValue, format_date
from flowgen.style.resolve import ResolvedStyle, TextStyle
from flowgen.text import block_height, clean, measure, wrap

BOXES = (
    ("dasar-hukum", "legal_basis", "kualifikasi", "qualifications"),
    ("keterkaitan", "related", "peralatan", "equipment"),
    ("peringatan", "warnings", "pencatatan", "records"),
)

Rect = tuple[float, float, float, float]  # x, y, width, height (as drawn: not a Box's two corners)


@dataclass(frozen=True)
class IdentityLines:
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
class IdentityBlock:
    """One cell of the sheet: its box and its texts, top to bottom."""

    col: str
    box: Box
    parts: tuple[IdentityLines, ...]
    element: str
    classes: tuple[str, ...] = ()
    align: str | None = None  # None: the style's text-align


@dataclass(frozen=True)
class IdentityLayout:
    """The identity sheet placed: the left block (logo, agency, unit), the cells, the frame, the footer."""

    width: float
    height: float
    title: str
    padding: tuple[float, float, float, float]
    left: Rect
    logo: tuple[Rect, str] | None  # where the logo goes and its file
    header: tuple[tuple[IdentityLines, float, float, float], ...]  # (text, x0, x1, top) in the left block
    blocks: tuple[IdentityBlock, ...]
    frame: Rect  # the outer border
    footer: tuple[float, float, str] | None  # x, baseline, text
    page: int
    pages: int


@dataclass(frozen=True)
class _Frame:
    """Where the sheet's two halves lie (the right one split again into labels and values)."""

    x0: float
    y0: float
    width: float
    left_w: float
    right_x: float
    right_w: float
    value_x: float
    inner_label: float
    inner_value: float
    pad: tuple[float, float, float, float]


def _date(value: DateValue | None, style: ResolvedStyle) -> str:
    if value is None:
        return style.labels["empty"]
    return format_date(value.date, style.labels["date-format"], style.labels.months)


def _plain(text: str, style: TextStyle, width: float, gap_after: float = 0.0) -> IdentityLines:
    fitted = fit(text, style, width)
    return IdentityLines(tuple((0.0, line) for line in fitted.lines or ("",)), style, width, gap_after, fitted.whole)


def _balanced(text: str, style: TextStyle, width: float) -> IdentityLines:
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
    return IdentityLines(tuple((0.0, line) for line in fitted.lines), style, width, 4.0, fitted.whole)


def _numbered(items: tuple[str, ...], style: TextStyle, width: float, empty: str) -> IdentityLines:
    """A numbered list; a wrapped item's further lines start under its text, not under its number."""
    if not items:
        return IdentityLines(((0.0, empty),), style, width)
    lines: list[tuple[float, str]] = []
    for number, item in enumerate(items, start=1):
        mark = f"{number}. "
        indent = measure(style.face, style.size, mark)
        wrapped = wrap(clean(item), style.face, style.size, max(width - indent, style.size * 4)) or [""]
        lines.append((0.0, mark + wrapped[0]))
        lines += [(indent, line) for line in wrapped[1:]]
    source = "\n".join(f"{number}. {' '.join(clean(item).split())}" for number, item in enumerate(items, start=1))
    return IdentityLines(tuple(lines), style, width, source=source)


def _frame(style: ResolvedStyle) -> _Frame:
    size, margin = style.page
    x0, y0 = margin[3], margin[0]
    width = size.width - margin[1] - margin[3]
    pad = style.identity.padding
    split = min(0.8, max(0.2, style.identity.split))
    left_w = width * split
    right_x = x0 + left_w
    right_w = width - left_w
    label_w = right_w * min(0.6, max(0.1, style.identity.label_share))
    value_x = right_x + label_w
    inner_label = label_w - pad[1] - pad[3]
    inner_value = right_w - label_w - pad[1] - pad[3]
    return _Frame(x0, y0, width, left_w, right_x, right_w, value_x, inner_label, inner_value, pad)


def _right(ident: Identity, style: ResolvedStyle, f: _Frame) -> tuple[list[IdentityBlock], float]:
    """The right block: Nomor SOP, the dates, Disahkan oleh and Nama SOP, label beside value; and its foot."""
    labels = style.labels
    empty = labels["empty"]
    pad = f.pad
    label_style = style.identity.label.text
    value_style = style.identity.value.text
    title_style = style.identity.value_title.text
    blocks: list[IdentityBlock] = []

    def row(key: str, value: IdentityLines, top: float, classes: tuple[str, ...] = ()) -> float:
        label = _plain(labels[key], label_style, f.inner_label)
        height = max(label.height, value.height) + pad[0] + pad[2]
        blocks.append(
            IdentityBlock(f"{key}-label", (f.right_x, top, f.value_x, top + height), (label,), "identity-label")
        )
        blocks.append(
            IdentityBlock(key, (f.value_x, top, f.x0 + f.width, top + height), (value,), "identity-value", classes)
        )
        return top + height

    top = f.y0
    top = row("nomor", _plain(clean(ident.number) or empty, value_style, f.inner_value), top)
    top = row("dibuat", _plain(_date(ident.created, style), value_style, f.inner_value), top)
    top = row("revisi", _plain(_date(ident.revised, style), value_style, f.inner_value), top)
    top = row("efektif", _plain(_date(ident.effective, style), value_style, f.inner_value), top)
    approval = ident.approved_by
    signature = style.identity.signature_height
    parts = [_plain(clean(approval.position) if approval else empty, value_style, f.inner_value, signature)]
    if approval and approval.name:
        parts.append(_plain(clean(approval.name), title_style, f.inner_value, 2.0))
    if approval and approval.nip:
        parts.append(_plain(f"{labels['nip']} {clean(approval.nip)}", value_style, f.inner_value))
    label = _plain(labels["disahkan"], label_style, f.inner_label)
    content = sum(p.height + p.gap_after for p in parts)
    height = max(label.height, content) + pad[0] + pad[2]
    blocks.append(
        IdentityBlock("disahkan-label", (f.right_x, top, f.value_x, top + height), (label,), "identity-label")
    )
    blocks.append(
        IdentityBlock(
            "disahkan", (f.value_x, top, f.x0 + f.width, top + height), tuple(parts), "identity-value", align="center"
        )
    )
    top += height
    top = row("nama-sop", _plain(clean(ident.title) or empty, title_style, f.inner_value), top, ("title",))
    return blocks, top


def _boxes(ident: Identity, style: ResolvedStyle, f: _Frame, top: float) -> tuple[list[IdentityBlock], float]:
    """The six boxes, split where the top block splits, sharing out the rest of the page; and their foot."""
    size, margin = style.page
    labels = style.labels
    pad = f.pad
    box_title_style = style.identity.title.text
    box_style = style.identity.box.text
    bottom_limit = size.height - margin[2] - style.footer.room
    rows: list[tuple[float, float, list[tuple[str, float, float, IdentityLines, IdentityLines]]]] = []
    for left_key, left_field, right_key, right_field in BOXES:
        fits = []
        title_h = body_h = 0.0
        for key, attr, bx, bw in (
            (left_key, left_field, f.x0, f.left_w),
            (right_key, right_field, f.right_x, f.right_w),
        ):
            title = _plain(box_title_style.transform(labels[key]), box_title_style, bw - pad[1] - pad[3])
            body = _numbered(getattr(ident, attr), box_style, bw - pad[1] - pad[3], labels["empty"])
            fits.append((key, bx, bw, title, body))
            title_h = max(title_h, title.height + pad[0] + pad[2])
            body_h = max(body_h, body.height + pad[0] + pad[2], style.identity.box_min_height)
        rows.append((title_h, body_h, fits))
    spare = bottom_limit - top - sum(t + b for t, b, _ in rows)
    extra = max(0.0, spare) / len(rows)
    blocks: list[IdentityBlock] = []
    for title_h, body_h, fits in rows:
        for key, bx, bw, title, body in fits:
            blocks.append(IdentityBlock(f"{key}-title", (bx, top, bx + bw, top + title_h), (title,), "identity-title"))
            blocks.append(
                IdentityBlock(
                    key, (bx, top + title_h, bx + bw, top + title_h + body_h + extra), (body,), "identity-box"
                )
            )
        top += title_h + body_h + extra
    return blocks, top


def layout_identity(procedure: Procedure, style: ResolvedStyle, page: int, pages: int) -> IdentityLayout:
    """The identity sheet of a procedure, as page ``page`` of ``pages``."""
    size, _ = style.page
    ident = procedure.identity
    f = _frame(style)
    pad = f.pad
    x0, y0, left_w = f.x0, f.y0, f.left_w
    blocks, right_bottom = _right(ident, style, f)

    # the left block: logo, agency, unit
    header_style = style.identity.header.text
    logo, logo_w, logo_h = style.logo
    hp = style.identity.header.box.padding  # the agency lines' own room inside the left block
    gap = style.logo_image.gap
    header_inner = left_w - pad[1] - pad[3] - (hp[1] + hp[3])
    header_parts = [
        _balanced(header_style.transform(text), header_style, header_inner)
        for text in (clean(ident.agency), clean(ident.unit))
        if text
    ]
    header_h = sum(p.height + p.gap_after for p in header_parts) + (logo_h + gap if logo else 0.0)
    block_bottom = max(right_bottom, y0 + header_h + pad[0] + pad[2] + (hp[0] + hp[2]))
    if block_bottom > right_bottom:  # stretch the title row to meet a taller left block
        for k in (-2, -1):
            b = blocks[k]
            blocks[k] = replace(b, box=(b.box[0], b.box[1], b.box[2], block_bottom))
    cursor = y0 + (block_bottom - y0 - header_h) / 2
    placed_logo: tuple[Rect, str] | None = None
    if logo:
        placed_logo = ((x0 + (left_w - logo_w) / 2, cursor, logo_w, logo_h), str(logo))
        cursor += logo_h + gap
    header: list[tuple[IdentityLines, float, float, float]] = []
    for part in header_parts:
        header.append((part, x0 + pad[3] + hp[3], x0 + left_w - pad[1] - hp[1], cursor))
        cursor += part.height + part.gap_after

    boxes, top = _boxes(ident, style, f, block_bottom)
    footer_at: tuple[float, float, str] | None = None
    if style.footer.shown:
        footer = style.footer.text
        text = style.labels["page"].format(page=page, pages=pages)
        x = {"left": x0, "center": x0 + f.width / 2}.get(footer.align, x0 + f.width)
        footer_at = (x, top + style.footer.baseline, text)
    return IdentityLayout(
        size.width,
        size.height,
        clean(ident.title) or "lampiran",
        pad,
        (x0, y0, left_w, block_bottom - y0),
        placed_logo,
        tuple(header),
        tuple(blocks + boxes),
        (x0, y0, f.width, top - y0),
        footer_at,
        page,
        pages,
    )
