"""Drawing in a separate process, stopped when it takes too long.

The server never draws in its own process: a text that makes the layout
run away (or a bug) would hang every other request.  One worker process
(started with ``spawn``, warmed once) takes one job at a time over a pipe;
a job that is not done in ``timeout`` seconds gets the process killed and a
fresh one started, and the caller is told, so the editor can say so.
"""

from __future__ import annotations

import asyncio
import importlib
import multiprocessing
import multiprocessing.connection
import threading
from typing import Any

STARTUP = 120.0  # seconds a new worker may take to import and warm up (a loaded machine)


class RenderTimeout(Exception):
    """A job ran past its time and its process was stopped."""


def _serve(conn: multiprocessing.connection.Connection) -> None:
    try:
        from flowgen.build import Builder

        Builder.warm()
    except Exception:  # pragma: no cover - the job itself will report
        pass
    conn.send(("ready", None))
    while True:
        try:
            handler, payload = conn.recv()
        except EOFError:
            return
        try:
            module, _, name = handler.partition(":")
            result = getattr(importlib.import_module(module), name)(payload)
            conn.send(("ok", result))
        except Exception as exc:  # a bug in a job is reported to the caller, the worker goes on
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class Worker:
    """One process that runs jobs (``"module:function"`` called with a payload) one at a time."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: multiprocessing.connection.Connection | None = None

    def _start(self) -> multiprocessing.connection.Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        parent, child = self._context.Pipe()
        self._process = self._context.Process(target=_serve, args=(child,), daemon=True, name="flowgen-render")
        self._process.start()
        child.close()
        self._conn = parent
        if not parent.poll(STARTUP) or parent.recv()[0] != "ready":  # the job's time starts when it is warm
            self._kill()
            raise RuntimeError("the drawing process did not start")
        return parent

    def start(self) -> None:
        with self._lock:
            self._start()

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def run(self, handler: str, payload: Any) -> Any:
        """The job's result; :class:`RenderTimeout` if it took too long (the process is replaced)."""
        with self._lock:
            conn = self._start()
            conn.send((handler, payload))
            if not conn.poll(self.timeout):
                self._kill()
                raise RenderTimeout(f"the drawing took more than {self.timeout:g} s and was stopped")
            try:
                status, result = conn.recv()
            except EOFError:
                self._kill()
                raise RuntimeError("the drawing process stopped") from None
            if status != "ok":
                raise RuntimeError(result)
            return result

    async def run_async(self, handler: str, payload: Any) -> Any:
        return await asyncio.to_thread(self.run, handler, payload)

    def close(self) -> None:
        with self._lock:
            self._kill()
