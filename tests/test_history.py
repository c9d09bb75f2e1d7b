"""The revision history block (riwayat-revisi): read, printed, JSON, errors, and what is counted from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

import flowgen
from flowgen.book.assemble import _rows, book_style
from flowgen.book.checks import check_book, file_review
from flowgen.book.collect import collect
from flowgen.book.contents import revision_cell
from flowgen.checks import next_review, review_warning
from flowgen.cli import main
from flowgen.model.serialize import VERSION

FLOW = "pelaksana:\n  pu = Pengadministrasi Umum\nalur:\n  mulai pu: Menerima surat\n  selesai pu: Mengarsipkan\n"

# English keywords, an item going on on a deeper line, an escaped ';', an empty part, who approved with a name
WRITTEN = (
    "title: Surat Masuk\n"
    "effective: 1 Juli 2021\n"
    "revision-history:\n"
    "  - 1; 10 Januari 2022; Disposisi lewat aplikasi; Direktur SMP; Dr. Budi\n"
    "  - 2;  Januari 2023\n"
    "  - 3; 2023-03-02; Langkah arsip\\; salinan\n"
    "      dipisah; -\n"
    "  - 4; 2 April 2023; -; Sekretaris\n"
) + FLOW.replace("pelaksana:", "actors:").replace("alur:", "flow:")

PRINTED = (
    "judul: Surat Masuk\n"
    "efektif: 1 Juli 2021\n"
    "riwayat-revisi:\n"
    "  - 1; 10 Januari 2022; Disposisi lewat aplikasi; Direktur SMP; Dr. Budi\n"
    "  - 2; Januari 2023\n"
    "  - 3; 2023-03-02; Langkah arsip\\; salinan\n"
    "      dipisah\n"
    "  - 4; 2 April 2023; -; Sekretaris\n"
    "\n" + FLOW.replace("\nalur:", "\n\nalur:")
)


def test_the_block_is_read_into_revisions() -> None:
    history = flowgen.parse(WRITTEN, "s.pos").identity.history
    assert [(r.number, r.date.date, r.date.written, r.changes, r.approved_by) for r in history] == [
        ("1", dt.date(2022, 1, 10), "10 Januari 2022", "Disposisi lewat aplikasi", "Direktur SMP; Dr. Budi"),
        ("2", dt.date(2023, 1, 1), "Januari 2023", "", ""),
        ("3", dt.date(2023, 3, 2), "2023-03-02", "Langkah arsip; salinan\ndipisah", ""),
        ("4", dt.date(2023, 4, 2), "2 April 2023", "", "Sekretaris"),
    ]
    assert [(r.span.line, r.span.column) for r in history] == [(4, 5), (5, 5), (6, 5), (8, 5)]


def test_printer_writes_the_exact_text_and_reads_back() -> None:
    procedure = flowgen.parse(WRITTEN, "s.pos")
    assert flowgen.to_pos(procedure) == PRINTED
    assert flowgen.parse(PRINTED) == procedure
    assert flowgen.to_pos(flowgen.parse(PRINTED)) == PRINTED


def test_json_keeps_the_history_and_reads_older_versions() -> None:
    procedure = flowgen.parse(WRITTEN, "s.pos")
    data = json.loads(flowgen.dumps(procedure))
    assert data["version"] == VERSION == 3
    assert data["identity"]["history"][2] == {
        "number": "3",
        "date": {"date": "2023-03-02", "written": "2023-03-02", "has_day": True},
        "changes": "Langkah arsip; salinan\ndipisah",
        "approved_by": "",
        "span": {"file": "s.pos", "line": 6, "column": 5, "length": 38},
    }
    again = flowgen.loads(flowgen.dumps(procedure))
    assert again == procedure and again.identity.history[2].span == procedure.identity.history[2].span
    assert flowgen.dumps(again) == flowgen.dumps(procedure)
    del data["identity"]["history"]  # written by flowgen before the history (version 2)
    data["version"] = 2
    assert flowgen.from_dict(data).identity.history == ()
    data["identity"]["history"] = [{"number": "1", "date": None}]
    data["version"] = 3
    try:
        flowgen.from_dict(data)
    except flowgen.SchemaError as exc:
        assert (exc.diagnostics[0].code, exc.diagnostics[0].args["path"]) == (
            "schema-missing",
            "$.identity.history[0].date",
        )
    else:  # pragma: no cover
        raise AssertionError("a revision without a date was read")


BAD = (
    "judul: Surat Masuk\n"
    "riwayat:\n"
    "  - 1\n"
    "  - ; 10 Januari 2022\n"
    "  - 2; 31 Juni 2023; Waktu\n"
    "  - 2; 2 Maret 2023\n"
    "  - 3; 4 Mart 2023; Waktu\n"
    "  - 4; kemarin\n"
) + FLOW


def test_a_wrong_entry_is_reported_at_its_part_in_both_languages() -> None:
    _procedure, found = flowgen.analyze(BAD, "s.pos")
    assert [
        (d.code, d.span.line, d.span.column, d.span.length, d.render_message("en"), d.render_message("id"))
        for d in found
    ] == [
        (
            "history-short",
            3,
            5,
            1,
            "the revision '1' needs its number and its date",
            "revisi '1' memerlukan nomor dan tanggalnya",
        ),
        ("history-no-number", 4, 5, 17, "the revision has no number", "revisi tidak memiliki nomor"),
        (
            "impossible-date",
            5,
            8,
            12,
            "'31 Juni 2023' is not a day of the calendar",
            "'31 Juni 2023' bukan tanggal yang ada di kalender",
        ),
        (
            "history-duplicate",
            6,
            5,
            1,
            "revision '2' is already in the history (line 5)",
            "revisi '2' sudah ada dalam riwayat (baris 5)",
        ),
        ("bad-month", 7, 10, 4, "unknown month 'Mart'", "bulan 'Mart' tidak dikenal"),
        ("bad-date", 8, 8, 7, "'kemarin' is not a date", "'kemarin' bukan tanggal"),
    ]
    assert found[0].render_hint("en") == (
        "write one revision per item, its parts separated by ';': '- 1; 2 Januari 2025; what changed; who approved'"
    )
    assert found[0].render_hint("id") == (
        "tulis satu revisi per butir, bagian-bagiannya dipisah ';': "
        "'- 1; 2 Januari 2025; apa yang diubah; siapa yang mengesahkan'"
    )


def test_warnings_for_a_history_that_contradicts_itself() -> None:
    text = (
        "judul: Surat\nno-revisi: 1\nrevisi: 2023-01-01\nriwayat-revisi:\n  - 1; 2023-05-01\n  - 2; 2023-02-01\n"
    ) + FLOW
    _procedure, found = flowgen.analyze(text, "s.pos")
    assert [(d.code, d.span.line, d.render_message("en")) for d in found] == [
        ("history-number-differs", 2, "'no-revisi: 1' is not the number of the last revision (2)"),
        ("history-revised-differs", 3, "'revisi: 2023-01-01' is not the date of the last revision (2023-02-01)"),
        ("history-order", 6, "revision '2' is dated 2023-02-01, before revision '1' (2023-05-01)"),
    ]
    agreeing = text.replace("no-revisi: 1", "no-revisi: 02").replace("revisi: 2023-01-01", "revisi: 1 Februari 2023")
    assert [d.code for d in flowgen.analyze(agreeing, "s.pos")[1]] == ["history-order"]


def test_an_effective_date_before_the_sop_was_made_or_revised_is_warned() -> None:
    text = "judul: Surat\ndibuat: 2025-12-01\nrevisi: 2026-01-09\nefektif: 2026-01-05\n" + FLOW
    found = [d for d in flowgen.analyze(text, "s.pos")[1] if d.code == "effective-too-early"]
    assert [(d.span.line, d.render_message("en"), d.render_message("id")) for d in found] == [
        (
            4,
            "the effective date (2026-01-05) is before the revision date (2026-01-09)",
            "tanggal efektif (2026-01-05) sebelum tanggal revisi (2026-01-09)",
        ),
    ]
    before_made = text.replace("revisi: 2026-01-09", "revisi: 2026-01-02").replace(
        "efektif: 2026-01-05", "efektif: 2025-11-30"
    )
    assert [
        d.render_message("en") for d in flowgen.analyze(before_made, "s.pos")[1] if d.code == "effective-too-early"
    ] == ["the effective date (2025-11-30) is before the date it was made (2025-12-01)"]
    on_the_day = text.replace("efektif: 2026-01-05", "efektif: 2026-01-09")
    assert "effective-too-early" not in [d.code for d in flowgen.analyze(on_the_day, "s.pos")[1]]


# -- what is counted and printed from the history -----------------------------------------------


def test_review_is_counted_from_the_later_of_efektif_and_the_last_revision() -> None:
    procedure = flowgen.parse(WRITTEN, "s.pos")
    review = next_review(procedure)
    assert (review.due, review.basis, review.number, review.span.line) == (
        dt.date(2024, 4, 2),
        "riwayat-revisi",
        "4",
        8,
    )
    later = flowgen.parse(WRITTEN.replace("effective: 1 Juli 2021", "effective: 1 Juli 2023"), "s.pos")
    assert (next_review(later, 6).due, next_review(later).basis) == (dt.date(2024, 1, 1), "efektif")
    assert review_warning(procedure, dt.date(2024, 4, 2)) is None  # due today: not yet past
    due = review_warning(procedure, dt.date(2024, 4, 3))
    assert due is not None and (due.code, due.severity.value, due.span.line, due.span.column) == (
        "review-due",
        "warning",
        8,
        5,
    )
    assert due.render_message("en") == (
        "'Surat Masuk' was due for review on 2024-04-02, 12 months after revision 4 (2 April 2023)"
    )
    assert due.render_message("id") == (
        "'Surat Masuk' seharusnya ditinjau ulang pada 2024-04-02, 12 bulan sesudah revisi 4 (2 April 2023)"
    )
    comment = flowgen.parse("# tinjau: 1 Maret 2030\n" + WRITTEN, "s.pos")
    assert (next_review(comment).due, review_warning(comment, dt.date(2030, 3, 1))) == (dt.date(2030, 3, 1), None)


def test_check_warns_a_file_past_its_review_date_with_the_folders_period(tmp_path: Path) -> None:
    path = tmp_path / "surat.pos"
    path.write_text(WRITTEN, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--as-of", "2024-05-01", str(path)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{path}:8:5: warning: 'Surat Masuk' was due for review on 2024-04-02, 12 months after revision 4"
        " (2 April 2023)",
        "   8 |   - 4; 2 April 2023; -; Sekretaris",
        "     |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "   hint: review the SOP; a new revision goes in 'riwayat-revisi:' (or write '# tinjau: DATE')",
        "1 file(s) checked, no errors",
    ]
    assert runner.invoke(main, ["check", "--as-of", "2024-04-02", str(path)]).stderr.splitlines() == [
        "1 file(s) checked, no errors"
    ]
    assert runner.invoke(main, ["check", "--strict", "--as-of", "2024-05-01", str(path)]).exit_code == 1
    (tmp_path / "flowgen.toml").write_text("[book]\nreview-months = 24\n", encoding="utf-8")
    assert file_review(flowgen.load(path), path, dt.date(2024, 5, 1)) == []
    (due,) = file_review(flowgen.load(path), path, dt.date(2025, 4, 3))
    assert due.render_message("en").endswith("due for review on 2025-04-02, 24 months after revision 4 (2 April 2023)")
    # the book's check counts by the same rule: one warning, at the same place
    book = [d for d in check_book(tmp_path, dt.date(2025, 4, 3)) if d.code == "review-due"]
    assert [(d.span.line, d.span.column, d.render_message("en")) for d in book] == [(8, 5, due.render_message("en"))]


def test_identity_sheet_prints_the_last_revisions_date() -> None:
    procedure = flowgen.parse(PRINTED.replace("efektif: 1 Juli 2021\n", "revisi: 1 Juli 2021\n"), "s.pos")
    style = flowgen.resolve_style(None)
    svg = flowgen.render_lampiran(procedure, style, "svg").decode("utf-8")
    assert "2 April 2023" in svg and "1 Juli 2021" not in svg
    without = flowgen.parse(PRINTED.split("riwayat-revisi:")[0].replace("efektif", "revisi") + "\n" + FLOW, "t.pos")
    assert "1 Juli 2021" in flowgen.render_lampiran(without, style, "svg").decode("utf-8")


def test_the_contents_record_each_sops_last_revision(tmp_path: Path) -> None:
    assert (revision_cell("3", "2 Mar 2023"), revision_cell("", "2 Mar 2023"), revision_cell("3", "-")) == (
        "3 · 2 Mar 2023",
        "2 Mar 2023",
        "-",
    )
    (tmp_path / "a.pos").write_text(WRITTEN.replace("title: Surat Masuk", "title: A\nnumber: 1"), encoding="utf-8")
    (tmp_path / "b.pos").write_text("judul: B\nnomor: 2\nrevisi: 2021-07-01\n" + FLOW, encoding="utf-8")
    rows = _rows(book_style(tmp_path), collect(tmp_path, "Unit"), [])
    assert [row.texts[1:5] for row in rows if not row.group] == [
        ("1", "A", "1 Jul 2021", "4 · 2 Apr 2023"),
        ("2", "B", "-", "1 Jul 2021"),
    ]


def test_the_formatter_keeps_comments_on_history_items() -> None:
    from flowgen.service.fmt import format_text

    text = (
        "judul: A\n# sejak terbit\nriwayat:\n  # yang pertama\n  - 1; 2 Januari 2025; x; Direktur\n"
        "  # yang kedua\n  - 2; 2026-01-01; y\n"
    ) + FLOW
    printed = format_text(text)
    assert printed.split("\npelaksana:")[0] == (
        "judul: A\n# sejak terbit\nriwayat-revisi:\n  # yang pertama\n  - 1; 2 Januari 2025; x; Direktur\n"
        "  # yang kedua\n  - 2; 2026-01-01; y\n"
    )
    assert format_text(printed) == printed


def test_a_history_built_in_code_is_held_to_the_rules() -> None:
    procedure = flowgen.parse(WRITTEN, "s.pos")
    day = flowgen.DateValue(dt.date(2024, 1, 1), "2024-01-01")
    twice = flowgen.Revision("4", day)
    broken = (*procedure.identity.history, twice, flowgen.Revision(" ", day))
    bad = dataclasses.replace(procedure, identity=dataclasses.replace(procedure.identity, history=broken))
    assert [(d.code, d.render_message("en")) for d in flowgen.check(bad)] == [
        ("model-duplicate-revision", "revision '4' is in the history twice"),
        ("model-revision-number", "identity.history[5] has no revision number"),
    ]
    _procedure, found = flowgen.analyze(BAD.replace("  - 1\n", "  - 1; -\n"), "s.pos")
    assert (found[0].code, found[0].span.line) == ("history-short", 3)
