"""Issue 10: every real signed SOP sheet can be written in .pos as it was signed.

One test (or a few) per numbered case of the issue, each with the exact
result: what is read, what the printer writes back, what JSON keeps, and the
exact message where flowgen still has something to say.  Each failed before
the change (the old message is quoted in the docstring).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import flowgen
from flowgen.model import analysis
from flowgen.model.values import MONTHS_ID, format_date, parse_time
from tests.helpers import HEAD, brief, diagnose, flow

SIMPLE_FLOW = "pelaksana:\n  pu = Pengadministrasi Umum\nalur:\n  mulai pu: Menerima surat\n  selesai pu: Selesai\n"


def round_trip(text: str) -> flowgen.Procedure:
    """Parse, print, parse again and through JSON: all must agree; return the procedure."""
    procedure = flowgen.parse(text)
    printed = flowgen.to_pos(procedure)
    again = flowgen.parse(printed)
    assert again == procedure
    assert flowgen.to_pos(again) == printed
    assert flowgen.loads(flowgen.dumps(procedure)) == procedure
    return procedure


def head(*identity: str) -> str:
    return "judul: Tes\n" + "".join(line + "\n" for line in identity) + SIMPLE_FLOW


# -- 1. empty boxes ---------------------------------------------------------------


def test_1_keys_without_a_value_are_empty_boxes() -> None:
    """Before: "'keterkaitan' has no items", "'nomor' has no value", "'-' is not a date"."""
    text = head("nomor:", "revisi: -", "efektif:", "keterkaitan:", "peringatan: -", "unit:")
    assert diagnose(text) == []
    ident = round_trip(text).identity
    assert (ident.number, ident.revised, ident.effective, ident.related, ident.warnings, ident.unit) == (
        "",
        None,
        None,
        (),
        (),
        "",
    )


def test_1_judul_and_gaya_still_need_a_value() -> None:
    assert [d.message for d in diagnose("judul:\n" + SIMPLE_FLOW)] == ["'judul' has no value"]
    assert [d.message for d in diagnose(head("gaya:"))] == ["'gaya' has no value"]


# -- 2. dates as offices write them -------------------------------------------------


def test_2_month_year_day_name_and_leading_zero_dates_are_read_and_kept() -> None:
    """Before: 'APRIL 2015' and 'Senin, 03 Januari 2017' were "not a date"; '05' was printed '5'."""
    text = head("dibuat: APRIL 2015", "revisi: Senin, 03 Januari 2017", "efektif: 05 Desember 2017")
    ident = round_trip(text).identity
    assert ident.created is not None and ident.revised is not None and ident.effective is not None
    assert (ident.created.date, ident.created.has_day, ident.created.written) == (
        dt.date(2015, 4, 1),
        False,
        "APRIL 2015",
    )
    assert (ident.revised.date, ident.revised.written) == (dt.date(2017, 1, 3), "Senin, 03 Januari 2017")
    assert ident.effective.date == dt.date(2017, 12, 5)
    assert "dibuat: APRIL 2015\nrevisi: Senin, 03 Januari 2017\nefektif: 05 Desember 2017\n" in flowgen.to_pos(
        flowgen.parse(text)
    )


def test_2_dates_print_as_written_unless_a_format_is_asked_for() -> None:
    ident = flowgen.parse(head("dibuat: Juni 2020", "efektif: 05 Desember 2017")).identity
    assert ident.created is not None and ident.effective is not None
    assert format_date(ident.effective, "", MONTHS_ID) == "05 Desember 2017"
    assert format_date(ident.effective, "d MMMM yyyy", MONTHS_ID) == "5 Desember 2017"
    assert format_date(ident.created, "", MONTHS_ID) == "Juni 2020"
    assert format_date(ident.created, "d MMMM yyyy", MONTHS_ID) == "Juni 2020"  # no day to print
    assert format_date(ident.created, "dd/MM/yyyy", MONTHS_ID) == "06/2020"


def test_2_json_of_version_1_still_reads() -> None:
    procedure = flowgen.parse(head("dibuat: 4 Januari 2021"))
    data = flowgen.to_dict(procedure)
    data["version"] = 1
    for step in data["steps"]:
        del step["printed"], step["implicit"]
    del data["identity"]["revision"], data["identity"]["created"]["has_day"]
    assert flowgen.from_dict(data) == procedure


# -- 3. pangkat and NIP ----------------------------------------------------------------


APPROVAL = "disahkan: KEPALA DINAS PERTANIAN; Ir. ANDI PRAMARIA, M. Si; Pembina Utama Madya; NIP. 19611122 198903 1 005"


def test_3_rank_and_nip_are_told_apart_and_the_nip_keeps_its_spacing() -> None:
    """Before: printed 'NIP. Pembina Utama Madya; NIP. 19611122 198903 1' with '005' wrapped."""
    approval = round_trip(head(APPROVAL)).identity.approved_by
    assert approval is not None
    assert (approval.position, approval.name, approval.rank, approval.nip) == (
        "KEPALA DINAS PERTANIAN",
        "Ir. ANDI PRAMARIA, M. Si",
        "Pembina Utama Madya",
        "19611122 198903 1 005",
    )
    assert approval.lines() == (
        "KEPALA DINAS PERTANIAN",
        "Ir. ANDI PRAMARIA, M. Si",
        "Pembina Utama Madya",
        "NIP. 19611122 198903 1 005",
    )
    assert (
        "disahkan: KEPALA DINAS PERTANIAN; Ir. ANDI PRAMARIA, M. Si; Pembina Utama Madya; NIP 19611122 198903 1 005"
        in flowgen.to_pos(flowgen.parse(head(APPROVAL)))
    )


def test_3_eighteen_digits_are_a_nip_and_an_empty_nip_keeps_its_line() -> None:
    bare = flowgen.parse(head("disahkan: Kepala Dinas; Budi; 19700101 199503 1 001")).identity.approved_by
    assert bare is not None and (bare.name, bare.rank, bare.nip) == ("Budi", "", "19700101 199503 1 001")
    empty = round_trip(head("disahkan: Kepala Dinas; Budi Santoso; NIP.")).identity.approved_by
    assert empty is not None and empty.lines() == ("Kepala Dinas", "Budi Santoso", "NIP.")


# -- 4. the sheet's own numbering -----------------------------------------------------


def test_4_steps_carry_their_printed_number() -> None:
    """Before: "'1. kasubag' is not one actor key" with a hint about '+'."""
    text = flow(
        "  1. mulai pu: Menerima berkas",
        "  2. ktu: Memeriksa berkas",
        "  - pu: Menggandakan berkas",
        "  3. pu: Mengirim berkas",
        "  3. ktu: Mencatat pengiriman",
        "  5. selesai pu: Selesai",
    )
    procedure = round_trip(text)
    assert [procedure.shown_number(s.number) for s in procedure.steps] == ["1", "2", "", "3", "3", "5"]
    assert [s.printed for s in procedure.steps] == ["1", "2", "", "3", "3", "5"]
    assert brief(text) == [
        ("warning", 10, 3, "step number 3 is printed again, in row 5 of the table (first in row 4)"),
        ("warning", 11, 3, "step number 5 follows 3: 4 is skipped"),
    ]
    assert "  - pu: Menggandakan berkas\n" in flowgen.to_pos(procedure)


def test_4_unnumbered_steps_count_on_from_the_number_above() -> None:
    procedure = flowgen.parse(flow("  mulai pu: a", "  - pu: b", "  ktu: c", "  selesai pu: d"))
    assert [procedure.shown_number(s.number) for s in procedure.steps] == ["1", "", "2", "3"]
    assert diagnose(flowgen.to_pos(procedure)) == []


def test_4_an_arrow_to_a_number_printed_twice_is_an_error_that_lists_them() -> None:
    text = flow(
        "  1. mulai pu: a",
        "  2. ? pu: Lengkap?",
        "    ya -> 3",
        "    tidak -> 4",
        "  3. pu: b -> 4",
        "  3. pu: c",
        "  4. selesai pu: d",
    )
    found = [d for d in diagnose(text) if d.is_error]
    assert [(d.span.line, d.message, d.hint) for d in found] == [
        (
            8,
            "more than one step is numbered 3",
            "the steps numbered 3 are on lines 10, 11; give the one you mean a label, for example [periksa], "
            "and point at it",
        )
    ]
    assert found[0].render_message("id") == "lebih dari satu langkah bernomor 3"


def test_4_an_arrow_names_the_printed_number() -> None:
    text = flow("  1. mulai pu: a", "  2. ? pu: b?", "    ya -> 3", "    tidak", "  - ktu: c", "  3. selesai pu: d")
    procedure = round_trip(text)
    assert [(e.source, e.target) for e in procedure.edges] == [(1, 2), (2, 4), (2, 3), (3, 4)]


# -- 5. sda ------------------------------------------------------------------------------


def test_5_sda_and_idem_are_the_actors_of_the_step_above() -> None:
    """Before: "unknown actor 'sda'"."""
    procedure = round_trip(flow("  mulai pu+ktu: a", "  sda: b", "  ktu: c", "  idem: d", "  selesai Sda: e"))
    assert [s.actors for s in procedure.steps] == [("pu", "ktu"), ("pu", "ktu"), ("ktu",), ("ktu",), ("ktu",)]


def test_5_sda_on_the_first_step_is_an_error() -> None:
    found = [d for d in diagnose(flow("  mulai sda: a", "  selesai pu: b")) if d.is_error]
    assert [(d.span.line, d.span.column, d.message, d.hint) for d in found] == [
        (
            6,
            9,
            "'sda' (same as above) on the first step: there is no step above it",
            "write the actor's key, for example 'pu:'",
        )
    ]


# -- 6. times ----------------------------------------------------------------------------


def test_6_times_as_sheets_write_them() -> None:
    """Before: each was "not a duration flowgen can add up" and left out of the total silently."""
    cases = {
        "Segera": (0, 0),
        "-": (0, 0),
        "1 x 24 jam": (1440, 1440),
        "1 (satu) hari": (1440, 1440),
        "10'": (10, 10),
        "7 hari dengan bupati; 2 hari dengan Kadin": (2 * 1440, 7 * 1440),
        "14 (empat belas) hari kerja": (14 * 480, 14 * 480),
    }
    for text, (low, high) in cases.items():
        value = parse_time(text)
        assert value.low is not None and value.high is not None, text
        assert (value.low.sort_minutes, value.high.sort_minutes) == (low, high), text


def test_6_a_total_that_leaves_steps_out_says_so() -> None:
    text = flow(
        "  mulai pu: a",
        "    waktu: 7 hari dengan bupati; 2 hari dengan Kadin",
        "  pu: b",
        "    waktu: secepatnya",
        "  ktu: c",
        "    waktu: sesuai antrean",
        "  selesai pu: d",
    )
    procedure = round_trip(text)
    longest = analysis.longest_path(procedure)
    assert longest is not None and longest.duration.days == 7
    assert analysis.unmeasured(procedure) == (2, 3)
    assert analysis.total_time_note(procedure) == "tanpa 2 langkah yang waktunya tidak terukur"
    assert analysis.total_time_note(procedure, "en") == "without 2 steps whose time cannot be measured"
    assert analysis.total_time_note(flowgen.parse(flow("  mulai pu: a", "    waktu: Segera", "  selesai pu"))) == ""


# -- 7. text pasted from Word or PDF ------------------------------------------------------


def test_7_no_break_spaces_in_the_indentation_are_spaces_with_one_warning() -> None:
    """Before: "this step is not indented" and a hint about joint steps."""
    text = HEAD + "\u00a0\u00a0mulai pu: a\n\u00a0\u00a0\u00a0\u00a0waktu: 5 menit\n\u00a0 selesai pu\u200b: b\n"
    assert [d.format() for d in diagnose(text) if d.code == "unicode-indent"] == [
        "t.pos:6:1: warning: line 6 is indented with U+00A0 NO-BREAK SPACE, read as a space\n"
        "   6 |   mulai pu: a\n"
        "     | ^\n"
        "   hint: text pasted from Word or a PDF brings such spaces; "
        "retype the indentation with the space bar to be sure"
    ]
    procedure = flowgen.parse(text)
    assert [(s.actors, s.text) for s in procedure.steps] == [(("pu",), "a"), (("pu",), "b")]
    assert procedure.steps[0].time is not None and procedure.steps[0].time.text == "5 menit"


def test_7_a_zero_width_space_in_a_key_is_nothing() -> None:
    assert diagnose("jud\u200bul: Tes\n" + SIMPLE_FLOW) == []


# -- 8. multi-line values -------------------------------------------------------------------


def test_8_every_text_value_may_go_on_on_deeper_lines() -> None:
    """Before: "this line is not a detail of the step" / "'instansi' takes a single value on its own line"."""
    text = (
        "judul: Tes\n"
        "instansi: PEMERINTAH KABUPATEN BANYUMAS\n"
        "  DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU\n"
        "dasar-hukum:\n"
        "  - Undang-Undang Nomor 25 Tahun 2009\n"
        "    tentang Pelayanan Publik\n"
        "  - Peraturan Bupati Nomor 3 Tahun 2020\n"
        "pelaksana:\n"
        "  pu = Pengadministrasi Umum\n"
        "alur:\n"
        "  mulai pu: Menerima berkas\n"
        "    permohonan\n"
        "    kelengkapan: 1. KTP\n"
        "      2. Kartu Keluarga\n"
        "    keterangan: dicatat\n"
        "      di buku agenda\n"
        "  selesai pu: Selesai\n"
    )
    assert diagnose(text) == []
    procedure = round_trip(text)
    assert procedure.identity.agency == (
        "PEMERINTAH KABUPATEN BANYUMAS\nDINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"
    )
    assert procedure.identity.legal_basis == (
        "Undang-Undang Nomor 25 Tahun 2009\ntentang Pelayanan Publik",
        "Peraturan Bupati Nomor 3 Tahun 2020",
    )
    first = procedure.steps[0]
    assert (first.text, first.requires, first.note) == (
        "Menerima berkas\npermohonan",
        "1. KTP\n2. Kartu Keluarga",
        "dicatat\ndi buku agenda",
    )


def test_8_a_question_goes_on_deeper_than_its_branches() -> None:
    """Before: the second line of the question was a third branch ("decision 2 has 3 branches")."""
    text = (
        "judul: Tes\n"
        "pelaksana:\n"
        "  pu = Pengadministrasi Umum\n"
        "alur:\n"
        "  mulai pu: Menerima berkas\n"
        "  ? pu: Apakah berkas permohonan\n"
        "        sudah lengkap?\n"
        "    ya\n"
        "    tidak -> selesai: Berkas ditolak\n"
        "  pu: Mencatat berkas\n"
        "  selesai pu: Selesai\n"
    )
    assert diagnose(text) == []
    procedure = round_trip(text)
    question = procedure.steps[1]
    assert question.text == "Apakah berkas permohonan\nsudah lengkap?"
    assert [(e.label, procedure.step(e.target).text) for e in procedure.outgoing(2)] == [
        ("ya", "Mencatat berkas"),
        ("tidak", "Berkas ditolak"),
    ]
    printed = flowgen.to_pos(procedure)
    assert "  ? pu: Apakah berkas permohonan\n      sudah lengkap?\n    ya -> 3\n" in printed
    # a bare answer at the branches' depth is still a branch that goes on to the next step
    assert diagnose(text.replace("        sudah lengkap?\n", "")) == []


# -- 9. revision number ----------------------------------------------------------------------


def test_9_the_revision_number_has_its_own_key() -> None:
    """Before: "unknown key 'no-revisi'" — did you mean 'revisi' (which is a date)."""
    for key in ("no-revisi", "revisi-ke", "nomor-revisi", "revision"):
        ident = round_trip(head(f"{key}: 02", "revisi: 5 Januari 2024")).identity
        assert (ident.revision, ident.revised is not None) == ("02", True), key


# -- 10. a branch that ends; simbol on a decision ------------------------------------------------


def test_10_a_branch_may_end_the_procedure_by_itself() -> None:
    """Before: "'selesai' is not a label" — the writer had to add a row the sheet does not have."""
    text = flow(
        "  mulai pu: Menerima tamu",
        "  ? ktu: Menerima tamu; jika tidak berkenan maka tamu ditolak",
        "    simbol: Berkenan?",
        "    ya",
        "    tidak -> selesai: Tamu ditolak",
        "  ktu: Menemui tamu",
        "  selesai pu: Tamu diterima",
    )
    assert diagnose(text) == []
    procedure = round_trip(text)
    end = procedure.steps[2]
    assert (end.kind, end.actors, end.text, end.implicit, end.printed) == (
        flowgen.StepKind.END,
        ("ktu",),
        "Tamu ditolak",
        True,
        "",
    )
    assert procedure.steps[1].symbol == "Berkenan?"
    assert [(e.source, e.target, e.label) for e in procedure.edges] == [
        (1, 2, None),
        (2, 4, "ya"),
        (2, 3, "tidak"),
        (4, 5, None),
    ]
    assert [procedure.shown_number(s.number) for s in procedure.steps] == ["1", "2", "", "3", "4"]
    assert "    tidak -> selesai: Tamu ditolak\n" in flowgen.to_pos(procedure)


def test_10_a_plain_selesai_branch_ends_with_the_word_selesai_unless_it_is_a_label() -> None:
    text = flow("  mulai pu: a", "  ? pu: b?", "    ya", "    tidak -> selesai", "  selesai pu")
    procedure = round_trip(text)
    assert procedure.steps[2].text == "Selesai" and procedure.steps[2].implicit
    labelled = flow("  mulai pu: a", "  ? pu: b?", "    ya -> 1", "    tidak -> selesai", "  [selesai] selesai pu")
    assert [s.implicit for s in flowgen.parse(labelled).steps] == [False, False, False]


# -- 11. several officials, any one of them ---------------------------------------------------------


def test_11_an_actor_name_may_break_over_lines() -> None:
    text = HEAD.replace("  ktu = Kepala Subbagian Tata Usaha\n", "  ktu = KPTA/\n    WakaPTA/\n    Pansek\n")
    procedure = round_trip(text + "  mulai pu: a\n  ktu: b\n  selesai pu: c\n")
    assert procedure.actor("ktu").name == "KPTA/\nWakaPTA/\nPansek"


# -- 12. check checks the style the file names ------------------------------------------------------


def test_12_check_reports_the_style_the_file_names(tmp_path: Path) -> None:
    """Before: 'flowgen check' said "no errors" and 'flowgen build' then failed."""
    source = tmp_path / "a.pos"
    source.write_text("judul: A\ngaya: tidakada.css\n" + SIMPLE_FLOW, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "flowgen", "check", str(source)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert (
        done.stderr.splitlines()[0]
        == f"{source}:2:7: error: style 'tidakada.css' is neither a shipped sheet nor a file"
    )
