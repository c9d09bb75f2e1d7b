"""The lampiran table seen as a router sees it: channels, gutters and the shapes of arrows.

Tracks are the positions an arrow may run on: vertical ones in the free
channels beside the step symbols of each actor column, horizontal ones in
the gutters above and below each row's symbols, all a few points apart
and well clear of the table's lines.  :class:`TableGrid` also lists, for
one arrow, every shape a careful person would draw on those tracks,
simplest first; :mod:`flowgen.layout.table.router` picks among them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence

from flowgen.layout.geometry import Box, Point, Segment
from flowgen.layout.table.types import Link, Symbol, TablePage
from flowgen.model.types import StepKind
from flowgen.style.resolve import ResolvedStyle

SYMBOL_CLEARANCE = 5.5  # points between an arrow and a symbol it passes (svgcheck's edge-grazes: 5)
LINE_CLEARANCE = (
    3.4  # points between an arrow and a table line it runs along, at the least (svgcheck's edge-on-border: 3)
)
TRACK_FROM_LINE = 5.5  # where the tight tracks lie from a table line (taken only when no roomy one serves)
BORDER_ROOM = 8.5  # where the roomy tracks lie: a run closer to a table line than ~8 reads as a doubled line
HUG = 8.0  # a run this close to a table line ...
HUG_RUN = 15.0  # ... for this long reads as a second grid line (scripts/border_runs.py measures it)
RUN_CLEARANCE = 3.2  # points between two arrows running side by side


def _tracks_between(
    low: float, high: float, lines: Sequence[float], gap: float, room: float = TRACK_FROM_LINE
) -> list[float]:
    """Track positions inside [low, high], at least ``room`` from every table line, ``gap`` apart."""
    if high - low < 1:
        return []
    first = max(gap * 1.4, room)
    found: list[float] = []
    for line in lines:
        for k in range(8):
            for position in (line - first - k * gap, line + first + k * gap):
                if low <= position <= high and all(abs(position - other) >= first - 0.01 for other in lines):
                    found.append(round(position, 2))
    centre = (low + high) / 2
    centre_room = LINE_CLEARANCE if room <= TRACK_FROM_LINE else room  # a lone track mid-gap, when none fits
    if not found and all(abs(centre - other) >= centre_room for other in lines):
        found.append(round(centre, 2))
    return sorted(set(found))


def _middle_first(tracks: list[float], low: float, high: float, grid: TableGrid) -> list[float]:
    """A gutter's roomy tracks, each nearest the middle of the free part it lies in first.

    A gutter straddles a row line: the free part above it (under a row's
    symbols) and the one below (over the next row's), each BORDER_ROOM clear
    of the line; a careful hand runs across in the middle of one, not next
    to the line.
    """

    def off_middle(y: float) -> float:
        k = bisect.bisect_left(grid.row_lines, y)
        above = grid.row_lines[k - 1] + BORDER_ROOM if k > 0 else low
        below = grid.row_lines[k] - BORDER_ROOM if k < len(grid.row_lines) else high
        return abs(y - (max(low, above) + min(high, below)) / 2)

    return sorted(tracks, key=lambda y: (round(off_middle(y), 2), y))


class TableGrid:
    """The tracks of one table page and the candidate shapes of its arrows."""

    def __init__(self, page: TablePage, style: ResolvedStyle):
        self.page = page
        self.gap = style.table.track_gap
        heads = (style.table_edge(c).arrow_size for c in ((), ("branch", "yes"), ("branch", "no"), ("loop",)))
        self.head_room = max(heads) * 0.8 + 3.8  # the straight run a head needs (see rules.short_stem)
        actor_cols = [c for c in page.columns if c.actor]
        self.left = actor_cols[0].x0
        self.right = actor_cols[-1].x1
        self.col_lines = sorted({c.x0 for c in actor_cols} | {c.x1 for c in actor_cols})
        self.rows = [(rid, y0, y1) for rid, y0, y1 in page.rows]
        self.row_lines = sorted({y for _, y0, y1 in self.rows for y in (y0, y1)})
        self.symbols = page.symbols
        self.boxes = [s.box for s in page.symbols]
        self.tie_segments: list[Segment] = [
            (points[k], points[k + 1]) for _, points in page.ties for k in range(0, len(points) - 1, 2)
        ]
        # vertical tracks: beside the step symbols of each actor column (the connectors in the bands
        # stand off-centre, side by side, where only their own arrows go: a track past them is checked
        # like any run)
        half = {c.key: 0.0 for c in actor_cols}
        for s in page.symbols:
            if s.connector is not None:
                continue
            for c in actor_cols:
                if c.x0 <= s.shape.x <= c.x1:
                    half[c.key] = max(half[c.key], abs(s.shape.x - c.center) + s.shape.w / 2)
        # each track remembers the middle of its channel: an arrow takes the channel nearest its way, and in it
        # the track nearest the middle (the tracks nearest the way were those along the column border)
        # the tracks closer than BORDER_ROOM to a column line are tight: only for when no roomy one serves
        self.channel_of: dict[float, float] = {}
        self.tight_x: set[float] = set()
        for c in actor_cols:
            h = half[c.key]
            for low, high in ((c.x0 + 1, c.center - h - SYMBOL_CLEARANCE), (c.center + h + SYMBOL_CLEARANCE, c.x1 - 1)):
                roomy = _tracks_between(low, high, self.col_lines, self.gap, BORDER_ROOM)
                for x in _tracks_between(low, high, self.col_lines, self.gap) + roomy:
                    self.channel_of[x] = (low + high) / 2
                    if x not in roomy and near_line(x, self.col_lines, BORDER_ROOM - 0.01):
                        self.tight_x.add(x)
        self.x_tracks = sorted(self.channel_of)
        # horizontal tracks: in the gutters above and below each row's symbols
        # (roomy ones first, each nearest the middle of its free part; the tight ones after them)
        self.gutters: dict[int, list[float]] = {}
        self.tight_y: set[float] = set()
        self.tops: dict[int, float] = {}
        self.bottoms: dict[int, float] = {}
        for i, (_, y0, y1) in enumerate(self.rows):
            inside = [s for s in page.symbols if y0 <= s.shape.y <= y1]
            self.tops[i] = min((s.shape.y0 for s in inside), default=(y0 + y1) / 2)
            self.bottoms[i] = max((s.shape.y1 for s in inside), default=(y0 + y1) / 2)
        for i in range(len(self.rows) + 1):
            low = self.bottoms[i - 1] + SYMBOL_CLEARANCE if i > 0 else self.rows[0][1] + 1
            high = self.tops[i] - SYMBOL_CLEARANCE if i < len(self.rows) else self.rows[-1][2] - 1
            roomy = _middle_first(_tracks_between(low, high, self.row_lines, self.gap, BORDER_ROOM), low, high, self)
            tight = [y for y in _tracks_between(low, high, self.row_lines, self.gap) if y not in roomy]
            self.tight_y.update(y for y in tight if near_line(y, self.row_lines, BORDER_ROOM - 0.01))
            self.gutters[i] = roomy + tight

    def symbols_near(self, bounds: Box) -> list[tuple[Symbol, Box]]:
        """The symbols (with their boxes) within the clearance of a route's bounds: the only ones its runs can hit.

        A run lies inside its route's bounds, so a symbol that fails this test
        fails :meth:`_symbol_hits`'s own for every run: testing it once per
        candidate, not once per run, gives the same counts.
        """
        lo_x, lo_y, hi_x, hi_y = bounds
        c = SYMBOL_CLEARANCE
        return [
            (s, box)
            for s, box in zip(self.symbols, self.boxes, strict=True)
            if lo_x < box[2] + c and hi_x > box[0] - c and lo_y < box[3] + c and hi_y > box[1] - c
        ]

    def row_index(self, symbol: Symbol) -> int:
        for i, (_, y0, y1) in enumerate(self.rows):
            if y0 <= symbol.shape.y <= y1:
                return i
        return 0

    def candidates(self, link: Link) -> Iterator[tuple[str, list[Point]]]:
        s, t = link.source.shape, link.target.shape
        rs, rt = self.row_index(link.source), self.row_index(link.target)
        d = 1 if t.x > s.x else -1
        side_s = (s.x1, s.y) if d > 0 else (s.x0, s.y)
        side_t_facing = (t.x0, t.y) if d > 0 else (t.x1, t.y)
        bottom_s, top_t, bottom_t = (s.x, s.y1), (t.x, t.y0), (t.x, t.y1)
        mid = (s.x + t.x) / 2
        by_distance = sorted(
            self.x_tracks,
            key=lambda x: (x in self.tight_x, abs(self.channel_of[x] - mid), abs(x - self.channel_of[x]), x),
        )

        def side_of(shape_x: float, x: float) -> str:
            return "right" if x > shape_x else "left"

        if link.source is link.target:
            for x in sorted((x for x in self.x_tracks if x > s.x1), key=lambda x: x)[:4]:
                yield "right", [(s.x1, s.y - s.h / 4), (x, s.y - s.h / 4), (x, s.y + s.h / 4), (s.x1, s.y + s.h / 4)]
            return
        if link.source.connector is not None and rt > rs:  # down out of its point, whatever is below
            yield from self._from_connector(link, by_distance)
            return
        if link.target.connector is not None and rt > rs:  # into its top, whatever stands above it
            yield from self._into_connector(link, by_distance)
        if rt > rs:  # forward
            if abs(s.x - t.x) < 0.5:
                yield "bottom", [bottom_s, top_t]
            elif s.x0 + 4 < t.x < s.x1 - 4 and link.source.kind is not StepKind.DECISION:
                yield "bottom", [(t.x, s.y1), top_t]  # straight down out of a box across the cells
            elif t.x0 + 4 < s.x < t.x1 - 4 and link.target.kind is not StepKind.DECISION:
                yield "bottom", [bottom_s, (s.x, t.y0)]  # straight down into a box across the cells
            if abs(t.x - s.x) > s.w / 2 + 4:
                yield side_of(s.x, t.x), [side_s, (t.x, s.y), top_t]
            if abs(t.x - s.x) > t.w / 2 + 4:
                yield "bottom", [bottom_s, (s.x, t.y), side_t_facing]
            for row in range(rs + 1, rt + 1):
                for y in self.gutters.get(row, []):
                    yield "bottom", [bottom_s, (s.x, y), (t.x, y), top_t]
            for x in by_distance:  # the three-bend shapes over every channel before the five-bend ones
                for y_b in self.gutters.get(rt, []):
                    yield side_of(s.x, x), [(s.x1 if x > s.x else s.x0, s.y), (x, s.y), (x, y_b), (t.x, y_b), top_t]
                yield (
                    side_of(s.x, x),
                    [(s.x1 if x > s.x else s.x0, s.y), (x, s.y), (x, t.y), (t.x1 if x > t.x else t.x0, t.y)],
                )
            for x in by_distance:
                for y_a in self.gutters.get(rs + 1, []):
                    for y_b in self.gutters.get(rt, []):
                        yield "bottom", [bottom_s, (s.x, y_a), (x, y_a), (x, y_b), (t.x, y_b), top_t]
                    # down out of the foot, along a channel, into the target's side (no gutter over it)
                    yield "bottom", [bottom_s, (s.x, y_a), (x, y_a), (x, t.y), (t.x1 if x > t.x else t.x0, t.y)]
        else:  # back up the table (or to a connector in a band above)
            if abs(t.x - s.x) > s.w / 2 + 4:
                yield side_of(s.x, t.x), [side_s, (t.x, s.y), bottom_t]
            if abs(t.x - s.x) > 0.5:  # down out of the foot, across under the row, up into the target's foot
                for y_a in self.gutters.get(rs + 1, []):
                    yield "bottom", [bottom_s, (s.x, y_a), (t.x, y_a), bottom_t]
            for x in by_distance:
                yield (
                    side_of(s.x, x),
                    [(s.x1 if x > s.x else s.x0, s.y), (x, s.y), (x, t.y), (t.x1 if x > t.x else t.x0, t.y)],
                )
                for y_b in self.gutters.get(rt + 1, []):  # up the channel, across under the target, into its foot
                    yield side_of(s.x, x), [(s.x1 if x > s.x else s.x0, s.y), (x, s.y), (x, y_b), (t.x, y_b), bottom_t]
                for y_b in self.gutters.get(rt, []):
                    yield side_of(s.x, x), [(s.x1 if x > s.x else s.x0, s.y), (x, s.y), (x, y_b), (t.x, y_b), top_t]
                for y_a in self.gutters.get(rs + 1, []):
                    yield "bottom", [bottom_s, (s.x, y_a), (x, y_a), (x, t.y), (t.x1 if x > t.x else t.x0, t.y)]

    def _from_connector(self, link: Link, by_distance: list[float]) -> Iterator[tuple[str, list[Point]]]:
        """Ways from an off-page connector in the band above down to its step.

        A connector is left only by its point; when other connectors stand
        below it in the band, the arrow turns aside in the gap under its
        point (the tracks just below it) and goes down beside them.
        """
        s, t = link.source.shape, link.target.shape
        rs, rt = self.row_index(link.source), self.row_index(link.target)
        bottom_s, top_t = (s.x, s.y1), (t.x, t.y0)
        _, _, band_bottom = self.rows[rs]
        below = [
            o.shape.y0 for o in self.symbols if o is not link.source and o.shape.y0 > s.y1 and o.shape.y1 <= band_bottom
        ]
        room = (s.y1 + SYMBOL_CLEARANCE, min(below, default=s.y1 + 2 * SYMBOL_CLEARANCE) - SYMBOL_CLEARANCE)
        under = [room[0] + k * self.gap for k in range(int((room[1] - room[0]) / self.gap) + 1)]
        if abs(s.x - t.x) < 0.5:
            yield "bottom", [bottom_s, top_t]
        if abs(t.x - s.x) > t.w / 2 + 4:
            yield "bottom", [bottom_s, (s.x, t.y), (t.x0 if t.x > s.x else t.x1, t.y)]
        for row in range(rs + 1, rt + 1):
            for y in self.gutters.get(row, []):
                yield "bottom", [bottom_s, (s.x, y), (t.x, y), top_t]
        for y_a in sorted(under, key=lambda y: near_line(y, self.row_lines, HUG)) + self.gutters.get(rs + 1, []):
            for x in by_distance:
                yield "bottom", [bottom_s, (s.x, y_a), (x, y_a), (x, t.y), (t.x1 if x > t.x else t.x0, t.y)]
                for y_b in self.gutters.get(rt, []):
                    yield "bottom", [bottom_s, (s.x, y_a), (x, y_a), (x, y_b), (t.x, y_b), top_t]

    def _into_connector(self, link: Link, by_distance: list[float]) -> Iterator[tuple[str, list[Point]]]:
        """Ways down into an off-page connector in the band below, entered only by its top.

        When other connectors stand above it in the band, the arrow comes
        down beside them and turns in over the target in the gap just above it.
        """
        s, t = link.source.shape, link.target.shape
        rs, rt = self.row_index(link.source), self.row_index(link.target)
        bottom_s, top_t = (s.x, s.y1), (t.x, t.y0)
        side_s = {True: (s.x1, s.y), False: (s.x0, s.y)}
        _, band_top, _ = self.rows[rt]
        above = [
            o.shape.y1 for o in self.symbols if o is not link.target and band_top <= o.shape.y0 and o.shape.y1 < t.y0
        ]
        room = (max(above, default=t.y0 - 2 * SYMBOL_CLEARANCE) + SYMBOL_CLEARANCE, t.y0 - SYMBOL_CLEARANCE)
        over = [room[1] - k * self.gap for k in range(int((room[1] - room[0]) / self.gap) + 1)]
        # the head needs a straight stem: turn in over the connector far enough above it, in the band
        # or in the gutter of the row above
        stem = self.head_room
        over = sorted(
            {y for y in over + self.gutters.get(rt, []) if t.y0 - y >= stem},
            key=lambda y: (near_line(y, self.row_lines, HUG), -y),  # nearest the connector, off the lines first
        ) or [t.y0 - stem]
        for y_o in over:
            yield "bottom", [bottom_s, (s.x, y_o), (t.x, y_o), top_t]
        if abs(t.x - s.x) > s.w / 2 + 4:  # out of the side facing it, across and down: one bend, before stairs
            yield ("right" if t.x > s.x else "left"), [side_s[t.x > s.x], (t.x, s.y), top_t]
        for y_o in over:
            for x in by_distance:
                yield ("right" if x > s.x else "left"), [side_s[x > s.x], (x, s.y), (x, y_o), (t.x, y_o), top_t]
                for y_a in self.gutters.get(rs + 1, []):
                    yield "bottom", [bottom_s, (s.x, y_a), (x, y_a), (x, y_o), (t.x, y_o), top_t]


def order_links(links: Sequence[Link], symbols: Sequence[Symbol]) -> list[int]:
    """Simple arrows first (straight down to the next symbol in the same column), then by how far they go.

    A long arrow straight down a column past other symbols is not simple: it
    must go round them, so it waits its turn by length like any other.
    """

    def key(i: int) -> tuple[int, float, int, int]:
        link = links[i]
        s, t = link.source.shape, link.target.shape
        between = any(
            o.shape.x0 - SYMBOL_CLEARANCE < s.x < o.shape.x1 + SYMBOL_CLEARANCE and s.y1 <= o.shape.y <= t.y0
            for o in symbols
            if o is not link.source and o is not link.target
        )
        straight = 0 if abs(s.x - t.x) < 0.5 and t.y > s.y and not between else 1
        return (straight, abs(t.y - s.y), link.edge.source, link.edge.target)

    return sorted(range(len(links)), key=key)


def remembered(blocked: Callable[[Segment], bool]) -> Callable[[Segment], bool]:
    """``blocked`` answered once per grid step: the search asks again from both ends and for both headings.

    A step on one grid line (exactly one coordinate shared, the other apart) gets the same answer
    either way round from :meth:`Obstacles.blocked`, so it is remembered under both orders.
    """
    known: dict[Segment, bool] = {}

    def ask(segment: Segment) -> bool:
        answer = known.get(segment)
        if answer is None:
            answer = known[segment] = blocked(segment)
            (x1, y1), (x2, y2) = segment
            if (x1 == x2 and abs(y1 - y2) >= 0.01) or (y1 == y2 and abs(x1 - x2) >= 0.01):
                known[(segment[1], segment[0])] = answer
        return answer

    return ask


def near_line(value: float, lines: Sequence[float], clearance: float) -> bool:
    """Whether ``value`` lies closer than ``clearance`` to one of the sorted ``lines``.

    Only the two lines either side of it can be the nearest (subtraction is
    monotone), so the answer is that of testing every line, found by bisection.
    """
    k = bisect.bisect_left(lines, value)
    return (k < len(lines) and abs(value - lines[k]) < clearance) or (k > 0 and abs(value - lines[k - 1]) < clearance)


def joinable(a: Segment, b: Segment) -> bool:
    """Two axis-aligned runs that meet as one drawn line: on one line, or one turning off the other.

    Not two parallel runs a little apart (those read as a double line).
    """
    vertical_a, vertical_b = abs(a[0][0] - a[1][0]) < 0.01, abs(b[0][0] - b[1][0]) < 0.01
    if vertical_a != vertical_b:
        return True
    return abs(a[0][0] - b[0][0]) < 0.01 if vertical_a else abs(a[0][1] - b[0][1]) < 0.01
