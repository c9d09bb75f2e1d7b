"""The lampiran's table layout alone (``layout_table``: pages, routes, labels), CPU time in cold processes.

    python benchmarks/bench_table.py                        # 40, 200, 800 steps, 3 processes each
    python benchmarks/bench_table.py 40 200 --repeats 5
    python benchmarks/bench_table.py --against /tmp/old-tree  # the same, interleaved with another checkout

Every measurement is a cold process (``--child``) that imports flowgen, parses
a procedure from ``generate.py`` (``procedure_text(n, 5)``), resolves the default
style and times ``layout_table`` once.  With ``--against DIR`` every process of
this tree is followed by one of DIR's (a checkout or an exported tree of
flowgen, run with ``PYTHONPATH=DIR``), so a loaded machine slows both alike.
It prints the median and the least CPU per size and tree.  No assertions:
figures to read, compared within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child(steps: int) -> None:
    """Time one ``layout_table`` of a generated procedure in this (cold) process; print JSON."""
    sys.path.insert(0, str(HERE))
    from generate import procedure_text

    import flowgen
    from flowgen.build import Builder, BuildOptions
    from flowgen.layout.table.place import layout_table

    procedure = flowgen.parse(procedure_text(steps, 5))
    style = Builder(BuildOptions()).style_for(procedure, None)
    start = time.process_time()
    layout = layout_table(procedure, style)
    spent = time.process_time() - start
    print(json.dumps({"cpu": spent, "pages": len(layout.pages), "tree": str(Path(flowgen.__file__).parents[1])}))


def measure(steps: int, tree: Path | None) -> dict[str, float]:
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(steps)]
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env, cwd=tree or HERE.parent)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[40, 200, 800])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another flowgen tree, measured interleaved")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return
    trees: list[tuple[str, Path | None]] = [("this", None)]
    if args.against is not None:
        trees.append((str(args.against), args.against.resolve()))
    print(f"{'steps':>6} {'tree':<30} {'pages':>5} {'median ms':>10} {'least ms':>9}")
    for steps in args.sizes:
        times: dict[str, list[float]] = {name: [] for name, _ in trees}
        pages: dict[str, int] = {}
        for _ in range(args.repeats):
            for name, tree in trees:
                result = measure(steps, tree)
                times[name].append(result["cpu"])
                pages[name] = int(result["pages"])
        for name, _ in trees:
            median, least = statistics.median(times[name]) * 1000, min(times[name]) * 1000
            print(f"{steps:>6} {name[-30:]:<30} {pages[name]:>5} {median:>10.0f} {least:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
