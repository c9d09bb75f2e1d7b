"""Typed values of style properties, read from tinycss2 tokens.

Each property of the schema names one of the kinds below; the reader turns
the declaration's tokens into a plain Python value (points for lengths,
``#rrggbb`` for colours) or says what it expected.  Nothing here knows about
elements or the cascade.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tinycss2 import ast as css
from tinycss2 import color3

PT_PER_UNIT = {"pt": 1.0, "px": 0.75, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pc": 12.0}

PAPER = {  # portrait width, height in mm
    "a4": (210.0, 297.0),
    "a3": (297.0, 420.0),
    "a5": (148.0, 210.0),
    "f4": (215.0, 330.0),
    "folio": (215.0, 330.0),
    "letter": (215.9, 279.4),
    "legal": (215.9, 355.6),
}


class ValueProblem(ValueError):
    """A declaration's value does not fit its property; ``expected`` names what would."""

    def __init__(self, expected: str, token: css.Node | None = None):
        super().__init__(expected)
        self.expected = expected
        self.token = token


def significant(tokens: Sequence[css.Node]) -> list[css.Node]:
    return [t for t in tokens if t.type not in ("whitespace", "comment")]


def _groups(tokens: Sequence[css.Node]) -> list[list[css.Node]]:
    """Tokens split at commas."""
    groups: list[list[css.Node]] = [[]]
    for t in tokens:
        if t.type == "literal" and t.value == ",":
            groups.append([])
        elif t.type not in ("whitespace", "comment"):
            groups[-1].append(t)
    return groups


def _single(tokens: Sequence[css.Node], expected: str) -> css.Node:
    items = significant(tokens)
    if len(items) != 1:
        raise ValueProblem(expected, items[1] if len(items) > 1 else None)
    return items[0]


def parse_length(tokens: Sequence[css.Node]) -> float:
    return _length(_single(tokens, "a length such as 12pt or 4mm"))


def _length(token: css.Node) -> float:
    expected = "a length such as 12pt or 4mm"
    if token.type == "dimension":
        unit = token.lower_unit
        if unit not in PT_PER_UNIT:
            raise ValueProblem(f"{expected} (units: pt, px, mm, cm, in)", token)
        if token.value < 0:
            raise ValueProblem(f"{expected}, not negative", token)
        return float(token.value) * PT_PER_UNIT[unit]
    if token.type == "number" and token.value == 0:
        return 0.0
    raise ValueProblem(expected, token)


@dataclass(frozen=True)
class Em:
    """A font size relative to the parent's (``0.9em``), made absolute by the cascade."""

    value: float


def parse_font_size(tokens: Sequence[css.Node]) -> float | Em:
    token = _single(tokens, "a size such as 9pt or 1.2em")
    if token.type == "dimension" and token.lower_unit == "em" and token.value > 0:
        return Em(float(token.value))
    size = _length(token)
    if size <= 0:
        raise ValueProblem("a size such as 9pt or 1.2em, more than zero", token)
    return size


def parse_lengths(tokens: Sequence[css.Node], low: int = 1, high: int = 4) -> tuple[float, ...]:
    items = significant(tokens)
    if not low <= len(items) <= high:
        raise ValueProblem(f"{low} to {high} lengths", items[high] if len(items) > high else None)
    return tuple(_length(t) for t in items)


def parse_box(tokens: Sequence[css.Node]) -> tuple[float, float, float, float]:
    """CSS shorthand for four sides: 1 to 4 lengths, top right bottom left."""
    values = parse_lengths(tokens, 1, 4)
    if len(values) == 1:
        return (values[0],) * 4
    if len(values) == 2:
        return (values[0], values[1], values[0], values[1])
    if len(values) == 3:
        return (values[0], values[1], values[2], values[1])
    return (values[0], values[1], values[2], values[3])


def parse_number(tokens: Sequence[css.Node]) -> float:
    token = _single(tokens, "a number")
    if token.type != "number" or token.value < 0:
        raise ValueProblem("a number", token)
    return float(token.value)


def parse_color(tokens: Sequence[css.Node]) -> str | None:
    """``#rrggbb`` (or None for ``none``/``transparent``)."""
    items = significant(tokens)
    expected = "a colour such as #1f4e79, navy or rgb(31, 78, 121), or none"
    if len(items) != 1:
        raise ValueProblem(expected, items[1] if len(items) > 1 else None)
    token = items[0]
    if token.type == "ident" and token.lower_value in ("none", "transparent"):
        return None
    rgba = color3.parse_color(token)
    if rgba is None or isinstance(rgba, str):
        raise ValueProblem(expected, token)
    if rgba.alpha < 1:
        raise ValueProblem("an opaque colour (transparency is not supported; use none)", token)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (rgba.red, rgba.green, rgba.blue)))


def parse_string(tokens: Sequence[css.Node]) -> str:
    token = _single(tokens, 'a quoted text such as "Ya"')
    if token.type != "string":
        raise ValueProblem('a quoted text such as "Ya"', token)
    return str(token.value)


def parse_strings(tokens: Sequence[css.Node]) -> tuple[str, ...]:
    items = [t for group in _groups(tokens) for t in group]
    if not items or any(t.type != "string" for t in items):
        bad = next((t for t in items if t.type != "string"), None)
        raise ValueProblem('quoted texts such as "Januari" "Februari"', bad)
    return tuple(str(t.value) for t in items)


def keyword(choices: Sequence[str]) -> Callable[[Sequence[css.Node]], str]:
    def parse(tokens: Sequence[css.Node]) -> str:
        token = _single(tokens, "one of " + ", ".join(choices))
        if token.type != "ident" or token.lower_value not in choices:
            raise ValueProblem("one of " + ", ".join(choices), token)
        return str(token.lower_value)

    return parse


def keywords(choices: Sequence[str], distinct: bool = True) -> Callable[[Sequence[css.Node]], tuple[str, ...]]:
    def parse(tokens: Sequence[css.Node]) -> tuple[str, ...]:
        items = significant(tokens)
        expected = "some of " + ", ".join(choices) + " separated by spaces"
        if not items:
            raise ValueProblem(expected)
        values: list[str] = []
        for token in items:
            if token.type != "ident" or token.lower_value not in choices:
                raise ValueProblem(expected, token)
            if distinct and token.lower_value in values:
                raise ValueProblem(expected + ", each once", token)
            values.append(str(token.lower_value))
        return tuple(values)

    return parse


def parse_boolean(tokens: Sequence[css.Node]) -> bool:
    token = _single(tokens, "true or false")
    if token.type == "ident" and token.lower_value in ("true", "yes", "on"):
        return True
    if token.type == "ident" and token.lower_value in ("false", "no", "off"):
        return False
    raise ValueProblem("true or false", token)


def parse_families(tokens: Sequence[css.Node]) -> tuple[str, ...]:
    """A font-family list: names quoted or as words, separated by commas."""
    families: list[str] = []
    for group in _groups(tokens):
        if not group:
            raise ValueProblem('font names separated by commas, such as Arial, "Liberation Sans", sans-serif')
        if len(group) == 1 and group[0].type == "string":
            families.append(str(group[0].value))
        elif all(t.type == "ident" for t in group):
            families.append(" ".join(str(t.value) for t in group))
        else:
            bad = next(t for t in group if t.type not in ("ident", "string"))
            raise ValueProblem('font names separated by commas, such as Arial, "Liberation Sans", sans-serif', bad)
    return tuple(families)


def parse_weight(tokens: Sequence[css.Node]) -> str:
    token = _single(tokens, "normal or bold")
    if token.type == "ident" and token.lower_value in ("normal", "bold", "bolder", "lighter"):
        return "bold" if token.lower_value in ("bold", "bolder") else "normal"
    if token.type == "number" and token.int_value is not None and 100 <= token.int_value <= 900:
        return "bold" if token.int_value >= 600 else "normal"
    raise ValueProblem("normal or bold (or a number from 100 to 900)", token)


@dataclass(frozen=True)
class UrlValue:
    """A ``url()`` as written, with where it was written (checked later against the sheet's folder)."""

    text: str


def parse_url(tokens: Sequence[css.Node]) -> UrlValue | None:
    token = _single(tokens, 'url("file.png") or none')
    if token.type == "ident" and token.lower_value == "none":
        return None
    if token.type == "url":
        return UrlValue(str(token.value))
    if token.type == "function" and token.lower_name == "url":
        args = significant(token.arguments)
        if len(args) == 1 and args[0].type == "string":
            return UrlValue(str(args[0].value))
    raise ValueProblem('url("file.png") or none', token)


def parse_dash(tokens: Sequence[css.Node]) -> tuple[float, ...]:
    items = significant(tokens)
    if len(items) == 1 and items[0].type == "ident" and items[0].lower_value == "none":
        return ()
    return tuple(_length(t) for group in _groups(tokens) for t in group)


@dataclass(frozen=True)
class PageSize:
    width: float  # points, after orientation
    height: float
    name: str  # as written, for messages


def parse_page_size(tokens: Sequence[css.Node]) -> PageSize:
    """``A4 landscape``, ``F4``, ``folio portrait`` or two lengths (width height)."""
    items = significant(tokens)
    expected = "a paper size (A4, F4, folio, Letter, Legal) with landscape or portrait, or two lengths"
    if not items:
        raise ValueProblem(expected)
    if all(t.type in ("dimension", "number") for t in items):
        sizes = parse_lengths(items, 2, 2)
        return PageSize(sizes[0], sizes[1], " ".join(t.serialize() for t in items))
    paper, orientation = None, "landscape"
    for token in items:
        if token.type == "ident" and token.lower_value in PAPER:
            paper = token.lower_value
        elif token.type == "ident" and token.lower_value in ("landscape", "portrait"):
            orientation = token.lower_value
        else:
            raise ValueProblem(expected, token)
    if paper is None:
        raise ValueProblem(expected, items[0])
    w, h = (v * PT_PER_UNIT["mm"] for v in PAPER[paper])
    if orientation == "landscape":
        w, h = h, w
    return PageSize(w, h, " ".join(t.serialize() for t in items))


PARSERS: dict[str, Callable[[Sequence[css.Node]], Any]] = {
    "length": parse_length,
    "font-size": parse_font_size,
    "box": parse_box,
    "number": parse_number,
    "color": parse_color,
    "string": parse_string,
    "strings": parse_strings,
    "boolean": parse_boolean,
    "families": parse_families,
    "weight": parse_weight,
    "url": parse_url,
    "dash": parse_dash,
    "page-size": parse_page_size,
}
