"""The command line of the book: ``flowgen book DIR`` and the folder part of ``flowgen check DIR``.

Kept out of :mod:`flowgen.cli` so the book's options grow here; ``flowgen.cli``
only registers the command and hands folders of ``check`` to :func:`check_folder`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from flowgen import Diagnostic


def check_folder(
    path: Path, language: str, strict: bool, today: dt.date | None = None
) -> tuple[bool, list[Diagnostic], int]:
    """A book folder's diagnostics, review dates counted as of ``today``; (failed, diagnostics, files checked)."""
    from flowgen.book import check_book, discover

    found = check_book(path, today)
    bad = any(d.is_error for d in found) or (strict and bool(found))
    return bad, found, len(discover(path)) if path.is_dir() else 0


@click.command("book")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the book, the catalogue and every SOP's outputs (default: the folder itself).",
)
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None, help="SOPs rendered at once (default: cores).")
@click.option("--force", is_flag=True, help="Build every SOP and the book again, even when up to date.")
@click.option("--lang", type=click.Choice(("en", "id")), default=None, help="Language of messages.")
def book_command(folder: Path, out_dir: Path | None, jobs: int | None, force: bool, lang: str | None) -> None:
    """Build the Dokumen SOP AP of a folder: one PDF (cover, decree, contents, notes, every SOP) and its catalogue.

    Writes dokumen-sop.pdf, an SVG of each of the book's own pages, index.html,
    katalog.csv and katalog.json, and every SOP's lampiran PDF, flowchart
    SVG/PNG and thumbnail.  An SOP whose outputs are up to date is skipped (the
    manifest of flowgen build), and so is the book when nothing changed.
    """
    from flowgen.book import build_book
    from flowgen.book.collect import discover
    from flowgen.progress import Progress
    from flowgen.shell import _lang, guarded

    ctx = click.get_current_context()

    @guarded
    def run() -> None:
        progress = Progress(len(discover(folder)), _lang(ctx))
        progress.paths = False  # the book's files are listed at the end, not every SOP's
        try:
            result = build_book(folder, out_dir, jobs=jobs, report=progress.update, force=force)
        finally:
            progress.finish_bar()
        language = _lang(ctx)
        for source, problem in result.failures.items():
            click.echo(
                f"{source}: left out of the book: {problem}"
                if language == "en"
                else f"{source}: tidak dimasukkan ke buku: {problem}",
                err=True,
            )
        words: dict[str, Any] = {
            "en": "{pdf}: {pages} pages, {n} SOPs ({r} rendered, {k} up to date, {f} failed)",
            "id": "{pdf}: {pages} halaman, {n} SOP ({r} dibangun, {k} sudah mutakhir, {f} gagal)",
        }
        if result.current:
            words = {
                "en": "{pdf}: up to date, {pages} pages, {n} SOPs ({r} rendered, {k} up to date, {f} failed)",
                "id": "{pdf}: sudah mutakhir, {pages} halaman, {n} SOP ({r} dibangun, {k} sudah mutakhir, {f} gagal)",
            }
        click.echo(
            words[language].format(
                pdf=result.pdf,
                pages=result.pages,
                n=result.entries,
                r=result.rendered,
                k=result.kept,
                f=len(result.failures),
            )
        )
        for path in result.written[1:]:
            if path.suffix != ".svg":
                click.echo(str(path))
        sys.exit(1 if result.failures else 0)

    run()
