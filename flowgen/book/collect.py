"""The SOPs of a book folder: found, read, grouped by unit, with what the contents and catalogue print.

A book is a folder: its own ``.pos`` files belong to the book's unit, each
subfolder is a unit (bidang) named by its ``unit.toml`` or by the folder name,
and deeper folders nest.  Files are taken in name order within a unit, so a
unit orders its SOPs by naming them (``01-surat-masuk.pos``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from collections.abc import Collection as Collection_
from dataclasses import dataclass, field
from pathlib import Path

import flowgen
from flowgen.book.config import UnitConfig, read_unit_config
from flowgen.checks import add_months as add_months  # re-exported: the book's dates count months with it
from flowgen.checks import next_review
from flowgen.discover import find_sources

SKIPPED_FOLDERS = ("_", ".")  # folders starting with these are not part of the book


def discover(folder: Path) -> list[Path]:
    """Every .pos file of a book folder, in book order (a unit's own files, then its subfolders').

    Found as ``flowgen build DIR`` finds them (:func:`flowgen.discover.find_sources`), less the
    folders that start with ``_`` (kept out of the book), then put in the order of the units.
    """
    orders: dict[Path, int] = {}

    def order(sub: Path) -> int:
        if sub not in orders:
            orders[sub] = _order(sub)
        return orders[sub]

    def place(path: Path) -> tuple[tuple[int, int, str], ...]:
        parts = path.relative_to(folder).parts
        chain = [folder.joinpath(*parts[: i + 1]) for i in range(len(parts) - 1)]
        return (*((1, order(sub), sub.name) for sub in chain), (0, 0, path.name))

    found = [s.path for s in find_sources([folder]) if s.path.is_file()]
    found = [p for p in found if not any(part.startswith(SKIPPED_FOLDERS) for part in p.relative_to(folder).parts[:-1])]
    return sorted(found, key=place)


def _order(folder: Path) -> int:
    try:
        order = read_unit_config(folder).order
    except flowgen.FlowgenError:
        return 999
    return 999 if order is None else order


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points (from the bottom)


@dataclass(frozen=True)
class Summary:
    """What the contents, the catalogue and the cross-references print of an SOP, without the procedure.

    Small and plain (it goes through JSON unchanged), so that a book with one
    SOP changed reads the others' from :mod:`flowgen.book.cache` instead of
    parsing every file again.
    """

    number: str
    title: str
    effective: dt.date | None
    revised: dt.date | None  # the Tanggal Revisi: the last revision's date when there is a history, else revisi:
    revision: str  # the last revision's number, "" without a history
    related: tuple[str, ...]  # the keterkaitan items as written
    review: dt.date | None
    steps: int
    actors: int
    longest: flowgen.Duration | None  # the slowest way through the procedure (the catalogue's Total Waktu)


def summarize(procedure: flowgen.Procedure, review: dt.date | None) -> Summary:
    """The summary of a procedure read from its file, with its next review date."""
    ident = procedure.identity
    last = ident.last_revision
    longest = flowgen.longest_path(procedure)
    return Summary(
        ident.number,
        ident.title,
        ident.effective.date if ident.effective is not None else None,
        ident.revised_date.date if ident.revised_date is not None else None,
        last.number if last is not None else "",
        tuple(ident.related),
        review,
        len(procedure.steps),
        len(procedure.actors),
        longest.duration if longest is not None else None,
    )


@dataclass(frozen=True)
class Known:
    """One SOP's part of the book: what is printed of it, its page count, its style's bottom margin, its links.

    Made by the worker that built the SOP (:func:`flowgen.book.sops.book_part`) or read from the
    book's cache (:mod:`flowgen.book.cache`); either way the book need not read the SOP again.
    """

    summary: Summary
    pages: int
    bottom: float
    boxes: tuple[Box | None, ...]  # one per keterkaitan item of the summary


@dataclass(frozen=True)
class Entry:
    """One SOP of the book and everything the book prints about it.

    ``pages``, ``first_page``, ``bottom`` and ``boxes`` are filled in when the
    book is put together (they come from the SOP's PDF and its style).
    """

    path: Path
    relative: str  # from the book folder, with forward slashes
    units: tuple[str, ...]  # unit names from the top of the book down to the SOP's folder
    summary: Summary
    review_span: flowgen.Span | None = None  # where '# tinjau:' is written, if it is (files read now only)
    pages: int = 0
    first_page: int = 0
    bottom: float = 0.0  # the bottom margin of the SOP's pages (its style's), for the book's page number
    boxes: tuple[Box | None, ...] = ()  # where each keterkaitan item stands on the identity sheet

    @property
    def number(self) -> str:
        return self.summary.number

    @property
    def title(self) -> str:
        return self.summary.title

    @property
    def effective(self) -> dt.date | None:
        return self.summary.effective

    @property
    def revised(self) -> dt.date | None:
        """The Tanggal Revisi: the last revision's date when the SOP has a history, else ``revisi:``."""
        return self.summary.revised

    @property
    def revision(self) -> str:
        """The number of the last revision of the history, "" if the SOP has none."""
        return self.summary.revision

    @property
    def review(self) -> dt.date | None:
        return self.summary.review

    @property
    def related(self) -> tuple[str, ...]:
        return self.summary.related

    @property
    def unit(self) -> str:
        return self.units[-1] if self.units else ""

    @property
    def stem(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Unread:
    """A .pos file of the book that has errors: it is left out of the book and reported."""

    path: Path
    diagnostics: tuple[flowgen.Diagnostic, ...]


def review_date(procedure: flowgen.Procedure, months: int) -> tuple[dt.date | None, flowgen.Span | None, bool]:
    """The next review (the one rule of :func:`flowgen.checks.next_review`); the comment's place; a bad comment."""
    review = next_review(procedure, months)
    return review.due, (review.span if review.basis == "tinjau" else None), review.bad


def unit_names(folder: Path, path: Path, top: str) -> tuple[str, ...]:
    """The unit chain of a file: each folder's name down to the file's (the book's own unit for its own files)."""
    parts = path.parent.relative_to(folder).parts
    names = [top] if top and not parts else []
    current = folder
    for part in parts:
        current = current / part
        unit: UnitConfig = read_unit_config(current)
        names.append(unit.name)
    return tuple(names)


@dataclass
class Collection:
    """The readable SOPs in book order and the files left out."""

    entries: list[Entry] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    bad_reviews: list[tuple[Path, flowgen.Span]] = field(default_factory=list)
    procedures: dict[Path, flowgen.Procedure] = field(default_factory=dict)  # the files read (not the known)

    def groups(self) -> Iterator[tuple[tuple[str, ...], list[Entry]]]:
        """Consecutive entries of the same unit chain, in book order."""
        current: tuple[str, ...] | None = None
        bucket: list[Entry] = []
        for entry in self.entries:
            if entry.units != current:
                if bucket and current is not None:
                    yield current, bucket
                current, bucket = entry.units, []
            bucket.append(entry)
        if bucket and current is not None:
            yield current, bucket


def collect(
    folder: Path,
    top_unit: str,
    review_months: int = 12,
    skip: Collection_[Path] = frozenset(),
    known: Callable[[Path], Summary | None] | None = None,
) -> Collection:
    """Read every .pos file of the book (but ``skip``); the ones with errors are kept aside with their diagnostics.

    A file whose summary ``known`` gives (one still current in the book's cache) is not read.
    """
    result = Collection()
    for path in discover(folder):
        if path in skip:
            continue
        summary, span = (known(path) if known is not None else None), None
        if summary is None:
            try:
                procedure = flowgen.load(path)
            except flowgen.FlowgenError as exc:
                result.unread.append(Unread(path, exc.diagnostics))
                continue
            review, span, bad = review_date(procedure, review_months)
            if bad and span is not None:
                result.bad_reviews.append((path, span))
            summary = summarize(procedure, review)
            result.procedures[path] = procedure
        relative = path.relative_to(folder).as_posix()
        units = unit_names(folder, path, top_unit)
        result.entries.append(Entry(path, relative, units, summary, span))
    return result
