"""The ``[book]`` table of a book folder's flowgen.toml, and a unit folder's ``unit.toml``.

Every field is checked and every mistake is a :class:`~flowgen.FlowgenError`
pointing at its line and column, like the style sheets' errors.  Files the
config names (logo, decree) must lie inside the book's folder: a path that
leaves it is refused by name and never opened, so a shared flowgen.toml cannot
make flowgen read (and print into a PDF) a file from elsewhere on the machine.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flowgen import Diagnostic, Severity, Span, StyleError
from flowgen.book import messages as _messages  # noqa: F401  (registers the book's messages)
from flowgen.style.choose import read_toml_file

CONFIG_NAME = "flowgen.toml"
UNIT_CONFIG = "unit.toml"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
DECREE_SUFFIXES = (".pdf", ".txt", ".md")


@dataclass(frozen=True)
class BookConfig:
    """What the book's own pages print; empty texts print nothing."""

    folder: Path
    title: str = "Dokumen Standar Operasional Prosedur Administrasi Pemerintahan"
    agency: str = ""
    unit: str = ""
    address: str = ""
    year: int | None = None  # None: the latest year an SOP takes effect
    logo: Path | None = None
    decree: Path | None = None
    scope: str = ""
    summary: str = ""
    definitions: tuple[tuple[str, str], ...] = ()
    review_months: int = 12
    source: Path | None = None  # the flowgen.toml read, if any


@dataclass(frozen=True)
class UnitConfig:
    """A unit (bidang) folder: its printed name and its place among the units."""

    name: str
    order: int | None = None


def _diag(code: str, span: Span, lines: list[str], **args: Any) -> Diagnostic:
    shown = lines[span.line - 1] if 0 < span.line <= len(lines) else None
    return Diagnostic(Severity.ERROR, code, span, args, shown)


class _Locator:
    """Where a key of a table is written (line and column), for messages."""

    HEADER = re.compile(r"^\s*\[\s*([^\]\s]+)\s*\]")

    def __init__(self, path: Path, lines: list[str]):
        self.path = path
        self.lines = lines

    def key(self, table: str, key: str) -> Span:
        current = ""
        pattern = re.compile(rf'^\s*(["\']?){re.escape(key)}\1\s*=')
        header_span: Span | None = None
        for number, line in enumerate(self.lines, start=1):
            header = self.HEADER.match(line)
            if header:
                current = header.group(1)
                if current == table and header_span is None:
                    header_span = Span(str(self.path), number, line.index(table) + 1, len(table))
                continue
            if current == table and pattern.match(line):
                return Span(str(self.path), number, line.index(key) + 1, len(key))
        return header_span or Span(str(self.path), 1, 1, 1)

    def value(self, table: str, key: str) -> Span:
        span = self.key(table, key)
        line = self.lines[span.line - 1] if 0 < span.line <= len(self.lines) else ""
        equals = line.find("=", span.column - 1)
        if equals < 0:
            return span
        start = equals + 1
        while start < len(line) and line[start] == " ":
            start += 1
        return Span(span.file, span.line, start + 1, max(1, len(line.rstrip()) - start))


def read_toml(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The parsed TOML and its lines, read as flowgen.toml is (bounded, UTF-8, plain text); errors are StyleErrors."""
    return read_toml_file(path)


_TEXT = ("a text", "teks", '"Direktorat Sekolah Menengah Pertama"')
_FIELDS: dict[str, tuple[str, str, str]] = {  # key → (expected, Indonesian, example)
    "title": _TEXT,
    "agency": _TEXT,
    "unit": _TEXT,
    "address": ("a text", "teks", '"Jalan Jenderal Sudirman, Senayan, Jakarta 10270"'),
    "year": ("a year such as 2026", "tahun seperti 2026", "2026"),
    "logo": ("a PNG or JPEG file in the book's folder", "berkas PNG atau JPEG di folder buku", '"logo.png"'),
    "decree": (
        "a .pdf, .txt or .md file in the book's folder",
        "berkas .pdf, .txt atau .md di folder buku",
        '"keputusan.pdf"',
    ),
    "scope": _TEXT,
    "summary": _TEXT,
    "definitions": ("a table of texts", "tabel berisi teks", '[book.definitions] SOP = "Standar Operasional Prosedur"'),
    "review-months": ("a whole number of months from 1 to 120", "bilangan bulat 1 sampai 120 bulan", "12"),
}


class _Checker:
    def __init__(self, path: Path, lines: list[str], table: str):
        self.where = _Locator(path, lines)
        self.lines = lines
        self.table = table
        self.problems: list[Diagnostic] = []

    def bad(self, key: str, fields: dict[str, tuple[str, str, str]]) -> None:
        expected, expected_id, example = fields[key]
        self.problems.append(
            _diag(
                "book-bad-value",
                self.where.value(self.table, key),
                self.lines,
                key=key,
                table=self.table,
                expected=expected,
                expected_id=expected_id,
                example=example,
            )
        )

    def unknown(self, data: dict[str, Any], known: tuple[str, ...]) -> None:
        for key in data:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                self.problems.append(
                    _diag(
                        "book-unknown-key",
                        self.where.key(self.table, key),
                        self.lines,
                        key=key,
                        table=self.table,
                        suggestion=close[0] if close else None,
                        known=", ".join(known),
                    )
                )


def inside(folder: Path, written: str) -> Path | None:
    """The file a config path means, if it stays inside ``folder`` (symbolic links followed)."""
    if not written or Path(written).is_absolute() or written.startswith("~"):
        return None
    root = folder.resolve()
    target = (root / written).resolve()
    return target if target.is_relative_to(root) else None


def _path(checker: _Checker, folder: Path, key: str, value: Any, suffixes: tuple[str, ...]) -> Path | None:
    if not isinstance(value, str) or not value.strip():
        checker.bad(key, _FIELDS)
        return None
    span = checker.where.value(checker.table, key)
    target = inside(folder, value)
    if target is None:
        checker.problems.append(_diag("book-path-outside", span, checker.lines, key=key, path=value))
        return None
    if not target.is_file():
        checker.problems.append(_diag("book-path-missing", span, checker.lines, key=key, path=value))
        return None
    if target.suffix.lower() not in suffixes:
        expected, expected_id, example = _FIELDS[key]
        checker.problems.append(
            _diag(
                "book-path-kind",
                span,
                checker.lines,
                key=key,
                path=value,
                expected=expected,
                expected_id=expected_id,
                example=f"{key} = {example}",
            )
        )
        return None
    return target


def _text(checker: _Checker, key: str, value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    checker.bad(key, _FIELDS)
    return ""


def _number(checker: _Checker, key: str, value: Any, low: int, high: int) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    checker.bad(key, _FIELDS)
    return None


def _definitions(checker: _Checker, value: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return tuple((str(k).strip(), v.strip()) for k, v in value.items())
    checker.bad("definitions", _FIELDS)
    return ()


def read_book_config(folder: Path) -> BookConfig:
    """The book's settings from ``folder/flowgen.toml`` (defaults when there is none or no [book])."""
    path = folder / CONFIG_NAME
    if not path.is_file():
        return BookConfig(folder)
    data, lines = read_toml(path)
    table = data.get("book", {})
    checker = _Checker(path, lines, "book")
    if not isinstance(table, dict):
        checker.bad("title", {"title": ("a table: [book]", "tabel: [book]", '[book]\ntitle = "..."')})
        raise StyleError(checker.problems)
    checker.unknown(table, tuple(_FIELDS))
    values: dict[str, Any] = {"folder": folder, "source": path}
    readers: dict[str, Callable[[str, Any], Any]] = {
        "year": lambda k, v: _number(checker, k, v, 1900, 2200),
        "review-months": lambda k, v: _number(checker, k, v, 1, 120),
        "logo": lambda k, v: _path(checker, folder, k, v, IMAGE_SUFFIXES),
        "decree": lambda k, v: _path(checker, folder, k, v, DECREE_SUFFIXES),
        "definitions": lambda _k, v: _definitions(checker, v),
    }
    for key, value in table.items():
        if key not in _FIELDS:
            continue
        read = readers.get(key)
        result = read(key, value) if read is not None else _text(checker, key, value)
        if result is not None:
            values[key.replace("-", "_")] = result
    if checker.problems:
        raise StyleError(checker.problems)
    return BookConfig(**values)


_UNIT_FIELDS: dict[str, tuple[str, str, str]] = {
    "name": ("a text", "teks", '"Subbagian Tata Usaha"'),
    "order": ("a whole number from 0 to 999", "bilangan bulat 0 sampai 999", "1"),
}


def read_unit_config(folder: Path) -> UnitConfig:
    """A unit folder's name: ``unit.toml`` (``name``, ``order``), else the folder's own name."""
    path = folder / UNIT_CONFIG
    if not path.is_file():
        return UnitConfig(folder.name)
    data, lines = read_toml(path)
    checker = _Checker(path, lines, "unit")
    checker.table = "unit"
    checker.where = _TopLocator(path, lines)
    checker.unknown(data, tuple(_UNIT_FIELDS))
    name = data.get("name", folder.name)
    if not isinstance(name, str) or not name.strip():
        checker.bad("name", _UNIT_FIELDS)
    order = data.get("order")
    if order is not None and not (isinstance(order, int) and not isinstance(order, bool) and 0 <= order <= 999):
        checker.bad("order", _UNIT_FIELDS)
    if checker.problems:
        raise StyleError(checker.problems)
    return UnitConfig(str(name).strip(), order)


class _TopLocator(_Locator):
    """Keys of a file without tables (unit.toml): the "table" is the top of the file."""

    def key(self, table: str, key: str) -> Span:
        pattern = re.compile(rf'^\s*(["\']?){re.escape(key)}\1\s*=')
        for number, line in enumerate(self.lines, start=1):
            if self.HEADER.match(line):
                break
            if pattern.match(line):
                return Span(str(self.path), number, line.index(key) + 1, len(key))
        return Span(str(self.path), 1, 1, 1)
