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
