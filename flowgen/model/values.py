"""Dates and durations as procedure writers write them, parsed and kept as written.

Writers put "4 Januari 2021" or "2021-01-04" in the identity and "1,5 jam"
or "30 menit - 3 jam" in the Waktu column.  flowgen keeps the text exactly
(it is what gets printed by default) and, where it can, the value, so that it
can reformat dates and add up times.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_MONTH_WORDS: dict[str, int] = {}
for _names in (MONTHS_ID, MONTHS_EN):
    for _i, _name in enumerate(_names, start=1):
        _MONTH_WORDS[_name.lower()] = _i
        _MONTH_WORDS[_name[:3].lower()] = _i
_MONTH_WORDS.update({"agt": 8, "ags": 8, "okt": 10, "des": 12, "sept": 9, "nop": 11, "nopember": 11, "pebruari": 2})


_DAY_NAMES = frozenset(
    {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

# a pattern that means "print the date as it was written"
AS_WRITTEN = ("", "written", "asli")


@dataclass(frozen=True)
class DateValue:
    """A calendar date and the text the writer used for it.

    ``has_day`` is false for a month and year (``Juni 2020``): ``date`` is
    then the first of that month, and formats print no day.
    """

    date: dt.date
    written: str
    has_day: bool = True

    def to_dict(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "written": self.written, "has_day": self.has_day}


class DateFormatError(ValueError):
    """The text is not a date flowgen can read; ``reason`` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _without_day_name(text: str) -> str:
    """``Senin, 03 Januari 2017`` is ``03 Januari 2017``: a day name in front says nothing more."""
    found = re.fullmatch(r"([A-Za-z']+),?\s+(\d.*)", text)
    if found and found.group(1).lower() in _DAY_NAMES:
        return found.group(2)
    return text


def parse_date(text: str) -> DateValue:
    """Read ``2021-01-04``, ``4 Januari 2021``, ``Senin, 04 Jan 2021``, ``04/01/2021`` (day first), ``Juni 2020``."""
    written = text.strip()
    body = _without_day_name(written)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", body)
    numeric = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", body)
    words = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", body)
    month_year = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{4})", body)
    has_day = True
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif numeric:
        day, month, year = (int(g) for g in numeric.groups())
    elif words:
        month_word = words.group(2).lower()
        if month_word not in _MONTH_WORDS:
            raise DateFormatError("month")
        day, month, year = int(words.group(1)), _MONTH_WORDS[month_word], int(words.group(3))
    elif month_year:
        if month_year.group(1).lower() not in _MONTH_WORDS:
            raise DateFormatError("month")
        day, month, year, has_day = 1, _MONTH_WORDS[month_year.group(1).lower()], int(month_year.group(2)), False
    else:
        raise DateFormatError("shape")
    try:
        return DateValue(dt.date(year, month, day), written, has_day)
    except ValueError as exc:
        raise DateFormatError("range") from exc


def format_date(value: DateValue | dt.date, pattern: str, months: Sequence[str]) -> str:
    """Format with a small, documented pattern language: ``d``, ``dd``, ``MMMM``, ``MM``, ``yyyy``.

    Given a :class:`DateValue`, an empty pattern (or ``written``/``asli``)
    prints it as written, and a month-year date prints without its day (the
    day and what separates it from the month are left out).
    """
    if isinstance(value, DateValue):
        if pattern.strip().lower() in AS_WRITTEN:
            return value.written
        if not value.has_day:
            pattern = re.sub(r"d+\W*", "", pattern).strip() or "MMMM yyyy"
        value = value.date
    date = value
    tokens = {
        "yyyy": f"{date.year:04d}",
        "MMMM": months[date.month - 1],
        "MM": f"{date.month:02d}",
        "dd": f"{date.day:02d}",
        "d": str(date.day),
        "M": str(date.month),
    }
    return re.sub(r"yyyy|MMMM|MM|dd|d|M", lambda m: tokens[m.group(0)], pattern)


# -- durations ----------------------------------------------------------------

MINUTES_PER_WORK_DAY = 8 * 60  # only for ordering durations, never for printing
MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, order=False)
class Duration:
    """A length of time kept per kind of unit, so totals print the way people add them.

    Minutes hold seconds, minutes and hours; ``days`` hold calendar days
    (weeks and months converted); ``work_days`` hold "hari kerja".  Adding
    "1 hari" and "2 jam" gives "1 hari 2 jam", never a guess at how long a
    day is.
    """

    minutes: float = 0.0
    days: float = 0.0
    work_days: float = 0.0

    def __add__(self, other: Duration) -> Duration:
        return Duration(self.minutes + other.minutes, self.days + other.days, self.work_days + other.work_days)

    @property
    def sort_minutes(self) -> float:
        """An approximate length in minutes, for comparing durations only."""
        return self.minutes + self.days * MINUTES_PER_DAY + self.work_days * MINUTES_PER_WORK_DAY

    @property
    def is_zero(self) -> bool:
        return self.minutes == 0 and self.days == 0 and self.work_days == 0

    def to_dict(self) -> dict[str, float]:
        return {"minutes": self.minutes, "days": self.days, "work_days": self.work_days}

    @classmethod
    def from_dict(cls, data: dict[str, float]) -> Duration:
        return cls(float(data["minutes"]), float(data["days"]), float(data["work_days"]))


ZERO = Duration()

# unit word -> (field, factor)
_UNITS: dict[str, tuple[str, float]] = {}
for _words, _field, _factor in (
    (("detik", "dtk", "second", "seconds", "sec", "secs", "s"), "minutes", 1 / 60),
    (("menit", "mnt", "minute", "minutes", "min", "mins", "m"), "minutes", 1.0),
    (("jam", "hour", "hours", "hr", "hrs", "h"), "minutes", 60.0),
    (
        ("hari kerja", "hk", "working day", "working days", "work day", "work days", "business day", "business days"),
        "work_days",
        1.0,
    ),
    (("hari", "day", "days", "d"), "days", 1.0),
    (("minggu", "pekan", "week", "weeks", "wk", "wks"), "days", 7.0),
    (("bulan", "month", "months"), "days", 30.0),
):
    for _w in _words:
        _UNITS[_w] = (_field, _factor)

_UNIT_PATTERN = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
# at most nine digits each side, never starting or ending inside a longer run of digits: a number
# is found in steps bounded by its nine digits (no backtracking over a run of 16,000), and no
# amount is so large that a total overflows (a 400-digit number is no duration)
_NUMBER = r"(?<![\d.,])\d{1,9}(?:[.,]\d{1,9})?(?![\d])"
_COMPONENT = re.compile(rf"({_NUMBER})\s*({_UNIT_PATTERN})(?![A-Za-z])", re.IGNORECASE)
_RANGE_SPLIT = re.compile(r"\s*(?:-|–|—|s/d|s\.?\s?d\.?|sampai(?: dengan)?|hingga|to|until)\s*", re.IGNORECASE)
_PREFIX = re.compile(
    r"^(?:±|\+/-|kurang lebih|kira-kira|sekitar|about|approx\.?|maks(?:imal)?\.?|max\.?|paling lama)\s*", re.IGNORECASE
)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _parse_amount(text: str) -> Duration | None:
    """``1 jam 30 menit`` and the like: every word must be a number or a unit."""
    text = text.strip()
    if not text:
        return None
    position = 0
    total = {"minutes": 0.0, "days": 0.0, "work_days": 0.0}
    for match in _COMPONENT.finditer(text):
        between = text[position : match.start()].strip().lower()
        if between not in ("", "dan", "and", "+"):
            return None
        field_name, factor = _UNITS[match.group(2).lower()]
        total[field_name] += _number(match.group(1)) * factor
        position = match.end()
    if position == 0 or text[position:].strip():
        return None
    return Duration(**total)


@dataclass(frozen=True)
class TimeValue:
    """What the Waktu column says: the text, and the shortest and longest duration it means."""

    text: str
    low: Duration | None = None
    high: Duration | None = None

    @property
    def parsed(self) -> bool:
        return self.high is not None

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "low": self.low.to_dict() if self.low else None,
            "high": self.high.to_dict() if self.high else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> TimeValue:
        low, high = data.get("low"), data.get("high")
        return cls(
            str(data["text"]),
            Duration.from_dict(low) if isinstance(low, dict) else None,
            Duration.from_dict(high) if isinstance(high, dict) else None,
        )


# words that mean "at once": a time of nothing, which adds nothing to the total
_IMMEDIATE = frozenset({"segera", "langsung", "seketika", "saat itu juga", "immediately", "at once", "-", "0"})
# "1 (satu) hari": the number written again in words, in brackets
_IN_WORDS = re.compile(rf"({_NUMBER})\s*\([^()0-9]*\)")
# "1 x 24 jam": a count times an amount
_TIMES = re.compile(rf"({_NUMBER})\s*[xX×]\s*({_NUMBER})")
# 10' and 30": minutes and seconds as on a clock face
_MARKS = ((re.compile(r"(\d)\s*(?:'|’|′)"), r"\1 menit"), (re.compile(r'(\d)\s*(?:"|”|″)'), r"\1 detik"))
# "7 hari dengan bupati; 2 hari dengan Kadin": alternatives, the largest counts
_ALTERNATIVES = re.compile(r"\s*(?:;|\batau\b|\bor\b)\s*", re.IGNORECASE)


def _normalised(text: str) -> str:
    """The ways offices write a number of units, made plain: words in brackets, ``x``, clock marks."""
    body = _IN_WORDS.sub(r"\1", " ".join(text.split()))
    body = _TIMES.sub(lambda m: f"{_number(m.group(1)) * _number(m.group(2)):g}", body)
    for pattern, plain in _MARKS:
        body = pattern.sub(plain, body)
    return _PREFIX.sub("", body)


def _one_time(body: str) -> tuple[Duration, Duration] | None:
    """One duration or a range of two, as (low, high)."""
    if body.strip().lower() in _IMMEDIATE:
        return ZERO, ZERO
    single = _parse_amount(body)
    if single is not None:
        return single, single
    parts = _RANGE_SPLIT.split(body, maxsplit=1)
    if len(parts) == 2:
        low_text, high_text = parts
        high = _parse_amount(high_text)
        low = _parse_amount(low_text)
        if low is None and high is not None and re.fullmatch(_NUMBER, low_text.strip()):
            unit = _COMPONENT.match(high_text.strip())
            if unit:
                low = _parse_amount(f"{low_text.strip()} {unit.group(2)}")
        if low is not None and high is not None:
            return (high, low) if low.sort_minutes > high.sort_minutes else (low, high)
    return None


def _leading_time(body: str) -> tuple[Duration, Duration] | None:
    """An alternative such as ``7 hari dengan bupati``: a duration, then words saying whose it is."""
    found = re.match(rf"(.*?(?:{_UNIT_PATTERN}))(?![A-Za-z])\s+([A-Za-z].*)", body, re.IGNORECASE)
    whole = _one_time(body)
    if whole is not None or found is None:
        return whole
    return _one_time(found.group(1))


def parse_time(text: str) -> TimeValue:
    """Read a Waktu text: ``5 menit``, ``1,5 jam``, ``3 hari kerja``, ``30 menit - 3 jam``, ``1-2 hari``.

    Also what signed sheets write: ``Segera`` and ``-`` (nothing to add),
    ``1 x 24 jam``, ``1 (satu) hari``, ``10'``, and alternatives separated by
    ``;`` or ``atau`` (the shortest low and the longest high count).  The
    text is kept as written; for reading, runs of spaces count as one.
    """
    written = text.strip()
    body = _normalised(written)
    found = _one_time(body)
    if found is None:
        options = [o for o in _ALTERNATIVES.split(body) if o.strip()]
        read = [_leading_time(o) for o in options] if len(options) > 1 else [None]
        if all(r is not None for r in read):
            lows = [r[0] for r in read if r is not None]
            highs = [r[1] for r in read if r is not None]
            found = min(lows, key=lambda d: d.sort_minutes), max(highs, key=lambda d: d.sort_minutes)
    if found is None:
        return TimeValue(written)
    return TimeValue(written, found[0], found[1])


def total(durations: Iterable[Duration]) -> Duration:
    result = ZERO
    for d in durations:
        result = result + d
    return result


def format_duration(duration: Duration, units: Mapping[str, str | Sequence[str]], decimal: str = ",") -> str:
    """Print a duration with the style's unit words, largest unit first.

    ``units`` maps ``work_day``, ``day``, ``hour``, ``minute`` and
    ``second`` to a word ("jam") or to singular and plural ("hour",
    "hours").  Minutes over an hour become hours; days are never converted.
    """
    parts: list[str] = []

    def number(value: float) -> str:
        rounded = round(value, 2)
        if rounded == int(rounded):
            return str(int(rounded))
        return f"{rounded:g}".replace(".", decimal)

    def word(unit: str, value: float) -> str:
        words = units[unit]
        if isinstance(words, str):
            return words
        return words[0] if value == 1 or len(words) == 1 else words[1]

    if duration.work_days:
        parts.append(f"{number(duration.work_days)} {word('work_day', duration.work_days)}")
    if duration.days:
        parts.append(f"{number(duration.days)} {word('day', duration.days)}")
    seconds = round(duration.minutes * 60)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    if hours:
        parts.append(f"{hours} {word('hour', hours)}")
    if minutes:
        parts.append(f"{minutes} {word('minute', minutes)}")
    if seconds:
        parts.append(f"{seconds} {word('second', seconds)}")
    if not parts:
        parts.append(f"0 {word('minute', 0)}")
    return " ".join(parts)
