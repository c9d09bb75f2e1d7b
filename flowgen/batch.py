"""Building many files: each on its own, in parallel, skipping those that are up to date.

A batch first decides, in the calling process and without importing the
renderers, which sources are current (:mod:`flowgen.manifest`); those are
*skipped*.  The rest are built by a :class:`flowgen.build.Builder` — in this
process for ``-j 1``, else by worker processes forked after the renderers
are imported (so they start warm), one file at a time each.  Every file
succeeds or fails on its own: a bad file, a bug, even a worker killed by
the kernel is reported for that file only, and a new worker takes over the
rest.  On SIGINT/SIGTERM the workers are stopped with SIGTERM (each removes
its staging folder), the manifests of what was finished are written, and
the interruption goes on to the caller.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from flowgen import build_messages as _messages  # noqa: F401  (registers worker-died, output-collision)
from flowgen import manifest
from flowgen.build import Builder, BuildOptions, Probe
from flowgen.discover import Source
from flowgen.errors import Diagnostic, FlowgenError, Span, error, missing_package
from flowgen.outputs import prepare_folder, signals_held

BUILT, SKIPPED, FAILED = "built", "skipped", "failed"


@dataclass(frozen=True)
class Task:
    index: int
    source: Source
    folder: Path
    key: str | None
    options: BuildOptions | None = None  # this file's own: the batch's, joined with what was built before


@dataclass(frozen=True)
class Outcome:
    """What became of one source: built (with what it wrote), skipped as up to date, or failed."""

    task: Task
    status: str
    written: tuple[Path, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()  # the errors of a failure, the warnings of a build
    entry: manifest.Entry | None = None
    probed: object = None  # what the batch's probe said of the file built (see :data:`flowgen.build.Probe`)

    @property
    def path(self) -> Path:
        return self.task.source.path

    @property
    def first_error(self) -> Diagnostic | None:
        return next((d for d in self.diagnostics if d.is_error), None)


def _failed(task: Task, code: str, **args: Any) -> Outcome:
    return Outcome(task, FAILED, diagnostics=(error(code, Span(str(task.source.path), 0, 1, 0), **args),))


def plan(
    sources: Sequence[Source], out_dir: Path | None, options: BuildOptions, force: bool, replaceable: Sequence[str] = ()
) -> tuple[list[Outcome], list[Task]]:
    """Sources already decided (skipped as current, or two writing the same names) and the tasks to build.

    ``replaceable``: output name endings that a user may replace (see :func:`flowgen.manifest.is_current`).
    """
    decided: list[Outcome] = []
    todo: list[Task] = []
    claimed: dict[tuple[str, str], Path] = {}
    manifests: dict[Path, dict[str, manifest.Entry]] = {}
    for index, source in enumerate(sources):
        folder = source.out_folder(out_dir)
        stem = source.path.stem
        owner = claimed.setdefault((os.path.realpath(folder), stem), source.path)
        if owner != source.path:
            task = Task(index, source, folder, None)
            decided.append(_failed(task, "output-collision", other=str(owner), stem=stem, folder=str(folder)))
            continue
        if folder not in manifests:
            manifests[folder] = manifest.load(folder)
        entry = manifests[folder].get(stem)
        earlier = _earlier_options(entry, source.path)
        if not force and earlier is not None and earlier.covers(options):
            key = manifest.input_key(source.path, earlier.key)
            if key is not None and manifest.is_current(entry, key, folder, replaceable):
                decided.append(Outcome(Task(index, source, folder, key, earlier), SKIPPED))
                continue
        own = options.joined(earlier)
        todo.append(Task(index, source, folder, None if force else manifest.input_key(source.path, own.key), own))
    return decided, todo


def _earlier_options(entry: manifest.Entry | None, source: Path) -> BuildOptions | None:
    """The options of the recorded build of this very source, if the manifest says them."""
    if entry is None or entry.source != os.path.realpath(source) or not entry.options:
        return None
    return BuildOptions.from_key(entry.options)


def build_task(builder: Builder, task: Task) -> Outcome:
    """Build one task; every problem becomes a failed outcome for this file (only interruptions pass)."""
    try:
        result = builder.build(task.source.path, task.folder, task.key, task.options)
    except FlowgenError as exc:
        return Outcome(task, FAILED, diagnostics=exc.diagnostics)
    except Exception as exc:  # a bug in flowgen, or the machine (MemoryError): this file fails, not the batch
        package = missing_package(exc)
        if package is not None:
            return _failed(task, "missing-package", package=package, python=sys.executable)
        return _failed(task, "internal-error", detail=f"{type(exc).__name__}: {exc}")
    return Outcome(task, BUILT, result.written, result.diagnostics, result.entry, result.probed)


def _stop(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _worker_main(conn: Connection, options: BuildOptions, probe: Probe | None = None) -> None:
    """A worker: build the tasks it is sent until it is sent None; SIGTERM stops it cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C: the parent decides
    signal.signal(signal.SIGTERM, _stop)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    builder = Builder(options, probe)
    try:
        while (task := conn.recv()) is not None:
            conn.send(build_task(builder, task))
    except (KeyboardInterrupt, EOFError, OSError):
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a late stop() ends it quietly, never a traceback
        conn.close()


def _death(process: BaseProcess) -> str:
    process.join(5)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}"
    return f"exit status {code}"


def _size(task: Task) -> int:
    try:
        return task.source.path.stat().st_size
    except OSError:
        return 0


def longest_first(tasks: Sequence[Task]) -> list[Task]:
    """The tasks by source size, largest first: the longest builds start first, so no core is left
    waiting at the end for one long file started last (in name order a book's last unit held its largest
    SOPs)."""
    return sorted(tasks, key=lambda task: (-_size(task), task.index))


class _Pool:
    """Worker processes, one task each at a time; a dead worker's task fails and a new worker starts."""

    def __init__(self, options: BuildOptions, probe: Probe | None = None) -> None:
        self.options, self.probe = options, probe
        methods = multiprocessing.get_all_start_methods()
        self.context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.busy: dict[Connection, tuple[BaseProcess, Task]] = {}
        self.all: list[BaseProcess] = []

    def start(self, task: Task) -> None:
        parent, child = self.context.Pipe()
        with signals_held():  # the worker starts with them held and installs its own handlers first
            process = self.context.Process(target=_worker_main, args=(child, self.options, self.probe), daemon=True)
            process.start()
        child.close()
        self.all.append(process)
        parent.send(task)
        self.busy[parent] = (process, task)

    def run(self, tasks: Sequence[Task], workers: int) -> Iterator[Outcome]:
        pending = deque(longest_first(tasks))
        for _ in range(min(workers, len(pending))):
            self.start(pending.popleft())
        while self.busy:
            for conn in wait(list(self.busy)):
                assert isinstance(conn, Connection)
                process, task = self.busy.pop(conn)
                try:
                    outcome: Outcome = conn.recv()
                except (EOFError, OSError):
                    conn.close()
                    yield _failed(task, "worker-died", reason=_death(process))
                    if pending:
                        self.start(pending.popleft())
                    continue
                yield outcome
                if pending:
                    task = pending.popleft()
                    conn.send(task)
                    self.busy[conn] = (process, task)
                else:
                    conn.send(None)
                    conn.close()

    def stop(self) -> None:
        """Stop every worker (SIGTERM: each cleans up), then wait for them.

        A worker sent its last None is leaving by itself: it is given a moment
        first, so a finished batch does not signal a worker on its way out."""
        working = {process for process, _ in self.busy.values()}
        for process in self.all:
            if process not in working:
                process.join(2)
        for process in self.all:
            if process.is_alive():
                process.terminate()
        for process in self.all:
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join()
        for conn in self.busy:
            conn.close()


def _serial(tasks: Sequence[Task], options: BuildOptions, probe: Probe | None) -> Iterator[Outcome]:
    builder = Builder(options, probe)
    for task in tasks:
        yield build_task(builder, task)


def _cores() -> int:
    """The cores this process may use (its CPU affinity where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def run_batch(
    sources: Sequence[Source],
    out_dir: Path | None,
    options: BuildOptions,
    jobs: int | None = None,
    force: bool = False,
    report: Callable[[Outcome], None] | None = None,
    replaceable: Sequence[str] = (),
    probe: Probe | None = None,
) -> list[Outcome]:
    """Build every source (each on its own); the outcomes in the order of ``sources``.

    ``report`` is called with each outcome as soon as it is known (skips
    first), for progress; ``probe`` is asked of every file built
    (:data:`flowgen.build.Probe`).  Raises FlowgenError only for a problem of
    the whole batch (an output folder that cannot be one); KeyboardInterrupt passes.
    """
    if out_dir is not None:
        prepare_folder(out_dir, str(out_dir))
    decided, todo = plan(sources, out_dir, options, force, replaceable)
    outcomes = list(decided)
    for outcome in decided:
        if report:
            report(outcome)
    workers = min(len(todo), jobs or _cores())
    pool = _Pool(options, probe) if workers > 1 else None
    try:
        if todo:
            Builder.warm()
            for outcome in pool.run(todo, workers) if pool else _serial(todo, options, probe):
                outcomes.append(outcome)
                if report:
                    report(outcome)
    finally:
        if pool:
            pool.stop()
        _record(outcomes)
    return sorted(outcomes, key=lambda o: o.task.index)


def _record(outcomes: Sequence[Outcome]) -> None:
    """Write each folder's manifest with the entries of the files built (also after an interruption)."""
    updates: dict[Path, dict[str, manifest.Entry | None]] = {}
    for outcome in outcomes:
        if outcome.status == BUILT:
            updates.setdefault(outcome.task.folder, {})[outcome.path.stem] = outcome.entry
    with signals_held():
        for folder, entries in updates.items():
            manifest.save(folder, entries)
