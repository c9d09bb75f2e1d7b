"""A filled monitoring and evaluation workbook read back into assessments, or a message saying where it broke.

The workbook is the one :mod:`flowgen.cycle.monev_xlsx` wrote (in either language): the sheets are
found by name, every heading is checked where it was written, and every answer against its list,
so a renamed sheet, a deleted or moved column or a typed-in answer is reported by sheet, row and
column instead of being read wrongly.  Rows may be sorted or left blank; they are matched between
the two sheets by unit, nomor and judul.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from flowgen import FlowgenError, Span
from flowgen.cycle import messages as _messages  # noqa: F401  (registers the cycle's messages)
from flowgen.cycle.monev import CRITERIA_COUNT, Assessment
from flowgen.cycle.monev_xlsx import FIRST_ROW, HEADER_ROW, evaluation_headers, monitoring_headers
from flowgen.cycle.words import LANGUAGES, word

Key = tuple[str, str, str]


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


class _Sheet:
    """One form sheet and where its problems are reported."""

    def __init__(self, ws: Worksheet, source: str):
        self.ws = ws
        self.source = source
        self.seen: dict[Key, int] = {}  # each SOP's row

    def fail(self, code: str, row: int, col: int, **args: Any) -> FlowgenError:
        where = Span(self.source, 0, 1, 0)
        return FlowgenError.single(code, where, sheet=self.ws.title, row=row, column=get_column_letter(col), **args)

    def check_headers(self, headers: tuple[str, ...]) -> None:
        for col, expected in enumerate(headers, start=1):
            found = self.ws.cell(HEADER_ROW, col).value
            if _norm(found) != _norm(expected):
                raise self.fail("monev-bad-header", HEADER_ROW, col, expected=expected, found=_text(found))

    def rows(self, width: int) -> list[tuple[int, list[Any]]]:
        """(row number, values) of every row below the headings with something in it."""
        found = []
        for r in range(FIRST_ROW, self.ws.max_row + 1):
            values = [self.ws.cell(r, c).value for c in range(1, width + 1)]
            if any(_text(v) for v in values):
                found.append((r, values))
        return found

    def key(self, r: int, values: list[Any]) -> Key:
        number = values[0]
        if isinstance(number, float) and number.is_integer():
            number = int(number)
        if not isinstance(number, int) and not _text(number).isdigit():
            raise self.fail(
                "monev-bad-row", r, 1, reason="No must be a whole number", reason_id="No harus bilangan bulat"
            )
        if not _text(values[3]):
            raise self.fail(
                "monev-bad-row", r, 4, reason="the Procedure cell is empty", reason_id="sel Prosedur kosong"
            )
        key = (_text(values[1]), _text(values[2]), _text(values[3]))
        if key in self.seen:
            first = self.seen[key]
            raise self.fail(
                "monev-bad-row",
                r,
                4,
                reason=f"this SOP is already on row {first}",
                reason_id=f"SOP ini sudah ada di baris {first}",
            )
        self.seen[key] = r
        return key

    def choice(self, r: int, col: int, value: Any, allowed: dict[str, bool], shown: str) -> bool | None:
        if not _text(value):
            return None
        answer = allowed.get(_norm(value))
        if answer is None:
            raise self.fail("monev-bad-value", r, col, found=_text(value), allowed=shown)
        return answer


def _choices(lang: str, yes: str, no: str) -> dict[str, bool]:
    """The words of a list in both languages (a sheet may be answered in either); lower case."""
    allowed: dict[str, bool] = {}
    for language in (lang, *LANGUAGES):
        allowed.setdefault(word(language, yes).casefold(), True)
        allowed.setdefault(word(language, no).casefold(), False)
    return allowed


def _open(path: Path) -> tuple[Any, str]:
    try:
        book = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise FlowgenError.single("monev-not-xlsx", Span(str(path), 0, 1, 0), reason=reason) from None
    names = book.sheetnames
    lang = next((la for la in ("en", "id") if word(la, "sheet-evaluation") in names), None)
    if lang is None:
        lang = "en" if word("en", "sheet-about") in names else "id"
    for key in ("sheet-monitoring", "sheet-evaluation"):
        if word(lang, key) not in names:
            raise FlowgenError.single(
                "monev-missing-sheet",
                Span(str(path), 0, 1, 0),
                sheet=word(lang, key),
                found=", ".join(f"'{n}'" for n in names),
            )
    return book, lang


def _monitoring(sheet: _Sheet, lang: str) -> dict[Key, Assessment]:
    headers = monitoring_headers(lang)
    sheet.check_headers(headers)
    allowed = _choices(lang, "baik", "tidak-baik")
    shown = f"'{word(lang, 'baik')}', '{word(lang, 'tidak-baik')}'"
    found: dict[Key, Assessment] = {}
    for r, v in sheet.rows(len(headers)):
        key = sheet.key(r, v)
        found[key] = Assessment(*key, sheet.choice(r, 5, v[4], allowed, shown), _text(v[5]), _text(v[6]), _text(v[7]))
    return found


def _evaluation(sheet: _Sheet, lang: str) -> dict[Key, tuple[tuple[bool | None, ...], str]]:
    headers = evaluation_headers(lang)
    sheet.check_headers(headers)
    allowed = _choices(lang, "ya", "tidak")
    shown = f"'{word(lang, 'ya')}', '{word(lang, 'tidak')}'"
    found: dict[Key, tuple[tuple[bool | None, ...], str]] = {}
    for r, v in sheet.rows(len(headers)):
        key = sheet.key(r, v)
        answers = tuple(sheet.choice(r, 5 + i, v[4 + i], allowed, shown) for i in range(CRITERIA_COUNT))
        found[key] = (answers, _text(v[4 + CRITERIA_COUNT]))
    return found


@dataclass(frozen=True)
class Filled:
    """What a filled workbook says: every SOP's assessment, the sheet's language, the period written."""

    assessments: tuple[Assessment, ...]
    language: str
    period: str = ""


def _period(book: Any, lang: str) -> str:
    """The periods written beside "Periode:" on the two sheets (one if they are the same)."""
    found = []
    for key in ("sheet-monitoring", "sheet-evaluation"):
        text = _text(book[word(lang, key)]["B2"].value)
        if text and text not in found:
            found.append(text)
    return " / ".join(found)


def _unmatched(sheet: _Sheet, key: Key, other: str) -> FlowgenError:
    return sheet.fail(
        "monev-bad-row",
        sheet.seen[key],
        4,
        reason=f"this SOP is not on the sheet '{other}' (unit, nomor and judul must be the same on both)",
        reason_id=f"SOP ini tidak ada di lembar '{other}' (unit, nomor dan judul harus sama di kedua lembar)",
    )


def read_monev(path: Path) -> Filled:
    """Every SOP's assessment in the workbook, in the monitoring sheet's order.

    Both sheets must list the same SOPs (as flowgen wrote them); one listed on a single sheet means
    a unit, nomor or judul was edited, and is refused rather than read as two half-assessed SOPs.
    """
    book, lang = _open(path)
    source = str(path)
    names = word(lang, "sheet-monitoring"), word(lang, "sheet-evaluation")
    mon_sheet, ev_sheet = _Sheet(book[names[0]], source), _Sheet(book[names[1]], source)
    monitored = _monitoring(mon_sheet, lang)
    evaluated = _evaluation(ev_sheet, lang)
    for key in evaluated:
        if key not in monitored:
            raise _unmatched(ev_sheet, key, names[0])
    result: list[Assessment] = []
    for key, item in monitored.items():
        if key not in evaluated:
            raise _unmatched(mon_sheet, key, names[1])
        answers, notes = evaluated[key]
        result.append(replace(item, answers=answers, evaluation_notes=notes))
    return Filled(tuple(result), lang, _period(book, lang))
