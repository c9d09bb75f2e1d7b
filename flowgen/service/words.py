"""The .pos keywords the editors offer, Indonesian first with their English alias.

Kept here (not read from the parser's tables) because the service uses only
flowgen's public API; ``tests/test_service.py`` checks every word here parses.
"""

from __future__ import annotations

# (Indonesian, English, what it is) of the top-level keys
TOP_KEYS: tuple[tuple[str, str, str], ...] = (
    ("judul", "title", "judul prosedur / title"),
    ("nomor", "number", "nomor SOP / document number"),
    ("instansi", "agency", "instansi / agency"),
    ("unit", "unit", "unit kerja / unit"),
    ("dibuat", "created", "tanggal pembuatan / date created"),
    ("revisi", "revised", "tanggal revisi / date revised"),
    ("efektif", "effective", "tanggal efektif / date effective"),
    ("disahkan", "approved-by", "disahkan oleh / approved by"),
    ("gaya", "style", "gaya (style sheet)"),
    ("dasar-hukum", "legal-basis", "dasar hukum / legal basis"),
    ("kualifikasi", "qualifications", "kualifikasi pelaksana / qualifications"),
    ("keterkaitan", "related", "keterkaitan / related SOPs"),
    ("peralatan", "equipment", "peralatan / equipment"),
    ("peringatan", "warnings", "peringatan / warnings"),
    ("pencatatan", "records", "pencatatan dan pendataan / records"),
    ("riwayat-revisi", "revision-history", "riwayat revisi / revision history: - nomor; tanggal; perubahan; disahkan"),
    ("pelaksana", "actors", "daftar pelaksana / actors"),
    ("alur", "flow", "alur kegiatan / flow"),
)

# attribute keys under a step
ATTRIBUTE_KEYS: tuple[tuple[str, str, str], ...] = (
    ("kelengkapan", "requires", "Mutu Baku: kelengkapan / requirements"),
    ("waktu", "time", "Mutu Baku: waktu / time"),
    ("output", "output", "Mutu Baku: output"),
    ("keterangan", "note", "keterangan / note"),
    ("simbol", "symbol", "teks di dalam simbol / text inside the symbol"),
)

STEP_WORDS: tuple[tuple[str, str, str], ...] = (
    ("mulai", "start", "langkah awal / the first step"),
    ("selesai", "end", "langkah akhir / the last step"),
)

ANSWERS: tuple[str, ...] = ("ya", "tidak", "yes", "no")


# the language's other spellings of a key (besides the two in the tables above)
ALIASES = {"riwayat": "riwayat-revisi", "history": "riwayat-revisi"}


def canonical(word: str) -> str | None:
    """The Indonesian key of a key written in either language, or None."""
    low = word.strip().lower()
    if low in ALIASES:
        return ALIASES[low]
    for table in (TOP_KEYS, ATTRIBUTE_KEYS):
        for indonesian, english, _ in table:
            if low in (indonesian, english):
                return indonesian
    return None


def is_list_key(word: str) -> bool:
    lists = {"dasar-hukum", "kualifikasi", "keterkaitan", "peralatan", "peringatan", "pencatatan", "riwayat-revisi"}
    return canonical(word) in lists
