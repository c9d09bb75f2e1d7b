"""A decision's two branches in the lampiran leave by tips chosen together, so they never cross.

The shape reviewers redrew most: a decision whose "Ya" goes forward into
another column and whose "Tidak" loops back up to the step before it.
Routed one by one, "Ya" took the side tip and "Tidak" left by the bottom,
ran sideways across "Ya" just above its head and up: a T-junction into
the wrong step.
"""

from __future__ import annotations

import itertools
import math

import pytest

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.geometry import Point
from flowgen.layout.table.decision_exits import branch_pairs, crossings
from flowgen.layout.table.place import layout_table
from flowgen.layout.table.types import TablePage, TableRoute
from tests.helpers import ROOT, flow

LOOP_BACK = flow(
    "  1. mulai pu: a",
    "  [s2] 2. pu: b",
    "  3. ? ktu: benar?",
    "    ya",
    "    tidak -> s2",
    "  4. pu: d",
    "  5. selesai pu: e",
)


def _pass_through(a: tuple[Point, ...], b: tuple[Point, ...]) -> list[Point]:
    """Where a horizontal run of one route passes through a vertical run of the other (touches excluded)."""
    found: list[Point] = []
    for one, other in ((a, b), (b, a)):
        for (hx0, hy0), (hx1, hy1) in itertools.pairwise(one):
            if hy0 != hy1:
                continue
            for (vx0, vy0), (vx1, vy1) in itertools.pairwise(other):
                if vx0 != vx1:
                    continue
                if min(hx0, hx1) < vx0 < max(hx0, hx1) and min(vy0, vy1) < hy0 < max(vy0, vy1):
                    found.append((vx0, hy0))
    return found


def _page_and_branches(style_name: str | None) -> tuple[TablePage, TableRoute, TableRoute]:
    procedure = flowgen.parse(LOOP_BACK)
    layout = layout_table(procedure, resolve_style(style_name, procedure))
    page = layout.pages[0]
    ya = next(r for r in page.routes if r.link.edge.source == 3 and r.link.edge.target == 4)
    tidak = next(r for r in page.routes if r.link.edge.source == 3 and r.link.edge.target == 2)
    return page, ya, tidak


def test_the_loop_back_and_the_forward_branch_do_not_cross() -> None:
    for style_name in (None, "presentasi"):
        page, ya, tidak = _page_and_branches(style_name)
        assert ya.link.source.shape.x != ya.link.target.shape.x  # the shape in question: step 4 in another column
        assert _pass_through(ya.points, tidak.points) == []
        assert ya.clean and tidak.clean
        diamond = tidak.link.source.shape
        # each leaves by its own tip; the loop back by the side tip facing its target, "Ya" by the bottom tip
        assert tidak.points[0] == (diamond.x0, diamond.y)
        assert ya.points[0] == (diamond.x, diamond.y1)
        into = next(r for r in page.routes if r.link.target is tidak.link.source)
        assert into.points[-1][1] < diamond.y0 + 0.5  # the decision is still entered by its top tip


def test_crossings_count_runs_passing_through_not_touching() -> None:
    down: list[Point] = [(0.0, 0.0), (0.0, 10.0)]
    assert crossings(down, [(-5.0, 5.0), (5.0, 5.0)]) == 1
    assert crossings(down, [(0.0, 0.0), (5.0, 0.0)]) == 0  # a fork out of one tip
    assert crossings(down, [(-5.0, 10.0), (0.0, 10.0)]) == 0  # a join at the end
    assert crossings(down, [(1.0, 0.0), (1.0, 10.0)]) == 0  # parallel


def test_only_a_decision_with_one_arrow_per_branch_is_paired() -> None:
    page = _page_and_branches(None)[0]
    pairs = branch_pairs(list(page.links))
    assert [(a.edge.source, {a.edge.target, b.edge.target}) for a, b in pairs] == [(3, {2, 4})]


WHAT = "berkas perencanaan kebutuhan barang milik negara"  # the book's 032, page 3: rows of three lines
TWO_LOOPS = flow(
    f"  1. mulai pu: Mencatat {WHAT} pada register",
    f"  [s2] 2. pu: Mengoordinasikan tindak lanjut {WHAT}",
    f"  3. ? ktu: {WHAT} sesuai ketentuan?",
    "    ya",
    "    tidak -> s2",
    f"  [s4] 4. pu: Menyusun konsep {WHAT}",
    f"  5. ? ktu: {WHAT} disetujui?",
    "    ya",
    "    tidak -> s4",
    f"  6. selesai pu: Menelaah {WHAT}",
)


@pytest.mark.parametrize("style_name", [None, "presentasi"])
def test_two_arrows_into_one_step_do_not_cross(style_name: str | None) -> None:
    """Step 4 is reached by decision 3's "Ya" and decision 5's loop back; neither crosses the other on the way.

    Routed one by one in presentasi, "Ya" took step 4's right side and the loop, left the top, crossed it.
    """
    procedure = flowgen.parse(TWO_LOOPS)
    page = layout_table(procedure, resolve_style(style_name, procedure)).pages[0]
    into_4 = [r for r in page.routes if r.link.edge.target == 4]
    assert sorted(r.link.edge.source for r in into_4) == [3, 5]
    assert _pass_through(into_4[0].points, into_4[1].points) == []
    assert all(r.clean for r in page.routes)
    for source in (3, 5):  # and each decision's own two branches stay uncrossed
        ya, tidak = (r for r in page.routes if r.link.edge.source == source)
        assert _pass_through(ya.points, tidak.points) == []


def test_no_two_arrows_cross_near_a_head_on_the_puskesmas_pages() -> None:
    """Presentasi page 3: "Tidak" of step 5 crossed step 9's loop back 12 pt before its head (border_runs' "head")."""
    procedure = flowgen.load(ROOT / "examples" / "pendaftaran-pasien-puskesmas.pos")
    layout = layout_table(procedure, resolve_style("presentasi", procedure))
    for page in layout.pages:
        routes = [r for r in page.routes if r.link.source is not r.link.target]
        for k, one in enumerate(routes):
            for other in routes[k + 1 :]:
                tips = (one.head[0], other.head[0])  # the heads' tips, on their targets' outlines
                near = [x for x in _pass_through(one.points, other.points) for t in tips if math.dist(x, t) < 24]
                assert near == [], (page.number, one.link.edge, other.link.edge)
