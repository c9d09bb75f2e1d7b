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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from flowgen.batch import BUILT, FAILED, SKIPPED, Outcome, run_batch
from flowgen.build import THUMBNAIL, BuildOptions
from flowgen.discover import Source
from flowgen.errors import Diagnostic

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


def ensure_outputs(
    sources: Sequence[Path],
    folder: Path,
    out: Path,
    jobs: int | None = None,
    report: Report | None = None,
    force: bool = False,
) -> Built:
    """Build what is missing or stale (in parallel on the cores), skip the rest."""
    outcomes = run_batch(
        [Source(s, folder) for s in sources], out, OPTIONS, jobs, force, report, replaceable=REPLACEABLE
    )
    failures = {o.path: o.diagnostics for o in outcomes if o.status == FAILED}
    counts = {status: sum(o.status == status for o in outcomes) for status in (BUILT, SKIPPED)}
    return Built(counts[BUILT], counts[SKIPPED], failures)
