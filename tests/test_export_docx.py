"""The Word document: read back with python-docx, and converted by LibreOffice where it is installed."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable
from html import unescape
from pathlib import Path
from typing import Any, cast

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Length
from pypdf import PdfReader

from flowgen import parse
from flowgen.api import render_lampiran, resolve_style
from flowgen.export.docx import SOFT_HYPHEN, soft_hyphens
from flowgen.layout.symbols import FittedText
from flowgen.layout.table.identity_lists import IdentityLines, marked, own_numbers
from flowgen.layout.table.place import layout_table
from flowgen.layout.table.types import TableLayout
from flowgen.model.types import Procedure
from flowgen.style.resolve import ResolvedStyle
from tests.helpers import EXAMPLES, KNOWN_DOCX_FAULTS, example_params

pytestmark = pytest.mark.graphviz
SOFFICE = shutil.which("soffice")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pt(length: Length | None) -> float:
    """A section's size in points: python-docx types every length as optional, and a missing one is a failure."""
    assert length is not None
    return float(length.pt)  # python-docx leaves .pt unannotated


def _load(path: Path, style: str) -> tuple[Procedure, ResolvedStyle, TableLayout]:
    procedure = parse(path.read_text(encoding="utf-8"), str(path))
    resolved = resolve_style(style, procedure)
    return procedure, resolved, layout_table(procedure, resolved, first_page=2)


@pytest.mark.parametrize("style", ["default", "kemendikbud"])
@pytest.mark.parametrize("path", example_params(KNOWN_DOCX_FAULTS), ids=lambda p: p.stem)
def test_every_table_and_cell_reads_back(path: Path, style: str) -> None:
    procedure, resolved, layout = _load(path, style)
    document = Document(io.BytesIO(render_lampiran(procedure, resolved, "docx")))
    tables = document.tables
    sheets = len(layout.identity.sheets)
    assert len(tables) == sheets + len(layout.pages)
    assert len(document.sections) == len(tables)
    ident = procedure.identity
    identity_text = [c.text for row in tables[0].rows for c in row.cells]
    assert ident.title in identity_text
    paragraphs = [cast(Any, p) for table in tables[:sheets] for p in table._tbl.iter(qn("w:p"))]  # nested too
    for items in (
        ident.legal_basis,
        ident.qualifications,
        ident.related,
        ident.equipment,
        ident.warnings,
        ident.records,
    ):
        own = own_numbers(tuple(items))
        for mark, body in marked(tuple(items)):  # each item its own paragraph, numbered by Word unless by its writer
            found = [p for p in paragraphs if p.text == (mark + body if own else body)]
            assert found and (found[0].find(".//" + qn("w:numPr")) is None) == own
    for table, page in zip(tables[sheets:], layout.pages, strict=True):
        texts = {_squash(c.text) for row in table.rows for c in row.cells}
        for cell in (*page.header, *page.cells):
            if cell.text.lines:
                assert _squash(cell.text.whole) in texts
        rows = table._tbl.tr_lst
        body_rows = len({row for row, _, _ in page.rows})
        assert len(rows) >= body_rows + 1
        for tr in rows:
            pr = tr.trPr
            assert pr is not None and pr.find(qn("w:cantSplit")) is not None
            height = pr.find(qn("w:trHeight"))
            assert height is not None and height.get(qn("w:hRule")) == "exact"
        heights = [float(cast(Any, tr.trPr).find(qn("w:trHeight")).get(qn("w:val"))) / 20 for tr in rows]
        assert sum(heights) == pytest.approx(page.table_box[3] - page.table_box[1], abs=0.5)  # bands too
        header = rows[0].trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        section = document.sections[tables.index(table)]
        assert _pt(section.page_width) == pytest.approx(page.width, abs=0.1)
        assert _pt(section.page_height) == pytest.approx(page.height, abs=0.1)
        assert _pt(section.top_margin) == pytest.approx(page.table_box[1], abs=0.1)
        assert _pt(section.left_margin) == pytest.approx(page.table_box[0], abs=0.1)
    assert document.core_properties.title == ident.title


def test_word_may_break_a_word_only_where_flowgen_hyphenated_it() -> None:
    """A narrow Output column: flowgen sets "permoho-" / "nan"; Word gets a soft hyphen there, not a hard one."""
    assert soft_hyphens(FittedText(("Berkas", "permoho-", "nan"), 40, 30, "Berkas permohonan")) == (
        f"Berkas permoho{SOFT_HYPHEN}nan"
    )
    assert soft_hyphens(FittedText(("Surat masuk-", "keluar"), 40, 20, "Surat masuk-keluar")) == "Surat masuk-keluar"


def test_a_title_longer_than_words_properties_hold_is_cut_at_a_word() -> None:
    """Word keeps 255 characters in a core property; a five-line title made python-docx raise (an internal error)."""
    title = " ".join(["Penerbitan Surat Izin Pemanfaatan dan Pengusahaan Air Tanah"] * 6)
    procedure = parse(f"judul: {title}\npelaksana:\n  a = Staf\nalur:\n  mulai a: Mulai\n  selesai a: Selesai\n")
    document = Document(io.BytesIO(render_lampiran(procedure, resolve_style("default", procedure), "docx")))
    shown = document.core_properties.title
    assert len(shown) <= 255 and shown.endswith("…") and title.startswith(shown[:-1].rstrip())
    assert not shown[:-1].endswith(" ")


def test_each_table_page_has_its_drawing_behind_it() -> None:
    procedure, resolved, layout = _load(EXAMPLES[0], "default")
    document = Document(io.BytesIO(render_lampiran(procedure, resolved, "docx")))
    anchors = document.element.body.findall(".//" + qn("wp:anchor"))
    assert len(anchors) == len(layout.pages)
    assert {a.get("behindDoc") for a in anchors} == {"1"}
    svgs = [p for p in document.part.package.iter_parts() if p.content_type == "image/svg+xml"]
    assert len(svgs) == len(layout.pages)
    assert all(b"fg-step" in p.blob and b"fg-cell" not in p.blob for p in svgs)


def _pdf_text(pdf: Path, number: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


Word = tuple[float, float, float, float, str]  # x0, y0, x1, y1 (from the page's top left, in points), text


def _pdf_words(pdf: Path, number: int) -> list[Word]:
    """Every word pdftotext reads on a page, with its box (a word clipped by a cell is read too, past its foot)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)
    return [(float(a), float(b), float(c), float(d), unescape(text)) for a, b, c, d, text in found]


def _inside(words: list[Word], box: tuple[float, float, float, float]) -> list[str]:
    """The words printed inside ``box`` (a line's descent may reach a point below a cell's foot, not more)."""
    x0, y0, x1, y1 = box
    return [w for a, b, c, d, w in words if a >= x0 - 1 and c <= x1 + 1 and b >= y0 - 1 and d <= y1 + 1.0]


def _letters(texts: Iterable[str]) -> Counter[str]:
    return Counter(c for text in texts for c in text if not c.isspace() and c not in "-–")


def _all_lines(part: IdentityLines | None) -> list[tuple[float, str]]:
    """A box's lines, every column's."""
    return [*part.lines, *_all_lines(part.second)] if part is not None else []


CONVERTED = [
    (EXAMPLES[0], "default"),
    (EXAMPLES[0].parent / "penerbitan-izin.pos", "kemendikbud"),
    (EXAMPLES[0].parent / "penerimaan-tamu-pengadilan.pos", "presentasi"),
    (EXAMPLES[0].parent / "izin-pemanfaatan-air-tanah.pos", "default"),  # an identity continuation sheet
    (EXAMPLES[0].parent / "izin-pemanfaatan-air-tanah.pos", "kemendikbud"),  # its box across the row
    (EXAMPLES[0].parent / "izin-pemanfaatan-air-tanah.pos", "presentasi"),  # in three columns across the row
    (EXAMPLES[0].parent / "pendaftaran-pasien-puskesmas.pos", "english"),
]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (sh scripts/install.sh test)")
@pytest.mark.parametrize(("path", "style"), CONVERTED, ids=lambda v: getattr(v, "stem", v))
def test_libreoffice_prints_every_cell_on_flowgens_pages(path: Path, style: str, tmp_path: Path) -> None:
    procedure, resolved, layout = _load(path, style)
    (tmp_path / "sop.docx").write_bytes(render_lampiran(procedure, resolved, "docx"))
    profile = tmp_path / "profile"
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "sop.docx")],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    converted = (tmp_path / "sop.pdf").read_bytes()
    flowgen_pdf = render_lampiran(procedure, resolved, "pdf")
    pages = PdfReader(io.BytesIO(converted)).pages
    assert len(pages) == len(PdfReader(io.BytesIO(flowgen_pdf)).pages)
    sheets = len(layout.identity.sheets)
    for number, sheet in enumerate(layout.identity.sheets, start=1):  # the identity sheets: every box's words
        words = _pdf_words(tmp_path / "sop.pdf", number)
        for b in sheet.blocks:
            if b.element != "identity-box":
                continue
            # every letter of the box printed inside it, none past its foot (hyphens aside: Word breaks "ber-AC"
            # after its own hyphen where flowgen moves the word whole, and has no syllable hyphens)
            wanted = _letters(line for p in b.parts for _, line in _all_lines(p))
            assert wanted - _letters(_inside(words, b.box)) == Counter(), (number, b.col)
    for number, page in enumerate(layout.pages, start=1 + sheets):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(tmp_path / "sop.pdf"), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        # pdftotext reads a line across the columns, so cells of several lines interleave: compare words
        # (-layout keeps the columns apart: without it a word broken at a soft hyphen ran into its neighbour's)
        printed = Counter(text.split())
        # (a dash that ends a line, "30 menit -" / "1 jam", is not read back by pdftotext from LibreOffice's
        # page as a word of its own, so dashes standing alone are not counted)
        wanted = Counter(
            word
            for cell in (*page.header, *page.cells)
            for word in soft_hyphens(cell.text).split()
            if word not in ("-", "–")
        )
        for word in [w for w in wanted if SOFT_HYPHEN in w]:  # broken where flowgen broke it, or not at all
            head, tail = word.split(SOFT_HYPHEN, 1)
            count = wanted.pop(word)
            if printed[head + "-"] >= count and printed[tail] >= count:
                printed.subtract({head + "-": count, tail: count})
            else:
                wanted[head + tail] += count
        assert wanted - printed == Counter(), number
