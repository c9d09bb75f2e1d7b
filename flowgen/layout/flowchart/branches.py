"""A decision's branches drawn so that they do not cross each other.

Each branch of a decision takes a tip in turn (the one most nearly straight
on first), so two branches towards targets on the same side can end up
crossed: the nearer target reached from the side tip, the farther one from
the bottom tip, the second line cutting the first just above an arrowhead.
A drafter gives the farther target the side tip.  The branches are drawn in
their usual order; only when two of them cross are they drawn once more the
other way round, and the crossing-free drawing is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flowgen.layout.geometry import Point, Segment, segments
from flowgen.layout.grid_search import Obstacles

Draw = Callable[[int, Obstacles, set[str]], list[Point]]  # one branch's line, given the index and the tips used


class _Layered(Obstacles):
    """The finished arrows' index with this decision's branches drawn so far on top (kept apart, so a
    discarded try leaves the shared index as it was)."""

    def __init__(self, base: Obstacles) -> None:  # the base is shared, not copied (super().__init__ not called)
        self.base = base
        self.own = Obstacles((), (), base.margin, base.tolerance, base.min_length)

    def blocked(self, segment: Segment) -> bool:
        return self.base.blocked(segment) or self.own.blocked(segment)


def _crossing(a: Segment, b: Segment, margin: float = 0.5) -> bool:
    """Whether two runs, one across and one down, cross inside both (not where one ends on the other)."""
    (ax0, ay0), (ax1, ay1) = a
    (bx0, by0), (bx1, by1) = b
    if abs(ay0 - ay1) < 0.01 and abs(bx0 - bx1) < 0.01:
        x, y = bx0, ay0
        return (
            min(ax0, ax1) + margin < x < max(ax0, ax1) - margin and min(by0, by1) + margin < y < max(by0, by1) - margin
        )
    if abs(ax0 - ax1) < 0.01 and abs(by0 - by1) < 0.01:
        return _crossing(b, a, margin)
    return False


def cross(lines: Sequence[Sequence[Point]]) -> bool:
    """Whether any two of the lines cross."""
    runs = [segments(line) for line in lines]
    return any(
        _crossing(a, b) for i, first in enumerate(runs) for second in runs[i + 1 :] for a in first for b in second
    )


def draw_branches(order: Sequence[int], index: Obstacles, draw: Draw) -> dict[int, list[Point]]:
    """The lines of one decision's branches (``order``: the usual order), the crossing-free way when there is one.

    The chosen lines' runs are added to ``index``.
    """

    def attempt(sequence: Sequence[int]) -> dict[int, list[Point]]:
        layered = _Layered(index)
        used: set[str] = set()
        lines: dict[int, list[Point]] = {}
        for i in sequence:
            lines[i] = draw(i, layered, used)
            layered.own.add_runs(segments(lines[i]))
        return lines

    chosen = attempt(order)
    if len(order) > 1 and cross(list(chosen.values())):
        other = attempt(list(reversed(order)))
        if not cross(list(other.values())):
            chosen = other
    for i in order:
        index.add_runs(segments(chosen[i]))
    return chosen
