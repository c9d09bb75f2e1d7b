"""How long flowgen takes, and where the time goes.

    python benchmarks/bench_render.py            # 12, 40 and 200 steps
    python benchmarks/bench_render.py 1000       # other sizes

For each size it prints, best of a few runs (the machine is shared and noisy):
the flowchart (SVG+PNG) with the time of the two Graphviz runs it makes,
and flowgen's own share; the lampiran in every format (no Graphviz);
the whole build; peak memory of each (tracemalloc: Python allocations,
Pillow's and Graphviz's memory not included; the script also prints the
process's maximum resident size).  No assertions: these are figures to read.
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import procedure_text

import flowgen
from flowgen.api import flowchart_page, lampiran_document, paint_page, resolve_style
from flowgen.layout.flowchart import graphviz as gv
from flowgen.layout.flowchart.place import layout_flowchart
from flowgen.render.pdf import render_pdf

ACTORS = {12: 5, 40: 6, 200: 8}


def best(func: Callable[[], object], runs: int) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def peak(func: Callable[[], object]) -> float:
    tracemalloc.start()
    func()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 1e6


def main(sizes: list[int]) -> None:
    print(
        f"{'steps':>5} {'actors':>6} | {'flowchart svg+png':>17} {'dot+neato':>9} {'flowgen':>8} | "
        f"{'lampiran all':>12} {'pages':>5} | {'build all':>9} | {'peak MB fc/lamp':>15}"
    )
    for steps in sizes:
        actors = ACTORS.get(steps, 6)
        text = procedure_text(steps, actors)
        procedure = flowgen.parse(text)
        style = resolve_style(None, procedure)
        runs = 5 if steps <= 40 else 3

        def flowchart() -> tuple[bytes, bytes]:
            page = flowchart_page(procedure, style)
            return paint_page(page, "svg"), paint_page(page, "png")

        def lampiran() -> int:
            document = lampiran_document(procedure, style)
            render_pdf(document)
            for page in document.pages:
                paint_page(page, "svg")
                paint_page(page, "png")
            return len(document.pages)

        layout = layout_flowchart(procedure, style)

        def graphviz_alone() -> None:
            gv.run(layout.ranking_dot, "dot")
            gv.run(layout.routing_dot, "neato", no_op=2)

        flowchart()  # warm caches (fonts, styles) like a long-running pipeline would
        fc_time, _ = best(flowchart, runs)
        gv_time, _ = best(graphviz_alone, runs)
        lamp_time, pages = best(lampiran, runs)
        fc_peak = peak(flowchart)
        lamp_peak = peak(lampiran)
        own = fc_time - gv_time
        print(
            f"{steps:>5} {actors:>6} | {fc_time:>16.3f}s {gv_time:>8.3f}s {own:>7.3f}s | "
            f"{lamp_time:>11.3f}s {pages!s:>5} | {fc_time + lamp_time:>8.3f}s | {fc_peak:>6.1f} / {lamp_peak:<6.1f}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"maximum resident size of this process: {rss:.0f} MB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [12, 40, 200])
