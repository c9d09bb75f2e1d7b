"""What a batch prints: a progress bar on a terminal (plain lines otherwise) and the summary.

Diagnostics are printed as each file finishes (the bar is cleared first and
drawn again below them); one about another file that many share (a style
sheet's warning, met by every file that uses the sheet) is printed once; the
paths written go to standard output, one per line, for pipelines (not for a batch on a terminal, where the bar stands
for them); everything else goes to standard error.
"""

from __future__ import annotations

import shutil
import sys
from typing import TextIO

import click

from flowgen.batch import BUILT, FAILED, SKIPPED, Outcome

WORDS = {
    "en": {
        BUILT: "built",
        SKIPPED: "up to date",
        FAILED: "failed",
        "summary": "{total} file(s): {built} built, {skipped} skipped as up to date, {failed} failed",
        "none": "no .pos file found in {paths}",
    },
    "id": {
        BUILT: "dibangun",
        SKIPPED: "mutakhir",
        FAILED: "gagal",
        "summary": "{total} berkas: {built} dibangun, {skipped} dilewati karena mutakhir, {failed} gagal",
        "none": "tidak ada berkas .pos di {paths}",
    },
}


def shown(text: str) -> str:
    """A name as it can safely go to a terminal (control characters escaped)."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


class Progress:
    """Counts outcomes and shows them; ``lines`` is off for a single file (the summary says it all)."""

    def __init__(self, total: int, lang: str, stream: TextIO | None = None, lines: bool = True) -> None:
        self.total = total
        self.lang = lang
        self.stream = stream or sys.stderr
        self.lines = lines
        self.bar = lines and self.stream.isatty()
        # the paths written are for pipelines; on a terminal a batch shows the bar instead of hundreds of names
        self.paths = not (lines and sys.stdout.isatty())
        self.counts = {BUILT: 0, SKIPPED: 0, FAILED: 0}
        self.drawn = False
        self.said: set[str] = set()  # the shared files' diagnostics already printed
        if self.bar:
            self._draw("")

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def _clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.drawn = False

    def _draw(self, name: str) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        filled = round(24 * self.done / max(1, self.total))
        words = WORDS[self.lang]
        counts = f"{self.counts[BUILT]} {words[BUILT]}, {self.counts[SKIPPED]} {words[SKIPPED]}"
        counts += f", {self.counts[FAILED]} {words[FAILED]}"
        line = f"[{'#' * filled}{'.' * (24 - filled)}] {self.done}/{self.total}  {counts}  {name}"
        self.stream.write("\r\x1b[2K" + line[: max(10, width - 1)])
        self.stream.flush()
        self.drawn = True

    def update(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        self._clear()
        for diagnostic in outcome.diagnostics:
            text = diagnostic.format(self.lang)
            if diagnostic.span.file != str(outcome.path):
                if text in self.said:
                    continue
                self.said.add(text)
            click.echo(text, err=True)
        for path in outcome.written if self.paths else ():
            click.echo(str(path))
        name = shown(str(outcome.path))
        if self.bar:
            self._draw(name)
        elif self.lines:
            self.stream.write(f"[{self.done}/{self.total}] {WORDS[self.lang][outcome.status]} {name}\n")
            self.stream.flush()

    def finish_bar(self) -> None:
        """Leave the terminal's line clean (also when the batch was interrupted)."""
        self._clear()
        self.stream.flush()

    def finish(self, outcomes: list[Outcome]) -> None:
        """Print the summary and each failed file with its first diagnostic."""
        self.finish_bar()
        words = WORDS[self.lang]
        click.echo(
            words["summary"].format(
                total=self.total, built=self.counts[BUILT], skipped=self.counts[SKIPPED], failed=self.counts[FAILED]
            ),
            err=True,
        )
        for outcome in outcomes:
            first = outcome.first_error
            if outcome.status == FAILED and first is not None:
                click.echo(f"  {words[FAILED]}: {first.format(self.lang, context=False).splitlines()[0]}", err=True)
