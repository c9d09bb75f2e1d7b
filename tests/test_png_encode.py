"""The PNG encoder: a valid file, the same pixels with zlib-ng or the standard library, the same bytes twice."""

from __future__ import annotations

import io
import struct
import sys
import zlib

import pytest
from PIL import Image

import flowgen
from flowgen.api import lampiran_document, resolve_style
from flowgen.render import png
from flowgen.render.png import STRIP_ROWS, render_png
from flowgen.render.scene import Circle, Group, Line, Page, Paint, Rect
from tests.helpers import ROOT

try:
    import zlib_ng  # noqa: F401

    HAVE_ZLIB_NG = True
except ImportError:
    HAVE_ZLIB_NG = False


def _colour_page() -> Page:
    """An RGB page over three strips at 150 dpi: boxes on the grid, a smoothed circle, a diagonal."""
    children = (
        Rect(10, 10, 100, 40, Paint("#ff0000", "#000000", 1.0)),
        Rect(20, 150, 60, 60, Paint("#00ff00", None)),  # across the first strip's lower edge
        Circle(150, 300, 30, Paint("#3366cc", "#000000", 1.5)),
        Line((("M", (5.0, 5.0)), ("L", (195.0, 440.0))), Paint(None, "#884400", 2.0)),
    )
    return Page(201.3, 451.7, Group(children), "uji")  # widths and heights of no round number of pixels


def _lampiran_page() -> Page:
    procedure = flowgen.parse((ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8"))
    return lampiran_document(procedure, resolve_style(None, procedure)).pages[1]


def _without_zlib_ng(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zlib_ng", None)  # `import zlib_ng` now raises ImportError
    monkeypatch.delitem(sys.modules, "zlib_ng.zlib_ng", raising=False)


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk of a PNG, each CRC checked."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        chunks.append((kind, body))
        at += 12 + length
    assert at == len(data)
    return chunks


def _pixels(data: bytes) -> tuple[str, tuple[int, int], bytes]:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.mode, image.size, image.tobytes()


@pytest.mark.parametrize("make", [_colour_page, _lampiran_page], ids=["rgb", "gray"])
def test_pixels_equal_the_standard_library_render(make: object, monkeypatch: pytest.MonkeyPatch) -> None:
    page = make()  # type: ignore[operator]
    fast = render_png(page)
    _without_zlib_ng(monkeypatch)
    reference = render_png(page)
    assert _pixels(fast) == _pixels(reference)


def test_rows_are_filtered_and_complete() -> None:
    """The decompressed stream is exactly one filter byte (0) and the row's samples for every row."""
    page = _colour_page()
    data = render_png(page)
    chunks = _chunks(data)
    assert [kind for kind, _ in chunks] == [b"IHDR", b"pHYs", b"IDAT", b"IEND"]
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    assert (width, height, depth, colour) == (420, 942, 8, 2)  # ceil(201.3 * 150/72), ceil(451.7 * 150/72), RGB
    assert height > 2 * STRIP_ROWS
    stream = zlib.decompress(chunks[2][1])
    assert len(stream) == height * (width * 3 + 1)
    assert set(stream[:: width * 3 + 1]) == {0}
    mode, size, pixels = _pixels(data)
    assert (mode, size) == ("RGB", (width, height))
    row = width * 3
    assert b"".join(stream[y * (row + 1) + 1 : (y + 1) * (row + 1)] for y in range(height)) == pixels
    assert pixels[(40 * width + 60) * 3 : (40 * width + 60) * 3 + 3] == b"\xff\x00\x00"  # inside the red box
    green = round(200 * 150 / 72) * width + round(50 * 150 / 72)  # the green box in the second strip
    assert pixels[green * 3 : green * 3 + 3] == b"\x00\xff\x00"


def test_same_bytes_twice() -> None:
    page = _lampiran_page()
    assert render_png(page) == render_png(page)
    colour = _colour_page()
    assert render_png(colour) == render_png(colour)


def test_falls_back_to_the_standard_library(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_zlib_ng(monkeypatch)
    assert type(png._compressor()) is type(zlib.compressobj())
    data = render_png(_colour_page())
    assert _pixels(data)[:2] == ("RGB", (420, 942))
    assert data == render_png(_colour_page())


@pytest.mark.skipif(not HAVE_ZLIB_NG, reason="zlib-ng not installed")
def test_uses_zlib_ng_when_installed() -> None:
    from zlib_ng import zlib_ng as fast

    assert type(png._compressor()) is type(fast.compressobj())
