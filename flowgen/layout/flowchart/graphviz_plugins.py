"""Graphviz started with only the plugins flowgen uses: a seventh of its start-up, the same layout.

Every ``dot`` run loads every plugin its configuration lists — cairo, pango,
fontconfig, gd, webp, X11 — before it reads a line, though flowgen asks for
nothing but the dot and neato layouts and ``-Tplain`` (its nodes have no
labels and fixed sizes, so no font is measured).  That start-up is ~16 ms of
CPU, most of a small procedure's Graphviz time, twice per flowchart (dot,
then neato -n2): 2.4 s over a book of 76 SOPs.

Graphviz reads its plugin list from ``$GVBINDIR/config6a``.  So flowgen keeps,
in its cache folder, a folder holding links to the three plugin libraries it
needs (core, dot_layout, neato_layout) and the configuration ``dot -c`` writes
for them, keyed by the ``dot`` program's path, size and time, and runs
Graphviz with ``GVBINDIR`` set to it (~2 ms a start).  The folder is made once
(in a temporary name, tried on a small graph, then renamed into place, so two
processes never see half of one); anything unusual — a ``GVBINDIR`` the user
set, a ``dot`` that does not say where its plugins are, a folder that cannot
be written, a trial that fails — leaves Graphviz's own configuration in use.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

PLUGINS = ("core", "dot_layout", "neato_layout")
_LIBDIR = re.compile(r'libdir\s*=\s*"([^"]+)"')
_TRIAL = b'digraph { node [shape=box, fixedsize=true, label=""]; a -> b }\n'
_SECONDS = 10.0


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "flowgen"


def _quiet(
    command: list[str], env: dict[str, str], data: bytes = b"digraph {}\n"
) -> subprocess.CompletedProcess[bytes]:
    """Run a short Graphviz command in a process group of its own, killed whole however the call ends.

    A ``dot`` that hangs, or Ctrl-C in the middle, leaves nothing running (as :mod:`.graphviz` runs it).
    """
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})  # lands once it is known
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    try:
        out, err = process.communicate(data, timeout=_SECONDS)
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for pipe in (process.stdin, process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _libdir(dot: str) -> Path | None:
    """Where this ``dot`` finds its plugins, as ``dot -v`` says."""
    found = _LIBDIR.search(_quiet([dot, "-v", "-Tplain"], dict(os.environ)).stderr.decode("utf-8", "replace"))
    return Path(found.group(1)) if found else None


def _make(dot: str, libdir: Path, target: Path) -> bool:
    """Fill ``target`` with links to the plugins and their configuration; whether Graphviz lays out with it."""
    for name in PLUGINS:
        libraries = sorted(libdir.glob(f"libgvplugin_{name}.so.*"), key=lambda p: len(p.name))
        if not libraries:
            return False
        os.symlink(libraries[0], target / libraries[0].name)
    env = {**os.environ, "GVBINDIR": str(target)}
    if _quiet([dot, "-c"], env).returncode != 0 or not (target / "config6a").is_file():
        return False
    laid = _quiet([dot, "-Tplain"], env, _TRIAL)
    return laid.returncode == 0 and b"edge a b" in laid.stdout


@functools.cache
def plugin_folder() -> str | None:
    """The folder of flowgen's plugin configuration for the ``dot`` on the PATH, made if need be (or None)."""
    if os.environ.get("GVBINDIR"):
        return None  # the user's own choice
    dot = shutil.which("dot")
    if dot is None:
        return None
    try:
        info = os.stat(dot)
        key = hashlib.sha256(f"{os.path.realpath(dot)}:{info.st_size}:{info.st_mtime_ns}".encode()).hexdigest()
        folder = _cache_root() / f"graphviz-{key[:16]}"
        if (folder / "config6a").is_file():
            return str(folder)
        libdir = _libdir(dot)
        if libdir is None:
            return None
        folder.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=".graphviz-", dir=folder.parent))
        try:
            if not _make(dot, libdir, temp):
                return None
            with contextlib.suppress(OSError):  # another process made it first: theirs is as good
                os.rename(temp, folder)
        finally:
            shutil.rmtree(temp, ignore_errors=True)
        return str(folder) if (folder / "config6a").is_file() else None
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def graphviz_env() -> dict[str, str] | None:
    """The environment to start Graphviz in: this one with ``GVBINDIR`` set, or None (this one as it is)."""
    folder = plugin_folder()
    return None if folder is None else {**os.environ, "GVBINDIR": folder}
