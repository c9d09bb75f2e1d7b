"""Count the lampiran arrow runs a careful hand would redraw: along a table line, or crossed next to a head.

The checker's ``edge-on-border`` rule only flags a run closer than 3 pt to a
table line; reviewers of the demo book read a run 2–7 pt from a row or
column border, for 15 pt or more, as a doubled grid line, and a crossing
within about 10 pt of an arrowhead as a T-junction into the wrong step.
This script measures both on flowgen's semantic SVG (lampiran table pages
only), so a change to the table router can be judged by the counts::

    python scripts/border_runs.py OUT_DIR [OUT_DIR ...]      # folders searched for *.svg, recursively
    python scripts/border_runs.py --list OUT_DIR              # every offending run, one a line

Counted:

- ``on``: a straight run of 15+ pt lying closer than 0.5 pt to a border
  line of the same direction, over 15+ pt of it;
- ``near``: the same at 0.5–8 pt (a horizontal run cannot cross a row
  line nor a vertical one a column line, so a run that crosses lines is
  never counted);
- ``head``: two arrows crossing within 10 pt of the head of one of them
  (a fork or a join meeting at the end of a run is no crossing).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from flowgen.drawcheck import Group, read_drawing
from flowgen.drawcheck.plane import Point, Segment, crossing

RUN = 15.0  # a run this long along a line reads as a line of the table
NEAR = 8.0  # ... when it lies closer than this to it
ON = 0.5  # ... and on it when closer than this
HEAD = 24.0  # a crossing this close to a head tip reads as a T-junction (reviewers flagged 18–23 pt before one)

Line = tuple[str, float, float, float]  # ("h", y, x0, x1) or ("v", x, y0, y1)


def merged(borders: Sequence[Line]) -> list[Line]:
    """Collinear border pieces that touch or overlap joined into one line (cells share their sides)."""
    out: list[Line] = []
    for kind, c, lo, hi in sorted(borders):
        if out and out[-1][0] == kind and abs(out[-1][1] - c) < 0.05 and lo <= out[-1][3] + 0.5:
            last = out[-1]
            out[-1] = (kind, last[1], last[2], max(last[3], hi))
        else:
            out.append((kind, c, lo, hi))
    return out


def runs_along(edge: Group, lines: Sequence[Line]) -> Iterator[tuple[str, str, float, float]]:
    """("on"|"near", "row"|"column", distance, length) of each run of ``edge`` lying along one of ``lines``."""
    for (px, py), (qx, qy) in edge.lines:
        if abs(py - qy) < 0.01 and abs(px - qx) >= RUN:
            way, across, lo, hi = "h", py, min(px, qx), max(px, qx)
        elif abs(px - qx) < 0.01 and abs(py - qy) >= RUN:
            way, across, lo, hi = "v", px, min(py, qy), max(py, qy)
        else:
            continue
        beside = [
            (abs(c - across), min(hi, u1) - max(lo, u0))
            for kind, c, u0, u1 in lines
            if kind == way and abs(c - across) < NEAR and min(hi, u1) - max(lo, u0) >= RUN
        ]
        if beside:
            gap, length = min(beside)
            yield ("on" if gap < ON else "near"), {"h": "row", "v": "column"}[way], gap, length


def _tip(edge: Group) -> Point:
    """Where an arrow's head points (the line's own end when it draws no head)."""
    end = edge.points[-1]
    if not edge.heads:
        return end
    return max(edge.heads[-1], key=lambda v: math.hypot(v[0] - end[0], v[1] - end[1]))


def head_crossings(edges: Sequence[Group]) -> Iterator[tuple[Group, Group, Point]]:
    """Pairs of arrows crossing within HEAD of either's head tip.

    Two arrows of one source (a fork) or one target (a join) meet where one
    turns off or runs into the other: that touch is no crossing, but two of
    them crossing each other right through (a decision's loop back across its
    other branch) is counted like any other.
    """
    for i, a in enumerate(edges):
        for b in edges[i + 1 :]:
            related = a.source == b.source or a.target == b.target
            tips = (_tip(a), _tip(b))
            hit = next(
                (
                    x
                    for la in a.lines
                    for lb in b.lines
                    if (x := crossing(la, lb)) is not None
                    and not (related and _touch(x, la, lb))
                    and min(math.hypot(x[0] - t[0], x[1] - t[1]) for t in tips) < HEAD
                ),
                None,
            )
            if hit is not None:
                yield a, b, hit


def _touch(x: Point, a: Segment, b: Segment) -> bool:
    """The meeting point is an end of one of the runs (one turns off or runs into the other)."""
    return any(math.hypot(x[0] - p[0], x[1] - p[1]) < 0.5 for p in (*a, *b))


def measure(path: Path) -> list[tuple[str, str]]:
    """(kind, description) of every fault on one lampiran table page; [] for any other SVG."""
    d = read_drawing(path.read_bytes(), ink=False)
    if d.form != "lampiran" or d.sheet == "identitas" or d.problem:
        return []
    lines = merged(d.borders)
    found: list[tuple[str, str]] = []
    for e in d.lined_edges:
        for kind, way, gap, length in runs_along(e, lines):
            found.append((kind, f"arrow {e.arrow} runs {length:.0f} pt along a {way} table line, {gap:.1f} pt away"))
    for a, b, (x, y) in head_crossings(d.lined_edges):
        found.append(("head", f"arrows {a.arrow} and {b.arrow} cross at ({x:.0f},{y:.0f}) next to a head"))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="print every fault, not only the counts")
    args = parser.parse_args(argv)
    counts = {"on": 0, "near": 0, "head": 0}
    pages = bad = 0
    for folder in args.folders:
        files = sorted(folder.rglob("*.svg")) if folder.is_dir() else [folder]
        for path in files:
            faults = measure(path)
            if path.name.count(".lampiran-") and "identitas" not in path.name:
                pages += 1
            bad += bool(faults)
            for kind, text in faults:
                counts[kind] += 1
                if args.list:
                    print(f"{path}: {kind}: {text}")
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"{pages} lampiran pages, {bad} with faults: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
