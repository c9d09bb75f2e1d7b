"""Rules of a table page (lampiran): every step in its row's actor cell(s), every arrow in the actor columns.

The table form is read by row and column: a symbol in the wrong row is the
wrong step, one in the wrong column the wrong actor, and an arrow that
strays into the Kegiatan or Mutu Baku columns crosses text a reader needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from flowgen.drawcheck.drawing import Drawing, Group
from flowgen.drawcheck.faults import Check, Fault
from flowgen.drawcheck.plane import TOLERANCE, Box, union_of

IN_CELL = 1.0  # a symbol may touch its cell's border by this much


def _table(d: Drawing) -> bool:
    return d.form == "lampiran" and bool(d.cells)


def _actor_cells(d: Drawing) -> list[tuple[Group, Box]]:
    return [
        (c, c.box)
        for c in d.cells
        if c.box and (c.get("data-col") or "").startswith("actor:") and c.get("data-row") != "header"
    ]


def step_cell(d: Drawing) -> Iterator[Fault]:
    if not _table(d):
        return
    cells = {(c.get("data-row"), c.get("data-col")): c.box for c in d.cells if c.box}
    for s in d.placed_steps:
        if s.step_kind == "connector":
            continue  # an off-page connector stands in its own band, not in a row
        boxes = [box for a in s.actors if (box := cells.get((s.step, f"actor:{a}"))) is not None]
        area = union_of(boxes)
        if area is None:
            yield Fault("step-cell", f"step {s.step} has no actor cell in its row")
        elif s.box and not s.box.inside(area, IN_CELL):
            yield Fault("step-cell", f"step {s.step} {s.box} is outside its cell(s) {area}")


def edge_outside(d: Drawing) -> Iterator[Fault]:
    actor_cells = _actor_cells(d) if _table(d) else []
    if not actor_cells:
        return
    left = min(box.x0 for _, box in actor_cells)
    right = max(box.x1 for _, box in actor_cells)
    for e in d.edges:
        if any(x < left - TOLERANCE or x > right + TOLERANCE for x, _ in e.points):
            yield Fault("edge-outside", f"arrow {e.arrow} leaves the Pelaksana columns")


CHECKS: dict[str, Check] = {
    "step-cell": step_cell,
    "edge-outside": edge_outside,
}
