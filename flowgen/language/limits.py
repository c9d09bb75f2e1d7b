"""How large a .pos file may be, and the characters it may not carry: checked before the file is read further.

A pipeline builds files it did not write, and the editor builds whatever is
typed into a browser, so the size of everything the rest of flowgen works
on is bounded here, in one linear pass, with a positioned error.  Real
procedures are far inside every limit (the largest example has 27 steps and
6 actors); the limits are documented in one table in docs/security.md.

Characters that XML, PDF or a terminal cannot take (control characters, the
C1 controls, noncharacters) are read as spaces, with one warning at the
first of them, so no exporter ever meets one and ``flowgen check`` never
echoes one to a terminal.
"""

from __future__ import annotations

from collections.abc import Iterator

from flowgen.characters import UNSAFE, character_name
from flowgen.errors import Diagnostic, Span, error, warning
from flowgen.language import ast

MAX_SOURCE_BYTES = 1_000_000  # one .pos file (the editor takes as much); the largest example is 3 KB
MAX_LINE = 4_000  # characters of one line
MAX_VALUE = 4_000  # characters of one value: a title, a step's text with its continuation lines, an item
MAX_STEPS = 1_000  # steps of one procedure (benchmarks/bench_growth.py builds 800)
MAX_ACTORS = 50  # actors: the lampiran has a column for each; more cannot be printed anyway
MAX_BRANCHES = 20  # branches of one decision: the standard draws two


def line_breaks(text: str) -> str:
    """Windows (CR LF) and old Mac (CR alone) line ends read as line breaks."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def text_limits(text: str, source: str) -> tuple[str, list[Diagnostic], bool]:
    """The text with unsafe characters as spaces, what was found, and whether it is too large to read on."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_SOURCE_BYTES:
        return text, [error("source-too-large", Span(source, 0, 1, 0), limit=f"{MAX_SOURCE_BYTES:,}")], True
    found: list[Diagnostic] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE:
            found.append(
                error(
                    "line-too-long",
                    Span(source, number, MAX_LINE + 1, 1),
                    length=f"{len(line):,}",
                    limit=f"{MAX_LINE:,}",
                )
            )
            if len(found) == 10:
                break
    if found:
        return text, found, True
    first = UNSAFE.search(text)
    if first is None:
        return text, [], False
    count = sum(1 for _ in UNSAFE.finditer(text))
    before = text[: first.start()]
    number = before.count("\n") + 1
    column = first.start() - (before.rfind("\n") + 1) + 1
    shown = text[first.start() - column + 1 :].split("\n", 1)[0]
    where = Span(source, number, column, 1)
    found.append(warning("control-character", where, shown, char=character_name(first.group()), count=count))
    return UNSAFE.sub(" ", text), found, False


def _values(document: ast.Document) -> Iterator[tuple[ast.Value, int]]:
    """Every value written in the document, with its length (a step's continuation lines counted in)."""
    for entry in document.entries:
        for value in entry.values:
            yield value, len(value.text)
    for actor in document.actors:
        yield actor.name, len(actor.name.text)
    for step in document.steps:
        yield step.text, len(step.text.text) + sum(len(more) + 1 for more in step.more_text)
        for attribute in step.attributes:
            yield attribute.value, len(attribute.value.text)
        for branch in step.branches:
            yield branch.label, len(branch.label.text)


def document_limits(document: ast.Document) -> list[Diagnostic]:
    """Too many steps, actors or branches, or a value too long: errors at the first one over the limit."""
    found: list[Diagnostic] = []
    if len(document.actors) > MAX_ACTORS:
        over = document.actors[MAX_ACTORS]
        found.append(
            error("too-many-actors", over.key.span, over.line_text, count=f"{len(document.actors):,}", limit=MAX_ACTORS)
        )
    if len(document.steps) > MAX_STEPS:
        step = document.steps[MAX_STEPS]
        found.append(
            error("too-many-steps", step.span, step.line_text, count=f"{len(document.steps):,}", limit=f"{MAX_STEPS:,}")
        )
    for step in document.steps:
        if len(step.branches) > MAX_BRANCHES:
            found.append(
                error(
                    "too-many-branches", step.span, step.line_text, count=f"{len(step.branches):,}", limit=MAX_BRANCHES
                )
            )
            break
    for value, length in _values(document):
        if length > MAX_VALUE:
            found.append(error("value-too-long", value.span, length=f"{length:,}", limit=f"{MAX_VALUE:,}"))
            break
    return found
