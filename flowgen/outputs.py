"""Writing a file's outputs as one set: all of them replace the old ones, or none does.

A build renders every output in memory first.  They are then written into
a private staging folder beside the destination (``.flowgen-staging.PID.*``,
same file system, so the final moves are renames) and moved into place only
when every one of them is complete.  The move keeps a hard link (or a copy)
of each file it replaces, so when one rename fails — a folder in the way,
an immutable file — the ones already done are put back: the previous set
stays byte-identical.  SIGINT and SIGTERM are held off during the moves and
the clean-up, so a signal lands before or after them, never half-way.  A
staging folder left by a process that was killed outright (SIGKILL, power)
is removed by the next build into that folder.

Files are created with mode 0666 minus the umask, like any program's.
Errors name the output, never a staging file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flowgen import build_messages as _messages  # noqa: F401  (registers the messages used here)
from flowgen.errors import RenderError, Span, error

STAGING_PREFIX = ".flowgen-staging."
PAUSE_HOOK = "FLOWGEN_TEST_WRITE_PAUSE"  # test-only: a path; the write phase creates it and waits
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@dataclass(frozen=True)
class Output:
    """One file a build produces: its name (no folder) and its bytes."""

    name: str
    data: bytes


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Delay SIGINT/SIGTERM until the block is done (they are delivered right after it)."""
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows: there the block runs unguarded
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _fail(source_name: str, code: str, **args: Any) -> RenderError:
    return RenderError([error(code, Span(source_name, 0, 1, 0), **args)])


def _os_error(exc: OSError, path: Path, source_name: str) -> RenderError:
    """An OSError as a message about the output ``path`` (never a staging file)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _fail(source_name, "output-no-space", folder=str(path.parent))
    if exc.errno in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST) and path.is_dir():
        return _fail(source_name, "output-in-the-way", path=str(path))
    if exc.errno in (errno.EPERM, errno.EACCES, errno.EROFS):
        return _fail(source_name, "output-read-only", path=str(path))
    return _fail(source_name, "output-failed", reason=f"{exc.strerror or exc}: {path}")


def prepare_folder(folder: Path, source_name: str) -> None:
    """Make sure ``folder`` is a folder we can write into (created if missing); clear messages if not."""
    if folder.is_symlink() and not folder.exists():
        target = os.readlink(folder)
        raise _fail(source_name, "output-folder-link", path=str(folder), target=target)
    if folder.exists() and not folder.is_dir():
        raise _fail(source_name, "output-not-folder", path=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            raise _fail(source_name, "output-not-folder", path=str(blocker)) from None
        raise _os_error(exc, folder, source_name) from None


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove staging folders of processes that no longer run (killed outright); return them."""
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(STAGING_PREFIX)]
    except OSError:
        return removed
    for name in names:
        pid_text = name[len(STAGING_PREFIX) :].split(".", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _pause_for_tests(written: int) -> None:
    """Test-only: announce the write phase by creating the file named in the hook, then wait."""
    marker = os.environ.get(PAUSE_HOOK)
    if marker and written == 1:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(30)


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _preflight(folder: Path, names: Iterable[str], source_name: str) -> None:
    """Refuse before touching anything: a folder in the way, a read-only file."""
    for name in names:
        target = folder / name
        try:
            info = target.lstat()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise _os_error(exc, target, source_name) from None
        if stat.S_ISDIR(info.st_mode):
            raise _fail(source_name, "output-in-the-way", path=str(target))
        if stat.S_ISREG(info.st_mode) and not info.st_mode & stat.S_IWUSR:
            raise _fail(source_name, "output-read-only", path=str(target))


def _keep(target: Path, backup: Path) -> None:
    """A second name for the file about to be replaced (a hard link, else a copy)."""
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError:
        shutil.copy2(target, backup, follow_symlinks=False)


def _swap(staging: Path, folder: Path, names: Sequence[str], stale: Sequence[str], source_name: str) -> None:
    """Move every staged file into place and the stale ones out; on any failure undo what was done."""
    _preflight(folder, (*names, *stale), source_name)
    old = staging / ".old"
    old.mkdir()
    done: list[tuple[Path, Path | None]] = []  # (target, the old file's second name or None)
    current = folder
    try:
        for name in names:
            current = target = folder / name
            backup: Path | None = None
            if os.path.lexists(target):
                backup = old / name
                _keep(target, backup)
            os.replace(staging / name, target)
            done.append((target, backup))
        for name in stale:
            current = target = folder / name
            if os.path.lexists(target):
                os.replace(target, old / name)
                done.append((target, old / name))
    except OSError as exc:
        for target, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is None:
                    os.unlink(target)
                else:
                    os.replace(backup, target)
        raise _os_error(exc, current, source_name) from None


def write_outputs(outputs: Sequence[Output], folder: Path, source_name: str, stale: Sequence[str] = ()) -> list[Path]:
    """Write every output into ``folder`` as one set, remove the ``stale`` names; return the paths."""
    prepare_folder(folder, source_name)
    remove_leftovers(folder)
    names = [output.name for output in outputs]
    _preflight(folder, (*names, *stale), source_name)
    staging: Path | None = None
    try:  # (a signal held while the folder is made arrives as it is released: inside this try, so it is removed)
        with signals_held():
            try:
                staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}.", dir=folder))
            except OSError as exc:
                if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                    raise _fail(source_name, "output-no-space", folder=str(folder)) from None
                raise _fail(source_name, "output-folder-unwritable", folder=str(folder), reason=exc.strerror) from None
        for count, output in enumerate(outputs, start=1):
            try:
                _write_new(staging / output.name, output.data)
            except OSError as exc:
                raise _os_error(exc, folder / output.name, source_name) from None
            _pause_for_tests(count)
        with signals_held():
            _swap(staging, folder, names, stale, source_name)
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        with signals_held():
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
        raise
    return [folder / name for name in names]
