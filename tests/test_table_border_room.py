"""The lampiran's arrows keep off the table's lines: no run beside a row or column border, no crossing at a head.

Reviewers of the demo book read a run 2–7 pt beside a row border for 15 pt
or more as a doubled grid line, and a crossing right above a head as a
T-junction into the wrong step (scripts/border_runs.py counts both).
"""

from __future__ import annotations

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.table.place import layout_table
from flowgen.layout.table.room import more_room, row_wants
from flowgen.layout.table.router import TableRouter
from flowgen.layout.table.types import TableLayout, TableRoute
from flowgen.model import analysis
from tests.helpers import ROOT

BOOK = ROOT / "examples" / "book" / "01-subbagian-tata-usaha"


def _layout(name: str) -> tuple[flowgen.Procedure, TableLayout]:
    procedure = flowgen.load(BOOK / name)
    return procedure, layout_table(procedure, resolve_style("default", procedure))


def _route(layout: TableLayout, edge: tuple[int, int]) -> tuple[TableRoute, list[float], list[float]]:
    """The route of ``edge`` with its page's row lines and column lines."""
    for page in layout.pages:
        for route in page.routes:
            if (route.link.edge.source, route.link.edge.target) == edge:
                rows = sorted({y for _, y0, y1 in page.rows for y in (y0, y1)})
                cols = sorted({x for c in page.columns if c.actor for x in (c.x0, c.x1)})
                return route, rows, cols
    raise AssertionError(f"no route {edge}")


def _closest_run(route: TableRoute, rows: list[float], cols: list[float]) -> float:
    """How near any run of 15 pt or more comes to a table line along it."""
    nearest = 99.0
    for (x0, y0), (x1, y1) in zip(route.points, route.points[1:]):
        if abs(y0 - y1) < 0.01 and abs(x0 - x1) >= 15:
            nearest = min(nearest, *(abs(y0 - line) for line in rows))
        elif abs(x0 - x1) < 0.01 and abs(y0 - y1) >= 15:
            nearest = min(nearest, *(abs(x0 - line) for line in cols))
    return nearest


def test_a_loop_back_from_a_decision_crosses_rows_instead_of_running_along_one() -> None:
    """Book p. 101: step 3's "Tidak" back to step 2 ran 5.6 pt above the border of rows 3/4 for 250 pt."""
    _, layout = _layout("028-rekonsiliasi-data-keuangan.pos")
    route, rows, cols = _route(layout, (3, 2))
    assert route.clean
    assert _closest_run(route, rows, cols) >= 8


def test_a_branch_under_a_decision_keeps_clear_of_the_row_border() -> None:
    """Book p. 150: step 5's "Ya" to step 6 ran sideways just above the border of rows 5/6."""
    _, layout = _layout("042-penyusunan-perjanjian-kinerja.pos")
    route, rows, cols = _route(layout, (5, 6))
    assert route.clean
    assert _closest_run(route, rows, cols) >= 8


def test_an_arrow_into_its_off_page_connector_crosses_clear_of_borders() -> None:
    """Surat masuk: 2 → 14 reaches its off-page connector (now right below its row) clear of every border.

    Before connectors stood beside their steps, row 9 had to grow for this arrow; now it does not need to.
    """
    _, layout = _layout("001-pengelolaan-surat-masuk.pos")
    route, rows, cols = _route(layout, (2, 14))
    assert _closest_run(route, rows, cols) >= 8
    assert more_room({}, layout.pages) == {}  # nothing more wanted


def test_row_wants_names_the_row_a_run_hugs() -> None:
    """A run 5.6 pt above a row's bottom border, under its symbol, wants that row freer than it is."""
    procedure, layout = _layout("001-pengelolaan-surat-masuk.pos")
    page = layout.pages[0]
    router = TableRouter(page, resolve_style("default", procedure), procedure, analysis.back_edges(procedure))
    index = next(k for k, (rid, _, _) in enumerate(page.rows) if rid.isdigit() and k >= 1)  # a step's row
    rid, y0, y1 = page.rows[index]
    run = [(router.left + 10, y1 - 5.6), (router.left + 60, y1 - 5.6)]
    ((row, free),) = row_wants(run, router)
    assert row == rid
    assert free > y1 - router.bottoms[index]
    assert row_wants([(router.left + 10, (y0 + y1) / 2), (router.left + 60, (y0 + y1) / 2)], router) == ()
