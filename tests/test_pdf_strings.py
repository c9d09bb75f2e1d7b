"""The PDF painter's own string writer: the very operators reportlab's ``drawString`` writes, or its fallback."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas as pdfcanvas

from flowgen.render.pdf import _font_name, _Strings
from flowgen.text import FontResolver

MANY = "".join(chr(c) for c in range(0x21, 0x17F) if chr(c).isprintable())  # more glyphs than one subset holds
TEXTS = ["Surat masuk", "(kurung) \\ garis", "Ağustus — ½ ≥ 3", "a" * 300, MANY, "x"]


def _canvas(font: str, size: float) -> pdfcanvas.Canvas:
    canvas = pdfcanvas.Canvas(io.BytesIO(), invariant=1)
    canvas.setFont(font, size)
    return canvas


@pytest.mark.parametrize("font", ["truetype", "Helvetica"])
def test_strings_are_written_as_draw_string_writes_them(font: str) -> None:
    name = _font_name(FontResolver().resolve(["Liberation Sans"])) if font == "truetype" else font
    theirs, ours = _canvas(name, 9.5), _canvas(name, 9.5)
    start = len(ours._code)  # a standard font's setFont writes a line of its own
    for number, text in enumerate(TEXTS):
        theirs.drawString(10.25 + number, 700.125 - number, text)
    strings = _Strings(ours)
    assert strings.fast == (font == "truetype")
    for number, text in enumerate(TEXTS):
        strings.draw(10.25 + number, 700.125 - number, text)
    assert ours._code == theirs._code and len(ours._code) == start + len(TEXTS)
    assert ours._code[start].startswith("BT 1 0 0 1 10.25 700.125 Tm ")
    if font == "truetype":
        assert "/F2+1 9.5 Tf" in ours._code[start + 4]  # the string runs into a second subset


def test_a_canvas_drawn_top_down_goes_reportlabs_way() -> None:
    canvas = pdfcanvas.Canvas(io.BytesIO(), invariant=1, bottomup=0)
    canvas.setFont(_font_name(FontResolver().resolve(["Liberation Sans"])), 9)
    assert not _Strings(canvas).fast
