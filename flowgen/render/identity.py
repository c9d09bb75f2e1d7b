"""The identity sheet (lembar identitas): the first page of the lampiran.

It follows the Permenpan form and the signed sheets units actually use:
the logo with the agency and unit on the left; Nomor SOP, the three dates,
Disahkan oleh (position, room for the signature, name, NIP) and Nama SOP on
the right; then six boxes in two columns — Dasar Hukum | Kualifikasi
Pelaksana, Keterkaitan | Peralatan/Perlengkapan, Peringatan | Pencatatan dan
Pendataan — each a numbered list.  Empty fields print the style's "-".
"""

from __future__ import annotations

from dataclasses import dataclass

from flowgen.layout.symbols import FittedText, fit
from flowgen.model.types import Procedure
from flowgen.model.values import DateValue, format_date
from flowgen.render.flowchart import text_block
from flowgen.render.scene import Group, Image, Item, Page, Paint, Rect, Text, TextLine
from flowgen.style.resolve import ResolvedStyle, TextStyle
from flowgen.text import block_height, clean, widest

SIGNATURE_ROOM = 46.0  # points left blank for the signature and stamp
LEFT_SHARE = 0.56
LABEL_SHARE = 0.30

BOXES = (
    ("dasar-hukum", "legal_basis", "kualifikasi", "qualifications"),
    ("keterkaitan", "related", "peralatan", "equipment"),
    ("peringatan", "warnings", "pencatatan", "records"),
)


@dataclass(frozen=True)
class _Block:
    col: str
    box: tuple[float, float, float, float]
    parts: tuple[tuple[FittedText, TextStyle, float], ...]  # text, style, gap after
    element: str
    classes: tuple[str, ...] = ()


def _date(value: DateValue | None, style: ResolvedStyle) -> str:
    if value is None:
        return style.labels["empty"]
    return format_date(value.date, style.labels["date-format"], style.labels.months)


def _numbered(items: tuple[str, ...], empty: str) -> str:
    return "\n".join(f"{i}. {clean(item)}" for i, item in enumerate(items, start=1)) if items else empty


def _fit_lines(text: str, style: TextStyle, width: float) -> FittedText:
    """Fit text that may hold several paragraphs (one per line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += list(fit(paragraph, style, width).lines) or [""]
    return FittedText(
        tuple(lines), widest(lines, style.face, style.size), block_height(len(lines), style.size, style.line_height)
    )


def identity_scene(procedure: Procedure, style: ResolvedStyle, page_number: int, pages: int) -> Page:
    size, margin = style.page
    ident = procedure.identity
    labels = style.labels
    x0, y0 = margin[3], margin[0]
    width = size.width - margin[1] - margin[3]
    pad = style.box("identity").padding
    label_style = style.text("identity-label")
    value_style = style.text("identity-value")
    title_value_style = style.text("identity-value", ("title",))
    header_style = style.text("identity-header")
    box_title_style = style.text("identity-title")
    box_style = style.text("identity-box")
    empty = labels["empty"]

    left_w = width * LEFT_SHARE
    right_x = x0 + left_w
    right_w = width - left_w
    label_w = right_w * LABEL_SHARE
    value_x = right_x + label_w
    value_w = right_w - label_w
    blocks: list[_Block] = []

    def row(
        key: str, text: str, top: float, value_style_: TextStyle, extra: float = 0.0, classes: tuple[str, ...] = ()
    ) -> float:
        label = fit(labels[key], label_style, label_w - pad[1] - pad[3])
        value = _fit_lines(text or empty, value_style_, value_w - pad[1] - pad[3])
        height = max(label.height, value.height + extra) + pad[0] + pad[2]
        blocks.append(
            _Block(
                f"{key}-label", (right_x, top, value_x, top + height), ((label, label_style, 0.0),), "identity-label"
            )
        )
        blocks.append(
            _Block(
                key,
                (value_x, top, right_x + right_w, top + height),
                ((value, value_style_, 0.0),),
                "identity-value",
                classes,
            )
        )
        return top + height

    top = y0
    top = row("nomor", clean(ident.number), top, value_style)
    top = row("dibuat", _date(ident.created, style), top, value_style)
    top = row("revisi", _date(ident.revised, style), top, value_style)
    top = row("efektif", _date(ident.effective, style), top, value_style)
    # Disahkan oleh: position, room for the signature, name, NIP
    approval = ident.approved_by
    position = clean(approval.position) if approval else empty
    name = clean(approval.name) if approval and approval.name else ""
    nip = f"{labels['nip']} {clean(approval.nip)}" if approval and approval.nip else ""
    inner = value_w - pad[1] - pad[3]
    parts: list[tuple[FittedText, TextStyle, float]] = [
        (_fit_lines(position, value_style, inner), value_style, SIGNATURE_ROOM)
    ]
    if name:
        parts.append((_fit_lines(name, title_value_style, inner), title_value_style, 0.0))
    if nip:
        parts.append((_fit_lines(nip, value_style, inner), value_style, 0.0))
    label = fit(labels["disahkan"], label_style, label_w - pad[1] - pad[3])
    content = sum(p[0].height + p[2] for p in parts) + 2 * (len(parts) - 1)
    height = max(label.height, content) + pad[0] + pad[2]
    blocks.append(
        _Block("disahkan-label", (right_x, top, value_x, top + height), ((label, label_style, 0.0),), "identity-label")
    )
    blocks.append(_Block("disahkan", (value_x, top, right_x + right_w, top + height), tuple(parts), "identity-value"))
    top += height
    top = row("nama-sop", clean(ident.title), top, title_value_style, classes=("title",))
    right_bottom = top

    # the left block: logo, agency, unit
    logo, logo_w, logo_h = style.logo
    header_inner = left_w - pad[1] - pad[3] - 8
    header_parts: list[tuple[FittedText, TextStyle, float]] = []
    for text in (clean(ident.agency), clean(ident.unit)):
        if text:
            header_parts.append(
                (_fit_lines(header_style.transform(text), header_style, header_inner), header_style, 4.0)
            )
    header_h = sum(p[0].height + p[2] for p in header_parts) + (logo_h + 8 if logo else 0.0)
    block_bottom = max(right_bottom, y0 + header_h + pad[0] + pad[2] + 8)
    if block_bottom > right_bottom:  # stretch the title row to meet the taller left block
        last = blocks[-1]
        blocks[-1] = _Block(
            last.col, (last.box[0], last.box[1], last.box[2], block_bottom), last.parts, last.element, last.classes
        )
        label_block = blocks[-2]
        blocks[-2] = _Block(
            label_block.col,
            (label_block.box[0], label_block.box[1], label_block.box[2], block_bottom),
            label_block.parts,
            label_block.element,
        )
    items: list[Item] = []
    left_top = y0 + (block_bottom - y0 - header_h) / 2
    left_children: list[Item] = [Rect(x0, y0, left_w, block_bottom - y0, _line(style))]
    cursor = left_top
    if logo:
        left_children.append(Image(x0 + (left_w - logo_w) / 2, cursor, logo_w, logo_h, str(logo)))
        cursor += logo_h + 8
    for fitted, text_style, gap in header_parts:
        left_children.append(text_block(fitted, text_style, x0 + pad[3] + 4, x0 + left_w - pad[1] - 4, cursor))
        cursor += fitted.height + gap
    items.append(Group(tuple(left_children), "fg-cell", (("data-row", "identity"), ("data-col", "instansi"))))

    # the six boxes
    top = block_bottom
    half = width / 2
    for left_key, left_field, right_key, right_field in BOXES:
        title_h = 0.0
        fits = []
        for key, attr, bx in ((left_key, left_field, x0), (right_key, right_field, x0 + half)):
            title = fit(box_title_style.transform(labels[key]), box_title_style, half - pad[1] - pad[3])
            body = _fit_lines(_numbered(getattr(ident, attr), empty), box_style, half - pad[1] - pad[3])
            fits.append((key, bx, title, body))
            title_h = max(title_h, title.height + pad[0] + pad[2])
        body_h = max(max(f[3].height for f in fits) + pad[0] + pad[2], float(style.value("identity-box", "min-height")))
        for key, bx, title, body in fits:
            blocks.append(
                _Block(
                    f"{key}-title",
                    (bx, top, bx + half, top + title_h),
                    ((title, box_title_style, 0.0),),
                    "identity-title",
                )
            )
            blocks.append(
                _Block(
                    key,
                    (bx, top + title_h, bx + half, top + title_h + body_h),
                    ((body, box_style, 0.0),),
                    "identity-box",
                )
            )
        top += title_h + body_h

    for block in blocks:
        items.append(_block(block, style, pad))
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
        footer = style.text("footer")
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


def _block(block: _Block, style: ResolvedStyle, pad: tuple[float, float, float, float]) -> Group:
    x0, y0, x1, y1 = block.box
    fill = style.box(block.element, block.classes).fill
    children: list[Item] = [Rect(x0, y0, x1 - x0, y1 - y0, _line(style, fill))]
    cursor = y0 + pad[0]
    for fitted, text_style, gap in block.parts:
        if fitted.lines:
            children.append(text_block(fitted, text_style, x0 + pad[3], x1 - pad[1], cursor))
        cursor += fitted.height + gap + 2
    return Group(tuple(children), "fg-cell", (("data-row", "identity"), ("data-col", block.col)))
