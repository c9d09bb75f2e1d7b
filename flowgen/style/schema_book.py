"""The style vocabulary of the book of SOPs (Dokumen SOP AP): cover, decree, contents and notes pages.

Kept apart from :mod:`flowgen.style.schema` so the book's pages can grow
without touching the vocabulary of the two SOP forms.  ``schema`` merges these
tables into its own (one import, one merge line); to stay importable in any
order, this module never imports ``schema`` at run time: the merge hands in the
``Property`` and ``Element`` constructors.

The defaults are the look a Biro Organisasi expects of a Dokumen SOP AP
(Permenpan RB 35/2012, Bab II.C): an upright page, black on white, a centred
cover with the logo, a ruled Daftar Isi grouped by unit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flowgen.style.schema import Element, Property

CONTENTS_COLUMNS = ("no", "nomor", "judul", "efektif", "revisi", "halaman")

BOOK_LABELS = {
    "halaman-judul": ('"Halaman Judul"', "Bookmark of the cover."),
    "keputusan": ('"Keputusan Pimpinan"', "Bookmark (and heading) of the leader's decree."),
    "daftar-isi": ('"Daftar Isi"', "Heading of the table of contents."),
    "penjelasan": ('"Penjelasan Singkat Penggunaan"', "Heading of the notes on use."),
    "prosedur": ('"Prosedur Operasional Standar"', "Bookmark of the procedures part."),
    "ruang-lingkup": ('"Ruang Lingkup"', "Notes: the scope."),
    "ringkasan": ('"Ringkasan"', "Notes: the summary."),
    "definisi": ('"Definisi"', "Notes: the definitions."),
    "col-nomor": ('"Nomor SOP"', "Contents column heading."),
    "col-judul": ('"Nama SOP"', "Contents column heading."),
    "col-efektif": ('"Tanggal Efektif"', "Contents column heading."),
    "col-revisi": ('"Revisi"', "Contents column heading."),
    "col-halaman": ('"Hal."', "Contents column heading."),
    "book-page-number": ('"{page}"', "The page number of the book's own pages; {page} is replaced."),
    "cover-kicker": ('"Dokumen"', "Small line above the cover title (empty: none)."),
}

_BOX = ("fill", "stroke", "stroke-width", "padding")


def book_properties(make: Callable[..., Property]) -> dict[str, Property]:
    """The properties only the book uses (texts of its labels)."""
    return {name: make(name, "string", doc) for name, (_default, doc) in BOOK_LABELS.items()}


def _e(
    make: Callable[..., Element], name: str, parent: str | None, doc: str, defaults: dict[str, str], **kw: Any
) -> Element:
    return make(name, parent, doc, defaults, **kw)


def book_elements(make: Callable[..., Element]) -> dict[str, Element]:
    """The elements of the book's own pages, with the defaults of the plain look."""
    elements = (*_page_elements(make), *_table_elements(make))
    return {e.name: e for e in elements}


def _page_elements(make: Callable[..., Element]) -> tuple[Element, ...]:
    """The page, its words, its footer, the cover and the headings."""
    return (
        _e(
            make,
            "book-page",
            ":root",
            "A page of the book's own (cover, decree, contents, notes). Without size: the lampiran's paper, upright.",
            {"margin": "25mm 20mm 20mm 25mm", "font-size": "11pt"},
            text=True,
            extra=("size",),
        ),
        _e(
            make,
            "book-labels",
            None,
            "Every word the book's own pages print by themselves.",
            {name: default for name, (default, _doc) in BOOK_LABELS.items()},
        ),
        _e(
            make,
            "book-footer",
            "book-page",
            "The page number at the foot of the contents and notes pages.",
            {"display": "block", "font-size": "0.9em", "text-align": "center"},
            text=True,
        ),
        _e(
            make,
            "cover",
            "book-page",
            "The cover (Halaman Judul): its frame; classes title, kicker, agency, unit, year, address for the texts.",
            {
                "stroke": "#000000",
                "stroke-width": "0pt",
                "padding": "12mm",
                "text-align": "center",
                "text-transform": "none",
            },
            text=True,
            classes=("kicker", "title", "agency", "unit", "year", "address"),
            class_defaults={
                "kicker": {"font-size": "1.3em", "text-transform": "uppercase"},
                "title": {"font-size": "1.9em", "font-weight": "bold", "text-transform": "uppercase"},
                "agency": {"font-size": "1.35em", "font-weight": "bold", "text-transform": "uppercase"},
                "unit": {"font-size": "1.35em", "font-weight": "bold", "text-transform": "uppercase"},
                "year": {"font-size": "1.6em", "font-weight": "bold"},
                "address": {"font-size": "0.95em"},
            },
        ),
        _e(
            make,
            "cover-logo",
            None,
            'The logo on the cover: src: url("logo.png") (else the [book] logo, else the sheet\'s logo).',
            {"src": "none", "width": "40mm", "height": "40mm"},
        ),
        _e(
            make,
            "book-heading",
            "book-page",
            "The heading of a book page (DAFTAR ISI, PENJELASAN SINGKAT PENGGUNAAN, the decree's title).",
            {"font-size": "1.3em", "font-weight": "bold", "text-align": "center", "text-transform": "uppercase"},
            text=True,
        ),
    )


def _table_elements(make: Callable[..., Element]) -> tuple[Element, ...]:
    """The contents table and the notes' text."""
    return (
        _e(
            make,
            "contents",
            "book-page",
            "The table of contents (Daftar Isi): its lines.",
            {"stroke": "#000000", "stroke-width": "0.6pt", "font-size": "0.85em"},
            text=True,
        ),
        _e(
            make,
            "contents-header",
            "contents",
            "The heading row of the contents table.",
            {"fill": "#e6e6e6", "font-weight": "bold", "text-align": "center", "padding": "3pt"},
            text=True,
        ),
        _e(
            make,
            "contents-group",
            "contents",
            "A unit's (bidang's) row in the contents, above its SOPs.",
            {
                "fill": "#f2f2f2",
                "font-weight": "bold",
                "text-align": "left",
                "padding": "3pt",
                "text-transform": "none",
            },
            text=True,
        ),
        _e(
            make,
            "contents-cell",
            "contents",
            "A cell of the contents; classes no, nomor, judul, efektif, revisi, halaman.",
            {"fill": "none", "text-align": "left", "padding": "3pt"},
            text=True,
            classes=CONTENTS_COLUMNS,
            class_defaults={
                "no": {"text-align": "center"},
                "efektif": {"text-align": "center"},
                "revisi": {"text-align": "center"},
                "halaman": {"text-align": "center"},
            },
        ),
        _e(
            make,
            "notes-heading",
            "book-page",
            "A numbered part of the notes on use (Ruang Lingkup, Ringkasan, Definisi).",
            {"font-weight": "bold", "text-align": "left", "padding": "10pt 0pt 4pt 0pt"},
            text=True,
        ),
        _e(
            make,
            "notes-text",
            "book-page",
            "The text of the notes and of a decree written as text; class term for a defined word.",
            {"text-align": "left", "line-height": "1.35"},
            text=True,
            classes=("term",),
            class_defaults={"term": {"font-weight": "bold"}},
        ),
    )
