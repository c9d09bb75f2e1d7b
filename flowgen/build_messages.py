"""Messages about writing outputs and running batches, in English and Indonesian (registered into the catalog)."""

from __future__ import annotations

from flowgen.messages import Message as M
from flowgen.messages import register

register(
    {
        "output-in-the-way": M(
            "a folder is in the way of the output {path}; nothing was written",
            "sebuah folder menghalangi keluaran {path}; tidak ada yang ditulis",
            "remove or rename that folder, then build again",
            "hapus atau ganti nama folder itu, lalu bangun lagi",
        ),
        "output-read-only": M(
            "the output {path} is read-only and cannot be replaced; nothing was written",
            "keluaran {path} hanya-baca dan tidak dapat diganti; tidak ada yang ditulis",
            "make it writable (chmod u+w; chattr -i if it is immutable) or remove it",
            "jadikan dapat ditulis (chmod u+w; chattr -i bila tidak dapat diubah) atau hapus berkasnya",
        ),
        "output-no-space": M(
            "no space left on the device for the outputs in {folder}; nothing was changed",
            "ruang pada perangkat untuk keluaran di {folder} habis; tidak ada yang diubah",
            "free some space (or choose another folder with -o) and build again",
            "kosongkan sebagian ruang (atau pilih folder lain dengan -o) lalu bangun lagi",
        ),
        "output-folder-unwritable": M(
            "cannot write into the folder {folder} ({reason}); nothing was written",
            "tidak dapat menulis ke folder {folder} ({reason}); tidak ada yang ditulis",
            "check that you may write there, or give another folder with -o",
            "periksa hak tulis Anda di sana, atau berikan folder lain dengan -o",
        ),
        "output-folder-link": M(
            "the output folder {path} is a symbolic link to {target}, which does not exist",
            "folder keluaran {path} adalah tautan simbolis ke {target}, yang tidak ada",
            "create {target}, or give another folder with -o",
            "buat {target}, atau berikan folder lain dengan -o",
        ),
        "output-not-folder": M(
            "{path} is a file, not a folder, so the outputs cannot go there",
            "{path} adalah berkas, bukan folder, sehingga keluaran tidak dapat ditaruh di sana",
            "give a folder with -o",
            "berikan sebuah folder dengan -o",
        ),
        "output-collision": M(
            "{other} writes the same outputs ({stem}.*) into {folder}; this file was not built",
            "{other} menulis keluaran yang sama ({stem}.*) ke {folder}; berkas ini tidak dibangun",
            "rename one of the two files, or build them into different folders",
            "ganti nama salah satu berkas, atau bangun keduanya ke folder yang berbeda",
        ),
        "worker-died": M(
            "the process building this file stopped ({reason}); the other files were built",
            "proses yang membangun berkas ini berhenti ({reason}); berkas lain tetap dibangun",
            "it may have run out of memory; build this file alone with -j 1 to see its error",
            "mungkin kehabisan memori; bangun berkas ini sendiri dengan -j 1 untuk melihat galatnya",
        ),
    }
)
