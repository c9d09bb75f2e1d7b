"""The identity sheet's continuation sheets as a careful drafter sets them, on paper and in Word (issues 9, 15).

A continuation sheet exists only when the boxes do not fit the first one;
whole rows of boxes move to it before a row is cut; a cut carries at least
:data:`MIN_REST` items over (never a lone last item beside an empty box);
no sheet holds titles only.  The Word document has every sheet, each box
holding the items its sheet holds, numbered on as flowgen prints them.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

import flowgen
from flowgen.api import render_lampiran, resolve_style
from flowgen.layout.table.identity import IdentityBlock, IdentityLayout, layout_identity
from flowgen.layout.table.identity_lists import BOXES, MIN_REST, IdentityLines, marked
from flowgen.model.types import Procedure
from tests.helpers import EXAMPLES, ROOT

STYLES = ("default", "kemendikbud", "presentasi", "english")
SIPA = ROOT / "examples" / "izin-pemanfaatan-air-tanah.pos"
PUSKESMAS = ROOT / "examples" / "pendaftaran-pasien-puskesmas.pos"
FIELDS = {key: field for left, lf, right, rf in BOXES for key, field in ((left, lf), (right, rf))}

Sheets = list[list[tuple[str, tuple[int, int]]]]


def boxes(layout: IdentityLayout) -> Sheets:
    """Each sheet's boxes and the items they hold (first, stop)."""
    return [
        [(b.col, b.items or (0, 0)) for b in sheet.blocks if b.element == "identity-box"] for sheet in layout.sheets
    ]


def sheet_of(procedure: Procedure, style: str = "default") -> IdentityLayout:
    return layout_identity(procedure, resolve_style(style, procedure), 1, 9)


def with_lists(procedure: Procedure, **lists: Any) -> Procedure:
    return replace(procedure, identity=replace(procedure.identity, **lists))


EQUIPMENT = tuple(f"Peralatan kantor nomor {k} untuk layanan" for k in range(1, 151))


SIPA_SHEETS = {  # (box, items held, columns) sheet by sheet
    "default": [
        [("dasar-hukum", (0, 7), 1), ("kualifikasi", (0, 3), 1), ("keterkaitan", (0, 3), 1), ("peralatan", (0, 33), 3)],
        [("peringatan", (0, 2), 1), ("pencatatan", (0, 2), 1)],
    ],
    "kemendikbud": [
        [("dasar-hukum", (0, 7), 1), ("kualifikasi", (0, 3), 1), ("keterkaitan", (0, 3), 1), ("peralatan", (0, 30), 3)],
        [("peralatan", (30, 33), 1), ("peringatan", (0, 2), 1), ("pencatatan", (0, 2), 1)],  # (Keterkaitan ended)
    ],
}


def columns_of(lines: IdentityLines) -> list[list[str]]:
    """A box's columns, left to right, each its lines as printed."""
    found: list[list[str]] = []
    column: IdentityLines | None = lines
    while column is not None:
        found.append([text for _, text in column.lines])
        column = column.second
    return found


def sheet_columns(layout: IdentityLayout) -> list[list[tuple[str, tuple[int, int], int]]]:
    return [
        [(b.col, b.items or (0, 0), len(columns_of(b.parts[0]))) for b in sheet.blocks if b.element == "identity-box"]
        for sheet in layout.sheets
    ]


@pytest.mark.parametrize("style", ["default", "kemendikbud"])
def test_sipa_fills_its_first_sheet_before_continuing(style: str) -> None:
    """Before: page 1 held Dasar Hukum and Kualifikasi only (half empty); the 33 items of equipment in one column."""
    assert sheet_columns(sheet_of(flowgen.load(SIPA), style)) == SIPA_SHEETS[style]


def test_sipa_equipment_reads_down_then_across() -> None:
    box = next(b for b in sheet_of(flowgen.load(SIPA)).blocks if b.col == "peralatan" and b.element == "identity-box")
    firsts = [column[0] for column in columns_of(box.parts[0])]
    assert firsts == ["1. Ruang pelayanan", "13. Jaringan internet", "23. Lembar tanda terima"]
    numbers = [int(text.split(".")[0]) for column in columns_of(box.parts[0]) for text in column if text[0].isdigit()]
    assert numbers == list(range(1, 34))


@pytest.mark.parametrize(("style", "head"), [("default", "Nama SOP: "), ("english", "SOP Title: ")])
def test_a_continuation_sheet_says_what_it_continues(style: str, head: str) -> None:
    procedure = flowgen.load(SIPA)
    word = {"default": "(lanjutan)", "english": "(continued)"}[style]
    first = sheet_of(procedure, style).sheets[1].blocks[0]
    text = " ".join(line for _, line in first.parts[0].lines)
    assert (first.col, first.element) == ("lanjutan", "identity-value")
    assert text == f"{head}Penerbitan Surat Izin Pemanfaatan dan Pengusahaan Air Tanah (SIPA) \u2014 " + (
        f"{'Nomor SOP' if style == 'default' else 'SOP Number'}: SOP-LP2N-TAM-19 {word}"
    )


def continuing(layout: IdentityLayout, key: str = "peralatan") -> tuple[IdentityBlock, IdentityBlock]:
    """The title and the box of ``key`` on the second sheet."""
    blocks = {b.col: b for b in layout.sheets[1].blocks}
    return blocks[f"{key}-title"], blocks[key]


@pytest.mark.parametrize("style", ["kemendikbud", "presentasi"])
def test_a_box_continued_beside_a_finished_one_takes_the_whole_row(style: str) -> None:
    """Before: Keterkaitan (finished on page 1) drawn again as an empty box beside the continuing Peralatan."""
    procedure = flowgen.load(SIPA)
    layout = sheet_of(procedure, style)
    second = layout.sheets[1]
    assert [b.col for b in second.blocks if b.element == "identity-title"] == [
        "peralatan-title", "peringatan-title", "pencatatan-title"
    ]  # fmt: skip
    title, box = continuing(layout)
    head = second.blocks[0]
    assert (title.box[0], title.box[2]) == (box.box[0], box.box[2]) == (head.box[0], head.box[2])
    assert [line for _, line in title.parts[0].lines] == ["PERALATAN/PERLENGKAPAN (lanjutan)"]
    assert title.parts[0].source == "PERALATAN/PERLENGKAPAN (lanjutan)"


def test_the_continued_title_is_in_the_sheets_language() -> None:
    procedure = flowgen.load(SIPA)
    layout = sheet_of(with_lists(procedure, equipment=EQUIPMENT), "english")
    title, _ = continuing(layout)
    assert [line for _, line in title.parts[0].lines] == ["EQUIPMENT (continued)"]


def test_continued_items_stay_in_columns_across_the_row() -> None:
    """Before: presentasi set Peralatan 24-33 in one column on page 2 though page 1 set 1-23 in two."""
    procedure = flowgen.load(SIPA)
    layout = sheet_of(procedure, "presentasi")
    first = next(b for b in layout.blocks if b.col == "peralatan" and b.element == "identity-box")
    _, box = continuing(layout)
    assert (first.items, len(columns_of(first.parts[0]))) == ((0, 23), 2)
    assert box.items == (23, 33)
    assert columns_of(box.parts[0]) == [
        ["24. Lembar disposisi", "25. Format berita acara peninjauan lapangan"],
        ["26. Blanko SIPA", "27. Stempel dinas", "28. Map berkas", "29. Ordner arsip"],
        ["30. Lemari arsip", "31. Alat tulis kantor", "32. Kertas HVS A4 dan F4", "33. Kotak saran dan pengaduan"],
    ]


def test_a_list_continued_beside_a_continuing_one_keeps_its_half() -> None:
    """Both boxes of a row cut: each continues in its own half, each titled with the lanjutan label."""
    procedure = with_lists(flowgen.load(SIPA), related=tuple(f"SOP Layanan Nomor {k}" for k in range(1, 80)))
    layout = sheet_of(procedure, "kemendikbud")
    width = layout.frame[2]
    for key in ("keterkaitan", "peralatan"):
        title, box = continuing(layout, key)
        assert box.box[2] - box.box[0] < width * 0.8, key
        assert title.parts[0].source.endswith(" (lanjutan)"), key


def test_a_continuation_sheets_boxes_are_as_tall_as_their_text() -> None:
    """Before: the Peringatan row of SIPA's second sheet stretched to the foot of the page (496 pt)."""
    procedure = flowgen.load(SIPA)
    style = resolve_style("default", procedure)
    second = sheet_of(procedure).sheets[1]
    pad = style.identity.padding
    for block in second.blocks:
        if block.element == "identity-box":
            height = block.box[3] - block.box[1]
            assert height == pytest.approx(max(block.parts[0].height + pad[0] + pad[2], style.identity.box_min_height))
    assert second.frame[1] + second.frame[3] == pytest.approx(max(b.box[3] for b in second.blocks))


def test_puskesmas_fits_its_sheet_in_the_default_style() -> None:
    """Before: a second sheet with the PERINGATAN and PENCATATAN titles only, the first sheet past its foot."""
    procedure = flowgen.load(PUSKESMAS)
    style = resolve_style("default", procedure)
    layout = layout_identity(procedure, style, 1, 9)
    assert boxes(layout) == [
        [
            *[("dasar-hukum", (0, 12)), ("kualifikasi", (0, 2)), ("keterkaitan", (0, 2)), ("peralatan", (0, 7))],
            *[("peringatan", (0, 2)), ("pencatatan", (0, 2))],
        ]
    ]
    size, margin = style.page
    assert layout.frame[1] + layout.frame[3] <= size.height - margin[2] - style.footer.room + 1e-6


def test_puskesmas_fits_its_sheet_in_every_style() -> None:
    """Before: kemendikbud and presentasi carried the Peringatan row onto a second sheet."""
    procedure = flowgen.load(PUSKESMAS)
    assert [len(sheet_of(procedure, style).sheets) for style in STYLES] == [1, 1, 1, 1]


def test_a_list_taller_than_a_sheet_is_cut_and_numbered_on() -> None:
    procedure = with_lists(flowgen.load(SIPA), equipment=EQUIPMENT)
    layout = sheet_of(procedure)
    held = [items for sheet in boxes(layout) for key, items in sheet if key == "peralatan"]
    assert held[0][0] == 0 and held[-1][1] == 150 and len(held) > 1
    assert all(a[1] == b[0] for a, b in itertools.pairwise(held))
    second = next(b for b in layout.sheets[1].blocks if b.col == "peralatan" and b.element == "identity-box")
    first = second.items[0] if second.items else 0
    shown = [line for _, line in second.parts[0].lines]
    assert shown[0].startswith(f"{first + 1}. Peralatan kantor nomor {first + 1} ")


def check_sheets(procedure: Procedure, style: str) -> None:
    """What every identity sheet must be: each box's items once, in order; no empty sheet; no lone remainder."""
    resolved = resolve_style(style, procedure)
    layout = layout_identity(procedure, resolved, 1, 9)
    sheets = boxes(layout)
    for key, field in FIELDS.items():
        held = [items for sheet in sheets for k, items in sheet if k == key]
        count = len(getattr(procedure.identity, field))
        assert held[0][0] == 0 and held[-1][1] == count, key
        assert all(a[1] == b[0] for a, b in itertools.pairwise(held)), key
        assert all(stop - first >= MIN_REST for first, stop in held[1:] if stop > first > 0), key  # no lone item
    for sheet in sheets[1:]:  # a continuation sheet holds items, not titles only
        assert any(stop > first for _, (first, stop) in sheet), sheets
    size, margin = resolved.page
    for sheet_layout in layout.sheets:  # nothing past the sheet's foot (one set anyway aside)
        assert sheet_layout.frame[1] + sheet_layout.frame[3] <= size.height - margin[2] - resolved.footer.room + 1e-6


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_examples_identity_sheets(path: Path, style: str) -> None:
    check_sheets(flowgen.load(path), style)


ITEM = st.text(alphabet="abcdefghij klmnop", min_size=3, max_size=90).filter(str.strip)


@settings(max_examples=25, deadline=None)
@given(
    style=st.sampled_from(STYLES),
    equipment=st.lists(ITEM, min_size=0, max_size=90),
    legal=st.lists(ITEM, min_size=0, max_size=30),
    warnings=st.lists(ITEM, min_size=0, max_size=12),
)
def test_generated_long_lists_never_leave_an_empty_sheet(
    style: str, equipment: list[str], legal: list[str], warnings: list[str]
) -> None:
    procedure = with_lists(
        flowgen.load(SIPA), equipment=tuple(equipment), legal_basis=tuple(legal), warnings=tuple(warnings)
    )
    check_sheets(procedure, style)


# -- Word ------------------------------------------------------------------------------------------


def word_boxes(data: bytes, layout: IdentityLayout, style: str, procedure: Procedure) -> dict[str, list[str]]:
    """Each box's items as Word prints them (its number, from the list's start, and its text), across sheets."""
    document = Document(io.BytesIO(data))
    numbering = document.part.numbering_part.element
    starts = {
        int(num.get(qn("w:numId"))): int(num.find(".//" + qn("w:startOverride")).get(qn("w:val")))
        for num in numbering.findall(qn("w:num"))
        if num.find(".//" + qn("w:startOverride")) is not None
    }
    labels = resolve_style(style, procedure).labels
    titles = {labels[key].upper(): key for key in FIELDS}
    titles |= {f"{labels[key]} {labels['lanjutan']}".upper(): key for key in FIELDS}  # a box continued
    found: dict[str, list[str]] = {key: [] for key in FIELDS}
    for table in document.tables[: len(layout.sheets)]:
        seen: list[Any] = []  # (the elements themselves: an id() of a proxy let go can be reused)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                key = titles.get(cell.text.strip().upper())
                if key is None or any(cell._tc is tc for tc in seen):
                    continue
                seen.append(cell._tc)
                counted: dict[int, int] = {}
                for p in table.cell(r + 1, c)._tc.iter(qn("w:p")):
                    text = str(cast(Any, p).text)  # (a w:br read as "\n")
                    num = p.find(".//" + qn("w:numId"))
                    if num is not None:
                        num_id = int(str(num.get(qn("w:val"))))
                        counted[num_id] = counted.get(num_id, 0) + 1
                        found[key].append(f"{starts[num_id] + counted[num_id] - 1}. {text}")
                    elif text.strip():
                        found[key].append(text)
    return found


CASES = [
    (SIPA, "default", {}),
    (SIPA, "presentasi", {"equipment": EQUIPMENT}),
    (PUSKESMAS, "kemendikbud", {"warnings": ("1. Jika identitas tertukar", "2. Jika rekam medis\nterlambat")}),
]


@pytest.mark.parametrize(("path", "style", "lists"), CASES, ids=lambda v: getattr(v, "stem", v))
def test_word_holds_every_item_once_in_order_numbered_on(
    path: Path, style: str, lists: dict[str, tuple[str, ...]]
) -> None:
    procedure = with_lists(flowgen.load(path), **lists)
    layout = sheet_of(procedure, style)
    data = render_lampiran(procedure, resolve_style(style, procedure), "docx")
    found = word_boxes(data, layout, style, procedure)
    for key, field in FIELDS.items():
        items = tuple(getattr(procedure.identity, field))
        assert found[key] == [mark + body for mark, body in marked(items)], key
    assert len(Document(io.BytesIO(data)).tables) >= len(layout.sheets)


def test_word_footers_count_every_sheet() -> None:
    """Before: "Halaman 1 dari 5" then "Halaman 3 dari 5" (the continuation sheet left out)."""
    procedure = flowgen.load(SIPA)
    document = Document(io.BytesIO(render_lampiran(procedure, resolve_style("default", procedure), "docx")))
    feet = [p.text for p in document.paragraphs if p.text.startswith("Halaman")]
    assert feet == [f"Halaman {k} dari 5" for k in range(1, 6)]


# -- the approval and values as written --------------------------------------------------------------

COURT = ROOT / "examples" / "pendaftaran-perkara-pengadilan-agama.pos"


def approval_lines(procedure: Procedure, style: str = "default") -> list[str]:
    block = next(b for b in sheet_of(procedure, style).blocks if b.col == "disahkan")
    return [line for part in block.parts for _, line in part.lines]


def word_approval(procedure: Procedure, style: str = "default") -> list[str]:
    document = Document(io.BytesIO(render_lampiran(procedure, resolve_style(style, procedure), "docx")))
    table = document.tables[0]
    cells = {id(c._tc): c for row in table.rows for c in row.cells}
    cell = next(c for c in cells.values() if c.paragraphs[0].text == procedure.identity.approved_by.position)  # type: ignore[union-attr]
    return [p.text for p in cell.paragraphs]


@pytest.mark.parametrize("style", ["default", "english"])
def test_the_nip_part_is_printed_as_written(style: str) -> None:
    """Before: the court's "NIP: 19640101 199203 1 002" was reprinted "NIP. 19640101 199203 1 002"."""
    procedure = flowgen.load(COURT)
    expected = ["Ketua Pengadilan Agama Kudus", "Nama Ketua, S.H., M.H.", "NIP: 19640101 199203 1 002"]
    assert approval_lines(procedure, style) == expected
    assert word_approval(procedure, style) == expected


@pytest.mark.parametrize(
    ("written", "nip_line"),
    [
        ("NIP. 19611122 198903 1 005", "NIP. 19611122 198903 1 005"),
        ("NIP 19611122  198903 1 005", "NIP 19611122  198903 1 005"),
        ("19611122 198903 1 005", "NIP. 19611122 198903 1 005"),  # 18 digits alone: the style's word
        ("NIP.", "NIP."),  # the number left for the pen
    ],
)
def test_the_approval_prints_pangkat_and_nip_in_word_as_on_paper(written: str, nip_line: str) -> None:
    text = SIPA.read_text(encoding="utf-8").replace(
        "disahkan: Kepala DPMPTSP Prov. Kaltim; Nama Kepala Dinas, S.E., M.M.; NIP. 19650101 199003 1 001",
        f"disahkan: KEPALA DINAS; Ir. ANDI PRAMARIA, M. Si; Pembina Utama Madya; {written}",
    )
    procedure = flowgen.parse(text, "sipa.pos")
    expected = ["KEPALA DINAS", "Ir. ANDI PRAMARIA, M. Si", "Pembina Utama Madya", nip_line]
    assert approval_lines(procedure) == expected
    assert word_approval(procedure) == expected


def test_a_value_written_on_two_lines_is_two_lines_in_word() -> None:
    text = SIPA.read_text(encoding="utf-8").replace(
        "judul: Penerbitan Surat Izin Pemanfaatan dan Pengusahaan Air Tanah (SIPA)",
        "judul: Penerbitan Surat Izin\n  Pemanfaatan Air Tanah",
    )
    procedure = flowgen.parse(text, "sipa.pos")
    document = Document(io.BytesIO(render_lampiran(procedure, resolve_style("default", procedure), "docx")))
    texts = {p.text for row in document.tables[0].rows for c in row.cells for p in c.paragraphs}
    assert "Penerbitan Surat Izin\nPemanfaatan Air Tanah" in texts
    assert "Pemerintah Provinsi Kalimantan Timur".upper() in texts  # the agency's lines, one paragraph each


LAW = "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor {k} Tahun 2012 tentang Pedoman"
LONG_TITLE = " ".join(["Penerbitan Surat Izin Pemanfaatan dan Pengusahaan Air Tanah"] * 5)


def hard_case(style: str) -> Procedure:
    """15 legal bases of about three lines each, 33 items of equipment, a title of five lines."""
    procedure = flowgen.load(SIPA)
    width = resolve_style(style, procedure).page[0].width * 0.5
    law = LAW + " Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan" * max(1, int(width // 300))
    legal = tuple(law.format(k=k) for k in range(1, 16))
    return replace(procedure, identity=replace(procedure.identity, legal_basis=legal, title=LONG_TITLE))


@pytest.mark.parametrize("style", STYLES)
def test_hard_cases_fill_each_sheet_and_stay_on_the_paper(style: str) -> None:
    procedure = hard_case(style)
    check_sheets(procedure, style)
    layout = sheet_of(procedure, style)
    assert len(layout.sheets) >= 2
    for sheet in layout.sheets[1:]:
        head = sheet.blocks[0]
        assert head.col == "lanjutan" and head.parts[0].lines[-1][1].endswith(
            resolve_style(style, procedure).labels["lanjutan"]
        )
