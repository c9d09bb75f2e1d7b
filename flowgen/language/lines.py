"""The shapes of .pos lines: the patterns, the arrow, and what can be read of a line on its own.

Shared by the parser's two halves (:mod:`flowgen.language.parser` for blocks,
keys and actors, :mod:`flowgen.language.steps` for step lines), and free of
their state, so each rule can be read (and tested) alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flowgen.errors import Diagnostic, Span, warning
from flowgen.language.keywords import ARROW, ENGLISH, ESCAPED_ARROW, SECTION_KEYS, lookup

IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
LABEL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\Z")
KEY_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)[ ]*:")
_NAME = r"[A-Za-z][A-Za-z0-9_-]*"
# "pu+ktu:" — actor keys joined by "+" before a colon
JOINT_HEAD = re.compile(rf"{_NAME}(?:[ ]*\+[ ]*{_NAME})+[ ]*:")
# a step keyword and what follows it: "mulai pu: ...", "selesai pu", "mulai: ..."
KEYWORD_HEAD = re.compile(rf"([A-Za-z]+)(?:[ ]+((?:{_NAME})(?:[ ]*\+[ ]*{_NAME})*))?[ ]*(:|->|\Z)")
# an unclosed label and the step after it: "[catat pu: Mencatat surat"
UNCLOSED_LABEL = re.compile(r"\[[ ]*([A-Za-z0-9_][A-Za-z0-9_-]*)[ ]+(?=\S)")
# a key and its value with no colon between them: "judul Pengelolaan Surat"
WORD_LINE = re.compile(rf"({_NAME})(?:[ ]+(\S.*))?\Z")
# an actor line written without '=': "pu: Name" or "pu Name"
ACTOR_LINE_LOOSE = re.compile(rf"[ ]*({_NAME})(?:[ ]*:[ ]*|[ ]+)(\S.*)")


# spaces a word processor puts in front of a line, read as plain spaces in the indentation
INDENT_SPACES = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# invisible marks pasted with the text, dropped
ZERO_WIDTH = {ord(ch): None for ch in "\u200b\u200c\u200d\u2060\ufeff"}
# a step written with its number from the sheet's No column: "3. pu: ...", "5a) pu: ...", "- pu: ..." (no number)
STEP_NUMBER = re.compile(r"(?:(\d{1,4}[a-z]?)[.)]|(-))[ ]+(?=\S)")


def normalised(lines: tuple[str, ...], source: str) -> tuple[tuple[str, ...], list[Diagnostic]]:
    """Text pasted from Word or a PDF: other spaces in the indentation are spaces, zero-width marks nothing.

    A no-break space in front of a line changes what the line means (its
    depth), so the first one is named in a warning; invisible marks
    elsewhere change nothing a reader can see and are dropped silently.
    """
    out: list[str] = []
    found: list[Diagnostic] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.translate(ZERO_WIDTH)
        lead = len(line) - len(line.lstrip(INDENT_SPACES))
        odd = next((ch for ch in line[:lead] if ch not in " \t"), None)
        if odd is not None:
            column = line.index(odd) + 1
            line = "".join(" " if ch not in " \t" else ch for ch in line[:lead]) + line[lead:]
            if not found:
                char = f"U+{ord(odd):04X} {unicodedata.name(odd, 'SPACE')}"
                found.append(warning("unicode-indent", Span(source, number, column, 1), line, line=number, char=char))
        out.append(line)
    return tuple(out), found


def deeper_below(lines: tuple[str, ...], number: int, indent: int) -> bool:
    """Whether the next line that says something, after line ``number``, is indented deeper than ``indent``."""
    for raw in lines[number:]:
        stripped = raw.strip(" \t")
        if stripped and not stripped.startswith("#"):
            lead = len(raw) - len(raw.lstrip(" \t"))
            return len(raw[:lead].replace("\t", "  ")) > indent
    return False


def shallower_below(lines: tuple[str, ...], number: int, indent: int, floor: int) -> bool:
    """Whether the lines after line ``number`` go on at ``indent`` or deeper, then come back to a depth
    between ``floor`` and ``indent``: the line is a continuation, deeper than the lines that follow it."""
    for raw in lines[number:]:
        stripped = raw.strip(" \t")
        if stripped and not stripped.startswith("#"):
            lead = len(raw) - len(raw.lstrip(" \t"))
            depth = len(raw[:lead].replace("\t", "  "))
            if depth < indent:
                return depth > floor
    return False


def joined(text: str, more: str) -> str:
    """A value that goes on on a new line (or starts there, after ``key:`` with nothing)."""
    return f"{text}\n{more}" if text else more


def without_number(content: str) -> str:
    """A step line without the number it was written with."""
    found = STEP_NUMBER.match(content)
    return content[found.end() :] if found else content


def find_arrow(text: str) -> int:
    """Index of the last ``->`` not written as ``\\->``, or -1."""
    index = text.rfind(ARROW)
    while index > 0 and text[index - 1] == "\\":
        index = text.rfind(ARROW, 0, index - 1)
    return index


def unescape(text: str) -> str:
    return text.replace(ESCAPED_ARROW, ARROW)


# the step details in the order the documentation lists them
DETAIL_ORDER = ["kelengkapan", "waktu", "output", "keterangan", "simbol"]


def is_english(table: dict[str, str], suggestion: str | None) -> bool:
    """Whether the closest known key is an English alias (so the writer is writing English)."""
    return suggestion is not None and lookup(table, suggestion) not in (None, suggestion.lower())


def known_keys(table: dict[str, str], suggestion: str | None) -> list[str]:
    """The keys of a table, to list in a hint: the English ones when the closest key is English."""
    canonical = sorted(set(table.values()))
    if is_english(table, suggestion):
        return sorted({ENGLISH.get(key, key) for key in canonical})
    return canonical


def actor_key(content: str) -> str | None:
    """The key an actor line declares, also when it is written wrongly ('pu: Name', 'pu Name')."""
    if "=" in content:
        key = content.split("=", 1)[0].strip()
        return key if IDENT.match(key) else None
    found = ACTOR_LINE_LOOSE.match(content)
    return found.group(1) if found else None


def is_flow_key(raw: str) -> bool:
    """Whether a line opens the 'alur:' block (also when its colon is missing)."""
    match = WORD_LINE.match(raw) or KEY_LINE.match(raw)
    return match is not None and lookup(SECTION_KEYS, match.group(1)) == "alur"


def declared_actors(lines: tuple[str, ...]) -> list[str]:
    """Actor keys of the 'pelaksana:' blocks, read ahead so that steps can be recognised anywhere."""
    keys: list[str] = []
    inside = False
    for raw in lines:
        stripped = raw.strip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        key: str | None = None
        if raw[:1] in (" ", "\t"):
            key = actor_key(stripped) if inside else None
        elif inside and "=" in stripped and not KEY_LINE.match(stripped):
            key = actor_key(stripped)  # an actor written at the margin
        else:
            match = KEY_LINE.match(stripped)
            inside = match is not None and lookup(SECTION_KEYS, match.group(1)) == "pelaksana"
            if match is not None and inside and "=" in stripped:
                key = actor_key(stripped[match.end() :])
        if key is not None and key not in keys:
            keys.append(key)
    return keys


@dataclass(frozen=True)
class Line:
    """One line of the source, measured once: its number, indentation and content."""

    number: int
    text: str  # the whole line as written (without the newline)
    indent: int  # depth of the indentation (a tab counts as two spaces)
    content: str  # the line without its indentation and trailing spaces
    lead: int  # characters of indentation as written

    @property
    def col(self) -> int:
        """1-based column where the content starts, in characters as written."""
        return self.lead + 1


def skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos
