"""Make the demo's filled monitoring and evaluation workbook, as an evaluation team would fill it.

The forms are the ones ``flowgen monev examples/*.pos`` writes; the answers are written into their
cells with openpyxl, exactly as Excel would store them, so the README's report is what
``flowgen monev --read`` makes of a real filled sheet::

    .venv/bin/python scripts/monev_example.py      # writes examples/monev/monev-terisi.xlsx
    .venv/bin/flowgen monev --read examples/monev/monev-terisi.xlsx -o examples/monev
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flowgen.cycle.monev import form_rows  # noqa: E402
from flowgen.cycle.monev_xlsx import FIRST_ROW, monev_workbook, stable_bytes  # noqa: E402
from flowgen.cycle.sources import collect  # noqa: E402

BAIK, TIDAK_BAIK = "Berjalan dengan baik", "Tidak berjalan dengan baik"

# judul → (monitoring, catatan, tindakan, answers to the seven criteria, catatan evaluasi)
FINDINGS: dict[str, tuple[str, str, str, str, str]] = {
    "Pengelolaan Surat Masuk": (
        BAIK,
        "Pencatatan di buku agenda memperlambat disposisi",
        "Pindahkan pencatatan ke aplikasi persuratan (revisi 2022)",
        "YYTYYTY",
        "Tidak lagi sesuai dengan aplikasi persuratan",
    ),
    "Pelayanan Permohonan Informasi Publik": (
        TIDAK_BAIK,
        "Tiga permohonan dijawab melewati 10 hari kerja",
        "Tambahkan pemantauan tenggat oleh atasan PPID",
        "YYYYTYY",
        "",
    ),
    "Pelayanan Permintaan Cuti Tahunan Pegawai Negeri Sipil": (BAIK, "", "", "YYYYYYY", ""),
    "Handling of Visitor Requests": (BAIK, "", "", "YYYYYYY", ""),
    "Penerbitan Izin Penyelenggaraan Reklame": (BAIK, "Sudah melalui OSS", "", "YYYYYYY", ""),
    "Pengadaan Barang melalui Metode Pengadaan Langsung": (BAIK, "", "", "YYYYYYY", ""),
    "Pemindahan Arsip Inaktif": (BAIK, "", "", "YYYYYYY", ""),
    # Perjalanan Dinas is left blank: the unit has not assessed it yet
}


def main() -> None:
    files = tuple(sorted((ROOT / "examples").glob("*.pos")))
    book = openpyxl.load_workbook(io.BytesIO(monev_workbook(form_rows(collect(files)), "id")))
    monitoring, evaluation = book["Monitoring"], book["Evaluasi"]
    for row in range(FIRST_ROW, monitoring.max_row + 1):
        found = FINDINGS.get(str(monitoring.cell(row, 4).value))
        if found is None:
            continue
        state, notes, action, answers, evaluation_notes = found
        monitoring.cell(row, 5, state)
        monitoring.cell(row, 6, notes or None)
        monitoring.cell(row, 7, action or None)
        monitoring.cell(row, 8, "TP")
        for i, answer in enumerate(answers):
            evaluation.cell(row, 5 + i, "Ya" if answer == "Y" else "Tidak")
        evaluation.cell(row, 12, evaluation_notes or None)
    book["Monitoring"]["B2"] = "Semester II 2021"
    book["Evaluasi"]["B2"] = "Tahun 2021"
    target = ROOT / "examples" / "monev" / "monev-terisi.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    book.save(buffer)
    target.write_bytes(stable_bytes(buffer.getvalue()))
    print(target)


if __name__ == "__main__":
    main()
