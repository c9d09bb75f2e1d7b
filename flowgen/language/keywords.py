"""The keywords of the .pos language: Indonesian first, each with an English alias.

One table per context.  Every lookup is case-insensitive and returns the
canonical (Indonesian) keyword, which is what the rest of flowgen uses.
"""

from __future__ import annotations

from collections.abc import Mapping

# identity keys with a single value
SCALAR_KEYS: dict[str, str] = {
    "judul": "judul",
    "title": "judul",
    "nomor": "nomor",
    "number": "nomor",
    "instansi": "instansi",
    "agency": "instansi",
    "unit": "unit",
    "dibuat": "dibuat",
    "created": "dibuat",
    "revisi": "revisi",
    "revised": "revisi",
    "no-revisi": "no-revisi",
    "nomor-revisi": "no-revisi",
    "revisi-ke": "no-revisi",
    "revision": "no-revisi",
    "efektif": "efektif",
    "effective": "efektif",
    "disahkan": "disahkan",
    "approved-by": "disahkan",
    "gaya": "gaya",
    "style": "gaya",
}

# identity keys that hold a list (one value on the line, or "- item" lines)
LIST_KEYS: dict[str, str] = {
    "dasar-hukum": "dasar-hukum",
    "legal-basis": "dasar-hukum",
    "kualifikasi": "kualifikasi",
    "qualifications": "kualifikasi",
    "keterkaitan": "keterkaitan",
    "related": "keterkaitan",
    "peralatan": "peralatan",
    "equipment": "peralatan",
    "peringatan": "peringatan",
    "warnings": "peringatan",
    "pencatatan": "pencatatan",
    "records": "pencatatan",
    # the revision history: one "- nomor; tanggal; perubahan; disahkan" item per revision
    "riwayat-revisi": "riwayat-revisi",
    "riwayat": "riwayat-revisi",
    "history": "riwayat-revisi",
    "revision-history": "riwayat-revisi",
}

HISTORY_KEY = "riwayat-revisi"
# the parts of a history item, and how a part writes a literal ";"
HISTORY_SEPARATOR = ";"
ESCAPED_SEPARATOR = "\\;"

# the two blocks
SECTION_KEYS: dict[str, str] = {
    "pelaksana": "pelaksana",
    "actors": "pelaksana",
    "alur": "alur",
    "flow": "alur",
}

TOP_KEYS: dict[str, str] = {**SCALAR_KEYS, **LIST_KEYS, **SECTION_KEYS}

DATE_KEYS = ("dibuat", "revisi", "efektif")

# attribute lines under a step
ATTRIBUTE_KEYS: dict[str, str] = {
    "kelengkapan": "kelengkapan",
    "requires": "kelengkapan",
    "waktu": "waktu",
    "time": "waktu",
    "output": "output",
    "keterangan": "keterangan",
    "note": "keterangan",
    "simbol": "simbol",
    "symbol": "simbol",
}

# "the actor(s) of the step above", as the Pelaksana column writes it
SAME_AS_ABOVE = frozenset({"sda", "idem"})

# identity keys that must have a value; the others may be left empty, as signed sheets leave boxes
REQUIRED_VALUE_KEYS = frozenset({"judul", "gaya"})

# what a signed sheet writes in a box it leaves empty
EMPTY_MARKS = frozenset({"-", "–", "—"})

# step kinds written before the actor
STEP_KEYWORDS: dict[str, str] = {
    "mulai": "start",
    "start": "start",
    "selesai": "end",
    "end": "end",
}

# the arrow between a step and where it leads, and how a text writes a literal "->"
ARROW = "->"
ESCAPED_ARROW = "\\->"

# English alias of each canonical key, for the printer and the docs
ENGLISH: dict[str, str] = {
    canonical: alias
    for table in (SCALAR_KEYS, LIST_KEYS, SECTION_KEYS, ATTRIBUTE_KEYS)
    for alias, canonical in table.items()
    if alias != canonical
}
ENGLISH.setdefault("unit", "unit")
ENGLISH.setdefault("output", "output")


def lookup(table: Mapping[str, str], word: str) -> str | None:
    return table.get(word.strip().lower())
