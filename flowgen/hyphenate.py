"""Where a word may be broken: after its own '/' or '-', else between Indonesian syllables.

A typesetter breaks a line at a space; a word too long for its box is
broken after a slash or hyphen it already has, and only then hyphenated,
with a visible hyphen, between syllables and never leaving one or two
letters alone on a line.  The syllables follow the rules of Indonesian
spelling (PUEBI): a single consonant between vowels starts the next
syllable (*ba-ca*), two consonants are split (*am-bil*), of three or more
the last starts the next syllable unless the last two are a loanword onset
such as *tr* or *pl* (*ins-truk-si*, *adminis-trasi*); the digraphs *ng*,
*ny*, *kh* and *sy* count as one consonant and are never split.  Two vowels
side by side are left together (a diphthong cannot be told from a hiatus
without a dictionary).  This serves English words well enough too.

A number and its unit are *tied* (:func:`tie`): "15 menit", "1 hari kerja",
"Rp 10.000" are never split across lines, as a typesetter's non-breaking
space keeps them; the line breaker takes a tied group as one word.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

VOWELS = frozenset("aeiouAEIOU")
DIGRAPHS = ("ng", "ny", "kh", "sy")
ONSETS = frozenset(("tr", "pr", "kr", "br", "dr", "gr", "fr", "pl", "bl", "kl", "gl", "fl", "sl"))
EXPLICIT = "/-"
MIN_LETTERS = 3  # never fewer letters than this on either side of a hyphen


@dataclass(frozen=True)
class Break:
    """A place to break a word: the head is ``word[:at]`` (plus ``-`` when ``hyphen``)."""

    at: int
    hyphen: bool

    def head(self, word: str) -> str:
        return word[: self.at] + ("-" if self.hyphen else "")


def _units(run: str, start: int) -> list[tuple[int, int]]:
    """The consonant units of a run of consonants: (start, end) of each, a digraph as one unit."""
    units: list[tuple[int, int]] = []
    i = 0
    while i < len(run):
        if run[i : i + 2].lower() in DIGRAPHS:
            units.append((start + i, start + i + 2))
            i += 2
        else:
            units.append((start + i, start + i + 1))
            i += 1
    return units


def syllable_breaks(word: str) -> list[int]:
    """Positions inside ``word`` between syllables of its runs of letters (3 letters of the run each side, at least)."""
    found: list[int] = []
    n = len(word)
    i = 0
    while i < n:  # each run of letters on its own (digits and signs are not syllables)
        if not word[i].isalpha():
            i += 1
            continue
        j = i
        while j < n and word[j].isalpha():
            j += 1
        found += [at for at in _run_breaks(word[i:j], i) if at - i >= MIN_LETTERS and j - at >= MIN_LETTERS]
        i = j
    return found


def _run_breaks(run: str, offset: int) -> list[int]:
    vowels = [k for k, ch in enumerate(run) if ch in VOWELS]
    out: list[int] = []
    for a, b in itertools.pairwise(vowels):
        if b == a + 1:
            continue  # two vowels: left together
        units = _units(run[a + 1 : b], a + 1)
        if len(units) == 1:
            cut = units[0][0]
        elif len(units) == 2:
            cut = units[1][0]
        else:
            last_two = run[units[-2][0] : units[-1][1]].lower()
            cut = units[-2][0] if last_two in ONSETS else units[-1][0]
        out.append(offset + cut)
    return out


def breaks(word: str) -> list[Break]:
    """Every place the word may break, explicit ones ('/' or '-') first, then syllables, each in order."""
    explicit = [Break(k + 1, False) for k, ch in enumerate(word[:-1]) if ch in EXPLICIT and k > 0]
    taken = {b.at for b in explicit}
    hyphens = [Break(at, True) for at in syllable_breaks(word) if at not in taken and word[at - 1] not in EXPLICIT]
    return explicit + hyphens


# units a number is tied to (Indonesian and English, singular and plural); two-word units first
UNITS = frozenset(
    (
        "detik",
        "menit",
        "jam",
        "hari",
        "minggu",
        "pekan",
        "bulan",
        "tahun",
        "kali",
        "lembar",
        "berkas",
        "orang",
        "eksemplar",
        "buah",
        "set",
        "rim",
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "times",
        "sheets",
        "copies",
        "pages",
        "halaman",
        "mnt",
        "dtk",
        "hr",
        "hrs",
        "min",
        "mins",
        "sec",
        "secs",
        "%",
        "persen",
        "percent",
    )
)
TWO_WORD_UNITS = frozenset(("hari kerja", "jam kerja", "working day", "working days", "work day", "work days"))
TIMES = frozenset(("x", "×", "X"))
CURRENCIES = frozenset(("rp", "rp.", "idr", "usd", "$"))
_NUMBER = re.compile(r"^[(~±<>≤≥]*\d[\d.,:/–-]*$")
_YEAR = re.compile(r"^(19|20)\d\d[.,;:)]?$")
_CALENDAR = frozenset(("hari", "minggu", "pekan", "bulan", "tahun"))


def _unit_length(words: list[str], i: int) -> int:
    """How many words after ``words[i]`` (a number) are its unit: 0, 1 or 2."""
    follow = [w.lower().rstrip(".,;:)") for w in words[i + 1 : i + 3]]
    if _YEAR.match(words[i]) and follow and follow[0] in _CALENDAR:
        return 0  # "Tahun 2024 bulan Januari": a year, not a quantity of months
    if len(follow) == 2 and " ".join(follow) in TWO_WORD_UNITS:
        return 2
    return 1 if follow and follow[0] in UNITS else 0


def tie(words: list[str]) -> list[str]:
    """Words grouped so that a number and its unit stay together: each group is one unbreakable "word".

    Tied: a number and the unit after it ("15 menit", "1 hari kerja", "50 %", "1 x 24 jam"),
    a currency and the amount after it ("Rp 10.000", "Rp. 50.000,00").
    The words of a group are joined by a plain space (a group too long for a
    line of its own is broken there by the line breaker, not mid-word).
    """
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.lower() in CURRENCIES and i + 1 < len(words) and _NUMBER.match(words[i + 1].rstrip(".,;:)")):
            amount = 1 + _unit_length(words, i + 1)
            out.append(" ".join(words[i : i + 1 + amount]))
            i += 1 + amount
            continue
        if _NUMBER.match(word):
            times = i + 2 < len(words) and words[i + 1] in TIMES and _NUMBER.match(words[i + 2])
            take = 2 + _unit_length(words, i + 2) if times else _unit_length(words, i)  # "1 x 24 jam": one
            out.append(" ".join(words[i : i + 1 + take]))
            i += 1 + take
            continue
        out.append(word)
        i += 1
    return out
