"""The flowchart layout's CPU over a folder of procedures (default: the demo book), one process.

    python benchmarks/bench_flowchart_cpu.py                 # examples/book
    python benchmarks/bench_flowchart_cpu.py examples -r 3   # another folder, best of 3 rounds

Calls :func:`flowgen.api.flowchart_page` on every ``.pos`` below the folder
and prints the process CPU seconds of those calls alone (parsing and style
resolution are outside the timing), best of the rounds.  The first file is
laid out once before timing, so imports and caches do not count.  No
assertions: these are figures to read.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import flowgen
from flowgen.api import flowchart_page, resolve_style


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="examples/book")
    parser.add_argument("-r", "--rounds", type=int, default=1)
    args = parser.parse_args()
    jobs = []
    for path in sorted(Path(args.folder).rglob("*.pos")):
        procedure = flowgen.load(path)
        jobs.append((procedure, resolve_style(None, procedure)))
    flowchart_page(*jobs[0])
    best = float("inf")
    for _ in range(args.rounds):
        start = time.process_time()
        for procedure, style in jobs:
            flowchart_page(procedure, style)
        best = min(best, time.process_time() - start)
    print(f"{len(jobs)} flowcharts, {best:.2f} s CPU (best of {args.rounds})")


if __name__ == "__main__":
    main()
