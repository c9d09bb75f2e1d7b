"""``flowgen check DIR``: every file of a book, then the rules of the book as a whole.

Besides each file's own errors and warnings: the [book] settings, a nomor used
by two SOPs (an error: the contents and the catalogue could not tell them
apart), SOPs past their review date and keterkaitan names that match no SOP of
the book (warnings: the book can still be printed).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import flowgen
from flowgen import Diagnostic, Severity, Span
from flowgen.book.collect import Entry, collect, discover
from flowgen.book.config import read_book_config
from flowgen.book.refs import resolve
from flowgen.checks import REVIEW_MONTHS, review_warning


def _line_span(procedure: flowgen.Procedure, pattern: str, text: str | None = None) -> tuple[Span, str | None]:
    """Where a key (or, below it, a text) is written in a procedure's file."""
    regex = re.compile(pattern, re.IGNORECASE)
    for number, line in enumerate(procedure.source_lines, start=1):
        if regex.match(line) and (text is None or text in line):
            column = line.index(text) + 1 if text else 1
            return Span(procedure.source_name, number, column, len(text) if text else len(line.rstrip())), line
    if text is not None:
        for number, line in enumerate(procedure.source_lines, start=1):
            if text in line:
                return Span(procedure.source_name, number, line.index(text) + 1, len(text)), line
    return Span(procedure.source_name, 0), None


def _file_diagnostics(path: Path) -> list[Diagnostic]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        try:
            flowgen.load(path)
        except flowgen.FlowgenError as exc:
            return list(exc.diagnostics)
        return []
    _procedure, found = flowgen.analyze(text, str(path))
    return list(found)


def check_book(folder: Path, today: dt.date | None = None) -> list[Diagnostic]:
    """Every diagnostic of a book folder: its files, its settings, and the rules across its SOPs."""
    folder = Path(folder)
    today = today or dt.date.today()
    found: list[Diagnostic] = []
    try:
        config = read_book_config(folder)
    except flowgen.FlowgenError as exc:
        return list(exc.diagnostics)
    paths = discover(folder)
    if not paths:
        return [Diagnostic(Severity.ERROR, "book-empty", Span(str(folder), 0), {"path": str(folder)})]
    for path in paths:
        found += _file_diagnostics(path)
    try:
        collection = collect(folder, config.unit, config.review_months)
    except flowgen.FlowgenError as exc:  # a unit.toml with mistakes
        return found + list(exc.diagnostics)
    for _path, span in collection.bad_reviews:
        text = span_text(span)
        found.append(Diagnostic(Severity.WARNING, "book-bad-review", span, {"text": text}, _shown(span)))
    procedures = collection.procedures  # every entry's: check_book reads every file
    found += _duplicates(collection.entries, procedures)
    for entry in collection.entries:  # the one review rule of a file, with the book's period
        due = review_warning(procedures[entry.path], today, config.review_months)
        if due is not None:
            found.append(due)
    for ref in resolve(collection.entries):
        if ref.target is None:
            span, line = _line_span(procedures[ref.source.path], r"^\s*(-\s*)?\S", ref.text)
            ref_args: dict[str, str | None] = {"name": ref.text, "suggestion": ref.suggestion}
            found.append(Diagnostic(Severity.WARNING, "book-broken-ref", span, ref_args, line))
    return found


def _shown(span: Span) -> str | None:
    try:
        lines = Path(span.file).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return lines[span.line - 1] if 0 < span.line <= len(lines) else None


def span_text(span: Span) -> str:
    """The text a span covers, read back from its file."""
    line = _shown(span) or ""
    return line[span.column - 1 : span.column - 1 + span.length]


def _duplicates(entries: list[Entry], procedures: dict[Path, flowgen.Procedure]) -> list[Diagnostic]:
    first: dict[str, Entry] = {}
    found: list[Diagnostic] = []
    for entry in entries:
        key = entry.number.strip().lower()
        if not key:
            continue
        if key in first:
            span, line = _line_span(procedures[entry.path], r"^(nomor|number)\s*:", entry.number.strip())
            args = {"nomor": entry.number, "other": first[key].relative}
            found.append(Diagnostic(Severity.ERROR, "book-duplicate-nomor", span, args, line))
        else:
            first[key] = entry
    return found


def review_months_for(path: Path) -> int:
    """The review period of a file: ``[book] review-months`` of the nearest flowgen.toml, else a year."""
    from flowgen.style.choose import find_config

    config = find_config(path.parent)
    if config is None:
        return REVIEW_MONTHS
    try:
        return read_book_config(config.parent).review_months
    except flowgen.FlowgenError:  # the folder's check reports its config; the file is still checked
        return REVIEW_MONTHS


def file_review(procedure: flowgen.Procedure, path: Path, today: dt.date | None = None) -> list[Diagnostic]:
    """``flowgen check FILE``: the file's review date against today, with its folder's period."""
    due = review_warning(procedure, today or dt.date.today(), review_months_for(path))
    return [due] if due is not None else []
