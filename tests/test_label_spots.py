"""Where a branch label stands: beside its own arrow, with daylight to every other line when there is any."""

from __future__ import annotations

import itertools

from flowgen.layout.arrows import LINE_ROOM, clear_label_spot
from flowgen.layout.geometry import Box, Segment

LIMIT: Box = (0.0, 0.0, 200.0, 200.0)
DOWN = [(100.0, 50.0), (100.0, 150.0)]  # an arrow leaving a tip straight down


def _gap(box: Box, x: float) -> float:
    return min(abs(box[0] - x), abs(box[2] - x))


def test_a_label_keeps_daylight_to_a_border_beside_its_arrow() -> None:
    w, h = 14.0, 9.0
    border: Segment = ((100.0 + 3.0 + w + 1.0, 0.0), (100.0 + 3.0 + w + 1.0, 200.0))  # 1 pt right of the right spot
    box = clear_label_spot(DOWN, w, h, [], [], [*itertools.pairwise(DOWN), border], LIMIT)
    assert box is not None
    assert box[2] <= 100.0  # the free side of its arrow, not against the border
    assert _gap(box, border[0][0]) >= LINE_ROOM


def test_a_label_takes_a_spot_against_a_line_when_no_spot_has_daylight() -> None:
    w, h = 14.0, 9.0
    right: Segment = ((100.0 + 3.0 + w + 1.0, 0.0), (100.0 + 3.0 + w + 1.0, 200.0))
    left: Segment = ((100.0 - 3.0 - w - 1.0, 0.0), (100.0 - 3.0 - w - 1.0, 200.0))
    box = clear_label_spot(DOWN, w, h, [], [], [*itertools.pairwise(DOWN), right, left], LIMIT)
    assert box is not None and box[1] >= 50.0  # beside its arrow still, though near a line


def test_its_own_line_is_not_kept_off() -> None:
    box = clear_label_spot(DOWN, 14.0, 9.0, [], [], list(itertools.pairwise(DOWN)), LIMIT)
    assert box == (103.0, 53.0, 117.0, 62.0)  # the first spot: 3 pt beside its line, 3 pt down


def test_a_label_finds_the_narrow_window_between_a_diamond_and_a_column_line_next_to_its_tip() -> None:
    """Leaving a diamond's bottom tip, a short stem, then right: the label stands above that run, past the
    diamond's box and 3 pt short of the column line — a window of ~3 pt the steps along the run must not miss
    (the next spot is across the column line, 60 pt from the tip)."""
    w, h = 21.0, 9.0
    route = [(100.0, 50.0), (100.0, 57.0), (170.0, 57.0), (170.0, 90.0)]  # bottom tip, 7 pt stem, right, down
    diamond: Box = (82.0, 20.0, 118.0, 50.0)
    column: Segment = ((146.0, 0.0), (146.0, 200.0))
    row: Segment = ((0.0, 64.0), (200.0, 64.0))  # no room below the run, nor daylight beside the stem
    box = clear_label_spot(route, w, h, [diamond], [], [*itertools.pairwise(route), column, row], LIMIT)
    assert box is not None
    assert box[3] <= 55.0 and box[0] >= diamond[2] + 1.0  # above the run, clear of the diamond
    assert column[0][0] - box[2] >= LINE_ROOM  # still on the diamond's side of the column line
