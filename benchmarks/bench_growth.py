"""How flowgen's cost grows with the size of a procedure, stage by stage, and how far it is from the floor.

    python benchmarks/bench_growth.py              # 10, 50, 100, 200, 400, 800 steps (about 3-5 minutes)
    python benchmarks/bench_growth.py 10 200       # other sizes
    python benchmarks/bench_growth.py --repeats 1  # one process per size (quicker, noisier)

Every measurement is a cold process (``--child``) that imports flowgen, parses a
procedure from ``generate.py``, builds both forms in every format (flowchart
SVG+PNG, lampiran PDF+SVG+PNG of every page), writes them to a temporary folder,
and reports CPU time (its own plus Graphviz's) and wall time per stage as JSON.
Stages inside the routers are timed by wrapping their functions in the child
(the code is not changed); a wrapped function that no longer exists is left out.
The parent prints medians over the processes of a size (fewer for big sizes),
then: the floor (interpreter + third-party imports, ``dot`` on the same ranking
graph, the fastest deflate of the same pixels, the writes) and flowgen's ratio to
it; the exponent of growth of each stage from 200 to 800 steps; and PlantUML on
the same 11/40/200-step procedures when ``plantuml`` is installed.  The machine
is shared: compare figures within one run only.  No assertions: figures to read.
"""

from __future__ import annotations

import functools
import importlib
import json
import math
import resource
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

SIZES = [10, 50, 100, 200, 400, 800]
REPEATS = {10: 5, 50: 5, 100: 5, 200: 3, 400: 3, 800: 2}
THIRD_PARTY = (
    "import PIL.Image, PIL.ImageDraw, lxml.etree, reportlab.pdfgen.canvas, fontTools.ttLib, graphviz, tinycss2"
)

# (module, attribute path, label): functions timed inside the routers, by wrapping them where they are looked up
PROBES = [
    ("flowgen.layout.flowchart.polish", "Router.separate", "fc: Router.separate"),
    ("flowgen.layout.flowchart.polish", "Router.merge_forks", "fc: Router.merge_forks"),
    ("flowgen.layout.flowchart.polish", "Router.reroute", "fc: Router.reroute"),
    ("flowgen.layout.flowchart.polish", "Router.centre_ends", "fc: Router.centre_ends"),
    ("flowgen.layout.flowchart.routes", "_place_badges", "fc: label placement (_place_badges)"),
    ("flowgen.layout.flowchart.routes", "_Polish.draw", "fc: _Polish.draw (tips+polish)"),
    ("flowgen.layout.flowchart.place", "_lane_sizes", "fc: lane widths (_lane_sizes)"),
    ("flowgen.layout.table.place", "route_table", "lamp: route_table"),
    ("flowgen.layout.table.place", "_paginated", "lamp: pagination"),
    ("flowgen.model.analysis", "back_edges", "analysis.back_edges"),
]


def cpu() -> float:
    """CPU seconds of this process and of its finished children (Graphviz)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class Clock:
    """Per-stage CPU and wall seconds, and call counts."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.active: set[str] = set()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if name in self.active:  # recursive or nested call of the same probe: counted once, outermost
            yield
            return
        self.active.add(name)
        c, w = cpu(), time.perf_counter()
        try:
            yield
        finally:
            self.cpu[name] += cpu() - c
            self.wall[name] += time.perf_counter() - w
            self.calls[name] += 1
            self.active.discard(name)

    def wrap(self, module: str, path: str, label: str) -> None:
        try:
            owner: Any = importlib.import_module(module)
        except ImportError:
            return
        *parents, name = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent, None)
        original = getattr(owner, name, None) if owner is not None else None
        if original is None:
            return

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            key = label
            if label.startswith("graphviz"):
                engine = args[1] if len(args) > 1 else kwargs.get("engine", "dot")
                key = f"fc: {engine} (Graphviz)"
            with self.stage(key):
                return original(*args, **kwargs)

        setattr(owner, name, timed)


def child(steps: int) -> None:
    """One cold build of a generated procedure; prints the stages as JSON."""
    clock = Clock()
    with clock.stage("imports (flowgen and its libraries)"):
        from generate import procedure_text

        import flowgen
        from flowgen.api import resolve_style, validate
        from flowgen.layout.flowchart.place import layout_flowchart
        from flowgen.layout.table.place import layout_table
        from flowgen.render import png as png_module
        from flowgen.render.flowchart import flowchart_scene
        from flowgen.render.identity import identity_scene
        from flowgen.render.lampiran import table_scene
        from flowgen.render.pdf import render_pdf
        from flowgen.render.png import render_png
        from flowgen.render.scene import Document
        from flowgen.render.svg import render_svg
    for probe in PROBES:
        clock.wrap(*probe)
    clock.wrap("flowgen.layout.flowchart.graphviz", "run", "graphviz")
    text = procedure_text(steps, 6 if steps < 200 else 8)
    outputs: dict[str, bytes] = {}
    with clock.stage("build (after imports)"):
        with clock.stage("parse+compile (parse, style, validate)"):
            procedure = flowgen.parse(text)
            style = resolve_style(None, procedure)
            validate(procedure)
        with clock.stage("fc: layout (incl. dot, neato)"):
            layout = layout_flowchart(procedure, style)
        with clock.stage("fc: scene"):
            page = flowchart_scene(layout, procedure, style)
        with clock.stage("fc: paint SVG"):
            outputs["flowchart.svg"] = render_svg(page)
        with clock.stage("fc: paint PNG"):
            outputs["flowchart.png"] = render_png(page)
        with clock.stage("lamp: layout+routing (layout_table)"):
            table = layout_table(procedure, style, first_page=2)
        with clock.stage("lamp: scenes"):
            scenes = [identity_scene(table.identity, style)]
            scenes += [table_scene(p, procedure, style, table.identity.pages) for p in table.pages]
        with clock.stage("lamp: paint PDF"):
            outputs["lampiran.pdf"] = render_pdf(Document(tuple(scenes), scenes[0].title))
        with clock.stage("lamp: paint SVG (all pages)"):
            for n, scene in enumerate(scenes, 1):
                outputs[f"lampiran-{n}.svg"] = render_svg(scene)
        with clock.stage("lamp: paint PNG (all pages)"):
            for n, scene in enumerate(scenes, 1):
                outputs[f"lampiran-{n}.png"] = render_png(scene)
        with tempfile.TemporaryDirectory() as folder, clock.stage("floor: writes"):
            for name, data in outputs.items():
                Path(folder, name).write_bytes(data)
    _floor(clock, layout.ranking_dot, outputs, png_module)
    width, height = struct.unpack(">II", outputs["flowchart.png"][16:24])  # from the IHDR chunk
    facts = {"pages": len(scenes), "width_pt": round(page.width), "pixels_fc": width * height}
    json.dump({"cpu": clock.cpu, "wall": clock.wall, "calls": clock.calls, "facts": facts}, sys.stdout)


def _floor(clock: Clock, ranking_dot: str, outputs: dict[str, bytes], png_module: Any) -> None:
    """What the same work costs at the least: `dot` alone, and the fastest deflate of the same pixels."""
    from flowgen.layout.flowchart import graphviz as gv

    run = getattr(gv.run, "__wrapped__", gv.run)  # not counted as the flowchart's dot
    with clock.stage("floor: dot on the same graph"):
        run(ranking_dot, "dot")
    clock.cpu["floor: deflate of the same pixels"] = 0.0
    for name, data in outputs.items():
        if name.endswith(".png"):
            _redeflate(clock, data, png_module)


def _idat(data: bytes) -> Iterator[bytes]:
    """The compressed image data of a PNG, chunk by chunk."""
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            yield data[at + 8 : at + 8 + length]
        at += 12 + length


def _redeflate(clock: Clock, data: bytes, png_module: Any) -> None:
    """Deflate the rows of a PNG again with the fastest compressor, timing only the compression.

    The rows are decompressed a piece at a time (a long flowchart is hundreds of megapixels).
    """
    compressor = png_module._compressor()
    source = zlib.decompressobj()
    spent_cpu = spent_wall = 0.0
    for block in _idat(data):
        for at in range(0, len(block), 1 << 18):
            rows = source.decompress(block[at : at + (1 << 18)])
            c, w = cpu(), time.perf_counter()
            compressor.compress(rows)
            spent_cpu += cpu() - c
            spent_wall += time.perf_counter() - w
    c, w = cpu(), time.perf_counter()
    compressor.flush()
    clock.cpu["floor: deflate of the same pixels"] += spent_cpu + cpu() - c
    clock.wall["floor: deflate of the same pixels"] += spent_wall + time.perf_counter() - w


def run_child(steps: int) -> dict[str, Any]:
    before = cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", str(steps)], capture_output=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    result["cpu"]["process (cold, all)"] = cpu() - before
    result["wall"]["process (cold, all)"] = time.perf_counter() - start
    return result


def cold(command: list[str], repeats: int) -> tuple[float, float]:
    """Median CPU and wall seconds of a command run as a cold process."""
    cpus, walls = [], []
    for _ in range(repeats):
        before, start = cpu(), time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        cpus.append(cpu() - before)
        walls.append(time.perf_counter() - start)
    return statistics.median(cpus), statistics.median(walls)


def median_of(runs: list[dict[str, Any]], kind: str) -> dict[str, float]:
    keys = {k for run in runs for k in run[kind]}
    return {k: statistics.median(run[kind].get(k, 0.0) for run in runs) for k in keys}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}" if seconds >= 0.0095 else f"{seconds * 1000:.1f}"


def exponent(small: float, big: float, ratio: float) -> str:
    if small <= 0.0005 or big <= 0 or ratio <= 1:
        return "-"
    return f"{math.log(big / small) / math.log(ratio):.2f}"


def main(sizes: list[int], repeats: int | None) -> None:
    start = time.perf_counter()
    interp = cold([sys.executable, "-c", "pass"], 5)
    imports = cold([sys.executable, "-c", THIRD_PARTY], 5)
    cpus: dict[int, dict[str, float]] = {}
    walls: dict[int, dict[str, float]] = {}
    facts: dict[int, dict[str, int]] = {}
    calls: dict[int, dict[str, float]] = {}
    for steps in sizes:
        runs = [run_child(steps) for _ in range(repeats or REPEATS.get(steps, 2))]
        cpus[steps], walls[steps] = median_of(runs, "cpu"), median_of(runs, "wall")
        calls[steps] = median_of(runs, "calls")
        facts[steps] = runs[0]["facts"]
        print(f"  measured {steps} steps ({len(runs)} cold processes)", file=sys.stderr)
    _growth_table(sizes, cpus, walls, facts)
    _stage_table(sizes, cpus, calls)
    _floor_table(sizes, cpus, interp, imports)
    _plantuml(sizes)
    print(f"\n(whole run {time.perf_counter() - start:.0f} s wall; CPU = process + Graphviz children)")


def _growth_table(sizes: list[int], cpus: dict[int, Any], walls: dict[int, Any], facts: dict[int, Any]) -> None:
    rows = [
        ("whole cold process, CPU ms", "process (cold, all)", cpus),
        ("whole cold process, wall ms", "process (cold, all)", walls),
        ("build after imports, CPU ms", "build (after imports)", cpus),
        ("build after imports, wall ms", "build (after imports)", walls),
        ("flowchart layout+scene+SVG, CPU", ("fc: layout (incl. dot, neato)", "fc: scene", "fc: paint SVG"), cpus),
        ("flowchart PNG, CPU", "fc: paint PNG", cpus),
        ("lampiran layout+scenes, CPU", ("lamp: layout+routing (layout_table)", "lamp: scenes"), cpus),
        ("lampiran PDF, CPU", "lamp: paint PDF", cpus),
        ("lampiran SVG (all pages), CPU", "lamp: paint SVG (all pages)", cpus),
        ("lampiran PNG (all pages), CPU", "lamp: paint PNG (all pages)", cpus),
    ]
    print("\nGrowth (medians of cold processes; ms)\n")
    print("| steps | " + " | ".join(str(s) for s in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for label, key, table in rows:
        keys = key if isinstance(key, tuple) else (key,)
        print(f"| {label} | " + " | ".join(ms(sum(table[s].get(k, 0.0) for k in keys)) for s in sizes) + " |")
    print("| lampiran pages | " + " | ".join(str(facts[s]["pages"]) for s in sizes) + " |")
    print("| flowchart width, pt | " + " | ".join(str(facts[s]["width_pt"]) for s in sizes) + " |")
    print("| flowchart megapixels | " + " | ".join(f"{facts[s]['pixels_fc'] / 1e6:.1f}" for s in sizes) + " |")


def _stage_table(sizes: list[int], cpus: dict[int, Any], calls: dict[int, Any]) -> None:
    stages = sorted(
        {k for s in sizes for k in cpus[s] if not k.startswith(("floor", "process", "build"))},
        key=lambda k: (k.split(":")[0], k),
    )
    low, high = (200, 800) if {200, 800} <= set(sizes) else (sizes[0], sizes[-1])
    print(f"\nStages, CPU ms (medians; exponent of growth from {low} to {high} steps; calls at {high})\n")
    print("| stage | " + " | ".join(str(s) for s in sizes) + f" | exp {low}→{high} | calls |")
    print("|---|" + "---|" * (len(sizes) + 2))
    for stage in stages:
        figures = " | ".join(ms(cpus[s].get(stage, 0.0)) for s in sizes)
        grow = exponent(cpus[low].get(stage, 0.0), cpus[high].get(stage, 0.0), high / low)
        print(f"| {stage} | {figures} | {grow} | {calls[high].get(stage, 0):.0f} |")
    whole = "build (after imports)"
    print(
        "| **whole build** | "
        + " | ".join(ms(cpus[s][whole]) for s in sizes)
        + " | "
        + exponent(cpus[low][whole], cpus[high][whole], high / low)
        + " | |"
    )


def _floor_table(
    sizes: list[int], cpus: dict[int, Any], interp: tuple[float, float], imports: tuple[float, float]
) -> None:
    print(
        "\nThe floor, CPU ms (interpreter + third-party imports, dot on the ranking graph, deflate of the same pixels,"
    )
    print("writes) against flowgen's whole cold process\n")
    print(
        f"interpreter alone: {ms(interp[0])} ms CPU ({ms(interp[1])} wall); "
        f"interpreter + third-party imports: {ms(imports[0])} ms CPU ({ms(imports[1])} wall)\n"
    )
    print(
        "| steps | interpreter+imports | dot | deflate | writes | floor | flowgen (interpreter+imports+build) | ratio |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for s in sizes:
        parts = [imports[0]] + [
            cpus[s].get(k, 0.0)
            for k in ("floor: dot on the same graph", "floor: deflate of the same pixels", "floor: writes")
        ]
        floor = sum(parts)
        whole = interp[0] + cpus[s]["imports (flowgen and its libraries)"] + cpus[s]["build (after imports)"]
        print(f"| {s} | " + " | ".join(ms(p) for p in parts) + f" | {ms(floor)} | {ms(whole)} | {whole / floor:.2f}× |")


def _plantuml(sizes: list[int]) -> None:
    program = shutil.which("plantuml")
    print("\nPlantUML (activity diagram with swimlanes, the same 11/40/200-step procedures)\n")
    if program is None:
        print("plantuml is not installed: skipped (`apt-get install plantuml` gives Debian's; not in install.sh)")
        return
    from generate import procedure_text

    import flowgen

    print("| steps | flowgen whole cold process, CPU ms | plantuml -tpng, CPU ms | plantuml wall ms |")
    print("|---|---|---|---|")
    for steps in (11, 40, 200):
        procedure = flowgen.parse(procedure_text(steps, 6 if steps < 200 else 8))
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder, "p.puml")
            source.write_text(_puml(procedure), encoding="utf-8")
            ours = statistics.median(run_child(steps)["cpu"]["process (cold, all)"] for _ in range(3))
            theirs = cold([program, "-tpng", str(source)], 3)
        print(f"| {steps} | {ms(ours)} | {ms(theirs[0])} | {ms(theirs[1])} |")


def _puml(procedure: Any) -> str:
    """The procedure as a PlantUML activity diagram: a swimlane per actor, a box or a test per step."""
    lines = ["@startuml"]
    names = {actor.key: actor.name for actor in procedure.actors}
    for step in procedure.steps:
        lines.append(f"|{names.get(step.actors[0], step.actors[0])}|")
        kind = getattr(step.kind, "value", str(step.kind))
        if "decision" in kind or "keputusan" in kind:
            lines += [f"if ({step.text}) then (ya)", "else (tidak)", "endif"]
        else:
            lines.append(f":{step.text};")
    lines.append("@enduml")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--child"]:
        child(int(args[1]))
    else:
        count = None
        if "--repeats" in args:
            at = args.index("--repeats")
            count = int(args[at + 1])
            del args[at : at + 2]
        main([int(a) for a in args] or SIZES, count)
