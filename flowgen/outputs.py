"""Writing outputs safely: all or nothing, never a half-written file.

A build renders every output in memory first; only when all of them exist
are they written, each to a temporary file in the target folder and then
renamed over the old one.  A failed build therefore leaves the previous
outputs exactly as they were.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flowgen.errors import RenderError, Span, error


@dataclass(frozen=True)
class Output:
    """One file a build produces: its name (no folder) and its bytes."""

    name: str
    data: bytes


def write_atomic(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def write_outputs(outputs: Iterable[Output], folder: Path, source_name: str) -> list[Path]:
    """Write every output into ``folder`` (created if needed); return the paths written."""
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for output in outputs:
            path = folder / output.name
            write_atomic(path, output.data)
            written.append(path)
    except OSError as exc:
        raise RenderError(
            [
                error(
                    "output-failed",
                    Span(source_name, 0, 1, 0),
                    reason=f"{exc.strerror or exc}: {exc.filename or folder}",
                )
            ]
        ) from exc
    return written
