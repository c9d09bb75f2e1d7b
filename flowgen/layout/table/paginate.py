"""Rows onto table pages: in order, never splitting a row, keeping a decision with its branches.

A page ends where the next row no longer fits, the page measured with the
connector bands it would then need (each beside its step's row); the
break moves up one or two rows when that keeps a decision on the same page
as the steps its branches go to, so the branches are drawn instead of
being read off two connectors, and a near-empty page takes rows from the
page before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from flowgen.layout.table.connectors import page_height
from flowgen.layout.table.types import Column, Row
from flowgen.model.types import Procedure, StepKind
from flowgen.style.resolve import ResolvedStyle

Height = Callable[[Sequence[Row]], float]  # a page's rows with the connector bands they need there


def paginate(
    rows: list[Row], available: float, height: Height, branches: Mapping[int, list[int]] | None = None
) -> list[list[Row]]:
    """Rows onto pages, in order; a page never ends on a decision whose branches moving it keeps together.

    ``height`` measures a candidate page with its bands (they depend on
    which steps share it).  ``branches`` maps a decision to the steps its
    branches go to.  When a page would end with a decision in its last two
    rows whose branches land on the next page, the break moves before the
    decision (if the next page then holds the decision and its targets).
    Near-empty pages are then filled (:func:`_balanced`).  A decision moved
    on with the step its loop returns to costs the page it leaves two rows:
    when that costs the table a page, its loop stays drawn on the page
    before instead.
    """
    with_loops = _paginate(rows, available, height, branches or {}, loops=True)
    without = _paginate(rows, available, height, branches or {}, loops=False)
    return with_loops if len(with_loops) <= len(without) else without


def _paginate(
    rows: list[Row], available: float, height: Height, branches: Mapping[int, list[int]], loops: bool
) -> list[list[Row]]:
    index = {row.step.number: i for i, row in enumerate(rows) if row.step is not None}
    starts = [0]
    while True:
        a = starts[-1]
        i = _fill(rows, a, available, height)
        if i >= len(rows):
            break
        starts.append(i - _break_before_decision(rows, i, i - a, index, branches, available, height, loops))
    starts = _balanced(starts, rows, available, height, branches)
    return [rows[a:b] for a, b in zip(starts, [*starts[1:], len(rows)])]


def _fill(rows: list[Row], a: int, available: float, height: Height) -> int:
    """Where a page from row ``a`` ends: the most rows that fit with their bands (at least one).

    Not the first row that does not fit: a page one row longer can need
    fewer bands (an arrow to that row no longer leaves the page).
    """
    end, plain = a + 1, rows[a].height
    for n in range(a + 2, len(rows) + 1):
        plain += rows[n - 1].height
        if plain > available:
            break
        if height(rows[a:n]) <= available:
            end = n
    return end


def _break_before_decision(
    rows: list[Row],
    i: int,
    on_page: int,
    index: Mapping[int, int],
    branches: Mapping[int, list[int]],
    available: float,
    height: Height,
    loops: bool,
) -> int:
    """How many rows to move to the next page (0 to 2) so a decision at the break goes with all its branches.

    The decision is one of the page's last two rows; the rows moved with it
    may include the step its loop goes back to ("Tidak" back to the row
    above; with ``loops``), so that loop is drawn too.  Moving it only to trade which
    branch crosses the break gains nothing, and so does a break moved to
    right after another decision.
    """
    for back in (1, 2):
        start = i - back
        if back >= on_page:
            break
        for d in range(start, i):
            step = rows[d].step
            if step is None or step.number not in branches:
                continue
            targets = [index[t] for t in branches[step.number] if t in index]
            if not targets or min(targets) < (start if loops else d + 1) or max(targets) < i:
                continue  # a loop back above the break, or every branch already on this page
            if height(rows[start : max(targets) + 1]) <= available and not _splits_decision(rows, start, branches):
                return back  # (a break moved to right after another decision would gain nothing)
    return 0


SHORT = 3  # a page with fewer rows than this takes rows from the page before


def _balanced(
    starts: list[int], rows: list[Row], available: float, height: Height, branches: Mapping[int, list[int]]
) -> list[int]:
    """Each break before a page of one or two rows moved up, while the page before keeps more rows and all fits.

    A last page of one or two rows read as a leftover, and its rows' arrows
    as pairs of connectors; the page before gives it rows as long as it
    keeps 3 and no fewer than it.  The break never comes right after a
    decision whose branches it would split.
    """
    starts = list(starts)
    for k in range(1, len(starts)):
        a, b = starts[k - 1], starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(rows)
        best = b
        for cand in range(b - 1, a, -1):
            if end - best >= SHORT or cand - a < max(SHORT, end - cand):
                break
            fits = height(rows[cand:end]) <= available and height(rows[a:cand]) <= available
            if fits and not _splits_decision(rows, cand, branches):  # (a page one row shorter can need a band more)
                best = cand
        starts[k] = best
    return starts


def _splits_decision(rows: list[Row], b: int, branches: Mapping[int, list[int]]) -> bool:
    """Whether a break before row ``b`` comes right after a decision with a branch onto the next page."""
    step = rows[b - 1].step
    if step is None or step.number not in branches:
        return False
    later = {r.step.number for r in rows[b:] if r.step is not None}
    return any(t in later for t in branches[step.number])


def paginated(
    procedure: Procedure,
    style: ResolvedStyle,
    rows: list[Row],
    available: float,
    actor_col: Mapping[str | None, Column],
    band_row: float,
) -> list[list[Row]]:
    """The rows page by page, each page measured with the connector bands its crossing arrows need."""
    branches = {
        step.number: [e.target for e in procedure.outgoing(step.number)]
        for step in procedure.steps
        if step.kind is StepKind.DECISION
    }

    def height(page: Sequence[Row]) -> float:
        return page_height(procedure, page, actor_col, style, band_row)

    return paginate(rows, available, height, branches)
