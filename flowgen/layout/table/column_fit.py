"""The lampiran's column widths, widened so that words fit: a careful drafter's columns.

A header never breaks inside a word ("Kelengkapan", "Pengadministrasi"), and
a symbol is never squeezed into another shape (a terminator into a circle):
those are hard needs, given room from the columns that have more than they
need.  A body word too long for its column (an e-mail address, a long
compound) widens the column too when the page has room left after that;
otherwise it is hyphenated (:func:`flowgen.text.wrap`).  A number and its
unit are one piece (:func:`flowgen.hyphenate.tie`), and the Waktu column is
given room for its widest duration ("3 hari kerja", the total's parts) right
after the symbols' set widths, before any other body word.  When even the hard
needs cannot be met, the columns left short are reported, so the build can
warn that the sheet's page is too narrow for this table.

Last, when many actor columns have squeezed the text columns short (their
words stack six lines high and break), the actor columns give up what their
symbols and arrows do not need (:mod:`flowgen.layout.table.column_room`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from flowgen.hyphenate import TWO_WORD_UNITS, tie
from flowgen.layout.table.column_room import give_room
from flowgen.model import analysis
from flowgen.model.types import Procedure, Step, StepKind
from flowgen.model.values import format_duration
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import measure

SLACK = 0.5  # points of room beyond a word's width, for the rounding of lines' ends
TEXT_FLOOR = 0.5  # a text column never gives away more than half of its set width
DURATION_FLOOR = 0.4  # ... but to the Waktu column's widest number and unit, down to this share
PAGE = "\0page"  # the page's width beyond the table's, as a column that gives first


def _longest(texts: Iterable[str], element: str, classes: tuple[str, ...], style: ResolvedStyle) -> float:
    """Width of the longest unbreakable piece of the texts in a cell's style, with the cell's side padding."""
    text_style = style.text(element, classes)
    pad = style.box(element, classes).padding
    words = [piece for text in texts for w in tie(text_style.transform(text).split()) for piece in _pieces(w)]
    if not words:
        return 0.0
    return max(measure(text_style.face, text_style.size, w) for w in words) + pad[1] + pad[3] + SLACK


def _pieces(word: str) -> list[str]:
    """The pieces a line may end with: a tied number and unit whole, a word's parts after its own '/' or '-'."""
    return [word] if " " in word else re.split(r"(?<=[/-])", word)


def _duration_need(procedure: Procedure, style: ResolvedStyle, cell_text: Callable[[Step, str], str]) -> float:
    """The Waktu column's widest duration, unbroken: each step's time, and the total row's when it is shown."""
    need = max((_core_width(cell_text(s, "waktu"), ("waktu",), style) for s in procedure.steps), default=0.0)
    longest = analysis.longest_path(procedure) if style.table.total_time else None
    if longest is not None:
        total = format_duration(longest.duration, style.labels.units(), style.labels["decimal"])
        need = max(need, _core_width(total, ("waktu", "total"), style))
    return need


def _core_width(text: str, classes: tuple[str, ...], style: ResolvedStyle) -> float:
    """Width (with the cell's side padding) of a text's widest number and its unit word ("15 menit", "3 hari"
    of "3 hari kerja": "kerja" may go to the next line of a crowded table; the body tier asks for it whole)."""
    text_style = style.text("cell", classes)
    pad = style.box("cell", classes).padding
    widest = 0.0
    for group in tie(text_style.transform(text).split()):
        words = group.split()
        if len(words) >= 3 and " ".join(words[-2:]).lower().rstrip(".,;:)") in TWO_WORD_UNITS:
            words = words[:-1]
        if len(words) > 1:
            widest = max(widest, measure(text_style.face, text_style.size, " ".join(words)) + pad[1] + pad[3] + SLACK)
    return widest


def min_symbol_width(kind: StepKind, width: float, height: float) -> float:
    """The narrowest a table symbol may be drawn and still be its shape (a capsule never a circle)."""
    if kind.is_terminator:
        least = 2 * height
    elif kind is StepKind.DECISION:
        least = height
    else:
        least = 1.5 * height
    return min(width, max(0.75 * width, least))


def _symbol_need(step: Step, style: ResolvedStyle, channel: float) -> tuple[float, float, float]:
    """(least, hard, soft) width an actor column needs for a step's symbol: its shape, its set width, its words."""
    classes = (step.kind.value, "joint") if step.is_joint else (step.kind.value,)
    width = style.symbol(classes).width
    height = style.symbol(classes).height
    least = min_symbol_width(step.kind, width, height) + 2 * channel
    hard = width + 2 * channel
    words = step.symbol.split() if step.symbol else []
    if not words:
        return least, hard, hard
    text_style = style.symbol(classes).text
    small = replace(text_style, size=text_style.size * 0.8)  # the smallest size the table sets a symbol's text
    longest = max(measure(small.face, small.size, w) for w in words)
    if step.kind is StepKind.DECISION:
        soft = (longest + 4) / 0.62
    else:
        soft = longest + (height if step.kind.is_terminator else 6)
    return least, hard, max(hard, soft + 2 * channel)


def _even(widths: dict[str, float], need: Mapping[str, float], floor: Mapping[str, float]) -> list[str]:
    """Give the columns below their need what there is, each in proportion to its lack; the ones left short.

    For symbols: when not all can be whole, all are narrowed alike (never one squeezed alone).
    """
    short = {k: need[k] - w for k, w in widths.items() if need.get(k, 0.0) > w + 1e-6}
    spare = {d: widths[d] - floor[d] for d in widths if d not in short and widths[d] > floor[d] + 1e-6}
    want, have = sum(short.values()), sum(spare.values())
    if not short or have <= 0:
        return list(short)
    give = min(want, have)
    for donor, extra in spare.items():
        widths[donor] -= extra * give / have
    for key, lack in short.items():
        widths[key] += lack * give / want
    return [] if have >= want - 1e-6 else [k for k in widths if k in short]


def _share(widths: dict[str, float], need: Mapping[str, float], floor: Mapping[str, float]) -> list[str]:
    """Give each column below its need what it lacks, the smallest lack first; the columns left short.

    The room comes from the page's spare width first (:data:`PAGE`), then from
    the columns above their floor, each in proportion to what it has beyond it.
    A column that cannot get all it lacks gets nothing (half a word is no better).
    """
    left: list[str] = []
    for lack, key in sorted((need[k] - w, k) for k, w in widths.items() if need.get(k, 0.0) > w + 1e-6):
        spare = {d: widths[d] - floor[d] for d in widths if d != key and widths[d] > floor[d] + 1e-6}
        if sum(spare.values()) < lack - 1e-6:
            left.append(key)
            continue
        from_page = min(lack, spare.pop(PAGE, 0.0))
        widths[PAGE] -= from_page
        rest, have = lack - from_page, sum(spare.values())
        for donor, extra in spare.items():
            widths[donor] -= extra * rest / have if have else 0.0
        widths[key] += lack
    return [k for k in widths if k in left]


def fit_words(
    procedure: Procedure,
    style: ResolvedStyle,
    widths: Mapping[str, float],
    titles: Mapping[str, str],
    cell_text: Callable[[Step, str], str],
    room: float = 0.0,
) -> tuple[dict[str, float], list[str]]:
    """Column widths with room for every symbol and header word, then body word; the columns left short.

    ``widths`` and ``titles`` are keyed by the columns' data-col (``no``, ``kegiatan``,
    ``actor:KEY``, ``kelengkapan``, ...); ``cell_text`` gives a step's text in a column.
    ``room`` is the page's width beyond the table's, given first; the rest comes from
    columns wider than they need, never below a share of a text column's set width.
    """
    channel = style.table.track_gap * 2
    actor_min = style.cell(("actor",)).min_width
    shape: dict[str, float] = {PAGE: 0.0}
    outline: dict[str, float] = {PAGE: 0.0}
    header: dict[str, float] = {PAGE: 0.0}
    body: dict[str, float] = {PAGE: 0.0}
    base: dict[str, float] = {PAGE: 0.0}
    duration = {k: 0.0 for k in (PAGE, *widths)}
    slim: dict[str, float] = {}  # the floors the Waktu column's number and unit may take text columns down to
    if "waktu" in widths:
        duration["waktu"] = _duration_need(procedure, style, cell_text)
    for key in widths:
        cls = "actor" if key.startswith("actor:") else key
        header[key] = _longest([titles[key]], "header", (cls,), style)
        if cls == "actor":
            needs = [_symbol_need(s, style, channel) for s in procedure.steps if key[6:] in s.actors]
            shape[key] = max((least for least, _, _ in needs), default=0.0)
            outline[key] = max((hard for _, hard, _ in needs), default=0.0)
            body[key] = max((soft for _, _, soft in needs), default=0.0)
            base[key] = actor_min
        else:
            shape[key] = outline[key] = 0.0
            body[key] = _longest((cell_text(s, key) for s in procedure.steps), "cell", (cls,), style)
            base[key] = max(header[key], style.cell((cls,)).width * TEXT_FLOOR)
            slim[key] = max(header[key], style.cell((cls,)).width * DURATION_FLOOR)
            if key == "no":  # a step's number is never broken ("1-" / "0"): it comes first, with the symbols
                shape[key] = body[key]
    out = {PAGE: max(0.0, room), **widths}
    short: list[str] = []
    need = dict.fromkeys(out, 0.0)
    # symbols in their shapes first, then whole header words, then symbols at their set width, then the
    # widest duration, then body words
    for tier in (shape, header, outline, duration, body):
        need = {k: max(need[k], tier[k]) for k in out}
        floor = {k: max(base[k], need[k]) for k in out}
        if tier is duration:  # for the Waktu column alone (a column still short of its symbols waits)
            floor = {k: max(slim.get(k, base[k]), need[k]) for k in out}
            _share(out, {k: need[k] if k == "waktu" else min(need[k], out[k]) for k in out}, floor)
            continue
        left = _even(out, need, floor) if tier in (shape, outline) else _share(out, need, floor)
        if tier is shape or tier is header:
            short += [k for k in left if k not in short]
    actors = {k: max(header[k], body[k]) for k in out if k.startswith("actor:")}
    give_room(out, procedure, style, cell_text, PAGE, actors)  # what the actor columns do not need, to the texts
    del out[PAGE]
    return out, [k for k in widths if k in short]
