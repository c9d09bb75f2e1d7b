"""flowgen monev: the forms as a real workbook and as print, a filled workbook read back, damaged ones refused."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import flowgen
from flowgen.cli import main
from flowgen.cycle.monev import form_rows, report_json
from flowgen.cycle.monev_read import read_monev
from flowgen.cycle.monev_xlsx import monev_workbook
from flowgen.cycle.sources import collect

PROCEDURES = {
    "tata-usaha/surat.pos": ("TU/001", "Pengelolaan Surat Masuk"),
    "tata-usaha/arsip.pos": ("TU/002", "Pemusnahan Arsip"),
    "keuangan/spj.pos": ("KEU/001", "Penyusunan Laporan SPJ"),
}


def pos(number: str, title: str) -> str:
    return (
        f"judul: {title}\nnomor: {number}\npelaksana:\n  pu = Pengadministrasi Umum\n"
        "alur:\n  mulai pu: Menerima berkas\n  pu: Memproses berkas\n  selesai pu: Berkas selesai\n"
    )


@pytest.fixture()
def book(tmp_path: Path) -> Path:
    root = tmp_path / "book"
    for name, (number, title) in PROCEDURES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(pos(number, title), encoding="utf-8")
    return root


def forms(book: Path, lang: str = "id") -> Path:
    path = book.parent / "monev.xlsx"
    path.write_bytes(monev_workbook(form_rows(collect((book,))), lang))
    return path


def test_workbook_has_the_forms_prefilled_with_validations(book: Path) -> None:
    wb = openpyxl.load_workbook(forms(book))
    assert wb.sheetnames == ["Monitoring", "Evaluasi", "Petunjuk"]
    mon, ev = wb["Monitoring"], wb["Evaluasi"]
    assert mon["A1"].value == "Monitoring Pelaksanaan SOP AP"
    assert [c.value for c in mon[4]] == [
        "No",
        "Unit",
        "Nomor SOP",
        "Prosedur",
        "Penilaian Terhadap Penerapan",
        "Catatan Hasil Penilaian",
        "Tindakan yang Harus Diambil",
        "Paraf Penilai",
    ]
    rows = [[c.value for c in row][:5] for row in mon.iter_rows(min_row=5)]
    assert rows == [
        [1, "Keuangan", "KEU/001", "Penyusunan Laporan SPJ", None],
        [2, "Tata Usaha", "TU/001", "Pengelolaan Surat Masuk", None],
        [3, "Tata Usaha", "TU/002", "Pemusnahan Arsip", None],
    ]
    assert [c.value for c in ev[4]][4:] == [
        "1. Mampu mendorong peningkatan kinerja",
        "2. Mudah dipahami",
        "3. Mudah dilaksanakan",
        "4. Semua orang dapat menjalankan perannya masing-masing",
        "5. Mampu mengatasi permasalahan yang berkaitan dengan proses",
        "6. Mampu menjawab kebutuhan peningkatan kinerja organisasi",
        "7. Sinergi satu dengan lainnya",
        "Catatan Hasil Penilaian",
    ]
    (m,) = mon.data_validations.dataValidation
    assert (m.type, m.formula1, str(m.sqref), m.showErrorMessage) == (
        "list",
        '"Berjalan dengan baik,Tidak berjalan dengan baik"',
        "E5:E7",
        True,
    )
    (e,) = ev.data_validations.dataValidation
    assert (e.type, e.formula1, sorted(str(e.sqref).split())) == (
        "list",
        '"Ya,Tidak"',
        ["E5:E7", "F5:F7", "G5:G7", "H5:H7", "I5:I7", "J5:J7", "K5:K7"],
    )
    for ws in (mon, ev):
        assert ws.freeze_panes == "A5"
        assert ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows == "$4:$4"


def fill(path: Path) -> None:
    """What a unit does: pick answers from the lists, write notes, initial."""
    wb = openpyxl.load_workbook(path)
    mon, ev = wb["Monitoring"], wb["Evaluasi"]
    mon["B2"] = "Semester I 2024"
    ev["B2"] = "Semester I 2024"
    mon["E5"] = "Berjalan dengan baik"
    mon["H5"] = "AS"
    mon["E6"] = "Tidak berjalan dengan baik"
    mon["F6"] = "Disposisi sering terlambat"
    mon["G6"] = "Tambahkan batas waktu disposisi"
    for col in range(5, 12):
        ev.cell(5, col, "Ya")
        ev.cell(6, col, "Ya")
    ev["G6"] = "Tidak"
    ev["L6"] = "Sulit dilaksanakan tanpa aplikasi"
    ev["E7"] = "Ya"
    wb.save(path)


def test_filled_workbook_reads_back_to_the_report(book: Path) -> None:
    path = forms(book)
    fill(path)
    filled = read_monev(path)
    blank = {"notes": "", "action": "", "assessor": "", "evaluation_notes": ""}
    assert report_json(filled.assessments, "monev.xlsx", filled.language, filled.period) == {
        "schema": "flowgen/monev-report",
        "version": 1,
        "source": "monev.xlsx",
        "language": "id",
        "period": "Semester I 2024",
        "rule": "Aturan: SOP perlu revisi bila penerapannya tidak berjalan dengan baik atau satu kriteria "
        "evaluasi dijawab Tidak.",
        "totals": {"sop": 3, "perlu-revisi": 1, "tidak-perlu-revisi": 1, "belum-dinilai": 1},
        "units": [
            {
                "unit": "Keuangan",
                "counts": {"sop": 1, "perlu-revisi": 0, "tidak-perlu-revisi": 1, "belum-dinilai": 0},
                "sops": [
                    {
                        **blank,
                        "number": "KEU/001",
                        "title": "Penyusunan Laporan SPJ",
                        "monitoring": "baik",
                        "monitoring_text": "Berjalan dengan baik",
                        "assessor": "AS",
                        "answers": ["ya"] * 7,
                        "yes": 7,
                        "no": 0,
                        "verdict": "tidak-perlu-revisi",
                        "verdict_text": "Tidak perlu revisi",
                    },
                ],
            },
            {
                "unit": "Tata Usaha",
                "counts": {"sop": 2, "perlu-revisi": 1, "tidak-perlu-revisi": 0, "belum-dinilai": 1},
                "sops": [
                    {
                        **blank,
                        "number": "TU/001",
                        "title": "Pengelolaan Surat Masuk",
                        "monitoring": "tidak-baik",
                        "monitoring_text": "Tidak berjalan dengan baik",
                        "notes": "Disposisi sering terlambat",
                        "action": "Tambahkan batas waktu disposisi",
                        "answers": ["ya", "ya", "tidak", "ya", "ya", "ya", "ya"],
                        "yes": 6,
                        "no": 1,
                        "evaluation_notes": "Sulit dilaksanakan tanpa aplikasi",
                        "verdict": "perlu-revisi",
                        "verdict_text": "Perlu revisi",
                    },
                    {
                        **blank,
                        "number": "TU/002",
                        "title": "Pemusnahan Arsip",
                        "monitoring": None,
                        "monitoring_text": None,
                        "answers": ["ya", None, None, None, None, None, None],
                        "yes": 1,
                        "no": 0,
                        "verdict": "belum-dinilai",
                        "verdict_text": "Belum dinilai",
                    },
                ],
            },
        ],
    }


def damaged(book: Path, change: str) -> str:
    path = forms(book)
    wb = openpyxl.load_workbook(path)
    if change == "rename":
        wb["Evaluasi"].title = "Evaluasi 2024"
    elif change == "header":
        wb["Monitoring"]["F4"] = None
    elif change == "value":
        wb["Evaluasi"]["H6"] = "Mungkin"
    elif change == "column":
        wb["Monitoring"].delete_cols(3)
    elif change == "row":
        wb["Monitoring"]["D6"] = None
        wb["Monitoring"]["E6"] = "Berjalan dengan baik"
    elif change == "twice":
        wb["Monitoring"]["D7"] = wb["Monitoring"]["D6"].value
        wb["Monitoring"]["C7"] = wb["Monitoring"]["C6"].value
    elif change == "title":
        wb["Evaluasi"]["D7"] = "Pemusnahan Arsip Inaktif"
    wb.save(path)
    with pytest.raises(flowgen.FlowgenError) as caught:
        read_monev(path)
    return caught.value.diagnostics[0].render_message("en")


def test_damaged_workbooks_are_refused_with_sheet_row_and_column(book: Path) -> None:
    assert damaged(book, "rename") == ("the workbook has no sheet 'Evaluasi'")
    assert damaged(book, "header") == (
        "sheet 'Monitoring', row 4, column F: expected the heading 'Catatan Hasil Penilaian', found ''"
    )
    assert damaged(book, "value") == ("sheet 'Evaluasi', row 6, column H: 'Mungkin' is not one of 'Ya', 'Tidak'")
    assert damaged(book, "column") == (
        "sheet 'Monitoring', row 4, column C: expected the heading 'Nomor SOP', found 'Prosedur'"
    )
    assert damaged(book, "row") == "sheet 'Monitoring', row 6, column D: the Procedure cell is empty"
    assert damaged(book, "twice") == "sheet 'Monitoring', row 7, column D: this SOP is already on row 6"
    assert damaged(book, "title") == (
        "sheet 'Evaluasi', row 7, column D: this SOP is not on the sheet 'Monitoring' "
        "(unit, nomor and judul must be the same on both)"
    )


def test_damage_messages_in_indonesian_with_hints(book: Path) -> None:
    path = forms(book)
    wb = openpyxl.load_workbook(path)
    wb["Monitoring"]["E5"] = "Lumayan"
    wb.save(path)
    with pytest.raises(flowgen.FlowgenError) as caught:
        read_monev(path)
    assert caught.value.format("id") == (
        f"{path}: galat: lembar 'Monitoring', baris 5, kolom E: 'Lumayan' bukan salah satu dari "
        "'Berjalan dengan baik', 'Tidak berjalan dengan baik'\n"
        "   saran: pilih dari daftar sel, atau kosongkan bila belum dinilai"
    )
    (book.parent / "note.xlsx").write_text("not a workbook", encoding="utf-8")
    with pytest.raises(flowgen.FlowgenError) as caught:
        read_monev(book.parent / "note.xlsx")
    assert caught.value.diagnostics[0].code == "monev-not-xlsx"


def test_english_workbook(book: Path) -> None:
    path = forms(book, "en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Monitoring", "Evaluation", "Instructions"]
    assert wb["Monitoring"]["E4"].value == "Assessment of the Application"
    assert wb["Monitoring"].data_validations.dataValidation[0].formula1 == '"Runs well,Does not run well"'
    wb["Monitoring"]["E5"] = "Does not run well"
    wb.save(path)
    filled = read_monev(path)
    assert filled.language == "en" and filled.assessments[0].verdict == "perlu-revisi"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_cli_forms_and_report(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    made = runner.invoke(main, ["monev", str(book), "-o", str(out)])
    assert made.exit_code == 0, made.output
    assert made.output.splitlines() == [str(out / "monev.xlsx"), str(out / "monev.pdf")]
    text = " ".join(pdf_text(out / "monev.pdf").split())
    assert "Monitoring Pelaksanaan SOP AP" in text and "Evaluasi Penerapan SOP AP" in text
    for number, title in PROCEDURES.values():
        assert text.count(title) == 2 and text.count(number) == 2
    assert "Unit kerja: Tata Usaha" in text and "Unit kerja: Keuangan" in text
    fill(out / "monev.xlsx")
    read = runner.invoke(main, ["monev", "--read", str(out / "monev.xlsx"), "-o", str(out)])
    assert read.exit_code == 0, read.output
    summary = json.loads((out / "laporan-monev.json").read_text(encoding="utf-8"))
    assert summary["totals"] == {"sop": 3, "perlu-revisi": 1, "tidak-perlu-revisi": 1, "belum-dinilai": 1}
    report = " ".join(pdf_text(out / "laporan-monev.pdf").split())
    assert "Laporan Hasil Monitoring dan Evaluasi" in report
    assert "Ringkasan: 3 SOP, 1 perlu revisi, 1 belum dinilai" in report
    assert "Periode: Semester I 2024" in report
    minutes = report[report.index("Berita Acara Monitoring dan Evaluasi Penerapan SOP AP") :]
    assert "periode Semester I 2024 terhadap 3 SOP pada 2 unit kerja" in minutes
    assert "1. Keuangan: 1 SOP; 0 perlu revisi, 1 tidak perlu revisi, 0 belum dinilai." in minutes
    assert "2. Tata Usaha: 2 SOP; 1 perlu revisi, 0 tidak perlu revisi, 1 belum dinilai." in minutes
    assert "SOP yang perlu direvisi: TU/001 Pengelolaan Surat Masuk." in minutes
    assert "Ketua Tim Penilai" in minutes and "Mengetahui, Pimpinan Unit Kerja" in minutes
    for number, title in PROCEDURES.values():
        assert title in report and number in report


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_english_style_prints_every_word_in_english(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["monev", str(book), "-o", str(out), "--style", "english"])
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(out / "monev.pdf").split())
    assert "Monitoring the Implementation of SOPs" in text and "Unit: Tata Usaha" in text
    for indonesian in ("Prosedur", "Penilaian", "Halaman", "Ya / Tidak", "Unit kerja", "Catatan"):
        assert indonesian not in text
    assert openpyxl.load_workbook(out / "monev.xlsx").sheetnames == ["Monitoring", "Evaluation", "Instructions"]
    forms(book)  # an Indonesian workbook, reported in English because the english style is asked for
    read = CliRunner().invoke(
        main, ["monev", "--read", str(book.parent / "monev.xlsx"), "-o", str(out), "--style", "english"]
    )
    assert read.exit_code == 0, read.output
    report = " ".join(pdf_text(out / "laporan-monev.pdf").split())
    assert "Monitoring and Evaluation Report" in report and "Not assessed" in report
    assert "Minutes of the Monitoring and Evaluation of SOPs" in report and "No SOP needs revision." in report
    for indonesian in ("Laporan Hasil", "Belum dinilai", "Halaman", "Unit kerja", "Catatan", "Aturan", "Berita"):
        assert indonesian not in report
    assert json.loads((out / "laporan-monev.json").read_text("utf-8"))["language"] == "en"


def test_cli_monev_usage_errors(book: Path) -> None:
    runner = CliRunner()
    assert "give folders or .pos files" in runner.invoke(main, ["monev"]).output
    bad = runner.invoke(main, ["monev", str(book), "--format", "docx"])
    assert bad.exit_code == 2 and "formats are xlsx, pdf" in bad.output
    empty = book.parent / "empty"
    empty.mkdir()
    none = runner.invoke(main, ["monev", str(empty)])
    assert none.exit_code == 1 and f"error: no .pos files found in {empty}" in none.output


def test_workbook_bytes_carry_no_clock(book: Path) -> None:
    data = forms(book).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert re.findall(r"<dcterms:(\w+)[^>]*>([^<]*)<", core) == [
        ("created", "2000-01-01T00:00:00Z"),
        ("modified", "2000-01-01T00:00:00Z"),
    ]


def test_units_of_files_given_alone_and_of_subfolders(book: Path, tmp_path: Path) -> None:
    alone = tmp_path / "lain" / "tamu.pos"
    alone.parent.mkdir()
    alone.write_text(pos("UM/001", "Penerimaan Tamu").replace("pelaksana:", "unit: Biro Umum\npelaksana:"), "utf-8")
    loose = book / "lepas.pos"
    loose.write_text(pos("UM/002", "Peminjaman Ruang"), "utf-8")
    entries = collect((book, alone))
    assert [(e.unit, e.procedure.identity.number) for e in entries] == [
        ("Keuangan", "KEU/001"),
        ("Book", "UM/002"),
        ("Tata Usaha", "TU/002"),
        ("Tata Usaha", "TU/001"),
        ("Biro Umum", "UM/001"),
    ]


def test_a_broken_procedure_stops_the_round_with_its_diagnostics(book: Path) -> None:
    (book / "keuangan" / "rusak.pos").write_text("judul: Rusak\npelaksana:\n  pu = PU\nalur:\n  kut: X\n", "utf-8")
    with pytest.raises(flowgen.FlowgenError) as caught:
        collect((book,))
    assert [d.code for d in caught.value.errors][:1] == ["unknown-actor"]
    assert caught.value.span.file.endswith("rusak.pos")


def test_printed_forms_show_the_last_revision_when_the_history_is_known(book: Path) -> None:
    from flowgen.cycle.monev_pdf import monitoring_form

    def revision(number: str, day: str, changes: str, approved_by: str) -> flowgen.Revision:
        return flowgen.Revision(number, flowgen.DateValue(dt.date.fromisoformat(day), day), changes, approved_by)

    entries = collect((book,))
    surat = next(str(e.path) for e in entries if e.procedure.identity.number == "TU/001")
    history: dict[str, Sequence[flowgen.Revision]] = {
        surat: [revision("1", "2021-01-04", "Terbit", "Direktur"), revision("2", "2022-01-10", "Aplikasi", "")]
    }
    form = monitoring_form(form_rows(entries, history), "id")
    assert [row[2] for section in form.sections for row in section.rows] == [
        "Penyusunan Laporan SPJ",
        "Pengelolaan Surat Masuk (revisi 2, 2022-01-10)",
        "Pemusnahan Arsip",
    ]
