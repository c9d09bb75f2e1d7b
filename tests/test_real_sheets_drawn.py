"""Issue 10 on paper: what the language knows of a signed sheet appears on the lampiran as the sheet has it.

``tests/test_real_sheets.py`` reads, prints and round-trips each case; these
tests read what is drawn (the SVG pages' text, line by line) and pin it
exactly.  Each failed before the drawing side learnt it (what was drawn
before is quoted in the docstring).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.table.identity import layout_identity
from flowgen.text import clean, wrap
from tests.helpers import ROOT

SVG = "{http://www.w3.org/2000/svg}"
COURT = ROOT / "examples" / "penerimaan-tamu-pengadilan.pos"

Cells = dict[tuple[str, str], list[str]]


def _lines(group: etree._Element) -> list[str]:
    return ["".join(str(x) for x in t.itertext()) for t in group.iter(f"{SVG}tspan")]


def cells(page: bytes) -> Cells:
    """Every cell of a page by (data-row, data-col): its drawn lines, top to bottom."""
    root = etree.fromstring(page)
    found: Cells = {}
    for group in root.iter(f"{SVG}g"):
        if "fg-cell" in (group.get("class") or "").split():
            found[(group.get("data-row") or "", group.get("data-col") or "")] = _lines(group)
    return found


def sheet_cells(procedure: flowgen.Procedure, style: object = None) -> tuple[Cells, Cells]:
    """The identity sheet's cells and the first table page's cells."""
    pages = flowgen.render_lampiran_pages(procedure, style, "svg")  # type: ignore[arg-type]
    return cells(pages[0]), cells(pages[1])


def identity_values(procedure: flowgen.Procedure, style: object = None) -> dict[str, list[str]]:
    first, _ = sheet_cells(procedure, style)
    return {col: lines for (row, col), lines in first.items() if row == "identity"}


def column(table: Cells, col: str) -> list[list[str]]:
    """One column's body cells in row order (the header and the total row left out)."""
    rows = [(row, lines) for (row, c), lines in table.items() if c == col and row.isdigit()]
    return [lines for _, lines in sorted(rows, key=lambda r: int(r[0]))]


def court() -> flowgen.Procedure:
    return flowgen.load(COURT)


def _sop(identity: str, flow: str = "") -> flowgen.Procedure:
    text = (
        "judul: Tes\n" + identity + "pelaksana:\n  pu = Pengadministrasi Umum\n  ktu = Kepala Subbagian\n"
        "alur:\n" + (flow or "  mulai pu: Menerima surat\n  selesai ktu: Menandatangani surat\n")
    )
    return flowgen.parse(text)


def _css(tmp_path: Path, body: str, name: str = "gaya") -> Path:
    path = tmp_path / f"{name}.css"
    path.write_text('@import "default";\n' + body, encoding="utf-8")
    return path


# -- 4. the sheet's own numbering ---------------------------------------------------------------------


def test_the_no_column_prints_the_sheets_own_numbers() -> None:
    """Before: 1 2 3 4 5 6 7 — the unnumbered row and the branch's end were numbered, the rest renumbered."""
    _, table = sheet_cells(court())
    assert column(table, "no") == [["1"], ["2"], [], ["3"], [], ["4"], ["5"]]


def test_numbers_printed_twice_and_gaps_are_printed_as_written() -> None:
    """Before: 1 2 3 4."""
    flow = "  1. mulai pu: a\n  3. pu: b\n  3. ktu: c\n  5. selesai ktu: d\n"
    _, table = sheet_cells(_sop("", flow))
    assert column(table, "no") == [["1"], ["3"], ["3"], ["5"]]


def test_the_flowchart_badges_print_the_sheets_own_numbers() -> None:
    """Before: badges 1..7 on every symbol, the unnumbered row's and the branch end's too."""
    root = etree.fromstring(flowgen.render_flowchart(court(), None, "svg"))
    badges = {
        int(g.get("data-step") or 0): _lines(g)
        for g in root.iter(f"{SVG}g")
        if "fg-number" in (g.get("class") or "").split()
    }
    assert badges == {1: ["1"], 2: ["2"], 4: ["3"], 6: ["4"], 7: ["5"]}
    titles = [
        "".join(str(x) for x in title.itertext())
        for g in root.iter(f"{SVG}g")
        if "fg-step" in (g.get("class") or "").split() and (title := g.find(f"{SVG}title")) is not None
    ]
    assert titles[2] == "Menghubungi pimpinan yang dituju" and titles[3] == "3. Berkenan?"


# -- 2. dates as written ------------------------------------------------------------------------------


def test_identity_dates_print_as_written_by_default() -> None:
    """Before: "1 April 2015" for "APRIL 2015", "4 Mei 2015" for "Senin, 04 Mei 2015"."""
    values = identity_values(court())
    assert (values["dibuat"], values["revisi"], values["efektif"]) == (["APRIL 2015"], ["-"], ["Senin, 04 Mei 2015"])


def test_an_iso_date_is_a_shorthand_printed_in_the_long_form() -> None:
    values = identity_values(_sop("dibuat: 2021-01-04\nefektif: 01/07/2021\n"))
    assert (values["dibuat"], values["efektif"]) == (["4 Januari 2021"], ["01/07/2021"])


def test_a_style_that_asks_for_a_format_gets_it(tmp_path: Path) -> None:
    values = identity_values(court(), _css(tmp_path, 'labels { date-format: "d MMMM yyyy"; }'))
    assert (values["dibuat"], values["efektif"]) == (["April 2015"], ["4 Mei 2015"])  # a month-year keeps no day
    english = identity_values(court(), "english")
    assert (english["dibuat"], english["efektif"]) == (["April 2015"], ["May 4, 2015"])


# -- 3. pangkat and NIP -------------------------------------------------------------------------------


def test_the_approval_prints_position_name_rank_and_a_whole_nip() -> None:
    """Before: "NIP. Pembina Utama Madya; NIP. 19611122 198903 1" with "005" on the next line."""
    line = "disahkan: KEPALA DINAS PERTANIAN; Ir. ANDI PRAMARIA, M. Si; Pembina Utama Madya; "
    line += "NIP. 19611122 198903 1 005\n"
    assert identity_values(_sop(line))["disahkan"] == [
        "KEPALA DINAS PERTANIAN",
        "Ir. ANDI PRAMARIA, M. Si",
        "Pembina Utama Madya",
        "NIP. 19611122 198903 1 005",
    ]


def test_an_empty_nip_keeps_its_line() -> None:
    """Before: the NIP line was left out, so the sheet had no place for the number."""
    assert identity_values(_sop("disahkan: Kepala Dinas; Nama Kepala; NIP.\n"))["disahkan"] == [
        "Kepala Dinas",
        "Nama Kepala",
        "NIP.",
    ]


def test_the_nip_goes_whole_onto_its_own_line_when_the_column_is_narrow() -> None:
    procedure = _sop("disahkan: Kepala; Nama; Pembina (IV/a); NIP. 19611122 198903 1 005\n")
    style = resolve_style(None, procedure)
    layout = layout_identity(procedure, style, 1, 2)
    signed = next(b for b in layout.blocks if b.col == "disahkan")
    nip = signed.parts[-1]
    assert [text for _, text in nip.lines] in (["NIP. 19611122 198903 1 005"], ["NIP.", "19611122 198903 1 005"])
    narrow = style.identity.value.text
    assert wrap("NIP. 19611122 198903 1 005", narrow.face, narrow.size, 60.0) != ["NIP. 19611122 198903 1 005"]


# -- 9. No. Revisi --------------------------------------------------------------------------------------


def test_the_revision_number_has_its_row_on_the_identity_sheet() -> None:
    """Before: 'no-revisi: 00' was read and never printed."""
    values = identity_values(court())
    assert (values["no-revisi-label"], values["no-revisi"]) == (["No. Revisi"], ["00"])
    keys = list(values)
    assert keys[keys.index("nomor") :][:4] == ["nomor", "no-revisi-label", "no-revisi", "dibuat-label"]
    assert identity_values(court(), "english")["no-revisi-label"] == ["Revision No."]
    assert "no-revisi" not in identity_values(_sop(""))  # a sheet without the row does not get one


# -- 8 and 11. line breaks as written ---------------------------------------------------------------


def test_clean_keeps_line_breaks_and_wrap_breaks_there() -> None:
    assert clean("a\tb\nc\x1bd") == "a b\nc d"
    style = resolve_style(None, court()).identity.value.text
    assert wrap("Ketua/\nWakil Ketua/\n\nPanitera", style.face, style.size, 500.0) == [
        "Ketua/",
        "Wakil Ketua/",
        "Panitera",
    ]


def test_cells_and_actor_names_break_where_the_sheet_breaks_them() -> None:
    """Before: "1. Kartu identitas 2." / "Buku tamu" and "Ketua/ Wakil Ketua/ Panitera" on one line."""
    _, table = sheet_cells(court())
    assert column(table, "kelengkapan")[1] == ["1. Kartu identitas", "2. Buku tamu"]
    assert table[("header", "actor:pim")] == ["Ketua/", "Wakil Ketua/", "Panitera"]
    root = etree.fromstring(flowgen.render_flowchart(court(), None, "svg"))
    lanes = [_lines(g) for g in root.iter(f"{SVG}g") if "fg-lane" in (g.get("class") or "").split()]
    assert ["Ketua/", "Wakil Ketua/", "Panitera"] in lanes


def test_identity_values_and_boxes_break_where_the_sheet_breaks_them() -> None:
    """Before: "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik" on one line."""
    first, _ = sheet_cells(court())
    assert first[("identity", "dasar-hukum")] == [
        "1. Undang-Undang Nomor 25 Tahun 2009",
        "tentang Pelayanan Publik",
        "2. Peraturan Menteri PANRB Nomor 35 Tahun 2012",
    ]
    procedure = _sop("nomor: 800/123/\n  SOP/2024\ndisahkan: KEPALA DINAS\n  KABUPATEN CONTOH; Nama\n")
    values = identity_values(procedure)
    assert values["nomor"] == ["800/123/", "SOP/2024"]
    assert values["disahkan"] == ["KEPALA DINAS", "KABUPATEN CONTOH", "Nama"]


# -- 6. a total that cannot count every step ------------------------------------------------------------


def test_the_total_row_says_what_it_leaves_out(tmp_path: Path) -> None:
    """Before: "Total waktu" | "10 menit", silently without the step whose time is "menunggu antrian"."""
    flow = (
        "  mulai pu: Menerima surat\n    waktu: 10 menit\n  pu: Menunggu\n    waktu: menunggu antrian\n"
        "  selesai ktu: Menandatangani\n"
    )
    procedure = _sop("", flow)
    style = _css(tmp_path, "table { total-time: true; }")
    _, table = sheet_cells(procedure, style)
    total = {col: lines for (row, col), lines in table.items() if row == "total"}
    assert " ".join(total["kegiatan"]) == "Total waktu (tanpa 1 langkah yang waktunya tidak terukur)"
    assert total["waktu"] == ["10 menit"]
    english = _css(tmp_path, '@import "english";\ntable { total-time: true; }', "english-total")
    _, table = sheet_cells(procedure, english)
    total = {col: lines for (row, col), lines in table.items() if row == "total"}
    assert " ".join(total["kegiatan"]) == "Total time (without 1 step whose time cannot be measured)"
    measured = _sop("", "  mulai pu: a\n    waktu: 10 menit\n  selesai ktu: b\n    waktu: 1 jam\n")
    _, table = sheet_cells(measured, style)
    assert {col: lines for (row, col), lines in table.items() if row == "total"}["kegiatan"] == ["Total waktu"]


# -- 10. a branch that ends; simbol on a decision that is an activity ----------------------------------


def test_a_branch_that_ends_and_a_decision_with_simbol_in_the_table() -> None:
    procedure = court()
    _, table = sheet_cells(procedure)
    assert column(table, "kegiatan")[3:5] == [["Menerima tamu; jika tidak berkenan"], ["Tamu ditolak"]] or column(
        table, "kegiatan"
    )[3:5] == [["Menerima tamu; jika tidak berkenan", "maka tamu ditolak"], ["Tamu ditolak"]]
    root = etree.fromstring(flowgen.render_lampiran_pages(procedure, None, "svg")[1])
    symbols = {
        g.get("data-step"): (g.get("data-kind"), g.get("data-actors"), _lines(g))
        for g in root.iter(f"{SVG}g")
        if "fg-step" in (g.get("class") or "").split()
    }
    assert symbols["4"] == ("decision", "pim", ["Berkenan?"])
    assert symbols["5"] == ("end", "pim", [])  # the branch's end: a terminator in the decision's lane


def test_a_decision_with_simbol_shows_it_in_the_flowchart_diamond() -> None:
    for direction in ("tb", "lr"):
        root = etree.fromstring(flowgen.render_flowchart(court(), None, "svg", direction=direction))
        steps = {
            g.get("data-step"): (g.get("data-kind"), _lines(g))
            for g in root.iter(f"{SVG}g")
            if "fg-step" in (g.get("class") or "").split()
        }
        assert steps["4"] == ("decision", ["Berkenan?"]), direction
        assert steps["5"] == ("end", ["Tamu ditolak"]), direction


# -- 4. messages name steps as the sheet numbers them -------------------------------------------------


def test_messages_name_a_step_by_its_printed_number() -> None:
    """Before: "step 3 ..." for the row printed 5 (and a number for a row printed with none)."""
    from tests.helpers import diagnose

    text = (
        "judul: Tes\npelaksana:\n  pu = Pengadministrasi Umum\nalur:\n"
        "  1. mulai pu: Menerima surat\n  - pu: Menunggu antrian\n    waktu: entah berapa lama\n"
        "  5. pu: Mencatat surat -> 5\n  7. selesai pu: Selesai\n"
    )
    found = [d.message for d in diagnose(text)]
    assert "waktu 'entah berapa lama' of step 'Menunggu antrian' is not a duration flowgen can add up" in found
    assert "step 5 leads back to itself with no way out" in found
    plain = "judul: Tes\npelaksana:\n  pu = Pengadministrasi Umum\nalur:\n  mulai pu: a\n  pu: b -> 2\n  selesai pu\n"
    assert "step 2 leads back to itself with no way out" in [d.message for d in diagnose(plain)]


def test_a_title_over_two_lines_is_two_lines_on_the_sheet_and_one_as_the_documents_title() -> None:
    procedure = flowgen.parse(
        "judul: Pengelolaan Surat\n  Masuk dan Keluar\npelaksana:\n  pu = Pengadministrasi Umum\n"
        "alur:\n  mulai pu: a\n  selesai pu: b\n"
    )
    first, _ = sheet_cells(procedure)
    assert first[("identity", "nama-sop")] == ["Pengelolaan Surat", "Masuk dan Keluar"]
    for page in (flowgen.render_lampiran_pages(procedure, None, "svg")[0], flowgen.render_flowchart(procedure)):
        title = etree.fromstring(page).find(f"{SVG}title")
        assert title is not None and title.text == "Pengelolaan Surat Masuk dan Keluar"


def test_off_page_connectors_name_the_printed_number() -> None:
    """Before: "ke 12" / "dari 11" for the rows printed 22 and 21."""
    rows = "".join(
        f"  {10 + k}. pu: Langkah {k} dengan teks yang cukup panjang untuk dua baris di kolomnya\n"
        for k in range(2, 40)
    )
    procedure = _sop("", "  11. mulai pu: Mulai\n" + rows + "  50. selesai ktu: Selesai\n")
    pages = flowgen.render_lampiran_pages(procedure, None, "svg")
    connectors = [
        _lines(g)[0]
        for page in pages[1:]
        for g in etree.fromstring(page).iter(f"{SVG}g")
        if g.get("data-kind") == "connector"
    ]
    assert connectors[:2] == ["ke 22", "dari 21"]
    shown = {procedure.shown_number(s.number) for s in procedure.steps}
    assert all(text.split()[1] in shown for text in connectors)
