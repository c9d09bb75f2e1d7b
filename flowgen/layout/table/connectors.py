"""Off-page connectors: the bands at the head and foot of a table page.

An arrow whose ends land on different pages becomes a pair of connectors:
one in the band at the foot of the page it leaves ("ke 12 / hal. 3"), one
in the band at the head of the page it reaches ("dari 5 / hal. 2", a decision's
branch with its answer: "dari 5 (Ya)"), each in
the column of the actor of the step on its own page.  The arrows of one
page to one step elsewhere share their leaving connector, as a drafter
draws it.  Bands are measured before pagination (so a page keeps room for
them) and filled after.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from flowgen.layout.arrows import label_text
from flowgen.layout.symbols import CONNECTOR_SHOULDER, FittedText, Shape
from flowgen.layout.table.grid import SYMBOL_CLEARANCE
from flowgen.layout.table.types import Cell, Column, Row, Symbol
from flowgen.model.types import Edge, Procedure, StepKind
from flowgen.style.resolve import ResolvedStyle, TextStyle
from flowgen.text import block_height, measure


def band_row_height(style: ResolvedStyle) -> float:
    """Height of one row of off-page connectors (connectors grow for their text: leave room).

    About a body row's height: a band row twice as high as a row of steps
    read as an empty row of the table.
    """
    text = style.symbol(("connector",)).text
    h = max(
        style.symbol(("connector",)).height,
        (block_height(2, text.size, text.line_height) + 4) / CONNECTOR_SHOULDER,
    )
    head = max(style.table_edge(c).arrow_size for c in ((), ("branch", "yes"), ("branch", "no"), ("loop",)))
    turn = head * 0.8 + 3.8 + 7.0  # an arrow turns in over a point on a straight stem, clear of the row line
    # room for the turns on one side only: a leaving connector stands at its row's foot (its arrows come
    # from above), an arriving one at its row's head (its arrow goes on down)
    return h + max(2 * style.table.track_gap + 6, turn) + BAND_EDGE


BAND_EDGE = 3.0  # between a connector and the table line at the band's far side
# a connector moved aside in its own column keeps this far off the column line: pushed against it, its arrow
# comes down a staircase beside the line (the reviewer's pattern 1); else it takes the next column's centre
ASIDE_ROOM = 12.0


def band_height(connectors: list[Symbol], band_row: float) -> float:
    if not connectors:
        return 0.0
    rows = max(round((s.shape.y - connectors[0].shape.y) / band_row) for s in connectors) + 1
    return rows * band_row


def page_bands(
    page_rows: Sequence[Row], incoming: Sequence[Edge], outgoing: Sequence[Edge]
) -> tuple[dict[int, list[Edge]], dict[int, list[Edge]]]:
    """A page's crossing arrows by where their band stands: arriving ones above their step's row, leaving ones below.

    A connector beside its step keeps its arrow short, as a careful hand
    draws it: a band at the page's head whose line ran down seven rows to
    its step read as part of every row it passed.  The arrows of one page to
    one step elsewhere share one leaving connector, below the lowest of
    their rows on the page.
    """
    order = [row.step.number for row in page_rows if row.step is not None]
    position = {step: k for k, step in enumerate(order)}
    groups: dict[int, list[Edge]] = defaultdict(list)
    for edge in outgoing:
        groups[edge.target].append(edge)
    lowest = {target: max((e.source for e in group), key=position.__getitem__) for target, group in groups.items()}
    last = len(order) - 1
    host_in = _hosts(sorted({position[e.target] for e in incoming}))
    flipped = _hosts(sorted({last - position[s] for s in lowest.values()}))
    host_out = {last - k: last - h for k, h in flipped.items()}
    above: dict[int, list[Edge]] = defaultdict(list)
    for edge in incoming:
        above[order[host_in[position[edge.target]]]].append(edge)
    below: dict[int, list[Edge]] = defaultdict(list)
    for edge in outgoing:  # in the procedure's order, as the band sets them side by side
        below[order[host_out[position[lowest[edge.target]]]]].append(edge)
    return dict(above), dict(below)


def _hosts(positions: Sequence[int]) -> dict[int, int]:
    """For each row (from the page's head) that needs a band, the row whose band above it serves it.

    One band serves two neighbouring rows (its arrows cross at most two
    rows): a band row for every row would cost the page a row each.  The
    second row is served from the page's head, where the band stands as
    it always did.  (Leaving bands are found the same way, counted from
    the page's foot.)
    """
    host: dict[int, int] = {}
    current = -2
    for k in positions:
        if k - current > 1:
            current = 0 if k <= 1 else k
        host[k] = current
    return host


def page_height(
    procedure: Procedure,
    page_rows: Sequence[Row],
    actor_col: Mapping[str | None, Column],
    style: ResolvedStyle,
    band_row: float,
) -> float:
    """The height of a page holding these rows: the rows and the bands of the arrows that cross its edges.

    Measured for the page as it would be (the bands depend on which steps
    share it), so pagination never reserves a band a page does not get.
    The other pages are numbered 10 and 11 here: a two-digit page makes a
    connector no narrower than the real one, so no band row is missed.
    """
    here = {row.step.number for row in page_rows if row.step is not None}
    incoming = [e for e in procedure.edges if e.target in here and e.source not in here]
    outgoing = [e for e in procedure.edges if e.source in here and e.target not in here]
    above, below = page_bands(page_rows, incoming, outgoing)
    page_of = {step.number: 0 if step.number in here else 1 for step in procedure.steps}
    total = sum(row.height for row in page_rows)
    for direction, bands in (("in", above), ("out", below)):
        for edges in bands.values():
            symbols = band(edges, direction, procedure, actor_col, style, page_of, 10, 0.0, band_row)
            total += band_height(symbols, band_row)
    return total


def band_cells(columns: Sequence[Column], row_id: str, y0: float, y1: float) -> list[Cell]:
    """The empty cells of a band between two rows: the table's column lines run on through it.

    A band at the table's head or foot is one open strip (no cells); between
    rows an open strip would cut the columns in two.
    """
    empty = FittedText((), 0.0, 0.0)
    return [
        Cell(row_id, c.key, (c.x0, y0, c.x1, y1), empty, "cell", ("actor",) if c.actor else (c.cls,)) for c in columns
    ]


def crossing_edges(
    procedure: Procedure, page_of: Mapping[int, int]
) -> tuple[dict[int, list[Edge]], dict[int, list[Edge]]]:
    """The arrows that cross a page break, by the page they come into and by the page they leave (in order).

    One pass over the arrows for the whole document (not one per page).
    """
    ins: dict[int, list[Edge]] = defaultdict(list)
    outs: dict[int, list[Edge]] = defaultdict(list)
    for e in procedure.edges:
        here, there = page_of[e.source], page_of[e.target]
        if here != there:
            outs[here].append(e)
            ins[there].append(e)
    return ins, outs


def connector_text(style: ResolvedStyle, direction: str, step: int | str, page: int) -> tuple[str, str]:
    """The connector's two lines; a step the No column prints no number for is left out ("dari / hal. 2").

    A "–" would name nothing a reader can look up; the page alone still
    leads to the other connector of the pair, which names this page's step.
    """
    labels = style.labels
    key = "connector-to" if direction == "out" else "connector-from"
    first = labels[key].format(step=step, page=page).strip()  # "dari" when the step prints no number
    return first, labels["connector-page"].format(step=step, page=page)


def band(
    edges: list[Edge],
    direction: str,
    procedure: Procedure,
    actor_col: Mapping[str | None, Column],
    style: ResolvedStyle,
    page_of: dict[int, int],
    first_page: int,
    top: float,
    band_row: float,
    above: Sequence[Symbol] = (),
) -> list[Symbol]:
    """Connectors of one page's band, as a drafter draws them.

    Leaving a page: one connector per step on a later (or earlier) page,
    however many of this page's steps go to it ("ke 20 / hal. 3"), in the
    column of the last of them (nearest the band).  Reaching a page: one
    connector per arrow, naming its step and, for a decision's branch, its
    answer ("dari 9 (Ya) / hal. 2").  A leaving connector never stands
    right under a step that is not one of its own (``above``: the page's
    symbols): its arrow would drop into it along that step's centre line,
    reading as leaving that step, or run through it.
    """
    text_style = style.symbol(("connector",)).text
    base_w = style.symbol(("connector",)).width
    base_h = style.symbol(("connector",)).height
    order = {step.number: k for k, step in enumerate(procedure.steps)}
    groups: dict[tuple[int, int], list[Edge]] = defaultdict(list)
    for edge in edges:
        key = (0, edge.target) if direction == "out" else (edge.source, edge.target)
        groups[key].append(edge)
    by_column: dict[str, list[_Item]] = defaultdict(list)
    sources = {key[1]: {e.source for e in group} for key, group in groups.items()}  # a leaving one's steps
    for group in groups.values():
        edge = group[0]
        other = edge.target if direction == "out" else edge.source
        here = min((e.source for e in group), key=order.__getitem__) if direction == "out" else edge.target
        actor = procedure.step(here).actors[0]
        texts = connector_text(style, direction, procedure.shown_number(other), first_page + page_of[other])
        branch = label_text(edge, style) if direction == "in" else None
        if branch:  # "dari 9 (Ya)": which of the decision's branches comes in here
            texts = (f"{texts[0]} ({branch})", texts[1])
        widest = max(measure(text_style.face, text_style.size, text) for text in texts)
        w = max(base_w, widest + 5)
        h = max(base_h, (block_height(2, text_style.size, text_style.line_height) + 4) / CONNECTOR_SHOULDER)
        by_column[actor_col[actor].key].append(((edge.source, edge.target), other, actor, texts, w, h))
    symbols = _set_side_by_side(by_column, actor_col, direction, text_style, top, band_row)
    if direction == "out" and above:
        symbols = [_off_other_steps(c, sources[c.step], above, symbols, actor_col[c.actors[0]]) for c in symbols]
    return symbols


def _off_other_steps(
    connector: Symbol, own: set[int], above: Sequence[Symbol], band: Sequence[Symbol], column: Column
) -> Symbol:
    """The leaving connector moved aside in its column when the lowest step over it is not one of its own.

    It goes beside that step, clear of it by more than an arrow keeps from
    a symbol, on the side nearer its own steps, so its arrow comes down a
    clear channel; it stays where it is when no side has the room (within
    its column, off the band's other connectors).
    """
    c = connector.shape
    over = [s for s in above if s.connector is None and s.shape.x0 - 1 <= c.x <= s.shape.x1 + 1 and s.shape.y1 < c.y0]
    if not over:
        return connector
    lowest = max(over, key=lambda s: s.shape.y1)
    if lowest.step in own:
        return connector
    mine = [s.shape.x for s in above if s.step in own and s.connector is None] or [c.x]
    toward = sum(mine) / len(mine)
    gap = SYMBOL_CLEARANCE + 1 + c.w / 2
    spots = sorted((lowest.shape.x1 + gap, lowest.shape.x0 - gap), key=lambda x: (abs(x - toward), -x))
    others = [o.shape for o in band if o is not connector and abs(o.shape.y - c.y) < 0.01]
    for x in spots:
        inside = column.x0 + c.w / 2 + 2 <= x <= column.x1 - c.w / 2 - 2
        if inside and all(abs(x - o.x) >= (c.w + o.w) / 2 + 4 for o in others):
            return replace(connector, shape=Shape(c.kind, x, c.y, c.w, c.h))
    return connector


_Item = tuple[tuple[int, int], int, str, tuple[str, str], float, float]  # pair, step, actor, texts, w, h


def _set_side_by_side(
    by_column: Mapping[str, list[_Item]],
    actor_col: Mapping[str | None, Column],
    direction: str,
    text_style: TextStyle,
    top: float,
    band_row: float,
) -> list[Symbol]:
    """The connectors of each column side by side, as many as fit, then another band row."""
    symbols: list[Symbol] = []
    for key, group in by_column.items():
        column = next(c for c in actor_col.values() if c.key == key)
        room = column.x1 - column.x0
        row: list[_Item] = []
        rows: list[list[_Item]] = [row]
        used = 0.0
        for item in group:
            if row and used + item[4] > room - 2:
                row = []
                rows.append(row)
                used = 0.0
            row.append(item)
            used += item[4] + 4
        for r, row_items in enumerate(rows):
            base = top + r * band_row
            total = sum(item[4] for item in row_items) + 4 * (len(row_items) - 1)
            x = column.center - total / 2
            for pair, other, actor, texts, w, h in row_items:
                widest = max(measure(text_style.face, text_style.size, t) for t in texts)
                fitted = FittedText(texts, widest, block_height(2, text_style.size, text_style.line_height))
                cy = base + BAND_EDGE + h / 2 if direction == "in" else base + band_row - BAND_EDGE - h / 2
                shape = Shape(StepKind.CONNECTOR, x + w / 2, cy, w, h)
                symbols.append(
                    Symbol(other, 0, (actor,), StepKind.CONNECTOR, shape, fitted, ("connector",), direction, pair=pair)
                )
                x += w + 4
    return symbols


def off_through_lines(
    symbols: Sequence[Symbol],
    procedure: Procedure,
    actor_col: Mapping[str | None, Column],
    inner: Sequence[tuple[float, float]],
) -> list[Symbol]:
    """The connectors of the bands between rows moved off the way of an arrow that runs down through the band.

    A band between two rows stands where the arrows from the row above to
    the rows below pass: a connector right under a decision whose other
    branch drops straight to the next step blocks it, and the branch went
    round through the neighbouring cells.  The connector goes beside that
    way in its column, or, when its column has no room, into the
    neighbouring column's cell of the band (its arrow then comes across
    from its step's side, or goes across into it), as a drafter moves it.
    """
    steps = [s for s in symbols if s.connector is None]
    linked = {(e.source, e.target) for e in procedure.edges}
    columns = sorted({c.key: c for c in actor_col.values()}.values(), key=lambda c: c.x0)
    out = list(symbols)
    for k, connector in enumerate(symbols):
        if connector.connector is None or not any(y0 <= connector.shape.y <= y1 for y0, y1 in inner):
            continue
        if _through(connector.shape, steps, linked) is not None:
            out[k] = _aside(connector, out, steps, columns, linked)
    return out


def _through(c: Shape, steps: Sequence[Symbol], linked: set[tuple[int, int]]) -> float | None:
    """Where an arrow straight down a column between a step above the band and one below it crosses ``c``, if any."""
    near = SYMBOL_CLEARANCE + 1

    def overlapping(s: Symbol) -> bool:
        return s.shape.x0 - near < c.x1 and s.shape.x1 + near > c.x0

    upper = [s for s in steps if s.shape.y1 < c.y0]
    lower = [s for s in steps if s.shape.y0 > c.y1]
    for a in sorted((s for s in upper if overlapping(s)), key=lambda s: -s.shape.y1)[:1]:
        if c.x0 - near < a.shape.x < c.x1 + near and any((a.step, b.step) in linked for b in lower):
            return a.shape.x  # an arrow down out of the step over the connector
    for b in sorted((s for s in lower if overlapping(s)), key=lambda s: s.shape.y0)[:1]:
        if c.x0 - near < b.shape.x < c.x1 + near and any((a.step, b.step) in linked for a in upper):
            return b.shape.x  # an arrow down into the step under it
    return None


def _aside(
    connector: Symbol,
    band: Sequence[Symbol],
    steps: Sequence[Symbol],
    columns: Sequence[Column],
    linked: set[tuple[int, int]],
) -> Symbol:
    """The connector beside the way through its column, else in a neighbouring column's cell (else where it was)."""
    c = connector.shape
    home = next(k for k, col in enumerate(columns) if col.x0 <= c.x <= col.x1)
    near = [s for s in steps if columns[home].x0 <= s.shape.x <= columns[home].x1]
    half = max((s.shape.w / 2 for s in near), default=0.0) + SYMBOL_CLEARANCE + 1 + c.w / 2
    way = _through(c, steps, linked) or c.x
    beside = [(way + half, home, ASIDE_ROOM), (way - half, home, ASIDE_ROOM)]
    # its step's row: a neighbouring cell there must be empty for the arrow to come across (or go across)
    row_y = (
        max((s.shape.y for s in steps if s.shape.y1 < c.y0), default=c.y)
        if connector.connector == "out"
        else min((s.shape.y for s in steps if s.shape.y0 > c.y1), default=c.y)
    )
    across = [
        (columns[k].center, k, 2.0)
        for k in (home + 1, home - 1)
        if 0 <= k < len(columns) and _free_cell(columns[k], row_y, connector, steps)
    ]
    # beside the way with room off the column line, else centred in the next column, else against the line
    spots = beside + across + [(x, k, 2.0) for x, k, _ in beside]
    others = [o.shape for o in band if o is not connector and o.connector is not None and abs(o.shape.y - c.y) < 0.01]
    for x, k, room in spots:
        moved = Shape(c.kind, x, c.y, c.w, c.h)
        inside = columns[k].x0 + c.w / 2 + room <= x <= columns[k].x1 - c.w / 2 - room
        clear = all(abs(x - o.x) >= (c.w + o.w) / 2 + 4 for o in others)
        if inside and clear and _through(moved, steps, linked) is None:
            return replace(connector, shape=moved)
    return connector


def _free_cell(column: Column, row_y: float, connector: Symbol, steps: Sequence[Symbol]) -> bool:
    """A neighbouring column's band cell a connector may take.

    Its step's row must be empty there, for the arrow to come across (or go
    across), and that column's nearest step past the band on the
    connector's far side (below a leaving one, above an arriving one) must
    be more than a row of steps away: its arrow comes along the column's
    middle from the rows between, in line with the connector's own, and the
    two read as one line through the connector.
    """
    c = connector.shape
    mine = [s for s in steps if column.x0 <= s.shape.x <= column.x1]
    if any(abs(s.shape.y - row_y) < 1 for s in mine):
        return False
    out = connector.connector == "out"
    beyond = [s.shape.y for s in mine if (s.shape.y0 > c.y1 if out else s.shape.y1 < c.y0)]
    if not beyond:
        return True
    nearest = min(beyond) if out else max(beyond)
    between = {round(s.shape.y) for s in steps if min(nearest, c.y) < s.shape.y < max(nearest, c.y)}
    return len(between) > 1
