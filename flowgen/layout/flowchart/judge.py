"""The rules of a careful hand, measured on a flowchart's finished arrows (the judge of the careful repair).

Some faults only show between two finished arrows: an arrival at a side
another arrow leaves from, two arrows side by side a few points apart, a
crossing just at an arrowhead; others in one arrow alone: grazing a symbol
it does not connect, running along a lane border, a head with no stem.
:class:`Judge` counts them with the same rules and distances as the outside
geometry checker, so :mod:`flowgen.layout.flowchart.careful` can keep a new
route only when it leaves fewer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from flowgen.layout.flowchart.clearance import cross
from flowgen.layout.flowchart.types import Lane, Part
from flowgen.layout.geometry import Box, Point, Segment, segments
from flowgen.model.types import Edge, StepKind

END_ZONE = 8.0  # no crossing this close to where an arrow leaves or arrives
BORDER_NEAR = 3.0  # an arrow this close to a lane border ...
BORDER_RUN = 15.0  # ... for this long runs along it
CLOSE = 7.0  # two arrows closer than this ...
CLOSE_RUN = 20.0  # ... over this length read as one double line
MERGED = 1.5  # closer than this they are one drawn line (a fork or a join)
GRAZE = 5.0  # an arrow this close to a symbol it does not connect seems to touch it
CORNER = 3.0  # arrows meet a decision this close to a tip
STEM = 3.0  # least straight line under an arrowhead
SLACK = 0.6  # the repair keeps this much further off than the rules ask


@dataclass(frozen=True)
class Drawn:
    """One finished route as the reader sees it: its line (shortened under the head) and its ends."""

    points: tuple[Point, ...]
    line: tuple[Point, ...]
    start: tuple[int, str]  # (source step, side or tip)
    end: tuple[int, str]
    box: Box


def side_of(part: Part, p: Point) -> str:
    """Which side (or tip) of a symbol a point on its outline touches."""
    s = part.shape
    if s.kind is StepKind.DECISION:
        tips = {"top": (s.x, s.y0), "bottom": (s.x, s.y1), "left": (s.x0, s.y), "right": (s.x1, s.y)}
        return min(tips, key=lambda k: math.hypot(p[0] - tips[k][0], p[1] - tips[k][1]))
    dist = {"top": abs(p[1] - s.y0), "bottom": abs(p[1] - s.y1), "left": abs(p[0] - s.x0), "right": abs(p[0] - s.x1)}
    return min(dist, key=lambda k: dist[k])


def joint_boxes(parts: Sequence[Part]) -> dict[int, Box]:
    """The box round all of a joint step's symbols: a reader (and the checker) sees one step, one set of sides."""
    boxes: dict[int, Box] = {}
    for part in parts:
        b = part.box
        old = boxes.get(part.step, b)
        boxes[part.step] = (min(old[0], b[0]), min(old[1], b[1]), max(old[2], b[2]), max(old[3], b[3]))
    return {step: box for step, box in boxes.items() if sum(p.step == step for p in parts) > 1}


def end_key(part: Part, p: Point, joint: dict[int, Box]) -> tuple[int, str]:
    """(step, side): a joint step's sides are those of the box round all its symbols."""
    box = joint.get(part.step)
    if box is None:
        return (part.step, side_of(part, p))
    dist = {
        "top": abs(p[1] - box[1]),
        "bottom": abs(p[1] - box[3]),
        "left": abs(p[0] - box[0]),
        "right": abs(p[0] - box[2]),
    }
    return (part.step, min(dist, key=lambda k: dist[k]))


def drawn(points: Sequence[Point], ends: tuple[Part, Part], head: float, joint: dict[int, Box]) -> Drawn:
    pts = tuple(points)
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    length = math.hypot(bx - ax, by - ay) or 1.0
    back = min(head * 0.8, length)
    line = (*pts[:-1], (bx - (bx - ax) / length * back, by - (by - ay) / length * back))
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return Drawn(
        pts,
        line,
        end_key(ends[0], pts[0], joint),
        end_key(ends[1], pts[-1], joint),
        (min(xs), min(ys), max(xs), max(ys)),
    )


def runs_of(line: Sequence[Point]) -> list[tuple[str, float, float, float]]:
    out = []
    for (x1, y1), (x2, y2) in segments(line):
        if abs(y1 - y2) < 0.01 and abs(x1 - x2) > 0.01:
            out.append(("h", y1, min(x1, x2), max(x1, x2)))
        elif abs(x1 - x2) < 0.01 and abs(y1 - y2) > 0.01:
            out.append(("v", x1, min(y1, y2), max(y1, y2)))
    return out


def hits(box: Box, segment: Segment) -> bool:
    (x1, y1), (x2, y2) = segment
    return min(x1, x2) < box[2] and max(x1, x2) > box[0] and min(y1, y2) < box[3] and max(y1, y2) > box[1]


def grow(box: Box, by: float) -> Box:
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


class Judge:
    """Counts the faults of finished routes: those of one route alone and those between two routes."""

    def __init__(self, parts: Sequence[Part], lanes: Sequence[Lane], edges: Sequence[Edge], head: float):
        self.parts = parts
        self.edges = edges
        self.head = head
        # each symbol with the margin an arrow must keep from it, filed by area
        self.grown: dict[tuple[int, int], list[tuple[int, int, Box]]] = {}
        for n, part in enumerate(parts):
            grown = grow(part.box, GRAZE)
            for key in cells(grown):
                self.grown.setdefault(key, []).append((n, part.step, grown))
        self.borders: list[tuple[str, float, float, float]] = []
        for lane in lanes:
            x0, y0, x1, y1 = lane.box
            self.borders += [("h", y0, x0, x1), ("h", y1, x0, x1), ("v", x0, y0, y1), ("v", x1, y0, y1)]

    def near_parts(self, box: Box) -> list[tuple[int, Box]]:
        """(step, box grown by the grazing margin) of every symbol that could be near ``box``, in order."""
        found = {entry for key in cells(box) for entry in self.grown.get(key, ())}
        return [(step, grown) for _, step, grown in sorted(found)]

    def alone(self, k: int, d: Drawn, ends: tuple[Part, Part]) -> list[str]:
        """The faults route ``k`` has by itself."""
        found: list[str] = []
        own = {ends[0].step, ends[1].step}
        lines = segments(d.line)
        for step, grown in self.near_parts(d.box):
            if step in own:
                continue
            if hits(grown, (d.box[:2], d.box[2:])) and any(hits(grown, seg) for seg in lines):
                found.append("edge-grazes")
                break
        for kind, c, lo, hi in runs_of(d.line):
            if hi - lo < BORDER_RUN:
                continue
            if any(
                k2 == kind and abs(c2 - c) < BORDER_NEAR and min(hi, h2) - max(lo, l2) >= BORDER_RUN
                for k2, c2, l2, h2 in self.borders
            ):
                found.append("edge-on-border")
                break
        (ax, ay), (bx, by) = d.line[-2], d.line[-1]
        if math.hypot(bx - ax, by - ay) < STEM:
            found.append("head-no-stem")
        for part, p in ((ends[0], d.points[0]), (ends[1], d.points[-1])):
            s = part.shape
            if s.kind is StepKind.DECISION:
                tips = ((s.x, s.y0), (s.x, s.y1), (s.x0, s.y), (s.x1, s.y))
                if min(math.hypot(p[0] - x, p[1] - y) for x, y in tips) > CORNER:
                    found.append("diamond-corner")
        return found

    def between(self, i: int, a: Drawn, j: int, b: Drawn) -> list[str]:
        """The faults routes ``i`` and ``j`` make together."""
        found: list[str] = []
        if a.start == b.end or a.end == b.start:
            found.append("side-shared")
        if not hits(grow(a.box, END_ZONE + 1), (b.box[:2], b.box[2:])):
            return found
        ea, eb = self.edges[i], self.edges[j]
        for k1, c1, l1, h1 in runs_of(a.line):
            if any(
                k1 == k2 and MERGED < abs(c1 - c2) < CLOSE and min(h1, h2) - max(l1, l2) >= CLOSE_RUN
                for k2, c2, l2, h2 in runs_of(b.line)
            ):
                found.append("edges-close")
                break
        if ea.source != eb.source and ea.target != eb.target:
            ends = (a.line[0], a.line[-1], b.line[0], b.line[-1])
            hit = False
            for p, q in segments(a.line):
                for r, t in segments(b.line):
                    x = cross(p, q, r, t)
                    if x and min(math.hypot(x[0] - z[0], x[1] - z[1]) for z in ends) < END_ZONE:
                        hit = True
                        break
                if hit:
                    found.append("crossing-at-end")
                    break
            for k1, c1, l1, h1 in runs_of(a.line):
                if any(
                    k1 == k2 and abs(c1 - c2) <= MERGED and min(h1, h2) - max(l1, l2) > 4.0
                    for k2, c2, l2, h2 in runs_of(b.line)
                ):
                    found.append("edge-overlap")
                    break
        return found


def cells(box: Box, size: float = 64.0) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i in range(int(box[0] // size), int(box[2] // size) + 1)
        for j in range(int(box[1] // size), int(box[3] // size) + 1)
    ]
