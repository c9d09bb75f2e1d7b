"""The live editor's preview latency for a 40-step SOP, in a warm process.

    python benchmarks/bench_editor.py            # 40 steps, 20 edits
    python benchmarks/bench_editor.py 60 -n 50   # other sizes

What a keystroke costs once the debounce has fired: the text is sent to the
editor's drawing worker (the process ``flowgen serve`` uses, over its pipe),
read, checked and drawn as SVG, and the answer comes back.  Each edit
changes one step's text, as typing does, so no cache can answer it.  The
first call (the worker's start and warm-up) is left out and shown apart.
Prints the median, the 90th percentile and the slowest, for the flowchart
and for the lampiran (every page).  Wall time is what the writer waits,
but on a shared, loaded machine it mostly measures the other processes,
so the same edits are then drawn once more in this process (warm) and
their CPU time (with Graphviz's) is printed too.  No assertions: figures
to read (the target is 300 ms for 40 steps).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import procedure_text

from flowgen.serve.jobs import preview
from flowgen.serve.worker import Worker


def cpu() -> float:
    """CPU seconds of this process and of its finished children (Graphviz)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def summary(times: list[float]) -> str:
    times = sorted(times)
    p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
    return f"median {statistics.median(times):.0f} ms, p90 {p90:.0f} ms, slowest {times[-1]:.0f} ms"


def edits(text: str, count: int) -> list[str]:
    """``count`` versions of the text, each with one more letter typed into a step (no two alike)."""
    lines = text.split("\n")
    index = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("  ") and ":" in line and "=" not in line and "mulai" not in line
    )
    out = []
    for n in range(count):
        changed = list(lines)
        changed[index] = lines[index] + " " + "abcdefghij"[n % 10] * (1 + n // 10)
        out.append("\n".join(changed))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("steps", nargs="?", type=int, default=40)
    parser.add_argument("-n", type=int, default=20, help="edits timed per form")
    args = parser.parse_args()
    text = procedure_text(args.steps, 5)
    worker = Worker(timeout=120)
    try:
        started = time.perf_counter()
        worker.run("flowgen.serve.jobs:preview", {"text": text})
        print(f"{args.steps} steps; worker start and first drawing: {1000 * (time.perf_counter() - started):.0f} ms")
        for form in ("flowchart", "lampiran"):
            worker.run("flowgen.serve.jobs:preview", {"text": text, "form": form})  # this form warm
            times = []
            pages = 0
            for version in edits(text, args.n):
                started = time.perf_counter()
                result = worker.run("flowgen.serve.jobs:preview", {"text": version, "form": form})
                times.append(1000 * (time.perf_counter() - started))
                assert result["ok"], result["diagnostics"]
                pages = len(result["pages"])
            print(f"{form:9} ({pages} page{'s' if pages > 1 else ''}): {summary(times)} over {len(times)} edits (wall)")
        for form in ("flowchart", "lampiran"):
            preview({"text": text, "form": form})  # warm in this process
            used = []
            for version in edits(text, args.n):
                started_cpu = cpu()
                preview({"text": version, "form": form})
                used.append(1000 * (cpu() - started_cpu))
            print(f"{form:9} in this process: {summary(used)} (CPU)")
    finally:
        worker.close()


if __name__ == "__main__":
    main()
