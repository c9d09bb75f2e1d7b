"""The identity sheet numbered for its document, laid out once.

The lampiran's footers say "page k of n", so the identity sheet needs the
document's page count, which needs the number of its continuation sheets.
Rather than laying it out twice for every lampiran (and a third time for the
PDF's signature), the sheet is laid out for a guess and kept for the PDF.
"""

from __future__ import annotations

from flowgen.layout.table.identity import IdentityLayout, layout_identity
from flowgen.model.types import Procedure
from flowgen.style.resolve import ResolvedStyle

# the identity sheet the last layout_table made: the lampiran PDF asks for it again (the signature's place)
_LAST_IDENTITY: dict[str, tuple[Procedure, ResolvedStyle, IdentityLayout]] = {}


def numbered_identity(procedure: Procedure, style: ResolvedStyle, page: int, table_pages: int) -> IdentityLayout:
    """The identity sheet as page ``page`` of a document of its own sheets and ``table_pages`` table pages.

    The page count is only the footers' text: how many continuation sheets the
    identity needs does not depend on it.  So the sheet is laid out for a guess
    of none, and once more (with the right count) only when it has some.
    """
    identity = layout_identity(procedure, style, page, page + table_pages)
    count = page + len(identity.continued) + table_pages
    if identity.pages != count:
        identity = layout_identity(procedure, style, page, count)
    _LAST_IDENTITY["last"] = (procedure, style, identity)
    return identity


def identity_layout(procedure: Procedure, style: ResolvedStyle, page: int, pages: int) -> IdentityLayout:
    """:func:`layout_identity`, taken from the last :func:`layout_table` when it laid out this very one.

    The procedure and the style are frozen, so the same objects (``is``) and the
    same numbering give the same sheet: the lampiran PDF, which places the
    signature on the sheet its document was drawn from, need not lay it out again.
    """
    last = _LAST_IDENTITY.get("last")
    if last is not None and last[0] is procedure and last[1] is style:
        identity = last[2]
        if identity.page == page and identity.pages == pages:
            return identity
    return layout_identity(procedure, style, page, pages)
