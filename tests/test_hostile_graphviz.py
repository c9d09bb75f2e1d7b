"""A Graphviz that misbehaves: its output is checked before use and its whole process group dies with it.

Each case puts a fake ``dot`` first on PATH (as ``test_graphviz_fallback`` does)
and expects one exact :class:`LayoutError`, never a ``KeyError``,
``ValueError`` or ``MemoryError`` from reading the output, and no process
left running afterwards.  (The one other program flowgen runs, ``git show`` for ``diff --rev``, is
at the end: a revision that git would read as an option is refused.)
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import flowgen
from flowgen.layout.flowchart import graphviz as gv
from tests.helpers import ROOT

REAL_DOT = shutil.which("dot")
needs_graphviz = pytest.mark.skipif(REAL_DOT is None, reason="Graphviz is not installed")
SURAT = ROOT / "examples" / "surat-masuk.pos"


def fake_dot(monkeypatch: pytest.MonkeyPatch, folder: Path, body: str) -> None:
    """A ``dot`` shell script first on PATH (the real one, if any, after it as $REAL)."""
    script = folder / "bin" / "dot"
    script.parent.mkdir(exist_ok=True)
    script.write_text(f"#!/bin/sh\nREAL={REAL_DOT}\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{script.parent}:/usr/bin:/bin")


GRAPH = "digraph {\n  n1 [width=1];\n  n2 [width=1];\n  n1 -> n2;\n}\n"  # laid out the way flowgen writes DOT


def layout_error(source: str = GRAPH) -> str:
    with pytest.raises(flowgen.LayoutError) as caught:
        gv.layout(source, "dot", source_name="p.pos")
    ((d),) = caught.value.diagnostics
    assert d.span.file == "p.pos"
    return d.message


def running(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for its parent's wait does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def gone(pid: int) -> bool:
    """Whether a process that was sent SIGKILL has stopped (the kernel takes a moment to finish it)."""
    for _ in range(200):
        if not running(pid):
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("cat >/dev/null; echo 'hello world'", "line 1: 'hello' is not a line of Graphviz's plain output"),
        ("cat >/dev/null", "it is empty"),
        ("cat >/dev/null; printf 'graph 1 2 3\\nnode n1 1 1 1 1\\n'", "it stops before its end"),
        ("cat >/dev/null; printf 'graph 1 2 3\\nnode n1 1 1\\n'", "line 2: a node line is cut short"),
        ("cat >/dev/null; printf 'graph 1 nan 3\\nstop\\n'", "line 1: 'nan' is not a coordinate"),
        ("cat >/dev/null; printf 'graph 1 2 3\\nnode n1 1 1 1 1\\nstop\\n'", "node n2 was not placed"),
        (
            "cat >/dev/null; printf 'graph 1 2 3\\nnode n1 1 1 1 1\\nnode n2 1 1 1 1\\nedge n1 n2 99999 1 1\\nstop\\n'",
            "line 4: an edge line is cut short",
        ),
        (
            "cat >/dev/null; printf 'graph 1 2 3\\nnode n1 1 1 1 1\\nnode n2 1 1 1 1\\nedge n1 n9 1 1 1\\nstop\\n'",
            "line 4: an edge joins a node that was not placed",
        ),
        ("cat >/dev/null; printf 'graph 1 2 3\\nstop\\nnode n1 1 1 1 1\\n'", "line 3 comes after 'stop'"),
    ],
)
def test_output_that_is_not_a_layout_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str, reason: str
) -> None:
    fake_dot(monkeypatch, tmp_path, body)
    assert layout_error() == f"Graphviz wrote a layout flowgen cannot use: {reason}"


def test_huge_output_is_read_only_up_to_the_cap(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # an endless stream: read into memory it would exhaust it; read with the cap it is one error
    fake_dot(monkeypatch, tmp_path, "cat >/dev/null; exec yes 'node n1 1 1 1 1'")
    assert layout_error() == "Graphviz wrote a layout flowgen cannot use: more than 16 MB"


@needs_graphviz
def test_a_build_with_garbage_from_graphviz_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_dot(monkeypatch, tmp_path, "cat >/dev/null; echo 'graph 1 2 3'; echo stop")
    procedure = flowgen.load(SURAT)
    with pytest.raises(flowgen.LayoutError) as caught:
        flowgen.render_flowchart(procedure, format="svg")
    assert caught.value.diagnostics[0].message == ("Graphviz wrote a layout flowgen cannot use: node n1 was not placed")


@needs_graphviz
def test_garbage_from_the_router_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_dot(
        monkeypatch, tmp_path, 'case " $* " in *" -Kneato "*) cat >/dev/null; echo junk; exit 0;; esac\nexec $REAL "$@"'
    )
    procedure = flowgen.load(SURAT)
    with pytest.raises(flowgen.LayoutError) as caught:
        flowgen.render_flowchart(procedure, format="svg")
    assert caught.value.diagnostics[0].message == (
        "Graphviz wrote a layout flowgen cannot use: line 1: 'junk' is not a line of Graphviz's plain output"
    )


def test_a_hung_dot_and_its_child_are_killed_on_timeout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    fake_dot(monkeypatch, tmp_path, f"sleep 300 & echo $! > {pids}; echo $$ >> {pids}; sleep 300")
    monkeypatch.setenv("FLOWGEN_GRAPHVIZ_TIMEOUT", "1")
    assert layout_error() == "Graphviz took longer than 1 seconds"
    child, shell = (int(p) for p in pids.read_text().split())
    assert gone(shell) and gone(child)


@needs_graphviz
def test_a_child_left_behind_by_a_dot_that_finished_is_killed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    fake_dot(monkeypatch, tmp_path, f'sleep 300 </dev/null >/dev/null 2>&1 & echo $! > {pids}\nexec $REAL "$@"')
    plain = gv.layout(GRAPH, "dot")
    assert sorted(plain.nodes) == ["n1", "n2"]
    assert gone(int(pids.read_text()))


def test_ctrl_c_while_graphviz_runs_kills_its_group(tmp_path: Path) -> None:
    """SIGINT to flowgen in the middle of a Graphviz run: flowgen stops and Graphviz does too."""
    pids = tmp_path / "pids"
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "dot").write_text(f"#!/bin/sh\necho $$ > {pids}\nsleep 300\n", encoding="utf-8")
    (folder / "dot").chmod(0o755)
    code = f"from flowgen.layout.flowchart import graphviz as gv\ngv.layout({GRAPH!r})\n"
    env = dict(os.environ, PATH=f"{folder}:/usr/bin:/bin")
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stderr=subprocess.PIPE)
    for _ in range(1000):
        if pids.exists() and pids.read_text().strip():
            break
        time.sleep(0.01)
    child.send_signal(2)
    _, errors = child.communicate(timeout=30)
    assert b"KeyboardInterrupt" in errors
    assert gone(int(pids.read_text()))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("nan", "nan"),
        ("-1", "-1"),
        ("0", "0"),
        ("junk", "junk"),
        ("inf", "inf"),
        ("1e400", "1e400"),
        ("\x1b[2J", "'\\x1b[2J'"),
    ],
)
def test_a_bad_timeout_setting_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, value: str, shown: str) -> None:
    monkeypatch.setenv("FLOWGEN_GRAPHVIZ_TIMEOUT", value)
    assert layout_error() == f"FLOWGEN_GRAPHVIZ_TIMEOUT={shown} is not a number of seconds"


def test_the_timeout_setting_when_it_is_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLOWGEN_GRAPHVIZ_TIMEOUT", " 2.5 ")
    assert gv.timeout() == 2.5
    monkeypatch.setenv("FLOWGEN_GRAPHVIZ_TIMEOUT", "")
    assert gv.timeout() == 60.0


def test_a_git_revision_that_looks_like_an_option_is_refused(tmp_path: Path) -> None:
    """``--rev=--output=FILE`` would make ``git show`` write a file: refused before git runs."""
    from flowgen.cycle.sources import load_at_revision

    target = tmp_path / "written"
    with pytest.raises(flowgen.FlowgenError) as caught:
        load_at_revision(SURAT, f"--output={target}")
    assert caught.value.diagnostics[0].message == (
        f"cannot read revision '--output={target}' with git: a revision cannot start with '-'"
    )
    assert not target.exists()
