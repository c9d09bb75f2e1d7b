"""Messages of the yearly cycle (diff, monitoring and evaluation), registered into the one catalog."""

from __future__ import annotations

from flowgen.messages import Message as M
from flowgen.messages import register

register(
    {
        "cycle-git-missing": M(
            "cannot read revision '{revision}': the git program is not installed",
            "revisi '{revision}' tidak dapat dibaca: program git tidak terpasang",
            "install git (apt-get install git), or give the old file itself: flowgen diff OLD.pos NEW.pos",
            "pasang git (apt-get install git), atau berikan berkas lamanya: flowgen diff LAMA.pos BARU.pos",
        ),
        "cycle-git-failed": M(
            "cannot read revision '{revision}' with git: {reason}",
            "revisi '{revision}' tidak dapat dibaca dengan git: {reason}",
            "the file must be in a git repository and exist at that revision (see 'git log -- FILE')",
            "berkas harus berada di repositori git dan sudah ada pada revisi itu (lihat 'git log -- BERKAS')",
        ),
        "cycle-no-procedures": M(
            "no .pos files found in {where}",
            "tidak ada berkas .pos di {where}",
            "give .pos files, or folders that hold them (one subfolder per unit)",
            "berikan berkas .pos, atau folder yang berisi berkas itu (satu subfolder per unit)",
        ),
        "monev-not-xlsx": M(
            "cannot open the sheet: {reason}",
            "lembar kerja tidak dapat dibuka: {reason}",
            "give the .xlsx file written by 'flowgen monev', saved as Excel Workbook (.xlsx)",
            "berikan berkas .xlsx yang ditulis 'flowgen monev', disimpan sebagai Excel Workbook (.xlsx)",
        ),
        "monev-missing-sheet": M(
            "the workbook has no sheet '{sheet}'",
            "buku kerja tidak memiliki lembar '{sheet}'",
            "its sheets are {found}; do not rename or delete the sheets flowgen wrote",
            "lembarnya: {found}; jangan mengganti nama atau menghapus lembar yang ditulis flowgen",
        ),
        "monev-bad-header": M(
            "sheet '{sheet}', row {row}, column {column}: expected the heading '{expected}', found '{found}'",
            "lembar '{sheet}', baris {row}, kolom {column}: seharusnya judul kolom '{expected}', tertulis '{found}'",
            "do not change, move, insert or delete columns; copy the answers into a fresh form if needed",
            "jangan mengubah, memindah, menyisipkan atau menghapus kolom; salin jawaban ke formulir baru bila perlu",
        ),
        "monev-bad-value": M(
            "sheet '{sheet}', row {row}, column {column}: '{found}' is not one of {allowed}",
            "lembar '{sheet}', baris {row}, kolom {column}: '{found}' bukan salah satu dari {allowed}",
            "choose from the cell's list, or leave it empty if it is not assessed yet",
            "pilih dari daftar sel, atau kosongkan bila belum dinilai",
        ),
        "monev-bad-row": M(
            "sheet '{sheet}', row {row}, column {column}: {reason}",
            "lembar '{sheet}', baris {row}, kolom {column}: {reason_id}",
            "keep the No, unit, nomor and judul of every row as flowgen wrote them (rows may be sorted)",
            "biarkan No, unit, nomor dan judul setiap baris seperti yang ditulis flowgen (baris boleh diurutkan)",
        ),
    }
)
