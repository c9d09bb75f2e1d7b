"""The lampiran's text columns get the width the actor columns do not need (issue 9, column_room)."""

from __future__ import annotations

import pytest

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.symbols import FittedText
from flowgen.layout.table import column_fit
from flowgen.layout.table import columns as columns_module
from flowgen.layout.table.column_room import broken_words, routing_need, runs_along
from flowgen.layout.table.columns import columns
from flowgen.layout.table.place import layout_table
from flowgen.model.types import Procedure

ACTORS = ("a", "b", "c", "d", "e", "f", "g", "h", "i")


def _procedure(actors: int) -> Procedure:
    """A chain of steps across ``actors`` actors with short names, long texts in Kegiatan, Kelengkapan, Output."""
    names = "\n".join(f"  {k} = Staf {k.upper()}" for k in ACTORS[:actors])
    steps = []
    for n in range(1, 13):
        kind = "mulai " if n == 1 else "selesai " if n == 12 else ""
        actor = ACTORS[(n - 1) % actors]
        steps.append(
            f"  {kind}{actor}: Memeriksa kelengkapan berkas permohonan pertanggungjawaban kegiatan\n"
            f"    kelengkapan: Surat permohonan, laporan pertanggungjawaban dan kuitansi\n"
            f"    waktu: 1 hari\n"
            f"    output: Berkas pertanggungjawaban yang telah diverifikasi"
        )
    return flowgen.parse(f"judul: Tes\npelaksana:\n{names}\nalur:\n" + "\n".join(steps) + "\n")


def _widths(procedure: Procedure, style_name: str = "default") -> dict[str, float]:
    style = resolve_style(style_name, procedure)
    size, margin = style.page
    return {c.key: c.x1 - c.x0 for c in columns(procedure, style, size.width - margin[1] - margin[3])}


def _without_room(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(column_fit, "give_room", lambda *args: None)
    monkeypatch.setattr(columns_module, "_LAST", {})  # the columns kept for the same procedure were made with room


def test_a_nine_actor_table_gives_its_text_columns_what_its_actor_columns_do_not_need(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    procedure = _procedure(9)
    style = resolve_style("kemendikbud", procedure)  # F4: nine actor columns of 60 pt squeeze the texts
    after = _widths(procedure, "kemendikbud")
    actors = [after[f"actor:{k}"] for k in ACTORS]
    assert max(actors) - min(actors) < 1e-6  # an even grid, as before
    need = max(routing_need(procedure, style, k) for k in ACTORS)
    assert actors[0] >= need - 1e-6  # what the symbols and their arrows need is left to them
    with monkeypatch.context() as patched:
        _without_room(patched)
        before = _widths(procedure, "kemendikbud")
        rows_before = sum(y1 - y0 for page in layout_table(procedure, style).pages for _, y0, y1 in page.rows)
    assert actors[0] < before["actor:a"] - 1  # ... and what they do not need is taken
    assert sum(after.values()) == pytest.approx(sum(before.values()))  # the width moved, none added
    texts = ("kegiatan", "kelengkapan", "output")
    gained = sum(after[k] - before[k] for k in texts)
    assert gained > 0.5 * sum(before[f"actor:{k}"] - after[f"actor:{k}"] for k in ACTORS)
    assert all(after[k] >= before[k] - 1e-6 for k in after if not k.startswith("actor:"))  # no text column loses
    assert all(after[k] <= max(before[k], style.cell((k,)).width) + 1e-6 for k in texts)  # nor passes its set width
    rows_after = sum(y1 - y0 for page in layout_table(procedure, style).pages for _, y0, y1 in page.rows)
    assert rows_after < rows_before


@pytest.mark.parametrize("style_name", ["default", "kemendikbud", "presentasi", "english"])
def test_a_table_of_few_actors_keeps_its_columns(monkeypatch: pytest.MonkeyPatch, style_name: str) -> None:
    procedure = _procedure(4)
    after = _widths(procedure, style_name)
    _without_room(monkeypatch)
    assert _widths(procedure, style_name) == after


def test_an_arrow_along_a_column_keeps_a_track_for_it() -> None:
    text = """judul: Tes
pelaksana:
  a = A
  b = B
alur:
  [satu] mulai a: Satu
  a: Dua
  b: Tiga
  ? a: Empat?
    tidak -> satu
    ya -> lima
  [lima] selesai b: Lima
"""
    procedure = flowgen.parse(text)
    style = resolve_style("default", procedure)
    assert runs_along(procedure, "a") == 1  # 4 back up to 1, past 2 (1 to 2 is the next in the column)
    assert runs_along(procedure, "b") == 0
    assert routing_need(procedure, style, "a") == routing_need(procedure, style, "b") + style.table.track_gap


def test_only_the_hyphens_a_word_did_not_have_count_as_broken() -> None:
    fitted = FittedText(("Berkas pertang-", "gungjawaban", "Sub-", "bagian"), 0.0, 0.0)
    assert broken_words(fitted, "Berkas pertanggungjawaban Sub-bagian") == 1


def test_the_columns_are_worked_out_once_for_the_narrow_page_warning_and_the_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """table_warnings and layout_table ask for the same columns: the second asking measures nothing again."""
    from flowgen.layout.table.place import table_warnings

    procedure = _procedure(9)
    style = resolve_style("default", procedure)
    calls: list[int] = []
    real = column_fit.fit_words

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(columns_module, "fit_words", counting)
    monkeypatch.setattr(columns_module, "_LAST", {})
    warned = table_warnings(procedure, style)
    layout = layout_table(procedure, style)
    assert len(calls) == 1
    assert table_warnings(procedure, style) == warned and len(calls) == 1
    size, margin = style.page
    width = size.width - margin[1] - margin[3]
    columns(procedure, style, width - 10)  # another width: worked out again
    assert len(calls) == 2
    monkeypatch.setattr(columns_module, "_LAST", {})
    afresh = columns(procedure, style, width)
    assert [c.key for c in afresh] == [c.key for c in layout.pages[0].columns]  # as worked out afresh
    assert [c.x1 - c.x0 for c in afresh] == pytest.approx([c.x1 - c.x0 for c in layout.pages[0].columns])
    assert len(calls) == 3
