"""The only place flowgen runs Graphviz: DOT text in, positions and edge routes out.

flowgen never puts a procedure's text into DOT (nodes are named ``n1``,
``n2``, … and have no labels; flowgen draws all text itself), so nothing a
writer types can change the graph Graphviz sees.  Graphviz is still a
program outside flowgen, so it is treated like one:

- it runs in a process group of its own, with a time limit
  (``FLOWGEN_GRAPHVIZ_TIMEOUT`` seconds, 60 by default) and a memory limit;
  on a timeout, on too much output, on Ctrl-C — and after it exits, for any
  child it left behind — the whole group is killed, so nothing keeps running;
- its output is read up to :data:`OUTPUT_MAX_BYTES` and checked line by
  line before use (every node of the graph placed, every number finite,
  the closing ``stop`` line there), so garbage, empty, partial or huge output
  is one clear :class:`LayoutError`, never a ``KeyError`` or ``MemoryError``.

A missing or failing Graphviz is one :class:`LayoutError` with a clear sentence.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import resource
import selectors
import shutil
import signal
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass

from flowgen.errors import LayoutError, Span, error
from flowgen.layout.flowchart.graphviz_plugins import graphviz_env

POINTS_PER_INCH = 72.0
DEFAULT_TIMEOUT = 60.0
MAX_TIMEOUT = 24 * 3600.0
OUTPUT_MAX_BYTES = 16 * 1024 * 1024  # -Tplain of the largest procedure within the limits is under 1 MB
MEMORY_MAX_BYTES = 4 * 1024 * 1024 * 1024  # address space of one Graphviz process
ERRORS_MAX_BYTES = 64 * 1024  # what is kept of Graphviz's stderr
_COORDINATE_MAX = 1e6  # inches: no drawing within the limits comes near it
_CHUNK = 65536


def timeout(source_name: str = "<graph>") -> float:
    """Seconds Graphviz may take: ``FLOWGEN_GRAPHVIZ_TIMEOUT``, or 60; anything else is a clear error."""
    written = os.environ.get("FLOWGEN_GRAPHVIZ_TIMEOUT")
    if written is None or not written.strip():
        return DEFAULT_TIMEOUT
    try:
        seconds = float(written)
    except ValueError:
        seconds = math.nan
    if not (0 < seconds <= MAX_TIMEOUT):  # also false for nan
        shown = written if len(written) <= 40 and written.isprintable() else repr(written[:40])
        where = Span(source_name, 0, 1, 0)
        raise LayoutError([error("graphviz-bad-timeout", where, value=shown, most=f"{MAX_TIMEOUT:g}")])
    return seconds


@dataclass(frozen=True)
class PlainNode:
    name: str
    x: float  # centre, points, Graphviz's y-up coordinates
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PlainEdge:
    tail: str
    head: str
    points: tuple[tuple[float, float], ...]  # B-spline control points, points, y-up


@dataclass(frozen=True)
class PlainGraph:
    width: float
    height: float
    nodes: dict[str, PlainNode]
    edges: tuple[PlainEdge, ...]


def _command(engine: str, no_op: int | None) -> list[str]:
    """The command line, the way the ``graphviz`` package builds it (``dot -Kneato -Tplain -n2``)."""
    command = ["dot"] if engine == "dot" else ["dot", f"-K{engine}"]
    command.append("-Tplain")
    if no_op is not None:
        command.append(f"-n{no_op}")
    return command


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # nothing of it is left
        os.killpg(pgid, signal.SIGKILL)


def _limit_memory(pid: int) -> None:
    """At most :data:`MEMORY_MAX_BYTES`, and never more than flowgen itself may use."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = min(c for c in (MEMORY_MAX_BYTES, soft, hard) if c != resource.RLIM_INFINITY)
    with contextlib.suppress(OSError, ValueError):  # gone already
        resource.prlimit(pid, resource.RLIMIT_AS, (cap, cap))


class _Run:
    """One Graphviz process: feed it, read it (bounded), and leave nothing of its group running."""

    def __init__(self, command: list[str], data: bytes, seconds: float, env: dict[str, str] | None = None):
        self.deadline = time.monotonic() + seconds
        self.out = bytearray()
        self.err = bytearray()
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group: killed whole
            env=env,
        )
        _limit_memory(self.proc.pid)
        self.data = memoryview(data)

    def exchange(self) -> str | None:
        """Write the input and read the output; "timeout" or "too-large" when it had to stop."""
        proc = self.proc
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        with selectors.DefaultSelector() as selector:
            os.set_blocking(proc.stdin.fileno(), False)
            selector.register(proc.stdin, selectors.EVENT_WRITE)
            selector.register(proc.stdout, selectors.EVENT_READ, self.out)
            selector.register(proc.stderr, selectors.EVENT_READ, self.err)
            while selector.get_map():
                remaining = self.deadline - time.monotonic()
                if remaining <= 0:
                    return "timeout"
                for key, _ in selector.select(remaining):
                    if key.fileobj is proc.stdin:
                        self._write(selector)
                    elif not self._read(selector, key):
                        return "too-large"
        return self._exited()

    def _write(self, selector: selectors.BaseSelector) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        try:
            written = os.write(stdin.fileno(), self.data[:_CHUNK])
        except BlockingIOError:
            return
        except BrokenPipeError:  # it stopped reading; its exit status and stderr will say why
            written = len(self.data)
        self.data = self.data[written:]
        if not self.data:
            selector.unregister(stdin)
            stdin.close()

    def _read(self, selector: selectors.BaseSelector, key: selectors.SelectorKey) -> bool:
        fd = key.fd
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            selector.unregister(key.fileobj)
            return True
        buffer: bytearray = key.data
        if buffer is self.err:
            buffer += chunk[: max(0, ERRORS_MAX_BYTES - len(buffer))]
            return True
        buffer += chunk
        return len(buffer) <= OUTPUT_MAX_BYTES

    def _exited(self) -> str | None:
        """Wait for the exit, still a zombie (its group id cannot be reused), so the group can be killed first."""
        pid = self.proc.pid
        while True:
            try:
                done = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            except ChildProcessError:
                return None
            if done is not None:
                return None
            if time.monotonic() >= self.deadline:
                return "timeout"
            time.sleep(0.002)

    def finish(self) -> int:
        """Kill whatever is left of the group, reap the process and close its pipes; its exit status."""
        _kill_group(self.proc.pid)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()
        return self.proc.wait()


def run(source: str, engine: str = "dot", no_op: int | None = None, source_name: str = "<graph>") -> str:
    """Run a Graphviz engine on DOT text; its ``-Tplain`` output (at most :data:`OUTPUT_MAX_BYTES`)."""
    limit = timeout(source_name)
    where = Span(source_name, 0, 1, 0)
    command = _command(engine, no_op)
    if shutil.which(command[0]) is None:
        raise LayoutError([error("graphviz-missing", where)])
    process: _Run | None = None
    env = graphviz_env()  # only the plugins flowgen uses are loaded (made the first time: before Ctrl-C is held)
    # Ctrl-C is held while the process starts, so that it lands where the process is known and killed
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        try:
            process = _Run(command, source.encode("utf-8"), limit, env)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        stopped = process.exchange()
    except OSError as exc:
        raise LayoutError([error("graphviz-failed", where, reason=exc.strerror or str(exc))]) from None
    finally:
        status = process.finish() if process is not None else -1
    if stopped == "timeout":
        raise LayoutError([error("graphviz-timeout", where, seconds=f"{limit:g}")])
    if stopped == "too-large":
        raise LayoutError([error("graphviz-bad-output", where, reason=f"more than {OUTPUT_MAX_BYTES >> 20} MB")])
    if status != 0:
        message = bytes(process.err).decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"exit status {status}"
        raise LayoutError([error("graphviz-failed", where, reason=_printable(reason))])
    return bytes(process.out).decode("utf-8", "replace")


def _printable(text: str, most: int = 200) -> str:
    shown = "".join(ch if ch.isprintable() else "?" for ch in text[:most])
    return shown + ("…" if len(text) > most else "")


# -- reading -Tplain -------------------------------------------------------------------------------

_DECLARED = re.compile(r"[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\[")
_KEYWORDS = frozenset({"graph", "node", "edge", "digraph", "subgraph"})


def declared_nodes(source: str) -> list[str]:
    """The nodes a DOT text written by flowgen declares (one ``name [...]`` line each)."""
    names = []
    for line in source.splitlines():
        found = _DECLARED.match(line)
        if found and found.group(1) not in _KEYWORDS and "->" not in line:
            names.append(found.group(1))
    return names


class _Bad(Exception):
    """Output that is not what Graphviz writes: why, for the message."""


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _Bad(f"'{_printable(text, 20)}' is not a number") from None
    if not math.isfinite(value) or abs(value) > _COORDINATE_MAX:
        raise _Bad(f"'{_printable(text, 20)}' is not a coordinate")
    return value * POINTS_PER_INCH


def _node(parts: list[str]) -> PlainNode:
    if len(parts) < 6:
        raise _Bad("a node line is cut short")
    x, y, w, h = (_number(p) for p in parts[2:6])
    return PlainNode(parts[1], x, y, w, h)


def _edge(parts: list[str], nodes: dict[str, PlainNode]) -> PlainEdge:
    if len(parts) < 4 or not parts[3].isdigit() or len(parts[3]) > 6:
        raise _Bad("an edge line has no point count")
    count = int(parts[3])
    if len(parts) < 4 + 2 * count:
        raise _Bad("an edge line is cut short")
    if parts[1] not in nodes or parts[2] not in nodes:
        raise _Bad("an edge joins a node that was not placed")
    coords = [_number(p) for p in parts[4 : 4 + 2 * count]]
    return PlainEdge(parts[1], parts[2], tuple(zip(coords[0::2], coords[1::2])))


def _read_plain(text: str, expect: Iterable[str]) -> PlainGraph:
    nodes: dict[str, PlainNode] = {}
    edges: list[PlainEdge] = []
    size: tuple[float, float] | None = None
    stopped = False
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if stopped:
            raise _Bad(f"line {number} comes after 'stop'")
        try:
            if parts[0] == "graph" and size is None and len(parts) >= 4:
                size = (_number(parts[2]), _number(parts[3]))
            elif parts[0] == "node" and size is not None:
                nodes[parts[1]] = _node(parts)
            elif parts[0] == "edge" and size is not None:
                edges.append(_edge(parts, nodes))
            elif parts[0] == "stop" and size is not None:
                stopped = True
            else:
                raise _Bad(f"'{_printable(parts[0], 20)}' is not a line of Graphviz's plain output")
        except _Bad as bad:
            raise _Bad(f"line {number}: {bad}") from None
    if size is None:
        raise _Bad("it is empty" if not text.strip() else "it has no 'graph' line")
    if not stopped:
        raise _Bad("it stops before its end")
    missing = [name for name in expect if name not in nodes]
    if missing:
        raise _Bad(f"node {_printable(missing[0], 20)} was not placed")
    return PlainGraph(size[0], size[1], nodes, tuple(edges))


def parse_plain(text: str, expect: Iterable[str] = (), source_name: str = "<graph>") -> PlainGraph:
    """Read ``-Tplain`` output (inches) into points, checked: every node of ``expect`` placed."""
    try:
        return _read_plain(text, expect)
    except _Bad as bad:
        raise LayoutError([error("graphviz-bad-output", Span(source_name, 0, 1, 0), reason=str(bad))]) from None


def layout(source: str, engine: str = "dot", no_op: int | None = None, source_name: str = "<graph>") -> PlainGraph:
    """Run Graphviz on a DOT text flowgen wrote and read its checked output."""
    return parse_plain(run(source, engine, no_op, source_name), declared_nodes(source), source_name)


def inches(points: float) -> str:
    return f"{points / POINTS_PER_INCH:.4f}"
