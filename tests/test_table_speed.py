"""The lampiran's speed work (issues 12, 13) gives the very answers the slower code gave.

The identity sheet is laid out once per lampiran (not twice, and not again for
the PDF's signature); ``clean`` skips its character walk for printable text;
the router tests a candidate's symbols once against its bounds, then run by run.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.geometry import Point, segments
from flowgen.layout.table import numbering
from flowgen.layout.table.identity import layout_identity
from flowgen.layout.table.numbering import identity_layout
from flowgen.layout.table.place import layout_table
from flowgen.layout.table.router import TableRouter
from flowgen.layout.table.types import TablePage
from flowgen.text import clean
from tests.helpers import EXAMPLES, ROOT

SIPA = ROOT / "examples" / "izin-pemanfaatan-air-tanah.pos"  # its identity sheet has a continuation sheet
EQUIPMENT = tuple(f"Peralatan kantor nomor {k} untuk layanan" for k in range(1, 151))


def _walked(text: str) -> str:
    """``clean`` as it was: character by character."""
    return "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text)


@given(st.text())
def test_clean_gives_what_the_character_walk_gave(text: str) -> None:
    assert clean(text) == _walked(text)


def test_clean_still_replaces_controls_and_keeps_line_breaks() -> None:
    assert clean("a\tb\x1bc\nd") == "a b c\nd"
    assert clean("Ketua/ Wakil") == "Ketua/ Wakil"


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def counted(procedure: flowgen.Procedure, style: object, page: int, pages: int) -> object:
        calls.append(pages)
        return layout_identity(procedure, style, page, pages)  # type: ignore[arg-type]

    monkeypatch.setattr(numbering, "layout_identity", counted)
    return calls


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: Path(p).stem)
def test_the_numbered_identity_is_the_one_laid_out_for_the_documents_count(path: Path) -> None:
    """The same sheet as ``layout_identity`` with the document's page count, every example."""
    procedure = flowgen.load(path)
    style = resolve_style("default", procedure)
    layout = layout_table(procedure, style, first_page=2)
    count = 1 + len(layout.identity.continued) + len(layout.pages)
    assert layout.identity == layout_identity(procedure, style, 1, count)
    assert identity_layout(procedure, style, 1, count) is layout.identity


def test_the_identity_is_laid_out_once_without_continuation_sheets(monkeypatch: pytest.MonkeyPatch) -> None:
    procedure = flowgen.load(ROOT / "examples" / "pendaftaran-pasien-puskesmas.pos")
    style = resolve_style("default", procedure)
    calls = _counting(monkeypatch)
    layout = layout_table(procedure, style, first_page=2)
    assert layout.identity.continued == ()
    assert calls == [1 + len(layout.pages)]
    identity_layout(procedure, style, 1, 1 + len(layout.pages))  # the PDF's signature: no layout again
    assert calls == [1 + len(layout.pages)]


def test_continuation_sheets_are_laid_out_again_with_the_right_count(monkeypatch: pytest.MonkeyPatch) -> None:
    procedure = flowgen.load(SIPA)
    procedure = replace(procedure, identity=replace(procedure.identity, equipment=EQUIPMENT))
    style = resolve_style("default", procedure)
    calls = _counting(monkeypatch)
    layout = layout_table(procedure, style, first_page=2)
    extra = len(layout.identity.continued)
    assert extra >= 1
    assert calls == [1 + len(layout.pages), 1 + extra + len(layout.pages)]
    assert [s.pages for s in layout.identity.sheets] == [1 + extra + len(layout.pages)] * (1 + extra)
    assert layout.identity == layout_identity(procedure, style, 1, 1 + extra + len(layout.pages))


def test_another_style_or_count_is_laid_out_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    procedure = flowgen.load(SIPA)
    style = resolve_style("default", procedure)
    layout = layout_table(procedure, style, first_page=2)
    count = len(layout.identity.sheets) + len(layout.pages)
    calls = _counting(monkeypatch)
    other = resolve_style("kemendikbud", procedure)
    assert identity_layout(procedure, other, 1, count) == layout_identity(procedure, other, 1, count)
    assert identity_layout(procedure, style, 1, count + 1) == layout_identity(procedure, style, 1, count + 1)
    assert calls == [count, count + 1]


def _router() -> tuple[TableRouter, TablePage]:
    procedure = flowgen.load(ROOT / "examples" / "pendaftaran-pasien-puskesmas.pos")
    style = resolve_style("default", procedure)
    page = layout_table(procedure, style).pages[0]
    return TableRouter(page, style, procedure, set()), page


ROUTER, PAGE = _router()
X0, Y0, X1, Y1 = PAGE.table_box
coordinate = st.tuples(st.floats(X0 - 20, X1 + 20), st.floats(Y0 - 20, Y1 + 20))


@settings(max_examples=300, deadline=None)
@given(st.lists(coordinate, min_size=2, max_size=6), st.integers(0, len(PAGE.links) - 1))
def test_symbols_near_a_route_give_the_counts_every_symbol_gave(points: list[Point], which: int) -> None:
    """Testing symbols once against a candidate's bounds, then run by run, counts what testing all did."""
    link = PAGE.links[which]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    close = ROUTER.symbols_near((min(xs), min(ys), max(xs), max(ys)))
    segs = segments(points)
    for i, seg in enumerate(segs):
        every = ROUTER._symbol_hits(link, i, len(segs) - 1, seg, list(zip(ROUTER.symbols, ROUTER.boxes, strict=True)))
        assert ROUTER._symbol_hits(link, i, len(segs) - 1, seg, close) == every


def test_symbols_near_leaves_out_the_far_ones() -> None:
    box = PAGE.symbols[0].box
    assert [s for s, _ in ROUTER.symbols_near(box)][:1] == [PAGE.symbols[0]]
    far = (X1 + 100, Y1 + 100, X1 + 110, Y1 + 110)
    assert ROUTER.symbols_near(far) == []
