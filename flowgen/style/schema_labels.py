"""The ``labels`` element of the schema: every word flowgen prints by itself, with its defaults.

Kept apart from :mod:`flowgen.style.schema` because it is long and only words.  The
labels that take placeholders (``page``, the off-page connectors) are *templates*:
their parser accepts exactly the placeholders documented here and nothing of
Python's format mini-language, so a sheet's label can never reach into flowgen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tinycss2 import ast as css

from flowgen.style import values as v

Parser = Callable[[Sequence[css.Node]], Any]

# label → the placeholders it may use (what the layouts pass to it)
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "page": ("page", "pages"),
    "connector-to": ("step",),
    "connector-from": ("step",),
    "connector-page": ("page",),
}

_WORDS: tuple[tuple[str, str], ...] = (
    ("yes", "Printed for a 'ya'/'yes' branch."),
    ("no", "Printed for a 'tidak'/'no' branch."),
    ("start", "Text of a start terminator without text."),
    ("end", "Text of an end terminator without text."),
    ("page", "Page numbers; {page} and {pages} are replaced (no other placeholder)."),
    (
        "date-format",
        'Dates: d, dd, M, MM, MMMM (month name), yyyy; "" prints each date as written (2021-01-04 as "d MMMM yyyy").',
    ),
    ("empty", "Printed for an empty identity field."),
    ("col-no", "Column heading."),
    ("col-kegiatan", "Column heading."),
    ("col-pelaksana", "Column heading."),
    ("col-mutu-baku", "Column heading."),
    ("col-kelengkapan", "Column heading."),
    ("col-waktu", "Column heading."),
    ("col-output", "Column heading."),
    ("col-keterangan", "Column heading."),
    ("nomor", "Identity field label."),
    ("dibuat", "Identity field label."),
    ("revisi", "Identity field label."),
    ("no-revisi", "Identity field label: the revision number, a row only when one is written."),
    ("efektif", "Identity field label."),
    ("disahkan", "Identity field label."),
    ("nama-sop", "Identity field label."),
    ("nip", "Printed before the NIP."),
    ("dasar-hukum", "Identity box title."),
    ("kualifikasi", "Identity box title."),
    ("keterkaitan", "Identity box title."),
    ("peralatan", "Identity box title."),
    ("peringatan", "Identity box title."),
    ("pencatatan", "Identity box title."),
    ("lanjutan", "After the SOP's title and number heading an identity sheet's continuation sheet."),
    ("total", "Heading of the total time row."),
    ("connector-to", "Off-page connector, first line, on the page an arrow leaves: {step}."),
    ("connector-from", "Off-page connector, first line, on the page an arrow reaches: {step}."),
    ("connector-page", "Off-page connector, second line: the other page, {page}."),
    ("decimal", "Decimal separator in totals."),
    ("subject", "The subject written into the PDF's document information."),
)

_UNITS: tuple[tuple[str, str], ...] = (
    ("unit-minute", "Word for minutes in totals: one word, or singular and plural."),
    ("unit-hour", "Word for hours in totals: one word, or singular and plural."),
    ("unit-day", "Word for days in totals: one word, or singular and plural."),
    ("unit-work-day", "Word for working days in totals: one word, or singular and plural."),
    ("unit-second", "Word for seconds in totals: one word, or singular and plural."),
)

# (name, kind, doc, parser or None for the kind's own)
LABEL_PROPERTIES: tuple[tuple[str, str, str, Parser | None], ...] = (
    *((name, "string", doc, v.template(PLACEHOLDERS[name]) if name in PLACEHOLDERS else None) for name, doc in _WORDS),
    ("language", "language", "The document's language tag (id, en, ...), written into SVG and PDF.", None),
    ("months", "strings", "The twelve month names, January first.", None),
    *((name, "strings", doc, None) for name, doc in _UNITS),
)

LABELS_ID = {
    "yes": '"Ya"',
    "no": '"Tidak"',
    "start": '"Mulai"',
    "end": '"Selesai"',
    "page": '"Halaman {page} dari {pages}"',
    "date-format": '""',
    "empty": '"-"',
    "col-no": '"No"',
    "col-kegiatan": '"Kegiatan"',
    "col-pelaksana": '"Pelaksana"',
    "col-mutu-baku": '"Mutu Baku"',
    "col-kelengkapan": '"Kelengkapan"',
    "col-waktu": '"Waktu"',
    "col-output": '"Output"',
    "col-keterangan": '"Keterangan"',
    "nomor": '"Nomor SOP"',
    "dibuat": '"Tanggal Pembuatan"',
    "revisi": '"Tanggal Revisi"',
    "no-revisi": '"No. Revisi"',
    "efektif": '"Tanggal Efektif"',
    "disahkan": '"Disahkan oleh"',
    "nama-sop": '"Nama SOP"',
    "nip": '"NIP."',
    "dasar-hukum": '"Dasar Hukum"',
    "kualifikasi": '"Kualifikasi Pelaksana"',
    "keterkaitan": '"Keterkaitan"',
    "peralatan": '"Peralatan/Perlengkapan"',
    "peringatan": '"Peringatan"',
    "pencatatan": '"Pencatatan dan Pendataan"',
    "lanjutan": '"(lanjutan)"',
    "total": '"Total waktu"',
    "connector-to": '"ke {step}"',
    "connector-from": '"dari {step}"',
    "connector-page": '"hal. {page}"',
    "unit-minute": '"menit"',
    "unit-hour": '"jam"',
    "unit-day": '"hari"',
    "unit-work-day": '"hari kerja"',
    "unit-second": '"detik"',
    "decimal": '","',
    "subject": '"Prosedur Operasional Standar"',
    "language": '"id"',
    "months": '"Januari" "Februari" "Maret" "April" "Mei" "Juni" "Juli" "Agustus" "September" "Oktober" '
    '"November" "Desember"',
}
