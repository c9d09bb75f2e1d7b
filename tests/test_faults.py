"""Faults while writing: each leaves the previous outputs byte-identical and no stray file.

A folder in the way, a read-only or immutable output, a full disk, SIGINT
and SIGTERM in the middle of the write phase (the test-only hook
``FLOWGEN_TEST_WRITE_PAUSE`` makes the build announce it and wait there),
a process killed outright, Ctrl-C while the libraries load.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from flowgen.cli import main
from flowgen.outputs import PAUSE_HOOK, STAGING_PREFIX
from tests.helpers import ROOT, flow

OLD = flow("  mulai pu: Menerima surat", "  ktu: Memeriksa surat", "  selesai pu: Mengarsipkan")
NEW = OLD.replace("Memeriksa", "Menelaah")
FORMATS = "svg,json"
FORMS = "lampiran"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the folder (the manifest aside) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def strays(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(STAGING_PREFIX) or p.name.endswith(".tmp"))


@pytest.fixture
def built(tmp_path: Path) -> Iterator[tuple[Path, Path, dict[str, bytes]]]:
    """A source built once into ``out`` (the old set), then changed so that the next build differs."""
    source = tmp_path / "p.pos"
    source.write_text(OLD, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run("build", str(source), "-o", str(out), "--format", FORMATS, "--form", FORMS)
    assert code == 0, err
    before = snapshot(out)
    assert sorted(before) == ["p.json", "p.lampiran-1.svg", "p.lampiran-2.svg"]
    source.write_text(NEW, encoding="utf-8")
    yield source, out, before
    for path in out.iterdir():
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
        if path.is_file():
            path.chmod(0o644)


def rebuild(source: Path, out: Path) -> tuple[int, str]:
    code, _, err = run("build", str(source), "-o", str(out), "--format", FORMATS, "--form", FORMS)
    return code, err


def test_a_folder_in_the_way(built: tuple[Path, Path, dict[str, bytes]]) -> None:
    source, out, before = built
    (out / "p.lampiran-2.svg").unlink()
    del before["p.lampiran-2.svg"]
    (out / "p.lampiran-2.svg").mkdir()
    code, err = rebuild(source, out)
    assert code == 1
    assert f"  failed: {source}: error: a folder is in the way of the output {out / 'p.lampiran-2.svg'};" in err
    assert snapshot(out) == before and strays(out) == []


def test_a_read_only_output(built: tuple[Path, Path, dict[str, bytes]]) -> None:
    source, out, before = built
    (out / "p.json").chmod(0o444)
    code, err = rebuild(source, out)
    assert code == 1
    assert f"error: the output {out / 'p.json'} is read-only and cannot be replaced; nothing was written" in err
    assert snapshot(out) == before and strays(out) == []


def test_an_immutable_output_rolls_back_the_ones_already_moved(built: tuple[Path, Path, dict[str, bytes]]) -> None:
    source, out, before = built
    if os.geteuid() != 0 or subprocess.run(["chattr", "+i", str(out / "p.json")], check=False).returncode:
        pytest.skip("chattr +i needs root and a file system with attributes")
    code, err = rebuild(source, out)  # the json is written last: both pages were in place, and are put back
    assert code == 1
    assert f"error: the output {out / 'p.json'} is read-only and cannot be replaced" in err
    assert snapshot(out) == before and strays(out) == []
    assert STAGING_PREFIX not in err


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A 200 KB tmpfs, mounted for the test (root only)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(disk)], check=False).returncode:
        pytest.skip("this machine does not let the test mount a tmpfs")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_read_only_file_system(tmp_path: Path, disk: Path) -> None:
    source = tmp_path / "p.pos"
    source.write_text(OLD, encoding="utf-8")
    assert rebuild(source, disk)[0] == 0
    before = snapshot(disk)
    source.write_text(NEW, encoding="utf-8")
    assert subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=False).returncode == 0
    code, err = rebuild(source, disk)
    assert code == 1
    assert f"error: cannot write into the folder {disk} (Read-only file system); nothing was written" in err
    assert snapshot(disk) == before and strays(disk) == []


def test_an_output_folder_that_is_a_file(tmp_path: Path) -> None:
    source = tmp_path / "p.pos"
    source.write_text(OLD, encoding="utf-8")
    (tmp_path / "out").write_text("", encoding="utf-8")
    code, _, err = run("build", str(source), "-o", str(tmp_path / "out" / "sub"), "--format", "json")
    assert code == 1
    assert err.splitlines()[0].endswith(
        f"error: {tmp_path / 'out'} is a file, not a folder, so the outputs cannot go there"
    )


def test_a_full_disk(tmp_path: Path, disk: Path) -> None:
    source = tmp_path / "p.pos"
    source.write_text(OLD, encoding="utf-8")
    assert rebuild(source, disk)[0] == 0
    before = snapshot(disk)
    source.write_text(NEW, encoding="utf-8")
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 1024):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    code, err = rebuild(source, disk)
    assert code == 1
    assert f"error: no space left on the device for the outputs in {disk}; nothing was changed" in err
    (disk / "filler").unlink()
    assert snapshot(disk) == before and strays(disk) == []


def test_a_dangling_output_link(tmp_path: Path) -> None:
    source = tmp_path / "p.pos"
    source.write_text(OLD, encoding="utf-8")
    (tmp_path / "out").symlink_to(tmp_path / "gone")
    code, _, err = run("build", str(source), "-o", str(tmp_path / "out"), "--format", "json")
    assert code == 1
    assert err.splitlines()[0] == (
        f"{tmp_path / 'out'}: error: the output folder {tmp_path / 'out'} is a symbolic link to"
        f" {tmp_path / 'gone'}, which does not exist"
    )


def test_outputs_respect_the_umask(tmp_path: Path) -> None:
    source = tmp_path / "p.pos"
    source.write_text(OLD, encoding="utf-8")
    old = os.umask(0o027)
    try:
        assert run("build", str(source), "--format", "json")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "p.json").stat().st_mode) == 0o640


def flowgen(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "flowgen", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        start_new_session=True,
    )


def wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    """Until the build announces its write phase (no time limit of its own: the test's timeout is)."""
    while not path.exists():
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)


@pytest.mark.parametrize(
    ("signum", "jobs", "group"),
    [
        (signal.SIGINT, "1", False),
        (signal.SIGTERM, "1", False),
        (signal.SIGINT, "2", True),
        (signal.SIGTERM, "2", False),
    ],
)
def test_a_signal_in_the_write_phase(tmp_path: Path, signum: int, jobs: str, group: bool) -> None:
    sources = []
    for name in ("p", "q"):
        source = tmp_path / f"{name}.pos"
        source.write_text(OLD, encoding="utf-8")
        sources.append(str(source))
    out = tmp_path / "out"
    assert run("build", *sources, "-o", str(out), "--format", FORMATS, "--form", FORMS)[0] == 0
    before = snapshot(out)
    for written in sources:
        Path(written).write_text(NEW, encoding="utf-8")
    marker = tmp_path / "writing"
    args = ("build", *sources, "-o", str(out), "--format", FORMATS, "--form", FORMS, "-j", jobs)
    process = flowgen(*args, env={PAUSE_HOOK: str(marker)})
    wait_for(marker, process)
    if group:  # a terminal's Ctrl-C reaches the workers too
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (130, "flowgen: interrupted\n")
    assert snapshot(out) == before and strays(out) == []


def test_the_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    source = tmp_path / "p.pos"
    source.write_text(OLD, encoding="utf-8")
    marker = tmp_path / "writing"
    process = flowgen("build", str(source), "--format", FORMATS, "--form", FORMS, env={PAUSE_HOOK: str(marker)})
    wait_for(marker, process)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert len(strays(tmp_path)) == 1
    assert run("build", str(source), "--format", "json")[0] == 0
    assert strays(tmp_path) == []


INTERRUPT_AT_IMPORT = """
import builtins, os, signal, sys
real = builtins.__import__
module, signum = sys.argv[1], getattr(signal, sys.argv[2])
def hooked(name, *args, **kwargs):
    if name == module:
        builtins.__import__ = real
        os.kill(os.getpid(), signum)
    return real(name, *args, **kwargs)
builtins.__import__ = hooked
sys.argv = ["flowgen", *sys.argv[3:]]
from flowgen.__main__ import run
run()
"""


@pytest.mark.parametrize("module", ["click", "flowgen.cli", "flowgen.batch", "flowgen.language.reader"])
@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_an_interruption_while_the_libraries_load(tmp_path: Path, module: str, signame: str) -> None:
    """The signal arrives as a given module starts loading: one line, no traceback, exit 130."""
    source = tmp_path / "p.pos"
    source.write_text(OLD, encoding="utf-8")
    command = [sys.executable, "-c", INTERRUPT_AT_IMPORT, module, signame, "build", str(source), "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, timeout=120)
    assert (result.returncode, result.stderr) == (130, "flowgen: interrupted\n")
    assert strays(tmp_path) == []


def test_an_output_that_is_a_link_is_replaced_never_written_through(tmp_path: Path) -> None:
    source = tmp_path / "p.pos"
    source.write_text(OLD, encoding="utf-8")
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_text("keep me", encoding="utf-8")
    (tmp_path / "p.json").symlink_to(elsewhere)
    assert run("build", str(source), "--format", "json")[0] == 0
    assert not (tmp_path / "p.json").is_symlink()
    assert (tmp_path / "p.json").read_text(encoding="utf-8").startswith("{")
    assert elsewhere.read_text(encoding="utf-8") == "keep me"
