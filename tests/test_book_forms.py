"""A signed copy's form fields (its signature fields) go into the book with its pages, and the copy stays as it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pikepdf
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from flowgen.book import build_book
from tests.helpers import two_sop_folder

TODAY = dt.date(2026, 12, 1)


def test_a_copy_with_form_fields_keeps_them_in_the_book(tmp_path: Path) -> None:
    folder = two_sop_folder(tmp_path)
    build_book(folder, today=TODAY)
    signed = folder / "cuti-pegawai.lampiran.pdf"
    drawing = canvas.Canvas(str(signed), pagesize=(595, 842))
    drawing.drawString(72, 700, "SALINAN BERTANDA TANGAN")
    drawing.acroForm.textfield(name="Penandatangan", value="Kepala Subbagian", x=72, y=600, width=200, height=20)
    drawing.showPage()
    drawing.save()
    copy = signed.read_bytes()
    result = build_book(folder, today=TODAY)
    assert signed.read_bytes() == copy
    fields = PdfReader(result.pdf).get_fields()
    assert fields is not None and fields["Penandatangan"].get("/V") == "Kepala Subbagian"
    rows = json.loads((folder / "katalog.json").read_text(encoding="utf-8"))["sop"]
    first = next(int(r["halaman"]) for r in rows if r["berkas"] == "cuti-pegawai.pos")
    with pikepdf.open(result.pdf) as book:
        widget = book.Root.AcroForm.Fields[0]
        page = book.pages[first - 1]  # the copy's page in the book
        assert widget.P.objgen == page.obj.objgen
        assert widget.objgen in [annot.objgen for annot in page.obj.Annots]
