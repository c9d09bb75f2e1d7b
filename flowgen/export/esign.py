"""The lampiran PDF made ready for electronic signing (BSrE): marker, signing-space coordinates, field, QR.

The signing service takes an existing, unencrypted PDF and puts the visible
signature either at page/x/y or where a marker character is printed; adding
or removing pages afterwards breaks the signature.  So flowgen writes one
PDF per SOP (as always) and adds, on request, only things that live on its
first page, inside the "Disahkan oleh" box's *signing space* (the room
between the signer's position and name, ``identity { signature-height }``):

- a marker text, centred in that space (``signature-marker { display: block }``;
  character, colour and size from the style);
- a QR code drawn as vector squares at the space's left end, linking to the
  address in ``[esign] qr`` (flowgen.toml);
- an empty PDF signature field over the space (``[esign] field = true``), for
  signing tools that fill a named field (pyHanko writes it incrementally, so
  the page content stays byte-identical);
- and, with ``--format signature``, ``NAME.signature.json``: the page and
  the space's box, both in flowgen's points from the top left and in PDF user
  space from the bottom left (what a signing request's x/y want).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, replace

from flowgen.layout.geometry import Box
from flowgen.layout.table.identity import IdentityLayout
from flowgen.render.scene import Document, Group, Item, Paint, Rect, Text, TextLine
from flowgen.style.resolve import ResolvedStyle

from .esign_config import EsignConfig

SIGNATURE_VERSION = 1


@dataclass(frozen=True)
class SignatureSpot:
    page: int  # 1-based: the identity sheet
    box: Box  # points, from the page's top left
    page_size: tuple[float, float]
    marker: str | None  # the printed marker (None: not printed)

    @property
    def pdf_rect(self) -> Box:
        """The box in PDF user space (origin at the bottom left): llx, lly, urx, ury."""
        x0, y0, x1, y1 = self.box
        h = self.page_size[1]
        return (x0, h - y1, x1, h - y0)


def signature_spot(identity: IdentityLayout, style: ResolvedStyle) -> SignatureSpot:
    """Where the signature goes: the width of the Disahkan oleh value box, between position and name."""
    block = next(b for b in identity.blocks if b.col == "disahkan")
    first = block.parts[0]
    top = block.box[1] + style.identity.padding[0] + first.height
    bottom = top + first.gap_after
    marker = str(style.value("signature-marker", "marker")) if style.shown("signature-marker") else None
    box = (block.box[0], round(top, 2), block.box[2], round(bottom, 2))
    return SignatureSpot(identity.page, box, (identity.width, identity.height), marker)


def _marker(spot: SignatureSpot, style: ResolvedStyle) -> list[Item]:
    if not spot.marker:
        return []
    look = style.text("signature-marker")
    x0, y0, x1, y1 = spot.box
    baseline = (y0 + y1) / 2 + look.size * 0.35
    line = TextLine((x0 + x1) / 2, baseline, spot.marker)
    return [Group((Text((line,), look.face, look.size, look.color, "middle"),), "fg-signature-marker")]


def _qr(spot: SignatureSpot, address: str | None) -> list[Item]:
    """The address as a QR code of black squares (vector: sharp at any zoom, no image in the PDF)."""
    if not address:
        return []
    import segno

    code = segno.make(address, error="m", micro=False)
    matrix = [list(row) for row in code.matrix]
    x0, y0, _, y1 = spot.box
    size = max(12.0, y1 - y0 - 4)
    cell = size / len(matrix)
    squares: list[Item] = []
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                squares.append(Rect(x0 + 4 + c * cell, y0 + 2 + r * cell, cell, cell, Paint("#000000")))
    return [Group(tuple(squares), "fg-signature-qr", (("data-href", address),))]


def esign_document(document: Document, spot: SignatureSpot, style: ResolvedStyle, config: EsignConfig) -> Document:
    """The document with the marker and QR code drawn on the identity sheet (unchanged when neither is asked)."""
    extra = _marker(spot, style) + _qr(spot, config.qr)
    if not extra:
        return document
    first = document.pages[0]
    page = replace(first, root=Group((*first.root.children, *extra), first.root.cls, first.root.attrs))
    return replace(document, pages=(page, *document.pages[1:]))


def add_signature_field(pdf: bytes, spot: SignatureSpot, name: str) -> bytes:
    """An empty signature field over the signing space, appended as an incremental update (pyHanko)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    box = tuple(round(v, 2) for v in spot.pdf_rect)
    append_signature_field(writer, SigFieldSpec(name, on_page=spot.page - 1, box=box))  # type: ignore[arg-type]
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def signature_json(spot: SignatureSpot, config: EsignConfig) -> bytes:
    """NAME.signature.json: what a signing request needs (see docs/esign.md)."""
    x0, y0, x1, y1 = spot.box
    data = {
        "flowgen-signature": SIGNATURE_VERSION,
        "page": spot.page,
        "page_size": [round(spot.page_size[0], 2), round(spot.page_size[1], 2)],
        "unit": "pt",
        "box": [round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)],
        "pdf_rect": [round(v, 2) for v in spot.pdf_rect],
        "marker": spot.marker,
        "field": config.field_name if config.field else None,
        "qr": config.qr,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def esign_pdf(document: Document, identity: IdentityLayout, style: ResolvedStyle, config: EsignConfig) -> bytes:
    """The lampiran PDF with whatever the style and the config ask for."""
    from flowgen.render.pdf import render_pdf

    spot = signature_spot(identity, style)
    pdf = render_pdf(esign_document(document, spot, style, config))
    return add_signature_field(pdf, spot, config.field_name) if config.field else pdf
