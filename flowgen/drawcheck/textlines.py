"""Lines of text as boxes on the page, measured with the font file the SVG names at its exact size.

A text rule is only as good as its widths.  The checker finds the face the
way the painters do (:class:`flowgen.text.FontResolver`: the first installed
family of the ``font-family`` list, bold from ``font-weight``, italic from
``font-style``) and measures each line with Pillow at 1000 pixels, scaled to
the line's size: measuring at a rounded small size would under-measure
fractional sizes (8.1 pt measured as 8 pt), which is the very fault the text
rules must catch.  The outside checker ``svgcheck`` measures the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from PIL import ImageFont

from flowgen.drawcheck.plane import Box
from flowgen.drawcheck.svgshapes import SVG, Matrices, apply, number, style_property
from flowgen.text import FontFace, FontNotFound, FontResolver

MEASURE_PIXELS = 1000  # text is measured this large and scaled to its size
ASCENT = 0.78  # a line's box: this much of the size above the baseline ...
DESCENT = 0.2  # ... and this much below
DEFAULT_SIZE = 14.0  # SVG's initial font-size (in user units)
FALLBACK = ("sans-serif",)  # measured with this when no family of the list is installed


@dataclass(frozen=True)
class TextLine:
    """One drawn line of text and the box it covers on the page."""

    box: Box
    content: str


@functools.lru_cache(maxsize=32)
def _large(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, MEASURE_PIXELS)


@functools.lru_cache(maxsize=65536)
def _large_width(path: str, content: str) -> float:
    """Advance width of ``content`` at MEASURE_PIXELS (the same lines recur on every page of a document)."""
    return float(_large(path).getlength(content))


def _families(value: str) -> list[str]:
    return [f.strip().strip("'\"") for f in value.split(",") if f.strip()]


def _bold(weight: str) -> bool:
    weight = weight.strip().lower()
    return weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)


class TextMeasurer:
    """Measures the lines of ``<text>`` elements; remembers the faces it resolved (so it may serve many pages)."""

    def __init__(self, resolver: FontResolver | None = None):
        self.resolver = resolver or FontResolver()
        self._faces: dict[tuple[str, bool, bool], FontFace | None] = {}

    def face(self, family: str, bold: bool, italic: bool) -> FontFace | None:
        """The face a ``font-family`` list means (the fallback family when none is installed)."""
        key = (family, bold, italic)
        if key not in self._faces:
            found: FontFace | None = None
            for families in (_families(family), FALLBACK):
                try:
                    found = self.resolver.resolve(families, bold, italic)
                    break
                except FontNotFound:
                    continue
            self._faces[key] = found
        return self._faces[key]

    def width(self, element: etree._Element, content: str) -> float:
        """Advance width of ``content`` drawn with the font properties ``element`` has or inherits."""
        size = number(style_property(element, "font-size"), DEFAULT_SIZE)
        family = style_property(element, "font-family") or "sans-serif"
        bold = _bold(style_property(element, "font-weight") or "normal")
        italic = (style_property(element, "font-style") or "normal").strip().lower() in ("italic", "oblique")
        face = self.face(family, bold, italic)
        if face is None:
            return 0.6 * size * len(content)  # no font at all: a typical average advance
        return _large_width(face.path, content) * size / MEASURE_PIXELS

    def lines(self, text: etree._Element, matrices: Matrices) -> list[TextLine]:
        """The page boxes of a ``<text>`` element's lines (each ``<tspan>`` with an x or y is a line)."""
        spans = [t for t in text.iter(f"{SVG}tspan") if t.get("x") is not None or t.get("y") is not None]
        parts: Sequence[etree._Element] = spans or [text]
        out = []
        for element in parts:
            content = "".join(str(piece) for piece in element.itertext()).strip()
            if not content:
                continue
            x = number(element.get("x"), number(text.get("x")))
            y = number(element.get("y"), number(text.get("y")))
            size = number(style_property(element, "font-size"), DEFAULT_SIZE)
            width = self.width(element, content)
            anchor = style_property(element, "text-anchor") or "start"
            x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
            m = matrices.of(element)
            corners = [apply(m, x0, y - ASCENT * size), apply(m, x0 + width, y + DESCENT * size)]
            out.append(TextLine(Box.of(corners), content))
        return out
