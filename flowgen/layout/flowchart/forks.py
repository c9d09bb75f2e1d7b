"""One branch that forks: a decision's arrows with the same answer drawn as one line that splits after its label.

A decision whose "Ya" goes to two steps is one branch, and a careful hand
draws it so: one line leaves the tip, carries the label once, and splits
into the two targets after it.  Graphviz (and the repair) give each arrow
its own way out, so the same label would be written at two tips.  After the
repair, :func:`join_forks` moves every other arrow of such a branch onto
the first one's trunk: it leaves the same tip, runs with it past the label
and turns off towards its own route, wherever the judge of the careful hand
counts no more faults than before.  The joined arrows keep their label as
data but draw none (:func:`flowgen.layout.arrows.finish_arrows`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flowgen.layout.flowchart.careful import Repair, _effort
from flowgen.layout.flowchart.judge import CLOSE, END_ZONE, drawn, runs_of
from flowgen.layout.flowchart.types import Part
from flowgen.layout.geometry import Point, crosses, dedupe, segments
from flowgen.model.types import Edge, StepKind

Run = tuple[str, float, float, float]  # ("h" or "v", the line it runs on, from, to)

SPLITS = 12  # split points tried along a trunk
SPLIT_STEP = 5.0  # points between two split points tried


def fork_groups(edges: Sequence[Edge], ends: Sequence[tuple[Part, Part]]) -> list[list[int]]:
    """The arrows of each forking branch: two or more out of one decision with the same answer, in order."""
    groups: dict[tuple[int, int, str, str], list[int]] = {}
    for k, edge in enumerate(edges):
        source, target = ends[k]
        if source is target or edge.label is None or source.shape.kind is not StepKind.DECISION:
            continue
        answer = edge.answer.value if edge.answer is not None else ""
        groups.setdefault((edge.source, source.part, answer, edge.label), []).append(k)
    return [group for group in groups.values() if len(group) > 1]


def join_forks(repair: Repair, routes: list[list[Point]], label: Callable[[int], tuple[float, float]]) -> set[int]:
    """Move the arrows of each forking branch onto one trunk (in place); the indexes of those that joined one.

    ``label`` gives the width and height of an arrow's label: the trunk
    runs past it before the branch splits.  The trunk is the arrow whose
    partners join it with the least drawing; a branch none can join stays
    as it was.
    """
    joined: set[int] = set()
    for group in fork_groups(repair.edges, repair.ends):
        best: tuple[tuple[float, int], dict[int, list[Point]]] | None = None
        for a in group:
            plan: dict[int, list[Point]] = {}
            cost = 0.0
            for b in group:
                if b == a:
                    continue
                # the decision's other branches and every arrow to elsewhere (a join into b's own target is allowed)
                target = repair.ends[b][1].step
                others = [
                    runs_of(routes[j])
                    for j in range(len(routes))
                    if j not in group and repair.ends[j][1].step != target
                ]
                option = _onto(repair, routes[a], b, routes[b], label(a), others)
                if option is None:
                    break
                cost += option[0]
                plan[b] = option[1]
            else:
                if best is None or (cost, a) < best[0]:
                    best = ((cost, a), plan)
        if best is None:
            continue
        for b, points in sorted(best[1].items()):
            repair._move(b, drawn(points, repair.ends[b], repair.head, repair.joint))
            routes[b] = points
            joined.add(b)
    return joined


def _onto(
    repair: Repair,
    trunk: Sequence[Point],
    b: int,
    route: Sequence[Point],
    size: tuple[float, float],
    others: Sequence[Sequence[Run]],
) -> tuple[float, list[Point]] | None:
    """Route ``b`` leaving along ``trunk``'s first run past its label, then joining its own way; (added drawing, route).

    None when no such route leaves as few faults as ``b`` has now.
    """
    if len(trunk) < 2 or len(route) < 2:
        return None
    (x0, y0), (x1, y1) = trunk[0], trunk[1]
    vertical = abs(x0 - x1) < 0.01
    if not vertical and abs(y0 - y1) >= 0.01:
        return None  # a curved or slanted trunk: no fork drawn
    length = abs(x1 - x0) + abs(y1 - y0)
    ux, uy = (x1 - x0) / (length or 1.0), (y1 - y0) / (length or 1.0)
    low = 3.0 + (size[1] if vertical else size[0]) + 5.0  # past the label beside the trunk
    high = length - (END_ZONE + repair.head if len(trunk) == 2 else 0.0)  # not at the trunk's own head
    if _along(trunk, route, low, high if len(trunk) == 2 else length):
        return 0.0, list(route)  # it already leaves on the trunk's line and splits past the label
    if high < low:
        return None
    source, target = repair.ends[b]
    old = repair._score_now(b)
    best: tuple[tuple[int, float, float], list[Point]] | None = None
    for n in range(SPLITS):
        d = min(low + n * SPLIT_STEP, high)
        split = (x0 + ux * d, y0 + uy * d)
        for i in range(1, len(route)):
            q = route[i]
            corner = (q[0], split[1]) if vertical else (split[0], q[1])
            if abs(corner[0] - split[0]) < 0.01 and abs(corner[1] - split[1]) < 0.01:
                continue  # it would run back or on along the trunk
            candidate = dedupe([trunk[0], split, corner, q, *route[i + 1 :]])
            if len(candidate) < 3 or not _clear_of_ends(candidate, source, target) or _beside(candidate, others):
                continue
            score = repair.score(b, drawn(candidate, repair.ends[b], repair.head, repair.joint))
            if score > old:
                continue
            key = (score, _effort(candidate), d)
            if best is None or key < best[0]:
                best = (key, candidate)
        if d >= high:
            break
    if best is None:
        return None
    return best[0][1] - _effort(route), best[1]


def _along(trunk: Sequence[Point], route: Sequence[Point], low: float, high: float) -> bool:
    """``route`` leaves where ``trunk`` does, the same way, and turns off it between ``low`` and ``high``."""
    (x0, y0), (x1, y1), (x2, y2) = trunk[0], trunk[1], route[1]
    if abs(route[0][0] - x0) > 0.01 or abs(route[0][1] - y0) > 0.01:
        return False
    same_line = (abs(x1 - x0) < 0.01 and abs(x2 - x0) < 0.01) or (abs(y1 - y0) < 0.01 and abs(y2 - y0) < 0.01)
    same_way = (x1 - x0) * (x2 - x0) + (y1 - y0) * (y2 - y0) > 0
    shared = min(abs(x1 - x0) + abs(y1 - y0), abs(x2 - x0) + abs(y2 - y0))
    return same_line and same_way and low <= shared <= high


def _beside(points: Sequence[Point], others: Sequence[Sequence[Run]]) -> bool:
    """A run on or along another arrow's run (closer than :data:`CLOSE`), even one out of the same decision.

    The judge lets arrows out of one symbol merge (that is a fork); a
    branch's new way must still keep off the decision's other branches.
    """
    for kind, c, low, high in runs_of(points):
        for runs in others:
            for kind2, c2, low2, high2 in runs:
                if kind == kind2 and abs(c - c2) < CLOSE and min(high, high2) - max(low, low2) > 4.0:
                    return True
    return False


def _clear_of_ends(points: Sequence[Point], source: Part, target: Part) -> bool:
    """No run after the first crosses back over the source, none before the last over the target."""
    runs = segments(points)
    for i, segment in enumerate(runs):
        if i > 0 and crosses(source.box, segment, 0.5):
            return False
        if i < len(runs) - 1 and crosses(target.box, segment, 0.5):
            return False
    return True
