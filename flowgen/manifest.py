"""Incremental builds: a small manifest beside the outputs says which of them are current.

For every source built into a folder, ``.flowgen-manifest.json`` records

- a key: SHA-256 over the source's bytes and its path, the options, every
  ``flowgen.toml`` from the source's folder up to the root, flowgen's
  version and a fingerprint of its installed files, the Python version,
  the Graphviz programs and the libraries that draw (path, size, time);
- the files the build read because the source or its style told it to:
  the style sheets (the top one and every ``@import``), the ``@font-face``
  fonts and the logo, each with its SHA-256 — the resolved style says what
  it read (``ResolvedStyle.sheet.files``, ``.sheet.fonts``, ``.logo()``);
- every output written, with its size and modification time.

A source is skipped only when the key is the same, every recorded file
still has the same content and every output is still there as it was
written.  Anything else — no manifest, a corrupt one, an output removed or
edited, a sheet changed — means a rebuild, never a wrong skip.  Deciding
needs only ``hashlib`` and ``json``: nothing of the renderers is imported.

Not tracked: fonts installed on the system (found by family name) — after
installing or removing fonts, build with ``--force``.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST_NAME = ".flowgen-manifest.json"
STAGING_PREFIX = ".flowgen-staging."  # as in flowgen.outputs (not imported: this module stays light)
SCHEMA = "flowgen/manifest"
FORMAT = 1
CONFIG_NAME = "flowgen.toml"  # the same name flowgen.style.choose looks for
GRAPHVIZ_PROGRAMS = ("dot", "neato")
LIBRARIES = ("PIL", "reportlab", "lxml", "tinycss2", "graphviz", "zlib_ng", "pikepdf")  # versions change bytes

_DIGESTS: dict[tuple[str, int, int, int], str] = {}
_ENVIRONMENT: list[str] = []


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """SHA-256 of a file's bytes (remembered per path, size, time and inode); None if unreadable."""
    try:
        info = os.stat(path)
        key = (os.fspath(path), info.st_size, info.st_mtime_ns, info.st_ino)
        found = _DIGESTS.get(key)
        if found is not None:
            return found
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    _DIGESTS[key] = digest.hexdigest()
    return _DIGESTS[key]


def _stamp(path: str) -> list[object]:
    try:
        info = os.stat(path)
    except OSError:
        return [path, None]
    return [path, info.st_size, info.st_mtime_ns]


def environment_key() -> str:
    """flowgen's version, its installed files (by size and time) and the Graphviz programs used."""
    if not _ENVIRONMENT:
        from flowgen import __version__

        package = Path(__file__).resolve().parent
        files = sorted(
            str(p.relative_to(package))
            for p in package.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        )
        code = [[*_stamp(str(package / name))[1:], name] for name in files]
        programs = []
        for name in GRAPHVIZ_PROGRAMS:
            found = shutil.which(name)
            programs.append(_stamp(os.path.realpath(found)) if found else [name, None])
        libraries = []
        for name in LIBRARIES:  # found, not imported: an upgrade rewrites the package's files
            spec = importlib.util.find_spec(name)
            libraries.append(_stamp(spec.origin) if spec is not None and spec.origin else [name, None])
        text = json.dumps([__version__, sys.version, code, programs, libraries])
        _ENVIRONMENT.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return _ENVIRONMENT[0]


def config_chain(folder: Path) -> list[list[object]]:
    """Every flowgen.toml from ``folder`` up to the root, with its content hash (any of them may choose the style)."""
    chain: list[list[object]] = []
    start = folder.resolve()
    for candidate in (start, *start.parents):
        path = candidate / CONFIG_NAME
        if os.path.lexists(path):
            chain.append([str(path), file_digest(path)])
    return chain


def input_key(source: Path, options_key: str) -> str | None:
    """The key of one build of ``source`` with these options; None when the source cannot be read."""
    digest = file_digest(source)
    if digest is None:
        return None
    parts = {
        "flowgen": environment_key(),
        "options": options_key,
        "source": [os.fspath(source), os.path.realpath(source), digest],
        "config": config_chain(source.parent),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entry:
    """What one build of one source read and wrote."""

    source: str
    key: str
    deps: tuple[tuple[str, str], ...]  # (path, sha256) of every file the style read
    outputs: tuple[tuple[str, int, int], ...]  # (name, size, mtime_ns) of every output
    note: str = ""  # what a caller wants back when it skips (the book: its page count)
    options: str = ""  # the options' key of this build (which files; a later build asking for fewer skips)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "key": self.key,
            "deps": [list(d) for d in self.deps],
            "outputs": [list(o) for o in self.outputs],
        }
        if self.note:
            data["note"] = self.note
        if self.options:
            data["options"] = self.options
        return data

    @staticmethod
    def from_json(data: Any) -> Entry | None:
        """An entry from JSON, or None if anything in it is not as written by :meth:`to_json`."""
        try:
            deps = tuple((str(p), str(d)) for p, d in data["deps"])
            outputs = tuple((str(n), int(s), int(t)) for n, s, t in data["outputs"])
            source, key, note, options = data["source"], data["key"], data.get("note", ""), data.get("options", "")
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        if not all(isinstance(v, str) for v in (source, key, note, options)):
            return None
        return Entry(source, key, deps, outputs, note, options)


def make_entry(source: Path, key: str, options_key: str, deps: Iterable[Path], written: Iterable[Path]) -> Entry | None:
    """The entry for a finished build; None when something changed under it (then it is not recorded).

    The key is computed again from the files as they are now: a source saved
    while it was being built must not be recorded as built.
    """
    if input_key(source, options_key) != key:
        return None
    recorded, outputs = digests_of(deps), stats_of(written, lambda path: path.name)
    if recorded is None or outputs is None:
        return None
    return Entry(os.path.realpath(source), key, recorded, outputs, options=options_key)


def digests_of(deps: Iterable[Path | str]) -> tuple[tuple[str, str], ...] | None:
    """Each file read (by real path, once, sorted) with its digest; None when one cannot be read now."""
    recorded: list[tuple[str, str]] = []
    for dep in sorted({os.path.realpath(p) for p in deps}):
        digest = file_digest(dep)
        if digest is None:
            return None
        recorded.append((dep, digest))
    return tuple(recorded)


def stats_of(written: Iterable[Path], name: Callable[[Path], str]) -> tuple[tuple[str, int, int], ...] | None:
    """Each output written, by ``name``, with its size and modification time; None when one is gone."""
    outputs: list[tuple[str, int, int]] = []
    for path in written:
        try:
            info = os.stat(path)
        except OSError:
            return None
        outputs.append((name(path), info.st_size, info.st_mtime_ns))
    return tuple(outputs)


def is_current(entry: Entry | None, key: str | None, folder: Path, replaceable: Iterable[str] = ()) -> bool:
    """True only when the outputs in ``folder`` are exactly what this build would write.

    An output whose name ends with one of ``replaceable`` need only be there:
    the book keeps a signed copy of an SOP's lampiran PDF that a unit dropped
    in its place, as long as the SOP's text and settings are unchanged.
    """
    kept = tuple(replaceable)
    if entry is None or key is None or entry.key != key or not entry.outputs:
        return False
    for path, digest in entry.deps:
        if file_digest(path) != digest:
            return False
    for name, size, mtime in entry.outputs:
        try:
            info = os.stat(folder / name)
        except OSError:
            return False
        if kept and name.endswith(kept):
            continue
        if info.st_size != size or info.st_mtime_ns != mtime:
            return False
    return True


def load(folder: Path) -> dict[str, Entry]:
    """The entries of a folder's manifest by output stem; empty when it is missing or not a manifest."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or data.get("format") != FORMAT:
        return {}
    entries = data.get("entries")
    if not isinstance(entries, dict):
        return {}
    loaded = {str(stem): Entry.from_json(raw) for stem, raw in entries.items()}
    return {stem: entry for stem, entry in loaded.items() if entry is not None}


def save(folder: Path, updates: Mapping[str, Entry | None]) -> None:
    """Merge ``updates`` into the folder's manifest (None removes an entry); written atomically.

    A manifest that cannot be written is not an error: the next build just
    rebuilds what it cannot prove current.
    """
    if not updates or not folder.is_dir():
        return
    entries = load(folder)
    for stem, entry in updates.items():
        if entry is None:
            entries.pop(stem, None)
        else:
            entries[stem] = entry
    data = {
        "schema": SCHEMA,
        "format": FORMAT,
        "entries": {stem: entries[stem].to_json() for stem in sorted(entries)},
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    # named like a staging folder, so that a killed process's leftover is removed by the next build
    temp = folder / f"{STAGING_PREFIX}{os.getpid()}.{os.urandom(4).hex()}.manifest"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, folder / MANIFEST_NAME)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
