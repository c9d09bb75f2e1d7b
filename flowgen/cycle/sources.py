"""Where the cycle's procedures come from: files, a unit's folder, or a file at a git revision."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import flowgen
from flowgen import FlowgenError, Procedure, Span
from flowgen.cycle import messages as _messages  # noqa: F401  (registers the cycle's messages)


def load_at_revision(path: Path, revision: str) -> Procedure:
    """``path`` as it was at a git revision (``HEAD~1``, a tag, a commit), read with the git program."""
    where = Span(str(path), 0, 1, 0)
    git = shutil.which("git")
    if git is None:
        raise FlowgenError.single("cycle-git-missing", where, revision=revision)
    folder = path.resolve().parent
    if revision.startswith("-"):  # it would be read as an option of git (--output=FILE writes a file)
        raise FlowgenError.single(
            "cycle-git-failed", where, revision=revision, reason="a revision cannot start with '-'"
        )
    try:
        shown = subprocess.run(
            [git, "-C", str(folder), "show", f"{revision}:./{path.name}"],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise FlowgenError.single("cycle-git-failed", where, revision=revision, reason=str(exc)) from None
    if shown.returncode != 0:
        reason = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise FlowgenError.single(
            "cycle-git-failed", where, revision=revision, reason=reason[0] if reason else f"exit {shown.returncode}"
        )
    try:
        text = shown.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FlowgenError.single("cycle-git-failed", where, revision=revision, reason="not UTF-8 text") from None
    return flowgen.parse(text, f"{path}@{revision}")


@dataclass(frozen=True)
class Entry:
    """One procedure of a monitoring round: its unit (the subfolder it is in) and its model."""

    unit: str
    path: Path
    procedure: Procedure


def unit_name(folder: str) -> str:
    """A folder name as a unit's name: ``subbag-tata_usaha`` → ``Subbag Tata Usaha``; other names as written."""
    if folder == folder.lower():
        return " ".join(w.capitalize() for w in folder.replace("_", " ").replace("-", " ").split())
    return folder


def _unit_of(folder: Path) -> str:
    """A unit folder's name: its ``unit.toml`` name (a book's unit), else the folder's name made readable."""
    from flowgen.book.config import UNIT_CONFIG, read_unit_config

    if (folder / UNIT_CONFIG).is_file():
        return read_unit_config(folder).name  # a mistake in it is a FlowgenError with its place
    return unit_name(folder.name)


def collect(paths: tuple[Path, ...]) -> list[Entry]:
    """Every procedure under the given files and folders, with its unit.

    Below a folder, the unit is the first subfolder a file is in (a unit's SOPs live in its own
    folder); a file directly in the folder, or given by itself, belongs to the unit its ``unit:``
    names, else to the folder it is in.  Files are read with :func:`flowgen.load`, so a broken one
    stops the round with its diagnostics (all of them, for every file).
    """
    found: list[tuple[str | None, Path]] = []
    for given in paths:
        if given.is_dir():
            for file in sorted(given.rglob("*.pos")):
                parts = file.relative_to(given).parts
                found.append((_unit_of(given / parts[0]) if len(parts) > 1 else None, file))
        else:
            found.append((None, given))
    if not found:
        where = ", ".join(map(str, paths)) or "."
        raise FlowgenError.single("cycle-no-procedures", Span(where, 0, 1, 0), where=where)
    errors: list[flowgen.Diagnostic] = []
    entries: list[Entry] = []
    for unit, file in found:
        try:
            procedure = flowgen.load(file)
        except FlowgenError as exc:
            errors += exc.diagnostics
            continue
        named = unit or procedure.identity.unit or unit_name(file.resolve().parent.name)
        entries.append(Entry(named, file, procedure))
    if errors:
        raise FlowgenError(errors)
    return entries
