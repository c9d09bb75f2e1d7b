"""Rules of two arrows: not on top of each other, not side by side, not crossing at an end.

Two arrows that share a stretch of line, or run a few units apart, read as
one line (or one double line), and the reader cannot tell which goes where;
a crossing right at an arrowhead reads as a T-junction into the wrong step.
Arrows that share a source or a target may meet: that is a fork or a join.
"""

from __future__ import annotations

from collections.abc import Iterator

from flowgen.drawcheck.drawing import Drawing, Group
from flowgen.drawcheck.faults import Check, Fault
from flowgen.drawcheck.plane import Box, Point, crossing, dense, distance

SHARED = 24.0  # arrows to different targets may share no more than this length of line
SAMPLE = 2.0  # the shared length is counted on points this far apart
END_CLEAR = 8.0  # the shared length is not counted this close to either arrow's end symbols
END_ZONE = 8.0  # no crossing this close to where an arrow leaves or arrives
CLOSE = 7.0  # two arrows closer than this ...
CLOSE_RUN = 20.0  # ... over this length read as one double line
MERGED = 1.5  # (closer than this they are one drawn line: a fork or a join)

Run = tuple[str, float, float, float]  # ("h", y, x0, x1) or ("v", x, y0, y1)


def _related(a: Group, b: Group) -> bool:
    """Do two arrows share their target or their source (a join or a fork may meet)?"""
    return a.target == b.target or a.source == b.source


def _apart(a: Box, b: Box, gap: float) -> bool:
    """Are two boxes (possibly flat, as a straight arrow's is) more than ``gap`` apart?"""
    return b.x0 > a.x1 + gap or b.x1 < a.x0 - gap or b.y0 > a.y1 + gap or b.y1 < a.y0 - gap


def _shared_length(d: Drawing, a: Group, b: Group, grid: set[tuple[int, int]], pb: list[Point]) -> float:
    ends = [d.by_step.get(k) if k else None for k in (a.source, a.target, b.source, b.target)]
    end_boxes = [s.box for s in ends if s is not None and s.box is not None]
    shared = 0
    for x, y in pb:
        if any(box.holds(x, y, -END_CLEAR) for box in end_boxes):
            continue
        if any((round(x) + dx, round(y) + dy) in grid for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            shared += 1
    return shared * SAMPLE


def edge_overlap(d: Drawing) -> Iterator[Fault]:
    samples = [(e, dense(e.points, SAMPLE), Box.of(e.points)) for e in d.edges if e.points]
    for i, (a, pa, box_a) in enumerate(samples):
        grid: set[tuple[int, int]] | None = None
        for b, pb, box_b in samples[i + 1 :]:
            if _related(a, b) or _apart(box_a, box_b, 2 * SAMPLE):
                continue  # (arrows farther apart than the grid reaches share no point)
            grid = grid if grid is not None else {(round(x), round(y)) for x, y in pa}
            shared = _shared_length(d, a, b, grid, pb)
            if shared > SHARED:
                yield Fault("edge-overlap", f"arrows {a.arrow} and {b.arrow} share about {shared:.0f} units of line")


def _crossing_near_end(a: Group, b: Group) -> Point | None:
    ends = [a.points[0], a.points[-1], b.points[0], b.points[-1]]
    for la in a.lines:
        for lb in b.lines:
            x = crossing(la, lb)
            if x and min(distance(x, z) for z in ends) < END_ZONE:
                return x
    return None


def crossing_at_end(d: Drawing) -> Iterator[Fault]:
    edges = d.lined_edges
    for i, a in enumerate(edges):
        for b in edges[i + 1 :]:
            if _related(a, b):
                continue
            hit = _crossing_near_end(a, b)
            if hit is not None:
                yield Fault(
                    "crossing-at-end",
                    f"arrows {a.arrow} and {b.arrow} cross at ({hit[0]:.0f},{hit[1]:.0f}), "
                    f"within {END_ZONE:.0f} units of an end",
                )


def _runs(e: Group) -> list[Run]:
    """An arrow's horizontal and vertical pieces."""
    out: list[Run] = []
    for (px, py), (qx, qy) in e.lines:
        if abs(py - qy) < 0.01 and abs(px - qx) > 0.01:
            out.append(("h", py, min(px, qx), max(px, qx)))
        elif abs(px - qx) < 0.01 and abs(py - qy) > 0.01:
            out.append(("v", px, min(py, qy), max(py, qy)))
    return out


def _side_by_side(ra: list[Run], rb: list[Run]) -> tuple[float, float] | None:
    """(gap, length) of the first two pieces running side by side, or None."""
    for k1, c1, l1, h1 in ra:
        for k2, c2, l2, h2 in rb:
            if k1 == k2 and MERGED < abs(c1 - c2) < CLOSE and min(h1, h2) - max(l1, l2) >= CLOSE_RUN:
                return abs(c1 - c2), min(h1, h2) - max(l1, l2)
    return None


def edges_close(d: Drawing) -> Iterator[Fault]:
    runs = [(e, _runs(e)) for e in d.lined_edges]
    for i, (a, ra) in enumerate(runs):
        for b, rb in runs[i + 1 :]:
            hit = _side_by_side(ra, rb)
            if hit is not None:
                yield Fault(
                    "edges-close",
                    f"arrows {a.arrow} and {b.arrow} run side by side {hit[0]:.1f} units apart for {hit[1]:.0f} units",
                )


CHECKS: dict[str, Check] = {
    "edge-overlap": edge_overlap,
    "crossing-at-end": crossing_at_end,
    "edges-close": edges_close,
}
