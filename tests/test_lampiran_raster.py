"""The PNG and the PDF draw what the SVG draws: no ink near a cell border where the SVG has none.

The geometry checks read the SVG; a signer sees the PDF (or the PNG).  If
either painter set text wider than it was measured, a cell's text would
touch its border there while the SVG looked right.  So a table page is
rasterised twice — the PNG painter's own output, and the PDF through
``pdftoppm`` — and the strip between 0.9 and 2 pt inside every border of
every text cell (the SVG keeps its text 2.5 pt from them: ``text-padding``)
must be blank paper in both.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

import flowgen
from flowgen.drawcheck import check_svg
from tests.helpers import ROOT

SVG = "{http://www.w3.org/2000/svg}"
DPI = 150.0
NEAR = 2.0  # points inside a border that must be blank
LINE = 0.75  # points past a border line's half stroke left out (its antialiasing and the pixel grid)
INK = 128  # a grey level darker than this is ink (light fills are far above it)

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")


def text_cells(svg: bytes) -> list[tuple[str, float, float, float, float]]:
    """(name, x, y, w, h) of every unfilled cell outside the Pelaksana columns (no arrow goes there)."""
    root = etree.fromstring(svg)
    found = []
    for group in root.iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        col = group.get("data-col") or ""
        if "fg-cell" not in classes or col.startswith("actor:"):
            continue
        rect = group.find(f"{SVG}rect")
        if rect is None or (rect.get("fill") or "none") not in ("none", "#ffffff", "white"):
            continue
        x, y, w, h = (float(rect.get(k) or 0) for k in ("x", "y", "width", "height"))
        found.append((f"{group.get('data-row')}/{col}", x, y, w, h))
    return found


def ink_near_borders(
    image: Image.Image, cells: list[tuple[str, float, float, float, float]], stroke: float = 0.5
) -> list[str]:
    """The cells with ink in the strip just inside one of their four borders (``stroke``: the widest line's)."""
    line = LINE + stroke / 2
    grey = image.convert("L")
    scale = grey.width / float(WIDTH[0])
    pixels = grey.load()
    assert pixels is not None
    bad = []
    for name, x, y, w, h in cells:
        strips = {
            "left": (x + line, y + line, x + NEAR, y + h - line),
            "right": (x + w - NEAR, y + line, x + w - line, y + h - line),
            "top": (x + line, y + line, x + w - line, y + NEAR),
            "bottom": (x + line, y + h - NEAR, x + w - line, y + h - line),
        }
        for side, (x0, y0, x1, y1) in strips.items():
            px = range(round(x0 * scale), round(x1 * scale) + 1)  # (the pixels whose centres lie in the strip,
            py = range(round(y0 * scale), round(y1 * scale) + 1)  # give or take half a pixel)
            if any(_grey(pixels[i, j]) < INK for i in px for j in py):
                bad.append(f"{name} ({side})")
    return bad


WIDTH = [842.0]  # the page width in points (set per page from the SVG)


@pytest.mark.parametrize("style", ["default", "kemendikbud"])
def test_png_and_pdf_keep_ink_off_cell_borders(style: str, tmp_path: Path) -> None:
    procedure = flowgen.load(ROOT / "examples" / "cuti-pegawai.pos")
    svgs = flowgen.render_lampiran_pages(procedure, style, "svg")
    pngs = flowgen.render_lampiran_pages(procedure, style, "png", dpi=DPI)
    pdf = tmp_path / "lampiran.pdf"
    pdf.write_bytes(flowgen.render_lampiran(procedure, style, "pdf"))
    page = 2  # the first table page: kegiatan, Mutu Baku and keterangan cells full of text
    svg = svgs[page - 1]
    assert check_svg(svg, rules=("text-padding",)) == []  # the SVG keeps its text off the borders
    WIDTH[0] = float(etree.fromstring(svg).get("viewBox", "0 0 842 595").split()[2])
    cells = text_cells(svg)
    assert len(cells) > 20
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", str(int(DPI)), "-f", str(page), "-l", str(page), "-png", str(pdf), str(prefix)], check=True
    )
    from_pdf = Image.open(next(tmp_path.glob("page*.png")))
    from_png = Image.open(io.BytesIO(pngs[page - 1]))
    stroke = max(float(r.get("stroke-width") or 0) for r in etree.fromstring(svg).iter(f"{SVG}rect"))
    assert ink_near_borders(from_png, cells, stroke) == []
    assert ink_near_borders(from_pdf, cells, stroke) == []


def test_ink_near_a_border_is_found() -> None:
    """The check itself: a stroke drawn 1.5 pt inside a cell's left border is found, blank paper is not."""
    WIDTH[0] = 100.0
    image = Image.new("L", (round(100 * DPI / 72), round(100 * DPI / 72)), 255)
    cells = [("1/kegiatan", 10.0, 10.0, 50.0, 30.0)]
    assert ink_near_borders(image, cells) == []
    scale = DPI / 72
    for j in range(round(20 * scale), round(30 * scale)):
        image.putpixel((round(11.5 * scale), j), 0)
    assert ink_near_borders(image, cells) == ["1/kegiatan (left)"]


def _grey(value: float | tuple[int, ...]) -> float:
    """A pixel of a greyscale image (a number) or of a colour one (its darkest channel)."""
    return float(value) if isinstance(value, int | float) else float(min(value))
