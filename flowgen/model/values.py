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


@dataclass(frozen=True)
class DateValue:
    """A calendar date and the text the writer used for it."""

    date: dt.date
    written: str

    def to_dict(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "written": self.written}


class DateFormatError(ValueError):
    """The text is not a date flowgen can read; ``reason`` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def parse_date(text: str) -> DateValue:
    """Read ``2021-01-04``, ``4 Januari 2021``, ``4 Jan 2021`` or ``04/01/2021`` (day first)."""
    written = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", written)
    numeric = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", written)
    words = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", written)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif numeric:
        day, month, year = (int(g) for g in numeric.groups())
    elif words:
        month_word = words.group(2).lower()
        if month_word not in _MONTH_WORDS:
            raise DateFormatError("month")
        day, month, year = int(words.group(1)), _MONTH_WORDS[month_word], int(words.group(3))
    else:
        raise DateFormatError("shape")
    try:
        return DateValue(dt.date(year, month, day), written)
    except ValueError as exc:
        raise DateFormatError("range") from exc


def format_date(date: dt.date, pattern: str, months: Sequence[str]) -> str:
    """Format with a small, documented pattern language: ``d``, ``dd``, ``MMMM``, ``MM``, ``yyyy``."""
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
_NUMBER = r"\d+(?:[.,]\d+)?"
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


def parse_time(text: str) -> TimeValue:
    """Read a Waktu text: ``5 menit``, ``1,5 jam``, ``3 hari kerja``, ``30 menit - 3 jam``, ``1-2 hari``.

    The text is kept as written; for reading, runs of spaces count as one.
    """
    written = text.strip()
    body = _PREFIX.sub("", " ".join(written.split()))
    single = _parse_amount(body)
    if single is not None:
        return TimeValue(written, single, single)
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
            if low.sort_minutes > high.sort_minutes:
                low, high = high, low
            return TimeValue(written, low, high)
    return TimeValue(written)


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
