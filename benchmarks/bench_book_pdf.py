"""The demo book (examples/book, 76 SOPs): flowgen book from cold, then again with nothing changed.

    python benchmarks/bench_book_pdf.py            # all cores
    python benchmarks/bench_book_pdf.py --jobs 1

Copies the book's sources into a temporary folder, builds it (every SOP's lampiran PDF, flowchart
SVG/PNG and thumbnail, then the book PDF and the catalogue), builds it again (every SOP kept), and
prints the wall-clock and CPU time of each run.  A figure to read, not a timed test.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flowgen.book import build_book  # noqa: E402

SOURCE = ROOT / "examples" / "book"


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: cores)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "book"
        ignore = shutil.ignore_patterns("*.pdf", "*.svg", "*.png", "*.json", "*.html", "*.csv", "_katalog")
        shutil.copytree(SOURCE, folder, ignore=ignore)
        for label in ("cold", "again"):
            wall, cpu = time.perf_counter(), _cpu()
            result = build_book(folder, jobs=args.jobs)
            wall, cpu = time.perf_counter() - wall, _cpu() - cpu
            print(
                f"{label:>5}: {wall:6.2f} s wall, {cpu:6.2f} s CPU on {os.cpu_count()} cores — "
                f"{result.entries} SOPs, {result.pages} pages, {result.rendered} rendered, {result.kept} kept"
            )


if __name__ == "__main__":
    main()
