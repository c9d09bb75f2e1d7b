"""The words for the revision history (``riwayat-revisi``) and the review date counted from it."""

from __future__ import annotations

from flowgen.wording import Message as M

_ITEM_EN = "'- 1; 2 Januari 2025; what changed; who approved'"
_ITEM_ID = "'- 1; 2 Januari 2025; apa yang diubah; siapa yang mengesahkan'"

MESSAGES: dict[str, M] = {
    "history-short": M(
        "the revision '{text}' needs its number and its date",
        "revisi '{text}' memerlukan nomor dan tanggalnya",
        f"write one revision per item, its parts separated by ';': {_ITEM_EN}",
        f"tulis satu revisi per butir, bagian-bagiannya dipisah ';': {_ITEM_ID}",
    ),
    "history-no-number": M(
        "the revision has no number",
        "revisi tidak memiliki nomor",
        f"write the revision number first: {_ITEM_EN}",
        f"tulis nomor revisinya lebih dulu: {_ITEM_ID}",
    ),
    "history-duplicate": M(
        "revision '{number}' is already in the history (line {first})",
        "revisi '{number}' sudah ada dalam riwayat (baris {first})",
        "each revision is written once; a new revision takes the next number",
        "setiap revisi ditulis sekali; revisi baru memakai nomor berikutnya",
    ),
    "model-duplicate-revision": M(
        "revision '{number}' is in the history twice",
        "revisi '{number}' tercatat dua kali dalam riwayat",
        "give every revision its own number",
        "beri setiap revisi nomornya sendiri",
    ),
    "model-revision-number": M(
        "identity.history[{position}] has no revision number",
        "identity.history[{position}] tidak memiliki nomor revisi",
        "give every revision its number (text such as '1' or '02')",
        "beri setiap revisi nomornya (teks seperti '1' atau '02')",
    ),
    "history-order": M(
        "revision '{number}' is dated {date}, before revision '{previous}' ({previous_date})",
        "revisi '{number}' bertanggal {date}, sebelum revisi '{previous}' ({previous_date})",
        "write the revisions oldest first; the last one is the revision in force",
        "tulis revisi dari yang terlama; revisi terakhir adalah yang berlaku",
    ),
    "history-revised-differs": M(
        "'revisi: {revised}' is not the date of the last revision ({date})",
        "'revisi: {revised}' bukan tanggal revisi terakhir ({date})",
        "the identity sheet prints the last revision's date: remove 'revisi:' or make the two agree",
        "lembar identitas mencetak tanggal revisi terakhir: hapus 'revisi:' atau samakan keduanya",
    ),
    "history-number-differs": M(
        "'no-revisi: {revision}' is not the number of the last revision ({number})",
        "'no-revisi: {revision}' bukan nomor revisi terakhir ({number})",
        "write the last revision's number in 'no-revisi:', or remove it",
        "tulis nomor revisi terakhir pada 'no-revisi:', atau hapus barisnya",
    ),
    "effective-too-early": M(
        "the effective date ({effective}) is before the {what} ({date})",
        "tanggal efektif ({effective}) sebelum {what_id} ({date})",
        "an SOP takes effect on or after the day it is made and revised: check the dates",
        "SOP berlaku pada atau sesudah tanggal dibuat dan direvisi: periksa tanggal-tanggalnya",
    ),
    "review-due": M(
        "'{title}' was due for review on {due}{after}",
        "'{title}' seharusnya ditinjau ulang pada {due}{after_id}",
        "review the SOP; a new revision goes in 'riwayat-revisi:' (or write '# tinjau: DATE')",
        "tinjau ulang SOP ini; revisi baru ditulis pada 'riwayat-revisi:' (atau tulis '# tinjau: TANGGAL')",
    ),
}
