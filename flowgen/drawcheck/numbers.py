"""Rules of step-number badges: each on free paper at its own symbol, covering no text, symbol or arrow.

A badge tells which step a symbol is; on another symbol it numbers the
wrong one, on a text it hides a letter, and on an arrow it makes the line
read as ending there.  ``number-covered`` is the rule of the outside
checker; ``number-overlap`` and ``number-crossed`` are flowgen's older,
more lenient forms of it, kept because tests select them by name.
"""

from __future__ import annotations

from collections.abc import Iterator

from flowgen.drawcheck.drawing import Drawing, Group
from flowgen.drawcheck.faults import Check, Fault
from flowgen.drawcheck.plane import Box, dense, segment_hits_box

INSET = 0.5  # a badge's box is shrunk by this before it is tested (a badge may touch its symbol's outline)


def _covered_step(d: Drawing, badge: Group, b: Box) -> str | None:
    for s in d.placed_steps:
        if any(b.overlaps(line.box, 0) for line in s.texts):
            return f"the text of step {s.step}"
        if s.step != badge.step and s.box and b.overlaps(s.box, 0):
            return f"step {s.step}"
    return None


def _covered_arrow(d: Drawing, b: Box) -> str | None:
    for e in d.lined_edges:
        if any(segment_hits_box(line, b) for line in e.lines):
            return f"arrow {e.arrow}"
        if any(b.overlaps(line.box, 0) for line in e.texts):
            return f"the label of arrow {e.arrow}"
    return None


def number_covered(d: Drawing) -> Iterator[Fault]:
    for n in d.numbers:
        if n.box is None:
            continue
        b = n.box.grown(-INSET)
        why = _covered_step(d, n, b) or _covered_arrow(d, b)
        if why:
            yield Fault("number-covered", f"the number of step {n.step} lies on {why}")


def number_overlap(d: Drawing) -> Iterator[Fault]:
    for n in d.numbers:
        for s in d.placed_steps:
            if n.box and s.box and s.step != n.step and n.box.overlaps(s.box):
                yield Fault("number-overlap", f"the number of step {n.step} lies on step {s.step}")


def number_crossed(d: Drawing) -> Iterator[Fault]:
    for e in d.edges:
        if not e.points:
            continue
        reach = Box.of(e.points)
        samples = dense(e.points)
        for n in d.numbers:
            if n.box and n.box.overlaps(reach, -INSET) and any(n.box.holds(x, y, INSET) for x, y in samples):
                yield Fault("number-crossed", f"arrow {e.arrow} runs through the number of step {n.step}")


CHECKS: dict[str, Check] = {
    "number-covered": number_covered,
    "number-overlap": number_overlap,
    "number-crossed": number_crossed,
}
