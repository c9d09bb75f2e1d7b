"""Hover and go-to-definition: what a word under the cursor stands for, and where it is declared.

An actor key shows its name (and goes to its line in ``pelaksana:``); a
label or a step number after ``->`` shows that step (and goes to it).
"""

from __future__ import annotations

import re

from flowgen.service.analysis import Analysis

_WORD = re.compile(r"[\w-]+")


def _word_at(text: str, line: int, column: int) -> tuple[str, int] | None:
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    raw = lines[line - 1]
    for found in _WORD.finditer(raw):
        if found.start() <= column - 1 <= found.end():
            return found.group(0), found.start() + 1
    return None


def _in_target(raw: str, start: int) -> bool:
    """Whether the word at ``start`` (1-based) stands after an arrow, or is a label in brackets."""
    before = raw[: start - 1]
    return "->" in before.replace("\\->", "") or before.rstrip().endswith("[")


def _step_of(analysis: Analysis, word: str) -> tuple[int, str] | None:
    """(line, description) of the step a label or number names."""
    for step in analysis.steps:
        if step.label == word or str(step.number) == word:
            return step.line, f"Langkah / step {step.number}: {step.text}"
    line = analysis.label_line(word)
    return (line, f"[{word}]") if line is not None else None


def hover(analysis: Analysis, line: int, column: int) -> str | None:
    """The hover text at a 1-based line and column, or None."""
    found = _word_at(analysis.text, line, column)
    if found is None:
        return None
    word, start = found
    raw = analysis.text.split("\n")[line - 1]
    if _in_target(raw, start):
        step = _step_of(analysis, word)
        if step is not None:
            return step[1]
    actor = analysis.actor(word)
    if actor is not None:
        return f"{actor[0]} = {actor[1]}"
    return None


def definition(analysis: Analysis, line: int, column: int) -> tuple[int, int] | None:
    """Where the word at a 1-based line and column is declared: (line, column), 1-based."""
    found = _word_at(analysis.text, line, column)
    if found is None:
        return None
    word, start = found
    raw = analysis.text.split("\n")[line - 1]
    if _in_target(raw, start):
        step = _step_of(analysis, word)
        if step is not None:
            return _first_column(analysis, step[0])
    actor = analysis.actor(word)
    if actor is not None:
        return _first_column(analysis, actor[2])
    return None


def _first_column(analysis: Analysis, line: int) -> tuple[int, int]:
    raw = analysis.text.split("\n")[line - 1]
    return line, len(raw) - len(raw.lstrip()) + 1
