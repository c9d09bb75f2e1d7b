"""The style sheets shipped in styles/: each resolves, each keeps its promise, and the docs match."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PIL import Image

from flowgen.style.choose import style_for
from flowgen.style.resolve import ResolvedStyle
from flowgen.style.schema import ELEMENTS
from flowgen.style.sheet import read_css, shipped_description, shipped_names
from flowgen.style.values import PT_PER_UNIT
from tests.helpers import ROOT

STYLES = ROOT / "styles"
MM = PT_PER_UNIT["mm"]
SHEETS = shipped_names()


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_styles_doc", ROOT / "scripts" / "gen_styles_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _every_value(style: ResolvedStyle) -> dict[tuple[str, tuple[str, ...], int | None, str], Any]:
    """Every allowed property of every element, bare and with each class (and lanes by position)."""
    found: dict[tuple[str, tuple[str, ...], int | None, str], Any] = {}
    for element, spec in ELEMENTS.items():
        indexes: tuple[int | None, ...] = (None, 0, 1, 2) if spec.nth_child else (None,)
        for classes in [(), *((c,) for c in spec.classes)]:
            for index in indexes:
                for prop in sorted(spec.allowed):
                    if style.has(element, prop, classes, index):
                        found[(element, classes, index, prop)] = style.value(element, prop, classes, index)
    return found


def _luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# -- every sheet ----------------------------------------------------------------------------------


def test_the_expected_sheets_are_shipped() -> None:
    assert {"default", "kemendikbud", "presentasi", "english"} <= set(SHEETS)


@pytest.mark.parametrize("name", SHEETS)
def test_every_shipped_sheet_resolves(name: str) -> None:
    style = style_for(name)
    style.check_all()  # fonts found, labels complete
    assert style.labels["yes"] and len(style.labels.months) == 12
    size, margin = style.page
    assert size.width > size.height  # every shipped sheet is landscape, like the form
    assert all(m >= 0 for m in margin)
    values = _every_value(style)
    assert values  # and nothing above raised


@pytest.mark.parametrize("name", SHEETS)
def test_every_shipped_sheet_describes_itself(name: str) -> None:
    text = (STYLES / f"{name}.css").read_text(encoding="utf-8")
    assert text.lstrip().startswith("/*"), f"{name}.css must open with its one-line description"
    description = shipped_description(name)
    assert 10 <= len(description) <= 120
    assert "*/" not in description


@pytest.mark.parametrize("name", [n for n in SHEETS if n != "default"])
def test_sheets_build_on_the_default_sheet(name: str) -> None:
    text = (STYLES / f"{name}.css").read_text(encoding="utf-8")
    assert re.search(r'^@import\s+"default";', text, re.MULTILINE)


# -- default.css ---------------------------------------------------------------------------------


def test_default_css_is_exactly_the_built_in_defaults() -> None:
    built_in = _every_value(ResolvedStyle(read_css("")))
    shipped = _every_value(style_for("default"))
    assert set(shipped) == set(built_in)
    different = {key: (shipped[key], built_in[key]) for key in built_in if shipped[key] != built_in[key]}
    assert different == {}


# -- kemendikbud ---------------------------------------------------------------------------------


def test_kemendikbud_is_f4_landscape() -> None:
    size, _margin = style_for("kemendikbud").page
    assert size.width == pytest.approx(330 * MM)
    assert size.height == pytest.approx(215 * MM)


def test_kemendikbud_uses_bookman() -> None:
    style = style_for("kemendikbud")
    families = style.value(":root", "font-family")
    assert families[0] == "Bookman Old Style"
    for element, classes in ((":root", ()), ("step", ("activity",)), ("header", ()), ("identity-header", ())):
        assert style.face(element, classes).family == "URW Bookman"


def test_kemendikbud_fills_its_headers_softly_and_keeps_text_black() -> None:
    style = style_for("kemendikbud")
    header = style.value("header", "fill")
    assert header is not None and 0.8 < _luminance(header) < 1.0
    assert style.value("lane-header", "fill", (), 0) == header
    assert style.value("lane-header", "fill", (), 1) == header
    for element in ("step", "header", "cell", "lane-header", "identity-value"):
        assert style.text(element).color == "#000000"
    assert style.value("table", "stroke-width") <= 0.75


def test_kemendikbud_logo_is_a_small_placeholder_next_to_the_sheet() -> None:
    path, width, height = style_for("kemendikbud").logo
    assert path is not None and path.name == "logo-kemendikbud.png"
    assert path.parent == STYLES.resolve() or path.parent.resolve() == STYLES.resolve()
    assert path.stat().st_size < 12 * 1024
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.width <= 300 and image.height <= 300
    assert width > 0 and height > 0


# -- english -------------------------------------------------------------------------------------


def test_english_labels() -> None:
    labels = style_for("english").labels
    assert labels["yes"] == "Yes"
    assert labels["no"] == "No"
    assert labels["page"] == "Page {page} of {pages}"
    assert labels.months[0] == "January" and labels.months[11] == "December"
    assert labels["decimal"] == "."
    assert labels.units()["minute"] == ("minute", "minutes")
    assert labels["col-kegiatan"] == "Activity"
    assert labels["nomor"] == "SOP Number"


def test_english_sets_every_label() -> None:
    """A label the schema gains must be translated too; only words equal in both languages may stay."""
    english = style_for("english")
    indonesian = ResolvedStyle(read_css(""))
    same_in_both = {"col-no", "col-output", "empty"}
    untranslated = [
        prop
        for prop in sorted(ELEMENTS["labels"].allowed)
        if prop not in same_in_both and english.value("labels", prop) == indonesian.value("labels", prop)
    ]
    assert untranslated == []


# -- presentasi ----------------------------------------------------------------------------------


def test_presentasi_colours_lanes_and_their_headers_by_position() -> None:
    style = style_for("presentasi")
    lanes = [style.box("lane", (), i).fill for i in range(6)]
    headers = [style.box("lane-header", (), i).fill for i in range(6)]
    assert None not in lanes and None not in headers
    assert lanes[0] != lanes[1] and headers[0] != headers[1]
    assert len(set(lanes)) == 6 and len(set(headers)) == 6
    assert style.box("lane", (), 6).fill == lanes[0]  # the colours repeat after six lanes
    for lane, header in zip(lanes, headers):
        assert lane is not None and header is not None
        assert _luminance(header) < _luminance(lane)  # the header is the stronger tint of its lane


def test_presentasi_colours_step_kinds() -> None:
    style = style_for("presentasi")
    fills = {kind: style.box("step", (kind,)).fill for kind in ("activity", "decision", "start", "end")}
    assert len(set(fills.values())) == 4


# -- docs ------------------------------------------------------------------------------------------


def test_styles_doc_is_up_to_date() -> None:
    generator = _generator()
    expected = generator.styles_markdown()
    actual = (ROOT / "docs" / "styles.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/styles.md is out of date: run python3 scripts/gen_styles_doc.py"


def test_styles_doc_covers_every_element_property_and_sheet() -> None:
    text = _generator().styles_markdown()
    for element, spec in ELEMENTS.items():
        assert f"#### `{element}`" in text
        for prop in spec.allowed:
            assert f"| `{prop}` |" in text
    for name in SHEETS:
        assert f"[`{name}`](../styles/{name}.css)" in text
        assert shipped_description(name) in text


def test_styles_doc_links_only_gallery_pictures_that_exist(tmp_path: Path) -> None:
    generator = _generator()
    (tmp_path / "default-flowchart.png").write_bytes(b"")
    text = generator.styles_markdown(gallery=tmp_path)
    assert "![default: flowchart](gallery/default-flowchart.png)" in text
    assert "![default: lampiran]" not in text
