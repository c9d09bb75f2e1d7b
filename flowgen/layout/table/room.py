"""Runs along the table's lines: which a route has, and how much a row must grow to lose them.

A run that lies a few points beside a row or column line for some length
reads as a second grid line (reviewers flag 2–7 pt for 15 pt and more), so
the router takes such a route only when no other is as simple
(:meth:`flowgen.layout.table.router.TableRouter.route`).  When it must run
sideways between a row's symbols and the row's border, a careful hand
makes the row taller so the run gets the middle of a free gap well clear of
the line: :func:`row_wants` says how much free space each such row wants
above and below its symbols, and the table's layout grows those rows and
routes the page again (:func:`flowgen.layout.table.place.layout_table`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flowgen.layout.geometry import Point, segments
from flowgen.layout.table.grid import BORDER_ROOM, HUG, HUG_RUN, SYMBOL_CLEARANCE, TableGrid, near_line
from flowgen.layout.table.types import TablePage

NONE, ROWS, COLUMNS = 0, 1, 2  # a route hugs no line; only row lines (its rows can grow); a column line


def hugging(points: list[Point], grid: TableGrid) -> int:
    """Whether a route runs along a table line: NONE, ROWS (only along row lines) or COLUMNS."""
    found = NONE
    for (x1, y1), (x2, y2) in segments(points):
        if abs(y1 - y2) < 0.01 and abs(x1 - x2) >= HUG_RUN and near_line(y1, grid.row_lines, HUG):
            found = ROWS
        elif abs(x1 - x2) < 0.01 and abs(y1 - y2) >= HUG_RUN and near_line(x1, grid.col_lines, HUG):
            return COLUMNS
    return found


def row_wants(points: list[Point], grid: TableGrid) -> tuple[tuple[str, float], ...]:
    """(row id, free space wanted above and below its symbols) for each step row a run hugs a line of.

    The row is the one the run lies in, or, when that is a band of
    connectors (whose height is the band's own), the step row across the
    line: grown, it has a track to cross over in.  It wants enough free space
    for a track BORDER_ROOM from the line and SYMBOL_CLEARANCE from its
    symbols; a row already that free (its roomy track taken by another arrow)
    wants a track's gap more.
    """
    wants: dict[str, float] = {}
    for (x1, y), (x2, y2) in segments(points):
        if not (abs(y - y2) < 0.01 and abs(x1 - x2) >= HUG_RUN and near_line(y, grid.row_lines, HUG)):
            continue
        line = min(grid.row_lines, key=lambda c: abs(c - y))
        beside = [k for k, (_, y0, y_end) in enumerate(grid.rows) if abs(y0 - line) < 0.01 or abs(y_end - line) < 0.01]
        steps = sorted(
            (k for k in beside if grid.rows[k][0].isdigit()), key=lambda k: not grid.rows[k][1] < y < grid.rows[k][2]
        )
        if not steps:
            continue
        k = steps[0]
        rid, y0, y_end = grid.rows[k]
        free = y_end - grid.bottoms[k] if abs(y_end - line) < 0.01 else grid.tops[k] - y0
        want = round(max(SYMBOL_CLEARANCE + BORDER_ROOM, free + grid.gap) + 0.1, 2)
        wants[rid] = max(wants.get(rid, 0.0), want)
    return tuple(sorted(wants.items()))


def more_room(roomy: Mapping[int, float], pages: Sequence[TablePage]) -> dict[int, float]:
    """``roomy`` (step → free space above and below its symbols) grown to what the pages' routes want."""
    grown = dict(roomy)
    for page in pages:
        for rid, free in (want for route in page.routes for want in route.wants):
            grown[int(rid)] = max(grown.get(int(rid), 0.0), free)
    return grown
