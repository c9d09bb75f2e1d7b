"""The identity sheet's layout (lembar identitas): the first page of the lampiran, measured and placed.

It follows the Permenpan form and the signed sheets units actually use:
the logo with the agency and unit on the left; Nomor SOP, No. Revisi (when
written), the three dates (as written, unless the style asks for a format),
Disahkan oleh (position, room for the signature, name, pangkat, NIP —
centred, as signed sheets print them) and Nama SOP on the right; then six boxes in two
columns — Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan |
Peralatan/Perlengkapan, Peringatan | Pencatatan dan Pendataan — each a
numbered list with hanging indents.  The two halves of the page split at
the same place top and bottom, and the boxes share out the rest of the page.
Empty fields print the style's "-".  :mod:`flowgen.render.identity` draws it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from flowgen.errors import Diagnostic, Span, warning
from flowgen.layout.geometry import Box
from flowgen.layout.symbols import fit
from flowgen.layout.table.identity_lists import BOXES, IdentityLines
from flowgen.layout.table.identity_pages import BoxSetter, Pending, SetRow, sheets_of_rows
from flowgen.model.types import Approval, Identity, Procedure
from flowgen.model.values import AS_WRITTEN, DateValue, format_date
from flowgen.style.resolve import ResolvedStyle, TextStyle
from flowgen.text import clean, measure

Rect = tuple[float, float, float, float]  # x, y, width, height (as drawn: not a Box's two corners)


@dataclass(frozen=True)
class IdentityBlock:
    """One cell of the sheet: its box and its texts, top to bottom."""

    col: str
    box: Box
    parts: tuple[IdentityLines, ...]
    element: str
    classes: tuple[str, ...] = ()
    align: str | None = None  # None: the style's text-align
    items: tuple[int, int] | None = None  # a box's items it holds (first, stop; 0-based): a box cut between sheets


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
    continued: tuple[IdentityLayout, ...] = ()  # continuation sheets: the boxes that did not fit this one

    @property
    def sheets(self) -> tuple[IdentityLayout, ...]:
        """This sheet and its continuation sheets, in order."""
        return (self, *self.continued)


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


ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
LONG_FORM = "d MMMM yyyy"  # how an ISO date is printed when the style prints dates as written


def _date(value: DateValue | None, style: ResolvedStyle) -> str:
    """A date as the sheet wrote it ("APRIL 2015", "Senin, 03 Januari 2017"), unless the style asks for a format.

    A date typed as ``2021-01-04`` is a writer's shorthand no signed sheet
    prints: "as written" sets it in the long form, "4 Januari 2021".
    """
    if value is None:
        return style.labels["empty"]
    pattern = style.labels["date-format"]
    if pattern.strip().lower() in AS_WRITTEN and ISO_DATE.fullmatch(value.written.strip()):
        pattern = LONG_FORM
    return clean(format_date(value, pattern, style.labels.months))


def _plain(text: str, style: TextStyle, width: float, gap_after: float = 0.0) -> IdentityLines:
    """A value wrapped to ``width``; its source keeps the writer's line breaks (Word prints them too)."""
    fitted = fit(text, style, width)
    source = "\n".join(" ".join(line.split()) for line in style.transform(text).split("\n") if line.strip())
    return IdentityLines(tuple((0.0, line) for line in fitted.lines or ("",)), style, width, gap_after, source)


# SHA-256 of the drawn placeholders shipped with the styles (a round seal saying "LOGO"): never printed
PLACEHOLDER_LOGOS = frozenset({"2da4d6a00efea9fe1e9c8b5975633e2c32afc57f401e2aded8aed6676b293303"})


def usable_logo(path: Path | None) -> bool:
    """A logo file that exists and is not a shipped placeholder (a unit drops in its own file)."""
    if path is None or not Path(path).is_file():
        return False
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() not in PLACEHOLDER_LOGOS


def identity_warnings(style: ResolvedStyle) -> list[Diagnostic]:
    """One warning when the style has a logo slot but no logo to put in it (the slot is left empty)."""
    logo = style.logo[0]
    if logo is None or usable_logo(logo):
        return []
    sheet = str(style.sheet.path) if style.sheet.path else style.name
    return [warning("logo-missing", Span(sheet, 0, 1, 0), None, sheet=style.name, file=str(logo))]


def header_lines(ident: Identity) -> list[str]:
    """Agency and unit as real sheets stack them: one centred line each, split on line breaks and " / "."""
    found: list[str] = []
    for text in (ident.agency, ident.unit):
        for line in (text or "").splitlines():
            found += [piece for piece in (clean(p).strip() for p in line.split(" / ")) if piece]
    return found


def _nip(label: str, nip: str, style: TextStyle, width: float) -> IdentityLines:
    """ "NIP 19870101 ..." on one line, or the number on a line of its own: never broken inside its digits.

    An empty NIP keeps its line ("NIP." with the number left for the pen).
    """
    whole = f"{label} {nip}".strip()
    if not nip or measure(style.face, style.size, whole) <= width:
        lines: tuple[tuple[float, str], ...] = ((0.0, whole),)
    else:
        lines = ((0.0, label), (0.0, nip))
    size = style.size
    while measure(style.face, size, lines[-1][1]) > width and size > style.size * 0.6:
        size *= 0.95  # a number wider than the column: set it smaller rather than break it
    return IdentityLines(lines, replace(style, size=size) if size != style.size else style, width, source=whole)


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


_NIP_LABEL = re.compile(r"\s*(NIP\b[ .:]*)", re.IGNORECASE)


def nip_label(approval: Approval, default: str) -> str:
    """The NIP word as the writer wrote it ("NIP:", "NIP.", "NIP"): the signed sheet prints its NIP part as written.

    A NIP given as 18 digits alone, or an approval not written as text
    (made in Python, read from JSON without its line), takes the style's word.
    """
    for part in approval.written.split(";")[1:]:
        found = _NIP_LABEL.match(part)
        if found:
            return found.group(1).strip()
    return default


def _approval(approval: Approval | None, style: ResolvedStyle, width: float) -> list[IdentityLines]:
    """Disahkan oleh: jabatan, room for the signature, nama (bold), pangkat, NIP — the lines of ``Approval.lines``."""
    value_style = style.identity.value.text
    if approval is None:
        return [_plain(style.labels["empty"], value_style, width, style.identity.signature_height)]
    label = nip_label(approval, style.labels["nip"])
    first, *rest = approval.lines(label)
    parts = [_plain(clean(first) or style.labels["empty"], value_style, width, style.identity.signature_height)]
    if approval.name:
        parts.append(_plain(clean(rest.pop(0)), style.identity.value_title.text, width, 2.0))
    if approval.rank:
        parts.append(_plain(clean(rest.pop(0)), value_style, width))
    if rest:  # the NIP line, even with no number
        parts.append(_nip(label, clean(approval.nip), value_style, width))
    return parts


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
    if ident.revision:  # "No. Revisi": only on the sheets that have the row
        top = row("no-revisi", _plain(clean(ident.revision), value_style, f.inner_value), top)
    top = row("dibuat", _plain(_date(ident.created, style), value_style, f.inner_value), top)
    top = row("revisi", _plain(_date(ident.revised_date, style), value_style, f.inner_value), top)
    top = row("efektif", _plain(_date(ident.effective, style), value_style, f.inner_value), top)
    parts = _approval(ident.approved_by, style, f.inner_value)
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


def _box_sheets(
    ident: Identity, style: ResolvedStyle, f: _Frame, top: float
) -> list[tuple[list[IdentityBlock], float]]:
    """The six boxes sheet by sheet (split where the top block splits, sharing out each sheet's room)."""
    size, margin = style.page
    labels = style.labels
    pad = f.pad
    bottom = size.height - margin[2] - style.footer.room
    title_style = style.identity.title.text
    place: dict[str, tuple[float, float]] = {}
    for left_key, _, right_key, _ in BOXES:
        place[left_key], place[right_key] = (f.x0, f.left_w), (f.right_x, f.right_w)
    titles = {
        key: _plain(title_style.transform(labels[key]), title_style, bw - pad[1] - pad[3])
        for key, (_, bw) in place.items()
    }

    @functools.cache
    def title(key: str, continued: bool, width: float) -> IdentityLines:
        """A box's title; continued, the ``lanjutan`` label after it as written ("PERALATAN (lanjutan)")."""
        if not continued and width == place[key][1] - pad[1] - pad[3]:
            return titles[key]
        more = f" {labels['lanjutan']}" if continued and labels["lanjutan"].strip() else ""
        plain = replace(title_style, uppercase=False)  # (the label's own case kept: only the title is in capitals)
        return _plain(title_style.transform(labels[key]) + more, plain, width)

    setter = BoxSetter(
        style.identity.box.text,
        {key: bw - pad[1] - pad[3] for key, (_, bw) in place.items()},
        labels["empty"],
        {},
        max(t.height for t in titles.values()) + pad[0] + pad[2],
        pad[0] + pad[2],
        style.identity.box_min_height,
        f.width - pad[1] - pad[3],
        title,
    )
    rows: list[Pending] = [((lk, getattr(ident, lf), 1), (rk, getattr(ident, rf), 1)) for lk, lf, rk, rf in BOXES]
    head = _continued_head(ident, style, f)
    head_h = head.box[3] - head.box[1]
    sheets: list[tuple[list[IdentityBlock], float]] = []
    for k, placed in enumerate(sheets_of_rows(rows, setter, bottom - top, bottom - f.y0 - head_h)):
        if k == 0:  # the first sheet's boxes share out its room, as the form's boxes reach its foot
            sheets.append(_place_rows(placed, place, top, bottom - top))
        else:  # a continuation sheet: headed with what it continues, its boxes as tall as their text
            blocks, foot = _place_rows(placed, {**place, "": (f.x0, f.width)}, f.y0 + head_h, 0.0)
            sheets.append(([head, *blocks], foot))
    return sheets


def _continued_head(ident: Identity, style: ResolvedStyle, f: _Frame) -> IdentityBlock:
    """The head of a continuation sheet: the SOP's title and number and "(lanjutan)", across the sheet."""
    labels = style.labels
    empty = labels["empty"]
    title = " ".join(clean(ident.title).split()) or empty
    number = " ".join(clean(ident.number).split()) or empty
    text = f"{labels['nama-sop']}: {title} \u2014 {labels['nomor']}: {number} {labels['lanjutan']}".strip()
    title_style = style.identity.value_title.text
    lines = _plain(text, title_style, f.width - f.pad[1] - f.pad[3])
    height = lines.height + f.pad[0] + f.pad[2]
    box = (f.x0, f.y0, f.x0 + f.width, f.y0 + height)
    return IdentityBlock("lanjutan", box, (lines,), "identity-value", ("title", "continued"))


def _place_rows(
    placed: list[SetRow], place: dict[str, tuple[float, float]], top: float, room: float
) -> tuple[list[IdentityBlock], float]:
    """One sheet's rows of boxes from ``top``, stretched to share out what ``room`` leaves spare; and their foot.

    ``place``: each box's x and width, and under ``""`` the whole row's (a box set across the row).
    """
    spare = room - sum(r.height for r in placed)
    extra = max(0.0, spare) / max(1, len(placed))
    blocks: list[IdentityBlock] = []
    for row in placed:
        for body in row.bodies:
            bx, bw = place["" if body.wide else body.key]
            title_box = (bx, top, bx + bw, top + row.title_h)
            blocks.append(IdentityBlock(f"{body.key}-title", title_box, (body.title,), "identity-title"))
            box = (bx, top + row.title_h, bx + bw, top + row.height + extra)
            blocks.append(IdentityBlock(body.key, box, (body.lines,), "identity-box", items=body.items))
        top += row.height + extra
    return blocks, top


def layout_identity(procedure: Procedure, style: ResolvedStyle, page: int, pages: int) -> IdentityLayout:
    """The identity sheet of a procedure, as page ``page`` of ``pages`` (its continuation sheets after it)."""
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
    header_parts = [_balanced(header_style.transform(text), header_style, header_inner) for text in header_lines(ident)]
    header_h = sum(p.height + p.gap_after for p in header_parts) + (logo_h + gap if logo else 0.0)
    block_bottom = max(right_bottom, y0 + header_h + pad[0] + pad[2] + (hp[0] + hp[2]))
    if block_bottom > right_bottom:  # stretch the title row to meet a taller left block
        for k in (-2, -1):
            b = blocks[k]
            blocks[k] = replace(b, box=(b.box[0], b.box[1], b.box[2], block_bottom))
    cursor = y0 + (block_bottom - y0 - header_h) / 2
    placed_logo: tuple[Rect, str] | None = None
    if logo:  # the slot keeps its room; a missing file or the shipped placeholder leaves it empty
        if usable_logo(logo):
            placed_logo = ((x0 + (left_w - logo_w) / 2, cursor, logo_w, logo_h), str(logo))
        cursor += logo_h + gap
    header: list[tuple[IdentityLines, float, float, float]] = []
    for part in header_parts:
        header.append((part, x0 + pad[3] + hp[3], x0 + left_w - pad[1] - hp[1], cursor))
        cursor += part.height + part.gap_after

    sheets = _box_sheets(ident, style, f, block_bottom)
    boxes, top = sheets[0]

    def footer_at(sheet: int, foot: float) -> tuple[float, float, str] | None:
        if not style.footer.shown:
            return None
        text = style.labels["page"].format(page=page + sheet, pages=pages)
        x = {"left": x0, "center": x0 + f.width / 2}.get(style.footer.text.align, x0 + f.width)
        return (x, foot + style.footer.baseline, text)

    title = " ".join(clean(ident.title).split()) or "lampiran"  # the document title: one line
    continued = tuple(
        IdentityLayout(
            size.width,
            size.height,
            title,
            pad,
            (x0, y0, 0.0, 0.0),
            None,
            (),
            tuple(more),
            (x0, y0, f.width, foot - y0),
            footer_at(k, foot),
            page + k,
            pages,
        )
        for k, (more, foot) in enumerate(sheets[1:], start=1)
    )
    return IdentityLayout(
        size.width,
        size.height,
        title,
        pad,
        (x0, y0, left_w, block_bottom - y0),
        placed_logo,
        tuple(header),
        tuple(blocks + boxes),
        (x0, y0, f.width, top - y0),
        footer_at(0, top),
        page,
        pages,
        continued,
    )
