"""The revision history block: ``riwayat-revisi:`` items read into :class:`~flowgen.model.types.Revision`.

Each item is one revision, its parts separated by ``;`` the way the other
identity values separate theirs (``disahkan``)::

    riwayat-revisi:
      - 1; 2 Januari 2025; Langkah verifikasi dipisah dari pencatatan; Direktur SMP
      - 2; 3 Februari 2026; Waktu disposisi menjadi 1 hari

The number and the date are required, what changed and who approved are not
(``-`` leaves a part empty).  Everything after the third ``;`` is who
approved, so a ``Jabatan; Nama`` stays whole; a ``;`` inside what changed is
written ``\\;``.  The parser reads the block as a list; this module gives its
items meaning, reporting each mistake at the part it is in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flowgen.errors import Span
from flowgen.language import ast
from flowgen.language.keywords import EMPTY_MARKS, ESCAPED_SEPARATOR, HISTORY_SEPARATOR
from flowgen.model.types import Revision
from flowgen.model.values import MONTHS_EN, MONTHS_ID, DateFormatError, DateValue, parse_date
from flowgen.suggest import suggest

Report = Callable[..., None]  # (code, span, **args): the compiler's err

_SEPARATOR = re.compile(r"(?<!\\);")
_MONTH = re.compile(r"[A-Za-z]+")


def escape(text: str) -> str:
    """A part as the printer writes it: its own ``;`` escaped."""
    return text.replace(HISTORY_SEPARATOR, ESCAPED_SEPARATOR)


def _unescape(text: str) -> str:
    return text.replace(ESCAPED_SEPARATOR, HISTORY_SEPARATOR)


def _parts(value: ast.Value) -> list[tuple[str, Span]]:
    """The item's parts (at most four, the last taking the rest) with where each is written."""
    text, start = value.text, 0
    out: list[tuple[str, Span]] = []
    cuts = [m.start() for m in _SEPARATOR.finditer(text)][:3]
    for end in [*cuts, len(text)]:
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        out.append((_unescape(raw.strip()) if len(out) < 3 else raw.strip(), _span(value, start + lead, raw.strip())))
        start = end + 1
    return out


def _span(value: ast.Value, offset: int, part: str) -> Span:
    """The place of a part on the item's first line; a part on a continuation line is shown by the item."""
    if "\n" in value.text[:offset]:
        return value.span
    first_line = part.split("\n", 1)[0]
    return Span(value.span.file, value.span.line, value.span.column + offset, max(1, len(first_line)))


def _date(text: str, span: Span, key: str, report: Report) -> DateValue | None:
    try:
        return parse_date(text)
    except DateFormatError as exc:
        if exc.reason == "month":
            word = _MONTH.findall(text)[-1]  # the month is the last word before the year
            start = text.rfind(word)
            where = Span(span.file, span.line, span.column + start, len(word))
            report("bad-month", where, month=word, suggestion=suggest(word, list(MONTHS_ID + MONTHS_EN)))
        else:
            report("impossible-date" if exc.reason == "range" else "bad-date", span, key=key, text=text)
        return None


def _optional(text: str) -> str:
    return "" if text in EMPTY_MARKS else text


def read_history(entry: ast.Entry, report: Report) -> tuple[Revision, ...]:
    """The revisions of a ``riwayat-revisi`` entry; a wrong item is reported and left out."""
    values = entry.values
    if len(values) == 1 and values[0].text in EMPTY_MARKS:
        return ()  # an empty box
    revisions: list[Revision] = []
    first: dict[str, int] = {}
    for value in values:
        parts = _parts(value)
        if len(parts) < 2 or not parts[1][0] or parts[1][0] in EMPTY_MARKS:
            report("history-short", value.span, text=value.text.split("\n", 1)[0])
            continue
        (number, number_span), (date_text, date_span) = parts[0], parts[1]
        if not number or number in EMPTY_MARKS:
            report("history-no-number", value.span)
            continue
        if number in first:
            report("history-duplicate", number_span, number=number, first=first[number])
            continue
        first[number] = value.span.line
        day = _date(date_text, date_span, entry.written_key, report)
        if day is None:
            continue
        changes = _optional(parts[2][0]) if len(parts) > 2 else ""
        approved = _optional(parts[3][0]) if len(parts) > 3 else ""
        revisions.append(Revision(number, day, changes, approved, value.span))
    return tuple(revisions)


def history_item(revision: Revision) -> str:
    """One revision as the printer writes its item (without the dash): empty trailing parts left out."""
    parts = [escape(revision.number), revision.date.written, escape(revision.changes) or "-", revision.approved_by]
    while parts[-1] in ("", "-") and len(parts) > 2:
        parts.pop()
    return "; ".join(parts)
