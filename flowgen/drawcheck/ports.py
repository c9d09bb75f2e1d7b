"""Rules of where arrows meet a symbol: a side is for arriving or for leaving, a decision's arrows use its tips.

Where an arrow arrives next to where another leaves, the two read as one
line passing through the symbol ("decision → 6" when the flow is decision →
5 → 6).  A branch that leaves a diamond from the middle of a side, not a
tip, reads as drawn carelessly, and makes the reader wonder which tip it means.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from flowgen.drawcheck.drawing import Drawing, Group
from flowgen.drawcheck.faults import Check, Fault
from flowgen.drawcheck.plane import Box, Point, distance

ON_OUTLINE = 6.0  # an arrow's end this close to a box's side ends on that side
CORNER = 3.0  # arrows leave and enter a decision this close to a corner


def side_of(step: Group, b: Box, p: Point) -> str:
    """Which side (or tip) of a step's outline ``b`` a point of an arrow touches."""
    cx, cy = b.centre
    if step.step_kind == "decision" and step.polygon:
        v = min(step.polygon, key=lambda corner: math.hypot(p[0] - corner[0], p[1] - corner[1]))
        if abs(v[0] - cx) < abs(v[1] - cy):
            return "top" if v[1] < cy else "bottom"
        return "left" if v[0] < cx else "right"
    gaps = {"top": abs(p[1] - b.y0), "bottom": abs(p[1] - b.y1), "left": abs(p[0] - b.x0), "right": abs(p[0] - b.x1)}
    return min(gaps, key=lambda side: gaps[side])


def _ends(e: Group) -> tuple[tuple[str | None, Point, str], tuple[str | None, Point, str]]:
    return (e.source, e.points[0], "out"), (e.target, e.points[-1], "in")


def side_shared(d: Drawing) -> Iterator[Fault]:
    use: dict[tuple[str, str], set[str]] = {}
    for e in d.lined_edges:
        for number, p, way in _ends(e):
            s = d.by_step.get(number) if number else None
            if s is None or s.box is None or s.step_kind == "connector":
                continue
            b = s.box
            if min(abs(p[0] - b.x0), abs(p[0] - b.x1), abs(p[1] - b.y0), abs(p[1] - b.y1)) > ON_OUTLINE:
                continue  # the arrow does not end on this outline (a joint step's other part, a connector band)
            use.setdefault((str(number), side_of(s, b, p)), set()).add(way)
    for (number, side), ways in sorted(use.items()):
        if ways == {"in", "out"}:
            yield Fault("side-shared", f"step {number}: arrows both arrive and leave at its {side} side")


def _meeting_point(e: Group, way: str) -> Point:
    """Where an arrow meets its end: its first point, or the tip of its head (its line stops short of it)."""
    if way == "leaves":
        return e.points[0]
    if not e.heads:
        return e.points[-1]
    end = e.points[-1]
    return max((v for head in e.heads for v in head), key=lambda v: distance(v, end))


def diamond_corner(d: Drawing) -> Iterator[Fault]:
    for e in d.lined_edges:
        for number, way in ((e.source, "leaves"), (e.target, "enters")):
            s = d.by_step.get(number) if number else None
            if s is None or s.step_kind != "decision" or len(s.polygon) < 4:
                continue
            gap = min(distance(_meeting_point(e, way), v) for v in s.polygon)
            if gap > CORNER:
                yield Fault("diamond-corner", f"arrow {e.arrow} {way} decision {number} {gap:.0f} units from a corner")


CHECKS: dict[str, Check] = {
    "side-shared": side_shared,
    "diamond-corner": diamond_corner,
}
