"""Completion while typing: keywords (Indonesian and English), actor keys, labels and step numbers.

What is offered depends on where the cursor is: the start of a top-level
line gets the identity and section keys, a step line inside ``alur:`` the
actor keys and ``mulai``/``selesai``, a line under a step its detail keys
and the answers, and the place after ``->`` the labels and step numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flowgen.service.analysis import Analysis
from flowgen.service.words import ANSWERS, ATTRIBUTE_KEYS, STEP_WORDS, TOP_KEYS

_AFTER_ARROW = re.compile(r"->\s*(?:[^,\s]+\s*,\s*)*([^,\s]*)$")
_WORD_BEFORE = re.compile(r"[\w-]*$")
_SECTION = re.compile(r"^([A-Za-z][\w-]*)\s*:")
_STEP_HEAD = re.compile(r"^(?:\[[^\]]*\]\s*)?(?:(?:mulai|selesai|start|end|\?)\s+)?(?:[\w-]+\+)*[\w-]*$", re.I)


@dataclass(frozen=True)
class Completion:
    """One proposal: the word shown, the text inserted, its kind and a short explanation."""

    label: str
    insert: str
    kind: str  # "keyword", "actor", "label", "step", "answer"
    detail: str


def _section(lines: list[str], line: int) -> str:
    for raw in reversed(lines[: line - 1]):
        head = _SECTION.match(raw)
        if head is not None:
            return head.group(1).lower()
    return ""


def _targets(analysis: Analysis) -> list[Completion]:
    out = [
        Completion(name, name, "label", f"langkah / step {_label_step(analysis, name)}") for name, _ in analysis.labels
    ]
    for step in analysis.steps:
        out.append(Completion(str(step.number), str(step.number), "step", step.text))
    return out


def _label_step(analysis: Analysis, label: str) -> str:
    step = next((s for s in analysis.steps if s.label == label), None)
    return str(step.number) if step is not None else "?"


def _actors(analysis: Analysis) -> list[Completion]:
    return [Completion(key, key, "actor", name) for key, name, _ in analysis.actors]


def _flow_line(analysis: Analysis, before: str) -> list[Completion]:
    stripped = before.strip()
    indent = len(before) - len(before.lstrip(" "))
    out: list[Completion] = []
    if not re.search(r"[\w-]*\+?[\w-]*$", stripped) or not _STEP_HEAD.match(stripped):
        return out
    word_only = re.fullmatch(r"[\w-]*", stripped) is not None
    out += _actors(analysis)
    if word_only:
        out += [Completion(w, w + " ", "keyword", d) for i, e, d in STEP_WORDS for w in (i, e)]
        if indent > 2:
            out += [Completion(w, w + ": ", "keyword", d) for i, e, d in ATTRIBUTE_KEYS for w in dict.fromkeys((i, e))]
            out += [Completion(a, a + " -> ", "answer", "cabang keputusan / decision branch") for a in ANSWERS]
    return out


def completions(analysis: Analysis, line: int, column: int) -> tuple[int, list[Completion]]:
    """Proposals at a 1-based line and column, and the column where the word they replace starts."""
    lines = analysis.text.split("\n")
    if not 1 <= line <= len(lines):
        return column, []
    before = lines[line - 1][: max(0, column - 1)]
    word = _WORD_BEFORE.search(before)
    start = column - len(word.group(0)) if word else column
    if before.lstrip().startswith("#"):
        return start, []
    arrow = _AFTER_ARROW.search(before)
    if arrow is not None:
        return column - len(arrow.group(1)), _filter(_targets(analysis), arrow.group(1))
    typed = word.group(0) if word else ""
    if before == typed:  # a top-level line
        keys = [Completion(w, w + ": ", "keyword", d) for i, e, d in TOP_KEYS for w in dict.fromkeys((i, e))]
        return start, _filter(keys, typed)
    if _section(lines, line) in ("alur", "flow"):
        return start, _filter(_flow_line(analysis, before), typed)
    return start, []


def _filter(items: list[Completion], typed: str) -> list[Completion]:
    low = typed.lower()
    return [c for c in items if c.label.lower().startswith(low)]
