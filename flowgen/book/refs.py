"""Cross-references: a ``keterkaitan`` item that names another SOP of the book, by nomor or by judul.

Writers name related SOPs loosely ("POS Pengarsipan Dokumen", "SOP
002/POS/SMP/TU/2026", "Pengarsipan Dokumen"), so a name is compared without
case, punctuation runs or a leading POS/SOP/Prosedur word; a nomor may also
stand anywhere in the item.  A name that matches nothing is a warning of
``flowgen check DIR`` (it may be a typo, or an SOP of another unit's book).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from flowgen.book.collect import Entry

_LEAD = re.compile(r"^(?:pos|sop|prosedur operasional standar|standar operasional prosedur|prosedur)\s+", re.I)


def normal(text: str) -> str:
    text = re.sub(r"[\s\-–—_.,:;()\"']+", " ", text.strip().lower()).strip()
    return _LEAD.sub("", text).strip()


@dataclass(frozen=True)
class Reference:
    """One keterkaitan item of an SOP and the SOP of the book it names (None: no match)."""

    source: Entry
    text: str
    target: Entry | None
    suggestion: str | None = None


def resolve(entries: Sequence[Entry]) -> list[Reference]:
    by_title = {normal(e.title): e for e in entries}
    by_number = {e.number.strip().lower(): e for e in entries if e.number.strip()}
    titles = [e.title for e in entries]
    found: list[Reference] = []
    for entry in entries:
        for item in entry.related:
            key = normal(item)
            target = by_title.get(key) or by_number.get(item.strip().lower())
            if target is None:
                target = next((e for n, e in by_number.items() if n and n in item.lower()), None)
            if target is not None and target is not entry:
                found.append(Reference(entry, item, target))
                continue
            if target is entry:
                continue
            close = difflib.get_close_matches(_LEAD.sub("", item.strip()), titles, n=1, cutoff=0.75)
            found.append(Reference(entry, item, None, close[0] if close else None))
    return found
