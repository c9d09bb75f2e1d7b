"""The .pos language: exact parses of good text and exact diagnostics of bad text."""

from __future__ import annotations

import datetime as dt

import pytest

import flowgen
from flowgen.model.types import StepKind
from tests.helpers import ROOT, brief, diagnose, flow

SIMPLE = flow(
    "  mulai pu: Menerima surat",
    "  ktu: Memeriksa surat",
    "  selesai pu: Selesai",
)


def test_reference_example_parses_exactly() -> None:
    p = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    ident = p.identity
    assert ident.title == "Pengelolaan Surat Masuk"
    assert ident.number == "001/POS/SMP/TU/2021"
    assert ident.agency == "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi"
    assert ident.unit == "Direktorat Sekolah Menengah Pertama"
    assert ident.created is not None and ident.created.date == dt.date(2021, 1, 4)
    assert ident.created.written == "2021-01-04"
    assert ident.revised is not None and ident.revised.date == dt.date(2021, 6, 1)
    assert ident.effective is not None and ident.effective.date == dt.date(2021, 7, 1)
    assert ident.approved_by is not None
    assert ident.approved_by.position == "Direktur Sekolah Menengah Pertama"
    assert ident.approved_by.name == "Nama Direktur"
    assert ident.approved_by.nip == "000000000000000000"
    assert ident.legal_basis == (
        "Peraturan Menteri PANRB Nomor 35 Tahun 2012",
        "Permendikbud Nomor 28 Tahun 2020 tentang Tata Naskah Dinas",
    )
    assert ident.qualifications == ("Memahami tata naskah dinas",)
    assert ident.related == ("POS Pengarsipan Dokumen",)
    assert ident.equipment == ("Komputer dan printer", "Buku agenda surat masuk")
    assert ident.warnings == ("Surat yang tidak segera diagendakan menghambat tindak lanjut",)
    assert ident.records == ("Buku agenda surat masuk",)
    assert [(a.key, a.name, a.index) for a in p.actors] == [
        ("pu", "Pengadministrasi Umum", 0),
        ("ktu", "Kepala Subbagian Tata Usaha", 1),
        ("dir", "Direktur", 2),
    ]
    assert [(s.number, s.kind, s.actors, s.label) for s in p.steps] == [
        (1, StepKind.START, ("pu",), None),
        (2, StepKind.ACTIVITY, ("pu",), "periksa"),
        (3, StepKind.DECISION, ("pu",), None),
        (4, StepKind.ACTIVITY, ("pu",), "kembalikan"),
        (5, StepKind.ACTIVITY, ("pu",), "catat"),
        (6, StepKind.ACTIVITY, ("ktu",), None),
        (7, StepKind.ACTIVITY, ("dir",), None),
        (8, StepKind.ACTIVITY, ("ktu",), None),
        (9, StepKind.ACTIVITY, ("pu", "ktu"), None),
        (10, StepKind.END, ("pu",), "akhir"),
    ]
    assert [(e.source, e.target, e.label) for e in p.edges] == [
        (1, 2, None),
        (2, 3, None),
        (3, 4, "tidak"),
        (3, 5, "ya"),
        (4, 10, None),
        (5, 6, None),
        (6, 7, None),
        (7, 8, None),
        (8, 9, None),
        (9, 10, None),
    ]
    step7 = p.step(7)
    assert step7.text == "Memberikan disposisi"
    assert step7.output == "Disposisi"
    assert step7.note == "Dapat melalui aplikasi persuratan"
    assert step7.time is not None and step7.time.text == "1 hari"
    assert step7.time.high is not None and step7.time.high.days == 1
    assert p.step(1).requires == "Surat masuk"
    assert p.step(10).text == "Surat selesai diproses"
    assert flowgen.check(p) == []


def test_english_aliases_mean_the_same() -> None:
    indonesian = flowgen.parse(
        "judul: T\nnomor: 1\ndibuat: 2024-03-15\ndasar-hukum: UU 1\npelaksana:\n  a = A\nalur:\n"
        "  mulai a: x\n    kelengkapan: k\n    waktu: 5 menit\n    keterangan: n\n"
        "  ? a: ok?\n    ya -> akhir\n    tidak -> 1\n  [akhir] selesai a: y\n"
    )
    english = flowgen.parse(
        "title: T\nnumber: 1\ncreated: 2024-03-15\nlegal-basis: UU 1\nactors:\n  a = A\nflow:\n"
        "  start a: x\n    requires: k\n    time: 5 menit\n    note: n\n"
        "  ? a: ok?\n    yes -> akhir\n    no -> 1\n  [akhir] end a: y\n"
    )
    assert english.identity == indonesian.identity
    assert english.steps == indonesian.steps
    assert [(e.source, e.target, e.answer) for e in english.edges] == [
        (e.source, e.target, e.answer) for e in indonesian.edges
    ]


def test_keywords_are_case_insensitive() -> None:
    p = flowgen.parse("JUDUL: T\nPelaksana:\n  a = A\nAlur:\n  Mulai a: x\n  SELESAI a: y\n")
    assert [s.kind for s in p.steps] == [StepKind.START, StepKind.END]


def test_text_may_hold_colons_hashes_and_escaped_arrows() -> None:
    p = flowgen.parse(
        flow(
            "  mulai pu: Catat: nomor #1 \\-> agenda",
            "  selesai pu",
        )
    )
    assert p.step(1).text == "Catat: nomor #1 -> agenda"
    assert p.step(2).text == ""


def test_comments_anywhere_and_blank_lines() -> None:
    p = flowgen.parse(
        "# kepala\njudul: T\n\n   # indented comment\npelaksana:\n  # actors\n  a = A\nalur:\n"
        "  mulai a: x\n    # a comment between details\n    waktu: 1 jam\n  selesai a: y\n"
    )
    time = p.step(1).time
    assert time is not None and time.text == "1 jam"


def test_fork_and_number_targets() -> None:
    p = flowgen.parse(
        flow(
            "  mulai pu: a -> 2, kedua",
            "  pu: b -> 4",
            "  [kedua] ktu: c",
            "  selesai pu",
        )
    )
    assert [(e.source, e.target) for e in p.edges] == [(1, 2), (1, 3), (2, 4), (3, 4)]


def test_branch_without_target_continues() -> None:
    p = flowgen.parse(
        flow(
            "  mulai pu: a",
            "  ? pu: ok?",
            "    tidak -> 1",
            "    ya",
            "  selesai pu",
        )
    )
    assert [(e.source, e.target, e.label) for e in p.edges if e.source == 2] == [(2, 1, "tidak"), (2, 3, "ya")]


def test_branches_and_details_in_any_order_and_symbol_text() -> None:
    p = flowgen.parse(
        flow(
            "  mulai pu: a",
            "  ? ktu: Setuju?",
            "    ya -> 3",
            "    waktu: 1 jam",
            "    tidak -> 1",
            "    simbol: Setuju?",
            "  pu: b",
            "  selesai pu",
        )
    )
    step = p.step(2)
    assert step.symbol == "Setuju?"
    assert step.time is not None and step.time.text == "1 jam"
    assert [e.label for e in p.outgoing(2)] == ["ya", "tidak"]


def test_several_starts_and_ends() -> None:
    p = flowgen.parse(
        flow(
            "  mulai pu: surat datang langsung -> periksa",
            "  mulai ktu: surat datang lewat e-mail",
            "  [periksa] pu: periksa",
            "  ? pu: lengkap?",
            "    ya -> terima",
            "    tidak -> tolak",
            "  [terima] selesai pu: diterima",
            "  [tolak] selesai pu: ditolak",
        )
    )
    assert [s.number for s in p.starts] == [1, 2]
    assert [s.number for s in p.ends] == [5, 6]
    assert flowgen.check(p) == []


def test_joint_step_keeps_actor_order_as_written() -> None:
    p = flowgen.parse(flow("  mulai ktu+pu: bersama", "  selesai pu"))
    assert p.step(1).actors == ("ktu", "pu")
    assert p.step(1).is_joint


def test_crlf_and_bom_are_accepted() -> None:
    text = "\ufeff" + SIMPLE.replace("\n", "\r\n")
    assert flowgen.parse(text).step(2).text == "Memeriksa surat"


def test_indonesian_dates_and_approval_parts() -> None:
    p = flowgen.parse(
        "judul: T\ndibuat: 4 Januari 2021\nrevisi: 15 Agt 2022\nefektif: 01/07/2021\n"
        "disahkan: Kepala Dinas\npelaksana:\n  a = A\nalur:\n  mulai a\n  selesai a\n"
    )
    ident = p.identity
    assert ident.created is not None and ident.created.date == dt.date(2021, 1, 4)
    assert ident.created.written == "4 Januari 2021"
    assert ident.revised is not None and ident.revised.date == dt.date(2022, 8, 15)
    assert ident.effective is not None and ident.effective.date == dt.date(2021, 7, 1)
    assert ident.approved_by is not None
    assert (ident.approved_by.position, ident.approved_by.name, ident.approved_by.nip) == ("Kepala Dinas", "", "")


# -- errors: each with its exact message and place ------------------------------------


def test_unknown_actor_prints_like_a_compiler() -> None:
    text = flow("  mulai pu: a", "  kut: Memeriksa berkas", "  selesai pu")
    found = diagnose(text, "surat-masuk.pos")
    assert len(found) == 1
    assert found[0].format() == (
        "surat-masuk.pos:7:3: error: unknown actor 'kut'\n"
        "   7 |   kut: Memeriksa berkas\n"
        "     |   ^^^\n"
        "   hint: declared actors are pu, ktu — did you mean 'ktu'?"
    )


def test_unknown_actor_in_indonesian() -> None:
    found = diagnose(flow("  mulai pu: a", "  kut: b", "  selesai pu"))
    assert found[0].format("id").splitlines()[0] == "t.pos:7:3: galat: pelaksana 'kut' tidak dikenal"
    assert found[0].render_hint("id") == "pelaksana yang dideklarasikan: pu, ktu — maksud Anda 'ktu'?"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # unknown label, with a suggestion
        (
            ["  mulai pu: a -> priksa", "  [periksa] pu: b", "  selesai pu"],
            [("error", 6, 18, "unknown label 'priksa'")],
        ),
        # duplicate label
        (["  [a] mulai pu: a", "  [a] pu: b", "  selesai pu"], [("error", 7, 4, "label 'a' is used twice")]),
        # a target number that does not exist
        (["  mulai pu: a -> 9", "  selesai pu"], [("error", 6, 18, "there is no step 9")]),
        # a decision with one branch
        (
            ["  mulai pu: a", "  ? pu: ok?", "    ya -> 3", "  selesai pu"],
            [("error", 7, 3, "decision 2 has only one branch; it needs two")],
        ),
        # a step after selesai that nothing reaches
        (
            ["  mulai pu: a", "  selesai pu", "  pu: sisa", "  selesai pu: juga"],
            [("error", 8, 3, "nothing leads to step 3: step 2 before it is 'selesai'")],
        ),
        # no start
        (["  pu: a", "  selesai pu"], [("error", 6, 3, "the procedure has no start")]),
        # no end
        (["  mulai pu: a", "  pu: b -> 1"], [("error", 7, 3, "the procedure has no end")]),
        # an attribute line with no step
        (["    waktu: 5 menit", "  mulai pu: a", "  selesai pu"], [("error", 6, 5, "this line belongs to no step")]),
        # unknown detail under a step
        (["  mulai pu: a", "    wakt: 5 menit", "  selesai pu"], [("error", 7, 5, "unknown detail 'wakt'")]),
        # a branch under a step that is not a decision
        (["  mulai pu: a", "    ya -> 3", "  selesai pu"], [("error", 7, 5, "only a decision has branches")]),
        # arrow on a decision line
        (
            ["  mulai pu: a", "  ? pu: ok? -> 1", "    ya -> 3", "    tidak -> 1", "  selesai pu"],
            [("error", 7, 13, "a decision leads on through its branches, not with '->' on its line")],
        ),
        # arrow out of selesai
        (["  mulai pu: a", "  selesai pu: b -> 1"], [("error", 7, 17, "nothing leaves a 'selesai' step")]),
        # missing target after ->
        (["  mulai pu: a ->", "  selesai pu"], [("error", 6, 15, "'->' is not followed by a target")]),
        # no colon on an activity
        (["  mulai pu: a", "  pu Memeriksa", "  selesai pu"], [("error", 7, 3, "expected 'actor: text'")]),
        # actors separated by a space
        (["  mulai pu ktu: a", "  selesai pu"], [("error", 6, 9, "'pu ktu' is not one actor key")]),
        # an activity without text
        (["  mulai pu: a", "  pu:", "  selesai pu"], [("error", 7, 3, "the step has no text")]),
        # inconsistent indentation
        (["    mulai pu: a", "  selesai pu"], [("error", 7, 3, "this step is less indented than the steps above")]),
    ],
)
def test_flow_errors(lines: list[str], expected: list[tuple[str, int, int, str]]) -> None:
    assert brief(flow(*lines), "error") == expected


def test_suggestions_in_hints() -> None:
    label = diagnose(flow("  mulai pu: a -> priksa", "  [periksa] ktu: b", "  selesai pu"))[0]
    assert label.hint == "did you mean 'periksa'? labels are written as [name] before a step; defined labels: periksa"
    detail = diagnose(flow("  mulai pu: a", "    wakt: 5 menit", "  selesai ktu"))[0]
    assert detail.hint == (
        "did you mean 'waktu'? a step's details are kelengkapan, waktu, output, keterangan and simbol"
    )
    assert diagnose(flow("  mulai pu: a", "  selesai ktu: b -> 1"))[0].hint == (
        "remove '-> ...', or make this step an activity"
    )


def test_identity_errors() -> None:
    text = (
        "judull: T\n"  # unknown key with suggestion
        "dibuat: 31 Febuari 2021\n"  # unknown month
        "revisi: 30 Februari 2021\n"  # impossible date
        "efektif: besok\n"  # not a date
        "nomor: 1\n"
        "nomor: 2\n"  # duplicate key
        "pelaksana:\n  a = A\n  a = B\n"  # duplicate actor
        "alur:\n  mulai a\n  selesai a\n"
    )
    assert brief(text) == [
        ("error", 1, 1, "unknown key 'judull'"),
        ("error", 2, 12, "unknown month 'Febuari'"),
        ("error", 3, 9, "'30 Februari 2021' is not a day of the calendar"),
        ("error", 4, 10, "'besok' is not a date"),
        ("error", 6, 1, "'nomor' is given twice"),
        ("error", 9, 3, "actor 'a' is declared twice"),
    ]
    found = diagnose(text)
    assert found[0].hint is not None and found[0].hint.startswith("did you mean 'judul'? known keys: alur, ")
    assert found[1].hint is not None and found[1].hint.startswith("did you mean 'Februari'? months are Januari")
    assert found[4].hint == "the first is on line 5; keep one of them"


def test_tab_indentation_is_an_error_and_parsing_goes_on() -> None:
    text = flow("  mulai pu: a", "\tktu: b", "  selesai pu: -> 9")
    assert brief(text) == [
        ("error", 7, 1, "a tab is used for indentation"),
        ("error", 8, 15, "nothing leaves a 'selesai' step"),
    ]
    assert diagnose(text)[0].hint == "indent with spaces only: 2 spaces before a step, 4 before its details"


def test_empty_file_and_comment_only_file() -> None:
    for text in ("", "\n\n", "# only a comment\n"):
        found = diagnose(text)
        assert [(d.code, d.span.line, d.message) for d in found] == [("empty-file", 0, "the file is empty")]
        assert found[0].format() == (
            "t.pos: error: the file is empty\n"
            "   hint: start with 'judul: ...', then 'pelaksana:' and 'alur:' (see docs/language.md)"
        )


def test_not_utf8_names_line_and_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "latin1.pos"
    path.write_bytes("judul: Tes\npelaksana:\n  a = Bagian Umum caf\xe9\n".encode("latin-1"))
    with pytest.raises(flowgen.SourceError) as caught:
        flowgen.load(path)
    (d,) = caught.value.diagnostics
    assert (d.span.line, d.span.column, d.message) == (3, 22, "the file is not UTF-8 text (byte 0xE9 cannot be read)")


def test_missing_file_is_a_flowgen_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(flowgen.SourceError) as caught:
        flowgen.load(tmp_path / "nope.pos")
    assert caught.value.diagnostics[0].message == "cannot read the file: No such file or directory"


def test_missing_blocks() -> None:
    assert brief("judul: T\n") == [
        ("error", 1, 1, "there is no 'pelaksana:' block"),
        ("error", 1, 1, "there is no 'alur:' block"),
    ]


def test_steps_at_the_margin_are_explained() -> None:
    text = "judul: T\npelaksana:\n  pu = P\nalur:\nmulai pu: a\n"
    assert brief(text, "error") == [("error", 5, 1, "this step is not indented")]


def test_all_errors_of_a_file_come_in_one_run() -> None:
    text = flow("  mulai pu: a", "  kut: b", "    wakt: 1", "  xyz: c", "  selesai pu -> 1")
    assert [d.code for d in diagnose(text)] == ["unknown-actor", "unknown-attribute", "unknown-actor", "end-arrow"]


def test_parse_raises_one_error_with_every_diagnostic() -> None:
    with pytest.raises(flowgen.SourceError) as caught:
        flowgen.parse(flow("  mulai pu: a", "  kut: b", "  xyz: c", "  selesai pu"), "x.pos")
    assert [d.span.line for d in caught.value.diagnostics] == [7, 8]
    assert str(caught.value).startswith("x.pos:7:3: error: unknown actor 'kut'")
    assert isinstance(caught.value, flowgen.FlowgenError)


# -- warnings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # an actor with no steps (ktu)
        (["  mulai pu: a", "  selesai pu"], [("warning", 4, 3, "actor 'ktu' has no steps")]),
        # decision whose branches lead to the same step
        (
            ["  mulai pu: a", "  ? ktu: ok?", "    ya -> 3", "    tidak -> 3", "  selesai pu"],
            [("warning", 7, 3, "every branch of decision 2 leads to step 3")],
        ),
        # decision with three branches
        (
            ["  mulai pu: a", "  ? ktu: mana?", "    a -> 3", "    b -> 4", "    c -> 4", "  pu: x", "  selesai pu"],
            [("warning", 7, 3, "decision 2 has 3 branches; the standard draws two")],
        ),
        # waktu that is not a duration
        (
            ["  mulai pu: a", "    waktu: secepatnya", "  ktu: b", "  selesai pu"],
            [("warning", 7, 12, "waktu 'secepatnya' of step 1 is not a duration flowgen can add up")],
        ),
        # a cycle with no way out
        (
            [
                "  mulai pu: a",
                "  ? ktu: ok?",
                "    ya -> akhir",
                "    tidak -> 3",
                "  [x] pu: b",
                "  pu: c -> x",
                "  [akhir] selesai pu: b",
            ],
            [("warning", 10, 3, "steps 3, 4 form a loop with no way out")],
        ),
        # a step that loops on itself
        (
            ["  mulai pu: a", "  ? ktu: ok?", "    ya -> 4", "    tidak -> 3", "  pu: ulang -> 3", "  selesai pu: b"],
            [("warning", 10, 3, "step 3 leads back to itself with no way out")],
        ),
        # a step that cannot reach an end
        (
            [
                "  mulai pu: a",
                "  ? ktu: ok?",
                "    ya -> akhir",
                "    tidak -> buntu",
                "  [akhir] selesai pu: b",
                "  [buntu] pu: tidak ke mana-mana",
            ],
            [("warning", 11, 3, "step 4 cannot reach an end: no arrow leaves it")],
        ),
    ],
)
def test_warnings(lines: list[str], expected: list[tuple[str, int, int, str]]) -> None:
    assert brief(flow(*lines)) == expected


# -- one mistake, one exact message ----------------------------------------------


def test_step_indented_under_a_decision_is_a_step_too_deep() -> None:
    text = flow(
        "  mulai pu: a",
        "  ? pu: Lengkap?",
        "    ya -> 4",
        "    tidak",
        "    selesai pu",
        "  selesai ktu: b",
    )
    found = diagnose(text)
    assert [d.format() for d in found] == [
        "t.pos:10:5: error: this step is indented more than the steps above\n"
        "   10 |     selesai pu\n"
        "      |     ^^^^^^^^^^\n"
        "   hint: start every step at column 3"
    ]
    assert found[0].format("id").splitlines()[0] == (
        "t.pos:10:5: galat: indentasi langkah ini lebih dalam daripada langkah di atasnya"
    )
    assert found[0].render_hint("id") == "mulai setiap langkah pada kolom 3"


def test_step_too_deep_is_read_as_a_step() -> None:
    from flowgen.language.parser import parse_document

    document, _ = parse_document(
        flow("  mulai pu: a", "  ? pu: Lengkap?", "    ya -> 4", "    selesai pu", "    tidak", "  selesai ktu: b")
    )
    assert [(s.kind, [b.label.text for b in s.branches]) for s in document.steps] == [
        ("start", []),
        ("decision", ["ya", "tidak"]),  # 'tidak' is beside the deep step, so it is still a branch
        ("end", []),
        ("end", []),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ["    ktu: Menelaah surat"],
        ["    [telaah] ktu: Menelaah surat"],
        ["    ? ktu: Setuju?", "      ya", "      tidak -> 1"],
        ["    pu+ktu: Menelaah surat"],
        ["    mulai pu+ktu -> 3"],
    ],
)
def test_lines_written_like_steps_under_a_step(lines: list[str]) -> None:
    assert brief(flow("  mulai pu: a", *lines, "  selesai pu"), "error") == [
        ("error", 7, 5, "this step is indented more than the steps above")
    ]


def test_answers_that_look_like_keywords_stay_branches() -> None:
    p = flowgen.parse(
        flow(
            "  mulai pu: a",
            "  ? pu: Status?",
            "    selesai -> 4",
            "    mulai ulang",
            "  ktu: b -> 1",
            "  selesai pu",
        )
    )
    assert [(e.target, e.label) for e in p.outgoing(2)] == [(4, "selesai"), (3, "mulai ulang")]


def test_unknown_key_in_the_flow_is_not_called_a_step() -> None:
    text = flow("  mulai pu: a", "catatan: ini catatan", "  selesai pu")
    found = [d for d in diagnose(text) if d.is_error]
    assert [(d.span.line, d.span.column, d.message) for d in found] == [(7, 1, "unknown key 'catatan'")]
    assert found[0].hint is not None and found[0].hint.startswith("did you mean 'pencatatan'? known keys: alur, ")
    # a key without a value keeps its own '- item' lines; the steps after it are still read
    assert brief(flow("  mulai pu: a", "catatan:", "  - satu", "  ktu: b", "  selesai pu"), "error") == [
        ("error", 7, 1, "unknown key 'catatan'")
    ]


def test_declared_actor_at_the_margin_is_a_step_not_indented() -> None:
    text = flow("  mulai pu: a", "ktu: b", "  selesai pu")
    assert brief(text) == [("error", 7, 1, "this step is not indented")]


@pytest.mark.parametrize(
    ("line", "column", "keyword", "hint"),
    [
        ("  mulai: Menerima surat", 3, "mulai", "write the actor after it: 'mulai pu: Menerima surat'"),
        ("  selesai", 3, "selesai", "write the actor after it: 'selesai pu'"),
        ("  [akhir] end: Done", 11, "end", "write the actor after it: 'end pu: Done'"),
    ],
)
def test_step_keyword_without_actor(line: str, column: int, keyword: str, hint: str) -> None:
    text = flow("  mulai pu: a", "  ktu: b", line) if keyword != "mulai" else flow(line, "  ktu: b", "  selesai pu")
    found = diagnose(text)
    assert [(d.code, d.span.column, d.message, d.hint) for d in found] == [
        ("keyword-without-actor", column, f"'{keyword}' needs an actor", hint)
    ]
    assert found[0].render_message("id") == f"'{keyword}' perlu pelaksana"


def test_a_start_that_runs_on_into_another_start_is_warned() -> None:
    text = flow("  mulai pu: Loket", "  mulai ktu: Surel", "  selesai pu")
    found = diagnose(text)
    assert [d.format() for d in found] == [
        "t.pos:6:3: warning: step 1 runs on into start step 2\n"
        "   6 |   mulai pu: Loket\n"
        "     |   ^^^^^^^^^^^^^^^\n"
        "   hint: end step 1 with '-> target' (or make it 'selesai') so that nothing flows into a start"
    ]
    # an arrow back to a start is a loop, not a fall-through
    assert brief(flow("  mulai pu: a", "  ? ktu: ok?", "    ya", "    tidak -> 1", "  selesai pu")) == []


def test_steps_nothing_leads_into_are_one_error_per_group() -> None:
    text = flow(
        "  mulai pu: a -> akhir",
        "  [b] ktu: b",
        "  ? ktu: ok?",
        "    ya -> akhir",
        "    tidak -> b",
        "  [akhir] selesai pu",
    )
    found = diagnose(text)
    assert [(d.severity.value, d.span.line, d.message, d.hint) for d in found] == [
        (
            "error",
            7,
            "steps 2, 3 cannot be reached from any start",
            "they only lead to each other; point an arrow from the main flow at one of them",
        )
    ]


def test_steps_after_an_unreached_step_are_not_reported_again() -> None:
    text = flow("  mulai pu: a", "  selesai pu", "  ktu: b", "  selesai ktu")
    assert brief(text) == [("error", 8, 3, "nothing leads to step 3: step 2 before it is 'selesai'")]


def test_time_warning_points_at_the_waktu_value() -> None:
    found = diagnose(flow("  mulai pu: a", "    waktu: secepatnya", "  ktu: b", "  selesai pu"))
    assert [d.format() for d in found] == [
        "t.pos:7:12: warning: waktu 'secepatnya' of step 1 is not a duration flowgen can add up\n"
        "   7 |     waktu: secepatnya\n"
        "     |            ^^^^^^^^^^\n"
        "   hint: write it as '5 menit', '1,5 jam', '2 hari', '3 hari kerja', '30 menit - 2 jam' or 'Segera'; "
        "as it is, the total leaves this step out and says so"
    ]


def test_no_steps_points_at_the_flow_line_and_nothing_else() -> None:
    text = "judul: T\npelaksana:\n  pu = P\n\nalur:\n"
    assert [d.format() for d in diagnose(text)] == [
        "t.pos:5:1: error: the flow has no steps\n"
        "   5 | alur:\n"
        "     | ^^^^\n"
        "   hint: write the steps under 'alur:', one a line"
    ]


def test_missing_flow_gives_no_unused_actor_warnings() -> None:
    assert brief("judul: T\npelaksana:\n  pu = P\n") == [("error", 1, 1, "there is no 'alur:' block")]


def test_no_end_gives_no_dead_end_or_loop_warnings() -> None:
    assert brief(flow("  mulai pu: a", "  ktu: b")) == [("error", 7, 3, "the procedure has no end")]
    assert brief(flow("  mulai pu: a", "  ktu: b -> 1")) == [("error", 7, 3, "the procedure has no end")]


def test_actor_written_on_the_section_line_is_still_declared() -> None:
    text = "judul: T\npelaksana: pu = Pengadministrasi Umum\nalur:\n  mulai pu: a\n  selesai pu\n"
    found = diagnose(text)
    assert [(d.span.line, d.span.column, d.message, d.hint) for d in found] == [
        (2, 12, "'pelaksana:' takes no value on its own line", "write its entries on the indented lines below it")
    ]


def test_step_written_on_the_flow_line_is_still_read() -> None:
    text = "judul: T\npelaksana:\n  pu = P\nalur: mulai pu: a\n    waktu: 5 menit\n  selesai pu\n"
    assert brief(text) == [("error", 4, 7, "'alur:' takes no value on its own line")]


def test_list_item_without_dash_is_one_error() -> None:
    text = "judul: T\ndasar-hukum:\n  Permen 35\npelaksana:\n  pu = P\nalur:\n  mulai pu: a\n  selesai pu\n"
    assert brief(text) == [("error", 3, 3, "expected a list item '- ...'")]
    text = text.replace("  Permen 35", "  -")
    assert brief(text) == [("error", 3, 3, "the list item is empty")]


def test_an_indented_line_under_a_value_continues_it() -> None:
    text = "title: Pengelolaan\n  Surat\n  Masuk\nactors:\n  pu = P\nflow:\n  start pu: a\n  end pu\n"
    assert diagnose(text) == []
    assert flowgen.parse(text).identity.title == "Pengelolaan\nSurat\nMasuk"  # issue 10, case 8
    # a key with no value and the value on the next line: one message, on the key
    text = "judul:\n  Pengelolaan\npelaksana:\n  pu = P\nalur:\n  mulai pu: a\n  selesai pu\n"
    assert brief(text) == [("error", 1, 1, "'judul' has no value")]


def test_decision_branch_counts_in_words() -> None:
    assert brief(flow("  mulai pu: a", "  ? pu: ok?", "  selesai ktu")) == [
        ("error", 7, 3, "decision 2 has no branches; it needs two")
    ]
    found = diagnose(flow("  mulai pu: a", "  ? pu: ok?", "    ya -> 4", "  ktu: b", "  selesai pu"))
    # the next step is unreached only because the branch is missing: one message
    assert [(d.code, d.message) for d in found] == [
        ("decision-branches", "decision 2 has only one branch; it needs two")
    ]
    assert found[0].render_message("id") == "keputusan 2 hanya memiliki satu cabang; seharusnya dua"


def test_hints_list_english_keys_to_a_writer_of_english() -> None:
    text = "tittle: T\nactors:\n  pu = P\nflow:\n  start pu: a\n    tme: 5 min\n  end pu\n"
    found = diagnose(text)
    assert [(d.code, d.hint) for d in found] == [
        (
            "unknown-key",
            "did you mean 'title'? known keys: actors, agency, approved-by, created, effective, equipment, flow, "
            "legal-basis, number, qualifications, records, related, revised, revision, revision-history, style, "
            "title, unit, warnings",
        ),
        ("unknown-attribute", "did you mean 'time'? a step's details are requires, time, output, note and symbol"),
    ]
    assert found[1].render_hint("id") == (
        "maksud Anda 'time'? rincian langkah: requires, time, output, note dan symbol"
    )


def test_detail_written_at_the_step_indentation() -> None:
    found = diagnose(flow("  mulai pu: a", "  waktu: 5 menit", "  selesai ktu"))
    assert [d.format() for d in found] == [
        "t.pos:7:3: error: the detail 'waktu' is not indented under its step\n"
        "   7 |   waktu: 5 menit\n"
        "     |   ^^^^^\n"
        "   hint: indent it deeper than the step: '    waktu: 5 menit'"
    ]


def test_details_of_a_wrong_step_line_are_not_reported_again() -> None:
    text = flow("  mulai pu: a", "  pu Mencatat", "    waktu: 5 menit", "  selesai ktu")
    assert brief(text) == [("error", 7, 3, "expected 'actor: text'")]


def test_wrong_actor_lines_still_declare_their_key() -> None:
    text = "judul: T\npelaksana:\n  pu: Pengadministrasi Umum\n  ktu =\nalur:\n  mulai pu: a\n  selesai ktu\n"
    assert brief(text) == [
        ("error", 3, 3, "expected an actor as 'key = Name'"),
        ("error", 4, 3, "actor 'ktu' has no name"),
    ]


def test_missing_or_misspelt_actor_block_is_one_error() -> None:
    text = "judul: T\nalur:\n  mulai pu: a\n  pu: b\n  selesai pu\n"
    assert brief(text) == [("error", 1, 1, "there is no 'pelaksana:' block")]
    text = "judul: T\npelaksna:\n  pu = P\nalur:\n  mulai pu: a\n  selesai pu\n"
    assert brief(text) == [("error", 2, 1, "unknown key 'pelaksna'")]


def test_a_step_line_without_its_colon_keeps_its_number_and_label() -> None:
    text = flow("  mulai pu: a -> kembali", "  [kembali] pu Mengembalikan surat", "  selesai pu")
    assert brief(text) == [("error", 7, 13, "expected 'actor: text'")]
    text = flow("  mulai pu Menerima surat masuk", "  selesai pu")
    assert brief(text) == [("error", 6, 9, "expected 'actor: text'")]


def test_a_wrong_label_does_not_lose_its_step() -> None:
    assert brief(flow("  mulai pu: a -> catat", "  [catat pu: b", "  selesai pu")) == [
        ("error", 7, 3, "the label '[' is not closed")
    ]
    assert brief(flow("  mulai pu: a", "  [catat surat] pu: b", "  selesai pu")) == [
        ("error", 7, 3, "'catat surat' cannot be a label")
    ]


def test_the_same_unknown_name_is_reported_once() -> None:
    text = flow("  mulai pu: a -> x", "  kut: b", "  kut: c -> x", "  selesai pu")
    assert brief(text) == [("error", 6, 18, "unknown label 'x'"), ("error", 7, 3, "unknown actor 'kut'")]


def test_branches_written_at_the_step_column() -> None:
    found = diagnose(flow("  mulai pu: a", "  ? pu: Lengkap?", "  ya -> 4", "  tidak", "  ktu: b -> 1", "  selesai pu"))
    assert [(d.span.line, d.message, d.hint) for d in found] == [
        (8, "the branch 'ya' is not indented under its decision", "indent it deeper than the decision: '    ya -> 4'")
    ]


def test_an_indented_section_key() -> None:
    found = diagnose("judul: T\npelaksana:\n  pu = P\n  alur:\n  mulai pu: a\n  selesai pu\n")
    assert [(d.span.line, d.span.column, d.message, d.hint) for d in found] == [
        (
            4,
            3,
            "'alur:' is indented",
            "write 'alur:' at the left margin, and the lines that belong to it indented below it",
        )
    ]


def test_a_forgotten_flow_key_is_one_error() -> None:
    text = "judul: T\npelaksana:\n  pu = P\n  mulai pu: a\n  pu: b\n  selesai pu\n"
    assert brief(text) == [("error", 1, 1, "there is no 'alur:' block")]


def test_identity_keys_written_slightly_wrong_are_still_read() -> None:
    text = "judul Pengelolaan Surat\npelaksana:\n  pu = P\nalur:\n  mulai pu: a\n  selesai pu\n"
    assert brief(text) == [("error", 1, 1, "expected 'key: value' here")]
    text = "  judul: Pengelolaan Surat\npelaksana:\n  pu = P\nalur:\n  mulai pu: a\n  selesai pu\n"
    assert brief(text) == [("error", 1, 3, "this indented line belongs to no block")]


def test_lines_of_a_block_written_at_the_margin_are_one_error() -> None:
    text = "judul: T\ndasar-hukum:\n- Permen 35\n- UU 1\npelaksana:\npu = P\nktu = K\nalur:\n  mulai pu: a\n  ktu: b\n"
    text += "  selesai pu\n"
    assert brief(text) == [("error", 3, 1, "expected 'key: value' here"), ("error", 6, 1, "expected 'key: value' here")]


def test_the_step_column_is_the_one_most_steps_use() -> None:
    assert brief(flow("    mulai pu: a", "    waktu: 5 menit", "  ktu: b", "  selesai pu")) == [
        ("error", 6, 5, "this step is indented more than the steps above")
    ]


def test_a_missing_step_line_is_one_error() -> None:
    # the details of the missing step land on the step above: reported once
    text = flow(
        "  mulai pu: a", "    waktu: 5 menit", "    output: x", "    waktu: 1 jam", "    output: y", "  selesai pu"
    )
    assert brief(text, "error") == [("error", 9, 5, "'waktu' is given twice for this step")]


def test_a_missing_branch_does_not_make_loops_closed() -> None:
    text = flow(
        "  mulai pu: a",
        "  [b] ktu: b",
        "  ? ktu: ok?",
        "    tidak -> b",
        "  pu: c",
        "  selesai pu",
    )
    assert brief(text) == [("error", 8, 3, "decision 3 has only one branch; it needs two")]


def test_details_before_the_first_step_are_one_error() -> None:
    text = flow("  waktu: 5 menit", "  output: x", "  mulai pu: a", "  selesai ktu")
    assert brief(text) == [("error", 6, 3, "this line belongs to no step")]
