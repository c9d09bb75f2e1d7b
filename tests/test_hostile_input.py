"""Hostile .pos files (issue 11): control characters in every field, sizes past every limit, odd line ends.

Each case has its exact outcome.  The ones that ran for minutes or gigabytes
before run in a child process under ``resource.setrlimit`` (10 s of CPU, 1 GB of
memory): the test proves the limit holds, it times nothing.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import flowgen
from flowgen.book import read_book_config
from flowgen.cli import main
from flowgen.language.reader import analyze, analyze_file
from flowgen.model.values import parse_time
from flowgen.style.choose import load_style, read_config
from tests.helpers import ROOT

SOURCE = (ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8")
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def diagnostics(text: str) -> list[tuple[str, int, int, str]]:
    _, found = analyze(text, "p.pos")
    return [(d.code, d.span.line, d.span.column, d.message) for d in found]


# -- control characters ----------------------------------------------------------------------------

FIELDS = {
    "actor name": ("Pengadministrasi Umum", "Pengadministrasi\x01Umum", 22, 25),
    "label": ("[periksa]", "[peri\x07ksa]", 30, 8),
    "step text": ("Memeriksa kelengkapan surat", "Memeriksa \x1b]0;pwned\x07 surat", 30, 27),
    "title": ("judul: Pengelolaan Surat Masuk", "judul: Pengelolaan\x0bSurat Masuk", 2, 19),
    "identity": ("unit: Direktorat", "unit: Direk\x1b[2Jtorat", 5, 12),
    "list item": ("  - Komputer dan printer", "  - Komputer\x0c dan printer", 16, 13),
    "branch": ("tidak -> kembalikan", "tid\x7fak -> kembalikan", 34, 8),
    "waktu": ("waktu: 5 menit", "waktu: 5\x9b menit", 29, 13),
    "noncharacter": ("Direktur Sekolah", "Direktur\ufffeSekolah", 9, 19),
}


@pytest.mark.parametrize("field", FIELDS)
def test_a_control_character_in_any_field_is_read_as_a_space(field: str) -> None:
    old, new, line, column = FIELDS[field]
    assert old in SOURCE
    text = SOURCE.replace(old, new, 1)
    bad = RAW.search(new) or re.search("\ufffe", new)
    assert bad is not None
    _, found = analyze(text, "p.pos")
    first = next(d for d in found if d.code == "control-character")
    assert (first.code, first.span.line, first.span.column) == ("control-character", line, column)
    assert first.message.startswith(f"the control character U+{ord(bad.group()):04X}")
    assert first.message.endswith(
        f"is read as a space (characters of this kind in the file: {len(RAW.findall(new)) or 1})"
    )


def test_control_characters_in_every_field_build_every_format(tmp_path: Path) -> None:
    text = SOURCE
    for old, new, _, _ in FIELDS.values():
        if field_is_label(old):
            continue  # a label with a space in it is an error of its own (below)
        text = text.replace(old, new, 1)
    source = tmp_path / "p.pos"
    source.write_text(text, encoding="utf-8")
    formats = "svg,png,pdf,json,docx,drawio,bpmn,signature"
    result = CliRunner().invoke(main, ["build", str(source), "--format", formats, "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert (
        "p.pos:2:19: warning: the control character U+000B LINE TABULATION is read as a space"
        " (characters of this kind in the file: 9)" in result.output
    )
    for out in sorted((tmp_path / "o").iterdir()):
        if out.suffix in (".svg", ".json", ".drawio", ".bpmn"):
            assert RAW.search(out.read_text(encoding="utf-8")) is None, out.name


def field_is_label(old: str) -> bool:
    return old.startswith("[")


def test_a_control_character_in_a_label_makes_no_label() -> None:
    old, new, _, _ = FIELDS["label"]
    found = diagnostics(SOURCE.replace(old, new, 1))
    assert [d[:3] for d in found[:2]] == [("bad-label", 30, 3), ("control-character", 30, 8)]


def test_a_code_built_procedure_with_a_control_character_is_refused_where_it_is() -> None:
    import dataclasses

    procedure = flowgen.parse(SOURCE, "p.pos")
    actor = dataclasses.replace(procedure.actors[0], name="Pengadministrasi\x1bUmum")
    odd = dataclasses.replace(procedure, actors=(actor, *procedure.actors[1:]))
    step = dataclasses.replace(procedure.steps[2], note="catatan\x00")
    odder = dataclasses.replace(procedure, steps=(*procedure.steps[:2], step, *procedure.steps[3:]))
    for form in (flowgen.render_flowchart, flowgen.render_lampiran):
        with pytest.raises(flowgen.ModelError) as caught:
            form(odd, format="svg")
        ((d),) = caught.value.diagnostics
        assert (d.span.line, d.message) == (
            22,
            "actors[0].name has the control character U+001B ESCAPE, which cannot be printed",
        )
    with pytest.raises(flowgen.ModelError) as caught:
        flowgen.render_lampiran(odder, format="pdf")
    assert (
        caught.value.diagnostics[0].message
        == "steps[2].note has the control character U+0000 NULL, which cannot be printed"
    )
    with pytest.raises(flowgen.ModelError):
        flowgen.loads(flowgen.dumps(odd).replace("Pengadministrasi", "Peng\\u0007"))


def test_check_never_writes_raw_escapes_to_the_terminal(tmp_path: Path) -> None:
    source = tmp_path / "p.pos"
    source.write_text(SOURCE.replace("[periksa]", "[\x1b]0;pwned\x07\x1b[2J]"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "flowgen", "check", str(source)], capture_output=True, cwd=ROOT)
    assert done.returncode == 1
    shown = done.stderr.decode("utf-8")
    assert RAW.search(shown) is None
    assert "   30 |   [\\x1b]0;pwned\\x07\\x1b[2J] pu: Memeriksa kelengkapan surat" in shown.splitlines()
    assert "      |    ^^^^" in shown.splitlines()  # the caret under the escaped character, as wide as it is shown


def test_a_file_name_with_escapes_is_shown_escaped(tmp_path: Path) -> None:
    source = tmp_path / "\x1b[2Jp.pos"
    source.write_text("judul: x\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "flowgen", "check", str(source)], capture_output=True, cwd=ROOT)
    assert done.returncode == 1
    assert b"\x1b" not in done.stderr and b"\\x1b[2Jp.pos" in done.stderr


def test_check_json_escapes_what_a_terminal_would_act_on(tmp_path: Path) -> None:
    source = tmp_path / "a\x85b\u202ec.pos"  # a C1 control and a bidi override in the file's name
    source.write_text("judul: x\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "flowgen", "check", "--format", "json", str(source)], capture_output=True, cwd=ROOT
    )
    assert done.returncode == 1
    assert "\x85".encode() not in done.stdout and "\u202e".encode() not in done.stdout
    assert b"a\\u0085b\\u202ec.pos" in done.stdout
    assert json.loads(done.stdout)[0]["file"] == str(source)  # still JSON that reads back as written


def test_the_sheet_is_fine_line_shows_its_name_escaped(tmp_path: Path) -> None:
    sheet = tmp_path / "\x1b[2Jgaya.css"
    sheet.write_text("step { fill: #ffffff; }\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "flowgen", "check", "--style", str(sheet)], capture_output=True, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stderr and b"\\x1b[2Jgaya.css: the style sheet is fine" in done.stderr


# -- line ends and odd files -----------------------------------------------------------------------------


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_every_kind_of_line_end_is_a_line_break(end: str) -> None:
    procedure, found = analyze(SOURCE.replace("\n", end), "p.pos")
    assert procedure is not None and [d.code for d in found] == []
    assert len(procedure.steps) == 10 and procedure.identity.title == "Pengelolaan Surat Masuk"


def test_a_zero_width_space_as_the_symbol_is_no_value() -> None:
    text = SOURCE.replace("    waktu: 5 menit\n", "    waktu: 5 menit\n    simbol: \u200b\n", 1)
    assert diagnostics(text)[0] == ("empty-value", 30, 5, "'simbol' has no value")


def test_dev_zero_is_not_read_whole() -> None:
    assert [(d.code, d.message) for d in analyze_file("/dev/zero")[1]] == [
        ("source-too-large", "the file is larger than 1,000,000 bytes")
    ]


# -- sizes --------------------------------------------------------------------------------------------------


def test_a_target_of_5000_digits() -> None:
    found = diagnostics(SOURCE.replace("tidak -> kembalikan", "tidak -> " + "9" * 5000))
    assert found == [("line-too-long", 34, 4001, "the line has 5,013 characters; a line may have at most 4,000")]
    found = diagnostics(SOURCE.replace("tidak -> kembalikan", "tidak -> " + "9" * 3900))
    assert found[0] == ("no-such-step", 34, 14, "there is no step 999999999999…")


def test_a_title_or_step_of_a_million_characters() -> None:
    for old in ("Pengelolaan Surat Masuk\nnomor", "Memeriksa kelengkapan surat"):
        found = diagnostics(SOURCE.replace(old, "kata " * 200_000 + old[-5:], 1))
        assert found == [("source-too-large", 0, 1, "the file is larger than 1,000,000 bytes")]


def test_a_value_longer_than_a_value_may_be() -> None:
    long_step = "Memeriksa kelengkapan surat\n" + "".join(f"      {'kata ' * 700}\n" for _ in range(2))
    found = diagnostics(SOURCE.replace("Memeriksa kelengkapan surat\n", long_step, 1))
    assert found == [("value-too-long", 30, 17, "this text has 7,027 characters; a value may have at most 4,000")]


def test_too_many_steps_actors_and_branches() -> None:
    steps = ["judul: T", "pelaksana:", "  a = A", "  b = B", "alur:", "  mulai a: Mulai"]
    steps += [f"  {'ab'[i % 2]}: Langkah {i}" for i in range(8000)] + ["  selesai a: Selesai"]
    assert diagnostics("\n".join(steps)) == [
        ("too-many-steps", 1006, 3, "the procedure has 8,002 steps; flowgen draws at most 1,000")
    ]
    actors = ["judul: T", "pelaksana:"] + [f"  a{i} = Aktor {i}" for i in range(5000)] + ["alur:", "  mulai a0: Mulai"]
    actors += [f"  a{i}: Langkah {i}" for i in range(1, 4999)] + ["  selesai a4999: Selesai"]
    assert diagnostics("\n".join(actors)) == [
        ("too-many-actors", 53, 3, "the procedure has 5,000 actors; flowgen draws at most 50"),
        ("too-many-steps", 6004, 3, "the procedure has 5,000 steps; flowgen draws at most 1,000"),
    ]
    branches = ["judul: T", "pelaksana:", "  a = A", "alur:", "  mulai a: Mulai", "  ? a: Pilih?"]
    branches += [f"    p{i} -> s{i}" for i in range(1000)]
    branches += [f"  [s{i}] a: Langkah {i} -> akhir" for i in range(1000)] + ["  [akhir] selesai a: Selesai"]
    assert diagnostics("\n".join(branches)) == [
        ("too-many-branches", 6, 3, "this decision has 1,000 branches; a decision may have at most 20"),
        ("too-many-steps", 2005, 3, "the procedure has 1,003 steps; flowgen draws at most 1,000"),
    ]


def test_waktu_of_400_digits_is_no_duration_and_the_totals_stay_finite(tmp_path: Path) -> None:
    """It was an OverflowError in the lampiran's total time (infinity made an int)."""
    sheet = tmp_path / "totals.css"
    sheet.write_text("table { total-time: true; }\n", encoding="utf-8")
    assert parse_time("9" * 400 + " menit").high is None
    assert parse_time("999999999 bulan").high is not None
    for waktu in ("9" * 400 + " menit", "999999999 bulan"):
        source = tmp_path / "p.pos"
        source.write_text(SOURCE.replace("waktu: 10 menit", f"waktu: {waktu}"), encoding="utf-8")
        args = [
            "build",
            str(source),
            "--style",
            str(sheet),
            "--format",
            "svg,pdf",
            "-o",
            str(tmp_path / "o"),
            "--force",
        ]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert ("is not a duration flowgen can add up" in result.output) == waktu.startswith("9999999999")


# -- in a child under limits: what ran for minutes and gigabytes --------------------------------------------

LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, (10, 10))
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
exec(sys.stdin.read())
"""


def limited(code: str) -> str:
    """What ``code`` prints in a child limited to 10 s of CPU and 1 GB of memory."""
    done = subprocess.run(
        [sys.executable, "-c", LIMITED], input=code, capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_durations_are_scanned_in_linear_time() -> None:
    code = (
        "from flowgen.model.values import parse_time\n"
        "for text in ('9' * 100_000, '9 ' * 50_000, '1,' * 50_000, '9(' * 50_000, '9 x ' * 25_000, 'atau ' * 20_000):\n"
        "    assert parse_time(text).high is None\n"
        "print('ok')\n"
    )
    assert limited(code) == "ok"


def test_waktu_of_16000_digits_is_refused_at_once() -> None:
    code = (
        "import flowgen\n"
        f"text = {SOURCE!r}.replace('waktu: 5 menit', 'waktu: ' + '9' * 16000)\n"
        "print(flowgen.analyze(text, 'p.pos')[1][0].code)\n"
    )
    assert limited(code) == "line-too-long"


def test_the_longest_word_and_value_within_the_limits_build_under_the_limits(tmp_path: Path) -> None:
    word = SOURCE.replace("Menerima surat masuk", "panjangsekali" * 300).replace(
        "Memeriksa kelengkapan surat", "x" * 3960
    )
    (tmp_path / "p.pos").write_text(word, encoding="utf-8")
    code = (
        "import flowgen\n"
        f"procedure = flowgen.load({str(tmp_path / 'p.pos')!r})\n"
        "flowgen.render_flowchart(procedure, format='png')\n"
        "flowgen.render_lampiran(procedure, format='pdf')\n"
        "print('ok')\n"
    )
    assert limited(code) == "ok"


def test_a_100_kb_word_is_refused_at_once() -> None:
    code = (
        "import flowgen\n"
        f"text = {SOURCE!r}.replace('Memeriksa kelengkapan surat', 'x' * 100_000)\n"
        "print(flowgen.analyze(text, 'p.pos')[1][0].code)\n"
    )
    assert limited(code) == "line-too-long"


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("steps", "too-many-steps"),
        ("actors", "too-many-actors"),
        ("branches", "too-many-branches"),
    ],
)
def test_huge_procedures_are_refused_under_the_limits(tmp_path: Path, kind: str, code: str) -> None:
    script = (
        "from click.testing import CliRunner\n"
        "from flowgen.cli import main\n"
        "lines = ['judul: T', 'pelaksana:'] + [f'  a{i} = A {i}' for i in range(5000 if KIND == 'actors' else 2)]\n"
        "lines += ['alur:', '  mulai a0: Mulai', '  ? a1: Pilih?']\n"
        "lines += [f'    p{i} -> akhir' for i in range(1000 if KIND == 'branches' else 2)]\n"
        "lines += [f'  a{i % 2}: Langkah {i}' for i in range(8000 if KIND == 'steps' else 2)]\n"
        "lines += ['  [akhir] selesai a0: Selesai']\n"
        "open(PATH, 'w').write('\\n'.join(lines) + '\\n')\n"
        "result = CliRunner().invoke(main, ['build', PATH, '-o', OUT])\n"
        "print(result.exit_code, result.output.split(': error: ')[1].split(';')[0])\n"
    )
    setup = f"KIND = {kind!r}\nPATH = {str(tmp_path / 'p.pos')!r}\nOUT = {str(tmp_path / 'o')!r}\n"
    expected = {
        "steps": "1 the procedure has 8,003 steps",
        "actors": "1 the procedure has 5,000 actors",
        "branches": "1 this decision has 1,000 branches",
    }
    assert limited(setup + script) == expected[kind], code


# -- a Python without flowgen's dependencies ---------------------------------------------------------------


@pytest.mark.parametrize(("module", "package"), [("click", "click"), ("PIL", "Pillow"), ("docx", "python-docx")])
def test_a_missing_python_package_is_named_in_one_sentence(tmp_path: Path, module: str, package: str) -> None:
    code = (
        f"import sys\nsys.modules[{module!r}] = None\n"
        "sys.argv = ['flowgen', 'build', sys.argv[1], '--format', 'docx', '-o', sys.argv[2], '-j', '1']\n"
        "from flowgen.__main__ import run\nrun()\n"
    )
    source = str(ROOT / "examples" / "surat-masuk.pos")
    done = subprocess.run([sys.executable, "-c", code, source, str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    sentence = f"flowgen needs the Python package '{package}', which is not installed for {sys.executable}"
    assert sentence in done.stderr, done.stderr
    assert f"install it with: {sys.executable} -m pip install {package}" in done.stderr
    assert "failed inside" not in done.stderr and "Traceback" not in done.stderr
    assert done.returncode == 3


# -- sheets and settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("css", "where", "char"),
    [
        ('labels { page: "Hal\x1b[2J {page}" }', (1, 20), "U+001B ESCAPE"),
        ('labels { page: "Hal\\1b [2J {page}" }', (1, 16), "U+001B ESCAPE"),  # a CSS escape, decoded
        (':root { --x: "a\\7 b"; }\nstep { fill: red }', (1, 14), "U+0007 BELL"),
        (':root { font-family: "Ari\\1b al" }', (1, 22), "U+001B ESCAPE"),
        ("step {\r fill: red }\r/* \x9b */", (3, 4), "U+009B"),
    ],
)
def test_a_control_character_in_a_sheet_is_refused_where_it_is(
    tmp_path: Path, css: str, where: tuple[int, int], char: str
) -> None:
    sheet = tmp_path / "s.css"
    sheet.write_text(css, encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        load_style(sheet)
    ((d),) = caught.value.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("style-control-character", *where)
    assert d.message == f"the style sheet has the control character {char}, which cannot be printed"
    assert RAW.search(d.format()) is None


@pytest.mark.parametrize(
    ("toml", "key", "char"),
    [
        ('style = "default\\u001b[2J"\n', "style", "U+001B ESCAPE"),
        ('[book]\ntitle = "Buku\\u0007"\n', "book.title", "U+0007 BELL"),
        ('[book]\nunits = ["a", "b\\u009b"]\n', "book.units[1]", "U+009B"),
        ('"k\\u0001" = 1\n', "k\x01", "U+0001"),
    ],
)
def test_a_control_character_in_a_setting_is_refused(tmp_path: Path, toml: str, key: str, char: str) -> None:
    path = tmp_path / "flowgen.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        read_config(path)
    ((d),) = caught.value.diagnostics
    assert (d.code, d.message) == (
        "config-control-character",
        f"the setting {key} has the control character {char}, which cannot be printed",
    )
    assert RAW.search(d.format()) is None


def test_a_book_config_is_read_as_flowgen_toml_is(tmp_path: Path) -> None:
    (tmp_path / "flowgen.toml").write_bytes(b'[book]\ntitle = "\xff"\n')
    with pytest.raises(flowgen.StyleError) as caught:
        read_book_config(tmp_path)
    assert caught.value.diagnostics[0].message == f"cannot read {tmp_path / 'flowgen.toml'}: it is not UTF-8 text"
    (tmp_path / "flowgen.toml").write_text('[book]\ntitle = "Buku\\u001b]0;x\\u0007"\n', encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        read_book_config(tmp_path)
    assert caught.value.diagnostics[0].code == "config-control-character"


def test_100k_nested_toml_arrays(tmp_path: Path) -> None:
    path = tmp_path / "flowgen.toml"
    path.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        read_config(path)
    assert [d.code for d in caught.value.diagnostics] == ["config-unreadable"]  # 200 KB: over the size limit first
    path.write_text("a = " + "[" * 30_000 + "]" * 30_000 + "\n", encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        read_config(path)
    assert caught.value.diagnostics[0].message == "flowgen.toml is not valid TOML: values nested too deeply"


def test_a_flowgen_toml_that_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "flowgen.toml"
    path.mkdir()  # unreadable even for root, unlike a file without permission
    with pytest.raises(flowgen.StyleError) as caught:
        read_config(path)
    assert caught.value.diagnostics[0].message == f"cannot read {path}: Is a directory"
