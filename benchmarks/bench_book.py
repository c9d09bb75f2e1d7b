"""A unit's whole book through the command line: cold, nothing changed, one file changed.

    python benchmarks/bench_book.py              # 74 procedures, all cores
    python benchmarks/bench_book.py 200 -j 1     # other sizes, one process

Generates N procedures (benchmarks/generate.py; 6–30 steps, 2–6 actors, in
five unit folders sized like the Direktorat SMP's book: 51/11/6/4/4 of 74)
into a temporary folder and runs ``python -m flowgen build DIR`` on it three
times, printing for each the wall time and the CPU time of flowgen and every
process it started (workers, Graphviz).  It drives the flowgen that the
running interpreter imports.  No assertions: these are figures to read.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import procedure_text

UNITS = (("tata-usaha", 51), ("tata-kelola", 11), ("sarana-prasarana", 6), ("peserta-didik", 4), ("penilaian", 4))


def generate_book(folder: Path, count: int) -> list[Path]:
    """``count`` procedures spread over the five units in the book's proportions; the same on every run."""
    total = sum(n for _, n in UNITS)
    paths: list[Path] = []
    for i in range(count):
        share, unit = 0, UNITS[-1][0]
        for name, size in UNITS:
            share += size
            if i * total < share * count:
                unit = name
                break
        steps, actors = 6 + (i * 7) % 25, 2 + i % 5
        path = folder / unit / f"pos-{i + 1:03d}.pos"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(procedure_text(steps, actors, seed=5000 + i), encoding="utf-8")
        paths.append(path)
    return paths


def timed_build(folder: Path, jobs: int | None) -> tuple[float, float, str]:
    """Wall and CPU seconds of one build (CPU of flowgen and all it started), and its summary line."""
    command = [sys.executable, "-m", "flowgen", "build", str(folder)] + (["-j", str(jobs)] if jobs else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = result.stderr.strip().splitlines()
    summary = next((line for line in lines if " file(s): " in line), result.stderr.strip()[-200:])
    if result.returncode != 0:
        raise SystemExit(f"the build failed (exit {result.returncode}):\n{result.stderr}")
    return wall, cpu, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", nargs="?", type=int, default=74, help="how many procedures (default 74)")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="files built at once (default: all cores)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="flowgen-book-") as tmp:
        folder = Path(tmp) / "book"
        paths = generate_book(folder, args.count)
        steps = sum(p.read_text(encoding="utf-8").count("\n  [s") for p in paths)
        print(f"{len(paths)} procedures, {steps} steps, jobs: {args.jobs or 'all cores'}")
        print(f"{'build':<22} {'wall s':>8} {'CPU s':>8}  summary")
        figures = [("cold", timed_build(folder, args.jobs)), ("nothing changed", timed_build(folder, args.jobs))]
        changed = paths[len(paths) // 2]
        changed.write_text(changed.read_text(encoding="utf-8").replace("Menerima", "Menerima kembali", 1))
        figures.append(("one file changed", timed_build(folder, args.jobs)))
        for label, (wall, cpu, summary) in figures:
            print(f"{label:<22} {wall:>8.2f} {cpu:>8.2f}  {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
