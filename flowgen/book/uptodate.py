"""Whether the book itself is current: a second ``flowgen book`` with nothing changed writes nothing.

The book (its PDF, the SVG twins of its own pages, the catalogue) is one more
entry in the output folder's manifest (:mod:`flowgen.manifest`), under a name
no ``.pos`` file can give.  Its key covers what the assembly reads besides the
SOPs' text: every SOP's path and build key (the source's content, the
options, every ``flowgen.toml`` above it, flowgen's version), the lampiran PDF
that goes into the book (its size and time, so a signed copy dropped in is
put in), each folder's ``unit.toml``, the day (the catalogue marks the SOPs due
for review) and the folders.  The files the assembly read on top of that —
the style sheets, fonts and logos, the decree — are recorded with their
content hash.  The book is skipped only when the key is the same, every such
file is unchanged and every output is there as it was written; anything else,
a corrupt manifest included, assembles it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from flowgen import manifest
from flowgen.book.config import UNIT_CONFIG
from flowgen.book.sops import OPTIONS, files_for

BOOK_ENTRY = "<book>"  # the book's entry in the manifest (a .pos file's stem is never this)


def _stat(path: Path) -> list[object]:
    try:
        info = os.stat(path)
    except OSError:
        return [None]
    return [info.st_size, info.st_mtime_ns]


def book_key(folder: Path, out: Path, sources: Sequence[Path], today: dt.date) -> str | None:
    """The key of assembling this book now; None when a source cannot be read (then it is not recorded)."""
    options = OPTIONS.key
    parts: list[object] = [manifest.environment_key(), today.isoformat(), os.path.realpath(folder)]
    parts += [os.path.realpath(out), manifest.config_chain(folder)]
    units: dict[Path, str | None] = {}
    for source in sources:
        key = manifest.input_key(source, options)
        if key is None:
            return None
        pdf = files_for(source, folder, out).pdf
        parts.append([source.relative_to(folder).as_posix(), key, _stat(pdf)])
        current = source.parent
        while current != folder and current not in units and folder in current.parents:
            units[current] = manifest.file_digest(current / UNIT_CONFIG)
            current = current.parent
    parts.append(sorted([p.relative_to(folder).as_posix(), d] for p, d in units.items()))
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8")).hexdigest()


def known_pages(out: Path, key: str | None) -> tuple[int, int] | None:
    """(pages, SOPs) of the book in ``out`` when it is current for ``key``; None when it must be assembled."""
    entry = manifest.load(out).get(BOOK_ENTRY)
    if entry is None or not manifest.is_current(entry, key, out):
        return None
    try:
        pages, entries = (int(n) for n in entry.note.split())
    except ValueError:
        return None
    return pages, entries


def record(
    out: Path, folder: Path, key: str, deps: Iterable[Path], written: Sequence[Path], counts: tuple[int, int]
) -> None:
    """Remember the book just written (nothing is recorded when a file it read cannot be read now)."""
    recorded = manifest.digests_of(deps)
    outputs = manifest.stats_of(written, lambda path: os.path.relpath(path, out))
    if recorded is None or outputs is None:
        return
    entry = manifest.Entry(os.path.realpath(folder), key, recorded, outputs, f"{counts[0]} {counts[1]}")
    manifest.save(out, {BOOK_ENTRY: entry})


def forget(out: Path) -> None:
    """Drop the book's entry (a build that failed part-way must not leave the old one standing)."""
    if BOOK_ENTRY in manifest.load(out):
        manifest.save(out, {BOOK_ENTRY: None})
