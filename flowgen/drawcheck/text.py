"""Rules of text: every line inside its box, clear of the box's sides, and never broken inside a word.

Text is where a signed form is read word by word: a line that touches a
cell's border reads as cramped, one that sticks out reads as a printing
error, and a word broken with no hyphen ("Kelengkapa|n") reads as a typo.
The word rule reads the group's ``<title>``, which holds the whole unwrapped
text, so it can tell a word the writer wrote from one the wrapping broke.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from flowgen.drawcheck.drawing import Drawing, Group
from flowgen.drawcheck.faults import Check, Fault
from flowgen.drawcheck.lanes import drawn_lanes
from flowgen.drawcheck.plane import Box, in_polygon, polygon_edge_distance
from flowgen.drawcheck.textlines import TextLine

PAD = 2.5  # least room between a text line and the left or right border of its cell or box
LANE_SLACK = 2.0  # a lane header or a symbol's text may touch its outline by this much
CELL_SLACK = 1.5  # a cell's or a badge's text by this much
DIAMOND_SLACK = 2.0  # a decision's text corners may lie this far outside the diamond
PADDED_KINDS = ("activity", "start", "end", "joint")  # symbols with straight sides


def _out_of_diamond(line: TextLine, polygon: tuple[tuple[float, float], ...]) -> bool:
    return any(
        not in_polygon(x, y, polygon) and polygon_edge_distance(x, y, polygon) > DIAMOND_SLACK
        for x, y in line.box.corners
    )


def _step_overflow(s: Group) -> Iterator[Fault]:
    for line in s.texts:
        if s.polygon and len(s.polygon) >= 4 and s.step_kind == "decision":
            if _out_of_diamond(line, s.polygon):
                yield Fault("text-overflow", f"step {s.step}: '{line.content[:40]}' sticks out of its diamond")
        elif s.box and not line.box.inside(s.box, LANE_SLACK):
            yield Fault("text-overflow", f"step {s.step}: '{line.content[:40]}' sticks out of its symbol")


def text_overflow(d: Drawing) -> Iterator[Fault]:
    for lane, box in drawn_lanes(d):
        for line in lane.texts:
            if not line.box.inside(box, LANE_SLACK):
                yield Fault("text-overflow", f"lane header '{line.content[:40]}' sticks out of its lane")
    for s in d.placed_steps:
        yield from _step_overflow(s)
    for c in d.cells:
        for line in c.texts:
            if c.box and not line.box.inside(c.box, CELL_SLACK):
                yield Fault(
                    "text-overflow",
                    f"cell row {c.get('data-row')} col {c.get('data-col')}: "
                    f"'{line.content[:40]}' sticks out of its cell",
                )
    for n in d.numbers:  # flowgen's own addition: svgcheck does not read a badge's text
        for line in n.texts:
            if n.box and not line.box.inside(n.box, CELL_SLACK):
                yield Fault("text-overflow", f"step number '{line.content}' sticks out of its badge")


def _where(h: Group) -> str:
    if "data-step" in h.attrs:
        return f"step {h.step}"
    if "data-row" in h.attrs:
        return f"cell row {h.get('data-row')} col {h.get('data-col')}"
    return f"lane {h.get('data-actor')}"


def _padding_holders(d: Drawing) -> list[tuple[Group, Box]]:
    """Cells, and symbols with straight sides, that hold text lines."""
    cells = [(c, c.box) for c in d.cells if c.box]
    boxes = [(s, s.box) for s in d.placed_steps if s.box and s.step_kind in PADDED_KINDS and not s.polygon]
    return cells + boxes


def text_padding(d: Drawing) -> Iterator[Fault]:
    for h, box in _padding_holders(d):
        for line in h.texts:
            if not line.box.overlaps(box, 0):
                continue  # a text beside its box (a label), not inside it
            left, right = line.box.x0 - box.x0, box.x1 - line.box.x1
            if min(left, right) < PAD and line.box.width < box.width:
                yield Fault(
                    "text-padding",
                    f"{_where(h)}: '{line.content[:40]}' is {min(left, right):.2f} units from the "
                    f"{'left' if left < right else 'right'} border (least {PAD:g})",
                )


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def _split_words(h: Group) -> Iterator[tuple[str, str]]:
    """(end of a line, start of the next) where the two make one word of the title and the end is none."""
    if not h.title or len(h.texts) < 2:
        return
    source = set(_words(h.title))
    lines = [line.content for line in h.texts]
    for a, b in itertools.pairwise(lines):
        wa, wb = _words(a), _words(b)
        if not wa or not wb:
            continue
        head, tail = wa[-1], wb[0]
        if head + tail in source and head not in source | {"-"} and not head.endswith(("-", "/")):
            yield head, tail


def word_split(d: Drawing) -> Iterator[Fault]:
    for h in (*d.cells, *d.steps, *d.lanes):
        for head, tail in _split_words(h):
            yield Fault("word-split", f"{_where(h)}: '{head + tail}' is broken as '{head}|{tail}'")


CHECKS: dict[str, Check] = {
    "text-overflow": text_overflow,
    "text-padding": text_padding,
    "word-split": word_split,
}
