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
from flowgen.layout.table.types import Column, Row, Symbol
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


def band_height(connectors: list[Symbol], band_row: float) -> float:
    if not connectors:
        return 0.0
    rows = max(round((s.shape.y - connectors[0].shape.y) / band_row) for s in connectors) + 1
    return rows * band_row


def band_needs(
    procedure: Procedure,
    pages: list[list[Row]],
    actor_col: Mapping[str | None, Column],
    style: ResolvedStyle,
    band_row: float,
) -> dict[int, tuple[float, float]]:
    """Top and bottom band heights each page needs for the arrows that cross its edges."""
    page_of = {row.step.number: p for p, page in enumerate(pages) for row in page if row.step is not None}
    wanted: dict[int, tuple[float, float]] = {}
    ins, outs = crossing_edges(procedure, page_of)
    for p in sorted(set(ins) | set(outs)):
        incoming, outgoing = ins.get(p, []), outs.get(p, [])
        top = band_height(band(incoming, "in", procedure, actor_col, style, page_of, 2, 0.0, band_row), band_row)
        bottom = band_height(band(outgoing, "out", procedure, actor_col, style, page_of, 2, 0.0, band_row), band_row)
        if top or bottom:
            wanted[p] = (top, bottom)
    return wanted


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
