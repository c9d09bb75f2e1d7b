"""The identity sheet's six boxes sheet by sheet: rows of boxes set, long lists in columns, page 1 filled first.

A drafter fills the first sheet before starting a continuation sheet: the
rows that fit whole, then the next row cut between its items (each box's
numbering running on), with at least :data:`MIN_REST` items carried over
(never a lone last item).  Long lists of short items go into two or three
columns (:mod:`flowgen.layout.table.identity_columns`) where that makes the
rows fit.  Nothing is ever set past the paper.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from flowgen.layout.table.identity_columns import MAX_COLUMNS, column_width, in_columns
from flowgen.layout.table.identity_lists import MIN_REST, IdentityLines, numbered
from flowgen.style.resolve import TextStyle

Pending = tuple[tuple[str, tuple[str, ...], int], ...]  # a row's boxes: key, items still to set, first number
FINISHED = 0  # the first number of a box with nothing left to set (it ended on an earlier sheet)
Shown = tuple[str, tuple[str, ...], int, bool]  # a box drawn in a row: key, items, first number, across the row


@dataclass(frozen=True)
class SetBox:
    """One box of a row as set: its lines, which of its items it holds (``first``, ``stop``: 0-based), its title.

    ``wide``: the box takes the row's whole width (the box beside it
    finished on an earlier sheet).
    """

    key: str
    lines: IdentityLines
    items: tuple[int, int]
    title: IdentityLines
    wide: bool = False


@dataclass(frozen=True)
class SetRow:
    """A row of boxes as set: title strip, body height (``least``: what its text needs), its boxes."""

    title_h: float
    body_h: float
    least: float
    bodies: tuple[SetBox, ...]

    @property
    def height(self) -> float:
        return self.title_h + self.body_h


@dataclass(frozen=True)
class BoxSetter:
    """Sets one row of boxes at the widths of the sheet (``columns``: the boxes set in more than one column).

    ``wide``: a box's inner width across the whole row; ``title``: a box's
    title set at an inner width (``True``: continued, the ``lanjutan`` label
    after it); ``carried``: a box continued from a sheet where it was in
    columns, and how wide its columns were there.
    """

    style: TextStyle
    widths: dict[str, float]  # box key → inner width
    empty: str
    columns: dict[str, int]  # box key → its columns (a box not named: one)
    title_h: float  # the least height of a row's title strip (the six plain titles' tallest)
    pad: float  # a box's padding above and below its text
    min_height: float
    wide: float = 0.0
    title: Callable[[str, bool, float], IdentityLines] | None = None
    carried: dict[str, float] = field(default_factory=dict)

    def body(self, key: str, items: tuple[str, ...], start: int, width: float | None = None) -> IdentityLines:
        """A box's lines at ``width`` (its half of the row unless told).

        A list continued from a sheet where it was in columns stays in
        columns: as many (up to three) as keep each at least as wide as it
        was there, fewer where its items do not allow them (the columns
        rule of :func:`in_columns`) — a drafter does not set page 2's part
        of the list in one long column beside page 1's two or three.
        """
        width = self.widths[key] if width is None else width
        count = self.columns.get(key, 1)
        counts = [count]
        if start > 1 and self.carried.get(key):
            least = self.carried[key] - 1e-6
            fit = [c for c in range(2, MAX_COLUMNS + 1) if column_width(width, c, self.style) >= least]
            counts = list(range(max(count, *fit, 1), 1, -1)) or [1]
        for tried in counts:
            set_in = in_columns(items, self.style, width, self.empty, start, tried) if tried > 1 else None
            if set_in is not None:
                return set_in
        return numbered(items, self.style, width, self.empty, start)

    def shown(self, row: Pending) -> list[Shown]:
        """The row's boxes to draw: one finished on an earlier sheet left out, the one beside it across the row."""
        live = [(key, items, start) for key, items, start in row if start != FINISHED]
        if len(live) == 1 < len(row) and self.wide > 0:
            return [(*live[0], True)]
        return [(key, items, max(start, 1), False) for key, items, start in (live or row)]

    def _title(self, key: str, start: int, width: float) -> IdentityLines:
        if self.title is None:
            return IdentityLines(((0.0, key),), self.style, width)
        return self.title(key, start > 1, width)

    def _title_h(self, titles: list[IdentityLines]) -> float:
        return max([self.title_h, *(t.height + self.pad for t in titles)])

    def row(self, row: Pending) -> SetRow:
        bodies: list[SetBox] = []
        for key, items, start, wide in self.shown(row):
            width = self.wide if wide else self.widths[key]
            span = (start - 1, start - 1 + len(items))
            bodies.append(SetBox(key, self.body(key, items, start, width), span, self._title(key, start, width), wide))
        least = max(b.lines.height + self.pad for b in bodies)
        title_h = self._title_h([b.title for b in bodies])
        return SetRow(title_h, max(least, self.min_height), least, tuple(bodies))

    def cut(self, row: Pending, room: float) -> tuple[Pending, Pending] | None:
        """The row split at what fits in ``room``, or None.

        Each box keeps at least one item here, and one cut carries at least
        :data:`MIN_REST` items over (a drafter moves a lone last item back
        rather than carry it on).  A box with nothing left is carried as
        :data:`FINISHED`.
        """
        here: list[tuple[str, tuple[str, ...], int]] = []
        rest: list[tuple[str, tuple[str, ...], int]] = []
        shown = self.shown(row)
        title_h = self._title_h([self._title(k, s, self.wide if w else self.widths[k]) for k, _, s, w in shown])
        for key, items, start, wide in shown:
            width = self.wide if wide else self.widths[key]
            n = len(items)
            while n > 0 and self.body(key, items[:n], start, width).height + self.pad > room - title_h:
                n -= 1
            if 0 < len(items) - n < MIN_REST:
                n = len(items) - MIN_REST
            if n <= 0 and items:
                return None
            here.append((key, items[:n], start))
            rest.append((key, items[n:], start + n if n < len(items) else FINISHED))
        if not any(items for _, items, _ in rest):
            return None
        keys = {key for key, _, _ in here}
        here += [(key, (), FINISHED) for key, _, _ in row if key not in keys]  # (a box left out stays finished)
        rest += [(key, (), FINISHED) for key, _, _ in row if key not in keys]
        return tuple(here), tuple(rest)


def _squeezed(rows: list[SetRow], room: float) -> list[SetRow]:
    """Rows whose minimum heights overrun ``room`` given back toward what their text needs."""
    excess = sum(r.height for r in rows) - room
    slack = sum(r.body_h - r.least for r in rows)
    if excess <= 0 or slack <= 0:
        return rows
    share = min(1.0, excess / slack)
    return [replace(r, body_h=r.body_h - (r.body_h - r.least) * share) for r in rows]


def _whole(pending: list[Pending], setter: BoxSetter, room: float) -> tuple[int, BoxSetter]:
    """How many leading rows fit ``room`` whole (long lists in columns where that is needed)."""
    for k in range(len(pending), 0, -1):
        current = replace(setter, columns=long_lists(pending[:k], setter, room))
        if _height(current, pending[:k]) <= room + 1e-6:
            return k, current
    return 0, setter


def _paginate(
    rows: list[Pending], setter: BoxSetter, first_room: float, room: float, whole: bool
) -> list[list[SetRow]]:
    """Sheet by sheet: the rows that fit whole; then (unless ``whole`` and some row fitted) the next row cut."""
    pending = list(rows)
    sheets: list[list[SetRow]] = []
    space = first_room
    while pending:
        k, current = _whole(pending, setter, space)
        here, pending = pending[:k], pending[k:]
        if pending and not (whole and k):  # the next row cut, its long lists in columns too
            trial = replace(setter, columns=long_lists([*here, pending[0]], setter, space))
            parts = trial.cut(pending[0], space - _height(trial, here))
            if parts is not None:
                here.append(parts[0])
                pending[0] = parts[1]
                fewer = replace(setter, columns=long_lists(here, setter, space))  # no more columns than it needs
                current = fewer if _height(fewer, here) <= space + 1e-6 else trial
            elif not here and space >= room:  # not even one item fits an empty sheet: set it anyway
                here.append(pending.pop(0))
                current = trial
        sheets.append(_squeezed([current.row(r) for r in here], space))
        setter = replace(setter, carried=_carried(sheets[-1], pending))
        space = room
    return sheets


def _carried(sheet: list[SetRow], pending: list[Pending]) -> dict[str, float]:
    """The boxes set in columns on ``sheet`` that go on to the next one, and how wide their columns were."""
    going = {key for row in pending[:1] for key, items, start in row if items and start > 1}
    return {
        b.key: b.lines.second.width for r in sheet for b in r.bodies if b.key in going and b.lines.second is not None
    }


def sheets_of_rows(rows: list[Pending], setter: BoxSetter, first_room: float, room: float) -> list[list[SetRow]]:
    """The rows of boxes sheet by sheet, as a careful drafter sets them.

    All on the first sheet when they fit (long lists of short items in
    columns); else the first sheet filled — whole rows, then the next row
    cut between its items — before a continuation sheet starts (moving
    whole rows instead is kept only where it takes fewer sheets).  No sheet
    is left with titles only.
    """
    by_rows = _paginate(rows, setter, first_room, room, whole=True)
    cut = _paginate(rows, setter, first_room, room, whole=False)
    return cut if len(cut) <= len(by_rows) else by_rows


def _height(setter: BoxSetter, rows: list[Pending]) -> float:
    return sum(set_row.title_h + set_row.least for set_row in map(setter.row, rows))  # (each its own title strip)


def long_lists(rows: list[Pending], setter: BoxSetter, room: float) -> dict[str, int]:
    """How many columns each box takes: the tallest list that columns make lower gets one more, until the rows fit."""
    columns: dict[str, int] = {}
    current = setter
    while _height(current, rows) > room + 1e-6:
        bodies = [(b.lines.height, b.key, b.lines) for r in rows for b in current.row(r).bodies]
        better: tuple[float, str] | None = None
        for height, key, _ in bodies:
            count = columns.get(key, 1) + 1
            if count > MAX_COLUMNS or (better is not None and height <= better[0]):
                continue
            trial = replace(current, columns={**columns, key: count})
            lower = all(b.lines.height < height - 1e-6 for r in rows for b in trial.row(r).bodies if b.key == key)
            if lower:
                better = (height, key)
        if better is None:
            break
        columns[better[1]] = columns.get(better[1], 1) + 1
        current = replace(current, columns=dict(columns))
    return columns
