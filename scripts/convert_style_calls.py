#!/usr/bin/env python3
"""Rewrite untyped style look-ups (``style.value("step", "width", classes)``) into typed records.

Also ``style.text("step", classes)``, ``style.box(...)`` and ``style.shown(...)`` with a literal
element name: ``style.step(classes).text``.

    python3 scripts/convert_style_calls.py FILE...            rewrite the files in place
    python3 scripts/convert_style_calls.py --check FILE...    list what would change, exit 1 if anything would
    python3 scripts/convert_style_calls.py --table FILE...    print a Markdown table: file:line, old, new

The resolved style builds frozen, typed records once per sheet (``flowgen/style/records.py``);
layouts and painters should read ``style.step(classes).width`` rather than look a property
up by name.  This script makes that change mechanical: each ``style.value("element",
"property", ...)`` call, with the ``float(...)`` around it when there is one (the records'
lengths are floats already), becomes the record attribute that holds the same value.  A
call it has no rule for is left alone and reported, so nothing is guessed.  The table's
arrowhead (``float(style.value("edge", "arrow-size", classes)) * 0.85``) becomes
``style.table_edge(classes).arrow_size``, whose scale is now the ``table { arrow-scale }``
property.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CALLS = ("style.value(", "style.text(", "style.box(", "style.shown(")
IDENTITY_PARTS = {
    "identity-header": "header",
    "identity-label": "label",
    "identity-value": "value",
    "identity-title": "title",
    "identity-box": "box",
}

# (element, property) → function of (classes, index) giving the replacement expression
Rule = Callable[[str, str], str]


def _attr(name: str) -> str:
    return name.replace("-", "_")


def _record(element: str, prop: str, classes: str, index: str) -> str | None:
    """The typed expression for one look-up, or None when there is no rule for it."""
    c = classes if classes not in ("", "()") else ""
    if element == "flowchart":
        return f"style.flowchart.{_attr(prop)}"
    if element == "table":
        return f"style.table.{_attr(prop)}"
    if element == "identity":
        return f"style.identity.{_attr(prop)}"
    if element == "identity-box" and prop == "min-height":
        return "style.identity.box_min_height"
    if element == "step" and prop in ("width", "max-width", "min-height"):
        return f"style.step({c}).{_attr(prop)}"
    if element == "lane" and prop == "min-width" and index:
        return f"style.lane({index}).min_width"
    if element == "lane-header" and prop in ("width", "min-height") and index:
        return f"style.lane({index}).header.{_attr(prop)}"
    if element == "edge" and prop == "arrow-size":
        return f"style.edge({c}).arrow_size"
    if element == "symbol" and prop in ("width", "height"):
        return f"style.symbol({c}).{prop}"
    if element == "cell" and prop in ("width", "min-width"):
        return f"style.cell({c}).{_attr(prop)}"
    if element == "logo" and prop in ("width", "height", "src"):
        return f"style.logo_image.{prop}"
    if element == "@page" and prop in ("size", "margin", "fill"):
        return f"style.paper.{prop}"
    return None


def _view(kind: str, element: str, classes: str, index: str, after: str) -> str | None:
    """The typed expression for ``style.text/box/shown("element", ...)``, or None."""
    c = classes if classes not in ("", "()") else ""
    parts = {
        "step": {"text": f"style.step({c}).text", "box": f"style.step({c}).box"},
        "mutu-baku": {"text": f"style.step({c}).detail.text", "shown": f"style.step({c}).detail.shown"},
        "step-number": {k: f"style.step({c}).number.{k}" for k in ("text", "box", "shown")},
        "title": {k: f"style.title.{k}" for k in ("text", "box", "shown")},
        "edge": {"box": f"style.edge({c}).line"},
        "edge-label": {k: f"style.edge({c}).label.{k}" for k in ("text", "box")},
        "symbol": {k: f"style.symbol({c}).{k}" for k in ("text", "box")},
        "cell": {k: f"style.cell({c}).{k}" for k in ("text", "box")},
        "header": {k: f"style.header({c}).{k}" for k in ("text", "box")},
        "footer": {k: f"style.footer.{k}" for k in ("text", "shown")},
        "flowchart": {"text": "style.flowchart.text"},
        "table": {"text": "style.table.text"},
    }
    if index and element == "lane":
        return f"style.lane({index}).box" if kind == "box" else None
    if index and element == "lane-header":
        return f"style.lane({index}).header.{kind}" if kind in ("text", "box") else None
    if index:
        return None
    if element == "identity" and kind == "box" and re.match(r"\.padding\b", after):
        return "style.identity"  # the .padding after it stays: style.identity.padding
    if element in IDENTITY_PARTS and kind in ("text", "box"):
        part = IDENTITY_PARTS[element]
        if element == "identity-value" and c.replace(" ", "") == '("title",)':
            part = "value_title"
        elif c:
            return None
        return f"style.identity.{part}.{kind}"
    return parts.get(element, {}).get(kind)


def _split_args(text: str) -> list[str]:
    """Top-level arguments of a call's argument text."""
    args: list[str] = []
    depth, start = 0, 0
    for i, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            args.append(text[start:i].strip())
            start = i + 1
    if text[start:].strip():
        args.append(text[start:].strip())
    return args


def _close(source: str, open_at: int) -> int:
    """The index of the parenthesis closing the one at ``open_at``."""
    depth = 0
    for i in range(open_at, len(source)):
        if source[i] == "(":
            depth += 1
        elif source[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError("unbalanced parentheses")


@dataclass(frozen=True)
class Change:
    line: int
    old: str
    new: str | None  # None: no rule, left alone


def _next_call(source: str, pos: int) -> tuple[int, str]:
    """Where the next look-up starts and which one it is (-1 when there is none)."""
    found = [(at, call) for call in CALLS if (at := source.find(call, pos)) >= 0]
    return min(found) if found else (-1, "")


def _replacement(call: str, args: list[str], after: str) -> str | None:
    if not args or not re.fullmatch(r'"[^"]*"', args[0]):
        return None
    element = args[0][1:-1]
    if call == "style.value(":
        if len(args) < 2 or not re.fullmatch(r'"[^"]*"', args[1]):
            return None
        return _record(element, args[1][1:-1], args[2] if len(args) > 2 else "", args[3] if len(args) > 3 else "")
    kind = call[len("style.") : -1]
    return _view(kind, element, args[1] if len(args) > 1 else "", args[2] if len(args) > 2 else "", after)


def convert(source: str) -> tuple[str, list[Change]]:
    """The source with every convertible look-up rewritten, and the list of look-ups found."""
    changes: list[Change] = []
    out: list[str] = []
    pos = 0
    while True:
        at, call = _next_call(source, pos)
        if at < 0:
            break
        if at > 0 and (source[at - 1].isalnum() or source[at - 1] in "_."):  # another_style.value(
            out.append(source[pos : at + len(call)])
            pos = at + len(call)
            continue
        end = _close(source, at + len(call) - 1)
        args = _split_args(source[at + len(call) : end])
        start, stop = at, end + 1
        if call == "style.value(" and source[:at].endswith("float(") and source[stop : stop + 1] == ")":
            start, stop = at - len("float("), stop + 1
        new = _replacement(call, args, source[stop:])
        scaled = re.match(r"\s*\*\s*0\.85\b", source[stop:])
        if new is not None and new.startswith("style.edge(") and new.endswith("arrow_size") and scaled:
            new = new.replace("style.edge(", "style.table_edge(")  # the table's scaled head
            stop += len(scaled.group(0))
        changes.append(Change(source.count("\n", 0, at) + 1, source[start:stop], new))
        out.append(source[pos:start])
        out.append(new if new is not None else source[start:stop])
        pos = stop
    out.append(source[pos:])
    return "".join(out), changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="change nothing; exit 1 if a call would change")
    group.add_argument("--table", action="store_true", help="print a Markdown table of the calls; change nothing")
    args = parser.parse_args(argv)
    pending = unknown = 0
    if args.table:
        print("| call site | today | typed |\n|---|---|---|")
    for path in args.files:
        source = path.read_text(encoding="utf-8")
        converted, changes = convert(source)
        for change in changes:
            if change.new is None:
                unknown += 1
                print(f"{path}:{change.line}: no rule for {change.old}", file=sys.stderr)
            elif args.table:
                print(f"| {path}:{change.line} | `{change.old}` | `{change.new}` |")
            elif args.check:
                print(f"{path}:{change.line}: {change.old} -> {change.new}")
        pending += sum(1 for c in changes if c.new is not None)
        if not args.check and not args.table and converted != source:
            path.write_text(converted, encoding="utf-8")
    if args.check:
        return 1 if pending else 0
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
