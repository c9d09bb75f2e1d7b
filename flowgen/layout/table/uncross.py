"""Any two arrows of a page that cross are routed again, one or both, so that they do not.

The router takes arrows one by one, and each takes the simplest clean way
given those before it.  Two shapes come out crossed where a careful hand
would not cross them:

- a decision's loop back "Tidak" into the step just before it: the arrow
  from that step took its bottom, ran sideways and dropped into the
  decision's top; the loop, routed after, could only come up into the
  step's side, and its vertical cuts that sideways run.  Routed first, the
  loop comes up into the step's bottom and the arrow leaves by its side;
- a reject branch running as one long vertical down its column to a step
  far below, across every sideways arrow of the main flow on the way.
  Routed again with crossings counted as a broken rule, it leaves by the
  side and runs down a free channel, or the sideways arrow takes another
  track.

Here each crossing pair is tried four ways (either arrow alone routed
again, and both in either order), every arrow so routed counting a
crossing of any other as a broken rule.  A try is kept only when the
arrows moved are clean by every rule of
:meth:`flowgen.layout.table.router.TableRouter.problems` and the page
crosses fewer times, and when they run along no more table lines
than before (a run beside a line reads as a doubled line of the table,
as bad as a crossing: scripts/border_runs.py's "near"); of those, the fewest crossings, then bends, then
length.  Only the crossing pairs are routed again (a page has none or one
or two), so the cost stays small.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from flowgen.layout.geometry import Point, Segment, segments
from flowgen.layout.table.decision_exits import (
    State,
    _crossing,
    _length,
    _points,
    _restore,
    _state,
    branch_pairs,
    crossings,
    reorder,
    tangled_pairs,
    untangle,
)
from flowgen.layout.table.types import Link

if TYPE_CHECKING:
    from flowgen.layout.table.router import TableRouter

ALONG_RUN = 15.0  # a run this long ...
ALONG_NEAR = 8.0  # ... closer than this to a table line of its direction reads as a doubled line (border_runs)
Score = tuple[int, int, float]  # the page's crossings, the moved arrows' points, their length: the smaller the better


def crossed(a: Segment, b: Segment) -> bool:
    """Two runs pass through each other (a touch at an end of either, as a fork or a join, is none)."""
    return _crossing(a, b) is not None


def untangle_page(router: TableRouter, links: Sequence[Link]) -> None:
    """A page's routes untangled: decisions' branches, arrows into one step, then any two that cross."""
    for pair in branch_pairs(list(links)):  # a decision's two branches must not cross: their tips together
        untangle(router, pair)
    for pair in tangled_pairs(router):  # nor two arrows into one step, nor any two near a head
        reorder(router, pair)
    for pair in crossing_pairs(router):  # nor, when another way is clean, any two at all
        uncross(router, pair)


def _drawn(router: TableRouter) -> list[tuple[Link, list[Point]]]:
    """The routes that can cross another (an arrow from a step to itself is drawn apart)."""
    return [(link, points) for link, points in router.routes if link.source is not link.target]


def crossing_pairs(router: TableRouter) -> list[tuple[Link, Link]]:
    """Every two routed arrows that pass through each other."""
    routes = _drawn(router)
    return [(a, b) for k, (a, pa) in enumerate(routes) for b, pb in routes[k + 1 :] if crossings(pa, pb)]


def page_crossings(router: TableRouter) -> int:
    """How many times the page's arrows pass through each other."""
    routes = _drawn(router)
    return sum(crossings(pa, pb) for k, (_, pa) in enumerate(routes) for _, pb in routes[k + 1 :])


def uncross(router: TableRouter, pair: tuple[Link, Link]) -> bool:
    """Route a crossing pair again (see the module's docstring); whether a better way was kept."""
    a, b = pair
    if not crossings(_points(router, a), _points(router, b)):
        return False  # an earlier pair's new routes took this crossing away
    saved = _state(router)
    before = page_crossings(router)
    lines = {id(link): _along_lines(router, _points(router, link)) for link in pair}
    best: tuple[Score, State] | None = None
    for moved in ((b,), (a,), (b, a), (a, b)):
        score = _try(router, saved, moved, (before, sum(lines[id(link)] for link in moved)))
        if score is not None and (best is None or score < best[0]):
            best = (score, _state(router))
            if score[0] == 0 and len(moved) == 1:
                break  # one arrow moved and the page uncrossed: the least change
    _restore(router, saved if best is None else best[1])
    return best is not None


def _try(router: TableRouter, saved: State, moved: tuple[Link, ...], before: tuple[int, int]) -> Score | None:
    """Route ``moved`` again from ``saved``, in order, crossings counted as broken rules; its score when better.

    Better: the page crosses fewer times than ``before[0]`` and the moved arrows run along no more table
    lines than ``before[1]``.
    """
    _restore(router, saved)
    for link in moved:
        router.unroute(link)
    router.uncrossing = True
    try:
        clean = all(router.route(link)[1] for link in moved)  # stops at the first unclean
    finally:
        router.uncrossing = False
    if not clean:
        return None
    after = page_crossings(router)
    routes = [_points(router, link) for link in moved]
    if after >= before[0] or sum(_along_lines(router, points) for points in routes) > before[1]:
        return None
    return (after, sum(len(points) for points in routes), sum(_length(points) for points in routes))


def _along_lines(router: TableRouter, points: list[Point]) -> int:
    """How many runs of a route lie beside a table line of their direction (see ALONG_RUN and ALONG_NEAR)."""
    count = 0
    for (x0, y0), (x1, y1) in segments(points):
        vertical = abs(x0 - x1) < 0.01
        if (abs(y1 - y0) if vertical else abs(x1 - x0)) < ALONG_RUN:
            continue
        at, lines = (x0, router.col_lines) if vertical else (y0, router.row_lines)
        count += any(abs(at - line) < ALONG_NEAR for line in lines)
    return count
