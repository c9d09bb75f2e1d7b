"""The command line: exit codes, output files, messages without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from flowgen import __version__
from flowgen.cli import main
from tests.helpers import EXAMPLES, ROOT, flow

BAD = flow("  mulai pu: a", "  kut: b", "  selesai pu")
WARN = flow("  mulai pu: a", "  selesai pu")  # ktu has no steps


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help_on_every_command() -> None:
    assert run("--version")[1].strip() == f"flowgen, version {__version__}"
    for command in ("check", "build"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "Usage:" in out
        assert run(command, "--version")[1].strip() == f"flowgen, version {__version__}"


def test_check_clean_files_exit_zero() -> None:
    # as of a day before any example's review date: the review warnings come with time (test_history)
    code, _, err = run("check", "--as-of", "2015-05-04", *map(str, EXAMPLES))
    assert code == 0
    assert err.strip() == f"{len(EXAMPLES)} file(s) checked, no errors"


def test_check_errors_exit_one_with_compiler_messages(tmp_path: Path) -> None:
    path = tmp_path / "bad.pos"
    path.write_text(BAD, encoding="utf-8")
    code, _, err = run("check", str(path))
    assert code == 1
    assert err.splitlines()[0] == f"{path}:7:3: error: unknown actor 'kut'"
    assert "Traceback" not in err


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    path = tmp_path / "warn.pos"
    path.write_text(WARN, encoding="utf-8")
    code, _, err = run("check", str(path))
    assert code == 0 and "warning: actor 'ktu' has no steps" in err
    assert run("check", "--strict", str(path))[0] == 1


def test_check_json_format(tmp_path: Path) -> None:
    path = tmp_path / "bad.pos"
    path.write_text(BAD, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", str(path))
    assert code == 1
    (report,) = json.loads(out)
    assert report["ok"] is False
    assert report["diagnostics"][0] == {
        "severity": "error",
        "code": "unknown-actor",
        "file": str(path),
        "line": 7,
        "column": 3,
        "length": 3,
        "message": "unknown actor 'kut'",
        "hint": "declared actors are pu, ktu — did you mean 'ktu'?",
    }


def test_messages_in_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "bad.pos"
    path.write_text(BAD, encoding="utf-8")
    _, _, err = run("--lang", "id", "check", str(path))
    assert err.splitlines()[0] == f"{path}:7:3: galat: pelaksana 'kut' tidak dikenal"


def test_missing_and_binary_files_are_reported_not_raised(tmp_path: Path) -> None:
    binary = tmp_path / "x.pos"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, _, err = run("check", str(tmp_path / "none.pos"), str(binary))
    assert code == 1
    assert "cannot read the file" in err and "is not UTF-8 text" in err
    assert "Traceback" not in err


def test_build_json_writes_the_model(tmp_path: Path) -> None:
    code, out, _ = run("build", str(ROOT / "examples" / "surat-masuk.pos"), "-o", str(tmp_path), "--format", "json")
    assert code == 0
    target = tmp_path / "surat-masuk.json"
    assert out.strip() == str(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema"] == "flowgen/procedure" and len(data["steps"]) == 10


def test_failed_build_leaves_old_outputs_untouched(tmp_path: Path) -> None:
    source = tmp_path / "p.pos"
    source.write_text(WARN, encoding="utf-8")
    assert run("build", str(source), "--format", "json")[0] == 0
    before = (tmp_path / "p.json").read_bytes()
    source.write_text(BAD, encoding="utf-8")
    code, _, err = run("build", str(source), "--format", "json")
    assert code == 1 and "unknown actor 'kut'" in err
    assert (tmp_path / "p.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".flowgen-manifest.json", "p.json", "p.pos"]


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = run("build", str(EXAMPLES[0]), "--format", "jsn")
    assert code == 2 and "unknown format 'jsn'" in err
