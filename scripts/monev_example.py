"""Make the demo's filled monitoring and evaluation workbook, as the directorate's team would fill it.

The forms are the ones ``flowgen monev examples/book`` writes for the demo book (76 SOPs in five
units); the answers are written into their cells with openpyxl, exactly as Excel would store them, so
the README's report is what ``flowgen monev --read`` makes of a real filled sheet::

    .venv/bin/flowgen monev examples/book -o examples/monev
    .venv/bin/python scripts/monev_example.py      # writes examples/monev/monev-terisi.xlsx
    .venv/bin/flowgen monev --read examples/monev/monev-terisi.xlsx -o examples/monev

The findings of the SOPs revised in ``examples/revisi/`` are written by hand (they are why those SOPs
were revised); the others are drawn from a seeded generator (the same workbook every time): most run
well, some do not or fail a criterion, a few are left blank (not assessed yet).
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flowgen.cycle.monev import form_rows  # noqa: E402
from flowgen.cycle.monev_xlsx import FIRST_ROW, monev_workbook, stable_bytes  # noqa: E402
from flowgen.cycle.sources import collect  # noqa: E402

BAIK, TIDAK_BAIK = "Berjalan dengan baik", "Tidak berjalan dengan baik"

SEED = 35_2012
# judul → (monitoring, catatan, tindakan, answers to the seven criteria, catatan evaluasi)
FINDINGS: dict[str, tuple[str, str, str, str, str]] = {
    "Pengelolaan Surat Masuk": (
        BAIK,
        "Surat kertas masih dicatat ulang sebelum dipindai",
        "Tambahkan langkah pemindaian ke aplikasi persuratan",
        "YYTYYTY",
        "Belum sesuai dengan SPBE",
    ),
    "Pelayanan Cuti Pegawai": (
        TIDAK_BAIK,
        "Penyiapan surat cuti memakan 3 hari kerja",
        "Persingkat penyiapan; berkas dipindai ke aplikasi",
        "TYTYYTY",
        "Waktu penyelesaian melampaui janji layanan",
    ),
    "Penyelenggaraan Olimpiade Sains Nasional SMP": (
        BAIK,
        "Berkas peserta masih dikirim dalam bentuk kertas",
        "Pemindaian berkas peserta ke aplikasi",
        "YYYYTYY",
        "",
    ),
}
NOTES = (
    "Dua berkas terlambat karena pelaksana cuti",
    "Formulir belum seragam antarsubbagian",
    "Tenggat tidak dipantau atasan",
    "Pengesahan menunggu pimpinan dinas luar",
)
ACTIONS = (
    "Tetapkan pelaksana pengganti",
    "Seragamkan formulir pada revisi berikutnya",
    "Pemantauan tenggat mingguan oleh Kepala Subbagian",
    "Gunakan tanda tangan elektronik",
)


def drawn(rng: random.Random) -> tuple[str, str, str, str, str] | None:
    """An assessment as a team writes it: mostly well, sometimes not, now and then not yet assessed."""
    roll = rng.random()
    if roll < 0.08:
        return None
    if roll < 0.2:
        criterion = rng.randrange(7)
        answers = "".join("T" if i == criterion else "Y" for i in range(7))
        return (TIDAK_BAIK, rng.choice(NOTES), rng.choice(ACTIONS), answers, "")
    if roll < 0.3:
        criterion = rng.randrange(7)
        answers = "".join("T" if i == criterion else "Y" for i in range(7))
        return (BAIK, rng.choice(NOTES), "", answers, "")
    return (BAIK, "", "", "YYYYYYY", "")


def main() -> None:
    rng = random.Random(SEED)
    book = openpyxl.load_workbook(io.BytesIO(monev_workbook(form_rows(collect((ROOT / "examples" / "book",))), "id")))
    monitoring, evaluation = book["Monitoring"], book["Evaluasi"]
    for row in range(FIRST_ROW, monitoring.max_row + 1):
        title = monitoring.cell(row, 4).value
        if title is None:
            continue
        found = FINDINGS.get(str(title)) or drawn(rng)
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
    book["Monitoring"]["B2"] = "Semester II 2026"
    book["Evaluasi"]["B2"] = "Tahun 2026"
    target = ROOT / "examples" / "monev" / "monev-terisi.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    book.save(buffer)
    target.write_bytes(stable_bytes(buffer.getvalue()))
    print(target)


if __name__ == "__main__":
    main()
