"""PNG painter: a scene page to a raster image with Pillow, drawn the way the SVG is.

Straight lines and boxes are laid on whole pixels, so table lines come out
crisp; diagonal and curved shapes (diamonds, capsules, circles, arrow heads,
curves) are drawn twice as fine in a small patch and laid on the page with
smooth edges; text is drawn by FreeType at its exact size, each run of a line
where the layout measured it (kerning included).  A long flowchart at
150 dpi can be tens of megapixels, so the page is drawn in horizontal strips and the PNG is encoded
row by row as strips are finished: memory stays at one strip, whatever the
length of the procedure.  Pages drawn only in grays are written as
grayscale PNGs (a third of the data).  Deflate is zlib-ng's when the ``zlib-ng``
package is installed (several times faster than the system zlib at the same
level, and smaller), the standard library's otherwise: either way the file is a
valid PNG with the same pixels, and the same bytes on every run with one library.
"""

from __future__ import annotations

import functools
import itertools
import math
import struct
import zlib
from collections.abc import Iterator, Sequence
from typing import Protocol

from PIL import Image as PILImage
from PIL import ImageDraw

from flowgen.layout.geometry import bezier
from flowgen.render.scene import Circle, Group, Image, Item, Line, Page, Paint, Point, Polygon, Rect, Text, colors
from flowgen.text import kerned_runs, pillow_font

SUPERSAMPLE = 2
STRIP_ROWS = 384  # output rows per strip


@functools.lru_cache(maxsize=1024)
def _rgb(color: str) -> tuple[int, int, int]:
    """``#rrggbb`` as numbers (cached: a page asks for its few colours thousands of times)."""
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _is_gray(color: str) -> bool:
    if color == "#image":
        return False
    r, g, b = _rgb(color)
    return r == g == b


def _flatten(item: Line) -> list[Point]:
    points: list[Point] = []
    for cmd, args in item.commands:
        if cmd in ("M", "L"):
            points.append((args[0], args[1]))
        elif cmd == "C" and points:
            points += bezier(points[-1], (args[0], args[1]), (args[2], args[3]), (args[4], args[5]), steps=16)
    return points


def _dashed(points: Sequence[Point], dash: Sequence[float]) -> Iterator[list[Point]]:
    """Split a polyline into the visible pieces of a dash pattern."""
    pattern = list(dash) if len(dash) % 2 == 0 else list(dash) * 2
    index, left, on = 0, pattern[0], True
    current: list[Point] = [points[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        done = 0.0
        while length - done > left:
            done += left
            t = done / length
            point = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if on:
                current.append(point)
                yield current
            current = [point]
            on = not on
            index = (index + 1) % len(pattern)
            left = pattern[index]
        left -= length - done
        current.append((x1, y1))
    if on and len(current) > 1:
        yield current


class _Strip:
    """Draws scene items into an image: a strip of the page, or a small patch drawn finer.

    ``k`` is how many image pixels make one output pixel (1 for the strip, 2 for the
    patches that smooth diagonal shapes); ``left`` and ``top`` place the image on the page.
    """

    def __init__(self, image: PILImage.Image, scale: float, top: float, gray: bool, k: int = 1, left: float = 0.0):
        self.draw = ImageDraw.Draw(image)
        self.image = image
        self.scale = scale
        self.top = top
        self.left = left
        self.k = k
        self.gray = gray
        self.bars: set[tuple[tuple[int, int, int, int], object]] = set()

    def color(self, color: str | None) -> int | tuple[int, int, int] | None:
        if color is None:
            return None
        r, g, b = _rgb(color)
        return r if self.gray else (r, g, b)

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.scale - self.left, y * self.scale - self.top)

    def width(self, w: float) -> int:
        return max(1, round(w * self.scale))

    def item(self, item: Item) -> None:
        if isinstance(item, Group):
            for child in item.children:
                self.item(child)
        elif isinstance(item, Rect):
            self.rect(item)
        elif isinstance(item, Polygon):
            self.polygon(item.points, item.paint)
        elif isinstance(item, Circle):
            self.circle(item)
        elif isinstance(item, Line):
            self.line(_flatten(item), item.paint)
        elif isinstance(item, Text):
            self.text(item)
        elif isinstance(item, Image):
            self.picture(item)

    def pixels(self, width: float) -> int:
        """A stroke width in whole output pixels (at least one), so grid lines come out crisp."""
        return max(1, round(width * self.scale / self.k))

    def bar(self, a: Point, b: Point, pixels: int, fill: int | tuple[int, int, int]) -> None:
        """An axis-aligned run drawn as a rectangle aligned to the output pixel grid."""
        k = self.k
        (ax, ay), (bx, by) = self.xy(*a), self.xy(*b)
        ax, ay, bx, by = ax / k, ay / k, bx / k, by / k  # output pixels

        def centre(v: float) -> float:
            return math.floor(v) + 0.5 if pixels % 2 else float(round(v))

        half = pixels / 2
        if abs(ay - by) < abs(ax - bx):  # horizontal
            y = centre(ay)
            x0, x1 = min(ax, bx), max(ax, bx)
            box = (round(x0 - half), round(y - half), round(x1 + half), round(y + half))
        else:
            x = centre(ax)
            y0, y1 = min(ay, by), max(ay, by)
            box = (round(x - half), round(y0 - half), round(x + half), round(y1 + half))
        if box[2] > box[0] and box[3] > box[1] and (box, fill) not in self.bars:
            self.bars.add((box, fill))  # neighbouring cells share their borders: draw each once
            self.draw.rectangle((box[0] * k, box[1] * k, box[2] * k - 1, box[3] * k - 1), fill=fill)

    def rect(self, item: Rect) -> None:
        if item.radius <= 0 and not item.paint.dash:
            self.square(item)
            return
        x0, y0 = self.xy(item.x, item.y)
        x1, y1 = self.xy(item.x + item.w, item.y + item.h)
        radius = item.radius * self.scale
        fill = self.color(item.paint.fill)
        if fill is not None:
            if radius > 0:
                self.draw.rounded_rectangle((x0, y0, x1, y1), radius=radius, fill=fill)
            else:
                self.draw.rectangle((x0, y0, x1, y1), fill=fill)
        stroke = self.color(item.paint.stroke)
        if stroke is not None and item.paint.stroke_width > 0:
            half = item.paint.stroke_width * self.scale / 2
            box = (x0 - half, y0 - half, x1 + half, y1 + half)
            if item.paint.dash:
                corners = [
                    (item.x, item.y),
                    (item.x + item.w, item.y),
                    (item.x + item.w, item.y + item.h),
                    (item.x, item.y + item.h),
                    (item.x, item.y),
                ]
                self.line(corners, Paint(None, item.paint.stroke, item.paint.stroke_width, item.paint.dash))
            elif radius > 0:
                self.draw.rounded_rectangle(
                    box, radius=radius + half, outline=stroke, width=self.width(item.paint.stroke_width)
                )
            else:
                self.draw.rectangle(box, outline=stroke, width=self.width(item.paint.stroke_width))

    def square(self, item: Rect) -> None:
        """A plain rectangle with its outline on the pixel grid."""
        k = self.k
        fill = self.color(item.paint.fill)
        stroke = self.color(item.paint.stroke)
        corners = [
            (item.x, item.y),
            (item.x + item.w, item.y),
            (item.x + item.w, item.y + item.h),
            (item.x, item.y + item.h),
        ]
        if fill is not None:
            x0, y0 = self.xy(item.x, item.y)
            x1, y1 = self.xy(item.x + item.w, item.y + item.h)
            self.draw.rectangle(
                (round(x0 / k) * k, round(y0 / k) * k, round(x1 / k) * k - 1, round(y1 / k) * k - 1), fill=fill
            )
        if stroke is not None and item.paint.stroke_width > 0:
            pixels = self.pixels(item.paint.stroke_width)
            for a, b in zip(corners, [*corners[1:], corners[0]]):
                self.bar(a, b, pixels, stroke)

    def polygon(self, points: Sequence[Point], paint: Paint) -> None:
        scaled = [self.xy(x, y) for x, y in points]
        fill = self.color(paint.fill)
        if fill is not None:
            self.draw.polygon(scaled, fill=fill)
        if paint.stroke and paint.stroke_width > 0:
            self.line([*points, points[0], points[1]], paint)

    def circle(self, item: Circle) -> None:
        cx, cy = self.xy(item.cx, item.cy)
        r = item.r * self.scale
        fill = self.color(item.paint.fill)
        if fill is not None:
            self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)
        stroke = self.color(item.paint.stroke)
        if stroke is not None and item.paint.stroke_width > 0:
            half = item.paint.stroke_width * self.scale / 2
            self.draw.ellipse(
                (cx - r - half, cy - r - half, cx + r + half, cy + r + half),
                outline=stroke,
                width=self.width(item.paint.stroke_width),
            )

    def line(self, points: Sequence[Point], paint: Paint) -> None:
        stroke = self.color(paint.stroke)
        if stroke is None or paint.stroke_width <= 0 or len(points) < 2:
            return
        width = self.width(paint.stroke_width)
        pieces = _dashed(points, paint.dash) if paint.dash else iter([list(points)])
        for piece in pieces:
            if all(abs(a[0] - b[0]) < 0.01 or abs(a[1] - b[1]) < 0.01 for a, b in itertools.pairwise(piece)):
                pixels = self.pixels(paint.stroke_width)
                for a, b in itertools.pairwise(piece):
                    self.bar(a, b, pixels, stroke)
                continue
            scaled = [self.xy(x, y) for x, y in piece]
            self.draw.line(scaled, fill=stroke, width=width, joint="curve")

    def text(self, item: Text) -> None:
        """Each line at its measured width: in kerning-free runs, each laid at its measured place.

        Glyphs are rendered at the exact fractional pixel size and each run starts at
        its place to a sixteenth of a pixel, so a line is as wide as the layout measured.
        """
        pixels = item.size * self.scale
        fill = self.color(item.color)
        ink = None
        for line in item.lines:
            width, runs = kerned_runs(item.face, item.size, line.text)
            start = line.x - (width / 2 if item.anchor == "middle" else width if item.anchor == "end" else 0.0)
            for offset, run in runs:
                x, y = self.xy(start + offset, line.y)
                whole = math.floor(x)
                frac = round((x - whole) * 16) / 16
                mask = _glyphs(item.face.path, pixels, run, frac)
                if mask is None:  # an older Pillow without the pieces used below: draw it the plain way
                    font = pillow_font(item.face.path, pixels)
                    self.draw.text((x, y), run, font=font, fill=fill, anchor="ls")
                    continue
                bitmap, (dx, dy) = mask
                if ink is None:
                    ink = self.draw._getink(fill)[0]  # the same for every run of the item
                self.draw.draw.draw_bitmap((whole + dx, round(y) + dy), bitmap, ink)

    def picture(self, item: Image) -> None:
        with PILImage.open(item.file) as source:
            picture = source.convert("RGBA")
        x0, y0 = self.xy(item.x, item.y)
        w, h = round(item.w * self.scale), round(item.h * self.scale)
        ratio = min(w / picture.width, h / picture.height)
        size = (max(1, round(picture.width * ratio)), max(1, round(picture.height * ratio)))
        picture = picture.resize(size, PILImage.Resampling.LANCZOS)
        at = (round(x0 + (w - size[0]) / 2), round(y0 + (h - size[1]) / 2))
        if self.gray:
            picture = picture.convert("LA")
        self.image.paste(picture, at, picture)


def _straight(item: Item) -> bool:
    """Drawn exactly on the pixel grid, with no smoothing needed."""
    if isinstance(item, Rect):
        return item.radius <= 0 and not item.paint.dash
    if isinstance(item, Line):
        points = _flatten(item)
        return all(cmd in ("M", "L") for cmd, _ in item.commands) and all(
            abs(a[0] - b[0]) < 0.01 or abs(a[1] - b[1]) < 0.01 for a, b in itertools.pairwise(points)
        )
    return isinstance(item, Text | Image)


def _bounds(item: Item) -> tuple[float, float, float, float]:
    if isinstance(item, Rect):
        return (item.x, item.y, item.x + item.w, item.y + item.h)
    if isinstance(item, Circle):
        return (item.cx - item.r, item.cy - item.r, item.cx + item.r, item.cy + item.r)
    points = list(item.points) if isinstance(item, Polygon) else _flatten(item) if isinstance(item, Line) else []
    xs, ys = [p[0] for p in points] or [0.0], [p[1] for p in points] or [0.0]
    return (min(xs), min(ys), max(xs), max(ys))


def _smooth(strip: _Strip, item: Rect | Polygon | Circle | Line) -> None:
    """Draw a diagonal or curved shape twice as fine in a small patch, then lay it on the strip.

    Fill and outline are drawn as separate coverage masks and laid with their colours,
    so the shape looks the same as if the whole page had been drawn finer, at a
    fraction of the cost.
    """
    k = SUPERSAMPLE
    x0, y0, x1, y1 = _bounds(item)
    pad = item.paint.stroke_width + 2
    left = max(0, math.floor((x0 - pad) * strip.scale))
    top = max(0, math.floor((y0 - pad) * strip.scale - strip.top))
    right = min(strip.image.width, math.ceil((x1 + pad) * strip.scale))
    bottom = min(strip.image.height, math.ceil((y1 + pad) * strip.scale - strip.top))
    if right <= left or bottom <= top:
        return
    size = ((right - left) * k, (bottom - top) * k)
    paint = item.paint
    layers = []
    if paint.fill is not None and not isinstance(item, Line):
        layers.append((paint.fill, Paint("#ffffff", None, 0.0)))
    if paint.stroke is not None and paint.stroke_width > 0:
        layers.append((paint.stroke, Paint(None, "#ffffff", paint.stroke_width, paint.dash)))
    for color, mask_paint in layers:
        mask = PILImage.new("L", size, 0)
        painter = _Strip(mask, strip.scale * k, (strip.top + top) * k, True, k, left * k)
        if isinstance(item, Rect):
            painter.rect(Rect(item.x, item.y, item.w, item.h, mask_paint, item.radius))
        elif isinstance(item, Polygon):
            painter.polygon(item.points, mask_paint)
        elif isinstance(item, Circle):
            painter.circle(Circle(item.cx, item.cy, item.r, mask_paint))
        else:
            painter.line(_flatten(item), mask_paint)
        ink = strip.color(color)
        strip.image.paste(ink, (left, top, right, bottom), mask.reduce(k))  # type: ignore[arg-type]


@functools.lru_cache(maxsize=8192)
def _glyphs(path: str, pixels: float, text: str, frac: float) -> tuple[object, tuple[int, int]] | None:
    """The rendered mask of a run of text starting ``frac`` of a pixel right (cached: headers repeat)."""
    try:
        mask, offset = pillow_font(path, pixels).getmask2(text, "L", anchor="ls", start=(frac, 0.0))
    except (TypeError, AttributeError):
        return None
    return mask, (int(offset[0]), int(offset[1]))


# zlib-ng's 2: on the demo book's 76 flowcharts (1.4 GB of rows) 0.57 s and 17.50 MB, where its 3 takes
# 0.80 s for 17.56 MB and its 1 0.43 s for 30.2 MB (it switches to a cruder match finder below 2)
DEFLATE_LEVEL = 2


class _Compressor(Protocol):
    def compress(self, data: bytes | memoryview, /) -> bytes: ...

    def flush(self) -> bytes: ...


def _compressor() -> _Compressor:
    """zlib-ng's deflate if it is installed, the standard library's if not (same format, same pixels).

    Imported on each page rather than once, so a test can take zlib-ng away;
    after the first time it is a dictionary look-up.
    """
    try:
        from zlib_ng import zlib_ng
    except ImportError:
        return zlib.compressobj(DEFLATE_LEVEL)
    return zlib_ng.compressobj(DEFLATE_LEVEL)


def _parts(kind: bytes, data: bytes | bytearray) -> tuple[bytes, bytes, bytes | bytearray, bytes]:
    """A chunk's length, type, data and CRC, to be joined once with the others (the image data is large)."""
    crc = zlib.crc32(data, zlib.crc32(kind)) & 0xFFFFFFFF
    return struct.pack(">I", len(data)), kind, data, struct.pack(">I", crc)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return b"".join(_parts(kind, data))


def _extent(item: Item) -> tuple[float, float]:
    """Top and bottom of an item in points (text included, roughly, by its font size)."""
    if isinstance(item, Text):
        ys = [line.y for line in item.lines]
        return (min(ys) - item.size, max(ys) + item.size * 0.4) if ys else (0.0, 0.0)
    if isinstance(item, Rect | Image):
        return (item.y, item.y + item.h)
    if isinstance(item, Circle):
        return (item.cy - item.r, item.cy + item.r)
    if isinstance(item, Polygon):
        ys = [p[1] for p in item.points]
        return (min(ys), max(ys))
    if isinstance(item, Line):
        ys = [p[1] for p in _flatten(item)] or [0.0]
        return (min(ys), max(ys))
    return (0.0, 0.0)


def _leaves(item: Item) -> Iterator[Item]:
    if isinstance(item, Group):
        for child in item.children:
            yield from _leaves(child)
    else:
        yield item


def _scanlines(strip: PILImage.Image, mode: str, stride: int) -> memoryview:
    """The strip's rows, each followed by one zero byte: the filter byte (0, none) of the next PNG row.

    Pillow's raw encoder packs the rows with that padding in one C call; asked for
    the whole strip at once, it returns one bytes object, where ``tobytes`` would
    gather pieces of 64 KiB and join them (a second copy of every strip).  The
    stream is then one zero, every strip's bytes, less the very last (padding after
    the last row).
    """
    size = stride * strip.height
    encoder = PILImage._getencoder(mode, "raw", (mode, stride))
    encoder.setimage(strip.im, (0, 0, strip.width, strip.height))
    pieces = []
    while True:
        _, status, data = encoder.encode(size)
        pieces.append(data)
        if status:
            break
    return memoryview(pieces[0] if len(pieces) == 1 else b"".join(pieces))


def render_png(page: Page, dpi: float = 150) -> bytes:
    """The page as PNG bytes at ``dpi`` dots per inch."""
    pixels_per_point = dpi / 72.0
    width = max(1, math.ceil(page.width * pixels_per_point))
    height = max(1, math.ceil(page.height * pixels_per_point))
    gray = all(_is_gray(c) for c in colors(page))
    mode = "L" if gray else "RGB"
    margin = 4.0  # points of stroke and antialiasing around each item
    items = [
        (top - margin, bottom + margin, item) for item in _leaves(page.root) for top, bottom in [_extent(item)]
    ]  # in painting order
    background = page.background or "#ffffff"
    fill: int | tuple[int, int, int] = _rgb(background)[0] if gray else _rgb(background)
    compressor = _compressor()
    body = bytearray(compressor.compress(b"\x00"))  # the first row's filter byte
    row_bytes = width * (1 if gray else 3)
    # each item goes to the strips it reaches, kept in painting order
    strips: list[list[Item]] = [[] for _ in range(0, height, STRIP_ROWS)]
    for start, end, item in items:
        low = max(0, int(start * pixels_per_point) // STRIP_ROWS)
        high = min(len(strips) - 1, math.ceil(end * pixels_per_point) // STRIP_ROWS)
        for k in range(low, high + 1):
            strips[k].append(item)
    strip = PILImage.new(mode, (width, min(STRIP_ROWS, height)), fill)
    for number, first in enumerate(range(0, height, STRIP_ROWS)):
        rows = min(STRIP_ROWS, height - first)
        if number and rows == strip.height:  # the same image for every strip: one allocation per page
            strip.paste(fill, (0, 0, width, rows))
        elif number:
            strip = PILImage.new(mode, (width, rows), fill)
        painter = _Strip(strip, pixels_per_point, first, gray)
        for item in strips[number]:
            if _straight(item):  # grid lines and boxes on whole pixels, text by FreeType at its size
                painter.item(item)
            else:  # diamonds, capsules, circles, arrow heads, curves: smoothed in a finer patch
                _smooth(painter, item)  # type: ignore[arg-type]
        padded = _scanlines(strip, mode, row_bytes + 1)
        body += compressor.compress(padded if first + rows < height else padded[:-1])
    body += compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0 if gray else 2, 0, 0, 0)
    dots_per_metre = round(dpi / 0.0254)
    physical = struct.pack(">IIB", dots_per_metre, dots_per_metre, 1)
    signature = b"\x89PNG\r\n\x1a\n"
    return b"".join(
        (signature, _chunk(b"IHDR", header), _chunk(b"pHYs", physical), *_parts(b"IDAT", body), _chunk(b"IEND", b""))
    )
