"""What each SOP gives the book, kept beside the outputs: a book with one SOP changed reads one SOP.

Assembling the book needs, of every SOP, its summary (what the contents and
the catalogue print), the page count of its PDF, the bottom margin of its
style (where the book's page number goes) and where its keterkaitan items
stand on its identity sheet (the links).  Reading all that again means
parsing every ``.pos`` file, resolving its style and laying its identity
sheet out again: three quarters of the book's own work when one SOP changed.

``.flowgen-book-cache.json`` in the output folder keeps it per SOP under a
key made of what the SOP's manifest entry (:mod:`flowgen.manifest`) already
proves current — the build key (the source's bytes, the options, every
``flowgen.toml`` above it, flowgen's version), the style files with their
content hashes — and the size and time of the PDF that goes into the book
(a signed copy dropped in changes them), the review period and this module's
format.  An SOP without a current manifest entry is not cached; a missing,
corrupt or foreign cache, or an entry whose key differs, means it is read
again, never a stale value.

The book's own documents (the cover, the decree, the contents, the notes and
the page numbers laid over the SOP pages) are kept too, as the PDFs painted
last time (``.flowgen-book-cache.TITLE.pdf``): a document the same as last
time is not painted again (:meth:`BookCache.render`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flowgen import manifest
from flowgen.book.collect import Box, Known, Summary
from flowgen.book.sops import OPTIONS, REPLACEABLE, files_for
from flowgen.model.values import Duration
from flowgen.render.pdf import render_pdf
from flowgen.render.scene import Document, Group, Image, Item, Text

CACHE_NAME = ".flowgen-book-cache.json"
PDF_PREFIX = ".flowgen-book-cache."  # + the document's title + .pdf: the book's own pages as last painted
SCHEMA = "flowgen/book-cache"
FORMAT = 1


def _files(document: Document) -> Iterator[str]:
    """Every file painting the document reads: its texts' font files, its images."""
    stack: list[Item] = [page.root for page in document.pages]
    while stack:
        item = stack.pop()
        if isinstance(item, Group):
            stack.extend(item.children)
        elif isinstance(item, Text):
            yield str(item.face.path)
        elif isinstance(item, Image):
            yield item.file


def _stat(path: str) -> list[int | None]:
    try:
        info = os.stat(path)
    except OSError:
        return [None]
    return [info.st_size, info.st_mtime_ns]


def _slug(title: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in title.lower())


def _day(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


def _box(value: Any) -> Box | None:
    if value is None:
        return None
    x0, y0, x1, y1 = (float(v) for v in value)  # four numbers, or ValueError
    return (x0, y0, x1, y1)


def _to_json(known: Known) -> dict[str, Any]:
    s = known.summary
    return {
        "summary": [
            s.number,
            s.title,
            s.effective.isoformat() if s.effective else None,
            s.revised.isoformat() if s.revised else None,
            s.revision,
            list(s.related),
            s.review.isoformat() if s.review else None,
            s.steps,
            s.actors,
            [s.longest.minutes, s.longest.days, s.longest.work_days] if s.longest is not None else None,
        ],
        "pages": known.pages,
        "bottom": known.bottom,
        "boxes": [list(box) if box is not None else None for box in known.boxes],
    }


def _from_json(data: Any) -> Known | None:
    """The record as :func:`_to_json` wrote it, or None for anything else."""
    try:
        number, title, effective, revised, revision, related, review, steps, actors, longest = data["summary"]
        texts = [number, title, revision, *related]
        if not all(isinstance(t, str) for t in texts) or not all(type(n) is int for n in (steps, actors)):
            return None
        duration = Duration(*(float(v) for v in longest)) if longest is not None else None
        days = _day(effective), _day(revised), _day(review)
        summary = Summary(number, title, days[0], days[1], revision, tuple(related), days[2], steps, actors, duration)
        boxes = tuple(_box(b) for b in data["boxes"])
        pages, bottom = data["pages"], float(data["bottom"])
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    if type(pages) is not int or pages < 1 or len(boxes) != len(summary.related):
        return None
    return Known(summary, pages, bottom, boxes)


class BookCache:
    """The cache of one output folder: looked up by key, rewritten with the SOPs of the book just assembled."""

    def __init__(self, folder: Path, out: Path, review_months: int):
        self.folder, self.out, self.months = folder, out, review_months
        self._manifests: dict[Path, dict[str, manifest.Entry]] = {}
        self._found: dict[str, Any] = {}
        self.fresh: dict[str, tuple[str, Known]] = {}
        self._blobs: dict[str, tuple[str, str]] = {}  # a painted document's title: (its key, the PDF's sha256)
        self.fresh_blobs: dict[str, tuple[str, str]] = {}
        try:
            data = json.loads((out / CACHE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("schema") == SCHEMA and data.get("format") == FORMAT:
            entries, pdfs = data.get("entries"), data.get("pdfs")
            self._found = entries if isinstance(entries, dict) else {}
            for title, known in (pdfs if isinstance(pdfs, dict) else {}).items():
                if isinstance(known, list) and len(known) == 2 and all(isinstance(v, str) for v in known):
                    self._blobs[str(title)] = (known[0], known[1])

    def key(self, source: Path) -> str | None:
        """The SOP's key now; None when its manifest entry is not current (then nothing is cached)."""
        pdf = files_for(source, self.folder, self.out).pdf
        target = pdf.parent
        if target not in self._manifests:
            self._manifests[target] = manifest.load(target)
        entry = self._manifests[target].get(source.stem)
        if entry is None or entry.source != os.path.realpath(source):
            return None
        if not manifest.is_current(entry, manifest.input_key(source, entry.options), target, REPLACEABLE):
            return None
        try:
            info = os.stat(pdf)
        except OSError:
            return None
        parts = [FORMAT, OPTIONS.key, entry.key, [list(d) for d in entry.deps], info.st_size, info.st_mtime_ns]
        parts.append(self.months)
        return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()

    def get(self, source: Path, key: str | None) -> Known | None:
        """What the cache knows of the SOP under this key, if anything."""
        raw = self._found.get(self._name(source))
        if key is None or not isinstance(raw, dict) or raw.get("key") != key:
            return None
        return _from_json(raw)

    def put(self, source: Path, key: str | None, known: Known, read: bool = True) -> None:
        """Keep the SOP's part for the next book; one ``read`` from its file only if its key is the same after."""
        if key is not None and (not read or key == self.key(source)):
            self.fresh[self._name(source)] = (key, known)

    def render(self, document: Document) -> bytes:
        """The PDF of one of the book's own documents, from the cache when the same document was painted before.

        Keyed by the document itself (every page, item, text, position, colour and font file path, as its
        ``repr`` spells them), the size and time of its font files and flowgen's version with the libraries
        that paint; a cached file whose bytes are not the ones recorded is painted again.
        """
        files = sorted(set(_files(document)))
        parts = [FORMAT, manifest.environment_key(), repr(document), [[p, *_stat(p)] for p in files]]
        key = hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()
        path = self.out / f"{PDF_PREFIX}{_slug(document.title)}.pdf"
        known = self._blobs.get(document.title)
        if known is not None and known[0] == key:
            with contextlib.suppress(OSError):
                data = path.read_bytes()
                if hashlib.sha256(data).hexdigest() == known[1]:
                    self.fresh_blobs[document.title] = known
                    return data
        data = render_pdf(document)
        self.fresh_blobs[document.title] = (key, hashlib.sha256(data).hexdigest())
        self._write(path, data)
        return data

    def _name(self, source: Path) -> str:
        return source.relative_to(self.folder).as_posix()

    def save(self) -> None:
        """Write the SOPs of this book (and only those); a cache that cannot be written is no error."""
        entries = {name: {"key": key, **_to_json(known)} for name, (key, known) in sorted(self.fresh.items())}
        blobs = {name: list(known) for name, known in sorted(self.fresh_blobs.items())}
        data = {"schema": SCHEMA, "format": FORMAT, "entries": entries, "pdfs": blobs}
        self._write(self.out / CACHE_NAME, (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"))
        kept = {f"{PDF_PREFIX}{_slug(title)}.pdf" for title in self.fresh_blobs}
        for old in self.out.glob(f"{PDF_PREFIX}*.pdf"):  # a part no longer in the book (another language)
            if old.name not in kept:
                with contextlib.suppress(OSError):
                    old.unlink()

    def _write(self, path: Path, data: bytes) -> None:
        temp = self.out / f"{manifest.STAGING_PREFIX}{os.getpid()}.{os.urandom(4).hex()}.book-cache"
        try:
            temp.write_bytes(data)
            os.replace(temp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
