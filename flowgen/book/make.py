"""``build_book``: every SOP built as needed, then the book assembled only when something changed.

The steps, and what each costs when nothing changed:

1. the folder's ``.pos`` files are found (:func:`flowgen.book.collect.discover`);
2. each is built or skipped as ``flowgen build DIR`` does (:mod:`flowgen.book.sops`):
   deciding reads the manifest and hashes the sources, nothing is parsed;
3. when every SOP was skipped and the book's own entry in the manifest is current
   (:mod:`flowgen.book.uptodate`), nothing more is done: no SOP is read and the
   renderers and pikepdf are not even imported;
4. otherwise the book is assembled (:mod:`flowgen.book.assemble`) and recorded.

``force`` rebuilds every SOP and the book.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import flowgen
from flowgen.book import uptodate
from flowgen.book.collect import discover
from flowgen.book.config import read_book_config
from flowgen.book.result import BOOK_NAME, BookResult, book_error
from flowgen.book.sops import Report, ensure_outputs


def build_book(
    folder: Path,
    out: Path | None = None,
    today: dt.date | None = None,
    jobs: int | None = None,
    report: Report | None = None,
    force: bool = False,
) -> BookResult:
    """Build every SOP's outputs as needed, then the book PDF, its SVG twins and the catalogue if anything changed."""
    folder = Path(folder)
    if not folder.is_dir():
        raise book_error("book-not-folder", folder)
    out = Path(out) if out is not None else folder
    today = today or dt.date.today()
    config = read_book_config(folder)
    sources = discover(folder)
    if not sources:
        raise book_error("book-empty", folder)
    built = ensure_outputs(sources, folder, out, jobs, report, force, config.review_months)
    if len(built.failures) == len(sources):
        raise flowgen.SourceError([d for found in built.failures.values() for d in found if d.is_error])
    result = BookResult(out / f"{BOOK_NAME}.pdf", rendered=built.rendered, kept=built.kept)
    result.failures = {path: _first(found) for path, found in built.failures.items()}
    key = uptodate.book_key(folder, out, sources, today)
    known = None if force or built.failures else uptodate.known_pages(out, key)
    if known is not None:
        result.pages, result.entries = known
        result.current = True
        return result
    from flowgen.book.assemble import assemble

    uptodate.forget(out)
    assemble(folder, out, config, built, today, result)
    if key is not None and not result.failures and key == uptodate.book_key(folder, out, sources, today):
        uptodate.record(out, folder, key, result.deps, result.written, (result.pages, result.entries))
    return result


def _first(found: tuple[flowgen.Diagnostic, ...]) -> str:
    first = next((d for d in found if d.is_error), found[0] if found else None)
    return first.format(context=False) if first is not None else "failed"
