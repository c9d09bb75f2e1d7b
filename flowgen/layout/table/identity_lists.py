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


def numbered(items: tuple[str, ...], style: TextStyle, width: float, empty: str, start: int = 1) -> IdentityLines:
    """A numbered list; a wrapped item's further lines start under its text, not under its number.

    An item the writer numbered already ("1. Jika ...") keeps its own
    number and is not numbered again.
    """
    if is_empty(items, empty):
        return IdentityLines(((0.0, empty),), style, width)
    lines: list[tuple[float, str]] = []
    sources: list[str] = []
    for number, item in enumerate(items, start=start):
        text = _lines_kept(item)
        own = _OWN_MARK.match(text)
        mark = f"{own.group(1)} " if own else f"{number}. "
        body = text[own.end() :] if own else text
        indent = measure(style.face, style.size, mark)
        wrapped = wrap(body, style.face, style.size, max(width - indent, style.size * 4)) or [""]
        lines.append((0.0, mark + wrapped[0]))
        lines += [(indent, line) for line in wrapped[1:]]
        sources.append(mark + body)
    return IdentityLines(tuple(lines), style, width, source="\n".join(sources))


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
Measured = tuple[float, float, tuple[tuple[str, IdentityLines], ...]]  # title height, body height, bodies


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

    def row(self, row: Pending) -> Measured:
        bodies = tuple((key, self.body(key, items, start)) for key, items, start in row)
        body_h = max([b.height + self.pad for _, b in bodies] + [self.min_height])
        return self.title_h, body_h, bodies

    def cut(self, row: Pending, room: float) -> tuple[Pending, Pending] | None:
        """The row split at what fits in ``room`` (each box keeps at least one item here), or None."""
        here: list[tuple[str, tuple[str, ...], int]] = []
        rest: list[tuple[str, tuple[str, ...], int]] = []
        for key, items, start in row:
            n = len(items)
            while n > 0 and self.body(key, items[:n], start).height + self.pad > room - self.title_h:
                n -= 1
            if n == 0 and items:
                return None
            here.append((key, items[:n], start))
            rest.append((key, items[n:], start + n))
        return tuple(here), tuple(rest)


def sheets_of_rows(rows: list[Pending], setter: BoxSetter, first_room: float, room: float) -> list[list[Measured]]:
    """The rows of boxes sheet by sheet: as many as fit, a row too tall cut between its items."""
    pending = list(rows)
    sheets: list[list[Measured]] = []
    space = first_room
    while pending:
        placed: list[Measured] = []
        used = 0.0
        while pending:
            measured = setter.row(pending[0])
            if used + measured[0] + measured[1] <= space:
                placed.append(measured)
                used += measured[0] + measured[1]
                pending.pop(0)
                continue
            parts = setter.cut(pending[0], space - used)
            if parts is None and not placed:  # not even one item fits an empty sheet: set it anyway
                placed.append(measured)
                pending.pop(0)
            elif parts is not None:
                placed.append(setter.row(parts[0]))
                pending[0] = parts[1]
            break
        sheets.append(placed)
        space = room
    return sheets


def long_lists(rows: list[Pending], setter: BoxSetter, room: float) -> frozenset[str]:
    """The boxes to set in two columns: the tallest lists, one by one, until the rows fit ``room``."""
    split: set[str] = set()
    current = setter
    while sum(h + b for h, b, _ in (current.row(r) for r in rows)) > room:
        heights = [(body.height, key) for r in rows for key, body in current.row(r)[2] if key not in split]
        tallest = max(heights, default=None)
        if tallest is None or tallest[0] < current.style.size * current.style.line_height * 4:
            break
        split.add(tallest[1])
        current = replace(current, split=frozenset(split))
    return frozenset(split)
