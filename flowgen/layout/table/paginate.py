"""Rows onto table pages: in order, never splitting a row, keeping a decision with its branches.

A page ends where the next row no longer fits (its connector bands
reserved); the break moves up one or two rows when that keeps a decision
on the same page as the steps its branches go to, so the branches are
drawn instead of being read off two connectors.
"""

from __future__ import annotations

from collections.abc import Mapping

from flowgen.layout.table.connectors import band_needs
from flowgen.layout.table.types import Column, Row
from flowgen.model.types import Procedure, StepKind
from flowgen.style.resolve import ResolvedStyle


def paginate(
    rows: list[Row],
    available: float,
    bands: dict[int, tuple[float, float]],
    branches: Mapping[int, list[int]] | None = None,
) -> list[list[Row]]:
    """Rows onto pages, in order; a page never ends on a decision whose branches moving it keeps together.

    ``branches`` maps a decision to the steps its branches go to.  When a
    page would end with a decision in its last two rows whose forward
    branches land on the next page, the break moves before the decision
    (if the next page then holds the decision and its targets), so its
    branches are drawn, not read off two connectors.
    """
    index = {row.step.number: i for i, row in enumerate(rows) if row.step is not None}
    pages: list[list[Row]] = [[]]
    used = bands.get(0, (0.0, 0.0))[0]
    i = 0
    while i < len(rows):
        row = rows[i]
        p = len(pages) - 1
        room = available - bands.get(p, (0.0, 0.0))[1]
        if pages[-1] and used + row.height > room:
            back = _break_before_decision(rows, i, len(pages[-1]), index, branches or {}, available, bands, p + 1)
            if back:
                del pages[-1][-back:]
                i -= back
                row = rows[i]
            pages.append([])
            used = bands.get(len(pages) - 1, (0.0, 0.0))[0]
        pages[-1].append(row)
        used += row.height
        i += 1
    return pages


def _break_before_decision(
    rows: list[Row],
    i: int,
    on_page: int,
    index: Mapping[int, int],
    branches: Mapping[int, list[int]],
    available: float,
    bands: dict[int, tuple[float, float]],
    next_page: int,
) -> int:
    """How many rows to move to the next page (0, 1 or 2) so a decision at the break keeps its branches."""
    for back in (1, 2):
        d = i - back
        step = rows[d].step
        if back >= on_page or step is None or step.number not in branches:
            continue
        targets = [index[t] for t in branches[step.number] if t in index]
        if not targets or min(targets) <= d or max(targets) < i:
            continue  # a loop back, or every branch already on this page
        room = available - sum(bands.get(next_page, (0.0, 0.0)))
        if sum(r.height for r in rows[d : max(targets) + 1]) <= room:
            return back
    return 0


def paginated(
    procedure: Procedure,
    style: ResolvedStyle,
    rows: list[Row],
    available: float,
    actor_col: Mapping[str | None, Column],
    band_row: float,
) -> list[list[Row]]:
    """The rows page by page: first without connector bands, then reserving them where arrows cross pages."""
    branches = {
        step.number: [e.target for e in procedure.outgoing(step.number)]
        for step in procedure.steps
        if step.kind is StepKind.DECISION
    }
    bands: dict[int, tuple[float, float]] = {}
    pages = paginate(rows, available, bands, branches)
    for _ in range(4):
        wanted = band_needs(procedure, pages, actor_col, style, band_row)
        if all(bands.get(p, (0.0, 0.0))[k] >= wanted.get(p, (0.0, 0.0))[k] for p in wanted for k in (0, 1)):
            break
        bands = {
            p: (
                max(bands.get(p, (0.0, 0.0))[0], wanted.get(p, (0.0, 0.0))[0]),
                max(bands.get(p, (0.0, 0.0))[1], wanted.get(p, (0.0, 0.0))[1]),
            )
            for p in set(bands) | set(wanted)
        }
        pages = paginate(rows, available, bands, branches)
    return pages
