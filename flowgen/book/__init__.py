"""The book of a unit's SOPs (Dokumen SOP AP, Permenpan RB 35/2012 Bab II.C) and its catalogue.

``build_book(folder)`` writes the book PDF, its pages' SVG twins, ``index.html``,
``katalog.csv`` and ``katalog.json``; ``check_book(folder)`` returns every
diagnostic of the folder.  Both use only the public library to read and draw
the SOPs themselves.  The names are imported when first used, so the command
line (which registers ``flowgen book``) does not pay for pikepdf at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flowgen.book.checks import check_book
    from flowgen.book.collect import discover
    from flowgen.book.config import BookConfig, read_book_config
    from flowgen.book.make import build_book
    from flowgen.book.result import BookResult

_WHERE = {
    "BookConfig": "flowgen.book.config",
    "BookResult": "flowgen.book.result",
    "build_book": "flowgen.book.make",
    "check_book": "flowgen.book.checks",
    "discover": "flowgen.book.collect",
    "read_book_config": "flowgen.book.config",
}

__all__ = ["BookConfig", "BookResult", "build_book", "check_book", "discover", "read_book_config"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'flowgen.book' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
