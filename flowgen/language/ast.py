"""The syntax tree of a .pos file: what was written, where, before any meaning.

The parser builds these nodes; :mod:`flowgen.language.compile` turns them into a
:class:`~flowgen.model.types.Procedure`.  Keys are already canonical (the
Indonesian keyword), so the compiler never deals with English aliases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flowgen.errors import Span


@dataclass(frozen=True)
class Value:
    """A piece of text with the place it was written."""

    text: str
    span: Span


@dataclass(frozen=True)
class Entry:
    """An identity line ``key: value`` or a list key with its ``- item`` lines."""

    key: str  # canonical keyword
    written_key: str
    span: Span  # of the key
    values: tuple[Value, ...]
    line_text: str


@dataclass(frozen=True)
class ActorDecl:
    key: Value
    name: Value
    line_text: str


@dataclass(frozen=True)
class Attribute:
    key: str  # canonical keyword
    value: Value
    span: Span  # of the key
    line_text: str


@dataclass(frozen=True)
class Branch:
    label: Value
    targets: tuple[Value, ...]  # empty: continue with the next step
    span: Span
    line_text: str
    end: Value | None = None  # "tidak -> selesai": the branch ends the procedure; the end's text


@dataclass(frozen=True)
class StepNode:
    kind: str  # "start" | "end" | "decision" | "activity"
    label: Value | None
    actors: tuple[Value, ...]
    text: Value
    targets: tuple[Value, ...] | None  # None: no "->" on the line
    span: Span  # the whole step head
    line_text: str
    attributes: list[Attribute] = field(default_factory=list)
    branches: list[Branch] = field(default_factory=list)
    number: Value | None = None  # the No column as written ("3"); text "" for a row written with no number
    more_text: list[str] = field(default_factory=list)  # continuation lines of the step's text


@dataclass(frozen=True)
class Document:
    """Everything the parser recognised, in file order."""

    source_name: str
    entries: tuple[Entry, ...]
    actors: tuple[ActorDecl, ...]
    steps: tuple[StepNode, ...]
    has_actors_block: bool
    has_flow_block: bool
    lines: tuple[str, ...]
    flow_span: Span | None = None  # the 'alur:' key, if there is one

    def line(self, number: int) -> str | None:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return None
