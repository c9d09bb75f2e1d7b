"""Batches and incremental builds: folders in, each file on its own, up-to-date files skipped."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import flowgen.batch
from flowgen.batch import FAILED, Outcome, Task, run_batch
from flowgen.build import Builder, BuildOptions
from flowgen.cli import main
from flowgen.discover import Source, find_sources
from flowgen.manifest import MANIFEST_NAME
from tests.helpers import flow

GOOD = flow("  mulai pu: Menerima surat", "  ktu: Memeriksa surat", "  selesai pu: Mengarsipkan")
BAD = flow("  mulai pu: a", "  kut: b", "  selesai pu")
JSON = BuildOptions(formats=frozenset({"json"}))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def book(root: Path, names: list[str], bad: tuple[str, ...] = ()) -> list[Path]:
    paths = []
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BAD if name in bad else GOOD, encoding="utf-8")
        paths.append(path)
    return paths


def jsons(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.json") if not p.name.startswith("."))


def summary(err: str) -> str:
    return next(line for line in err.splitlines() if " file(s): " in line)


def test_discovery_recursive_sorted_once_no_hidden_folders(tmp_path: Path) -> None:
    book(tmp_path, ["b/z.pos", "a.pos", "b/c/y.pos", ".git/x.pos", "b/.hidden.pos"])
    (tmp_path / "b" / "notes.txt").write_text("x", encoding="utf-8")
    found = find_sources([tmp_path, tmp_path / "a.pos", tmp_path / "missing.pos"])
    assert [s.path.relative_to(tmp_path).as_posix() for s in found] == ["a.pos", "b/z.pos", "b/c/y.pos", "missing.pos"]
    assert found[1].out_folder(tmp_path / "out") == tmp_path / "out" / "b"
    assert found[3].root is None and found[3].out_folder(tmp_path / "out") == tmp_path / "out"


def test_build_folder_mirrors_its_tree_under_output(tmp_path: Path) -> None:
    book(tmp_path / "src", ["tu/surat.pos", "tu/arsip/pinjam.pos", "sarpras.pos"])
    code, out, err = run("build", str(tmp_path / "src"), "-o", str(tmp_path / "out"), "--format", "json")
    assert code == 0, err
    out_dir = tmp_path / "out"
    assert sorted(out.split()) == sorted(
        str(out_dir / p) for p in ("sarpras.json", "tu/surat.json", "tu/arsip/pinjam.json")
    )
    assert summary(err) == "3 file(s): 3 built, 0 skipped as up to date, 0 failed"
    assert sorted(line.split()[1] for line in err.splitlines() if line.startswith("[")) == ["built"] * 3


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_file_fails_alone_and_is_named(tmp_path: Path, jobs: str) -> None:
    names = [f"p{i}.pos" for i in range(6)] + ["rusak.pos"]
    book(tmp_path, names, bad=("rusak.pos",))
    code, _, err = run("build", str(tmp_path), "--format", "json", "-j", jobs)
    assert code == 1
    assert jsons(tmp_path) == [f"p{i}.json" for i in range(6)]
    assert summary(err) == "7 file(s): 6 built, 0 skipped as up to date, 1 failed"
    assert err.splitlines()[-1] == f"  failed: {tmp_path / 'rusak.pos'}:7:3: error: unknown actor 'kut'"
    assert "Traceback" not in err


def test_second_build_skips_then_rebuilds_only_what_changed(tmp_path: Path) -> None:
    paths = book(tmp_path, ["a.pos", "b.pos", "c.pos"])
    assert run("build", str(tmp_path), "--format", "json")[0] == 0
    code, out, err = run("build", str(tmp_path), "--format", "json")
    assert (code, out) == (0, "")
    assert summary(err) == "3 file(s): 0 built, 3 skipped as up to date, 0 failed"
    paths[1].write_text(GOOD.replace("Memeriksa", "Menelaah"), encoding="utf-8")
    code, out, err = run("build", str(tmp_path), "--format", "json")
    assert out.split() == [str(tmp_path / "b.json")]
    assert summary(err) == "3 file(s): 1 built, 2 skipped as up to date, 0 failed"
    assert summary(run("build", str(tmp_path), "--format", "json", "--force")[2]).startswith("3 file(s): 3 built")


def test_other_options_mean_a_rebuild(tmp_path: Path) -> None:
    (path,) = book(tmp_path, ["a.pos"])
    assert run("build", str(path), "--format", "json")[0] == 0
    assert "1 built" in summary(run("build", str(path), "--format", "json", "--dpi", "300")[2])
    assert "1 skipped" in summary(run("build", str(path), "--format", "json", "--dpi", "300")[2])
    assert "1 built" in summary(run("build", str(path), "--format", "json", "-o", str(tmp_path / "o"))[2])


def test_a_build_asking_for_fewer_files_skips_and_one_asking_for_more_builds_them_all(tmp_path: Path) -> None:
    (path,) = book(tmp_path, ["a.pos"])
    assert run("build", str(path), "--format", "json,svg")[0] == 0
    assert "1 skipped" in summary(run("build", str(path), "--format", "json")[2])
    assert "1 skipped" in summary(run("build", str(path), "--format", "svg", "--form", "flowchart")[2])
    code, out, err = run("build", str(path), "--format", "json,pdf", "--form", "lampiran")
    assert code == 0 and "1 built" in summary(err)  # the new PDF, and every file of before, drawn from today's text
    assert {Path(p).name for p in out.split()} >= {"a.json", "a.flowchart.svg", "a.lampiran-1.svg", "a.lampiran.pdf"}
    assert "1 skipped" in summary(run("build", str(path), "--format", "json,svg")[2])
    assert "1 skipped" in summary(run("build", str(path), "--format", "pdf")[2])
    assert "1 built" in summary(run("build", str(path), "--format", "svg", "--dpi", "300")[2])  # drawn otherwise


def test_build_and_book_of_one_folder_keep_each_others_files(tmp_path: Path) -> None:
    from flowgen.book.sops import OPTIONS

    sources = [Source(p, tmp_path) for p in book(tmp_path, ["a.pos", "tu/b.pos"])]

    def statuses(options: BuildOptions) -> list[str]:
        return [o.status for o in run_batch(sources, None, options, 1, False)]

    assert statuses(BuildOptions()) == ["built", "built"]  # flowgen build DIR
    assert statuses(OPTIONS) == ["built", "built"]  # the book also needs a thumbnail: built once, with all the rest
    assert (tmp_path / "a.lampiran-2.png").exists() and (tmp_path / "a.flowchart.thumb.png").exists()
    assert statuses(BuildOptions()) == ["skipped", "skipped"]
    assert statuses(OPTIONS) == ["skipped", "skipped"]


@pytest.mark.parametrize(
    "options",
    [BuildOptions(), JSON, BuildOptions(style="kemendikbud", dpi=300, direction="lr", mutu_baku=False, thumbnail=150)],
)
def test_options_come_back_from_their_key_and_an_odd_key_gives_none(options: BuildOptions) -> None:
    again = BuildOptions.from_key(options.key)
    assert again is not None and again.key == options.key and again.covers(options) and options.covers(again)
    assert BuildOptions.from_key(options.key.replace("[", "{", 1)) is None
    assert BuildOptions.from_key("[1, 2]") is None and BuildOptions.from_key("") is None


@pytest.mark.parametrize("damage", ["corrupt", "not-a-manifest", "output-removed", "output-edited"])
def test_a_doubtful_manifest_or_output_means_a_rebuild(tmp_path: Path, damage: str) -> None:
    book(tmp_path, ["a.pos", "b.pos"])
    assert run("build", str(tmp_path), "--format", "json")[0] == 0
    if damage == "corrupt":
        (tmp_path / MANIFEST_NAME).write_bytes(b'{"schema": "flowgen/manif')
    elif damage == "not-a-manifest":
        (tmp_path / MANIFEST_NAME).write_text(json.dumps({"schema": "flowgen/manifest", "format": 1, "entries": 7}))
    elif damage == "output-removed":
        (tmp_path / "a.json").unlink()
    else:
        (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    code, out, _ = run("build", str(tmp_path), "--format", "json")
    assert code == 0
    expected = ["a.json", "b.json"] if damage in ("corrupt", "not-a-manifest") else ["a.json"]
    assert sorted(Path(p).name for p in out.split()) == expected  # printed as the workers finish
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["schema"] == "flowgen/procedure"


def test_a_change_in_an_imported_sheet_or_a_config_means_a_rebuild(tmp_path: Path) -> None:
    (tmp_path / "unit.css").write_text('@import "base.css";\n', encoding="utf-8")
    (tmp_path / "base.css").write_text('@import "default";\nlabels { yes: "Ya"; }\n', encoding="utf-8")
    (tmp_path / "flowgen.toml").write_text('style = "unit.css"\n', encoding="utf-8")
    (path,) = book(tmp_path / "sop", ["a.pos"])
    assert run("build", str(path), "--format", "json")[0] == 0
    assert "1 skipped" in summary(run("build", str(path), "--format", "json")[2])
    (tmp_path / "base.css").write_text('@import "default";\nlabels { yes: "Iya"; }\n', encoding="utf-8")
    assert "1 built" in summary(run("build", str(path), "--format", "json")[2])
    (tmp_path / "sop" / "flowgen.toml").write_text('style = "english"\n', encoding="utf-8")
    assert "1 built" in summary(run("build", str(path), "--format", "json")[2])
    assert "1 skipped" in summary(run("build", str(path), "--format", "json")[2])


def test_stale_pages_of_a_longer_build_are_removed(tmp_path: Path) -> None:
    (path,) = book(tmp_path, ["a.pos"])
    for name in ("a.lampiran-7.svg", "a.lampiran-2.svg", "a.lampiran-7.png", "ab.lampiran-7.svg", "a.lampiran-x.svg"):
        (tmp_path / name).write_text("old", encoding="utf-8")
    assert run("build", str(path), "--format", "svg", "--form", "lampiran")[0] == 0
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("a."))
    assert left == ["a.lampiran-1.svg", "a.lampiran-2.svg", "a.lampiran-7.png", "a.lampiran-x.svg", "a.pos"]
    assert (tmp_path / "a.lampiran-2.svg").read_text(encoding="utf-8").startswith("<")
    assert (tmp_path / "ab.lampiran-7.svg").read_text(encoding="utf-8") == "old"


def test_two_sources_with_one_output_name_the_second_fails(tmp_path: Path) -> None:
    first, second = book(tmp_path, ["a/x.pos", "b/x.pos"])
    code, _, err = run("build", str(first), str(second), "-o", str(tmp_path / "out"), "--format", "json")
    assert code == 1
    assert err.splitlines()[-1] == (
        f"  failed: {second}: error: {first} writes the same outputs (x.*) into {tmp_path / 'out'};"
        " this file was not built"
    )


def test_nothing_to_build(tmp_path: Path) -> None:
    code, _, err = run("build", str(tmp_path))
    assert (code, err) == (1, f"flowgen: no .pos file found in {tmp_path}\n")


def test_check_takes_folders(tmp_path: Path) -> None:
    book(tmp_path, ["a/one.pos", "a/b/two.pos"])
    code, _, err = run("check", str(tmp_path))
    assert (code, err.strip()) == (0, "2 file(s) checked, no errors")
    book(tmp_path, ["a/b/three.pos"], bad=("a/b/three.pos",))
    code, _, err = run("check", str(tmp_path))
    assert code == 1 and err.splitlines()[0] == f"{tmp_path / 'a/b/three.pos'}:7:3: error: unknown actor 'kut'"


def test_a_worker_that_dies_fails_its_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [Source(p) for p in book(tmp_path, ["a.pos", "die.pos", "c.pos", "d.pos"])]
    real = flowgen.batch.build_task

    def build_or_die(builder: Builder, task: Task) -> Outcome:
        if task.source.path.name == "die.pos":
            os.kill(os.getpid(), signal.SIGKILL)  # in the forked worker: as the kernel's OOM killer would
        return real(builder, task)

    monkeypatch.setattr(flowgen.batch, "build_task", build_or_die)
    outcomes = run_batch(sources, None, JSON, jobs=2, force=True)
    assert [o.status for o in outcomes] == ["built", FAILED, "built", "built"]
    (diagnostic,) = outcomes[1].diagnostics
    assert (
        diagnostic.message == "the process building this file stopped (killed by SIGKILL); the other files were built"
    )
    assert jsons(tmp_path) == ["a.json", "c.json", "d.json"]


def test_a_finished_batch_lets_its_workers_leave_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """A worker sent its last task may still be on its way out (interpreter teardown) when the batch ends:
    stopping it then raised KeyboardInterrupt in it, and multiprocessing printed a traceback (3 books in 4)."""
    sources = [Source(p) for p in book(tmp_path, ["a.pos", "b.pos", "c.pos"])]
    real = flowgen.batch._worker_main

    def slow_to_leave(conn: object, options: BuildOptions, probe: object) -> None:
        real(conn, options, probe)  # type: ignore[arg-type]
        time.sleep(0.5)

    monkeypatch.setattr(flowgen.batch, "_worker_main", slow_to_leave)
    outcomes = run_batch(sources, None, JSON, jobs=2, force=True)
    assert [o.status for o in outcomes] == ["built"] * 3
    assert "Traceback" not in capfd.readouterr().err


def test_a_style_sheets_warning_is_printed_once_for_the_batch(tmp_path: Path) -> None:
    """The shipped kemendikbud sheet has a logo slot and no logo: said once, not once per file (76 in the book)."""
    book(tmp_path, ["a.pos", "b.pos", "c.pos"])
    args = ("build", str(tmp_path), "--format", "svg", "--form", "lampiran", "-j", "1", "--style", "kemendikbud")
    code, _, err = run(*args)
    assert code == 0
    assert len([line for line in err.splitlines() if "has a logo slot" in line]) == 1, err
    assert "[3/3] built" in err


def test_the_largest_files_are_built_first(tmp_path: Path) -> None:
    """Longest first: a long SOP started last would keep one core busy while the other waits."""
    paths = book(tmp_path, ["a.pos", "b.pos", "c.pos"])
    paths[1].write_text(GOOD + "# " + "x" * 400 + "\n", encoding="utf-8")
    tasks = [Task(i, Source(p), tmp_path, None, JSON) for i, p in enumerate(paths)]
    assert [t.source.path.name for t in flowgen.batch.longest_first(tasks)] == ["b.pos", "a.pos", "c.pos"]


def test_builder_reuses_a_style_until_a_file_it_read_changes(tmp_path: Path) -> None:
    sheet = tmp_path / "unit.css"
    sheet.write_text('@import "part.css";\n', encoding="utf-8")
    (tmp_path / "part.css").write_text('@import "default";\n', encoding="utf-8")
    one, two = book(tmp_path, ["one.pos", "two.pos"])
    builder = Builder(BuildOptions(formats=frozenset({"json"}), style=str(sheet)))
    first = builder.style_for(None, one)
    assert builder.style_for(None, two) is first
    assert [p.name for p in first.sheet.files][:2] == ["unit.css", "part.css"]
    (tmp_path / "part.css").write_text('@import "default";\nlabels { yes: "Ya"; }\n', encoding="utf-8")
    assert builder.style_for(None, one) is not first
    result = builder.build(one, tmp_path / "out")
    assert result.written == (tmp_path / "out" / "one.json",) and result.entry is not None
    assert {Path(p).name for p, _ in result.entry.deps} >= {"one.pos", "unit.css", "part.css", "default.css"}


def test_summary_in_indonesian(tmp_path: Path) -> None:
    book(tmp_path, ["a.pos", "b.pos"], bad=("b.pos",))
    code, _, err = run("--lang", "id", "build", str(tmp_path), "--format", "json", "-j", "1")
    assert code == 1
    assert err.splitlines()[-2:] == [
        "2 berkas: 1 dibangun, 0 dilewati karena mutakhir, 1 gagal",
        f"  gagal: {tmp_path / 'b.pos'}:7:3: galat: pelaksana 'kut' tidak dikenal",
    ]
    assert f"[2/2] gagal {tmp_path / 'b.pos'}" in err.splitlines()
