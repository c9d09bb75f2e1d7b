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


# The largest length any property takes (a metre): beyond it a sheet is a mistake or an attack
# (``min-height: 1e9pt`` asked for a 23 GB picture).  Properties narrow this further in the schema.
LENGTH_MAX = 2835.0


def _pt(value: float) -> str:
    return f"{value:g}pt"


def parse_length(tokens: Sequence[css.Node]) -> float:
    return _length(_single(tokens, "a length such as 12pt or 4mm"))


def length_in(high: float, low: float = 0.0) -> Callable[[Sequence[css.Node]], float]:
    """A parser of one length between ``low`` and ``high`` points."""

    def parse(tokens: Sequence[css.Node]) -> float:
        token = _single(tokens, "a length such as 12pt or 4mm")
        return _length(token, high, low)

    return parse


def _length(token: css.Node, high: float = LENGTH_MAX, low: float = 0.0) -> float:
    expected = "a length such as 12pt or 4mm"
    if token.type == "dimension":
        unit = token.lower_unit
        if unit not in PT_PER_UNIT:
            raise ValueProblem(f"{expected} (units: pt, px, mm, cm, in)", token)
        if token.value < 0:
            raise ValueProblem(f"{expected}, not negative", token)
        value = float(token.value) * PT_PER_UNIT[unit]
    elif token.type == "number" and token.value == 0:
        value = 0.0
    else:
        raise ValueProblem(expected, token)
    if not low <= value <= high:  # also refuses inf and nan
        raise ValueProblem(f"a length from {_pt(low)} to {_pt(high)}", token)
    return value


@dataclass(frozen=True)
class Em:
    """A font size relative to the parent's (``0.9em``), made absolute by the cascade."""

    value: float


FONT_SIZE_MIN = 1.0  # points, after em sizes are made absolute
FONT_SIZE_MAX = 200.0
EM_MAX = 20.0


def parse_font_size(tokens: Sequence[css.Node]) -> float | Em:
    token = _single(tokens, "a size such as 9pt or 1.2em")
    expected = f"a size from {_pt(FONT_SIZE_MIN)} to {_pt(FONT_SIZE_MAX)}, or from 0.05em to {EM_MAX:g}em"
    if token.type == "dimension" and token.lower_unit == "em":
        if not 0.05 <= token.value <= EM_MAX:
            raise ValueProblem(expected, token)
        return Em(float(token.value))
    if token.type == "number" and token.value == 0:
        raise ValueProblem(expected, token)
    try:
        size = _length(token, FONT_SIZE_MAX)
    except ValueProblem:
        raise ValueProblem(expected, token) from None
    if size < FONT_SIZE_MIN:
        raise ValueProblem(expected, token)
    return size


def parse_lengths(
    tokens: Sequence[css.Node], low: int = 1, high: int = 4, longest: float = LENGTH_MAX, shortest: float = 0.0
) -> tuple[float, ...]:
    items = significant(tokens)
    if not low <= len(items) <= high:
        raise ValueProblem(f"{low} to {high} lengths", items[high] if len(items) > high else None)
    return tuple(_length(t, longest, shortest) for t in items)


BOX_MAX = 200.0  # paddings and margins


def parse_box(tokens: Sequence[css.Node]) -> tuple[float, float, float, float]:
    """CSS shorthand for four sides: 1 to 4 lengths, top right bottom left."""
    values = parse_lengths(tokens, 1, 4, BOX_MAX)
    if len(values) == 1:
        return (values[0],) * 4
    if len(values) == 2:
        return (values[0], values[1], values[0], values[1])
    if len(values) == 3:
        return (values[0], values[1], values[2], values[1])
    return (values[0], values[1], values[2], values[3])


def parse_number(tokens: Sequence[css.Node]) -> float:
    return number_in(0.0, 100.0)(tokens)


def number_in(low: float, high: float) -> Callable[[Sequence[css.Node]], float]:
    """A parser of one plain number between ``low`` and ``high``."""

    def parse(tokens: Sequence[css.Node]) -> float:
        token = _single(tokens, "a number")
        if token.type != "number":
            raise ValueProblem("a number", token)
        if not low <= token.value <= high:
            raise ValueProblem(f"a number from {low:g} to {high:g}", token)
        return float(token.value)

    return parse


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


DASH_MAX = 200.0  # one dash or gap
DASH_COUNT = 8
DASH_SHORTEST = 0.1  # the whole pattern: shorter would have a painter draw millions of dashes


def parse_dash(tokens: Sequence[css.Node]) -> tuple[float, ...]:
    items = significant(tokens)
    if len(items) == 1 and items[0].type == "ident" and items[0].lower_value == "none":
        return ()
    flat = [t for group in _groups(tokens) for t in group]
    expected = f"none, or 1 to {DASH_COUNT} lengths up to {_pt(DASH_MAX)} that add up to at least {_pt(DASH_SHORTEST)}"
    if not 1 <= len(flat) <= DASH_COUNT:
        raise ValueProblem(expected, flat[DASH_COUNT] if len(flat) > DASH_COUNT else None)
    dashes = tuple(_length(t, DASH_MAX) for t in flat)
    if sum(dashes) < DASH_SHORTEST:
        raise ValueProblem(expected, flat[0])
    return dashes


PAGE_MIN = 72.0  # an inch: smaller leaves no room for a margin and a row
PAGE_MAX = 2835.0  # a metre (A0 is 2384pt tall)


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
        sizes = parse_lengths(items, 2, 2, PAGE_MAX, PAGE_MIN)
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


def template(placeholders: Sequence[str]) -> Callable[[Sequence[css.Node]], str]:
    """A printed label with ``{name}`` placeholders: only the given names, no format specs.

    The label is data, not a format string: ``{page.__class__}`` or ``{page:>300000000}``
    would otherwise reach Python's ``str.format``.  ``{{`` and ``}}`` stand for braces.
    """
    allowed = ", ".join("{" + p + "}" for p in placeholders) or "no placeholders"
    expected = f"a quoted text with only {allowed} (write {{{{ and }}}} for braces)"

    def parse(tokens: Sequence[css.Node]) -> str:
        text = parse_string(tokens)
        token = significant(tokens)[0]
        for name in _fields(text, expected, token):
            if name not in placeholders:
                raise ValueProblem(expected, token)
        return text

    return parse


def _fields(text: str, expected: str, token: css.Node) -> list[str]:
    """The placeholder names of a label, scanned once (linear, no regular expression)."""
    names: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in "{}" and text[i + 1 : i + 2] == char:
            i += 2
            continue
        if char == "}":
            raise ValueProblem(expected, token)
        if char == "{":
            end = text.find("}", i + 1)
            name = text[i + 1 : end] if end > 0 else ""
            if end < 0 or not name.isidentifier() or not name.isascii():
                raise ValueProblem(expected, token)
            names.append(name)
            i = end + 1
            continue
        i += 1
    return names


def parse_language(tokens: Sequence[css.Node]) -> str:
    """A language tag such as ``"id"`` or ``"en-GB"`` (written into SVG and PDF)."""
    expected = 'a language tag such as "id" or "en"'
    token = _single(tokens, expected)
    text = str(token.value) if token.type in ("string", "ident") else ""
    parts = text.split("-")
    if not (
        0 < len(text) <= 35
        and text.isascii()
        and 2 <= len(parts[0]) <= 8
        and all(p.isalnum() and 1 <= len(p) <= 8 for p in parts)
    ):
        raise ValueProblem(expected, token)
    return text


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
    "language": parse_language,
}
