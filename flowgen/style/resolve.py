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
from pathlib import Path
from typing import Any

import tinycss2

from flowgen.errors import Span, StyleError, error
from flowgen.style.records import (
    Box4,
    BoxStyle,
    CellStyle,
    DetailStyle,
    DocumentStyle,
    EdgeStyle,
    FlowchartStyle,
    FooterStyle,
    IdentityStyle,
    Labels,
    LaneHeaderStyle,
    LaneStyle,
    LogoStyle,
    PaperStyle,
    StepNumberStyle,
    StepStyle,
    SymbolStyle,
    TableStyle,
    TextBox,
    TextStyle,
    TitleStyle,
)
from flowgen.style.schema import ELEMENTS, PROPERTIES
from flowgen.style.sheet import Declaration, Sheet
from flowgen.style.values import FONT_SIZE_MAX, FONT_SIZE_MIN, Em, PageSize
from flowgen.text import FontFace, FontNotFound, FontResolver

__all__ = ["BoxStyle", "Labels", "ResolvedStyle", "TextStyle"]

Classes = Iterable[str]


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
        self._lanes: dict[int, LaneStyle] = {}
        self._steps: dict[frozenset[str], StepStyle] = {}

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
            self._check_size(result["font-size"])
        self._cache[key] = result
        return result

    def _check_size(self, size: tuple[float, Span | None]) -> None:
        """An em size made absolute must still be a sane size (1.5em of 1.5em of ... grows fast)."""
        if not FONT_SIZE_MIN <= size[0] <= FONT_SIZE_MAX:
            where = size[1] or Span(self.sheet.name, 0, 1, 0)
            expected = f"a size from {FONT_SIZE_MIN:g}pt to {FONT_SIZE_MAX:g}pt once em sizes are multiplied out"
            raise StyleError(
                [error("style-bad-value", where, prop="font-size", expected=expected, got=f"{size[0]:g}pt")]
            )

    def value(self, element: str, prop: str, classes: Iterable[str] = (), index: int | None = None) -> Any:
        """The computed value of one property, untyped: the old way, kept until every caller reads records.

        Prefer the typed records (``style.flowchart.rank_gap``, ``style.step(classes).width``).
        """
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

    # -- typed records (the new way: attributes, not property names) ------------------------

    def _raw(self, element: str, prop: str, classes: Classes = (), index: int | None = None) -> tuple[Any, Span | None]:
        return self._computed(element, frozenset(classes), index)[prop]

    def _length(
        self, element: str, prop: str, classes: Classes = (), index: int | None = None, low: float = 0
    ) -> float:
        """A length, at least ``low`` points for this element (``width: 0`` of a step divides by zero)."""
        value, span = self._raw(element, prop, classes, index)
        if value < low:
            where = span or Span(self.sheet.name, 0, 1, 0)
            expected = f"a length of at least {low:g}pt for {element}"
            raise StyleError([error("style-bad-value", where, prop=prop, expected=expected, got=f"{value:g}pt")])
        return float(value)

    def _number(self, element: str, prop: str) -> float:
        return float(self._raw(element, prop)[0])

    def _word(self, element: str, prop: str) -> str:
        return str(self._raw(element, prop)[0])

    def _box4(self, element: str, prop: str) -> Box4:
        top, right, bottom, left = self._raw(element, prop)[0]
        return (float(top), float(right), float(bottom), float(left))

    def _pair(self, element: str, classes: Classes = (), index: int | None = None) -> TextBox:
        return TextBox(self.text(element, classes, index), self.box(element, classes, index))

    @functools.cached_property
    def paper(self) -> PaperStyle:
        """``@page``: size, margin and the background of the identity and table pages."""
        fill = self._raw("@page", "fill")[0]
        return PaperStyle(self._raw("@page", "size")[0], self._box4("@page", "margin"), fill)

    @functools.cached_property
    def document(self) -> DocumentStyle:
        return DocumentStyle(self._word("labels", "language"), self._word("labels", "subject"))

    @functools.cached_property
    def logo_image(self) -> LogoStyle:
        src = self._raw("logo", "src")[0]
        width, height = self._length("logo", "width", low=1), self._length("logo", "height", low=1)
        return LogoStyle(src, width, height, self._length("logo", "gap"))

    @functools.cached_property
    def flowchart(self) -> FlowchartStyle:
        f = "flowchart"
        return FlowchartStyle(
            direction=self._word(f, "direction"),
            edge_style=self._word(f, "edge-style"),
            rank_gap=self._length(f, "rank-gap"),
            node_gap=self._length(f, "node-gap"),
            lane_padding=self._length(f, "lane-padding"),
            track_gap=self._length(f, "track-gap"),
            margin=self._box4(f, "margin"),
            fill=self._raw(f, "fill")[0],
            text=self.text(f),
        )

    @functools.cached_property
    def title(self) -> TitleStyle:
        return TitleStyle(self.shown("title"), self.text("title"), self.box("title"))

    def lane(self, index: int) -> LaneStyle:
        """The lane at ``index`` (0-based, as ``Actor.index``) and its header."""
        found = self._lanes.get(index)
        if found is None:
            header = LaneHeaderStyle(
                self.text("lane-header", (), index),
                self.box("lane-header", (), index),
                self._length("lane-header", "width", (), index, low=10),
                self._length("lane-header", "min-height", (), index),
            )
            found = LaneStyle(self.box("lane", (), index), self._length("lane", "min-width", (), index), header)
            self._lanes[index] = found
        return found

    def step(self, classes: Classes = ()) -> StepStyle:
        """A flowchart symbol of the given classes (``step_classes(step)``)."""
        key = frozenset(classes)
        found = self._steps.get(key)
        if found is None:
            width = self._length("step", "width", key, low=10)
            found = StepStyle(
                self.text("step", key),
                self.box("step", key),
                width,
                max(width, self._length("step", "max-width", key)),
                self._length("step", "min-height", key),
                StepNumberStyle(
                    self.shown("step-number", key), self.text("step-number", key), self.box("step-number", key)
                ),
                DetailStyle(self.shown("mutu-baku", key), self.text("mutu-baku", key)),
            )
            self._steps[key] = found
        return found

    def edge(self, classes: Classes = ()) -> EdgeStyle:
        """A flowchart arrow of the given classes (branch, yes, no, loop)."""
        key = frozenset(classes)
        line = self.box("edge", key)
        return EdgeStyle(
            line, line.stroke_width, self._length("edge", "arrow-size", key), self._pair("edge-label", key)
        )

    def table_edge(self, classes: Classes = ()) -> EdgeStyle:
        """A table arrow: the edge's look, its head and width scaled by the table's scales."""
        edge, table = self.edge(classes), self.table
        return EdgeStyle(
            edge.line, edge.line.stroke_width * table.edge_stroke_scale, edge.arrow_size * table.arrow_scale, edge.label
        )

    @functools.cached_property
    def table(self) -> TableStyle:
        t = "table"
        return TableStyle(
            stroke=self._raw(t, "stroke")[0],
            stroke_width=self._length(t, "stroke-width"),
            outer_stroke_width=self._length(t, "outer-stroke-width"),
            mutu_baku_order=tuple(self._raw(t, "mutu-baku-order")[0]),
            keterangan=self._word(t, "keterangan"),
            column_numbers=bool(self._raw(t, "column-numbers")[0]),
            total_time=bool(self._raw(t, "total-time")[0]),
            joint_step=self._word(t, "joint-step"),
            row_min_height=self._length(t, "row-min-height"),
            track_gap=self._length(t, "track-gap"),
            arrow_scale=self._number(t, "arrow-scale"),
            edge_stroke_scale=self._number(t, "edge-stroke-scale"),
            text=self.text(t),
        )

    def header(self, classes: Classes = ()) -> TextBox:
        """A header cell of the table (classes: the column's, group, number)."""
        return self._pair("header", classes)

    def cell(self, classes: Classes = ()) -> CellStyle:
        """A body cell of the table (classes: the column's, total)."""
        key = frozenset(classes)
        low = 1.0 if "actor" in key else 0.0
        return CellStyle(
            self.text("cell", key),
            self.box("cell", key),
            self._length("cell", "width", key),
            self._length("cell", "min-width", key, low=low),
        )

    def symbol(self, classes: Classes = ()) -> SymbolStyle:
        """A table symbol of the given classes (``step_classes(step)``)."""
        key = frozenset(classes)
        width, height = self._length("symbol", "width", key, low=4), self._length("symbol", "height", key, low=4)
        return SymbolStyle(self.text("symbol", key), self.box("symbol", key), width, height)

    @functools.cached_property
    def footer(self) -> FooterStyle:
        text, shown = self.text("footer"), self.shown("footer")
        room = text.size * self._number("footer", "room") if shown else 0.0
        return FooterStyle(shown, text, room, text.size * self._number("footer", "baseline"))

    @functools.cached_property
    def identity(self) -> IdentityStyle:
        i = "identity"
        return IdentityStyle(
            signature_height=self._length(i, "signature-height"),
            split=self._number(i, "split"),
            label_share=self._number(i, "label-share"),
            stroke=self._raw(i, "stroke")[0],
            stroke_width=self._length(i, "stroke-width"),
            outer_stroke_width=self._length(i, "outer-stroke-width"),
            padding=self._box4(i, "padding"),
            header=self._pair("identity-header"),
            label=self._pair("identity-label"),
            value=self._pair("identity-value"),
            value_title=self._pair("identity-value", ("title",)),
            title=self._pair("identity-title"),
            box=self._pair("identity-box"),
            box_min_height=self._length("identity-box", "min-height"),
        )

    def check_all(self) -> None:
        """Build every record once, so a sheet's problems (fonts, labels, ranges) surface at load.

        ``flowgen check --style`` and ``build`` both come through here, so they refuse the same sheets.
        """
        for element, spec in ELEMENTS.items():
            if spec.text:
                self.text(element)
                for cls in spec.classes:
                    self.text(element, (cls,))
        _ = (self.labels, self.paper, self.document, self.logo_image, self.flowchart, self.title)
        _ = (self.table, self.footer, self.identity, self.lane(0), self.cell())
        _ = (self.edge(), self.table_edge(), self.header())
        for cls in ELEMENTS["step"].classes:
            self.step((cls,))
            self.symbol((cls,))
        for edge_class in ELEMENTS["edge"].classes:
            self.table_edge((edge_class,))
        for cell_class in ELEMENTS["cell"].classes:
            self.cell((cell_class,))
        for header_class in ELEMENTS["header"].classes:
            self.header((header_class,))
