"""The lampiran's off-page connectors as a drafter draws them (issue 9).

One leaving connector per step on the other page, however many of the
page's steps go to it, their arrows joined into it; a connector never names
a row the No column prints no number for ("dari –"), only the page.
"""

from __future__ import annotations

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.table.connectors import band, band_row_height, connector_text
from flowgen.layout.table.place import _frame, layout_table
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


def test_the_puskesmas_page_joins_two_arrows_into_one_connector() -> None:
    procedure = flowgen.load(ROOT / "examples" / "pendaftaran-pasien-puskesmas.pos")
    layout = layout_table(procedure, resolve_style("presentasi", procedure))
    page = next(p for p in layout.pages if p.number == 2)  # the identity fits one sheet
    outs = [s for s in page.symbols if s.connector == "out"]
    assert [s.text.lines for s in outs] == [("ke 8", "hal. 3"), ("ke 10", "hal. 3")]  # was two "ke 10"
    into_10 = [r for r in page.routes if r.link.target is outs[1]]
    assert sorted(r.link.edge.source for r in into_10) == [6, 7]
    assert all(r.clean for r in page.routes)
    # the two arrows end on one point: the connector's top
    assert {r.points[-1] for r in into_10} == {into_10[0].points[-1]}


def test_a_leaving_connector_never_stands_under_another_step() -> None:
    """The demo book's TK/011: "ke 20" stood right under step 9's second box, its arrow through the box."""
    path = ROOT / "examples" / "book" / "02-tata-kelola" / "011-koordinasi-program-dengan-dinas-pendidikan.pos"
    procedure = flowgen.load(path)
    layout = layout_table(procedure, resolve_style("kemendikbud", procedure, path))
    page = layout.pages[0]
    ke_20 = next(s for s in page.symbols if s.connector == "out" and s.step == procedure.steps[19].number)
    nine = [s for s in page.symbols if s.connector is None and s.step == procedure.steps[8].number]
    assert len(nine) == 2 and all(s.shape.x1 + 5.5 < ke_20.shape.x0 or s.shape.x0 - 5.5 > ke_20.shape.x1 for s in nine)
    assert all(r.clean for r in page.routes)


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
