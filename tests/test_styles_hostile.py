"""Hostile style sheets and flowgen.toml: confinement, limits, labels as data (issue 11).

Each case has its exact outcome: the diagnostic's code, position and the words that
matter.  The cases that would have run for minutes or gigabytes before run in a child
process under ``resource.setrlimit`` (10 s of CPU, 1 GB of memory), so the test proves
the limit holds rather than timing anything.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import flowgen
from flowgen.cli import main
from flowgen.model.types import Procedure
from flowgen.style.choose import allowing, choose, load_style, read_config
from tests.helpers import EXAMPLES, ROOT

SOURCE = (ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8")


def diagnostics(path: Path) -> list[tuple[str, int, int]]:
    with pytest.raises(flowgen.StyleError) as caught:
        load_style(path)
    return [(d.code, d.span.line, d.span.column) for d in caught.value.diagnostics]


def first(tmp_path: Path, css: str) -> tuple[str, int, int, str]:
    path = tmp_path / "s.css"
    path.write_text(css, encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        load_style(path)
    d = caught.value.diagnostics[0]
    return (d.code, d.span.line, d.span.column, d.message + " | " + (d.hint or ""))


def pos_with(folder: Path, gaya: str | None, name: str = "a.pos") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text((f"gaya: {gaya}\n" if gaya else "") + SOURCE, encoding="utf-8")
    return path


def chosen(path: Path) -> Path:
    procedure = flowgen.parse(path.read_text(encoding="utf-8"), path.name)
    assert isinstance(procedure, Procedure)
    return choose(procedure, path, None).path


def refused(path: Path) -> flowgen.StyleError:
    with pytest.raises(flowgen.StyleError) as caught:
        chosen(path)
    return caught.value


# -- confinement ----------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["/etc/shadow", "/etc/passwd", "/proc/self/environ", "../../etc/hosts.css"])
def test_gaya_outside_the_procedures_folder_is_refused_unread(tmp_path: Path, target: str) -> None:
    error = refused(pos_with(tmp_path / "unit", target))
    ((d),) = error.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("style-refused", 1, 7)
    assert d.message.startswith(f"refused to read '{target}' named by gaya: a style sheet must be a .css file inside ")
    assert "root:" not in str(error) and "PATH=" not in str(error)


def test_a_symlink_out_of_the_folder_is_refused_and_allow_admits_it(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "look.css").write_text("step { fill: #eeeeee; }\n", encoding="utf-8")
    unit = tmp_path / "unit"
    source = pos_with(unit, "link.css")
    (unit / "link.css").symlink_to(elsewhere / "look.css")
    assert refused(source).diagnostics[0].code == "style-refused"
    with allowing([elsewhere]):
        assert chosen(source) == (elsewhere / "look.css").resolve()


def test_only_css_files_even_inside_the_folder(tmp_path: Path) -> None:
    unit = tmp_path / "unit"
    source = pos_with(unit, "./notes.txt")
    (unit / "notes.txt").write_text("secret", encoding="utf-8")
    assert refused(source).diagnostics[0].code == "style-refused"
    assert refused(pos_with(unit, "notes.txt", "b.pos")).diagnostics[0].code == "style-not-found"  # a shipped name


def test_sheets_next_to_the_file_below_it_and_shipped_are_allowed(tmp_path: Path) -> None:
    unit = tmp_path / "unit"
    (unit / "looks").mkdir(parents=True)
    (unit / "looks" / "mine.css").write_text("step { fill: #eeeeee; }\n", encoding="utf-8")
    assert chosen(pos_with(unit, "looks/mine.css")) == (unit / "looks" / "mine.css").resolve()
    assert chosen(pos_with(unit, "kemendikbud", "b.pos")).name == "kemendikbud.css"


def test_flowgen_toml_may_not_name_a_file_outside(tmp_path: Path) -> None:
    unit = tmp_path / "unit"
    source = pos_with(unit / "sub", None)
    (unit / "flowgen.toml").write_text('style = "/etc/passwd"\n', encoding="utf-8")
    ((d),) = refused(source).diagnostics
    assert (d.code, d.span.file, d.span.line) == ("style-refused", str(unit / "flowgen.toml"), 1)
    (unit / "flowgen.toml").write_text('style = "shared/unit.css"\n', encoding="utf-8")
    (unit / "shared").mkdir()
    (unit / "shared" / "unit.css").write_text("step { fill: #eeeeee; }\n", encoding="utf-8")
    assert chosen(source) == (unit / "shared" / "unit.css").resolve()  # the toml's own folder tree


def test_a_symlinked_flowgen_toml_leading_outside_is_refused_unread(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    unit = tmp_path / "unit"
    source = pos_with(unit, None)
    (unit / "flowgen.toml").symlink_to(secret)
    error = refused(source)
    assert [d.code for d in error.diagnostics] == ["config-refused"]
    assert "root:x" not in str(error)


def test_the_command_line_style_is_the_users_choice(tmp_path: Path) -> None:
    outside = tmp_path / "outside.css"
    outside.write_text("step { fill: #eeeeee; }\n", encoding="utf-8")
    source = pos_with(tmp_path / "unit", "/etc/shadow")
    procedure = flowgen.parse(source.read_text(encoding="utf-8"), source.name)
    assert isinstance(procedure, Procedure)
    assert choose(procedure, source, str(outside)).path == outside.resolve()


def test_build_allow_option(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "look.css").write_text("step { fill: #eeeeee; }\n", encoding="utf-8")
    source = pos_with(tmp_path / "unit", str(elsewhere / "look.css"))
    runner = CliRunner()
    refused_run = runner.invoke(main, ["build", str(source), "--format", "svg", "-o", str(tmp_path / "o1")])
    assert refused_run.exit_code == 1 and "refused to read" in refused_run.output
    env = {"FLOWGEN_ALLOW": ""}
    args = ["build", str(source), "--format", "svg", "--allow", str(elsewhere), "-o", str(tmp_path / "o2")]
    allowed = runner.invoke(main, args, env=env)
    os.environ.pop("FLOWGEN_ALLOW", None)  # the option sets it for worker processes
    assert allowed.exit_code == 0, allowed.output
    assert (tmp_path / "o2" / "a.flowchart.svg").is_file()


# -- flowgen.toml ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff\xfe style = 1", "it is not UTF-8 text"),
        (b"# " + b"x" * 70_000, "it is larger than 64 KB"),
    ],
)
def test_unreadable_flowgen_toml_is_one_line_without_content(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "flowgen.toml"
    path.write_bytes(content)
    with pytest.raises(flowgen.StyleError) as caught:
        read_config(path)
    ((d),) = caught.value.diagnostics
    assert (d.code, d.message) == ("config-unreadable", f"cannot read {path}: {reason}")
    assert d.line_text is None


def test_deeply_nested_flowgen_toml(tmp_path: Path) -> None:
    path = tmp_path / "flowgen.toml"
    path.write_text("a = " + "[" * 30_000 + "]" * 30_000 + "\n", encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        read_config(path)
    assert [(d.code, d.message) for d in caught.value.diagnostics] == [
        ("config-syntax", "flowgen.toml is not valid TOML: values nested too deeply")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_flowgen_toml_without_permission(tmp_path: Path) -> None:
    path = tmp_path / "flowgen.toml"
    path.write_text('style = "default"\n', encoding="utf-8")
    path.chmod(0)
    with pytest.raises(flowgen.StyleError) as caught:
        read_config(path)
    assert caught.value.diagnostics[0].message == f"cannot read {path}: Permission denied"


# -- sane ranges -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("step { min-height: 1e9pt }", ("style-bad-value", 1, 20, "a length from 0pt to 1000pt")),
        ("step { width: 1e12mm }", ("style-bad-value", 1, 15, "a length from 0pt to 1000pt")),
        ("step { padding: 1e6pt }", ("style-bad-value", 1, 17, "a length from 0pt to 200pt")),
        ("flowchart { rank-gap: 1e7pt }", ("style-bad-value", 1, 23, "a length from 0pt to 200pt")),
        ("edge { stroke-width: 1e3pt }", ("style-bad-value", 1, 22, "a length from 0pt to 20pt")),
        (":root { font-size: 1e308pt }", ("style-bad-value", 1, 20, "a size from 1pt to 200pt")),
        (":root { font-size: 0 }", ("style-bad-value", 1, 20, "a size from 1pt to 200pt")),
        ("title { font-size: 1e9em }", ("style-bad-value", 1, 20, "from 0.05em to 20em")),
        ("step { stroke-dasharray: 0 0 }", ("style-bad-value", 1, 26, "add up to at least 0.1pt")),
        ("step { stroke-dasharray: 1pt 1pt 1pt 1pt 1pt 1pt 1pt 1pt 1pt }", ("style-bad-value", 1, 26, "1 to 8")),
        ("@page { size: 0 0 }", ("style-bad-value", 1, 15, "a length from 72pt to 2835pt")),
        ("@page { size: 1e12mm 1e12mm }", ("style-bad-value", 1, 15, "a length from 72pt to 2835pt")),
        ("step { width: 0; max-width: 0 }", ("style-bad-value", 1, 15, "a length of at least 10pt for step")),
        ("symbol { height: 0 }", ("style-bad-value", 1, 18, "a length of at least 4pt for symbol")),
        ("cell.actor { min-width: 0; width: 0 }", ("style-bad-value", 1, 25, "at least 1pt for cell")),
        ("lane-header:nth-child(3) { width: 1pt }", ("style-bad-value", 1, 35, "at least 10pt for lane-header")),
        (":root { line-height: 1e9 }", ("style-bad-value", 1, 22, "a number from 0.5 to 5")),
        ("step { width: nan }", ("style-bad-value", 1, 15, "a length such as 12pt")),
        (":root { font-size: 150pt }", ("style-bad-value", 0, 1, "once em sizes are multiplied out")),
    ],
)
def test_sane_ranges(tmp_path: Path, css: str, expected: tuple[str, int, int, str]) -> None:
    code, line, column, text = first(tmp_path, css)
    assert (code, line, column) == expected[:3]
    assert expected[3] in text


# -- labels are data ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["{page.__class__.__mro__}", "{page:>300000000}", "{", "}", "{x}", "{page!r}", "{0}", "{}", "{pages"]
)
def test_label_templates_take_only_their_placeholders(tmp_path: Path, label: str) -> None:
    code, line, column, text = first(tmp_path, f'labels {{ page: "{label}" }}')
    assert (code, line, column) == ("style-bad-value", 1, 16)
    assert "expected a quoted text with only {page}, {pages} (write {{ and }} for braces)" in text


def test_label_templates_with_their_placeholders_and_braces(tmp_path: Path) -> None:
    path = tmp_path / "s.css"
    path.write_text('labels { page: "{{{page}}} of {pages}"; connector-to: "to {step}" }', encoding="utf-8")
    style = load_style(path)
    assert style.labels["page"].format(page=1, pages=2) == "{1} of 2"
    assert first(tmp_path, 'labels { connector-to: "to {page}" }')[:3] == ("style-bad-value", 1, 24)


# -- var() and @import ---------------------------------------------------------------------------------------


def test_var_cycle_is_a_cycle(tmp_path: Path) -> None:
    code, line, column, text = first(tmp_path, ":root { --a: var(--b); --b: var(--a); } step { fill: var(--a); }")
    assert (code, line, column) == ("style-var-cycle", 1, 54)
    assert text.startswith("custom property '--a' refers to itself: --a → --b → --a")


def test_import_of_a_file_that_is_not_css(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("secret", encoding="utf-8")
    assert first(tmp_path, '@import "./notes.txt";')[:3] == ("style-not-css", 1, 9)


def test_fonts_and_logos_are_checked_when_the_sheet_is_read(tmp_path: Path) -> None:
    (tmp_path / "junk.ttf").write_bytes(b"junk")
    (tmp_path / "empty.ttf").write_bytes(b"")
    (tmp_path / "png.ttf").write_bytes((ROOT / "styles" / "logo-kemendikbud.png").read_bytes())
    for font in ("junk.ttf", "empty.ttf", "png.ttf"):
        css = f'@font-face {{ font-family: "K"; src: url("{font}"); }}'
        assert first(tmp_path, css) == (
            "style-unusable-font",
            1,
            32,
            f"cannot use the font file '{font}': not a TrueType font flowgen can embed"
            " | point src at a TrueType (.ttf) file, at most 32 MB",
        )
    (tmp_path / "junk.png").write_bytes(b"junk")
    (tmp_path / "empty.png").write_bytes(b"")
    for logo in ("junk.png", "empty.png"):
        code, line, column, text = first(tmp_path, f'logo {{ src: url("{logo}") }}')
        assert (code, line, column) == ("style-unreadable-image", 1, 13)
        assert text.startswith(f"cannot read the image '{logo}': not an image Pillow can read")


# -- in a child under limits: what ran for minutes and gigabytes --------------------------------------------

LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, (10, 10))
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from pathlib import Path
import flowgen
from flowgen.style.choose import load_style
try:
    load_style(Path(sys.argv[1]))
except flowgen.FlowgenError as exc:
    print(exc.diagnostics[0].code, exc.diagnostics[0].span.line, exc.diagnostics[0].span.column)
else:
    print("ok")
"""


def limited(path: Path) -> str:
    """What loading the sheet prints in a child limited to 10 s of CPU and 1 GB."""
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_var_fan_out_is_bounded(tmp_path: Path) -> None:
    levels = " ".join(f"--v{i}: var(--v{i - 1}) var(--v{i - 1}) var(--v{i - 1}) var(--v{i - 1});" for i in range(1, 15))
    (tmp_path / "s.css").write_text(f":root {{ --v0: 1pt; {levels} }}\nstep {{ padding: var(--v14); }}\n")
    assert limited(tmp_path / "s.css") == "style-var-too-long 2 17"
    empty = " ".join(f"--e{i}: var(--e{i - 1}) var(--e{i - 1}) var(--e{i - 1}) var(--e{i - 1});" for i in range(1, 15))
    (tmp_path / "e.css").write_text(f":root {{ --e0: ; {empty} }}\nstep {{ fill: red var(--e14); }}\n")
    assert limited(tmp_path / "e.css") == "style-var-too-long 2 14"


def test_import_fan_out_and_chains_are_bounded(tmp_path: Path) -> None:
    for i in range(25):
        body = f'@import "f{i + 1}.css";\n@import "f{i + 1}.css";\n' if i < 24 else "step { fill: #eeeeee; }\n"
        (tmp_path / f"f{i}.css").write_text(body)
    assert limited(tmp_path / "f0.css") == "style-too-many-imports 1 1"
    for i in range(1000):
        (tmp_path / f"c{i}.css").write_text(f'@import "c{i + 1}.css";\n' if i < 999 else "step { fill: red; }\n")
    assert limited(tmp_path / "c0.css") == "style-too-many-imports 1 1"


def test_huge_sheets_are_refused_by_size(tmp_path: Path) -> None:
    (tmp_path / "big.css").write_text("step { fill: #eeeeee; }\n" * 440_000)  # 10 MB
    assert limited(tmp_path / "big.css") == "style-too-large 0 1"
    assert limited(Path("/dev/zero")) == "style-too-large 0 1"


def test_the_largest_sheet_within_the_limits_builds_under_the_limits(tmp_path: Path) -> None:
    sheet = tmp_path / "s.css"
    sheet.write_text(
        textwrap.dedent(
            """
            :root { font-size: 60pt; }
            step { min-height: 1000pt; padding: 200pt; width: 1000pt; max-width: 1000pt; stroke-width: 20pt;
                   stroke-dasharray: 0.05pt 0.05pt; }
            flowchart { rank-gap: 200pt; node-gap: 200pt; lane-padding: 200pt; margin: 200pt; }
            table { row-min-height: 500pt; }
            @page { size: 2835pt 2835pt; }
            """
        )
    )
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_CPU, (60, 60))\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))\n"
        "from flowgen.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    args = [str(EXAMPLES[0]), "--style", str(sheet), "--format", "svg,pdf", "-o", str(tmp_path / "out")]
    done = subprocess.run([sys.executable, "-c", code, "build", *args], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 2 << 20  # KB: under 2 GB


# -- check --style checks what build checks ----------------------------------------------------------------


@pytest.mark.parametrize(
    "css",
    [
        "step { width: 0; max-width: 0 }",
        "lane-header:nth-child(5) { width: 1pt }",
        ":root { font-size: 150pt }",
        'labels { page: "{x}" }',
        'labels { months: "a" }',
        ":root { font-family: NoSuchFont }",
        "step { stroke-dasharray: 0 0 }",
    ],
)
def test_check_style_refuses_what_build_refuses(tmp_path: Path, css: str) -> None:
    sheet = tmp_path / "s.css"
    sheet.write_text(css, encoding="utf-8")
    runner = CliRunner()
    checked = runner.invoke(main, ["check", "--style", str(sheet)])
    built = runner.invoke(main, ["build", str(EXAMPLES[0]), "--style", str(sheet), "-o", str(tmp_path / "o")])
    assert (checked.exit_code, built.exit_code) == (1, 1), (checked.output, built.output)
    assert checked.output.splitlines()[0] == built.output.splitlines()[0]
