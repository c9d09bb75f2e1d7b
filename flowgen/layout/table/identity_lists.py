"""The six boxes of the identity sheet: numbered lists with hanging indents.

Real sheets number each box's items with hanging indents, keep a writer's
own numbers ("1. Jika ...") and print an empty box as "-".  Columns are
:mod:`flowgen.layout.table.identity_columns`'s; the boxes sheet by sheet
:mod:`flowgen.layout.table.identity_pages`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flowgen.style.resolve import TextStyle
from flowgen.text import block_height, clean, measure, wrap

BOXES = (
    ("dasar-hukum", "legal_basis", "kualifikasi", "qualifications"),
    ("keterkaitan", "related", "peralatan", "equipment"),
    ("peringatan", "warnings", "pencatatan", "records"),
)


@dataclass(frozen=True)
class IdentityLines:
    """Lines of text with their own x offsets (for hanging indents) and a style."""

    lines: tuple[tuple[float, str], ...]  # (indent from the left edge, text)
    style: TextStyle
    width: float
    gap_after: float = 0.0
    source: str = ""  # the text unwrapped: the <title> of its cell
    second: IdentityLines | None = None  # a long list's next column (with its own next), beside this one
    second_x: float = 0.0  # where the next column starts (from this column's left edge)
    items: int = 0  # how many items of its box these lines hold (the first column's, when there is a second)

    @property
    def height(self) -> float:
        return block_height(self.count, self.style.size, self.style.line_height)

    @property
    def count(self) -> int:
        """Lines of the tallest column."""
        return max(len(self.lines), self.second.count if self.second else 0)


_OWN_MARK = re.compile(r"^\s*((?:\d{1,3}|[a-zA-Z])[.)])\s+")  # "1. ", "2) ", "a. ": an item numbered by its writer


def is_empty(items: tuple[str, ...], empty: str) -> bool:
    """No item, or only the writer's own "-" (an empty box is printed empty, never "1. -")."""
    return all(clean(item).strip() in ("", "-", "–", empty) for item in items)


def _lines_kept(text: str) -> str:
    """Spaces evened out, the writer's line breaks (continuation lines) kept for :func:`wrap`."""
    return "\n".join(" ".join(line.split()) for line in clean(text).split("\n") if line.strip())


def own_numbers(items: tuple[str, ...]) -> bool:
    """Some item carries its writer's own number ("1. Jika ..."): the box is printed with the marks as written."""
    return any(_OWN_MARK.match(_lines_kept(item)) for item in items)


def marked(items: tuple[str, ...], start: int = 1) -> list[tuple[str, str]]:
    """Each item's mark ("3. ", or the writer's own "a) ") and its text (line breaks kept), as the sheet prints them."""
    out: list[tuple[str, str]] = []
    for number, item in enumerate(items, start=start):
        text = _lines_kept(item)
        own = _OWN_MARK.match(text)
        out.append((f"{own.group(1)} " if own else f"{number}. ", text[own.end() :] if own else text))
    return out


def numbered(items: tuple[str, ...], style: TextStyle, width: float, empty: str, start: int = 1) -> IdentityLines:
    """A numbered list; a wrapped item's further lines start under its text, not under its number.

    An item the writer numbered already ("1. Jika ...") keeps its own
    number and is not numbered again.
    """
    if is_empty(items, empty):
        return IdentityLines(((0.0, empty),), style, width)
    lines: list[tuple[float, str]] = []
    sources: list[str] = []
    for mark, body in marked(items, start):
        indent = measure(style.face, style.size, mark)
        wrapped = wrap(body, style.face, style.size, max(width - indent, style.size * 4)) or [""]
        lines.append((0.0, mark + wrapped[0]))
        lines += [(indent, line) for line in wrapped[1:]]
        sources.append(mark + body)
    return IdentityLines(tuple(lines), style, width, source="\n".join(sources), items=len(items))


MIN_REST = 3  # a box cut between sheets carries at least this many items over (no lone last item)
