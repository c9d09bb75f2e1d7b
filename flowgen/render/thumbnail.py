"""Thumbnails: a flowchart painted directly at a few times its small size, its text "greeked".

A catalogue of a hundred SOPs needs a hundred thumbnails.  Painting each
flowchart as a full PNG page and scaling it down spent most of its time
having FreeType render glyphs that end up one or two pixels high, unreadable
at 150 pixels wide.  Here the page is drawn once at :data:`OVERSAMPLE` times
the thumbnail's size with the PNG painter's primitives, every line of text as
a light bar of its measured width (where the words are, which is all a
thumbnail can show), and the picture is reduced by averaging each
``OVERSAMPLE × OVERSAMPLE`` block (smooth edges without a second smoothing
pass).  The same scene gives the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image as PILImage

from flowgen.render.png import _is_gray, _leaves, _rgb, _Strip
from flowgen.render.scene import Page, Text, colors
from flowgen.text import measure

OVERSAMPLE = 3  # painted this much finer than the thumbnail, then reduced by averaging
INK_SHARE = 0.35  # a text bar's colour: this much of the text's colour, the rest the page's background
BAR_TOP = 0.55  # a bar spans from this many ems above the baseline …
BAR_BOTTOM = 0.1  # … to this many ems above it (about the height of the lowercase letters)


class _Greeked(_Strip):
    """The PNG painter with text drawn as bars: the shapes are the PNG painter's own."""

    def __init__(self, image: PILImage.Image, scale: float, gray: bool, background: str):
        super().__init__(image, scale, 0.0, gray)
        self.background = _rgb(background)

    def text(self, item: Text) -> None:
        """Each line as a bar where its words are, in a lightened text colour."""
        ink = tuple(
            round(share * INK_SHARE + back * (1 - INK_SHARE))
            for share, back in zip(_rgb(item.color), self.background, strict=True)
        )
        fill = ink[0] if self.gray else ink
        for line in item.lines:
            width = measure(item.face, item.size, line.text)
            if width <= 0:
                continue
            start = line.x - (width / 2 if item.anchor == "middle" else width if item.anchor == "end" else 0.0)
            x0, y0 = self.xy(start, line.y - BAR_TOP * item.size)
            x1, y1 = self.xy(start + width, line.y - BAR_BOTTOM * item.size)
            left, top = round(x0), round(y0)
            self.draw.rectangle((left, top, max(left, round(x1) - 1), max(top, round(y1) - 1)), fill=fill)


def thumbnail_png(page: Page, width: int) -> bytes:
    """The flowchart as a small RGB PNG, at most ``width`` wide and three times that high."""
    scale = min(width / page.width, 3 * width / page.height)  # pixels per point
    size = (max(1, round(page.width * scale)), max(1, round(page.height * scale)))
    gray = all(_is_gray(c) for c in colors(page))
    background = page.background or "#ffffff"
    back = _rgb(background)
    k = OVERSAMPLE
    image = PILImage.new("L" if gray else "RGB", (size[0] * k, size[1] * k), back[0] if gray else back)
    painter = _Greeked(image, scale * k, gray, background)
    for item in _leaves(page.root):
        painter.item(item)
    small = image.reduce(k).convert("RGB")
    buffer = io.BytesIO()
    small.save(buffer, "PNG")
    return buffer.getvalue()
