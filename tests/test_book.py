"""The book of SOPs (flowgen book DIR): the PDF, its parts and links, the catalogue, the checks, the config."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from pypdf.generic import ArrayObject, Destination, StreamObject
from reportlab.pdfgen import canvas

from flowgen.book import build_book, check_book, read_book_config
from flowgen.book.collect import add_months
from flowgen.cli import main
from flowgen.drawcheck import check_svg
from flowgen.errors import FlowgenError
from tests.helpers import ROOT, two_sop_folder

TODAY = dt.date(2026, 12, 1)
CHECKERS = [p / "shared" / "tools" / "svgcheck.py" for p in (ROOT.parent, ROOT.parent.parent)]
CONFIG = """style = "kemendikbud"

[book]
title = "Standar Operasional Prosedur Administrasi Pemerintahan"
agency = "Kementerian Pendidikan Dasar dan Menengah"
unit = "Direktorat Sekolah Menengah Pertama"
address = "Jalan Jenderal Sudirman, Senayan, Jakarta 10270"
year = 2026
decree = "keputusan.txt"
scope = "Seluruh SOP Direktorat."
summary = "Setiap SOP terdiri atas lembar identitas dan bagan alir."

[book.definitions]
SOP = "Standar Operasional Prosedur."
"Mutu Baku" = "Ukuran kelengkapan, waktu dan output."
"""
DECREE = "KEPUTUSAN DIREKTUR\nNOMOR 1/2026\n\nMenimbang: bahwa perlu.\n\nDitetapkan di Jakarta\n\nDr. Nama Direktur\n"


def _text(pdf: Path, first: int, last: int | None = None) -> str:
    last = last or first
    args = ["pdftotext", "-f", str(first), "-l", str(last), "-layout", str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def make_book(folder: Path) -> Path:
    """Five SOPs: one of the book's own unit, two in 'Subbagian Tata Usaha' (unit.toml), two in 'keuangan'."""
    examples = ROOT / "examples"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "flowgen.toml").write_text(CONFIG, encoding="utf-8")
    (folder / "keputusan.txt").write_text(DECREE, encoding="utf-8")
    shutil.copy(examples / "pengadaan-barang.pos", folder / "pengadaan-barang.pos")
    tu = folder / "tu"
    tu.mkdir(exist_ok=True)
    (tu / "unit.toml").write_text('name = "Subbagian Tata Usaha"\norder = 1\n', encoding="utf-8")
    text = (examples / "surat-masuk.pos").read_text(encoding="utf-8")
    # cross-references: one by judul, one by nomor, one to nothing
    text = text.replace(
        "keterkaitan: POS Pengarsipan Dokumen",
        "keterkaitan:\n  - POS Pelayanan Permintaan Cuti Tahunan Pegawai Negeri Sipil\n"
        "  - SOP 008/POS/SET-DJTP/2024\n  - POS Pengarsipan Dokumen",
    )
    (tu / "01-surat-masuk.pos").write_text(text, encoding="utf-8")
    shutil.copy(examples / "cuti-pegawai.pos", tu / "02-cuti-pegawai.pos")
    money = folder / "keuangan"
    money.mkdir(exist_ok=True)
    shutil.copy(examples / "perjalanan-dinas.pos", money / "perjalanan-dinas.pos")
    shutil.copy(examples / "layanan-informasi-publik.pos", money / "layanan-informasi-publik.pos")
    return folder


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_book(tmp_path_factory.mktemp("book") / "buku")
    result = build_book(folder, today=TODAY, jobs=2)
    assert result.failures == {}
    return folder


def catalogue(folder: Path) -> list[dict[str, object]]:
    data = json.loads((folder / "katalog.json").read_text(encoding="utf-8"))
    return list(data["sop"])


# -- the PDF --------------------------------------------------------------------------------------


def test_the_cover_shows_title_agency_unit_year_and_address(book: Path) -> None:
    cover = " ".join(_text(book / "dokumen-sop.pdf", 1).split())
    for text in (
        "STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN",
        "KEMENTERIAN PENDIDIKAN DASAR DAN MENENGAH",
        "DIREKTORAT SEKOLAH MENENGAH PERTAMA",
        "2026",
        "Jalan Jenderal Sudirman, Senayan, Jakarta 10270",
    ):
        assert text in cover


def test_the_parts_come_in_the_order_of_bab_ii_c(book: Path) -> None:
    pdf = book / "dokumen-sop.pdf"
    assert "KEPUTUSAN DIREKTUR" in _text(pdf, 2)
    assert "DAFTAR ISI" in _text(pdf, 3)
    notes = _text(pdf, 4)
    assert "PENJELASAN SINGKAT PENGGUNAAN" in notes
    assert re.search(r"A\.\s+Ruang Lingkup", notes) and "Mutu Baku" in notes


def test_the_contents_give_the_page_where_each_sop_starts(book: Path) -> None:
    pdf = book / "dokumen-sop.pdf"
    contents = _text(pdf, 3)
    rows = catalogue(book)
    assert [r["judul"] for r in rows][:1] == ["Pengadaan Barang melalui Metode Pengadaan Langsung"]
    page = 5  # cover, decree, contents, notes
    printed = [int(m.group(1)) for line in contents.splitlines() if (m := re.search(r"\s(\d+)$", line.rstrip()))]
    assert printed[:2] == [2, 4]  # Keputusan Pimpinan, Penjelasan Singkat Penggunaan
    assert printed[2:-1] == [r["halaman"] for r in rows]
    assert printed[-1] == 3  # the page's own number at its foot
    for row in rows:
        assert row["halaman"] == page
        nomor = str(row["nomor"])
        identity = " ".join(_text(pdf, page).split())
        assert nomor in identity  # the identity sheet of that SOP is on that page
        page += len(PdfReader(book / str(row["pdf"])).pages)
    assert len(PdfReader(pdf).pages) == page - 1


def test_the_contents_group_sops_by_unit(book: Path) -> None:
    lines = [" ".join(line.split()) for line in _text(book / "dokumen-sop.pdf", 3).splitlines() if line.strip()]
    headings = [
        line for line in lines if line in ("Direktorat Sekolah Menengah Pertama", "Subbagian Tata Usaha", "keuangan")
    ]
    assert headings == ["Direktorat Sekolah Menengah Pertama", "Subbagian Tata Usaha", "keuangan"]


def test_every_sop_title_is_in_the_book(book: Path) -> None:
    text = " ".join(_text(book / "dokumen-sop.pdf", 1, len(PdfReader(book / "dokumen-sop.pdf").pages)).split())
    for row in catalogue(book):
        assert str(row["judul"]) in text


def test_bookmarks_per_part_unit_and_sop(book: Path) -> None:
    reader = PdfReader(book / "dokumen-sop.pdf")

    def walk(items: Sequence[object], depth: int = 0) -> list[tuple[int, str | None, int]]:
        out: list[tuple[int, str | None, int]] = []
        for item in items:
            if isinstance(item, list):
                out += walk(item, depth + 1)
            else:
                assert isinstance(item, Destination)
                page = reader.get_destination_page_number(item)
                assert page is not None
                out.append((depth, item.title, page + 1))
        return out

    marks = walk(reader.outline)
    assert marks[:5] == [
        (0, "Halaman Judul", 1),
        (0, "Keputusan Pimpinan", 2),
        (0, "Daftar Isi", 3),
        (0, "Penjelasan Singkat Penggunaan", 4),
        (0, "Prosedur Operasional Standar", 5),
    ]
    units = [(d, t) for d, t, _ in marks if d == 1]
    assert units == [(1, "Direktorat Sekolah Menengah Pertama"), (1, "Subbagian Tata Usaha"), (1, "keuangan")]
    sops = [(t, p) for d, t, p in marks if d == 2]
    assert sops == [(f"{r['nomor']} — {r['judul']}", r["halaman"]) for r in catalogue(book)]


def test_the_sop_pages_are_the_per_sop_pdfs_as_they_are_with_the_books_page_number(book: Path) -> None:
    book_pdf = PdfReader(book / "dokumen-sop.pdf")
    for row in catalogue(book):
        own = PdfReader(book / str(row["pdf"]))
        first = int(str(row["halaman"])) - 1
        for index, page in enumerate(own.pages):
            mine, theirs = book_pdf.pages[first + index].get_contents(), page.get_contents()
            assert mine is not None and theirs is not None
            assert theirs.get_data().strip() in mine.get_data()  # drawn as it was, the number laid over it
            streams = book_pdf.pages[first + index]["/Contents"].get_object()
            assert isinstance(streams, ArrayObject)
            raw = [s.get_object()._data for s in streams]
            stored = page["/Contents"].get_object()
            assert isinstance(stored, StreamObject)
            own_raw = stored._data
            assert own_raw in raw  # the SOP's own stream copied as it was stored, not decoded and written again
            shown = book_pdf.pages[first + index].extract_text().split()
            assert shown[-1] == str(first + index + 1), shown[-6:]  # the last thing on the page, below its footer


def test_contents_rows_and_cross_references_are_links(book: Path) -> None:
    reader = PdfReader(book / "dokumen-sop.pdf")

    def targets(page: int) -> list[int]:
        annots = reader.pages[page - 1].get("/Annots") or []
        found = []
        for annot in annots:
            dest = annot.get_object()["/Dest"]
            number = reader.get_page_number(dest[0].get_object())
            assert number is not None
            found.append(number + 1)
        return found

    rows = {str(r["judul"]): int(str(r["halaman"])) for r in catalogue(book)}
    assert sorted(targets(3)) == sorted([2, 4, *rows.values()])
    surat = rows["Pengelolaan Surat Masuk"]
    assert sorted(targets(surat)) == sorted(
        [
            rows["Pelayanan Permintaan Cuti Tahunan Pegawai Negeri Sipil"],
            rows["Pelaksanaan dan Pertanggungjawaban Perjalanan Dinas Dalam Negeri"],
        ]
    )


def test_the_books_own_pages_have_svg_twins_that_check_clean(book: Path) -> None:
    twins = sorted(book.glob("dokumen-sop.halaman-*.svg"))
    assert [p.name for p in twins] == [f"dokumen-sop.halaman-{n}.svg" for n in (1, 2, 3, 4)]
    for twin in twins:
        assert [str(f) for f in check_svg(twin.read_bytes())] == []
    checker = next((c for c in CHECKERS if c.is_file()), None)
    if checker is None:
        pytest.skip("the outside geometry checker is not here")
    result = subprocess.run([sys.executable, str(checker), *map(str, twins)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_a_second_build_renders_nothing_and_keeps_every_sop_pdf(book: Path) -> None:
    pdfs = {p: p.read_bytes() for p in book.rglob("*.lampiran.pdf")}
    result = build_book(book, today=TODAY)
    assert (result.rendered, result.kept) == (0, 5)
    assert {p: p.read_bytes() for p in book.rglob("*.lampiran.pdf")} == pdfs


def _stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")}


def test_nothing_changed_skips_every_sop_and_the_book(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "buku")
    first = build_book(folder, today=TODAY)
    assert (first.rendered, first.kept, first.current) == (5, 0, False)
    before = _stamps(folder)
    again = build_book(folder, today=TODAY)
    assert (again.rendered, again.kept, again.current) == (0, 5, True)
    assert (again.pages, again.entries) == (first.pages, first.entries)
    assert _stamps(folder) == before  # nothing was written
    later = build_book(folder, today=TODAY + dt.timedelta(days=1))  # the catalogue's review marks depend on the day
    assert (later.rendered, later.current) == (0, False)
    (folder / "tu" / "unit.toml").write_text('name = "Subbagian Umum"\norder = 1\n', encoding="utf-8")
    renamed = build_book(folder, today=TODAY + dt.timedelta(days=1))
    assert (renamed.rendered, renamed.current) == (0, False)
    assert "Subbagian Umum" in _text(folder / "dokumen-sop.pdf", 3)


def test_a_corrupt_manifest_rebuilds_and_never_skips_wrongly(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "buku")
    build_book(folder, today=TODAY)
    for manifest in folder.rglob(".flowgen-manifest.json"):
        manifest.write_text('{"schema": "flowgen/manifest", "format": 1, "entries": {"x": [', encoding="utf-8")
    result = build_book(folder, today=TODAY)
    assert (result.rendered, result.kept, result.current) == (5, 0, False)
    assert build_book(folder, today=TODAY).current


def test_a_signed_copy_dropped_in_is_kept_and_put_in_the_book(tmp_path: Path) -> None:
    folder = two_sop_folder(tmp_path)
    build_book(folder, today=TODAY)
    signed = folder / "cuti-pegawai.lampiran.pdf"
    pages = len(PdfReader(signed).pages)
    drawing = canvas.Canvas(str(signed), pagesize=(595, 842))
    for number in range(pages):
        drawing.drawString(72, 700, f"SALINAN BERTANDA TANGAN {number + 1}")
        drawing.showPage()
    drawing.save()
    copy = signed.read_bytes()
    result = build_book(folder, today=TODAY)
    assert (result.rendered, result.kept, result.current) == (0, 2, False)
    assert signed.read_bytes() == copy
    assert "SALINAN BERTANDA TANGAN 1" in _text(folder / "dokumen-sop.pdf", 1, result.pages)
    assert build_book(folder, today=TODAY).current


def test_a_changed_sop_is_rendered_again_alone(tmp_path: Path) -> None:
    folder = two_sop_folder(tmp_path)
    assert (build_book(folder, today=TODAY).rendered, build_book(folder, today=TODAY).rendered) == (2, 0)
    source = folder / "surat-masuk.pos"
    source.write_text(source.read_text(encoding="utf-8").replace("Menerima surat masuk", "Menerima surat"), "utf-8")
    result = build_book(folder, today=TODAY)
    assert (result.rendered, result.kept, result.current) == (1, 1, False)
    assert "Menerima surat" in _text(folder / "dokumen-sop.pdf", 6, len(PdfReader(folder / "dokumen-sop.pdf").pages))


def test_a_signed_decree_pdf_is_inserted_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "buku"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "surat-masuk.pos", folder)
    drawing = canvas.Canvas(str(folder / "sk.pdf"), pagesize=(595, 842))
    for number in (1, 2):
        drawing.drawString(72, 700, f"KEPUTUSAN BERTANDA TANGAN halaman {number}")
        drawing.showPage()
    drawing.save()
    (folder / "flowgen.toml").write_text('[book]\ndecree = "sk.pdf"\n', encoding="utf-8")
    build_book(folder, today=TODAY)
    pdf = folder / "dokumen-sop.pdf"
    assert "KEPUTUSAN BERTANDA TANGAN halaman 1" in _text(pdf, 2)
    assert "KEPUTUSAN BERTANDA TANGAN halaman 2" in _text(pdf, 3)
    assert "DAFTAR ISI" in _text(pdf, 4)


# -- the catalogue ---------------------------------------------------------------------------------


def test_katalog_csv_has_one_row_per_sop(book: Path) -> None:
    with (book / "katalog.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["judul"] for r in rows] == [str(r["judul"]) for r in catalogue(book)]
    surat = next(r for r in rows if r["judul"] == "Pengelolaan Surat Masuk")
    assert (surat["nomor"], surat["unit"], surat["efektif"], surat["tinjau"]) == (
        "001/POS/SMP/TU/2021",
        "Subbagian Tata Usaha",
        "2021-07-01",
        "2022-07-01",
    )
    assert (surat["langkah"], surat["pelaksana"], surat["waktu"], surat["status"]) == (
        "10",
        "3",
        "1 hari 1 jam 25 menit",
        "due",
    )
    for row in rows:
        for key in ("pdf", "svg", "png"):
            assert (book / row[key]).is_file()


def test_review_is_a_year_after_efektif_unless_the_file_says_otherwise(tmp_path: Path) -> None:
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    folder = tmp_path / "buku"
    folder.mkdir()
    text = (ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8")
    (folder / "a.pos").write_text("# tinjau: 1 Maret 2027\n" + text, encoding="utf-8")
    assert check_book(folder, TODAY) == [] or all(d.code != "review-due" for d in check_book(folder, TODAY))
    build_book(folder, today=TODAY)
    assert catalogue(folder)[0]["tinjau"] == "2027-03-01"


def test_the_catalogue_page_in_a_real_browser(book: Path) -> None:
    sync = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed")
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    with sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((book / "index.html").as_uri())
        assert page.locator("#katalog tbody tr:visible").count() == 5
        page.fill("#cari", "surat masuk")
        assert page.locator("#katalog tbody tr:visible").count() == 1
        assert page.locator("#jumlah").inner_text() == "1"
        page.fill("#cari", "")
        page.click("#katalog th:has-text('Langkah')")
        steps = [int(t) for t in page.locator("#katalog tbody tr td:nth-child(7)").all_inner_texts()]
        assert steps == sorted(steps)
        page.click("#katalog th:has-text('Langkah')")
        steps = [int(t) for t in page.locator("#katalog tbody tr td:nth-child(7)").all_inner_texts()]
        assert steps == sorted(steps, reverse=True)
        assert page.locator("tr.due").count() >= 1
        surat = page.locator("tr", has_text="Pengelolaan Surat Masuk")
        surat.locator("a.ref", has_text="008/POS/SET-DJTP/2024").click()
        assert page.evaluate("location.hash").startswith("#sop-keuangan-perjalanan-dinas")
        assert page.locator("tr:target").inner_text().count("Perjalanan Dinas") >= 1
        href = surat.locator("a", has_text="PDF").get_attribute("href")
        assert href is not None and (book / href).is_file()
        surat.locator("a", has_text="SVG").click()
        page.wait_for_load_state()
        assert page.url.endswith("01-surat-masuk.flowchart.svg")
        browser.close()
    assert all(url.startswith("file://") for url in requests)


def test_text_from_a_pos_file_is_escaped_in_the_catalogue(tmp_path: Path) -> None:
    folder = tmp_path / "buku"
    folder.mkdir()
    text = (ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8")
    (folder / "a.pos").write_text(
        text.replace("judul: Pengelolaan Surat Masuk", "judul: <script>x()</script>"), encoding="utf-8"
    )
    build_book(folder, today=TODAY)
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "<script>x()" not in page and "&lt;script&gt;x()&lt;/script&gt;" in page


# -- checks ------------------------------------------------------------------------------------------


def test_check_book_finds_duplicates_overdue_reviews_and_broken_references(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "buku")
    shutil.copy(ROOT / "examples" / "surat-masuk.pos", folder / "keuangan" / "salinan.pos")
    found = [
        (d.severity.value, d.code, Path(d.span.file).name, d.span.line, d.span.column)
        for d in check_book(folder, TODAY)
        if d.code.startswith("book-") or d.code == "review-due"
    ]
    assert ("error", "book-duplicate-nomor", "salinan.pos", 3, 8) in found
    assert ("warning", "book-broken-ref", "01-surat-masuk.pos", 17, 5) in found
    assert ("warning", "review-due", "01-surat-masuk.pos", 8, 1) in found
    refs = [f for f in found if f[1] == "book-broken-ref" and f[2] == "01-surat-masuk.pos"]
    assert len(refs) == 1  # the two that name SOPs of the book are fine


def test_flowgen_check_dir_exit_code(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "buku")
    runner = CliRunner()
    clean = runner.invoke(main, ["check", str(folder)])
    assert clean.exit_code == 0, clean.output
    assert "keterkaitan 'POS Pengarsipan Dokumen' names no SOP of this book" in clean.output
    strict = runner.invoke(main, ["check", "--strict", str(folder)])
    assert strict.exit_code == 1


def test_flowgen_book_command(tmp_path: Path) -> None:
    folder = tmp_path / "buku"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "surat-masuk.pos", folder)
    out = tmp_path / "keluaran"
    result = CliRunner().invoke(main, ["book", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "dokumen-sop.pdf").is_file() and (out / "index.html").is_file()
    assert (out / "surat-masuk.lampiran.pdf").is_file()
    assert not (folder / "dokumen-sop.pdf").exists()
    assert f"[1/1] built {folder / 'surat-masuk.pos'}" in result.output  # progress, as plain lines off a terminal
    again = CliRunner().invoke(main, ["book", str(folder), "-o", str(out)])
    assert again.exit_code == 0, again.output
    assert f"[1/1] up to date {folder / 'surat-masuk.pos'}" in again.output
    assert f"{out / 'dokumen-sop.pdf'}: up to date, " in again.output
    forced = CliRunner().invoke(main, ["book", str(folder), "-o", str(out), "--force"])
    assert f"[1/1] built {folder / 'surat-masuk.pos'}" in forced.output
    assert "(1 rendered, 0 up to date, 0 failed)" in forced.output and ": up to date, " not in forced.output


# -- the [book] config ---------------------------------------------------------------------------------


def _config_errors(tmp_path: Path, text: str) -> list[tuple[int, int, str, str | None]]:
    (tmp_path / "flowgen.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FlowgenError) as info:
        read_book_config(tmp_path)
    return [(d.span.line, d.span.column, d.message, d.hint) for d in info.value.diagnostics]


def test_an_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    assert _config_errors(tmp_path, 'style = "default"\n\n[book]\ntitel = "Buku"\n') == [
        (
            4,
            1,
            "unknown setting 'titel' in [book]",
            "did you mean 'title'? [book] knows: title, agency, unit, address, year, logo, decree, scope, summary, "
            "definitions, review-months",
        ),
    ]


def test_values_of_the_wrong_kind_are_refused_where_they_are(tmp_path: Path) -> None:
    errors = _config_errors(tmp_path, '[book]\nyear = "2026"\nreview-months = 0\ntitle = 5\n')
    assert [(line, column, message) for line, column, message, _ in errors] == [
        (2, 8, "'year' in [book] must be a year such as 2026"),
        (3, 17, "'review-months' in [book] must be a whole number of months from 1 to 120"),
        (4, 9, "'title' in [book] must be a text"),
    ]


def test_paths_must_stay_inside_the_book_folder(tmp_path: Path) -> None:
    (tmp_path / "rahasia.txt").write_text("RAHASIA", encoding="utf-8")
    book = tmp_path / "buku"
    book.mkdir()
    errors = _config_errors(book, '[book]\ndecree = "../rahasia.txt"\nlogo = "/etc/passwd"\n')
    assert [(line, message) for line, _c, message, _h in errors] == [
        (2, "'decree' names '../rahasia.txt', which is outside the book's folder"),
        (3, "'logo' names '/etc/passwd', which is outside the book's folder"),
    ]
    assert all("RAHASIA" not in (hint or "") for *_rest, hint in errors)


def test_a_missing_file_and_a_wrong_kind_of_file(tmp_path: Path) -> None:
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    errors = _config_errors(tmp_path, '[book]\ndecree = "sk.pdf"\nlogo = "logo.gif"\n')
    assert [message for _l, _c, message, _h in errors] == [
        "'decree' names 'sk.pdf', which does not exist",
        "'logo' must name a PNG or JPEG file in the book's folder, not 'logo.gif'",
    ]


def test_config_messages_in_indonesian(tmp_path: Path) -> None:
    (tmp_path / "flowgen.toml").write_text('[book]\ntitel = "Buku"\n', encoding="utf-8")
    with pytest.raises(FlowgenError) as info:
        read_book_config(tmp_path)
    assert info.value.diagnostics[0].render_message("id") == "pengaturan 'titel' tidak dikenal di [book]"


def test_a_unit_toml_with_a_mistake(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "buku")
    (folder / "tu" / "unit.toml").write_text('nama = "TU"\n', encoding="utf-8")
    found = [(Path(d.span.file).name, d.span.line, d.message) for d in check_book(folder, TODAY) if d.is_error]
    assert found == [("unit.toml", 1, "unknown setting 'nama' in [unit]")]


def test_a_file_with_errors_is_left_out_and_reported(tmp_path: Path) -> None:
    folder = tmp_path / "buku"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "surat-masuk.pos", folder)
    (folder / "rusak.pos").write_text("judul: Rusak\npelaksana:\n  pu = PU\nalur:\n  mulai kut: a\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["book", str(folder)])
    assert result.exit_code == 1
    assert "rusak.pos: left out of the book: " in result.output
    assert "1 SOPs (1 rendered, 0 up to date, 1 failed)" in result.output
    assert (folder / "dokumen-sop.pdf").is_file()


def test_a_sheet_styles_the_books_own_pages(tmp_path: Path) -> None:
    from flowgen.book.config import BookConfig
    from flowgen.book.pages import cover_page, frame
    from flowgen.render.scene import Text, walk
    from flowgen.style.choose import style_for

    sheet = tmp_path / "buku.css"
    sheet.write_text(
        '@import "default";\nbook-page { size: A5 portrait; }\ncover.title { font-size: 30pt; color: #1f4e79; }\n'
        'book-labels { cover-kicker: ""; }\n',
        encoding="utf-8",
    )
    style = style_for(str(sheet))
    page = cover_page(style, BookConfig(tmp_path, title="Buku SOP"), 2026)
    assert (round(page.width), round(page.height)) == (420, 595)
    texts = [i for i in walk(page.root) if isinstance(i, Text)]
    title = next(t for t in texts if t.lines[0].text == "BUKU SOP")
    assert (title.size, title.color) == (30.0, "#1f4e79")
    assert "DOKUMEN" not in [t.lines[0].text for t in texts]
    assert frame(style_for("default")).width < frame(style_for("default")).height  # upright by default


def test_the_english_sheet_prints_the_book_in_english(tmp_path: Path) -> None:
    folder = tmp_path / "buku"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "surat-masuk.pos", folder)
    (folder / "flowgen.toml").write_text('style = "english"\n', encoding="utf-8")
    build_book(folder, today=TODAY)
    pdf = folder / "dokumen-sop.pdf"
    assert "CONTENTS" in _text(pdf, 2) and "SOP Title" in _text(pdf, 2) and "1 Jul 2021" in _text(pdf, 2)
    assert "NOTES ON USE" in _text(pdf, 3)
    marks = [item.title for item in PdfReader(pdf).outline if not isinstance(item, list)]
    assert marks == ["Title Page", "Contents", "Notes on Use", "Standard Operating Procedures"]


def test_the_demo_book_has_its_dates_in_order() -> None:
    """Every demo SOP takes effect on or after its revision (five did not: a reviewer sends those back)."""
    found = [d for d in check_book(ROOT / "examples" / "book", TODAY) if d.code != "review-due"]
    assert [(Path(d.span.file).name, d.code) for d in found] == []


def test_the_covers_centred_lines_are_balanced() -> None:
    """A drafter breaks a centred name evenly: not 'KEMENTERIAN PENDIDIKAN DASAR DAN' over a lone 'MENENGAH'."""
    from flowgen.book.assemble import book_style
    from flowgen.book.pages import cover_page
    from flowgen.render.scene import Group, Item, Text

    folder = ROOT / "examples" / "book"
    page = cover_page(book_style(folder), read_book_config(folder), 2026)

    def texts(item: Item) -> list[list[str]]:
        if isinstance(item, Group):
            return [lines for child in item.children for lines in texts(child)]
        return [[line.text for line in item.lines]] if isinstance(item, Text) else []

    assert ["KEMENTERIAN PENDIDIKAN", "DASAR DAN MENENGAH"] in texts(page.root)
    assert ["Kompleks Kemendikdasmen Gedung E Lantai 15,", "Jalan Jenderal Sudirman, Senayan, Jakarta 10270"] in texts(
        page.root
    )
