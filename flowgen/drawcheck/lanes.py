"""Rules of lanes and steps: lanes in declared order, apart, of one length; steps drawn, in their lanes, apart.

A swimlane chart is read by lane: a step outside its actor's lane, or two
lanes of different lengths, tells the reader something false about who does
what.  Lanes run as columns (top to bottom) or rows (left to right); the
rules find out which from the lanes' own shapes.
"""

from __future__ import annotations

from collections.abc import Iterator

from flowgen.drawcheck.drawing import Drawing, Group
from flowgen.drawcheck.faults import Check, Fault
from flowgen.drawcheck.plane import Box, union_of


def _index(lane: Group) -> int:
    try:
        return int(lane.get("data-index") or 0)
    except ValueError:
        return 0


def drawn_lanes(d: Drawing) -> list[tuple[Group, Box]]:
    """Lanes that have an outline, in declared order (``data-index``)."""
    return [(lane, lane.box) for lane in sorted(d.lanes, key=_index) if lane.box is not None]


def _columns(boxes: list[Box]) -> bool:
    """Do the lanes run as columns (most are taller than wide)?"""
    return sum(b.height >= b.width for b in boxes) * 2 >= len(boxes)


def step_shape(d: Drawing) -> Iterator[Fault]:
    for s in d.steps:
        if s.box is None:
            yield Fault("step-shape", f"step {s.step} has no shape")


def lane_order(d: Drawing) -> Iterator[Fault]:
    lanes = drawn_lanes(d)
    columns = _columns([b for _, b in lanes])
    centres = [b.centre[0] if columns else b.centre[1] for _, b in lanes]
    for (a, _), (b, _), ca, cb in zip(lanes, lanes[1:], centres, centres[1:]):
        if cb <= ca:
            yield Fault(
                "lane-order",
                f"lane {b.get('data-actor')} (index {b.get('data-index')}) is not after lane {a.get('data-actor')}",
            )


def lane_overlap(d: Drawing) -> Iterator[Fault]:
    lanes = drawn_lanes(d)
    for i, (a, box_a) in enumerate(lanes):
        for b, box_b in lanes[i + 1 :]:
            if box_a.overlaps(box_b):
                yield Fault("lane-overlap", f"lanes {a.get('data-actor')} and {b.get('data-actor')} overlap")


def lane_length(d: Drawing) -> Iterator[Fault]:
    boxes = [b for _, b in drawn_lanes(d)]
    if not boxes:
        return
    lengths = [b.height if _columns(boxes) else b.width for b in boxes]
    if max(lengths) - min(lengths) > max(2.0, 0.01 * max(lengths)):
        yield Fault("lane-length", f"lane lengths differ: {min(lengths):.0f} to {max(lengths):.0f}")


def step_lane(d: Drawing) -> Iterator[Fault]:
    lanes = drawn_lanes(d)
    if not lanes:
        return  # a table page has no lanes: its steps keep to their cells (step-cell)
    lane_of = {lane.get("data-actor"): box for lane, box in lanes}
    for s in d.placed_steps:
        area = union_of([lane_of[a] for a in s.actors if a in lane_of])
        if area is None:
            yield Fault("step-lane", f"step {s.step} names no drawn lane ({' '.join(s.actors)})")
        elif s.box and not s.box.inside(area, 1.5):
            yield Fault("step-lane", f"step {s.step} {s.box} is outside its lane(s) {area}")


def step_overlap(d: Drawing) -> Iterator[Fault]:
    steps = d.placed_steps
    for i, a in enumerate(steps):
        for b in steps[i + 1 :]:
            if a.box and b.box and a.box.overlaps(b.box):
                yield Fault("step-overlap", f"steps {a.step} and {b.step} overlap")


CHECKS: dict[str, Check] = {
    "step-shape": step_shape,
    "lane-order": lane_order,
    "lane-overlap": lane_overlap,
    "lane-length": lane_length,
    "step-lane": step_lane,
    "step-overlap": step_overlap,
}
