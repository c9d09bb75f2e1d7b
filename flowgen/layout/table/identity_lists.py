"""The six boxes of the identity sheet: numbered lists, set in two columns or carried onto continuation sheets.

Real sheets number each box's items with hanging indents, keep a writer's
own numbers ("1. Jika ..."), print an empty box as "-", set a long list
(a health centre's 33 items of equipment) in two columns, and carry what
still does not fit onto a continuation sheet, numbering running on.
Nothing is ever set past the paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from flowgen.style.resolve import TextStyle
from flowgen.text import block_height, clean, measure, wrap

BOXES = (
    ("dasar-hukum", "legal_basis", "kualifikasi", "qualifications"),
    ("keterkaitan", "related", "peralatan", "equipment"),
    ("peringatan", "warnings", "pencatatan", "records"),
)


@dataclass(frozen=True)
class IdentityLines:
    """Lines of text with their own x offsets (for hanging indents) and a style."""

    lines: tuple[tuple[float, str], ...]  # (indent from the left edge, text)
    style: TextStyle
    width: float
    gap_after: float = 0.0
    source: str = ""  # the text unwrapped: the <title> of its cell
    second: IdentityLines | None = None  # a long list's second column, beside this one from the same top
    second_x: float = 0.0  # where the second column starts (from the left edge)
    items: int = 0  # how many items of its box these lines hold (the first column's, when there is a second)

    @property
    def height(self) -> float:
        count = max(len(self.lines), len(self.second.lines) if self.second else 0)
        return block_height(count, self.style.size, self.style.line_height)


_OWN_MARK = re.compile(r"^\s*((?:\d{1,3}|[a-zA-Z])[.)])\s+")  # "1. ", "2) ", "a. ": an item numbered by its writer


def is_empty(items: tuple[str, ...], empty: str) -> bool:
    """No item, or only the writer's own "-" (an empty box is printed empty, never "1. -")."""
    return all(clean(item).strip() in ("", "-", "–", empty) for item in items)


def _lines_kept(text: str) -> str:
    """Spaces evened out, the writer's line breaks (continuation lines) kept for :func:`wrap`."""
    return "\n".join(" ".join(line.split()) for line in clean(text).split("\n") if line.strip())


def own_numbers(items: tuple[str, ...]) -> bool:
    """Some item carries its writer's own number ("1. Jika ..."): the box is printed with the marks as written."""
    return any(_OWN_MARK.match(_lines_kept(item)) for item in items)


def marked(items: tuple[str, ...], start: int = 1) -> list[tuple[str, str]]:
    """Each item's mark ("3. ", or the writer's own "a) ") and its text (line breaks kept), as the sheet prints them."""
    out: list[tuple[str, str]] = []
    for number, item in enumerate(items, start=start):
        text = _lines_kept(item)
        own = _OWN_MARK.match(text)
        out.append((f"{own.group(1)} " if own else f"{number}. ", text[own.end() :] if own else text))
    return out


def numbered(items: tuple[str, ...], style: TextStyle, width: float, empty: str, start: int = 1) -> IdentityLines:
    """A numbered list; a wrapped item's further lines start under its text, not under its number.

    An item the writer numbered already ("1. Jika ...") keeps its own
    number and is not numbered again.
    """
    if is_empty(items, empty):
        return IdentityLines(((0.0, empty),), style, width)
    lines: list[tuple[float, str]] = []
    sources: list[str] = []
    for mark, body in marked(items, start):
        indent = measure(style.face, style.size, mark)
        wrapped = wrap(body, style.face, style.size, max(width - indent, style.size * 4)) or [""]
        lines.append((0.0, mark + wrapped[0]))
        lines += [(indent, line) for line in wrapped[1:]]
        sources.append(mark + body)
    return IdentityLines(tuple(lines), style, width, source="\n".join(sources), items=len(items))


def two_columns(items: tuple[str, ...], style: TextStyle, width: float, empty: str, start: int = 1) -> IdentityLines:
    """A long list set in two columns, as real sheets set a long equipment list (numbering runs on)."""
    gap = style.size * 1.5
    half = (width - gap) / 2
    whole = numbered(items, style, half, empty, start)
    best: IdentityLines | None = None
    for cut in range(1, len(items)):
        left = numbered(items[:cut], style, half, empty, start)
        right = numbered(items[cut:], style, half, empty, start + cut)
        candidate = replace(left, width=width, source=whole.source, second=right, second_x=half + gap)
        if best is None or candidate.height < best.height:
            best = candidate
    return best or numbered(items, style, width, empty, start)


Pending = tuple[tuple[str, tuple[str, ...], int], ...]  # a row's boxes: key, items still to set, first number
MIN_REST = 3  # a box cut between sheets carries at least this many items over (no lone last item)


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
    """Sets one row of boxes at the widths of the sheet (``split``: the boxes set in two columns)."""

    style: TextStyle
    widths: dict[str, float]  # box key → inner width
    empty: str
    split: frozenset[str]
    title_h: float  # the height of a row's title strip
    pad: float  # a box's padding above and below its text
    min_height: float

    def body(self, key: str, items: tuple[str, ...], start: int) -> IdentityLines:
        if start > 1 and not items:  # a box already finished on an earlier sheet: nothing more to show
            return IdentityLines(((0.0, ""),), self.style, self.widths[key])
        if key in self.split and len(items) > 1:
            return two_columns(items, self.style, self.widths[key], self.empty, start)
        return numbered(items, self.style, self.widths[key], self.empty, start)

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
    """How many leading rows fit ``room`` whole (long lists in two columns where that is needed)."""
    for k in range(len(pending), 0, -1):
        current = replace(setter, split=long_lists(pending[:k], setter, room))
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
        if k < len(pending) and not (whole and k):  # the next row cut: its long lists in two columns too
            current = replace(setter, split=long_lists(pending[: k + 1], setter, space))
        placed = [current.row(r) for r in pending[:k]]
        pending = pending[k:]
        if pending and not (whole and k):
            parts = current.cut(pending[0], space - sum(p.title_h + p.least for p in placed))
            if parts is not None:
                placed.append(current.row(parts[0]))
                pending[0] = parts[1]
            elif not placed and space >= room:  # not even one item fits an empty sheet: set it anyway
                placed.append(current.row(pending.pop(0)))
        sheets.append(_squeezed(placed, space))
        space = room
    return sheets


def sheets_of_rows(rows: list[Pending], setter: BoxSetter, first_room: float, room: float) -> list[list[SetRow]]:
    """The rows of boxes sheet by sheet, as a careful drafter sets them.

    All on the first sheet when they fit (long lists in two columns);
    else whole rows moved to a continuation sheet; a row is cut between
    its items only when that saves a sheet (or the row is taller than a
    sheet).  No sheet is left with titles only.
    """
    by_rows = _paginate(rows, setter, first_room, room, whole=True)
    cut = _paginate(rows, setter, first_room, room, whole=False)
    return by_rows if len(by_rows) <= len(cut) else cut


def long_lists(rows: list[Pending], setter: BoxSetter, room: float) -> frozenset[str]:
    """The boxes to set in two columns: the tallest lists, one by one, until the rows fit ``room``."""
    split: set[str] = set()
    current = setter
    while sum(current.title_h + current.row(r).least for r in rows) > room:
        heights = [(b.lines.height, b.key) for r in rows for b in current.row(r).bodies if b.key not in split]
        tallest = max(heights, default=None)
        if tallest is None or tallest[0] < current.style.size * current.style.line_height * 4:
            break
        split.add(tallest[1])
        current = replace(current, split=frozenset(split))
    return frozenset(split)
