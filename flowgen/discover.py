"""Which .pos files a command works on: files as given, folders searched recursively.

``flowgen build`` and ``flowgen check`` (and the book) take any mix of files
and folders.  A folder stands for every ``.pos`` file below it, in a stable
(sorted) order; hidden folders (``.git``, flowgen's own staging folders) are
not entered and symbolic links to folders are not followed, so a link loop
cannot make the search endless.  A file reached twice (named and inside a
named folder, or through a link) is worked on once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".pos"


@dataclass(frozen=True)
class Source:
    """A source file and the folder argument it was found in (None when it was named itself)."""

    path: Path
    root: Path | None = None

    def out_folder(self, out_dir: Path | None) -> Path:
        """Where its outputs go: beside it, or under ``out_dir`` mirroring its place below ``root``."""
        if out_dir is None:
            return self.path.parent
        if self.root is None:
            return out_dir
        return out_dir / self.path.parent.relative_to(self.root)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(folder) / f for f in sorted(files) if f.lower().endswith(SUFFIX) and not f.startswith(".")]
    return found


def find_sources(paths: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """Every source the arguments name, in order, each once.

    A path that is not a folder is taken as a file even when it does not
    exist, so that reading it reports the problem with the file's name.
    """
    sources: list[Source] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        found = [Source(p, path) for p in _walk(path)] if path.is_dir() else [Source(path)]
        for source in found:
            key = os.path.realpath(source.path)
            if key not in seen:
                seen.add(key)
                sources.append(source)
    return sources
