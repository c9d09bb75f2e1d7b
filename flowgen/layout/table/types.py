"""The lampiran table as data: columns, cells, symbols, arrows and pages.

The contract between the table's layout (:mod:`flowgen.layout.table.place`,
:mod:`flowgen.layout.table.connectors`), its router
(:mod:`flowgen.layout.table.router`) and its scene builder
(:mod:`flowgen.render.lampiran`).  All frozen: the router's routes are put
into a page with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flowgen.layout.geometry import Box, Point
from flowgen.layout.symbols import FittedText, Shape
from flowgen.layout.table.identity import IdentityLayout
from flowgen.model.types import Edge, Step, StepKind

Tie = tuple[int, tuple[Point, ...]]  # a joint step's number and its line's points


@dataclass(frozen=True)
class Column:
    key: str  # data-col: no, kegiatan, actor:KEY, kelengkapan, waktu, output, keterangan
    cls: str  # style class
    x0: float
    x1: float
    title: str
    actor: str | None = None

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Cell:
    row: str  # data-row: a step number, "header" or "total"
    col: str  # data-col
    box: Box
    text: FittedText
    element: str  # "header" or "cell"
    classes: tuple[str, ...]
    valign: str = "middle"


@dataclass(frozen=True)
class Symbol:
    """A symbol in an actor cell (or a connector in a band)."""

    step: int  # the step it draws (a connector: the step it stands for)
    part: int
    actors: tuple[str, ...]
    kind: StepKind
    shape: Shape
    text: FittedText
    classes: tuple[str, ...]
    connector: str | None = None  # "out" | "in" for off-page connectors
    text_size: float = 0.0  # the size the text was fitted at (0: the style's)
    pair: tuple[int, int] | None = None  # a connector's arrow: (from step, to step)

    @property
    def box(self) -> Box:
        s = self.shape
        return (s.x0, s.y0, s.x1, s.y1)


@dataclass(frozen=True)
class Link:
    """An arrow to draw on one page: from a symbol to a symbol (either may be a connector)."""

    edge: Edge
    source: Symbol
    target: Symbol


@dataclass(frozen=True)
class TableRoute:
    """An arrow on a table page as drawn: its points (shortened under the head), head, label, classes."""

    link: Link
    points: tuple[Point, ...]
    head: tuple[Point, ...]
    label: str | None
    label_box: Box | None
    classes: tuple[str, ...]
    clean: bool  # False when no candidate avoided every conflict (the least bad one was taken)
    wants: tuple[tuple[str, float], ...] = ()  # rows (id, free space above and below) it would run clear of lines in


@dataclass(frozen=True)
class TablePage:
    number: int  # page of the document (the identity sheet is page 1)
    width: float
    height: float
    columns: tuple[Column, ...]
    header: tuple[Cell, ...]
    cells: tuple[Cell, ...]
    symbols: tuple[Symbol, ...]
    links: tuple[Link, ...]
    rows: tuple[tuple[str, float, float], ...]  # (row id, y0, y1) of body rows and bands, top to bottom
    table_box: Box
    footer: tuple[float, float, str] | None  # x, baseline, text
    ties: tuple[Tie, ...] = ()
    routes: tuple[TableRoute, ...] = ()  # filled by the router (:func:`flowgen.layout.table.router.route_table`)


@dataclass(frozen=True)
class Row:
    """A body row before pagination: its step (None: the total row), height and fitted cells."""

    step: Step | None  # None: the total time row
    height: float
    cells: dict[str, FittedText]


@dataclass(frozen=True)
class TableLayout:
    """The whole lampiran laid out and routed: the identity sheet, then the table pages."""

    identity: IdentityLayout
    pages: tuple[TablePage, ...]
