"""A decision's two branches given their exit tips together, so that they do not cross.

The router takes arrows one by one: the first branch of a decision takes
the tip its simplest shape wants, and the second makes do with what is
left.  The commonest bad result is a decision whose one branch goes
forward into another column (out of the side tip, across, down) and whose
other branch loops back up: left only the bottom tip, the loop runs down,
then sideways right across the forward branch just above its head, which
reads as a T-junction into the wrong step.  A careful hand chooses both
tips at once: the loop out of the side facing its target, the forward
branch out of the bottom.  Here every decision whose two branches cross
is routed again under each assignment of two different tips (bottom, left,
right; either branch first), and the clean assignment with no crossing and
the fewest bends is kept; when none is, the first routing stays.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from flowgen.layout.geometry import Box, Point, Segment, segments
from flowgen.layout.table.types import Link
from flowgen.model.types import StepKind

if TYPE_CHECKING:
    from flowgen.layout.table.router import TableRouter

TIPS = ("bottom", "left", "right")
HEAD_NEAR = 24.0  # a crossing this close to a head's tip reads as a T-junction into the wrong step
BARRED = "\x00barred"  # a claim on a tip that no branch label can match: the tip is closed for this try
Score = tuple[int, float]  # an untangled pair's points (bends + 4) and length: the smaller the better
# what a routing changes in the router: routes, tip claims, cleanliness, tips taken, labels, rows wanted
State = tuple[
    list[tuple[Link, list[Point]]],
    dict[int, dict[str, str]],
    dict[int, bool],
    dict[int, str],
    dict[int, Box],
    dict[int, tuple[tuple[str, float], ...]],
]


def _crossing(a: Segment, b: Segment) -> Point | None:
    """Where a horizontal and a vertical run pass through each other (a touch at an end of either is none)."""
    (ax0, ay0), (ax1, ay1) = a
    (bx0, by0), (bx1, by1) = b
    if abs(ay0 - ay1) < 0.01 and abs(bx0 - bx1) < 0.01:
        x, y = bx0, ay0
        along, across = (min(ax0, ax1), max(ax0, ax1), x), (min(by0, by1), max(by0, by1), y)
    elif abs(ax0 - ax1) < 0.01 and abs(by0 - by1) < 0.01:
        x, y = ax0, by0
        along, across = (min(bx0, bx1), max(bx0, bx1), x), (min(ay0, ay1), max(ay0, ay1), y)
    else:
        return None
    inside = along[0] + 0.5 < along[2] < along[1] - 0.5 and across[0] + 0.5 < across[2] < across[1] - 0.5
    return (x, y) if inside else None


def _crossing_points(mine: list[Point], theirs: list[Point]) -> list[Point]:
    return [x for a in segments(mine) for b in segments(theirs) if (x := _crossing(a, b)) is not None]


def crossings(mine: list[Point], theirs: list[Point]) -> int:
    """How many times two routes pass through each other."""
    return len(_crossing_points(mine, theirs))


def near_a_head(mine: list[Point], theirs: list[Point]) -> bool:
    """Two routes cross within HEAD_NEAR of either's head tip (scripts/border_runs.py's "head" fault)."""
    tips = (mine[-1], theirs[-1])
    return any(math.hypot(x - tx, y - ty) < HEAD_NEAR for x, y in _crossing_points(mine, theirs) for tx, ty in tips)


def branch_pairs(links: list[Link]) -> list[tuple[Link, Link]]:
    """The decisions of a page drawn with exactly two arrows, one per branch (forks and connectors are left be)."""
    out: dict[int, list[Link]] = {}
    for link in links:
        if link.source.kind is StepKind.DECISION and link.source.connector is None:
            out.setdefault(id(link.source), []).append(link)
    return [
        (pair[0], pair[1])
        for pair in out.values()
        if len(pair) == 2 and (pair[0].edge.label or "") != (pair[1].edge.label or "")
    ]


def tangled_pairs(router: TableRouter) -> list[tuple[Link, Link]]:
    """Two routed arrows into one step that cross at all, and any two that cross near a head."""
    routes = [(link, points) for link, points in router.routes if link.source is not link.target]
    return [(a, b) for k, (a, pa) in enumerate(routes) for b, pb in routes[k + 1 :] if _tangled(a, pa, b, pb)]


def _tangled(a: Link, pa: list[Point], b: Link, pb: list[Point]) -> bool:
    """Arrows into one step (not a connector: those join on its top by rule) may not cross; none near a head."""
    if a.target is b.target and a.target.connector is None and crossings(pa, pb):
        return True
    return near_a_head(pa, pb)


def reorder(router: TableRouter, pair: tuple[Link, Link]) -> bool:
    """Two tangled arrows (see :func:`tangled_pairs`) routed again in either order; kept when clean, untangled.

    The first routed takes the side it likes best; the second may then have
    to cross it to reach another side (a loop back across a forward arrow's
    last run, right before its head).  Routed the other way round, the loop
    takes a side and the forward arrow joins it or comes in by the top.
    """
    a, b = pair
    if not _tangled(a, _points(router, a), b, _points(router, b)):
        return False
    saved = _state(router)
    for first, second in ((b, a), (a, b)):
        _restore(router, saved)
        router.unroute(first)
        router.unroute(second)
        clean = router.route(first)[1] and router.route(second)[1]
        if clean and not _tangled(first, _points(router, first), second, _points(router, second)):
            return True
    _restore(router, saved)
    return False


def _route_by(router: TableRouter, link: Link, tip: str) -> bool:
    """Route ``link`` out of ``tip`` only (the decision's other tips barred); whether it came out clean by it."""
    claims = router.tips.setdefault(id(link.source), {})
    for other in TIPS:
        if other != tip:
            claims.setdefault(other, BARRED)
    router.only_tip = tip  # the other tips' candidates are not even looked at
    try:
        clean = router.route(link)[1]
    finally:
        router.only_tip = None
    router.tips[id(link.source)] = {k: v for k, v in claims.items() if v != BARRED}
    return clean and router.tip_of[id(link)] == tip


def _points(router: TableRouter, link: Link) -> list[Point]:
    """The route ``link`` has now."""
    return next(points for other, points in router.routes if other is link)


def _state(router: TableRouter) -> State:
    """What a routing changes in the router, copied (restored by :func:`_restore`)."""
    tips = {k: dict(v) for k, v in router.tips.items()}
    return (list(router.routes), tips, dict(router.clean), dict(router.tip_of), dict(router.labels), dict(router.wants))


def _restore(router: TableRouter, state: State) -> None:
    """Put the router back as it was when ``state`` was taken (copies again: a state may be restored twice)."""
    routes, tips, clean, tip_of, labels, wants = state
    router.routes, router.tips, router.clean = list(routes), {k: dict(v) for k, v in tips.items()}, dict(clean)
    router.tip_of, router.labels, router.wants = dict(tip_of), dict(labels), dict(wants)


def untangle(router: TableRouter, pair: tuple[Link, Link]) -> bool:
    """Give a decision's two branches the tips under which they do not cross; whether they were changed.

    Each assignment of two tips is routed with ``a`` first, and with ``b``
    first only when that leaves the pair unclean or crossing (routing costs:
    a page may hold several such decisions).
    """
    a, b = pair
    if crossings(_points(router, a), _points(router, b)) == 0:
        return False
    saved = _state(router)
    best: tuple[Score, State] | None = None
    firsts: dict[tuple[int, str], State | None] = {}  # the first branch routed out of a tip: the same for both
    for tip_a in TIPS:
        for tip_b in TIPS:
            if tip_b == tip_a:
                continue
            for (first, tip_first), (second, tip_second) in (((a, tip_a), (b, tip_b)), ((b, tip_b), (a, tip_a))):
                score = _try(router, saved, firsts, (first, tip_first), (second, tip_second))
                if score is not None:
                    if best is None or score < best[0]:
                        best = (score, _state(router))
                    break
    _restore(router, saved if best is None else best[1])
    return best is not None


def _try(
    router: TableRouter,
    saved: State,
    firsts: dict[tuple[int, str], State | None],
    first: tuple[Link, str],
    second: tuple[Link, str],
) -> Score | None:
    """Route the pair again from ``saved``, each out of its tip, ``first`` first; its score when clean, uncrossed.

    ``first`` routed out of its tip does not depend on the tip ``second`` will take: the state after it
    (None when it was not clean) is kept in ``firsts`` and taken up again for the other assignment.
    """
    key = (id(first[0]), first[1])
    if key not in firsts:
        _restore(router, saved)
        router.unroute(first[0])
        router.unroute(second[0])
        firsts[key] = _state(router) if _route_by(router, *first) else None
    after = firsts[key]
    if after is None:
        return None
    _restore(router, after)
    if not _route_by(router, *second):
        return None
    mine, theirs = _points(router, first[0]), _points(router, second[0])
    if crossings(mine, theirs):
        return None
    return (len(mine) + len(theirs), _length(mine) + _length(theirs))  # fewest bends, then the shortest


def _length(points: list[Point]) -> float:
    """A route's drawn length (the shorter of two equally bent assignments reads more directly)."""
    return sum(abs(x1 - x0) + abs(y1 - y0) for (x0, y0), (x1, y1) in segments(points))
