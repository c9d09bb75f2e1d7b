"""Each SOP's own outputs for the book: the lampiran PDF, the flowchart SVG/PNG and a small thumbnail.

They are built the way ``flowgen build DIR`` builds a folder (:func:`flowgen.batch.run_batch`:
a :class:`flowgen.build.Builder` per worker, the manifest beside the outputs,
every file's outputs written as one set), with the options the book needs: no
page-by-page SVG/PNG of the lampiran, a thumbnail for the catalogue.  An SOP
whose outputs are current is skipped without being read; ``force`` rebuilds
every one.

The book inserts every SOP's lampiran PDF page for page as it is: each is
signed on its own, and merging must not touch what was signed.  A PDF that a
unit dropped in place of the one flowgen made (a signed copy) is kept as long
as the SOP's text and settings are unchanged: the manifest only asks that it is
there (``replaceable``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from flowgen.batch import BUILT, FAILED, SKIPPED, Outcome, run_batch
from flowgen.build import THUMBNAIL, BuildOptions
from flowgen.discover import Source
from flowgen.errors import Diagnostic

if TYPE_CHECKING:
    from flowgen.book.collect import Known
    from flowgen.model.types import Procedure
    from flowgen.render.scene import Document
    from flowgen.style.resolve import ResolvedStyle

THUMB_WIDTH = 150
OPTIONS = BuildOptions(
    formats=frozenset(("svg", "png", "pdf")),
    forms=frozenset(("flowchart", "lampiran")),
    pages=False,
    thumbnail=THUMB_WIDTH,
)
REPLACEABLE = (".lampiran.pdf",)

Report = Callable[[Outcome], None]  # each SOP's outcome as soon as it is known (for progress)


@dataclass(frozen=True)
class SopFiles:
    """Where one SOP's outputs are (relative names are made by the catalogue)."""

    pdf: Path
    svg: Path
    png: Path
    thumb: Path


def files_for(source: Path, folder: Path, out: Path) -> SopFiles:
    target = Source(source, folder).out_folder(out)
    stem = source.stem
    return SopFiles(
        target / f"{stem}.lampiran.pdf",
        target / f"{stem}.flowchart.svg",
        target / f"{stem}.flowchart.png",
        target / f"{stem}.{THUMBNAIL}",
    )


@dataclass(frozen=True)
class Built:
    """What became of the book's SOPs: how many were built and skipped, the failures' diagnostics."""

    rendered: int
    kept: int
    failures: dict[Path, tuple[Diagnostic, ...]]
    parts: dict[Path, Known] = field(default_factory=dict)  # the book's part of each SOP built now


def book_part(
    review_months: int, procedure: Procedure, style: ResolvedStyle, document: Document | None
) -> Known | None:
    """The book's part of an SOP just built, from what its worker has in hand (:data:`flowgen.build.Probe`).

    The summary, the page count, the style's bottom margin and the keterkaitan items' places on the
    identity sheet (the document's first page, the one its PDF was painted from): without it the book
    would parse every SOP again and lay every identity sheet out again once all are built, on one core.
    """
    from flowgen.book.collect import Known, review_date, summarize
    from flowgen.book.links import item_boxes

    if document is None:
        return None
    summary = summarize(procedure, review_date(procedure, review_months)[0])
    boxes = tuple(item_boxes(document.pages[0], summary.related)) if summary.related else ()
    return Known(summary, len(document.pages), style.page[1][2], boxes)


def ensure_outputs(
    sources: Sequence[Path],
    folder: Path,
    out: Path,
    jobs: int | None = None,
    report: Report | None = None,
    force: bool = False,
    review_months: int = 12,
) -> Built:
    """Build what is missing or stale (in parallel on the cores), skip the rest; the book's part of each built."""
    probe = functools.partial(book_part, review_months)
    outcomes = run_batch([Source(s, folder) for s in sources], out, OPTIONS, jobs, force, report, REPLACEABLE, probe)
    failures = {o.path: o.diagnostics for o in outcomes if o.status == FAILED}
    counts = {status: sum(o.status == status for o in outcomes) for status in (BUILT, SKIPPED)}
    parts: dict[Path, Known] = {}
    if counts[BUILT]:  # (imported only then: a book with nothing to build reads no SOP)
        from flowgen.book.collect import Known

        parts = {o.path: o.probed for o in outcomes if o.status == BUILT and isinstance(o.probed, Known)}
    return Built(counts[BUILT], counts[SKIPPED], failures, parts)
