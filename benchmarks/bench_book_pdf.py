"""The demo book (examples/book, 76 SOPs) through ``flowgen book``: cold, nothing changed, one SOP changed.

    python benchmarks/bench_book_pdf.py            # all cores
    python benchmarks/bench_book_pdf.py --jobs 1
    python benchmarks/bench_book_pdf.py --no-split # only the three builds

Copies the book's sources into a temporary folder and runs ``python -m flowgen
book DIR`` on it three times (cold; nothing changed; one SOP changed), printing
the wall-clock time and the CPU time of flowgen and every process it started.
Then, in this process, the split: the book re-assembled with every SOP up to
date (the book's own work: reading the SOPs, the contents, merging the PDFs,
links, catalogue), and every SOP's work stage by stage, one after another, so
that the layout (``flowgen/layout``: the flowchart, the table) can be told
from the rest.  The machine is shared: compare figures of one run only.
Figures to read, not a timed test.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCE = ROOT / "examples" / "book"


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_book(folder: Path, jobs: int | None) -> tuple[float, float, str]:
    """Wall and CPU seconds of one ``flowgen book`` (CPU of it and all it started), and its summary line."""
    command = [sys.executable, "-m", "flowgen", "book", str(folder)] + (["-j", str(jobs)] if jobs else [])
    before, start = _cpu_children(), time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - start, _cpu_children() - before
    if result.returncode != 0:
        raise SystemExit(f"the book failed (exit {result.returncode}):\n{result.stderr}{result.stdout}")
    summary = next((line for line in result.stdout.splitlines() if "dokumen-sop.pdf:" in line), "")
    return wall, cpu, summary.split(": ", 1)[-1]


def _stage(times: dict[str, float], name: str, work: Callable[[], Any]) -> Any:
    start = time.process_time()
    value = work()
    times[name] = times.get(name, 0.0) + time.process_time() - start
    return value


def split(folder: Path) -> None:
    """The book's own work, then every SOP's stages one after another (CPU seconds, this process)."""
    from flowgen import manifest
    from flowgen.api import flowchart_page, lampiran_document, paint_page
    from flowgen.book import build_book
    from flowgen.book.collect import discover
    from flowgen.book.sops import OPTIONS
    from flowgen.book.uptodate import BOOK_ENTRY
    from flowgen.build import Builder
    from flowgen.export import folder_esign, lampiran_pdf
    from flowgen.language.reader import analyze_file
    from flowgen.render.thumbnail import thumbnail_png

    manifest.save(folder, {BOOK_ENTRY: None})
    start = time.process_time()
    result = build_book(folder)
    own = time.process_time() - start
    print(f"book re-assembled, every SOP up to date: {own:6.2f} s CPU ({result.pages} pages, {result.kept} kept)")
    builder = Builder(OPTIONS)
    Builder.warm()
    times: dict[str, float] = {}
    for source in discover(folder):
        procedure, _found = _stage(times, "read", lambda s=source: analyze_file(s))
        style = _stage(times, "style", lambda p=procedure, s=source: builder.style_for(p, s))
        page = _stage(times, "layout: flowchart", lambda p=procedure, st=style: flowchart_page(p, st))
        _stage(times, "paint: flowchart SVG", lambda pg=page: paint_page(pg, "svg"))
        _stage(times, "paint: flowchart PNG", lambda pg=page: paint_page(pg, "png"))
        _stage(times, "paint: thumbnail", lambda pg=page: thumbnail_png(pg, OPTIONS.thumbnail))
        document = _stage(times, "layout: lampiran", lambda p=procedure, st=style: lampiran_document(p, st))
        _stage(
            times,
            "paint: lampiran PDF",
            lambda p=procedure, d=document, st=style: lampiran_pdf(p, d, st, folder_esign(p)),
        )
    total = sum(times.values())
    print(f"every SOP one after another: {total:6.2f} s CPU")
    for name, seconds in times.items():
        print(f"  {name:<24} {seconds:6.2f} s  {100 * seconds / total:5.1f} %")
    layout = sum(s for n, s in times.items() if n.startswith("layout"))
    rest = total - layout
    print(f"  layout (flowgen/layout) {layout:6.2f} s; the rest of an SOP {rest:6.2f} s; the book's own {own:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: cores)")
    parser.add_argument("--no-split", action="store_true", help="only the three builds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "book"
        ignore = shutil.ignore_patterns("*.pdf", "*.svg", "*.png", "*.json", "*.html", "*.csv", "_katalog")
        shutil.copytree(SOURCE, folder, ignore=ignore)
        print(f"{len(list(folder.rglob('*.pos')))} SOPs, {os.cpu_count()} cores, jobs: {args.jobs or 'all cores'}")
        figures = [("cold", timed_book(folder, args.jobs)), ("nothing changed", timed_book(folder, args.jobs))]
        changed = sorted(folder.rglob("*.pos"))[len(figures) * 19]
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text.replace("judul:", "judul: Revisi", 1), encoding="utf-8")
        figures.append(("one SOP changed", timed_book(folder, args.jobs)))
        print(f"{'build':<18} {'wall s':>8} {'CPU s':>8}  summary")
        for label, (wall, cpu, summary) in figures:
            print(f"{label:<18} {wall:>8.2f} {cpu:>8.2f}  {summary}")
        if not args.no_split:
            split(folder)


if __name__ == "__main__":
    main()
