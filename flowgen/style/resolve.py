"""The cascade: from checked rules to concrete values for every element a renderer draws.

:class:`ResolvedStyle` answers "what is the fill of a decision step" or "which
font file does the lane header use" with concrete values: colours as
``#rrggbb``, lengths in points, fonts as files.  Renderers receive it as
data and never look up a default or hard-code a look themselves.

The cascade is CSS's: among the declarations whose selector matches, an
``!important`` one beats a normal one, then higher specificity wins, then the
later one.  Typography inherits from the parent element (a decision's step
number inherits the decision's font).  What no rule sets comes from the
schema's defaults, which are the plain Permenpan look.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tinycss2

from flowgen.errors import Span, StyleError, error
from flowgen.style.schema import ELEMENTS, PROPERTIES
from flowgen.style.sheet import Declaration, Sheet
from flowgen.style.values import Em, PageSize
from flowgen.text import FontFace, FontNotFound, FontResolver


@dataclass(frozen=True)
class TextStyle:
    """How a piece of text is drawn."""

    face: FontFace
    size: float
    color: str
    line_height: float
    align: str  # left | center | right
    uppercase: bool

    def transform(self, text: str) -> str:
        return text.upper() if self.uppercase else text


@dataclass(frozen=True)
class BoxStyle:
    """How a shape is outlined and filled."""

    fill: str | None
    stroke: str | None
    stroke_width: float
    dash: tuple[float, ...]
    radius: float
    padding: tuple[float, float, float, float]  # top right bottom left


@dataclass(frozen=True)
class Labels:
    """Every word flowgen prints by itself, in the document's language."""

    words: dict[str, str]
    months: tuple[str, ...]
    unit_words: dict[str, tuple[str, ...]]  # unit → (singular[, plural])

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def units(self) -> dict[str, tuple[str, ...]]:
        return {
            "minute": self.unit_words["unit-minute"],
            "hour": self.unit_words["unit-hour"],
            "day": self.unit_words["unit-day"],
            "work_day": self.unit_words["unit-work-day"],
            "second": self.unit_words["unit-second"],
        }


INHERITED = frozenset(name for name, prop in PROPERTIES.items() if prop.inherited)


@functools.lru_cache(maxsize=512)
def _default_value(element: str, prop: str, cls: str | None = None) -> Any:
    spec = ELEMENTS[element]
    text = spec.class_defaults[cls][prop] if cls is not None else spec.defaults[prop]
    tokens = tinycss2.parse_component_value_list(text)
    return PROPERTIES[prop].parse(tokens)


def _defaults(element: str, classes: frozenset[str]) -> dict[str, Any]:
    """The schema's defaults for an element with classes (class defaults win, in schema order)."""
    spec = ELEMENTS[element]
    values = {prop: _default_value(element, prop) for prop in spec.defaults}
    for cls in spec.classes:
        if cls in classes:
            for prop in spec.class_defaults.get(cls, {}):
                values[prop] = _default_value(element, prop, cls)
    return values


class ResolvedStyle:
    """Concrete values for every element, computed from one sheet (and optional overrides)."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.fonts = FontResolver(sheet.fonts)
        self._cache: dict[tuple[str, frozenset[str], int | None], dict[str, tuple[Any, Span | None]]] = {}
        self._faces: dict[tuple[tuple[str, ...], bool, bool], FontFace] = {}

    @property
    def name(self) -> str:
        return self.sheet.name

    # -- the cascade ------------------------------------------------------------------

    def _computed(self, element: str, classes: frozenset[str], index: int | None) -> dict[str, tuple[Any, Span | None]]:
        key = (element, classes, index)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        spec = ELEMENTS[element]
        winners: dict[str, tuple[tuple[int, tuple[int, int], int], Declaration]] = {}
        for rule in self.sheet.rules:
            for selector in rule.selectors:
                if not selector.matches(element, classes, index):
                    continue
                for decl in rule.declarations:
                    rank = (1 if decl.important else 0, selector.specificity, rule.order)
                    current = winners.get(decl.name)
                    if current is None or rank >= current[0]:
                        winners[decl.name] = (rank, decl)
        result: dict[str, tuple[Any, Span | None]] = {}
        defaults = _defaults(element, classes)
        for prop in spec.allowed:
            if prop in winners:
                decl = winners[prop][1]
                result[prop] = (decl.value, decl.span)
            elif prop in defaults:
                result[prop] = (defaults[prop], None)
        parent: dict[str, tuple[Any, Span | None]] | None = None
        if spec.parent is not None:
            parent_spec = ELEMENTS[spec.parent]
            parent_classes = classes & frozenset(parent_spec.classes)
            parent = self._computed(spec.parent, parent_classes, index if parent_spec.nth_child else None)
        for prop in spec.allowed | INHERITED:  # inherited values pass through elements without text too
            if prop not in result and PROPERTIES[prop].inherited and parent is not None and prop in parent:
                result[prop] = parent[prop]
        size = result.get("font-size")
        if size is not None and isinstance(size[0], Em):
            base = parent["font-size"][0] if parent is not None and "font-size" in parent else 12.0
            result["font-size"] = (size[0].value * base, size[1])
        self._cache[key] = result
        return result

    def value(self, element: str, prop: str, classes: Iterable[str] = (), index: int | None = None) -> Any:
        """The computed value of one property."""
        return self._computed(element, frozenset(classes), index)[prop][0]

    def has(self, element: str, prop: str, classes: Iterable[str] = (), index: int | None = None) -> bool:
        return prop in self._computed(element, frozenset(classes), index)

    # -- the views renderers use ----------------------------------------------------------

    def face(self, element: str, classes: Iterable[str] = (), index: int | None = None) -> FontFace:
        computed = self._computed(element, frozenset(classes), index)
        families, span = computed["font-family"]
        bold = computed["font-weight"][0] == "bold"
        italic = computed["font-style"][0] == "italic"
        key = (tuple(families), bold, italic)
        if key not in self._faces:
            try:
                self._faces[key] = self.fonts.resolve(families, bold, italic)
            except FontNotFound as exc:
                where = span or Span(self.sheet.name, 0, 1, 0)
                raise StyleError([error("style-font-not-found", where, families=", ".join(exc.families))]) from None
        return self._faces[key]

    def text(self, element: str, classes: Iterable[str] = (), index: int | None = None) -> TextStyle:
        cls = frozenset(classes)
        computed = self._computed(element, cls, index)
        align = computed["text-align"][0] if "text-align" in computed else "center"
        upper = computed["text-transform"][0] == "uppercase" if "text-transform" in computed else False
        return TextStyle(
            face=self.face(element, cls, index),
            size=computed["font-size"][0],
            color=computed["color"][0] or "#000000",
            line_height=computed["line-height"][0],
            align=align,
            uppercase=upper,
        )

    def box(self, element: str, classes: Iterable[str] = (), index: int | None = None) -> BoxStyle:
        computed = self._computed(element, frozenset(classes), index)

        def get(prop: str, default: Any) -> Any:
            return computed[prop][0] if prop in computed else default

        return BoxStyle(
            fill=get("fill", None),
            stroke=get("stroke", None),
            stroke_width=get("stroke-width", 0.0),
            dash=get("stroke-dasharray", ()),
            radius=get("corner-radius", 0.0),
            padding=get("padding", (0.0, 0.0, 0.0, 0.0)),
        )

    def shown(self, element: str, classes: Iterable[str] = ()) -> bool:
        return bool(self.value(element, "display", classes) == "block")

    @functools.cached_property
    def labels(self) -> Labels:
        computed = self._computed("labels", frozenset(), None)
        words = {k: v for k, (v, _) in computed.items() if isinstance(v, str)}
        units = {k: v for k, (v, _) in computed.items() if k.startswith("unit-")}
        for key, value in units.items():
            if len(value) > 2:
                span = computed[key][1] or Span(self.sheet.name, 0, 1, 0)
                raise StyleError(
                    [
                        error(
                            "style-bad-value",
                            span,
                            prop=key,
                            expected="one word, or singular and plural",
                            got=" ".join(f'"{w}"' for w in value),
                        )
                    ]
                )
        months = computed["months"][0]
        if len(months) != 12:
            span = computed["months"][1] or Span(self.sheet.name, 0, 1, 0)
            raise StyleError(
                [
                    error(
                        "style-bad-value",
                        span,
                        prop="months",
                        expected="twelve month names",
                        got=" ".join(f'"{m}"' for m in months),
                    )
                ]
            )
        return Labels(words, tuple(months), units)

    @functools.cached_property
    def page(self) -> tuple[PageSize, tuple[float, float, float, float]]:
        return self.value("@page", "size"), self.value("@page", "margin")

    @functools.cached_property
    def logo(self) -> tuple[Path | None, float, float]:
        return self.value("logo", "src"), self.value("logo", "width"), self.value("logo", "height")

    def check_all(self) -> None:
        """Resolve every element once, so a sheet's problems (fonts, labels) surface before drawing."""
        for element, spec in ELEMENTS.items():
            if spec.text:
                self.text(element)
                for cls in spec.classes:
                    self.text(element, (cls,))
        _ = self.labels
