"""Reading procedures: bytes or text in, a checked :class:`Procedure` (or all its errors) out.

This is where the stages of the front end meet: decoding, parsing,
compiling and the graph rules.  :func:`analyze` never raises for bad input
and is what ``flowgen check`` uses; :func:`parse` and :func:`load` raise one
:class:`~flowgen.errors.SourceError` carrying every error of the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from flowgen import checks
from flowgen.errors import Diagnostic, SourceError, Span, error, sort_key
from flowgen.language.ast import Document
from flowgen.language.compile import compile_document
from flowgen.language.limits import MAX_SOURCE_BYTES, document_limits, line_breaks, text_limits
from flowgen.language.parser import parse_document
from flowgen.model.types import Procedure

# codes whose arrows the compiler could not make; graph rules would only repeat them
_PARTIAL = frozenset(
    {
        "unknown-label",
        "no-such-step",
        "ambiguous-step-number",
        "same-as-above-first",
        "bad-target",
        "missing-target",
        "branch-falls-off",
        "expected-colon",
        "unclosed-label",
        "bad-label",
        "decision-arrow",
        "step-not-indented",
        "branch-not-decision",
        "branch-without-label",
        "unknown-attribute",
        "unexpected-under-step",
    }
)

# step lines that could not be read in full: their actors (and maybe the step) are missing
_BROKEN_STEPS = frozenset({"expected-colon", "unclosed-label", "bad-label"})

# a diagnostic that only repeats another one in other words is left out
_SUPPRESSED_BY: dict[str, frozenset[str]] = {
    "no-steps": frozenset({"missing-flow", "step-not-indented", "attribute-without-step"}) | _BROKEN_STEPS,
    "unused-actor": frozenset(
        {
            "unknown-actor",
            "bad-actor-ref",
            "actors-with-spaces",
            "missing-actor",
            "keyword-without-actor",
            "missing-flow",
            "no-steps",
            "step-not-indented",
            "expected-actor",
            "empty-actor-name",
        }
    )
    | _BROKEN_STEPS,
    "unknown-actor": frozenset({"missing-actors"}),
    "no-start": frozenset({"step-not-indented"}) | _BROKEN_STEPS,
    "no-end": frozenset({"step-not-indented"}) | _BROKEN_STEPS,
}


# a required key reported missing because it was misspelt: the unknown-key message says it all
_MISSPELT: dict[str, frozenset[str]] = {
    "missing-title": frozenset({"judul", "title"}),
    "missing-actors": frozenset({"pelaksana", "actors"}),
    "missing-flow": frozenset({"alur", "flow"}),
}


def _without_echoes(found: list[Diagnostic]) -> list[Diagnostic]:
    codes = {d.code for d in found}
    suggested = {d.args.get("suggestion") for d in found if d.code == "unknown-key"}
    none: frozenset[str] = frozenset()
    return [
        d
        for d in found
        if not (codes & _SUPPRESSED_BY.get(d.code, none)) and not (suggested & _MISSPELT.get(d.code, none))
    ]


def _at_flow_line(found: list[Diagnostic], document: Document) -> list[Diagnostic]:
    """'no-steps' points at the 'alur:' line, which only the parser knows."""
    span = document.flow_span
    if span is None:
        return found
    return [error("no-steps", span, document.line(span.line)) if d.code == "no-steps" else d for d in found]


def decode(data: bytes, source_name: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text of a file, or the place of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        shown = data[line_start:].split(b"\n", 1)[0].decode("utf-8", errors="replace")
        return None, [error("not-utf8", Span(source_name, line, column, 1), shown, byte=f"{data[exc.start]:02X}")]


def analyze(text: str, source_name: str = "<text>") -> tuple[Procedure | None, list[Diagnostic]]:
    """Every diagnostic of a .pos text (errors and warnings) and the procedure if there are no errors."""
    text, found, refused = text_limits(line_breaks(text), source_name)
    if refused:
        return None, found
    document, parsed = parse_document(text, source_name)
    found += parsed
    if any(d.code == "empty-file" for d in found):
        return None, found
    over = document_limits(document)
    if over:  # read no further: the compiler and the graph rules would work on all of it
        return None, sorted(found + over, key=sort_key)
    procedure, compiled = compile_document(document)
    found += compiled
    partial = any(d.code in _PARTIAL for d in found)
    found += _at_flow_line(checks.structure_errors(procedure, partial=partial), document)
    found += checks.convention_warnings(procedure, partial=partial)
    found = sorted(_without_echoes(found), key=sort_key)
    if any(d.is_error for d in found):
        return None, found
    return procedure, found


def analyze_file(path: str | os.PathLike[str]) -> tuple[Procedure | None, list[Diagnostic]]:
    name = str(path)
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)  # /dev/zero, or a huge file, is not read whole
    except OSError as exc:
        return None, [error("read-failed", Span(name, 0, 1, 0), reason=exc.strerror or str(exc))]
    if len(data) > MAX_SOURCE_BYTES:
        return None, [error("source-too-large", Span(name, 0, 1, 0), limit=f"{MAX_SOURCE_BYTES:,}")]
    text, found = decode(data, name)
    if text is None:
        return None, found
    return analyze(text, name)


def parse(text: str, source_name: str = "<text>") -> Procedure:
    """Read .pos text into a procedure; raise :class:`SourceError` with every error found."""
    procedure, found = analyze(text, source_name)
    if procedure is None:
        raise SourceError([d for d in found if d.is_error])
    return procedure


def load(path: str | os.PathLike[str]) -> Procedure:
    """Read a .pos file into a procedure; raise :class:`SourceError` with every error found."""
    procedure, found = analyze_file(path)
    if procedure is None:
        raise SourceError([d for d in found if d.is_error])
    return procedure
