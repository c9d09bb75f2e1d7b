"""A joint step's symbols in the lampiran: its boxes tied by a plain line, or one box across their cells.

Taken out of :mod:`flowgen.layout.table.place`, which places the symbols; this decides only how the
boxes of a step done by several actors together are drawn.
"""

from __future__ import annotations

from collections import defaultdict

from flowgen.layout.arrows import tie_points
from flowgen.layout.symbols import Shape
from flowgen.layout.table.types import Symbol, Tie
from flowgen.style.resolve import ResolvedStyle


def joint_symbols(symbols: list[Symbol], style: ResolvedStyle) -> tuple[list[Symbol], list[Tie]]:
    """A joint step: its boxes tied by a plain line, or one box across their cells (joint-step: span)."""
    by_step: dict[int, list[Symbol]] = defaultdict(list)
    for s in symbols:
        if s.connector is None:
            by_step[s.step].append(s)
    span = style.table.joint_step == "span"
    ties: list[Tie] = []
    out: list[Symbol] = []
    for s in symbols:
        group = by_step.get(s.step, []) if s.connector is None else []
        if len(group) < 2:
            out.append(s)
            continue
        group.sort(key=lambda g: g.shape.x)
        if s is not group[0]:
            if not span:
                out.append(s)
            continue
        if span:
            x0, x1 = group[0].shape.x0, group[-1].shape.x1
            shape = Shape(s.kind, (x0 + x1) / 2, s.shape.y, x1 - x0, s.shape.h)
            out.append(Symbol(s.step, 0, s.actors, s.kind, shape, s.text, s.classes, None, s.text_size))
            continue
        out.append(s)
        ties.append((s.step, tie_points([g.shape for g in group])))
    return out, ties
