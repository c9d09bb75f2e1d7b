"""Draw the README pictures of the yearly cycle from the demo files, the way a reader would see them.

    .venv/bin/python scripts/cycle_pictures.py [--book]

- ``docs/images/surat-masuk-diff-text.png``: ``flowgen diff`` of the example and its second revision
  as a terminal shows it (the command's own colours, DejaVu Sans Mono);
- ``docs/images/surat-masuk-diff.png``: the marked lampiran's table page (``--format pdf``, page 2);
- ``docs/images/monev-laporan.png``: the first page of the demo book's Laporan Hasil Monitoring dan
  Evaluasi (``examples/monev/laporan-monev.pdf``);
- with ``--book``, ``docs/images/book-contents.png``: the first page of the demo book's Daftar Isi,
  with the revisions (builds the whole book into a temporary folder kept for the next run).

PDF pages are rasterised with ``pdftoppm`` (poppler) at the resolution the README's pictures use.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
FLOWGEN = [sys.executable, "-m", "flowgen"]
OLD, NEW = ROOT / "examples" / "surat-masuk.pos", ROOT / "examples" / "revisi" / "surat-masuk-2.pos"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
MONO_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
# a light terminal: the ANSI colours click uses, dark enough to read on white
COLOURS = {"32": (22, 128, 40), "31": (190, 30, 30), "33": (150, 110, 0), "36": (0, 120, 150)}
INK, PAPER = (30, 30, 30), (250, 250, 248)
CONTENTS_PAGE = 3  # the cover, the decree's page, then the Daftar Isi
BOOK_OUT = Path(tempfile.gettempdir()) / "flowgen-demo-book"  # kept: a second run rebuilds only what changed
ANSI = re.compile(r"\x1b\[([0-9;]*)m")


def _runs(line: str) -> list[tuple[str, tuple[int, int, int], bool]]:
    """A line of coloured terminal text as (text, colour, bold) runs."""
    runs: list[tuple[str, tuple[int, int, int], bool]] = []
    colour, bold, at = INK, False, 0
    for match in ANSI.finditer(line):
        if match.start() > at:
            runs.append((line[at : match.start()], colour, bold))
        for code in match.group(1).split(";"):
            if code in ("0", ""):
                colour, bold = INK, False
            elif code == "1":
                bold = True
            elif code in COLOURS:
                colour = COLOURS[code]
        at = match.end()
    if at < len(line):
        runs.append((line[at:], colour, bold))
    return runs


def terminal_png(text: str, target: Path, size: int = 14) -> None:
    """Coloured terminal text drawn as a PNG, a prompt line first."""
    regular, heavy = ImageFont.truetype(MONO, size), ImageFont.truetype(MONO_BOLD, size)
    lines = text.rstrip("\n").split("\n")
    advance = regular.getlength("M")
    height = round(size * 1.45)
    widest = max(len(ANSI.sub("", line)) for line in lines)
    pad = 16
    image = Image.new("RGB", (round(widest * advance) + 2 * pad, len(lines) * height + 2 * pad), PAPER)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        x = float(pad)
        for part, colour, bold in _runs(line):
            draw.text((x, pad + row * height), part, fill=colour, font=heavy if bold else regular)
            x += advance * len(part)
    image.save(target, optimize=True)


def page_png(pdf: Path, page: int, target: Path, dpi: int = 80) -> None:
    """One page of a PDF as a PNG (pdftoppm)."""
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
    )


def main() -> None:
    shown = subprocess.run(
        [*FLOWGEN, "diff", "--color", str(OLD.relative_to(ROOT)), str(NEW.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    prompt = f"$ flowgen diff {OLD.relative_to(ROOT)} {NEW.relative_to(ROOT)}\n"
    terminal_png(prompt + shown, IMAGES / "surat-masuk-diff-text.png")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([*FLOWGEN, "diff", "--format", "pdf", "-o", tmp, str(OLD), str(NEW)], check=True)
        (marked,) = Path(tmp).glob("*.pdf")
        page_png(marked, 2, IMAGES / "surat-masuk-diff.png")
        if "--book" in sys.argv:  # builds the whole demo book (every SOP): a few minutes
            subprocess.run([*FLOWGEN, "book", str(ROOT / "examples" / "book"), "-o", str(BOOK_OUT)], check=True)
            page_png(BOOK_OUT / "dokumen-sop.pdf", CONTENTS_PAGE, IMAGES / "book-contents.png", dpi=45)
    page_png(ROOT / "examples" / "monev" / "laporan-monev.pdf", 1, IMAGES / "monev-laporan.png")
    for name in ("surat-masuk-diff-text", "surat-masuk-diff", "monev-laporan", "book-contents"):
        if name != "book-contents" or "--book" in sys.argv:
            print(IMAGES / f"{name}.png")


if __name__ == "__main__":
    main()
