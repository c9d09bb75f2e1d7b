"""The identity sheet's six boxes sheet by sheet: rows of boxes set, long lists in columns, page 1 filled first.

A drafter fills the first sheet before starting a continuation sheet: the
rows that fit whole, then the next row cut between its items (each box's
numbering running on), with at least :data:`MIN_REST` items carried over
(never a lone last item).  Long lists of short items go into two or three
columns (:mod:`flowgen.layout.table.identity_columns`) where that makes the
rows fit.  Nothing is ever set past the paper.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flowgen.layout.table.identity_columns import MAX_COLUMNS, in_columns
from flowgen.layout.table.identity_lists import MIN_REST, IdentityLines, numbered
from flowgen.style.resolve import TextStyle

Pending = tuple[tuple[str, tuple[str, ...], int], ...]  # a row's boxes: key, items still to set, first number


@dataclass(frozen=True)
class SetBox:
    """One box of a row as set: its lines and which of its items it holds (``first``, ``stop``: 0-based)."""

    key: str
    lines: IdentityLines
    items: tuple[int, int]


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
    """Sets one row of boxes at the widths of the sheet (``columns``: the boxes set in more than one column)."""

    style: TextStyle
    widths: dict[str, float]  # box key → inner width
    empty: str
    columns: dict[str, int]  # box key → its columns (a box not named: one)
    title_h: float  # the height of a row's title strip
    pad: float  # a box's padding above and below its text
    min_height: float

    def body(self, key: str, items: tuple[str, ...], start: int) -> IdentityLines:
        if start > 1 and not items:  # a box already finished on an earlier sheet: nothing more to show
            return IdentityLines(((0.0, ""),), self.style, self.widths[key])
        count = self.columns.get(key, 1)
        set_in = in_columns(items, self.style, self.widths[key], self.empty, start, count) if count > 1 else None
        return set_in or numbered(items, self.style, self.widths[key], self.empty, start)

    def row(self, row: Pending) -> SetRow:
        bodies = tuple(
            SetBox(key, self.body(key, items, start), (start - 1, start - 1 + len(items))) for key, items, start in row
        )
        least = max(b.lines.height + self.pad for b in bodies)
        return SetRow(self.title_h, max(least, self.min_height), least, bodies)

    def fits(self, row: Pending, room: float) -> bool:
        """The row's text fits ``room`` (its boxes may give up their minimum height for it)."""
        return self.title_h + self.row(row).least <= room + 1e-6

    def cut(self, row: Pending, room: float) -> tuple[Pending, Pending] | None:
        """The row split at what fits in ``room``, or None.

        Each box keeps at least one item here, and one cut carries at least
        :data:`MIN_REST` items over (a drafter moves a lone last item back
        rather than carry it on).
        """
        here: list[tuple[str, tuple[str, ...], int]] = []
        rest: list[tuple[str, tuple[str, ...], int]] = []
        for key, items, start in row:
            n = len(items)
            while n > 0 and self.body(key, items[:n], start).height + self.pad > room - self.title_h:
                n -= 1
            if 0 < len(items) - n < MIN_REST:
                n = len(items) - MIN_REST
            if n <= 0 and items:
                return None
            here.append((key, items[:n], start))
            rest.append((key, items[n:], start + n))
        if not any(items for _, items, _ in rest):
            return None
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
        if sum(current.title_h + current.row(r).least for r in pending[:k]) <= room + 1e-6:
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
        space = room
    return sheets


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
    return sum(setter.title_h + setter.row(r).least for r in rows)


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
