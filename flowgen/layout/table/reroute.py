"""A page routed again with its off-page connectors in another order, when its first routing is not clean.

The connectors of a band stand side by side in their actor's column in
the order their arrows come in the procedure.  That order knows nothing of
where the arrows go: a connector whose arrow goes round to the left may
stand right of one that drops straight into the step below, and the two
arrows must cross right where one of them arrives.  A careful hand puts
each connector over the way its arrow goes; here, when a page's routes are
not all clean, the connectors of each crowded band row are tried in the
other orders (few: a band row holds two or three) and the routing that
leaves the fewest arrows unclean is kept (the first such, so the result is
deterministic).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from flowgen.layout.symbols import Shape
from flowgen.layout.table.types import Link, Symbol, TablePage, TableRoute

MAX_TRIES = 4  # other orders tried per page at the most
GAP = 4.0  # between two connectors standing side by side (as :func:`flowgen.layout.table.connectors.band` sets them)


def _rows_of_connectors(symbols: Sequence[Symbol]) -> list[list[int]]:
    """Indices of the connectors standing side by side, one list per band row of one column (two or more)."""
    groups: dict[tuple[str | None, str, float], list[int]] = {}
    for k, s in enumerate(symbols):
        if s.connector is not None:
            groups.setdefault((s.connector, s.actors[0], round(s.shape.y, 2)), []).append(k)
    return [sorted(g, key=lambda k: symbols[k].shape.x) for g in groups.values() if len(g) > 1]


def _orders(group: list[int]) -> Iterator[tuple[int, ...]]:
    """Every other order of a small group; the reverse and the rotations of a larger one."""
    if len(group) <= 3:
        yield from (p for p in itertools.permutations(group) if list(p) != group)
        return
    yield tuple(reversed(group))
    for r in range(1, len(group)):
        yield tuple(group[r:] + group[:r])


def _placed(symbols: Sequence[Symbol], group: list[int], order: tuple[int, ...]) -> list[Symbol]:
    """The connectors of ``group`` set side by side again, from the same left edge, in ``order``."""
    out = list(symbols)
    x = min(symbols[k].shape.x0 for k in group)
    for k in order:
        s = symbols[k].shape
        out[k] = replace(symbols[k], shape=Shape(s.kind, x + s.w / 2, s.y, s.w, s.h))
        x += s.w + GAP
    return out


def reroute_crowded(
    page: TablePage,
    routes: tuple[TableRoute, ...],
    route: Callable[[TablePage], tuple[TableRoute, ...]],
    links: Callable[[list[Symbol]], list[Link]],
) -> TablePage:
    """The page with its routes; when some are not clean, the best of a few other connector orders."""
    best = (sum(not r.clean for r in routes), replace(page, routes=routes))
    if best[0] == 0:
        return best[1]
    tries = 0
    symbols = list(page.symbols)
    stuck = {id(end) for r in routes if not r.clean for end in (r.link.source, r.link.target)}
    for group in _rows_of_connectors(symbols):
        if not any(id(symbols[k]) in stuck for k in group):
            continue  # only a band row one of whose arrows found no clean way is tried in another order
        for order in _orders(group):
            if tries >= MAX_TRIES:
                return best[1]
            tries += 1
            moved = _placed(symbols, group, order)
            trial = replace(page, symbols=tuple(moved), links=tuple(links(moved)))
            routed = route(trial)
            unclean = sum(not r.clean for r in routed)
            if unclean < best[0]:
                best = (unclean, replace(trial, routes=routed))
                if unclean == 0:
                    return best[1]
        symbols = list(best[1].symbols)  # the next row starts from the best order found so far
    return best[1]
