"""Characters that XML, PDF or a terminal cannot take: found, replaced, or shown escaped.

One leaf module, so that the reader (which replaces them in a .pos file),
the style sheet and configuration readers (which refuse them) and the
diagnostics printer (which must never send a raw escape sequence to a
terminal) agree on what they are.  Every pattern here is a character class:
scanning is linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# C0 controls but tab and line ends, DEL, the C1 controls (a terminal reads U+009B as CSI), lone
# surrogates (no UTF-8 file has them, a caller's string may) and the noncharacters: XML refuses
# most of them ("All strings must be XML compatible"), PDF text and terminals misread the rest.
_NONCHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{_NONCHARACTERS}]")
# what a terminal must not be sent raw: the above, line ends inside a line, and the format
# characters (bidirectional overrides reorder what is shown: U+202E)
_TERMINAL_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def character_name(ch: str) -> str:
    """``U+001B ESCAPE``: how a message names a character it cannot show."""
    code = ord(ch)
    kind = "SURROGATE" if 0xD800 <= code <= 0xDFFF else "NONCHARACTER" if unicodedata.category(ch) == "Cn" else ""
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(code, kind)
    return f"U+{code:04X} {name}" if name else f"U+{code:04X}"


_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
}


def safe_text(text: str) -> str:
    """Text with every character XML, PDF or a terminal cannot take replaced by a space."""
    return UNSAFE.sub(" ", text)


def _escaped(text: str, escape: Callable[[int], str]) -> str:
    """``text`` with each character a terminal would act on written by ``escape`` (tabs and line breaks pass)."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch in " \t\n" or unicodedata.category(ch) not in _TERMINAL_UNSAFE:
            out.append(ch)
        else:
            out.append(escape(ord(ch)))
    return "".join(out)


def _python_escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _json_escape(code: int) -> str:
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a pair of surrogates, as JSON writes a character beyond the first plane
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def for_terminal(text: str) -> str:
    """Text as it may go to a terminal: what it would act on (escapes, bells, overrides) shown as ``\\x1b``.

    Tabs and line breaks pass: a terminal only moves the cursor for them.
    """
    return _escaped(text, _python_escape)


def json_for_terminal(text: str) -> str:
    """JSON text whose strings hold no character a terminal would act on: each written as a ``\\u`` escape.

    ``json.dumps`` escapes C0 controls itself but passes C1 controls, bidi
    overrides and line separators raw when ``ensure_ascii`` is off; the same
    characters :func:`for_terminal` shows are escaped here the JSON way, so
    the output stays valid JSON that reads back to the same strings.
    """
    return _escaped(text, _json_escape)


def unsafe_value(data: object, key: str = "") -> tuple[str, str] | None:
    """The first string in parsed data (TOML, JSON) with a character that cannot be printed: its key, the character."""
    if isinstance(data, str):
        found = UNSAFE.search(data)
        return (key or "(the value)", character_name(found.group())) if found else None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for name, value in items:
        where = f"{key}[{name}]" if isinstance(name, int) else f"{key}.{name}" if key else str(name)
        found_key = unsafe_value(name, where) if isinstance(name, str) else None
        inner = found_key or unsafe_value(value, where)
        if inner is not None:
            return inner
    return None
