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
with one SOP changed).  The pages are pikepdf's (qpdf): the book is put together
in C++, a tenth of the time pypdf took.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence

from pikepdf import Array, Dictionary, Object, Pdf, Stream
from pikepdf import Page as PdfPage

from flowgen.book.pages import label
from flowgen.render.pdf import render_pdf
from flowgen.render.scene import Document, Group, Page, Text, TextLine
from flowgen.style.resolve import ResolvedStyle

MARGIN_SHARE = 0.45  # the baseline's height over the paper's bottom edge, as a share of the SOP's bottom margin
LOWEST = 14.0  # points: never nearer the edge than a printer can print
PREFIX = "FgBook"  # the number's font names on an SOP page (reportlab names its own F1, F2, ...)
_FONT_USE = re.compile(rb"/([A-Za-z0-9_.+-]+)(\s+[0-9.]+\s+Tf)")


def number_pages(style: ResolvedStyle, sizes: Sequence[tuple[float, float, float]], first: int) -> Document:
    """Empty pages of the given (width, height, bottom margin) showing the numbers from ``first``."""
    text = style.text("book-footer")
    pages = []
    for offset, (width, height, bottom) in enumerate(sizes):
        shown = label(style, "book-page-number").format(page=first + offset)
        baseline = height - max(LOWEST + text.size * 0.25, bottom * MARGIN_SHARE)
        item = Text((TextLine(width / 2, baseline, shown),), text.face, text.size, text.color, "middle")
        pages.append(Page(width, height, Group((item,)), shown, background=None))
    return Document(tuple(pages), "page numbers")


def stamp_numbers(
    book: Pdf,
    style: ResolvedStyle,
    start: int,
    bottoms: Sequence[float],
    render: Callable[[Document], bytes] = render_pdf,
) -> list[Pdf]:
    """The book's number on every page of ``book`` from index ``start`` (``bottoms``: each page's bottom margin).

    ``render`` paints the number pages (the book passes one that remembers them: the same page sizes and
    numbers, the same PDF).  Returns the PDF of the numbers, which must stay open until the book is saved
    (its fonts are copied from it).
    """
    if not style.shown("book-footer") or start >= len(book.pages):
        return []
    targets = book.pages[start:]
    sizes = []
    for page, bottom in zip(targets, bottoms, strict=True):
        x0, y0, x1, y1 = (float(v) for v in page.mediabox)
        sizes.append((x1 - x0, y1 - y0, bottom))
    numbers = Pdf.open(io.BytesIO(render(number_pages(style, sizes, start + 1))))
    push, pop = book.make_stream(b"q\n"), book.make_stream(b"\nQ\n")
    for page, stamp in zip(targets, numbers.pages, strict=True):
        overlay(book, page, stamp, (push, pop))
    return [numbers]


def _data(contents: Object | None) -> bytes:
    if contents is None:
        return b""
    if isinstance(contents, Array):
        return b"".join(bytes(part.read_bytes()) for part in contents)
    return bytes(contents.read_bytes())


def overlay(book: Pdf, page: PdfPage, stamp: PdfPage, around: tuple[Stream, Stream]) -> None:
    """Draw ``stamp`` over ``page``: the page's streams untouched inside q…Q, then the stamp's, its fonts renamed."""
    data = _FONT_USE.sub(lambda m: b"/" + PREFIX.encode() + m.group(1) + m.group(2), _data(stamp.obj.get("/Contents")))
    stamp_resources = stamp.obj.get("/Resources", Dictionary())
    fonts = stamp_resources.get("/Font", Dictionary())
    resources = page.obj.get("/Resources", Dictionary())
    merged = Dictionary({key: value for key, value in resources.get("/Font", Dictionary()).items()})
    for name, font in fonts.items():
        merged[f"/{PREFIX}{name[1:]}"] = book.copy_foreign(font)  # once per font (qpdf remembers)
    copy = Dictionary({key: value for key, value in resources.items()})
    copy.Font = merged
    page.obj.Resources = copy
    own = page.obj.get("/Contents")
    streams = list(own) if isinstance(own, Array) else ([own] if own is not None else [])
    page.obj.Contents = Array([around[0], *streams, around[1], book.make_stream(data)])
