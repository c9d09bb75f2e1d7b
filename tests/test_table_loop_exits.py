"""A decision's loop back leaves by the side tip facing its target (flowgen.layout.table.loop_exits).

The reviewer's pattern 5 (briefs/review/report.md, the book's 02/009 page 3):
the "Tidak" loop back from decision 11 into step 10 above it left by the
bottom tip, ran a stub down, turned right and U-turned up beside the column
line into step 10's right side, its label at the lower corner, though the
right tip was free.
"""

from __future__ import annotations

import pytest

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.table.decision_exits import crossings
from flowgen.layout.table.place import layout_table
from flowgen.layout.table.types import TablePage, TableRoute
from tests.helpers import ROOT

HEAD = """judul: Tes
pelaksana:
  ktk = Ketua Tim Kerja Tata Kelola
  ak = Analis Kebijakan
  dir = Direktur
  ptp = Pengembang Teknologi Pembelajaran
alur:
"""
WHAT = "konsep bahan pembinaan guru SMP"
# 02/009 page 3 cut short: step 2 spans KTK and AK, decision 3 (AK) loops back to it, "Ya" goes left to KTK
LOOP_UP = [
    f"  mulai ktk: Menerima {WHAT}",
    f"  [s2] ktk+ak: Menyusun laporan pelaksanaan {WHAT}",
    f"  ? ak: {WHAT} benar?",
    "    ya",
    "    tidak -> s2",
    f"  ktk: Menyusun konsep {WHAT}",
    f"  ptp: Mencatat {WHAT} pada register",
    f"  dir: Menandatangani {WHAT}",
    f"  selesai ktk: Mengarsipkan {WHAT}",
]


def _page(style_name: str | None) -> TablePage:
    procedure = flowgen.parse(HEAD + "".join(line + "\n" for line in LOOP_UP))
    return layout_table(procedure, resolve_style(style_name, procedure)).pages[0]


def _route(page: TablePage, source: int, target: int) -> TableRoute:
    return next(r for r in page.routes if r.link.edge.source == source and r.link.edge.target == target)


@pytest.mark.parametrize("style_name", [None, "kemendikbud", "presentasi"])
def test_the_loop_back_leaves_by_the_side_tip_facing_its_target(style_name: str | None) -> None:
    """Out of the right tip, across, up, into step 2's right side: two bends, not a U-turn out of the bottom."""
    page = _page(style_name)
    loop, ya = _route(page, 3, 2), _route(page, 3, 4)
    diamond, step = loop.link.source.shape, loop.link.target.shape
    assert loop.points[0] == pytest.approx((diamond.x1, diamond.y))  # the right tip, facing step 2's right side
    assert len(loop.points) == 4  # across, up, across: no stub down and U-turn
    (_, y0), (x1, y1), (x2, y2), _ = loop.points
    assert y1 == pytest.approx(y0) and x1 > diamond.x1  # across to the right, level with the tip
    assert x2 == pytest.approx(x1) and y2 == pytest.approx(step.y)  # up to the level of step 2's middle
    assert loop.head[0] == pytest.approx((step.x1, step.y))  # into step 2's right side
    assert ya.points[0][0] <= diamond.x + 0.01  # "Ya" keeps the left or the bottom tip
    assert all(r.clean for r in page.routes)
    assert not any(crossings(list(loop.points), list(r.points)) for r in page.routes if r is not loop)
    assert loop.label_box is not None  # "Tidak" beside the run out of the tip, not at a far corner
    lx0, ly0, _, ly1 = loop.label_box
    assert diamond.x1 <= lx0 < x1 and min(abs(ly0 - y0), abs(ly1 - y0)) < 3


def test_a_branch_to_a_connector_beside_the_decision_goes_across_and_down() -> None:
    """The book's 01/026 page 3: "Tidak" of step 7 to "ke 6 hal. 2", one column right, left by the bottom tip
    (a stub, a turn, a drop); out of the right tip, across and straight down into the connector's top."""
    path = ROOT / "examples" / "book" / "01-subbagian-tata-usaha" / "026-pertanggungjawaban-uang-persediaan.pos"
    procedure = flowgen.load(path)
    layout = layout_table(procedure, resolve_style("kemendikbud", procedure))
    page = next(p for p in layout.pages if any(r.link.edge.source == 7 and r.link.target.connector for r in p.routes))
    tidak = next(r for r in page.routes if r.link.edge.source == 7 and r.link.target.connector)
    diamond, connector = tidak.link.source.shape, tidak.link.target.shape
    assert connector.x > diamond.x1  # the connector stands in the column to the right
    assert tidak.points[0] == pytest.approx((diamond.x1, diamond.y))  # the right tip
    assert len(tidak.points) == 3 and tidak.points[1] == pytest.approx((connector.x, diamond.y))  # one bend
    assert tidak.head[0] == pytest.approx((connector.x, connector.y0))  # into the connector's top
    assert all(r.clean for r in page.routes)
    assert not any(crossings(list(tidak.points), list(r.points)) for r in page.routes if r is not tidak)


def test_a_connector_pushed_against_its_column_line_takes_the_next_columns_centre() -> None:
    """The book's 01/010 page 2: "ke 26 hal. 4" stood 38.6 pt off the KTU column's centre, beside the "Ya"
    running down the middle, 9 pt off the column line, reached by a staircase; it goes to the middle of the
    Direktur column's cell of the band (nothing of Direktur's below it) and "Tidak" goes across and down."""
    path = ROOT / "examples" / "book" / "01-subbagian-tata-usaha" / "010-penilaian-kinerja-pegawai.pos"
    procedure = flowgen.load(path)
    layout = layout_table(procedure, resolve_style("kemendikbud", procedure))
    page = layout.pages[0]
    tidak = next(r for r in page.routes if r.link.edge.source == 6 and r.link.target.connector)
    diamond, connector = tidak.link.source.shape, tidak.link.target.shape
    column = next(c for c in page.columns if c.x0 <= connector.x <= c.x1)
    assert column.title == "Direktur" and connector.x == pytest.approx(column.center)
    assert tidak.points[0] == pytest.approx((diamond.x1, diamond.y))  # the right tip
    assert len(tidak.points) == 3  # across, down: one bend
    assert tidak.head[0] == pytest.approx((connector.x, connector.y0))
    assert all(r.clean for r in page.routes)
