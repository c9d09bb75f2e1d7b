"""A :class:`~flowgen.cycle.diff.Comparison` printed for a reviewer (terminal text) or a pipeline (JSON).

The text groups the changes by section, one line each: ``+`` added, ``-`` removed, ``~`` changed,
``↕`` moved.  Colour (green, red, yellow, cyan) is added only when asked, which the command does
when its output is a terminal, so a file or a pipe never gets escape codes.
"""

from __future__ import annotations

from typing import Any

import click

from flowgen.cycle.diff import Change, Comparison
from flowgen.cycle.words import word

SCHEMA = "flowgen/diff"
VERSION = 1
SECTIONS = ("history", "identity", "actors", "steps", "arrows")
MARKS = {"added": "+", "item-added": "+", "removed": "-", "item-removed": "-", "moved": "↕"}
COLOURS = {"+": "green", "-": "red", "~": "yellow", "↕": "cyan"}


def to_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as a versioned JSON document (field names are the .pos keywords)."""
    counts = {s: len(comparison.section(s)) for s in SECTIONS}
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "old": {"source": comparison.old_name, "title": comparison.old_title},
        "new": {"source": comparison.new_name, "title": comparison.new_title},
        "counts": counts,
        "changes": [c.to_dict() for c in comparison.changes],
    }


def _q(text: str | None, lang: str) -> str:
    return f'"{text}"' if text else word(lang, "none")


def _step(c: Change, lang: str) -> str:
    """``step 5`` (new numbering), with ``(was 4)`` when the number changed."""
    if c.new_step is None:
        return word(lang, "old-step", n=c.old_step)
    text = word(lang, "step", n=c.new_step)
    if c.old_step is not None and c.old_step != c.new_step:
        text += f" ({word(lang, 'was', n=c.old_step)})"
    return text


def _end(old: int | None, new: int | None, lang: str) -> str:
    if new is None:
        return word(lang, "old-end", n=old)
    if old is not None and old != new:
        return f"{new} ({word(lang, 'was', n=old)})"
    return str(new)


def _arrow(c: Change, lang: str) -> str:
    label = f" [{c.field}]" if c.field else ""
    return f"{_end(c.old_step, c.new_step, lang)} → {_end(c.old_target, c.new_target, lang)}{label}"


def describe(c: Change, lang: str) -> str:
    """One change as a line of text, without its mark."""
    if c.section == "history":
        head = f"{word(lang, 'revision')} {c.field}:"
        if c.kind == "changed":
            return f"{head} {c.old} → {c.new}"
        return f"{head} {c.new if c.kind == 'added' else c.old}"
    if c.section == "identity":
        name = word(lang, c.field)
        if c.kind == "changed":
            return f"{name}: {_q(c.old, lang)} → {_q(c.new, lang)}"
        return f"{name}: {_q(c.new if c.kind == 'item-added' else c.old, lang)}"
    if c.section == "actors":
        if c.kind == "added":
            return f"{c.field} = {c.new}"
        if c.kind == "removed":
            return f"{c.field} = {c.old}"
        return f"{c.old} → {c.new} ({word(lang, 'renamed')})"
    if c.section == "steps":
        if c.kind == "added":
            return f"{_step(c, lang)}: {_q(c.new, lang)}"
        if c.kind == "removed":
            return f"{_step(c, lang)}: {_q(c.old, lang)}"
        if c.kind == "moved":
            return f"{_step(c, lang)} {word(lang, 'moved')}: {_q(c.new, lang)}"
        return f"{_step(c, lang)} {word(lang, c.field)}: {_q(c.old, lang)} → {_q(c.new, lang)}"
    if c.kind == "branch":
        return f"{_end(c.old_step, c.new_step, lang)}: " + word(
            lang, "branch", label=c.field, new=f'{c.new_target} "{c.new}"', old=f'"{c.old}"'
        )
    if c.kind == "relabelled":
        return f"{_arrow(c, lang)} {word(lang, 'relabelled')}: {_q(c.old, lang)} → {_q(c.new, lang)}"
    return _arrow(c, lang)


def mark(c: Change) -> str:
    return MARKS.get(c.kind, "~")


def to_text(comparison: Comparison, lang: str = "en", color: bool = False) -> str:
    """The report for a terminal: a heading, then each section with one line per change."""
    head = word(lang, "diff-head", old=comparison.old_name, new=comparison.new_name)
    lines = [click.style(head, bold=True) if color else head]
    if comparison.same:
        lines.append(word(lang, "diff-same"))
        return "\n".join(lines) + "\n"
    for section in SECTIONS:
        found = comparison.section(section)
        if not found:
            continue
        title = word(lang, f"sec-{section}")
        lines += ["", click.style(title, bold=True) if color else title]
        for c in found:
            m = mark(c)
            line = f"  {m} {describe(c, lang)}"
            lines.append(click.style(line, fg=COLOURS[m]) if color else line)
    lines += ["", word(lang, "diff-count", n=len(comparison.changes))]
    return "\n".join(lines) + "\n"
