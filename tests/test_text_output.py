"""Text as the painters draw it: titles in the SVG, PDF fonts and copied text, PNG widths, whole words in columns."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.table.place import layout_table, table_warnings
from flowgen.render.pdf import render_pdf
from flowgen.render.png import render_png
from flowgen.render.scene import Document, Group, Page, Text, TextLine
from flowgen.render.truetype import convert
from flowgen.text import FontResolver, measure
from tests.helpers import ROOT, flow

SVG = "{http://www.w3.org/2000/svg}"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
BOOKMAN = "/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf"

DASH = flow(
    "  mulai pu: Menerima berkas 12–15 lembar dari pemohon",
    "  ktu: Memeriksa pertanggungjawaban keuangan tahun 2024",
    "  ktu: Yth. Tata Usaha: AVATAR",  # kerned pairs (Yt, Ta, AV): set in several runs, copied as one text
    "  selesai pu: Mengarsipkan berkas",
)


def _groups(svg: bytes, cls: str) -> list[etree._Element]:
    return [g for g in etree.fromstring(svg).iter(f"{SVG}g") if cls in (g.get("class") or "").split()]


def _title(group: etree._Element) -> str | None:
    title = group.find(f"{SVG}title")
    return None if title is None else title.text


def test_every_text_bearing_group_carries_its_whole_text_in_a_title() -> None:
    procedure = flowgen.load(ROOT / "examples" / "perjalanan-dinas.pos")
    chart = flowgen.render_flowchart(procedure)
    pages = flowgen.render_lampiran_pages(procedure)
    for svg in [chart, *pages]:
        for cls in ("fg-step", "fg-lane", "fg-cell"):
            for group in _groups(svg, cls):
                lines = [t.text or "" for t in group.iter(f"{SVG}tspan")]
                if lines:
                    title = _title(group)
                    assert title, (cls, lines)
                    words = set(title.split())
                    assert all(w.removesuffix("-") in " ".join(words) for line in lines for w in line.split())
        for group in _groups(svg, "fg-edge"):
            assert _title(group) == group.get("data-label")  # a labelled arrow's title is its label
    lanes = {g.get("data-actor"): _title(g) for g in _groups(chart, "fg-lane")}
    assert lanes == {a.key: a.name for a in procedure.actors}
    step = next(g for g in _groups(chart, "fg-step") if g.get("data-step") == "1")
    assert _title(step) == f"1. {procedure.step(1).text}"


def test_the_title_does_not_change_the_png_or_pdf() -> None:
    face = FontResolver().resolve(["Arial"])
    text = Text((TextLine(10, 20, "Surat masuk"),), face, 9, "#000000", "start")
    plain = Page(120, 40, Group((Group((text,), "fg-cell"),)), "t")
    titled = Page(120, 40, Group((Group((text,), "fg-cell", (), "Surat masuk"),)), "t")
    assert render_png(plain) == render_png(titled)
    assert render_pdf(Document((plain,), "t")) == render_pdf(Document((titled,), "t"))


@needs_poppler
@pytest.mark.parametrize("style", ["default", "kemendikbud"])
def test_pdf_fonts_are_subset_truetype_with_tounicode_and_text_copies_as_written(style: str, tmp_path: Path) -> None:
    procedure = flowgen.parse(DASH)
    path = tmp_path / "d.pdf"
    path.write_bytes(flowgen.render_lampiran(procedure, style))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows
    for row in rows:
        assert re.fullmatch(r"[A-Z]{6}\+\S+", row[0]), row  # a subset
        assert row[1] == "TrueType" and row[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, ToUnicode
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(out.split())
    assert "Menerima berkas 12–15 lembar dari pemohon" in text
    assert "pertanggungjawaban keuangan tahun 2024" in text
    assert "Yth. Tata Usaha: AVATAR" in text


def test_a_cff_font_gets_truetype_outlines_with_its_own_advances() -> None:
    from fontTools.ttLib import TTFont

    source = TTFont(BOOKMAN)
    converted = TTFont(io.BytesIO(convert(Path(BOOKMAN).read_bytes())))
    assert "glyf" in converted and "CFF " not in converted
    assert converted.getGlyphOrder() == source.getGlyphOrder()
    assert all(converted["hmtx"][g][0] == source["hmtx"][g][0] for g in source.getGlyphOrder())
    assert convert(Path(BOOKMAN).read_bytes()) == convert(Path(BOOKMAN).read_bytes())  # no date inside


def _ink(image: Image.Image) -> tuple[int, int]:
    box = image.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
    assert box is not None
    return box[0], box[2]


@needs_poppler
@pytest.mark.parametrize("family", ["Arial", "Bookman"])
def test_png_text_is_as_wide_as_the_pdf_text(family: str, tmp_path: Path) -> None:
    """At 300 dpi the PNG line and the rasterised PDF line start and end within 2 pixels (0.5 pt)."""
    face = FontResolver().resolve([family])
    for size in (7.65, 8.1, 9.0):
        for anchor, x in (("start", 10.0), ("middle", 200.0), ("end", 390.0)):
            line = TextLine(x, 25, "Kepala Subbagian Tata Usaha menelaah surat dan lembar disposisi")
            page = Page(400, 40, Group((Text((line,), face, size, "#000000", anchor),)), "t")
            png = Image.open(io.BytesIO(render_png(page, 300)))
            (tmp_path / "a.pdf").write_bytes(render_pdf(Document((page,), "t")))
            raster: list[str | Path] = [
                "pdftoppm",
                "-r",
                "300",
                "-png",
                "-singlefile",
                tmp_path / "a.pdf",
                tmp_path / "a",
            ]
            subprocess.run(raster, check=True)
            (pl, pr), (ql, qr) = _ink(png), _ink(Image.open(tmp_path / "a.png"))
            assert abs(pl - ql) <= 2 and abs(pr - qr) <= 2, (size, anchor, pl - ql, pr - qr)


def _header_lines(procedure: flowgen.Procedure, style: str) -> dict[str, tuple[str, ...]]:
    table = layout_table(procedure, resolve_style(style, procedure)).pages[0]
    return {cell.col: cell.text.lines for cell in table.header}


def test_headers_keep_whole_words_when_the_page_has_room() -> None:
    text = flow("  mulai pu: Menerima surat", "  selesai ktu: Mengarsipkan surat").replace(
        "pu = Pengadministrasi Umum", "pu = Pengadministrasi Kepegawaian"
    )
    procedure = flowgen.parse(text)
    for style in ("default", "kemendikbud", "presentasi", "english"):
        for col, lines in _header_lines(procedure, style).items():
            assert not any(line.endswith("-") for line in lines), (style, col, lines)
        narrow = [d for d in table_warnings(procedure, resolve_style(style, procedure)) if d.code == "table-too-narrow"]
        assert narrow == []  # (kemendikbud also warns that its logo slot shows the placeholder)


def test_a_long_body_word_widens_its_column_when_the_page_has_room() -> None:
    address = "pelayanan.informasi@kemdikbud.go.id"
    lines = ("  mulai pu: Menerima surat", f"    kelengkapan: {address}", "  selesai ktu: Selesai")
    procedure = flowgen.parse(flow(*lines))
    style = resolve_style("default", procedure)
    table = layout_table(procedure, style).pages[0]
    cell = next(c for c in table.cells if c.col == "kelengkapan" and c.row == "1")
    assert cell.text.lines == (address,)
    text_style = style.text("cell", ("kelengkapan",))
    assert cell.box[2] - cell.box[0] >= measure(text_style.face, text_style.size, address) + 6


def test_a_sheet_too_narrow_for_its_columns_says_so_and_keeps_its_symbols_whole() -> None:
    procedure = flowgen.load(ROOT / "examples" / "pengadaan-barang.pos")
    style = resolve_style(None, procedure, options="@page { size: A4 portrait; }")
    found = table_warnings(procedure, style)
    assert [d.code for d in found] == ["table-too-narrow"]
    assert "A4 portrait" in found[0].message and "'Pejabat Pengadaan'" in found[0].message
    assert "terlalu sempit" in found[0].render_message("id")
    for table in layout_table(procedure, style).pages:
        for symbol in table.symbols:
            if symbol.kind.is_terminator:
                assert symbol.shape.w >= 1.8 * symbol.shape.h  # still a capsule, never a circle
    wide = resolve_style(None, procedure)
    assert table_warnings(procedure, wide) == []


def test_the_build_warns_of_a_sheet_too_narrow_for_its_table(tmp_path: Path) -> None:
    from flowgen.build import BuildOptions, build_file

    sheet = tmp_path / "tegak.css"
    sheet.write_text('@import "default";\n@page { size: A4 portrait; }\n', encoding="utf-8")
    options = BuildOptions(formats=frozenset({"svg"}), forms=frozenset({"lampiran"}), style=str(sheet))
    result = build_file(ROOT / "examples" / "pengadaan-barang.pos", tmp_path, options)
    assert result.ok
    assert [(d.code, d.span.file) for d in result.diagnostics] == [("table-too-narrow", str(sheet))]
    options = BuildOptions(formats=frozenset({"svg"}), forms=frozenset({"flowchart"}), style=str(sheet))
    assert build_file(ROOT / "examples" / "pengadaan-barang.pos", tmp_path, options).diagnostics == ()
