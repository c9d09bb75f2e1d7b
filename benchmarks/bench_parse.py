"""Parsing and checking speed on a large file.

    python benchmarks/bench_parse.py          # 1,000 steps
    python benchmarks/bench_parse.py 5000

Prints the best of several runs of flowgen.analyze (parse + compile + every check) and of
flowgen.check alone on the parsed procedure.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import procedure_text

import flowgen


def main(steps: int) -> None:
    text = procedure_text(steps, 8)
    runs = 7
    parse_times, check_times = [], []
    procedure = None
    for _ in range(runs):
        start = time.perf_counter()
        procedure, found = flowgen.analyze(text, "bench.pos")
        parse_times.append(time.perf_counter() - start)
        assert procedure is not None, [d.format() for d in found if d.is_error][:3]
        start = time.perf_counter()
        flowgen.check(procedure)
        check_times.append(time.perf_counter() - start)
    assert procedure is not None
    print(f"{len(procedure.steps)} steps, {len(procedure.edges)} arrows, {len(text.splitlines())} lines")
    print(
        f"parse + compile + check (flowgen.analyze): best {min(parse_times):.3f}s, "
        f"median {sorted(parse_times)[runs // 2]:.3f}s"
    )
    print(f"check alone (flowgen.check):               best {min(check_times):.3f}s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
