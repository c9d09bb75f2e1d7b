"""One look at a .pos text: its diagnostics, its steps with their lines, its actors and labels.

The actors and labels are read from the text itself too, so completion and
hover keep working while the text has errors (the writer is in the middle
of typing); the steps and their numbers come from the procedure, when the
text reads as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import flowgen
from flowgen.errors import Diagnostic
from flowgen.model.types import Procedure

_SECTION = re.compile(r"^([A-Za-z][\w-]*)\s*:")
_ACTOR = re.compile(r"^\s+([A-Za-z_][\w-]*)\s*=\s*(.*?)\s*$")
_LABEL = re.compile(r"^\s*\[\s*([^\]\s]+)\s*\]")


@dataclass(frozen=True)
class StepInfo:
    """A step as the editor sees it: its number, the lines it covers (1-based, inclusive), its label."""

    number: int
    line: int
    end_line: int
    label: str | None
    actors: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Analysis:
    text: str
    procedure: Procedure | None
    diagnostics: tuple[Diagnostic, ...]
    steps: tuple[StepInfo, ...]
    actors: tuple[tuple[str, str, int], ...]  # (key, name, line) as declared
    labels: tuple[tuple[str, int], ...]  # (label, line) as written

    @property
    def ok(self) -> bool:
        return self.procedure is not None

    def actor(self, key: str) -> tuple[str, str, int] | None:
        return next((a for a in self.actors if a[0] == key), None)

    def label_line(self, label: str) -> int | None:
        return next((line for name, line in self.labels if name == label), None)

    def step_at(self, line: int) -> StepInfo | None:
        """The step whose lines hold ``line`` (1-based), if any."""
        return next((s for s in self.steps if s.line <= line <= s.end_line), None)


def _scan(lines: list[str]) -> tuple[tuple[tuple[str, str, int], ...], tuple[tuple[str, int], ...]]:
    actors: list[tuple[str, str, int]] = []
    labels: list[tuple[str, int]] = []
    section = ""
    for number, raw in enumerate(lines, start=1):
        if raw.lstrip().startswith("#"):
            continue
        head = _SECTION.match(raw)
        if head is not None:
            section = head.group(1).lower()
            continue
        if section in ("pelaksana", "actors"):
            found = _ACTOR.match(raw)
            if found is not None and all(a[0] != found.group(1) for a in actors):
                actors.append((found.group(1), found.group(2), number))
        elif section in ("alur", "flow"):
            label = _LABEL.match(raw)
            if label is not None:
                labels.append((label.group(1), number))
    return tuple(actors), tuple(labels)


def _steps(procedure: Procedure, line_count: int) -> tuple[StepInfo, ...]:
    starts = [step.span.line for step in procedure.steps]
    out: list[StepInfo] = []
    for index, step in enumerate(procedure.steps):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else line_count
        out.append(StepInfo(step.number, step.span.line, max(step.span.line, end), step.label, step.actors, step.text))
    return tuple(out)


def analyze_text(text: str, source_name: str = "<text>") -> Analysis:
    """Everything the editors show about a text; never raises for a bad text."""
    procedure, found = flowgen.analyze(text, source_name)
    lines = text.split("\n")
    actors, labels = _scan(lines)
    steps = _steps(procedure, len(lines)) if procedure is not None else ()
    return Analysis(text, procedure, tuple(found), steps, actors, labels)
