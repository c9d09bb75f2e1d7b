"""A long list of short items set in two or three columns inside its box, as a drafter sets an equipment list.

Items read down then across (numbering runs on from one column to the
next); the columns are cut where the tallest one is lowest.  A list is set
in columns only when its items are short: at the narrower width no item
takes more than :data:`MAX_ITEM_LINES` lines (a law's long title set in a
third of a box would only grow taller), and columns must make the box lower.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from flowgen.layout.table.identity_lists import IdentityLines, is_empty, numbered
from flowgen.style.resolve import TextStyle

MAX_COLUMNS = 3
MAX_ITEM_LINES = 2  # an item longer than this at a column's width is not short: the list stays in fewer columns


def column_width(width: float, count: int, style: TextStyle) -> float:
    """Each column's width when ``count`` columns share ``width`` (a gap of one and a half ems between them)."""
    gap = style.size * 1.5
    return (width - gap * (count - 1)) / count


def _counts(items: tuple[str, ...], style: TextStyle, width: float, empty: str, start: int) -> list[int]:
    """How many lines each item takes at ``width`` (its own number in front, as :func:`numbered` sets it)."""
    return [len(numbered(items[k : k + 1], style, width, empty, start + k).lines) for k in range(len(items))]


def _best_cuts(counts: list[int], columns: int) -> tuple[int, ...]:
    """Where to cut the items into ``columns`` runs (each at least one item) so the tallest run is lowest."""
    ends = list(itertools.accumulate(counts))
    n = len(counts)

    def lines(a: int, b: int) -> int:
        return ends[b - 1] - (ends[a - 1] if a else 0)

    best: tuple[int, tuple[int, ...]] | None = None
    for cuts in itertools.combinations(range(1, n), columns - 1):
        bounds = (0, *cuts, n)
        tallest = max(lines(a, b) for a, b in itertools.pairwise(bounds))
        if best is None or tallest < best[0]:
            best = (tallest, cuts)
    return best[1] if best else ()


def in_columns(
    items: tuple[str, ...], style: TextStyle, width: float, empty: str, start: int, columns: int
) -> IdentityLines | None:
    """The list in ``columns`` columns (each the next one's ``second``), or None when its items are not short."""
    if columns < 2 or len(items) < 2 * columns or is_empty(items, empty):
        return None
    inner = column_width(width, columns, style)
    counts = _counts(items, style, inner, empty, start)
    if max(counts) > MAX_ITEM_LINES:
        return None
    cuts = _best_cuts(counts, columns) if len(items) <= 60 else _even_cuts(counts, columns)
    bounds = (0, *cuts, len(items))
    step = inner + style.size * 1.5
    whole = numbered(items, style, width, empty, start)
    built: IdentityLines | None = None
    for a, b in reversed(list(itertools.pairwise(bounds))):  # the last column first: each holds the next
        column = numbered(items[a:b], style, inner, empty, start + a)
        built = column if built is None else replace(column, second=built, second_x=step)
    assert built is not None
    return replace(built, width=width, source=whole.source)


def _even_cuts(counts: list[int], columns: int) -> tuple[int, ...]:
    """Cuts for a very long list (too many for every combination): each column about an equal share of lines."""
    total = sum(counts)
    cuts: list[int] = []
    run = 0
    for k, count in enumerate(counts[:-1], start=1):
        run += count
        if len(cuts) < columns - 1 and run >= total * (len(cuts) + 1) / columns:
            cuts.append(k)
    while len(cuts) < columns - 1:  # (never with the items this is called for: at least two per column)
        cuts.append(len(counts) - (columns - 1 - len(cuts)))
    return tuple(cuts)
