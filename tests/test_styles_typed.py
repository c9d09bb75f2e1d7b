"""The typed style records: equal to the untyped look-ups, new properties with today's defaults, the cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flowgen.style.choose import load_style, style_for
from flowgen.style.resolve import ResolvedStyle
from flowgen.style.schema import ELEMENTS
from flowgen.style.sheet import read_css

SHIPPED = ["default", "english", "kemendikbud", "presentasi"]


@pytest.mark.parametrize("name", SHIPPED)
def test_records_hold_what_value_gives(name: str) -> None:
    s = style_for(name)
    for cls in ELEMENTS["step"].classes:
        step = s.step((cls,))
        assert (step.width, step.min_height) == (
            s.value("step", "width", (cls,)),
            s.value("step", "min-height", (cls,)),
        )
        assert step.max_width == max(step.width, s.value("step", "max-width", (cls,)))
        assert step.text == s.text("step", (cls,)) and step.box == s.box("step", (cls,))
        assert step.number.shown == s.shown("step-number", (cls,))
        assert step.detail.shown == s.shown("mutu-baku", (cls,))
        symbol = s.symbol((cls,))
        assert (symbol.width, symbol.height) == (
            s.value("symbol", "width", (cls,)),
            s.value("symbol", "height", (cls,)),
        )
    for prop in ("direction", "edge-style", "rank-gap", "node-gap", "lane-padding", "track-gap", "margin", "fill"):
        assert getattr(s.flowchart, prop.replace("-", "_")) == s.value("flowchart", prop), prop
    table = ELEMENTS["table"].defaults
    for prop in (p for p in table if p != "font-size"):
        want = s.value("table", prop)
        assert getattr(s.table, prop.replace("-", "_")) == (tuple(want) if isinstance(want, list) else want), prop
    for index in range(4):
        lane = s.lane(index)
        assert lane.min_width == s.value("lane", "min-width", (), index)
        assert lane.header.width == s.value("lane-header", "width", (), index)
        assert lane.header.text == s.text("lane-header", (), index)
    for prop in ("signature-height", "split", "label-share", "stroke", "stroke-width", "outer-stroke-width"):
        assert getattr(s.identity, prop.replace("-", "_")) == s.value("identity", prop), prop
    assert s.identity.box_min_height == s.value("identity-box", "min-height")
    assert (s.paper.size, s.paper.margin) == s.page
    assert (s.logo_image.src, s.logo_image.width, s.logo_image.height) == s.logo


def test_values_hard_coded_before_are_properties_with_the_old_defaults() -> None:
    s = ResolvedStyle(read_css(""))
    assert s.paper.fill == "#ffffff"
    assert (s.table.arrow_scale, s.table.edge_stroke_scale) == (0.85, 0.9)
    assert s.table_edge(("yes",)).arrow_size == s.value("edge", "arrow-size", ("yes",)) * 0.85
    assert s.table_edge().stroke_width == s.box("edge").stroke_width * 0.9
    assert s.identity.header.box.padding == (6.0, 6.0, 6.0, 6.0)
    assert s.logo_image.gap == 8.0
    footer = s.text("footer")
    assert (s.footer.room, s.footer.baseline) == (footer.size * 2.2, footer.size * 1.6)
    assert s.document.subject == "Prosedur Operasional Standar"
    assert s.document.language == "id"


def test_english_documents_are_english() -> None:
    english = style_for("english").document
    assert (english.language, english.subject) == ("en", "Standard Operating Procedure")


def test_a_hidden_footer_takes_no_room() -> None:
    s = ResolvedStyle(read_css("footer { display: none; room: 3 }"))
    assert (s.footer.shown, s.footer.room) == (False, 0.0)


def test_the_new_properties_can_be_set() -> None:
    s = ResolvedStyle(
        read_css(
            "@page { fill: #fafafa } table { arrow-scale: 1; edge-stroke-scale: 1 } identity-header { padding: 4pt }"
            ' logo { gap: 2pt } labels { language: "en-GB"; subject: "SOP" }'
        )
    )
    assert s.paper.fill == "#fafafa"
    assert s.table_edge().arrow_size == s.edge().arrow_size
    assert (s.identity.header.box.padding, s.logo_image.gap) == ((4.0,) * 4, 2.0)
    assert (s.document.language, s.document.subject) == ("en-GB", "SOP")


def test_records_are_frozen() -> None:
    s = style_for("default")
    with pytest.raises(AttributeError):
        s.table.track_gap = 1.0  # type: ignore[misc]


def test_the_cache_sees_a_changed_import(tmp_path: Path) -> None:
    top, base = tmp_path / "top.css", tmp_path / "base.css"
    base.write_text("step { fill: #111111; }\n", encoding="utf-8")
    top.write_text('@import "base.css";\n', encoding="utf-8")
    assert load_style(top).step().box.fill == "#111111"
    assert load_style(top) is load_style(top)  # unchanged: the same resolved style
    base.write_text("step { fill: #222222; }\n", encoding="utf-8")
    stat = base.stat()
    os.utime(base, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_style(top).step().box.fill == "#222222"
