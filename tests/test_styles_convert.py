"""scripts/convert_style_calls.py: untyped look-ups become record attributes, unknown ones stay."""

from __future__ import annotations

import importlib.util
import sys

from tests.helpers import ROOT

_SPEC = importlib.util.spec_from_file_location("convert_style_calls", ROOT / "scripts" / "convert_style_calls.py")
assert _SPEC is not None and _SPEC.loader is not None
convert_style_calls = importlib.util.module_from_spec(_SPEC)
sys.modules["convert_style_calls"] = convert_style_calls
_SPEC.loader.exec_module(convert_style_calls)

BEFORE = """\
width = float(style.value("step", "width", classes))
gap = float(style.value("flowchart", "rank-gap"))
lr = style.value("flowchart", "direction") == "lr"
minimum = float(style.value("lane", "min-width", (), actor.index))
band = max(float(style.value("lane-header", "width", (), a.index)) for a in actors)
head = arrow_head(line, float(style.value("edge", "arrow-size", classes)) * 0.85)
fixed = {k: float(style.value("cell", "width", (k,))) for k in keys}
paint = Paint(None, style.value("identity", "stroke"), float(style.value("identity", "stroke-width")))
odd = style.value("title", "display")
other_style.value("step", "width")
"""

AFTER = """\
width = style.step(classes).width
gap = style.flowchart.rank_gap
lr = style.flowchart.direction == "lr"
minimum = style.lane(actor.index).min_width
band = max(style.lane(a.index).header.width for a in actors)
head = arrow_head(line, style.table_edge(classes).arrow_size)
fixed = {k: style.cell((k,)).width for k in keys}
paint = Paint(None, style.identity.stroke, style.identity.stroke_width)
odd = style.value("title", "display")
other_style.value("step", "width")
"""


def test_converts_known_calls_and_leaves_the_rest() -> None:
    converted, changes = convert_style_calls.convert(BEFORE)
    assert converted == AFTER
    assert [(c.line, c.new) for c in changes if c.new is None] == [(9, None)]
    assert len(changes) == 10
