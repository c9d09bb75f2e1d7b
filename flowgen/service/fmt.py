"""Canonical form of a .pos text: flowgen's printer, with the writer's comments kept.

The printer works from the procedure, where comments no longer exist, so
each comment line is tied to the statement that follows it in the original
(an identity key, an actor, a step, a detail or a branch of a step, a list
item) and written again right before the same statement in the printed
text, at its indentation.  Comments after the last statement stay at the
end.  Printing the result again gives the same text.
"""

from __future__ import annotations

import re

import flowgen
from flowgen.model.types import Procedure
from flowgen.service.words import canonical, is_list_key

_TOP = re.compile(r"^([A-Za-z][\w-]*)\s*:")
_DETAIL = re.compile(r"^\s+([A-Za-z][\w-]*)\s*:")
_BRANCH = re.compile(r"^\s+(\S+)\s*->")

LineKey = tuple[str, ...]


def _keys(lines: list[str], procedure: Procedure) -> list[LineKey | None]:
    """What statement each line is, in terms that survive printing (None for blanks and comments)."""
    steps = {step.span.line: step.number for step in procedure.steps}
    actors = {actor.span.line: actor.key for actor in procedure.actors}
    out: list[LineKey | None] = []
    top, step, item = "", 0, 0
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        key: LineKey | None = None
        if not stripped or stripped.startswith("#"):
            key = None
        elif number in steps:
            step = steps[number]
            key = ("step", str(step))
        elif number in actors:
            key = ("actor", actors[number])
        elif raw[:1] not in (" ", "\t") and (head := _TOP.match(raw)) is not None:
            top, step, item = canonical(head.group(1)) or head.group(1).lower(), 0, 0
            key = ("top", top)
        elif is_list_key(top) and stripped.startswith("-"):
            item += 1
            key = ("item", top, str(item))
        elif step and (detail := _DETAIL.match(raw)) is not None and "->" not in raw:
            key = ("detail", str(step), canonical(detail.group(1)) or detail.group(1).lower())
        elif step and (branch := _BRANCH.match(raw)) is not None:
            key = ("branch", str(step), branch.group(1).lower())
        out.append(key)
    return out


def _attached(
    lines: list[str], keys: list[LineKey | None], known: set[LineKey]
) -> tuple[dict[LineKey, list[str]], list[str]]:
    """Comment lines grouped by the statement they stand before; the ones left at the end."""
    attached: dict[LineKey, list[str]] = {}
    pending: list[str] = []
    for raw, key in zip(lines, keys, strict=True):
        if raw.strip().startswith("#"):
            pending.append(raw.strip())
        elif key is not None and key in known and pending:
            attached.setdefault(key, []).extend(pending)
            pending = []
    return attached, pending


def format_text(text: str, source_name: str = "<text>") -> str:
    """The text in canonical form with its comments; raises :class:`flowgen.SourceError` for a wrong text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    procedure = flowgen.parse(text, source_name)
    printed = flowgen.to_pos(procedure)
    lines = [line.rstrip("\r") for line in text.split("\n")]
    if not any(line.strip().startswith("#") for line in lines):
        return printed
    out_lines = printed.rstrip("\n").split("\n")
    out_keys = _keys(out_lines, flowgen.parse(printed, source_name))
    attached, trailing = _attached(lines, _keys(lines, procedure), {k for k in out_keys if k is not None})
    result: list[str] = []
    for raw, key in zip(out_lines, out_keys, strict=True):
        if key is not None and key in attached:
            indent = raw[: len(raw) - len(raw.lstrip(" "))]
            result += [indent + comment for comment in attached.pop(key)]
        result.append(raw)
    if trailing:
        result += ([""] if result and result[-1] else []) + trailing
    return "\n".join(result) + "\n"
