"""Catalogue thumbnails: painted at their small size, text as bars where the words are, the same bytes twice."""

from __future__ import annotations

import io

import pytest
from PIL import Image

import flowgen
from flowgen.api import flowchart_page, resolve_style
from flowgen.render import png
from flowgen.render.scene import Group, Page, Paint, Rect, Text, TextLine
from flowgen.render.thumbnail import INK_SHARE, thumbnail_png
from flowgen.text import FontResolver, measure
from tests.helpers import ROOT


def _pixels(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.copy()


def test_a_line_of_text_is_a_light_bar_of_its_measured_width() -> None:
    face = FontResolver().resolve(["Liberation Sans"])
    width = measure(face, 20, "Hello world")
    text = Text((TextLine(150, 50, "Hello world"),), face, 20, "#000000")
    page = Page(300, 100, Group((Rect(0, 0, 300, 100, Paint(None, "#000000", 2.0)), text)), "uji")
    image = _pixels(thumbnail_png(page, 150))  # half a pixel a point
    assert image.mode == "RGB" and image.size == (150, 50)
    bar = round(255 * (1 - INK_SHARE))
    assert image.getpixel((75, 22)) == (bar, bar, bar)  # the middle of the line, 11 to 2 points above its baseline
    assert image.getpixel((75, 14)) == (255, 255, 255)  # above the bar
    left = round((150 - width / 2) / 2)
    assert image.getpixel((left - 2, 22)) == (255, 255, 255) and image.getpixel((left + 2, 22)) == (bar, bar, bar)
    frame = image.getpixel((0, 25))
    assert isinstance(frame, tuple) and frame[0] < 200  # the frame is drawn


def test_a_flowchart_thumbnail_renders_no_glyph_and_is_the_same_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    procedure = flowgen.parse((ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8"))
    page = flowchart_page(procedure, resolve_style("default"))
    monkeypatch.setattr(png, "_glyphs", None)  # a glyph drawn would fail
    first = thumbnail_png(page, 150)
    assert first == thumbnail_png(page, 150)
    image = _pixels(first)
    scale = min(150 / page.width, 450 / page.height)
    assert image.size == (round(page.width * scale), round(page.height * scale))
    assert len(image.getcolors(1 << 16) or ()) > 4  # lines, lane heads and bars, not a blank picture
