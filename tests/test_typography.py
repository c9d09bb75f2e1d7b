"""The lampiran's typography (issue 9): balanced headers, lists with a hanging indent, a number tied to its unit."""

from __future__ import annotations

from lxml import etree

import flowgen
from flowgen.api import resolve_style
from flowgen.balance import balance
from flowgen.hyphenate import tie
from flowgen.layout.table.cell_lists import fit_cell, list_items
from flowgen.layout.table.place import layout_table
from flowgen.layout.table.types import TableLayout
from flowgen.text import FontResolver, measure, wrap, wrap_balanced
from tests.helpers import ROOT

FACE = FontResolver().resolve(["Arial"])
BOLD = FontResolver().resolve(["Arial"], bold=True)
SVG = "{http://www.w3.org/2000/svg}"

TEXT = """judul: Tes
pelaksana:
  pu = Pengadministrasi Umum
  ktu = Kepala Sub Bagian Tata Usaha
  kasek = Kepala Sekolah
  bend = Bendahara
  guru = Guru
  wk = Wakil Kepala Sekolah
alur:
  1. mulai pu: Menerima berkas
    kelengkapan: 1. KTP 2. Kartu Keluarga yang masih berlaku 3. Pas foto
    waktu: 3 hari kerja
  2. ktu: Memeriksa berkas
    kelengkapan: Berkas
      a. Surat permohonan
      b. Surat keterangan domisili dari kelurahan
    waktu: 15 menit
  3. kasek: Menandatangani
  4. bend: Membayar
    kelengkapan: Kuitansi Rp 10.000
  5. guru: Mencatat
  6. selesai wk: Mengarsipkan
"""


def _table(style: str = "default") -> TableLayout:
    procedure = flowgen.parse(TEXT)
    return layout_table(procedure, resolve_style(style, procedure))


def _cell(table: TableLayout, row: str, col: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    cell = next(c for p in table.pages for c in (*p.header, *p.cells) if c.row == row and c.col == col)
    return cell.text.lines, tuple(round(x, 2) for x in cell.text.indents)


# 1. balanced header lines


def test_balance_keeps_the_number_of_lines_and_evens_them() -> None:
    words = ["Kepala", "Sub", "Bagian", "Tata", "Usaha"]
    assert balance(words, 2, len, 22) == ["Kepala Sub Bagian", "Tata Usaha"]  # 17 + 10, not 22 + 5
    assert balance(words, 3, len, 22) == ["Kepala Sub", "Bagian", "Tata Usaha"]
    assert balance(words, 1, len, 22) is None  # 28 letters: not on one line
    assert balance(["a"], 2, len, 22) is None  # fewer words than lines


def test_a_two_line_header_leaves_no_word_alone() -> None:
    text = "Kepala Sub Bagian Tata Usaha"
    width = measure(BOLD, 9, "Kepala Sub Bagian Tata") + 1
    assert wrap(text, BOLD, 9, width) == ["Kepala Sub Bagian Tata", "Usaha"]
    assert wrap_balanced(text, BOLD, 9, width) == ["Kepala Sub", "Bagian Tata Usaha"]
    wide = measure(BOLD, 9, "Pengadministrasi") + 1
    assert wrap_balanced("Pengadministrasi Umum", BOLD, 9, wide) == ["Pengadministrasi", "Umum"]  # nothing to even
    assert wrap_balanced("Pengadministrasi Umum", BOLD, 9, 70) == ["Pengadminis-", "trasi Umum"]  # broken: kept
    assert wrap_balanced("Ketua/\nWakil Ketua/\nPanitera", BOLD, 9, 60) == ["Ketua/", "Wakil Ketua/", "Panitera"]


def test_the_tables_actor_headers_are_balanced() -> None:
    table = _table()
    assert _cell(table, "header", "actor:ktu")[0] == ("Kepala Sub", "Bagian", "Tata Usaha")  # was .../'Usaha'
    assert _cell(table, "header", "actor:wk")[0] == ("Wakil Kepala", "Sekolah")


# 2. lists in cells: left, with a hanging indent


def test_lists_are_recognised_inline_and_line_by_line() -> None:
    assert list_items("1. KTP 2. KK 3. Pas foto") == ([], [("1.", "KTP"), ("2.", "KK"), ("3.", "Pas foto")])
    lines = "Berkas\na. Surat\nb. Foto\n   berwarna"
    assert list_items(lines) == (["Berkas"], [("a.", "Surat"), ("b.", "Foto berwarna")])
    assert list_items("1) KTP\n2) KK") == ([], [("1)", "KTP"), ("2)", "KK")])
    assert list_items("Formulir 1. Surat") is None  # no marker at the start
    assert list_items("1. KTP dan 3. KK") is None  # markers out of order: one item
    assert list_items("Surat izin cuti, buku register") is None


def test_a_list_item_continues_under_its_text_not_its_number() -> None:
    style = resolve_style("default").text("cell", ("kelengkapan",))
    width = measure(style.face, style.size, "2. Kartu Keluarga") + 1
    fitted = fit_cell("1. KTP 2. Kartu Keluarga yang masih berlaku", style, width)
    indent = round(measure(style.face, style.size, "2.") + measure(style.face, style.size, " "), 2)
    assert fitted.lines == ("1. KTP", "2. Kartu Keluarga", "yang masih", "berlaku")
    assert [round(x, 2) for x in fitted.indents] == [0.0, 0.0, indent, indent]
    assert fitted.whole == "1. KTP 2. Kartu Keluarga yang masih berlaku"
    ten = fit_cell("\n".join(f"{n}. Surat" for n in range(1, 11)), style, 200)
    nine, last = ten.indents[8], ten.indents[9]  # "9." right-aligned in the margin "10." fills
    margin = measure(style.face, style.size, "10.") - measure(style.face, style.size, "9.")
    assert last == 0.0 and round(nine, 2) == round(margin, 2)
    assert fit_cell("Formulir cuti", style, width).indents == ()  # not a list: as before


def test_the_tables_list_cells_have_a_hanging_indent() -> None:
    table = _table()
    lines, indents = _cell(table, "1", "kelengkapan")
    assert lines == ("1. KTP", "2. Kartu", "Keluarga", "yang masih", "berlaku", "3. Pas foto")
    assert indents == (0.0, 0.0, 9.01, 9.01, 9.01, 0.0)
    lines, indents = _cell(table, "2", "kelengkapan")
    assert lines == ("Berkas", "a. Surat", "permohonan", "b. Surat", "keterangan", "domisili dari", "kelurahan")
    assert indents == (0.0, 0.0, 9.01, 0.0, 9.01, 9.01, 9.01)


def test_a_list_cell_is_drawn_left_at_its_indents() -> None:
    procedure = flowgen.load(ROOT / "examples" / "penerimaan-tamu-pengadilan.pos")
    pages = flowgen.render_lampiran_pages(procedure, None, "svg")
    cells = [g for page in pages for g in etree.fromstring(page).iter(f"{SVG}g") if g.get("class") == "fg-cell"]
    cell = next(g for g in cells if g.get("data-row") == "2" and g.get("data-col") == "kelengkapan")
    rect, text = cell.find(f"{SVG}rect"), cell.find(f"{SVG}text")
    assert text is not None and rect is not None and text.get("text-anchor") in (None, "start")
    lines = [t.text for t in text.iter(f"{SVG}tspan")] or [text.text]
    assert lines == ["1. Kartu identitas", "2. Buku tamu"]
    xs = {round(float(t.get("x") or text.get("x") or 0), 2) for t in text.iter(f"{SVG}tspan")} or {0.0}
    assert len(xs) == 1 and min(xs) < float(rect.get("x") or 0) + 10  # both at the cell's left padding


# 3. a number and its unit never split


def test_a_number_is_tied_to_its_unit() -> None:
    assert tie(["15", "menit", "dan", "1", "hari", "kerja"]) == ["15 menit", "dan", "1 hari kerja"]
    assert tie(["Rp", "10.000", "per", "1", "x", "24", "jam"]) == ["Rp 10.000", "per", "1 x 24 jam"]
    assert tie(["50", "%", "dari", "3", "berkas."]) == ["50 %", "dari", "3 berkas."]
    assert tie(["1.", "KTP", "2.", "KK"]) == ["1.", "KTP", "2.", "KK"]
    assert tie(["tahun", "2024", "bulan", "Januari"]) == ["tahun", "2024", "bulan", "Januari"]
    assert tie(["2000", "lembar", "dan", "12", "bulan"]) == ["2000 lembar", "dan", "12 bulan"]


def test_wrapping_never_splits_a_number_from_its_unit() -> None:
    text = "Waktu 15 menit dan 1 hari kerja atau Rp 10.000 saja"
    assert wrap(text, FACE, 9, 60) == ["Waktu", "15 menit dan", "1 hari kerja", "atau", "Rp 10.000", "saja"]
    # a tie wider than the line lets its last word go first, then breaks as words
    assert wrap("1 hari kerja", FACE, 9, measure(FACE, 9, "1 hari") + 1) == ["1 hari", "kerja"]
    assert wrap("Rp 10.000", FACE, 9, measure(FACE, 9, "10.000") + 1) == ["Rp", "10.000"]


def test_the_waktu_column_holds_its_widest_duration_whole() -> None:
    table = _table()
    assert _cell(table, "1", "waktu")[0] == ("3 hari kerja",)  # was '3 hari' / 'kerja'
    assert _cell(table, "4", "kelengkapan")[0] == ("Kuitansi", "Rp 10.000")  # was 'Kuitansi Rp' / '10.000'
    for style in ("default", "kemendikbud", "presentasi", "english"):
        procedure = flowgen.load(ROOT / "examples" / "legalisasi-ijazah-fakultas.pos")
        for page in layout_table(procedure, resolve_style(style, procedure)).pages:
            for cell in page.cells:
                if cell.col == "waktu" and cell.text.lines:
                    groups = [g for g in tie(cell.text.whole.split()) if " " in g]
                    assert all(any(g in line for line in cell.text.lines) for g in groups), (style, cell.text.lines)
