"""No two arrows of a lampiran page cross when another clean way exists (flowgen.layout.table.uncross).

The reviewer's patterns 2 and 3 (briefs/review/report.md): a loop back
"Tidak" cutting the sideways run of the arrow coming into the same
decision, and a reject branch run straight down its column across the
main flow's sideways arrow.  Both were routed one by one, each taking the
simplest clean way left, and crossed.
"""

from __future__ import annotations

import pytest

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.table.decision_exits import crossings
from flowgen.layout.table.place import layout_table
from flowgen.layout.table.types import TablePage, TableRoute
from flowgen.layout.table.uncross import crossed

HEAD = """judul: Tes
pelaksana:
  pu = Pengadministrasi Umum
  ktu = Kepala Subbagian Tata Usaha
  dir = Direktur
  peg = Pengelola Kepegawaian
  bmn = Pengelola Barang Milik Negara
alur:
"""
WHAT = "berkas usulan pemutakhiran data kepegawaian"  # rows of two or three lines, as in the book
# the book's 012 page 2 in presentasi: 4 (right column) -> decision 5 (KTU), whose "Tidak" loops back to 4
LOOP_BACK = [
    f"  mulai pu: Menerima {WHAT}",
    f"  [s2] bmn: Mencatat {WHAT}",
    f"  ? ktu: {WHAT} disetujui?",
    "    ya",
    "    tidak -> s2",
    f"  [s4] bmn: Menggandakan {WHAT}",
    f"  ? ktu: {WHAT} benar?",
    "    ya",
    "    tidak -> s4",
    f"  pu: Menyiapkan {WHAT}",
    f"  selesai pu: Menyusun {WHAT}",
]
# the book's 020 page 3: decision 2's "Tidak" goes to step 6, below 4 -> 5 which runs sideways to the left
REJECT = [
    f"  mulai peg: Mencatat {WHAT}",
    f"  ? ktu: {WHAT} memenuhi syarat?",
    "    ya",
    "    tidak -> sr",
    f"  dir: Menyusun konsep {WHAT}",
    f"  peg: Menandatangani {WHAT}",
    f"  selesai pu: Mengarsipkan {WHAT}",
    f"  [sr] pu: Mengembalikan {WHAT}",
    f"  selesai pu: Pengusul menerima {WHAT}",
]


def _page(lines: list[str], style_name: str | None) -> TablePage:
    procedure = flowgen.parse(HEAD + "".join(line + "\n" for line in lines))
    return layout_table(procedure, resolve_style(style_name, procedure)).pages[0]


def _route(page: TablePage, source: int, target: int) -> TableRoute:
    return next(r for r in page.routes if r.link.edge.source == source and r.link.edge.target == target)


def _crossing_pairs(page: TablePage) -> list[tuple[int, int, int, int]]:
    routes = [r for r in page.routes if r.link.source is not r.link.target]
    return [
        (a.link.edge.source, a.link.edge.target, b.link.edge.source, b.link.edge.target)
        for k, a in enumerate(routes)
        for b in routes[k + 1 :]
        if crossings(list(a.points), list(b.points))
    ]


def test_the_loop_back_comes_up_under_its_target_and_the_arrow_into_the_decision_leaves_by_the_side() -> None:
    """Routed one by one, 4 -> 5 took 4's bottom and the loop, into 4's side, cut its sideways run."""
    page = _page(LOOP_BACK, "presentasi")
    loop, into = _route(page, 5, 4), _route(page, 4, 5)
    assert _crossing_pairs(page) == []
    assert all(r.clean for r in page.routes)
    diamond, step = loop.link.source.shape, loop.link.target.shape
    assert loop.points[0] == (diamond.x1, diamond.y)  # out of the side tip facing step 4's column
    assert loop.head[0] == pytest.approx((step.x, step.y1))  # up into step 4's bottom
    assert len(loop.points) == 3  # one bend: across, up
    assert into.points[0] == pytest.approx((step.x0, step.y))  # step 4 -> 5 out of its left side
    assert into.head[0] == pytest.approx((diamond.x, diamond.y0))  # into the decision's top tip


@pytest.mark.parametrize("style_name", [None, "kemendikbud", "presentasi"])
def test_a_reject_branch_leaves_by_the_side_and_crosses_no_arrow(style_name: str | None) -> None:
    """Drawn as one vertical down its column, "Tidak" crossed 4 -> 5 (Direktur's step to the archive)."""
    page = _page(REJECT, style_name)
    tidak, sideways = _route(page, 2, 6), _route(page, 4, 5)
    assert _crossing_pairs(page) == []
    assert all(r.clean for r in page.routes)
    diamond, target = tidak.link.source.shape, tidak.link.target.shape
    assert tidak.points[0][1] == pytest.approx(diamond.y)  # by a side tip, not the bottom
    assert tidak.head[0][1] == pytest.approx(target.y)  # into step 6's side
    assert sideways.points[0] == pytest.approx((sideways.link.source.shape.x0, sideways.link.source.shape.y))


def test_runs_cross_only_through_each_other() -> None:
    down = ((0.0, 0.0), (0.0, 10.0))
    assert crossed(down, ((-5.0, 5.0), (5.0, 5.0)))
    assert not crossed(down, ((0.0, 10.0), (5.0, 10.0)))  # a fork or a join meets at an end
    assert not crossed(down, ((1.0, 5.0), (5.0, 5.0)))  # passes beside
