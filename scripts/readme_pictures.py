"""Draw every picture of the README and the style gallery again, from the examples, with flowgen itself.

    .venv/bin/python scripts/readme_pictures.py          # about a minute (builds the demo book)

The pictures show what a reader gets, so they are made the way a reader makes
them: ``flowgen build`` and ``flowgen book`` in a temporary folder, PDF pages
rasterised with ``pdftoppm`` (poppler), all at the README's 80 dpi (the book's
F4 pages at 45 dpi, two side by side).  Written:

- ``docs/images/surat-masuk-flowchart.png``: the flowchart's PNG, scaled from flowgen's 150 dpi;
- ``docs/images/surat-masuk-identitas.png``, ``surat-masuk-lampiran.png``: pages 1 and 2 of the lampiran PDF;
- ``docs/images/book-cover.png``: page 1 of the demo book (and, through ``cycle_pictures.py --book``,
  its Daftar Isi, the diff pictures and the monev report);
- ``docs/gallery/*.png``: through ``gen_styles_doc.py --gallery``.

The catalogue's and the editor's screenshots come from the browser tests
(``FLOWGEN_UPDATE_SCREENSHOT=1``); the DOCX picture from LibreOffice by hand.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
FLOWGEN = [sys.executable, "-m", "flowgen"]
PNG_DPI, README_DPI, BOOK_DPI = 150, 80, 45
BOOK_OUT = Path(tempfile.gettempdir()) / "flowgen-demo-book"  # cycle_pictures.py rebuilds it from here


def page_png(pdf: Path, page: int, target: Path, dpi: int = README_DPI) -> None:
    """One page of a PDF as a PNG (pdftoppm)."""
    command = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run([*command, str(pdf), str(target.with_suffix(""))], check=True)


def scaled_png(source: Path, target: Path) -> None:
    """flowgen's PNG at the README's resolution (Lanczos, as an image viewer scales it)."""
    with Image.open(source) as image:
        scale = README_DPI / PNG_DPI
        size = (round(image.width * scale), round(image.height * scale))
        image.convert("RGB").resize(size, Image.Resampling.LANCZOS).save(target, optimize=True)


def surat_masuk(tmp: Path) -> list[Path]:
    source = ROOT / "examples" / "surat-masuk.pos"
    subprocess.run([*FLOWGEN, "build", str(source), "-o", str(tmp), "--force"], check=True, capture_output=True)
    written = [IMAGES / f"surat-masuk-{name}.png" for name in ("flowchart", "identitas", "lampiran")]
    scaled_png(tmp / "surat-masuk.flowchart.png", written[0])
    page_png(tmp / "surat-masuk.lampiran.pdf", 1, written[1])
    page_png(tmp / "surat-masuk.lampiran.pdf", 2, written[2])
    return written


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        written = surat_masuk(Path(tmp))
    subprocess.run([*FLOWGEN, "book", str(ROOT / "examples" / "book"), "-o", str(BOOK_OUT)], check=True)
    page_png(BOOK_OUT / "dokumen-sop.pdf", 1, IMAGES / "book-cover.png", dpi=BOOK_DPI)
    written.append(IMAGES / "book-cover.png")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "cycle_pictures.py"), "--book"], check=True, cwd=ROOT)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_styles_doc.py"), "--gallery"], check=True, cwd=ROOT)
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
