"""A procedure's revision history as the cycle reads and prints it.

The history is the ``riwayat-revisi`` block of the ``.pos`` identity, read into
:class:`flowgen.Revision` values (``procedure.identity.history``, oldest first).
Callers may pass a history of their own wherever one is taken (a unit keeping it
outside the files); it is the same type.
"""

from __future__ import annotations

from collections.abc import Sequence

from flowgen import Procedure, Revision


def history_of(procedure: Procedure, given: Sequence[Revision] | None = None) -> tuple[Revision, ...]:
    """The revisions of a procedure: ``given`` when passed, else what its ``riwayat-revisi`` records."""
    return tuple(given) if given is not None else procedure.identity.history


def date_of(revision: Revision) -> str:
    """The revision's date as the cycle's reports print it (ISO, so every language reads it alike)."""
    return revision.date.date.isoformat()


def summary(revision: Revision) -> str:
    """``2022-01-10 · what changed · who approved``: the parts that are written."""
    return " · ".join(x for x in (date_of(revision), revision.changes, revision.approved_by) if x)


def _same(a: Revision, b: Revision) -> bool:
    return (a.date.date, a.changes, a.approved_by) == (b.date.date, b.changes, b.approved_by)


def history_pairs(
    old: Sequence[Revision], new: Sequence[Revision]
) -> list[tuple[str, Revision | None, Revision | None]]:
    """The two histories compared by revision number: ``added``, ``removed`` or ``changed`` entries.

    A revision is the same when its date (the day, however written), what changed and who approved
    are; the order is the newer history's, then the revisions it no longer has.
    """
    before = {r.number: r for r in old}
    after = {r.number for r in new}
    found: list[tuple[str, Revision | None, Revision | None]] = []
    for r in new:
        was = before.get(r.number)
        if was is None:
            found.append(("added", None, r))
        elif not _same(was, r):
            found.append(("changed", was, r))
    found += [("removed", r, None) for r in old if r.number not in after]
    return found


def new_revisions(old: Sequence[Revision], new: Sequence[Revision]) -> tuple[Revision, ...]:
    """The entries of the newer history that the older one does not have (by number)."""
    return tuple(r for kind, _was, r in history_pairs(old, new) if kind == "added" and r is not None)
