"""The lampiran's flowchart table: columns, rows, pages, symbols in cells, off-page connectors.

No Graphviz here: the grid is known (one row per step, one column per
actor), so flowgen places everything itself and routes the arrows with its
own orthogonal router (:mod:`flowgen.layout.table.router`).

Pages are filled row by row; a row is never split.  An arrow whose ends land
on different pages becomes a pair of off-page connectors: one at the foot
of the page it leaves ("ke 12, hal. 3"), one at the head of the page it
reaches ("dari 5, hal. 2"), as Permenpan draws it (:mod:`flowgen.layout.table.connectors`).
The page's data types are in :mod:`flowgen.layout.table.types`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import partial

from flowgen.errors import Diagnostic, Span, warning
from flowgen.layout.symbols import DIAMOND_TEXT_SHARE, FittedText, Shape, fit, step_classes
from flowgen.layout.table.cell_lists import fit_cell
from flowgen.layout.table.column_fit import min_symbol_width
from flowgen.layout.table.columns import cell_text, columns
from flowgen.layout.table.connectors import (
    band,
    band_cells,
    band_height,
    band_row_height,
    crossing_edges,
    off_through_lines,
    page_bands,
)
from flowgen.layout.table.identity import identity_warnings
from flowgen.layout.table.joint import joint_symbols
from flowgen.layout.table.numbering import numbered_identity
from flowgen.layout.table.paginate import paginated
from flowgen.layout.table.reroute import reroute_crowded
from flowgen.layout.table.room import more_room
from flowgen.layout.table.router import route_table
from flowgen.layout.table.types import Cell, Column, Link, Row, Symbol, TableLayout, TablePage, TableRoute
from flowgen.model import analysis
from flowgen.model.types import Edge, Procedure, Step, StepKind
from flowgen.model.values import format_duration
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import block_height, clean, measure

TEXT_COLUMNS = ("kelengkapan", "waktu", "output")


def _fit_cell(text: str, column: Column, style: ResolvedStyle, element: str, classes: tuple[str, ...]) -> FittedText:
    pad = style.box(element, classes).padding  # (a list is set with a hanging indent)
    return fit_cell(text, style.text(element, classes), column.x1 - column.x0 - pad[1] - pad[3])


def _symbol_size(
    step: Step, style: ResolvedStyle, column_width: float, channel: float
) -> tuple[float, float, FittedText, float]:
    """A symbol's size in the table: the style's, grown to hold its ``simbol`` text (never wider than its cell)."""
    classes = step_classes(step)
    look = style.symbol(classes)
    w, h = look.width, look.height
    widest_allowed = max(column_width - 2 * channel, min_symbol_width(step.kind, w, h))  # never out of shape
    w = min(w, widest_allowed)
    label = clean(step.symbol)
    text_style = look.text
    if not label:
        return w, h, FittedText((), 0.0, 0.0), text_style.size
    words = label.split()
    for shrink in (1.0, 0.9, 0.8):  # keep whole words: a smaller font before a broken word
        size_style = replace(text_style, size=text_style.size * shrink)
        longest = max(measure(size_style.face, size_style.size, word) for word in words)
        share = DIAMOND_TEXT_SHARE if step.kind is StepKind.DECISION else 1.0
        room = (widest_allowed - (4 if step.kind is StepKind.DECISION else h)) * share
        if longest <= room or shrink == 0.8:
            break
    if step.kind is StepKind.DECISION:
        # the whole text on one line
        whole = (measure(size_style.face, size_style.size, label) + 4) / DIAMOND_TEXT_SHARE
        w = min(widest_allowed, max(w, whole if whole <= widest_allowed else (longest + 4) / DIAMOND_TEXT_SHARE))
        # a word that passed the room test is never broken: the diamond grows taller round it instead
        fitted = fit(label, size_style, max(w * DIAMOND_TEXT_SHARE - 4, longest if longest <= room else 0.0))
        h = max(h, (fitted.height + 3) / max(0.2, 1 - (fitted.width + 4) / w))
    else:
        inner = widest_allowed - (h if step.kind.is_terminator else 6)
        fitted = fit(label, size_style, inner)
        w = min(widest_allowed, max(w, fitted.width + (h if step.kind.is_terminator else 6)))
        h = max(h, fitted.height + 5)
    return w, h, fitted, size_style.size


def _rows(procedure: Procedure, cols: list[Column], style: ResolvedStyle, roomy: Mapping[int, float]) -> list[Row]:
    min_height = style.table.row_min_height
    rows: list[Row] = []
    width_of = {c.actor: c.x1 - c.x0 for c in cols if c.actor}
    channel = style.table.track_gap * 2
    # each text column's text style and padding, resolved once (not per step)
    looks = {c.key: (style.text("cell", (c.cls,)), style.box("cell", (c.cls,)).padding) for c in cols if not c.actor}
    for step in procedure.steps:
        texts: dict[str, FittedText] = {}
        height = min_height
        for column in cols:
            if column.actor:
                continue
            text_style, pad = looks[column.key]
            texts[column.key] = fitted = fit_cell(
                cell_text(procedure, step, column.key), text_style, column.x1 - column.x0 - pad[1] - pad[3]
            )
            height = max(height, fitted.height + pad[0] + pad[2])
        # the symbol as it is drawn in each of its actors' columns (a wider column can set its text larger)
        sh = max(_symbol_size(step, style, width_of.get(a, 60.0), channel)[1] for a in step.actors)
        height = max(height, sh + 2 * (channel * 0.75 + 4), sh + 2 * roomy.get(step.number, 0.0))  # gutters
        if step.kind is StepKind.DECISION:  # and room for the branch labels beside the tips
            label = style.edge().label.text
            height = max(height, sh + 2 * (channel * 0.75 + 4) + block_height(1, label.size, label.line_height) + 2)
        rows.append(Row(step, height, texts))
    if style.table.total_time:
        longest = analysis.longest_path(procedure)
        labels = style.labels
        total = format_duration(longest.duration, labels.units(), labels["decimal"]) if longest else labels["empty"]
        texts = {}
        height = min_height * 0.8
        for column in cols:
            if column.key == "kegiatan":
                texts[column.key] = _fit_cell(_total_label(procedure, style), column, style, "cell", ("total",))
            elif column.key == "waktu":
                texts[column.key] = _fit_cell(total, column, style, "cell", ("waktu", "total"))
            else:
                continue
            pad = style.cell(("total",)).box.padding
            height = max(height, texts[column.key].height + pad[0] + pad[2])
        rows.append(Row(None, height, texts))
    return rows


def _total_label(procedure: Procedure, style: ResolvedStyle) -> str:
    """ "Total waktu", and what the total leaves out when some times cannot be added (never a silent sum)."""
    note = analysis.total_time_note(procedure, "en" if style.document.language.startswith("en") else "id")
    return f"{style.labels['total']} ({note})" if note else style.labels["total"]


def _header(cols: list[Column], style: ResolvedStyle, top: float) -> tuple[list[Cell], float]:
    """The two-level header (and the optional row of column numbers); its cells and its height."""
    labels = style.labels
    actors = [c for c in cols if c.actor]
    mutu_keys = [
        c
        for c in cols
        if c.key in (*TEXT_COLUMNS, "keterangan") and not (c.key == "keterangan" and style.table.keterangan == "column")
    ]
    spanning = [c for c in cols if not c.actor and c not in mutu_keys]

    def fitted(text: str, width: float, classes: tuple[str, ...]) -> FittedText:
        pad = style.header(classes).box.padding
        return fit(text, style.header(classes).text, width - pad[1] - pad[3], balanced=True)

    def height(f: FittedText, classes: tuple[str, ...]) -> float:
        pad = style.header(classes).box.padding
        return f.height + pad[0] + pad[2]

    groups: list[tuple[str, str, float, float]] = []
    if actors:
        groups.append(("pelaksana", labels["col-pelaksana"], actors[0].x0, actors[-1].x1))
    if mutu_keys:
        groups.append(("mutu-baku", labels["col-mutu-baku"], mutu_keys[0].x0, mutu_keys[-1].x1))
    group_fits = {key: fitted(text, x1 - x0, ("group",)) for key, text, x0, x1 in groups}
    sub_fits = {c.key: fitted(c.title, c.x1 - c.x0, (c.cls,)) for c in actors + mutu_keys}
    first = max([height(f, ("group",)) for f in group_fits.values()] + [16.0])
    second = max([height(f, (c.cls,)) for c, f in zip(actors + mutu_keys, sub_fits.values())] + [16.0])
    span_fits = {c.key: fitted(c.title, c.x1 - c.x0, (c.cls,)) for c in spanning}
    total = max(first + second, *(height(f, (c.cls,)) for c, f in zip(spanning, span_fits.values())))
    second = total - first
    cells: list[Cell] = []
    for c in spanning:
        cells.append(Cell("header", c.key, (c.x0, top, c.x1, top + total), span_fits[c.key], "header", (c.cls,)))
    for key, _text, x0, x1 in groups:
        cells.append(Cell("header", key, (x0, top, x1, top + first), group_fits[key], "header", ("group",)))
    for c in actors + mutu_keys:
        cells.append(Cell("header", c.key, (c.x0, top + first, c.x1, top + total), sub_fits[c.key], "header", (c.cls,)))
    if style.table.column_numbers:
        number_fits = [fitted(f"({i})", c.x1 - c.x0, ("number",)) for i, c in enumerate(cols, start=1)]
        row = max(height(f, ("number",)) for f in number_fits)
        for c, f in zip(cols, number_fits):
            cells.append(
                Cell("header", c.key, (c.x0, top + total, c.x1, top + total + row), f, "header", ("number", c.cls))
            )
        total += row
    return cells, total


@dataclass(frozen=True)
class _Frame:
    """What every table page shares: the columns, the body rows, the header, the room for rows."""

    cols: tuple[Column, ...]
    rows: tuple[Row, ...]
    header: tuple[Cell, ...]
    header_h: float
    band_row: float
    actor_col: Mapping[str | None, Column]
    available: float  # height for body rows and connector bands on a page


def layout_table(procedure: Procedure, style: ResolvedStyle, first_page: int = 2) -> TableLayout:
    """The lampiran: its identity sheet (page ``first_page - 1``) and its continuation sheets, then the
    table pages (from ``first_page`` on, moved on by the continuation sheets), routed.

    An arrow that could only run sideways beside a row's border asks for more
    room in that row (:func:`flowgen.layout.table.room.row_wants`): the rows
    asked for are grown and the table laid out again, a few times at most.
    """
    roomy: dict[int, float] = {}
    layout = _layout(procedure, style, first_page, roomy, None)
    for _ in range(2):  # the last layout's identity sheet is laid out again only for another page count
        grown = more_room(roomy, layout.pages)
        if grown == roomy:
            break
        roomy = grown
        layout = _layout(procedure, style, first_page, roomy, layout)
    return layout


def _layout(
    procedure: Procedure, style: ResolvedStyle, first_page: int, roomy: Mapping[int, float], last: TableLayout | None
) -> TableLayout:
    """The lampiran laid out once, with its rows grown to ``roomy`` (step → free space above and below its symbol)."""
    frame = _frame(procedure, style, roomy)
    pages = paginated(procedure, style, list(frame.rows), frame.available, frame.actor_col, frame.band_row)
    page_of = {row.step.number: p for p, page in enumerate(pages) for row in page if row.step is not None}
    same = last is not None and len(last.pages) == len(pages)
    identity = last.identity if last and same else numbered_identity(procedure, style, first_page - 1, len(pages))
    continued, count = len(identity.continued), identity.pages
    edges = _EdgesByPage(procedure, page_of)  # one pass over the arrows for the whole document
    tables = tuple(
        _page(procedure, style, frame, page_rows, p, edges, first_page + continued, count)
        for p, page_rows in enumerate(pages)
    )
    back = analysis.back_edges(procedure)  # once per procedure, not per page

    def route(page: TablePage) -> tuple[TableRoute, ...]:
        return route_table(page, procedure, style, back)

    def links_of(p: int) -> Callable[[list[Symbol]], list[Link]]:
        return lambda symbols: _links(edges.touching.get(p, []), symbols, page_of, p)

    routed = tuple(reroute_crowded(page, route(page), route, links_of(p)) for p, page in enumerate(tables))
    return TableLayout(identity, routed)


def _frame(procedure: Procedure, style: ResolvedStyle, roomy: Mapping[int, float] | None = None) -> _Frame:
    size, margin = style.page
    usable_w = size.width - margin[1] - margin[3]
    cols = columns(procedure, style, usable_w)
    offset = margin[3] + (usable_w - cols[-1].x1) / 2 if cols[-1].x1 < usable_w else margin[3]
    cols = [Column(c.key, c.cls, c.x0 + offset, c.x1 + offset, c.title, c.actor) for c in cols]
    rows = _rows(procedure, cols, style, roomy or {})
    header_cells, header_h = _header(cols, style, margin[0])
    footer_h = style.footer.room
    actor_col: dict[str | None, Column] = {c.actor: c for c in cols if c.actor}
    available = size.height - margin[0] - margin[2] - header_h - footer_h
    return _Frame(tuple(cols), tuple(rows), tuple(header_cells), header_h, band_row_height(style), actor_col, available)


class _EdgesByPage:
    """Each page's arrows, found in one pass: those that touch it, and those that cross its edges."""

    def __init__(self, procedure: Procedure, page_of: dict[int, int]):
        self.page_of = page_of
        self.incoming, self.outgoing = crossing_edges(procedure, page_of)
        self.touching: dict[int, list[Edge]] = defaultdict(list)  # in the procedure's order
        for e in procedure.edges:
            here, there = page_of[e.source], page_of[e.target]
            self.touching[here].append(e)
            if there != here:
                self.touching[there].append(e)


def _page(
    procedure: Procedure,
    style: ResolvedStyle,
    frame: _Frame,
    page_rows: list[Row],
    p: int,
    edges: _EdgesByPage,
    first_page: int,
    count: int,
) -> TablePage:
    """One table page (not yet routed): its rows, each connector band beside its step's row, its footer."""
    size, margin = style.page
    page_of = edges.page_of
    cols, actor_col, band_row = frame.cols, frame.actor_col, frame.band_row
    number = first_page + p
    top = margin[0] + frame.header_h
    cells: list[Cell] = []
    symbols: list[Symbol] = []
    row_boxes: list[tuple[str, float, float]] = []
    above, below = page_bands(page_rows, edges.incoming.get(p, []), edges.outgoing.get(p, []))
    channel = style.table.track_gap * 2
    connectors = partial(band, procedure=procedure, actor_col=actor_col, style=style, page_of=page_of)
    between: list[tuple[float, float]] = []  # the bands that stand between two rows

    def add_band(direction: str, crossing: list[Edge], top: float, inner: bool) -> float:
        """A band of connectors at ``top`` (its empty cells when it stands between rows); where it ends."""
        found = connectors(crossing, direction, first_page=first_page, top=top, band_row=band_row, above=symbols)
        height = band_height(found, band_row)
        row_id = f"connectors-{direction}"
        row_boxes.append((row_id, top, top + height))
        symbols.extend(found)
        if inner:
            cells.extend(band_cells(cols, row_id, top, top + height))
            between.append((top, top + height))
        return top + height

    for k, row in enumerate(page_rows):
        step = row.step.number if row.step else -1
        if step in above:
            top = add_band("in", above[step], top, inner=k > 0)
        y0, y1 = top, top + row.height
        top = y1
        row_id = str(row.step.number) if row.step else "total"
        row_boxes.append((row_id, y0, y1))
        cells += _row_cells(row, row_id, cols, y0, y1)
        if row.step is not None:
            symbols += _symbols(row.step, actor_col, style, (y0 + y1) / 2, channel)
        if step in below:
            top = add_band("out", below[step], top, inner=k < len(page_rows) - 1)
    symbols, ties = joint_symbols(off_through_lines(symbols, procedure, actor_col, between), style)
    links = _links(edges.touching.get(p, []), symbols, page_of, p)
    table_box = (cols[0].x0, margin[0], cols[-1].x1, top)
    footer = None
    if style.footer.shown:
        footer_style = style.footer.text
        text = style.labels["page"].format(page=number, pages=count)
        x = {"left": cols[0].x0, "center": (cols[0].x0 + cols[-1].x1) / 2}.get(footer_style.align, cols[-1].x1)
        footer = (x, top + style.footer.baseline, text)
    return TablePage(
        number,
        size.width,
        size.height,
        cols,
        frame.header,
        tuple(cells),
        tuple(symbols),
        tuple(links),
        tuple(row_boxes),
        table_box,
        footer,
        tuple(ties),
    )


def _row_cells(row: Row, row_id: str, cols: tuple[Column, ...], y0: float, y1: float) -> list[Cell]:
    cells: list[Cell] = []
    for column in cols:
        if column.actor:
            cells.append(
                Cell(row_id, column.key, (column.x0, y0, column.x1, y1), FittedText((), 0, 0), "cell", ("actor",))
            )
            continue
        fitted = row.cells.get(column.key, FittedText((), 0, 0))
        classes = (column.cls,) if row.step else ((column.cls, "total") if column.key != "kegiatan" else ("total",))
        cells.append(Cell(row_id, column.key, (column.x0, y0, column.x1, y1), fitted, "cell", classes))
    return cells


def _symbols(
    step: Step, actor_col: Mapping[str | None, Column], style: ResolvedStyle, cy: float, channel: float
) -> list[Symbol]:
    out: list[Symbol] = []
    for k, actor in enumerate(step.actors):
        column = actor_col[actor]
        w, h, fitted, size = _symbol_size(step, style, column.x1 - column.x0, channel)
        shape = Shape(step.kind, column.center, cy, w, h)
        out.append(Symbol(step.number, k, step.actors, step.kind, shape, fitted, step_classes(step), None, size))
    return out


def _links(edges: list[Edge], symbols: list[Symbol], page_of: dict[int, int], page: int) -> list[Link]:
    """The arrows drawn on a page: between its steps, and to and from its connectors."""
    steps: dict[int, list[Symbol]] = defaultdict(list)
    outs: dict[int, Symbol] = {}  # one leaving connector per step it goes to
    ins: dict[tuple[int, int] | None, Symbol] = {}
    for s in symbols:
        if s.connector == "out":
            outs[s.step] = s
        elif s.connector == "in":
            ins[s.pair] = s
        else:
            steps[s.step].append(s)

    def nearest(group: list[Symbol], other: Symbol) -> Symbol:
        return min(group, key=lambda s: (abs(s.shape.x - other.shape.x), s.part))

    links: list[Link] = []
    for edge in edges:
        src_here, dst_here = page_of[edge.source] == page, page_of[edge.target] == page
        if src_here and dst_here:
            pairs = [(a, b) for a in steps[edge.source] for b in steps[edge.target]]
            a, b = min(pairs, key=lambda ab: (abs(ab[0].shape.x - ab[1].shape.x), ab[0].part + ab[1].part))
            links.append(Link(edge, a, b))
        elif src_here:
            target = outs[edge.target]
            links.append(Link(edge, nearest(steps[edge.source], target), target))
        elif dst_here:
            source = ins[(edge.source, edge.target)]
            links.append(Link(edge, source, nearest(steps[edge.target], source)))
    return links


def table_warnings(procedure: Procedure, style: ResolvedStyle) -> list[Diagnostic]:
    """A warning when the sheet's page is too narrow for this table's columns (naming sheet and columns),
    and one when the style's logo slot has no logo file to show."""
    size, margin = style.page
    short: list[str] = []
    columns(procedure, style, size.width - margin[1] - margin[3], short)
    if not short:
        return identity_warnings(style)
    sheet = str(style.sheet.path) if style.sheet.path else style.name
    names = ", ".join(f"'{name}'" for name in short)
    narrow = warning("table-too-narrow", Span(sheet, 0, 1, 0), None, sheet=style.name, page=size.name, columns=names)
    return [narrow, *identity_warnings(style)]
