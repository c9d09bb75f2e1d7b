"""The served folder: which files the editor may read and write, and how it writes them.

Only ``.pos`` files, style sheets (``.css``) and ``flowgen.toml`` inside the
folder are reachable, named by a relative path with ``/`` between parts: no
absolute path, no ``..``, no hidden part, and no symbolic link that leads
out of the folder.  Files are size-limited and written atomically; a save
names the version it started from, so a file changed on disk meanwhile is
reported instead of overwritten.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from flowgen.service.atomic import write_atomic

MAX_FILE = 1_000_000  # bytes of one file the editor reads or writes
EDITABLE_SUFFIXES = (".pos", ".css")
CONFIG_NAME = "flowgen.toml"
_NAME = re.compile(r"^[\w][\w .()-]{0,100}$")

TEMPLATE = """\
# {title}
# Ganti contoh di bawah dengan SOP Anda; gambar di kanan mengikuti ketikan.
# Replace the example below with your SOP; the drawing on the right follows your typing.
judul: {title}
nomor: 000/POS/{year}
instansi: Nama Instansi
unit: Nama Unit Kerja
dibuat: {today}

pelaksana:
  pu  = Pengadministrasi Umum
  kasubbag = Kepala Subbagian

alur:
  mulai pu: Menerima permohonan
    waktu: 10 menit
  ? kasubbag: Permohonan lengkap?
    tidak -> kembalikan
    ya -> proses
  [kembalikan] pu: Mengembalikan permohonan kepada pemohon -> akhir
  [proses] kasubbag: Memproses permohonan
    waktu: 1 hari
    output: Permohonan diproses
  [akhir] selesai pu: Menyampaikan hasil kepada pemohon
"""


class RefusedPath(Exception):
    """A path the editor may not touch; the message says why (shown to the writer)."""

    def __init__(self, reason: str, status: int = 403) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


class Conflict(Exception):
    """The file on disk is not the version the save started from."""

    def __init__(self, text: str, digest: str) -> None:
        super().__init__("the file changed on disk")
        self.text = text
        self.digest = digest


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Folder:
    root: Path  # resolved

    @classmethod
    def open(cls, path: Path) -> Folder:
        return cls(path.resolve(strict=True))

    def _inside(self, path: Path) -> bool:
        return path == self.root or self.root in path.parents

    def resolve(self, relative: object, must_exist: bool = True) -> Path:
        """The file a relative path names, or :class:`RefusedPath`."""
        if not isinstance(relative, str) or not relative or len(relative) > 1000 or "\x00" in relative:
            raise RefusedPath("not a path")
        if relative.startswith("/") or "\\" in relative or re.match(r"^[A-Za-z]:", relative):
            raise RefusedPath("absolute paths are not allowed")
        parts = relative.split("/")
        if any(part in ("", ".", "..") for part in parts):
            raise RefusedPath("'..' and empty parts are not allowed")
        if any(part.startswith(".") for part in parts):
            raise RefusedPath("hidden files are not served")
        name = parts[-1]
        if not (name.endswith(EDITABLE_SUFFIXES) or name == CONFIG_NAME):
            raise RefusedPath("only .pos, .css and flowgen.toml files can be opened")
        path = self.root.joinpath(*parts)
        real = Path(os.path.realpath(path))
        if not self._inside(real) or not self._inside(Path(os.path.realpath(path.parent))):
            raise RefusedPath("the path leads outside the folder")
        if must_exist and not real.is_file():
            raise RefusedPath("no such file", 404)
        return path

    def files(self) -> list[str]:
        """Every editable file below the folder, as relative paths (hidden folders and links out skipped)."""
        found: list[str] = []
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = sorted(
                d for d in dirnames if not d.startswith(".") and d not in ("node_modules", "__pycache__")
            )
            for name in sorted(filenames):
                if name.startswith(".") or not (name.endswith(EDITABLE_SUFFIXES) or name == CONFIG_NAME):
                    continue
                relative = os.path.relpath(os.path.join(dirpath, name), self.root).replace(os.sep, "/")
                try:
                    self.resolve(relative)
                except RefusedPath:
                    continue
                found.append(relative)
            if len(found) > 5000:
                break
        return found

    def read(self, relative: object) -> tuple[str, str]:
        """(text, digest) of a file."""
        path = self.resolve(relative)
        if path.stat().st_size > MAX_FILE:
            raise RefusedPath("the file is too large for the editor", 413)
        data = path.read_bytes()
        try:
            return data.decode("utf-8"), digest(data)
        except UnicodeDecodeError:
            raise RefusedPath("the file is not UTF-8 text", 415) from None

    def write(self, relative: object, text: str, base: str | None, force: bool = False) -> str:
        """Save a file atomically; raise :class:`Conflict` if it is not at version ``base`` on disk."""
        data = text.encode("utf-8")
        if len(data) > MAX_FILE:
            raise RefusedPath("the text is too large", 413)
        path = self.resolve(relative, must_exist=False)
        if path.exists() and not force:
            current = path.read_bytes()
            if digest(current) != base:
                raise Conflict(current.decode("utf-8", errors="replace"), digest(current))
        elif not path.exists() and base is not None and not force:
            raise Conflict("", "")
        write_atomic(path, text)
        return digest(data)

    def create(self, name: object, today: str) -> str:
        """A new SOP from the template; returns its relative path."""
        if not isinstance(name, str) or not _NAME.match(name.strip()):
            raise RefusedPath("a name of letters, digits, spaces and - only", 400)
        stem = name.strip()
        stem = stem[:-4] if stem.endswith(".pos") else stem
        relative = re.sub(r"\s+", "-", stem.lower()) + ".pos"
        path = self.resolve(relative, must_exist=False)
        if path.exists():
            raise RefusedPath("a file of that name exists", 409)
        write_atomic(path, TEMPLATE.format(title=stem, today=today, year=today[:4]))
        return relative
