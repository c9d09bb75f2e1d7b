"""Rows onto lampiran pages (issue 9): no leftover last page, no break right after a decision.

The pages are measured by a given height function, so these tests set the
room exactly (the rows' own heights, no connector bands) and read the breaks.
"""

from __future__ import annotations

from collections.abc import Sequence

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.table.paginate import paginate
from flowgen.layout.table.place import _frame
from flowgen.layout.table.types import Row
from flowgen.model.types import StepKind
from tests.helpers import flow


def _rows(*lines: str) -> tuple[list[Row], dict[int, list[int]]]:
    procedure = flowgen.parse(flow(*lines))
    rows = list(_frame(procedure, resolve_style(None, procedure)).rows)
    branches = {
        s.number: [e.target for e in procedure.outgoing(s.number)]
        for s in procedure.steps
        if s.kind is StepKind.DECISION
    }
    return [r for r in rows if r.step is not None], branches


def _plain(rows: Sequence[Row]) -> float:
    return sum(r.height for r in rows)


def _numbers(pages: list[list[Row]]) -> list[list[int]]:
    return [[r.step.number for r in page if r.step is not None] for page in pages]


STRAIGHT = ["  1. mulai pu: a", *(f"  {k}. pu: langkah {k}" for k in range(2, 7)), "  7. selesai pu: g"]


def test_a_last_page_of_one_or_two_rows_takes_rows_from_the_page_before() -> None:
    rows, branches = _rows(*STRAIGHT)
    room = _plain(rows[:5]) + 1  # five rows a page: 5 + 2 as filled
    assert _numbers(paginate(rows, room, _plain, branches)) == [[1, 2, 3, 4], [5, 6, 7]]


def test_a_page_is_not_balanced_below_three_rows_before() -> None:
    rows, branches = _rows(*STRAIGHT[:3], "  4. selesai pu: d")
    room = _plain(rows[:3]) + 1  # 3 + 1: the page before would keep 2
    assert _numbers(paginate(rows, room, _plain, branches)) == [[1, 2, 3], [4]]


def test_a_decision_at_the_break_goes_on_with_the_step_its_loop_returns_to() -> None:
    """5 asks, Tidak back to 4, Ya on to 6: 4 and 5 move on, so both branches are drawn on one page."""
    rows, branches = _rows(
        "  1. mulai pu: a",
        "  2. pu: b",
        "  3. pu: c",
        "  [s4] 4. pu: d",
        "  5. ? pu: benar?",
        "    tidak -> s4",
        "    ya",
        "  6. pu: f",
        "  7. pu: g",
        "  8. selesai pu: h",
    )
    room = _plain(rows[:5]) + 1  # the page would end on the decision
    assert _numbers(paginate(rows, room, _plain, branches)) == [[1, 2, 3], [4, 5, 6, 7, 8]]


def test_a_page_takes_the_most_rows_that_fit_not_the_first_that_do_not() -> None:
    """A page one row longer can need one band less (the arrow to that row no longer leaves it)."""
    rows, branches = _rows(*STRAIGHT)
    room = _plain(rows[:4]) + 1

    def height(page: Sequence[Row]) -> float:  # a band while the page ends on step 3
        return _plain(page) + (200.0 if page[-1].step is not None and page[-1].step.number == 3 else 0.0)

    assert _numbers(paginate(rows, room, height, branches))[0] == [1, 2, 3, 4]
