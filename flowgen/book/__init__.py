"""The book of a unit's SOPs (Dokumen SOP AP, Permenpan RB 35/2012 Bab II.C) and its catalogue.

``build_book(folder)`` writes the book PDF, its pages' SVG twins, ``index.html``,
``katalog.csv`` and ``katalog.json``; ``check_book(folder)`` returns every
diagnostic of the folder.  Both use only the public library to read and draw
the SOPs themselves.
"""

from flowgen.book.assemble import BookResult, build_book
from flowgen.book.checks import check_book
from flowgen.book.collect import discover
from flowgen.book.config import BookConfig, read_book_config

__all__ = ["BookConfig", "BookResult", "build_book", "check_book", "discover", "read_book_config"]
