"""The book's page numbers on the SOP pages it inserts: a printed book can be followed from its contents.

Each SOP's own PDF stays as it was rendered (and as it was signed); only its
copy in the book gets the book's page number, set as the book's own pages
set theirs (``book-footer``, ``book-labels { book-page-number }``), centred
in the bottom margin below the SOP's own "Halaman x dari y".  The numbers are
drawn by flowgen's PDF painter on otherwise empty pages of the same sizes and
laid over the inserted pages.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter

from flowgen.book.pages import label
from flowgen.render.pdf import render_pdf
from flowgen.render.scene import Document, Group, Page, Text, TextLine
from flowgen.style.resolve import ResolvedStyle

MARGIN_SHARE = 0.45  # the baseline's height over the paper's bottom edge, as a share of the SOP's bottom margin
LOWEST = 14.0  # points: never nearer the edge than a printer can print


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
        page.merge_page(stamp)
