"""The e-signature-ready PDF, the signing space's coordinates, the [esign] config; builds in the new formats."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import segno
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ArrayObject

from flowgen import parse
from flowgen.api import render_lampiran, resolve_style
from flowgen.build import FORMATS, BuildOptions, build_file
from flowgen.errors import FlowgenError, RenderError, Span, StyleError
from flowgen.export.esign import esign_document, signature_spot
from flowgen.export.esign_config import EsignConfig, esign_config
from flowgen.layout.table.identity import layout_identity
from flowgen.render.scene import Document, Group, Page, Rect
from tests.helpers import EXAMPLES, ROOT

pytestmark = pytest.mark.graphviz
SOURCE = ROOT / "examples" / "surat-masuk.pos"
MARKED = '@import "default";\nsignature-marker { display: block; marker: "#"; color: #ffffff; }\n'


def _folder(tmp_path: Path, config: str, css: str | None = None) -> Path:
    shutil.copy(SOURCE, tmp_path / SOURCE.name)
    (tmp_path / "flowgen.toml").write_text(config, encoding="utf-8")
    if css is not None:
        (tmp_path / "marked.css").write_text(css, encoding="utf-8")
    return tmp_path / SOURCE.name


def _build(path: Path, formats: str, style: str | None = None) -> list[str]:
    options = BuildOptions(
        formats=BuildOptions.parse_list(formats, FORMATS, "format"),
        style=style,
    )
    result = build_file(path, None, options)
    return sorted(p.name for p in result.written)


def test_by_default_the_pdf_has_no_marker_and_no_field(tmp_path: Path) -> None:
    path = _folder(tmp_path, 'style = "default"\n')
    assert _build(path, "pdf,json") == ["surat-masuk.json", "surat-masuk.lampiran.pdf"]  # coordinates on request
    assert _build(path, "pdf,signature") == ["surat-masuk.lampiran.pdf", "surat-masuk.signature.json"]
    reader = PdfReader(tmp_path / "surat-masuk.lampiran.pdf")
    assert not reader.is_encrypted and reader.get_fields() is None
    assert "#" not in reader.pages[0].extract_text()
    spot = json.loads((tmp_path / "surat-masuk.signature.json").read_text(encoding="utf-8"))
    assert spot["page"] == 1 and spot["marker"] is None and spot["field"] is None and spot["qr"] is None


def test_marker_field_and_qr_sit_in_the_signing_space(tmp_path: Path) -> None:
    config = 'style = "default"\n[esign]\nfield = true\nfield-name = "TTE"\nqr = "https://sop.example.go.id/1"\n'
    path = _folder(tmp_path, config, MARKED)
    _build(path, "pdf,signature", str(tmp_path / "marked.css"))
    spot = json.loads((tmp_path / "surat-masuk.signature.json").read_text(encoding="utf-8"))
    assert spot["marker"] == "#" and spot["field"] == "TTE" and spot["qr"] == "https://sop.example.go.id/1"
    llx, lly, urx, ury = spot["pdf_rect"]
    x0, y0, x1, y1 = spot["box"]
    assert (llx, urx) == (x0, x1) and ury - lly == pytest.approx(y1 - y0, abs=0.02)
    assert lly == pytest.approx(spot["page_size"][1] - y1, abs=0.02)
    pdf = tmp_path / "surat-masuk.lampiran.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2 and not reader.is_encrypted
    fields = reader.get_fields()
    assert fields is not None
    field = fields["TTE"]
    assert field["/FT"] == "/Sig" and "/V" not in field  # empty: the signing service fills it
    annots = reader.pages[0]["/Annots"]
    assert isinstance(annots, ArrayObject)
    widget = next(a.get_object() for a in annots)
    assert [round(float(v), 1) for v in widget["/Rect"]] == [round(v, 1) for v in spot["pdf_rect"]]
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], check=True, capture_output=True
    ).stdout
    words = etree.fromstring(html, etree.HTMLParser()).iter("word")
    mark = next(w for w in words if w.text == "#")
    cx = (_coord(mark, "xmin") + _coord(mark, "xmax")) / 2
    cy = (_coord(mark, "ymin") + _coord(mark, "ymax")) / 2
    assert x0 < cx < x1 and y0 < cy < y1


def test_the_qr_code_is_the_addresss_own_modules() -> None:
    procedure = parse(SOURCE.read_text(encoding="utf-8"), str(SOURCE))
    style = resolve_style("default", procedure)
    spot = signature_spot(layout_identity(procedure, style, 1, 2), style)
    address = "https://sop.example.go.id/surat-masuk"
    page = esign_document(Document((_blank(),), "t"), spot, style, EsignConfig(qr=address)).pages[0]
    group = next(c for c in page.root.children if isinstance(c, Group) and c.cls == "fg-signature-qr")
    squares = [c for c in group.children if isinstance(c, Rect)]
    dark = sum(bool(v) for row in segno.make(address, error="m", micro=False).matrix for v in row)
    assert len(squares) == dark
    assert all(spot.box[0] <= s.x and s.x + s.w <= spot.box[2] and spot.box[1] <= s.y <= spot.box[3] for s in squares)


def _coord(word: etree._Element, name: str) -> float:
    """One of pdftotext's word-box coordinates; a word without it fails here rather than as float(None)."""
    value = word.get(name)
    assert value is not None, name
    return float(value)


def _blank() -> Page:
    return Page(100, 100, Group(()), "t")


@pytest.mark.parametrize(
    ("config", "line", "column", "words"),
    [
        ("[esign]\nfeild = true\n", 2, 1, "unknown setting 'feild'"),
        ('[esign]\nfield = "yes"\n', 2, 1, "true or false"),
        ('style = "default"\n[esign]\nqr = "javascript:alert(1)"\n', 3, 1, "http:// or https://"),
        ('[esign]\nfield-name = "a.b"\n', 2, 1, "without a dot"),
    ],
)
def test_a_wrong_esign_setting_is_an_error_at_its_place(
    tmp_path: Path, config: str, line: int, column: int, words: str
) -> None:
    (tmp_path / "flowgen.toml").write_text(config, encoding="utf-8")
    with pytest.raises(StyleError) as caught:
        esign_config(tmp_path / "flowgen.toml")
    diagnostic = caught.value.errors[0]
    assert (diagnostic.span.line, diagnostic.span.column) == (line, column)
    assert words in diagnostic.message
    assert diagnostic.render_message("id") != diagnostic.message


def test_every_example_builds_in_every_new_format(tmp_path: Path) -> None:
    for source in EXAMPLES:
        shutil.copy(source, tmp_path / source.name)
        names = _build(tmp_path / source.name, "docx,drawio,bpmn")
        stem = source.stem
        assert names == sorted([f"{stem}.bpmn", f"{stem}.flowchart.drawio", f"{stem}.lampiran.docx"])


def test_a_failing_format_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(SOURCE, tmp_path / SOURCE.name)
    _build(tmp_path / SOURCE.name, "pdf")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(*_args: object) -> bytes:
        raise RenderError.single("unknown-format", Span("t", 1, 1, 1), name="docx", known="", suggestion=None)

    monkeypatch.setattr("flowgen.export.docx.docx_bytes", broken)
    with pytest.raises(FlowgenError):
        _build(tmp_path / SOURCE.name, "pdf,docx,drawio,bpmn")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_the_library_gives_docx_bytes_and_refuses_a_flowchart_format() -> None:
    procedure = parse(SOURCE.read_text(encoding="utf-8"), str(SOURCE))
    data = render_lampiran(procedure, "default", "docx")
    assert data[:2] == b"PK" and b"word/document.xml" in data
    with pytest.raises(FlowgenError, match="docx"):
        render_lampiran(procedure, "default", "bpmn")
    assert io.BytesIO(data).getbuffer().nbytes == len(data)
