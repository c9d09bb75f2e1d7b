"""Numbered lists in the lampiran's cells, set the way a drafter types them: a hanging indent.

A kelengkapan is often a list: "1. KTP 2. KK 3. Pas foto", or one item a
line ("1. Kartu identitas" / "2. Buku tamu", "a." / "b.").  Centred like
the cell's other text, the numbers wander and a long item's second line
starts under its number.  A list is set left instead, whatever the cell's
alignment: each number in its own margin (right-aligned in it, so "9." and
"10." end together), each item's text after it, and an item's continuation
lines under its text, not under its number.

A list is recognised by its markers: lines that start with "1." / "a)"
(at least two), or, in one line, the markers 1., 2., 3. … (or a., b., …)
in order, the first at the start.  Any other text is fitted as before
(:func:`flowgen.layout.symbols.fit`).
"""

from __future__ import annotations

import re

from flowgen.layout.symbols import FittedText, fit
from flowgen.style.resolve import TextStyle
from flowgen.text import block_height, measure, wrap

MARKER = re.compile(r"^(\d{1,2}|[a-zA-Z])([.)])$")
MARGIN_SHARE = 0.4  # a list's margin never takes more than this share of the cell: narrower, set as plain text
SLACK = 0.5  # points kept free at a line's end for the kerning after a marker

Item = tuple[str, str]  # (marker, text)


def _line_items(text: str) -> tuple[list[str], list[Item]]:
    """The lines before the list, and its items, when items start lines ("1. KTP" / "2. KK")."""
    preamble: list[str] = []
    items: list[Item] = []
    for line in text.split("\n"):
        words = line.split()
        if words and MARKER.match(words[0]):
            items.append((words[0], " ".join(words[1:])))
        elif words and items:  # a continuation of the item above
            marker, body = items[-1]
            items[-1] = (marker, f"{body} {' '.join(words)}".strip())
        elif words:
            preamble.append(" ".join(words))
    return preamble, items


def _ordinal(marker: str) -> tuple[int, str] | None:
    """A marker's place in its list (1 for "1." and "a.") and its punctuation."""
    match = MARKER.match(marker)
    if match is None:
        return None
    label, dot = match.groups()
    return (int(label) if label.isdigit() else ord(label.lower()) - ord("a") + 1), dot


def _inline_items(text: str) -> list[Item]:
    """The items of a list typed on one line ("1. KTP 2. KK 3. Pas foto"): markers in order, from the start."""
    words = text.split()
    first = _ordinal(words[0]) if words else None
    if first is None or first[0] != 1:
        return []
    numeric, dot = words[0][0].isdigit(), first[1]
    items: list[Item] = []
    for word in words:
        place = _ordinal(word)
        wanted = len(items) + 1
        if place == (wanted, dot) and word[0].isdigit() == numeric:
            items.append((word, ""))
        else:
            marker, body = items[-1]
            items[-1] = (marker, f"{body} {word}".strip())
    return items


def list_items(text: str) -> tuple[list[str], list[Item]] | None:
    """(lines before the list, items) when ``text`` is a list of at least two items; None otherwise."""
    preamble, items = _line_items(text)
    if len(items) >= 2:
        return preamble, items
    inline = _inline_items(" ".join(text.split()))
    return ([], inline) if len(inline) >= 2 else None


def fit_cell(text: str, style: TextStyle, width: float) -> FittedText:
    """A cell's text fitted to ``width``: a list with a hanging indent (offsets in ``indents``), else as before."""
    shown = style.transform(text)
    found = list_items(shown)
    if found is None:
        return fit(text, style, width)
    preamble, items = found
    face, size, width = style.face, style.size, max(width, style.size)
    mark = max(measure(face, size, marker) for marker, _ in items)
    indent = mark + measure(face, size, " ")
    if indent > width * MARGIN_SHARE:
        return fit(text, style, width)
    lines: list[str] = []
    indents: list[float] = []
    for line in preamble:
        body = wrap(line, face, size, width)
        lines += body
        indents += [0.0] * len(body)
    for marker, item in items:
        body = wrap(item, face, size, width - indent - SLACK) or [""]
        lines.append(f"{marker} {body[0]}".rstrip())
        indents.append(mark - measure(face, size, marker))
        lines += body[1:]
        indents += [indent] * (len(body) - 1)
    widest = max(x + measure(face, size, line) for x, line in zip(indents, lines))
    height = block_height(len(lines), size, style.line_height)
    return FittedText(tuple(lines), widest, height, " ".join(shown.split()), tuple(indents))
