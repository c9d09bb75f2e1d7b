"""A decision's loop back out of the side tip facing its target, not a U-turn out of the bottom.

The router takes arrows one by one, and a decision's loop back "Tidak"
is often routed while its side tips look no better than its bottom: it
then leaves by the bottom tip, runs a stub down, turns sideways and
U-turns up beside a column line into the earlier step, its label far
from the diamond (the reviewer's pattern 5, briefs/review/report.md).
A careful hand leaves by the side tip facing the target (or, for a
target in the decision's own column, the side the loop turns to) and
runs across and up into the step's side or bottom.

A branch down to an off-page connector that does not stand right under
the decision fares the same: a stub, a turn and a drop, or a staircase,
where out of the side, across and down would do.

Here, after the page is otherwise untangled, each such branch still
leaving a decision by its bottom is routed again out of each such side
tip no other branch holds; the first way kept is clean by every rule of
:meth:`flowgen.layout.table.router.TableRouter.problems`, has no more
bends, makes the page cross no more times, crosses no arrow itself and
runs along no more table lines.  Only those branches
are routed again (a page has none or one), so the cost stays small.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from flowgen.layout.table.decision_exits import _points, _restore, _route_by, _state, crossings
from flowgen.layout.table.types import Link
from flowgen.layout.table.uncross import _along_lines, page_crossings
from flowgen.model.types import StepKind

if TYPE_CHECKING:
    from flowgen.layout.table.router import TableRouter


def side_loops(router: TableRouter, links: Sequence[Link]) -> None:
    """Every branch of the page that turns off a decision's bottom tried again out of a side tip."""
    for link in links:
        if bottom_turn(router, link):
            to_side(router, link)


def bottom_turn(router: TableRouter, link: Link) -> bool:
    """A decision's branch out of the bottom tip that a side tip may serve better.

    A loop back up into an earlier step, or a branch down to an off-page
    connector that does not stand right under the decision (its way from
    the bottom is a stub, a turn and a drop: from the side, across and
    down).
    """
    source, target = link.source, link.target
    if source.kind is not StepKind.DECISION or source.connector is not None or target is source:
        return False
    if router.tip_of.get(id(link)) != "bottom":
        return False
    if link.edge in router.back and target.shape.y1 < source.shape.y0:
        return True
    return target.connector is not None and abs(target.shape.x - source.shape.x) > 1


def facing_tips(router: TableRouter, link: Link) -> tuple[str, ...]:
    """The side tip facing the target, then the side the route now turns to; none another branch holds.

    For a target in the decision's own column, only the side the route
    turns to; a loop that runs round the other way (across behind the
    decision, up and back over it) keeps its shape and sheds the stub.
    """
    source, target = link.source.shape, link.target.shape
    turn = next((x for x, _ in _points(router, link)[1:] if abs(x - source.x) > 0.5), source.x)
    sides = ["right" if turn >= source.x else "left"]
    if abs(target.x - source.x) > 1:
        sides.insert(0, "right" if target.x > source.x else "left")
    held = {tip for tip, owner in router.tips.get(id(link.source), {}).items() if owner != (link.edge.label or "")}
    return tuple(dict.fromkeys(tip for tip in sides if tip not in held))


def to_side(router: TableRouter, link: Link) -> bool:
    """Route ``link`` again out of a facing side tip (see the module's docstring); whether that was kept."""
    saved = _state(router)
    before = _points(router, link)
    page_before, lines_before = page_crossings(router), _along_lines(router, before)
    for tip in facing_tips(router, link):
        _restore(router, saved)
        router.unroute(link)
        if not _route_by(router, link, tip):
            continue
        points = _points(router, link)
        if len(points) > len(before) or page_crossings(router) > page_before:
            continue
        if any(crossings(points, theirs) for other, theirs in router.routes if other is not link):
            continue
        if _along_lines(router, points) <= lines_before:
            return True
    _restore(router, saved)
    return False
