"""flowgen's own orthogonal router for the lampiran table.

The table is a grid: rows (one per step) and actor columns.  An arrow is
drawn the way a careful person draws one on a real sheet:

- to the next row in the same column: straight down;
- to another column below: out of the side, across, down into the target
  (or down, then across into the target's side);
- loops back and long jumps: through the free channels beside the symbols
  and the gutters between rows, each arrow on its own track.

The tracks and the candidate shapes come from :mod:`flowgen.layout.table.grid`.
Every candidate shape is tried in order of simplicity; the first that
crosses no symbol, stays in the Pelaksana columns, keeps off the table's
lines and runs on no other arrow (unless they share a source or a target,
which may merge) is taken.  Tracks are a few points apart, never on a grid
line.  A decision's branches leave from different tips and carry their
labels beside the tip.
"""

from __future__ import annotations

from collections.abc import Iterator

from flowgen.layout.arrows import clear_label_spot, edge_classes, finish_arrows, label_size, label_text
from flowgen.layout.geometry import (
    Box,
    Point,
    Segment,
    crosses,
    dedupe,
    ends_on,
    points_of,
    polyline,
    runs_along,
    segments,
)
from flowgen.layout.grid_search import GridSearch, Obstacles, entry_ports, exit_ports
from flowgen.layout.table.branches import fork_followers, fork_tips
from flowgen.layout.table.grid import (
    LINE_CLEARANCE,
    RUN_CLEARANCE,
    SYMBOL_CLEARANCE,
    TableGrid,
    joinable,
    near_line,
    order_links,
    remembered,
)
from flowgen.layout.table.loop_exits import side_loops
from flowgen.layout.table.room import NONE, ROWS, hugging, row_wants
from flowgen.layout.table.rules import (
    CLOSE_LENGTH,
    CLOSE_RUNS,
    PAIR_REACH,
    RunBox,
    close_apart,
    crossing_in_zones,
    crossing_through,
    end_zones,
    leaves_from,
    near,
    reads_from_wrong_box,
    run_boxes,
    short_stem,
    side_of,
)
from flowgen.layout.table.types import Link, Symbol, TablePage, TableRoute
from flowgen.layout.table.uncross import crossed, untangle_page
from flowgen.model import analysis
from flowgen.model.types import Edge, Procedure, StepKind
from flowgen.style.resolve import ResolvedStyle

TRY_CANDIDATES = 200  # a branch tried out of one tip (decision_exits) gives up after this many candidates


class TableRouter(TableGrid):
    """Routes a page's arrows one by one on the grid's tracks, under the table's drawing rules."""

    def __init__(self, page: TablePage, style: ResolvedStyle, procedure: Procedure, back: set[Edge]):
        super().__init__(page, style)
        self.procedure = procedure
        self.back = back  # the procedure's loop arrows (their labels may be styled apart)
        self.labels: dict[int, Box] = {}  # link → its branch label's box, placed with its route
        self.label_dims: dict[int, tuple[float, float]] = {}
        self._cache: dict[int, tuple[list[Point], list[Segment], tuple[int, str], tuple[int, str]]] = {}
        self._boxes: dict[int, tuple[list[Point], list[RunBox], Box]] = {}
        y_top, y_bottom = page.rows[0][1], page.rows[-1][2]
        self.grid_lines: list[Segment] = [((x, y_top), (x, y_bottom)) for x in self.col_lines]
        self.grid_lines += [((self.left, y), (self.right, y)) for y in self.row_lines]
        self.limit: Box = (self.left + 1, y_top + 1, self.right - 1, y_bottom - 1)
        self.routes: list[tuple[Link, list[Point]]] = []
        self.tips: dict[int, dict[str, str]] = {}  # symbol → tip → the branch label that leaves by it
        self.clean: dict[int, bool] = {}  # link → whether its route breaks no rule
        self.wants: dict[int, tuple[tuple[str, float], ...]] = {}  # link → the rows it wants grown (room.row_wants)
        self.tip_of: dict[int, str] = {}  # link → the side of its source it leaves by
        self.style = style
        self.label_room: dict[int, float] = {}  # link → the run a branch label needs beside its tip
        self.head = max(style.table_edge(c).arrow_size for c in ((), ("branch", "yes"), ("branch", "no"), ("loop",)))
        self.only_tip: str | None = None  # while decision_exits tries a tip for a branch: the candidates by it
        self.uncrossing = False  # while uncross routes a crossing pair again: crossing any arrow breaks a rule

    def problems(self, points: list[Point], link: Link, merging: bool = False) -> int:
        """How many rules a candidate breaks (0: a clean route).

        The rules keep a table readable: no run through or hugging a symbol,
        none on or beside a table line, none on, touching or ending on another
        arrow (an arrow may only join another at their common target, or fork
        from another at their common source), and a symbol side is either
        where arrows leave or where they arrive, never both.  With
        ``merging``, an arrow may also meet another's last run on the way to
        their common target (or turn off another's first run), which is
        right but less clear, so it is only the second choice.
        """
        count = 0
        source, target = link.source, link.target
        segs = segments(points)
        last = len(segs) - 1
        for x, _ in points:
            if not self.left + 0.5 < x < self.right - 0.5:
                count += 1
        lo_x, lo_y = min(x for x, _ in points), min(y for _, y in points)
        hi_x, hi_y = max(x for x, _ in points), max(y for _, y in points)
        close = self.symbols_near((lo_x, lo_y, hi_x, hi_y))
        for i, ((x1, y1), (x2, y2)) in enumerate(segs):
            count += self._symbol_hits(link, i, last, ((x1, y1), (x2, y2)), close)
            if abs(x1 - x2) < 0.01 and near_line(x1, self.col_lines, LINE_CLEARANCE):
                count += 1
            if abs(y1 - y2) < 0.01 and near_line(y1, self.row_lines, LINE_CLEARANCE):
                count += 1
            for tie in self.tie_segments:
                if near(((x1, y1), (x2, y2)), tie):
                    count += 1
        reach = RUN_CLEARANCE + 2.5  # _near and ends_on look no further than this
        mine_box = (lo_x - reach, lo_y - reach, hi_x + reach, hi_y + reach)
        mine_runs = run_boxes(segs, PAIR_REACH)
        for other, theirs in self.routes:
            other_runs, box = self._runs(other, theirs)
            if box[2] < mine_box[0] or box[0] > mine_box[2] or box[3] < mine_box[1] or box[1] > mine_box[3]:
                continue  # as bounds_meet(mine_box, theirs)
            count += self._against(link, points, mine_runs, merging, other, theirs, other_runs)
        count += self._port_conflicts(points, link)
        for other, _ in self.routes:  # a branch label placed with its route is free paper no line may cross
            label = self.labels.get(id(other))
            if label is None or hi_x < label[0] or lo_x > label[2] or hi_y < label[1] or lo_y > label[3]:
                continue  # as bounds_meet(label, points)
            if any(crosses(label, seg) for seg in segs):
                count += 1
        if short_stem(points, self.head):
            count += 1
        if self._no_label_room(points, link):
            count += 1
        joined = {id(other.source) for other, _ in self.routes if other.target is target}  # their line is ours
        beside = [s.shape for s in self.symbols if id(s) not in joined]
        if reads_from_wrong_box(points, source.shape, target.shape, beside):
            count += 1
        if source.connector and side_of(source, points[0], points[1]) != "bottom":
            count += 1  # an off-page connector leads on from its point, downwards
        if target.connector and side_of(target, points[-1], points[-2]) != "top":
            count += 1
        return count

    def _against(
        self,
        link: Link,
        points: list[Point],
        mine_runs: list[RunBox],
        merging: bool,
        other: Link,
        theirs: list[Point],
        other_runs: list[RunBox],
    ) -> int:
        """The rules a candidate breaks against one routed arrow near it (see :meth:`problems`)."""
        count = 0
        last = len(mine_runs) - 1
        joins = other.target is link.target  # may share the last run into the common target
        bend = joins and link.target.connector is not None  # a shared connector: joined on its last bend too
        forks = other.source is link.source and (
            link.source.connector is not None or (other.edge.label or "") == (link.edge.label or "")
        )  # a connector's arrows carry no label: any two may fork
        # arrows of one source or one target may be one line (a fork, a join), not two lines close by
        apart = other.edge.source != link.edge.source and other.edge.target != link.edge.target
        zones = end_zones(points, theirs, self.head)
        end = len(other_runs) - 1
        for i, (mine, ax0, ay0, ax1, ay1) in enumerate(mine_runs):
            for j, (seg, bx0, by0, bx1, by1) in enumerate(other_runs):
                if bx1 < ax0 or bx0 > ax1 or by1 < ay0 or by0 > ay1:
                    continue  # farther apart than any test below looks
                if self.uncrossing and crossed(mine, seg):
                    count += 1
                if near(mine, seg) or ends_on(mine, seg) or ends_on(seg, mine):
                    if joins and j == end and (i == last or (merging and i == last - 1)):
                        pass  # arrives along the other's last run (or meets it on the way: a join)
                    elif bend and j >= end - 1 and i >= last - 1 and joinable(mine, seg):
                        pass  # on one line with the other's last bend into their shared connector
                    elif forks and j == 0 and (i == 0 or (merging and i == 1)):
                        pass  # leaves along the other's first run (or turns off it: a fork)
                    else:
                        count += 1
                if apart:
                    count += crossing_in_zones(mine, seg, zones)
                    # two runs side by side read as one double line (svgcheck's edges-close)
                    count += runs_along(mine, seg, CLOSE_RUNS, CLOSE_LENGTH)
                else:
                    count += close_apart(mine, seg) + crossing_through(mine, seg, zones)
        return count

    def _no_label_room(self, points: list[Point], link: Link) -> bool:
        """A decision's branch leaving sideways needs a first run long enough to carry its label above it."""
        if link.source.kind is not StepKind.DECISION or link.source.connector is not None or not link.edge.label:
            return False
        (x0, y0), (x1, y1) = points[0], points[1]
        if abs(y1 - y0) > 0.01:
            return False
        if id(link) not in self.label_room:
            text = label_text(link.edge, self.style) or ""
            classes = tuple(c for c in edge_classes(link.edge, self.procedure, set()) if c != "loop")
            self.label_room[id(link)] = label_size(text, classes, self.style)[0] + 5
        return abs(x1 - x0) < self.label_room[id(link)]

    def _symbol_hits(self, link: Link, i: int, last: int, seg: Segment, close: list[tuple[Symbol, Box]]) -> int:
        """Symbols run ``i`` passes through or too close to (its own ends only where it leaves them); of ``close``."""
        (x1, y1), (x2, y2) = seg
        source, target = link.source, link.target
        count = 0
        lo_x, hi_x, lo_y, hi_y, c = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2), SYMBOL_CLEARANCE
        for s, box in close:
            if not (lo_x < box[2] + c and hi_x > box[0] - c and lo_y < box[3] + c and hi_y > box[1] - c):
                continue  # not even within the clearance (crosses(box, seg, -SYMBOL_CLEARANCE) is false)
            ends_here = (s is source and i == 0) or (s is target and i == last)
            margin = -SYMBOL_CLEARANCE if not ends_here else 0.8
            if not crosses(box, seg, margin):
                continue
            leaves_right = (s is source and i == 0 and leaves_from(s, (x1, y1), (x2, y2))) or (
                s is target and i == last and leaves_from(s, (x2, y2), (x1, y1))
            )
            if not (ends_here and leaves_right):
                count += 1
        return count

    def _facts(self, other: Link, theirs: list[Point]) -> tuple[list[Segment], tuple[int, str], tuple[int, str]]:
        """A routed arrow's runs and the sides it leaves and reaches, computed once per route (not per candidate)."""
        cached = self._cache.get(id(other))
        if cached is None or cached[0] is not theirs:
            leaves = (id(other.source), side_of(other.source, theirs[0], theirs[1]))
            reaches = (id(other.target), side_of(other.target, theirs[-1], theirs[-2]))
            cached = (theirs, segments(theirs), leaves, reaches)
            self._cache[id(other)] = cached
        return cached[1], cached[2], cached[3]

    def _runs(self, other: Link, theirs: list[Point]) -> tuple[list[RunBox], Box]:
        """A routed arrow's runs with their bounding boxes, and its own bounding box, computed once per route."""
        cached = self._boxes.get(id(other))
        if cached is None or cached[0] is not theirs:
            xs, ys = [x for x, _ in theirs], [y for _, y in theirs]
            cached = (theirs, run_boxes(self._facts(other, theirs)[0], 0.0), (min(xs), min(ys), max(xs), max(ys)))
            self._boxes[id(other)] = cached
        return cached[1], cached[2]

    def _label_dims(self, link: Link) -> tuple[float, float] | None:
        """The size of the label this arrow carries (None: it carries none; a connector's arrows carry none)."""
        if link.source.connector is not None:
            return None
        if id(link) not in self.label_dims:
            text = label_text(link.edge, self.style)
            if not text:
                return None
            self.label_dims[id(link)] = label_size(text, edge_classes(link.edge, self.procedure, self.back), self.style)
        return self.label_dims[id(link)]

    def label_spot(self, points: list[Point], link: Link) -> Box | None:
        """Where this route's label would stand on free paper (see :func:`flowgen.layout.arrows.clear_label_spot`).

        Off every symbol and every label already placed; off every table line,
        every arrow drawn and the route itself.
        """
        dims = self._label_dims(link)
        if dims is None:
            return None
        taken = [box for other, _ in self.routes if (box := self.labels.get(id(other))) is not None]
        lines = [*segments(points), *(seg for other, theirs in self.routes for seg in self._facts(other, theirs)[0])]
        lines += self.grid_lines + self.tie_segments
        return clear_label_spot(points, dims[0], dims[1], self.boxes, taken, lines, self.limit)

    def _port_conflicts(self, points: list[Point], link: Link) -> int:
        """A side of a symbol is for leaving or for arriving, not both; two arrows leaving one side must fork."""
        conflicts = 0
        out_side = side_of(link.source, points[0], points[1])
        in_side = side_of(link.target, points[-1], points[-2])
        for other, theirs in self.routes:
            _, their_out, their_in = self._facts(other, theirs)
            if (id(link.source), out_side) == their_in:
                conflicts += 1
            if (id(link.target), in_side) == their_out:
                conflicts += 1
            if (
                (id(link.source), out_side) == their_out
                and other.target is not link.target
                and (other.edge.label or "") != (link.edge.label or "")
                and link.source.connector is None
            ):
                conflicts += 1
        return conflicts

    def _preferred(self, link: Link) -> Iterator[tuple[str, list[Point]]]:
        """The candidates, those entering a decision by a side tip last.

        A decision's side tips are where its branches leave; an arrow that
        arrives by one leaves a branch nowhere clean to go, so it is taken
        only when no way into the top is clean.
        """
        deferred: list[tuple[str, list[Point]]] = []
        for tip, points in self.candidates(link):
            points = dedupe(points)
            if len(points) < 2 or (self.only_tip is not None and tip != self.only_tip):
                continue
            into_side = side_of(link.target, points[-1], points[-2]) in ("left", "right")
            if link.target.kind is StepKind.DECISION and into_side:
                deferred.append((tip, points))
                continue
            yield tip, points
        yield from deferred

    def route(self, link: Link) -> tuple[list[Point], bool]:
        is_decision = link.source.kind is StepKind.DECISION
        claimed = self.tips.setdefault(id(link.source), {})
        label = link.edge.label or ""
        used = {tip for tip, owner in claimed.items() if owner != label}  # a branch that forks keeps its tip
        if link.source.connector is not None:  # a second arrow from one connector to one step: the same line
            for other, theirs in self.routes:
                if other.source is link.source and other.target is link.target:
                    self.routes.append((link, theirs))
                    self.clean[id(link)] = self.clean[id(other)]
                    return theirs, self.clean[id(other)]
        best: tuple[int, list[Point], str, Box | None] | None = None
        tight: tuple[int, list[Point], str, Box | None] | None = None  # the first clean route along a line
        forked = fork_tips(link, self.routes, self.tip_of, self.labels) if is_decision else set()
        for merging in (False, True):  # arrows that meet another on its way to their common end: last resort
            for tried, (tip, points) in enumerate(self._preferred(link), 1):
                if tight is not None and tight[0] == ROWS and len(points) > len(tight[1]):
                    break  # none as simple keeps off the lines: take the one along a row line, the row grows
                problems = self.problems(points, link, merging)
                if is_decision and tip in used:
                    problems += 1
                if forked and tip not in forked:
                    problems += 1  # a branch that forks is one line out of one tip, labelled once
                spot = None
                if problems == 0 and tip not in forked:  # a clean route whose label finds no free paper is not clean
                    spot = self.label_spot(points, link)
                    if spot is None and self._label_dims(link) is not None:
                        problems = 1
                if problems == 0 and (hug := hugging(points, self)) != NONE:
                    tight = tight or (hug, points, tip, spot)
                    continue  # a second grid line: a route clear of the lines is looked for first
                if problems == 0:
                    best = (0, points, tip, spot)
                    break
                if best is None or problems < best[0]:
                    best = (problems, points, tip, spot)
                if tried > (TRY_CANDIDATES if self.only_tip else 400):
                    break
            if (best is not None and best[0] == 0) or tight is not None:
                break
        if tight is not None and (best is None or best[0] > 0):
            best = (0, *tight[1:])
        if (best is None or best[0] > 0) and not self.uncrossing:  # uncross keeps to the tracks' candidates
            searched = self.search(link, used if is_decision else set())
            if searched is not None and self.problems(searched[1], link) == 0:
                spot = self.label_spot(searched[1], link) if searched[0] not in forked else None
                if spot is not None or self._label_dims(link) is None or searched[0] in forked:
                    best = (0, searched[1], searched[0], spot)
        if best is None:
            s, t = link.source.shape, link.target.shape
            best = (1, [(s.x, s.y1), (t.x, t.y0)], "bottom", None)
        self.routes.append((link, best[1]))
        if best[3] is not None:
            self.labels[id(link)] = best[3]
        self.clean[id(link)] = best[0] == 0
        self.wants[id(link)] = row_wants(best[1], self)
        self.tip_of[id(link)] = best[2]
        claimed.setdefault(best[2], label)
        return best[1], best[0] == 0

    def unroute(self, link: Link) -> None:
        """Take an arrow's route back (and the decision tip it had claimed)."""
        self.routes = [(other, points) for other, points in self.routes if other is not link]
        self.labels.pop(id(link), None)
        claims: dict[str, str] = {}
        for other, _ in self.routes:
            if other.source is link.source and id(other) in self.tip_of:
                claims.setdefault(self.tip_of[id(other)], other.edge.label or "")
        self.tips[id(link.source)] = claims

    def repair(self, link: Link) -> bool:
        """Rip up and reroute: when ``link`` (just routed) found no clean way, move an arrow in its way.

        Arrows are routed one by one, so an early one can take the very side
        or channel a later one needs (typically an arrow leaving a step by
        the side where several others must arrive).  Each arrow that its
        best route runs on, then each that shares a symbol with it, is taken
        back in turn, ``link`` routed first and the other after it; the first
        swap that leaves both clean is kept.
        """
        ends = {id(link.source), id(link.target)}
        mine = segments(next(points for other, points in self.routes if other is link))
        in_the_way = [
            o
            for o, theirs in self.routes
            if o is not link
            and any(near(a, b) or ends_on(a, b) or ends_on(b, a) for a in mine for b in segments(theirs))
        ]
        sharing = [o for o, _ in self.routes if o is not link and (id(o.source) in ends or id(o.target) in ends)]
        suspects = in_the_way + [o for o in sharing if o not in in_the_way]
        for other in suspects[:12]:
            tips = {k: dict(v) for k, v in self.tips.items()}
            saved = (list(self.routes), tips, dict(self.clean), dict(self.tip_of), dict(self.labels), dict(self.wants))
            self.unroute(link)
            self.unroute(other)
            if self.route(link)[1] and self.route(other)[1]:
                return True
            self.routes, self.tips, self.clean, self.tip_of, self.labels, self.wants = saved
        return False

    def search(self, link: Link, used: set[str]) -> tuple[str, list[Point]] | None:
        """The last resort: a shortest path on the fine grid of tracks (see :mod:`flowgen.layout.grid_search`)."""
        g = self.gap
        starts: list[tuple[Point, Point, float]] = []
        tips: dict[Point, str] = {}
        for name, port, direction, cost in exit_ports(
            link.source.shape, (("bottom", 0.0), ("left", 6.0), ("right", 6.0))
        ):
            if name in used or (link.source.connector and name != "bottom"):
                continue
            starts.append((port, direction, cost))
            tips[port] = name
        goals = entry_ports(
            link.target.shape, ("top",) if link.target.connector else ("top", "left", "right", "bottom")
        )
        others = [
            (other, pts)
            for other, pts in self.routes
            if other.edge.source != link.edge.source and other.edge.target != link.edge.target
        ]
        taken = [seg for _, pts in others for seg in segments(pts)] + self.tie_segments
        third = [sym.box for sym in self.symbols if sym is not link.source and sym is not link.target]
        blocked = remembered(Obstacles(third, taken, SYMBOL_CLEARANCE, RUN_CLEARANCE, -RUN_CLEARANCE).blocked)

        area = (self.left + 1, self.rows[0][1] + 1, self.right - 1, self.rows[-1][2] - 1)
        grid = GridSearch(area, g, self.col_lines, self.row_lines, [sym.box for sym in self.symbols])
        path = grid.find(starts, goals, blocked)
        if path is None:
            return None
        return tips.get(path[0], "bottom"), path


def route_table(
    page: TablePage, procedure: Procedure, style: ResolvedStyle, back: set[Edge] | None = None
) -> tuple[TableRoute, ...]:
    """Route every arrow of one table page; labels placed beside decision tips, with their routes.

    ``back`` is the procedure's loop arrows (computed once per procedure by the caller; here when not given).
    """
    back = analysis.back_edges(procedure) if back is None else back
    router = TableRouter(page, style, procedure, back)
    for i in order_links(page.links, page.symbols):
        if not router.route(page.links[i])[1]:
            router.repair(page.links[i])
    untangle_page(router, page.links)  # decisions' branches, arrows into one step, any two: uncrossed
    side_loops(router, page.links)  # a loop back out of the side tip facing its target, not a bottom U-turn
    route_of = {id(link): points for link, points in router.routes}
    lines = [polyline(route_of[id(link)]) for link in page.links]
    followers = fork_followers(router.routes, router.tip_of, router.labels)
    finished = finish_arrows(
        [link.edge for link in page.links],
        lines,
        procedure,
        style,
        [s.box for s in page.symbols],
        router.grid_lines,
        router.limit,
        table=True,
        # a connector's arrows carry no label; a branch that forks shows its label once, on the shared line
        labelled=[link.source.connector is None and id(link) not in followers for link in page.links],
        back=back,
        placed=[router.labels.get(id(link)) for link in page.links],
    )
    return tuple(
        TableRoute(
            link,
            tuple(points_of(f.commands)),
            f.head,
            label_text(link.edge, style) if id(link) in followers else f.label,  # named, not drawn again
            f.label_box,
            f.classes,
            router.clean[id(link)],
            router.wants.get(id(link), ()),
        )
        for link, f in zip(page.links, finished, strict=True)
    )
