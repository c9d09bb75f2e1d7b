"""Rules of one arrow against the drawing: labelled at a decision, clear of other symbols and borders, on a stem.

An arrow is read by where it starts and where its head points.  One that
runs through or brushes past a third symbol seems to connect it; one that
runs along a table line or lane border doubles the line; a head with no
straight stem under it points nowhere in particular.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from flowgen.drawcheck.drawing import Drawing, Group
from flowgen.drawcheck.faults import Check, Fault
from flowgen.drawcheck.plane import Point, Segment, distance, in_polygon, polygon_edge_distance, segment_hits_box

THROUGH = 2.0  # an arrow point this far inside a symbol runs through it
GRAZE = 5.0  # an arrow this close to a symbol it does not connect seems to touch it
BORDER_NEAR = 3.0  # an arrow this close to a border line ...
BORDER_RUN = 15.0  # ... for this long runs along it
STEM = 3.0  # least straight line under an arrowhead
STRAIGHT = 0.995  # cosine above which a line runs in the head's direction


def decision_label(d: Drawing) -> Iterator[Fault]:
    kinds = {s.step: s.step_kind for s in d.steps}
    for e in d.edges:
        if kinds.get(e.source) != "decision":
            continue
        label = (e.get("data-label") or "").strip() or "".join(line.content for line in e.texts).strip()
        if not label:
            yield Fault("decision-label", f"arrow {e.arrow} leaves a decision without a label")


def _runs_through(e: Group, s: Group) -> bool:
    hits = [p for p in e.points if any(b.holds(p[0], p[1], THROUGH) for b in s.shapes())]
    if s.polygon and s.step_kind == "decision":
        hits = [p for p in hits if in_polygon(*p, s.polygon) and polygon_edge_distance(*p, s.polygon) > THROUGH]
    return bool(hits)


def edge_through(d: Drawing) -> Iterator[Fault]:
    for e in d.edges:
        for s in d.placed_steps:
            if s.step not in (e.source, e.target) and _runs_through(e, s):
                yield Fault("edge-through", f"arrow {e.arrow} runs through step {s.step}")


def edge_grazes(d: Drawing) -> Iterator[Fault]:
    for e in d.lined_edges:
        near = next(
            (
                s
                for s in d.placed_steps
                if s.step not in (e.source, e.target)
                and any(segment_hits_box(line, part.grown(GRAZE)) for part in s.shapes() for line in e.lines)
            ),
            None,
        )
        if near is not None:
            yield Fault("edge-grazes", f"arrow {e.arrow} passes within {GRAZE:g} units of step {near.step}")


def _along_border(d: Drawing, line: Segment) -> tuple[float, float] | None:
    """(length, distance) of a straight run lying along a border line, or None."""
    (px, py), (qx, qy) = line
    if abs(py - qy) < 0.01 and abs(px - qx) >= BORDER_RUN:
        way, across, lo, hi = "h", py, min(px, qx), max(px, qx)
    elif abs(px - qx) < 0.01 and abs(py - qy) >= BORDER_RUN:
        way, across, lo, hi = "v", px, min(py, qy), max(py, qy)
    else:
        return None
    near = [
        abs(c - across)
        for kind, c, u0, u1 in d.borders
        if kind == way and abs(c - across) < BORDER_NEAR and min(hi, u1) - max(lo, u0) >= BORDER_RUN
    ]
    return (hi - lo, min(near)) if near else None


def edge_on_border(d: Drawing) -> Iterator[Fault]:
    for e in d.lined_edges:
        found = next((run for run in (_along_border(d, line) for line in e.lines) if run), None)
        if found is not None:
            yield Fault(
                "edge-on-border",
                f"arrow {e.arrow} runs along a border line for {found[0]:.0f} units, {found[1]:.1f} away",
            )


def _stem(points: tuple[Point, ...], direction: Point) -> float:
    """Length of straight line at the end of ``points`` running in ``direction``."""
    hx, hy = direction
    hl = math.hypot(hx, hy) or 1.0
    stem = 0.0
    for a, b in zip(reversed(points[:-1]), reversed(points[1:])):
        sx, sy = b[0] - a[0], b[1] - a[1]
        sl = math.hypot(sx, sy)
        if sl < 1e-9:
            continue
        if (sx * hx + sy * hy) / (sl * hl) < STRAIGHT:
            break
        stem += sl
    return stem


def head_no_stem(d: Drawing) -> Iterator[Fault]:
    for e in d.lined_edges:
        if not e.heads or len(e.points) < 2:
            continue
        end = e.points[-1]
        tip = max(e.heads[-1], key=lambda v: distance(v, end))
        stem = _stem(e.points, (tip[0] - end[0], tip[1] - end[1]))
        if stem < STEM:
            yield Fault(
                "head-no-stem", f"the head of arrow {e.arrow} sits on {stem:.1f} units of line in its direction"
            )


CHECKS: dict[str, Check] = {
    "decision-label": decision_label,
    "edge-through": edge_through,
    "edge-grazes": edge_grazes,
    "edge-on-border": edge_on_border,
    "head-no-stem": head_no_stem,
}
