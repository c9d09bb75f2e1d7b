"""The book's page numbers on the SOP pages it inserts: a printed book can be followed from its contents.

Each SOP's own PDF stays as it was rendered (and as it was signed); only its
copy in the book gets the book's page number, set as the book's own pages
set theirs (``book-footer``, ``book-labels { book-page-number }``), centred
in the bottom margin below the SOP's own "Halaman x dari y".  The numbers are
drawn by flowgen's PDF painter on otherwise empty pages of the same sizes and
laid over the inserted pages: each number page's small content stream (its
font renamed so it cannot meet the SOP page's own font names) is added after
the SOP page's own streams, which are kept as they are, never decoded and
written again (pypdf's ``merge_page`` did that: two thirds of the time of a book
with one SOP changed).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject

from flowgen.book.pages import label
from flowgen.render.pdf import render_pdf
from flowgen.render.scene import Document, Group, Page, Text, TextLine
from flowgen.style.resolve import ResolvedStyle

MARGIN_SHARE = 0.45  # the baseline's height over the paper's bottom edge, as a share of the SOP's bottom margin
LOWEST = 14.0  # points: never nearer the edge than a printer can print
PREFIX = "FgBook"  # the number's font names on an SOP page (reportlab names its own F1, F2, ...)
_FONT_USE = re.compile(rb"/([A-Za-z0-9_.+-]+)(\s+[0-9.]+\s+Tf)")


def number_pages(style: ResolvedStyle, sizes: Sequence[tuple[float, float, float]], first: int) -> bytes:
    """A PDF of empty pages of the given (width, height, bottom margin) showing the numbers from ``first``."""
    text = style.text("book-footer")
    pages = []
    for offset, (width, height, bottom) in enumerate(sizes):
        shown = label(style, "book-page-number").format(page=first + offset)
        baseline = height - max(LOWEST + text.size * 0.25, bottom * MARGIN_SHARE)
        item = Text((TextLine(width / 2, baseline, shown),), text.face, text.size, text.color, "middle")
        pages.append(Page(width, height, Group((item,)), shown, background=None))
    return render_pdf(Document(tuple(pages), "page numbers"))


def stamp_numbers(writer: PdfWriter, style: ResolvedStyle, start: int, bottoms: Sequence[float]) -> None:
    """The book's number on every page of ``writer`` from index ``start`` (``bottoms``: each page's bottom margin)."""
    if not style.shown("book-footer") or start >= len(writer.pages):
        return
    targets = writer.pages[start:]
    sizes = [(float(p.mediabox.width), float(p.mediabox.height), b) for p, b in zip(targets, bottoms, strict=True)]
    numbers = PdfReader(io.BytesIO(number_pages(style, sizes, start + 1)))
    for page, stamp in zip(targets, numbers.pages, strict=True):
        overlay(writer, page, stamp)


def _stream(writer: PdfWriter, data: bytes) -> object:
    stream = StreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def overlay(writer: PdfWriter, page: PageObject, stamp: PageObject) -> None:
    """Draw ``stamp`` over ``page``: the page's streams untouched inside q…Q, then the stamp's, its fonts renamed."""
    contents = stamp.get_contents()
    data = contents.get_data() if contents is not None else b""
    stamp_fonts = stamp.get("/Resources", DictionaryObject()).get_object().get("/Font", DictionaryObject())
    fonts = stamp_fonts.get_object()
    data = _FONT_USE.sub(lambda m: b"/" + PREFIX.encode() + m.group(1) + m.group(2), data)
    resources = page.get("/Resources", DictionaryObject()).get_object()
    own_fonts = resources.get("/Font", DictionaryObject()).get_object()
    merged = DictionaryObject(own_fonts)
    for name, font in fonts.items():
        merged[NameObject(f"/{PREFIX}{name[1:]}")] = font.clone(writer)  # once per font (pypdf remembers)
    resources = DictionaryObject(resources)
    resources[NameObject("/Font")] = merged
    page[NameObject("/Resources")] = resources
    own = page.get("/Contents")
    streams = list(own.get_object()) if own is not None and isinstance(own.get_object(), ArrayObject) else [own]
    parts = [_stream(writer, b"q\n"), *(s for s in streams if s is not None), _stream(writer, b"\nQ\n")]
    page[NameObject("/Contents")] = ArrayObject([*parts, _stream(writer, data)])
