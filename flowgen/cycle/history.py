"""A procedure's revision history, read without depending on how the model will spell it.

The ``.pos`` language is gaining a history block (revision number, date, what changed, who
approved).  Until it lands, and so this package does not break while it lands, the history is read
by duck typing: ``procedure.identity.history`` (or ``revisions``), a sequence of objects (or dicts)
with ``number``, ``date`` (a :class:`flowgen.DateValue`, a ``datetime.date`` or text), ``changes``
(or ``summary``/``description``: text) and ``approved_by`` (text or a :class:`flowgen.Approval`).
Callers may also pass a history of their own (:class:`Revision` values) wherever one is taken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flowgen import Procedure


@dataclass(frozen=True)
class Revision:
    """One entry of a revision history, as the cycle prints it."""

    number: str
    date: str  # ISO date when known, else as written
    changes: str
    approved_by: str

    def to_dict(self) -> dict[str, str]:
        return {"number": self.number, "date": self.date, "changes": self.changes, "approved_by": self.approved_by}


def _field(entry: Any, *names: str) -> Any:
    for name in names:
        if isinstance(entry, dict) and name in entry:
            return entry[name]
        if hasattr(entry, name):
            return getattr(entry, name)
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    date = getattr(value, "date", None)
    if isinstance(date, dt.date):
        return date.isoformat()
    position = getattr(value, "position", None)
    if isinstance(position, str):
        name = getattr(value, "name", "")
        return f"{position}; {name}" if name else position
    return str(value).strip()


def as_revision(entry: Any) -> Revision:
    """One history entry of any of the accepted shapes as a :class:`Revision`."""
    if isinstance(entry, Revision):
        return entry
    return Revision(
        _text(_field(entry, "number", "revision", "nomor")),
        _text(_field(entry, "date", "tanggal")),
        _text(_field(entry, "changes", "summary", "description", "perubahan")),
        _text(_field(entry, "approved_by", "approved", "disahkan")),
    )


def history_of(procedure: Procedure, given: Sequence[Any] | None = None) -> tuple[Revision, ...]:
    """The revisions of a procedure: ``given`` when passed, else what the model carries, else none."""
    entries = given if given is not None else _field(procedure.identity, "history", "revisions")
    if not entries:
        return ()
    return tuple(as_revision(e) for e in entries)


def new_revisions(old: Sequence[Revision], new: Sequence[Revision]) -> tuple[Revision, ...]:
    """The entries of the newer history that the older one does not have (by number and date)."""
    seen = {(r.number, r.date) for r in old}
    return tuple(r for r in new if (r.number, r.date) not in seen)
