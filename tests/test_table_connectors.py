"""The lampiran's off-page connectors as a drafter draws them (issue 9).

One leaving connector per step on the other page, however many of the
page's steps go to it, their arrows joined into it; a connector never names
a row the No column prints no number for ("dari –"), only the page.
"""

from __future__ import annotations

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.table.connectors import band, band_row_height, connector_text
from flowgen.layout.table.place import _EdgesByPage, _frame, _page, layout_table
from flowgen.layout.table.types import TablePage
from tests.helpers import ROOT, flow


def _out_band(text: str, first: int) -> list[tuple[str, tuple[str, ...], str]]:
    """The leaving band of the first page when it holds the first ``first`` steps (the rest on the next)."""
    procedure = flowgen.parse(text)
    page_of = {step.number: 0 if k < first else 1 for k, step in enumerate(procedure.steps)}
    style = resolve_style(None, procedure)
    frame = _frame(procedure, style)
    edges = [e for e in procedure.edges if page_of[e.source] != page_of[e.target]]
    symbols = band(edges, "out", procedure, frame.actor_col, style, page_of, 2, 0.0, frame.band_row)
    return [(procedure.shown_number(s.step), s.text.lines, s.actors[0]) for s in symbols]


def test_two_steps_to_one_step_on_the_next_page_leave_by_one_connector() -> None:
    shared = flow(
        "  1. mulai pu: a",
        "  2. ? ktu: benar?",
        "    tidak -> s5",
        "    ya",
        "  3. pu: c",
        "  [s5] 5. selesai pu: e",
    )
    # 2 -> 5 (Tidak) and 3 -> 5 both cross to page 3: one connector, in the column of the first of them
    assert _out_band(shared, 3) == [("5", ("ke 5", "hal. 3"), "ktu")]


def test_a_row_without_a_number_is_named_by_its_page_only() -> None:
    style = resolve_style(None)
    assert connector_text(style, "in", "", 2) == ("dari", "hal. 2")
    assert connector_text(style, "out", "", 3) == ("ke", "hal. 3")
    assert connector_text(style, "out", "7", 3) == ("ke 7", "hal. 3")
    procedure = flowgen.load(ROOT / "examples" / "legalisir-ijazah-madrasah.pos")
    layout = layout_table(procedure, resolve_style("presentasi", procedure))
    texts = [s.text.lines for page in layout.pages for s in page.symbols if s.connector]
    assert texts == [("ke 5", "hal. 3"), ("dari", "hal. 2")]  # from the unnumbered row after 4 (was "dari –")


def test_the_puskesmas_page_joins_three_arrows_into_one_connector() -> None:
    procedure = flowgen.load(ROOT / "examples" / "pendaftaran-pasien-puskesmas.pos")
    layout = layout_table(procedure, resolve_style(None, procedure))
    page = next(p for p in layout.pages if p.number == 2)  # the identity fits one sheet
    outs = [s for s in page.symbols if s.connector == "out"]
    assert [s.text.lines for s in outs] == [("ke 10", "hal. 3")]  # was two "ke 10"
    into_10 = [r for r in page.routes if r.link.target is outs[0]]
    assert sorted(r.link.edge.source for r in into_10) == [6, 7, 9]
    assert all(r.clean for r in page.routes)
    # the arrows end on one point: the connector's top
    assert {r.points[-1] for r in into_10} == {into_10[0].points[-1]}


def _first_page(text: str, first: int, style_name: str | None = None) -> TablePage:
    """Table page 2 (not routed) when it holds the first ``first`` steps, the rest on page 3."""
    procedure = flowgen.parse(text)
    style = resolve_style(style_name, procedure)
    frame = _frame(procedure, style)
    page_of = {step.number: 0 if k < first else 1 for k, step in enumerate(procedure.steps)}
    edges = _EdgesByPage(procedure, page_of)
    return _page(procedure, style, frame, list(frame.rows[:first]), 0, edges, 2, 3)


def test_a_leaving_connector_never_stands_under_another_step() -> None:
    """The leaving "ke 6" stands in the column of step 2, its first step; over it stands step 3, not one of its own."""
    text = flow(
        "  1. mulai pu: a",
        "  2. ? ktu: benar?",
        "    tidak -> s6",
        "    ya",
        "  3. ktu: c",
        "  4. pu: d -> 5, s6",
        "  5. pu: e",
        "  [s6] 6. selesai pu: f",
    )
    page = _first_page(text, 4)
    ke_6 = next(s for s in page.symbols if s.connector == "out")
    three = next(s for s in page.symbols if s.connector is None and s.step == 3)
    assert ke_6.actors == ("ktu",)
    assert three.shape.x1 + 5.5 < ke_6.shape.x0 or three.shape.x0 - 5.5 > ke_6.shape.x1


def _bands(page: TablePage) -> list[tuple[str, str, str]]:
    """Each band and its neighbours: (row above, band, row below), "" at the page's head or foot."""
    ids = [rid for rid, _, _ in page.rows]
    return [
        (ids[k - 1] if k else "", rid, ids[k + 1] if k + 1 < len(ids) else "")
        for k, rid in enumerate(ids)
        if rid.startswith("connectors")
    ]


def test_an_arriving_connector_stands_right_above_its_step() -> None:
    """The demo book's page 40: "dari 6 (Tidak) hal. 2" stood at the page's head, its line down seven rows to 26."""
    path = ROOT / "examples" / "book" / "01-subbagian-tata-usaha" / "010-penilaian-kinerja-pegawai.pos"
    procedure = flowgen.load(path)
    layout = layout_table(procedure, resolve_style("kemendikbud", procedure, path))
    last = layout.pages[-1]
    dari_6 = next(s for s in last.symbols if s.connector == "in" and s.text.lines[0] == "dari 6 (Tidak)")
    band = next(b for b in _bands(last) if b[2] == "26")
    assert band[:2] == ("25", "connectors-in")
    y0, y1 = next((y0, y1) for rid, y0, y1 in last.rows if rid == "26")
    route = next(r for r in last.routes if r.link.source is dari_6)
    assert y0 - dari_6.shape.y1 < 20 and route.points[-1][1] < y1  # its arrow: from the band into row 26
    # the band between rows has the table's column lines (its empty cells), as the rows have
    assert {c.col for c in last.cells if c.row == "connectors-in"} == {c.key for c in last.columns}
    assert all(r.clean for page in layout.pages for r in page.routes)


def test_a_leaving_connector_stands_right_below_its_step() -> None:
    """TU/013: "ke 11 hal. 3" (decision 2's Tidak) stood at page 2's foot, nine rows under its decision."""
    path = ROOT / "examples" / "book" / "01-subbagian-tata-usaha" / "013-pengusulan-tugas-belajar.pos"
    procedure = flowgen.load(path)
    layout = layout_table(procedure, resolve_style("kemendikbud", procedure, path))
    page = layout.pages[0]
    assert ("2", "connectors-out", "3") in _bands(page)
    ke_11 = next(s for s in page.symbols if s.connector == "out" and s.text.lines[0] == "ke 11")
    _, y0, y1 = next(r for r in page.rows if r[0] == "connectors-out")
    assert y0 < ke_11.shape.y < y1


def test_a_connector_between_rows_stands_off_the_way_down_its_column() -> None:
    """TU/007 page 3: "ke 8" right under decision 9 blocked its Ya branch straight down to 10 (it went round)."""
    path = ROOT / "examples" / "book" / "01-subbagian-tata-usaha" / "007-pelayanan-cuti-pegawai.pos"
    procedure = flowgen.load(path)
    layout = layout_table(procedure, resolve_style("kemendikbud", procedure, path))
    page = next(p for p in layout.pages if any(s.step == 9 and s.connector is None for s in p.symbols))
    nine = next(s for s in page.symbols if s.step == 9 and s.connector is None)
    ke_8 = next(s for s in page.symbols if s.connector == "out" and s.text.lines[0] == "ke 8")
    assert not ke_8.shape.x0 - 5 < nine.shape.x < ke_8.shape.x1 + 5
    ya = next(r for r in page.routes if r.link.source is nine and r.link.edge.target == 10)
    assert len(ya.points) == 2 and all(r.clean for r in page.routes)  # straight down


def test_a_band_row_is_about_a_row_high_its_connectors_at_the_far_side() -> None:
    """A band row held room for turns on both sides of its connectors (60.6 high, a row of steps 34-55)."""
    procedure = flowgen.load(ROOT / "examples" / "pendaftaran-pasien-puskesmas.pos")
    style = resolve_style(None, procedure)
    assert round(band_row_height(style), 2) == 48.76
    layout = layout_table(procedure, style)
    assert len(layout.pages) == 2  # the puskesmas table loses a page (was 3)
    for page in layout.pages:
        bands = {rid: (y0, y1) for rid, y0, y1 in page.rows if rid.startswith("connectors")}
        for s in page.symbols:
            if s.connector == "in":
                assert round(s.shape.y0 - bands["connectors-in"][0], 2) in (3.0, 51.76)  # its row's head
            elif s.connector == "out":
                assert round(bands["connectors-out"][1] - s.shape.y1, 2) == 3.0  # its row's foot
