"""Messages about a book of SOPs, in English and Indonesian (registered into the one catalog)."""

from __future__ import annotations

from flowgen.messages import Message as M
from flowgen.messages import register

register(
    {
        "book-unknown-key": M(
            "unknown setting '{key}' in [{table}]",
            "pengaturan '{key}' tidak dikenal di [{table}]",
            "{did_you_mean}[{table}] knows: {known}",
            "{did_you_mean}[{table}] mengenal: {known}",
        ),
        "book-bad-value": M(
            "'{key}' in [{table}] must be {expected}",
            "'{key}' di [{table}] harus {expected_id}",
            "for example: {example}",
            "misalnya: {example}",
        ),
        "book-path-outside": M(
            "'{key}' names '{path}', which is outside the book's folder",
            "'{key}' menunjuk '{path}', yang berada di luar folder buku",
            "put the file in the book's folder (or below it) and name it relative to flowgen.toml",
            "letakkan berkas di folder buku (atau di bawahnya) dan tulis jalurnya relatif terhadap flowgen.toml",
        ),
        "book-path-missing": M(
            "'{key}' names '{path}', which does not exist",
            "'{key}' menunjuk '{path}', yang tidak ada",
            "check the file name; it is relative to the folder of flowgen.toml",
            "periksa nama berkas; jalurnya relatif terhadap folder flowgen.toml",
        ),
        "book-path-kind": M(
            "'{key}' must name {expected}, not '{path}'",
            "'{key}' harus menunjuk {expected_id}, bukan '{path}'",
            "{example}",
            "{example}",
        ),
        "book-not-folder": M(
            "'{path}' is not a folder",
            "'{path}' bukan folder",
            "give the folder that holds the book's .pos files",
            "berikan folder yang berisi berkas .pos buku",
        ),
        "book-empty": M(
            "there is no .pos file in '{path}' or below it",
            "tidak ada berkas .pos di '{path}' atau di bawahnya",
            "a book is a folder of .pos files, one subfolder per unit (bidang)",
            "buku adalah folder berisi berkas .pos, satu subfolder untuk setiap unit (bidang)",
        ),
        "book-duplicate-nomor": M(
            "nomor '{nomor}' is also the nomor of {other}",
            "nomor '{nomor}' juga dipakai oleh {other}",
            "every SOP of the book needs its own nomor",
            "setiap SOP dalam buku memerlukan nomornya sendiri",
        ),
        "book-broken-ref": M(
            "keterkaitan '{name}' names no SOP of this book",
            "keterkaitan '{name}' tidak menunjuk SOP mana pun dalam buku ini",
            "{did_you_mean}name another SOP by its nomor or its judul",
            "{did_you_mean}sebut SOP lain dengan nomor atau judulnya",
        ),
        "book-bad-review": M(
            "'{text}' after '# tinjau:' is not a date",
            "'{text}' sesudah '# tinjau:' bukan tanggal",
            "write it like the other dates: 2026-07-01 or 1 Juli 2026",
            "tulis seperti tanggal lain: 2026-07-01 atau 1 Juli 2026",
        ),
        "book-bad-pdf": M(
            "'{path}' cannot be read as a PDF: {reason}",
            "'{path}' tidak dapat dibaca sebagai PDF: {reason}",
            "build it again, or replace it with a good copy",
            "bangun ulang, atau ganti dengan salinan yang baik",
        ),
    }
)
