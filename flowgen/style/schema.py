"""The closed vocabulary of flowgen style sheets: elements, classes, properties, defaults.

A sheet may only name what is listed here; anything else is an error with a
suggestion.  The defaults below *are* the plain Permenpan look (black on
white, print-ready); ``styles/default.css`` spells out the same values for
designers to read, and a test keeps the two equal.  ``docs/styles.md`` is
generated from these tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tinycss2 import ast as css

from flowgen.style import values as v
from flowgen.style.schema_labels import LABEL_PROPERTIES, LABELS_ID


@dataclass(frozen=True)
class Property:
    name: str
    parse: Callable[[Sequence[css.Node]], Any]
    kind: str  # what a designer writes, for docs and messages
    doc: str
    inherited: bool = False


def _p(name: str, kind: str, doc: str, inherited: bool = False, parse: Any = None) -> Property:
    return Property(name, parse or v.PARSERS[kind], kind, doc, inherited)


def _len(name: str, doc: str, high: float) -> Property:
    """A length property with its sane range (a limit against hostile sheets, see docs/security.md)."""
    return Property(name, v.length_in(high), "length", f"{doc} At most {high:g}pt.")


def _num(low: float, high: float) -> Any:
    return v.number_in(low, high)


ALIGN = ("left", "center", "right")

PROPERTIES: dict[str, Property] = {
    p.name: p
    for p in (
        # typography (inherited, as in CSS)
        _p("font-family", "families", "Typefaces, first installed wins (Arial → Liberation Sans).", True),
        _p("font-size", "font-size", "Size of the text: 9pt, or relative to the parent: 0.9em.", True),
        _p("font-weight", "weight", "normal or bold.", True, v.parse_weight),
        _p("font-style", "keyword", "normal or italic.", True, v.keyword(("normal", "italic"))),
        _p("color", "color", "Colour of the text.", True),
        _p(
            "line-height",
            "number",
            "Distance between lines, as a multiple of the font size (0.5 to 5).",
            True,
            _num(0.5, 5),
        ),
        _p("text-align", "keyword", "left, center or right.", False, v.keyword(ALIGN)),
        _p("text-transform", "keyword", "none or uppercase.", False, v.keyword(("none", "uppercase"))),
        # boxes
        _p("fill", "color", "Background colour of the shape (none: no fill)."),
        _p("stroke", "color", "Colour of the outline (none: no outline)."),
        _len("stroke-width", "Width of the outline.", 20),
        _p("stroke-dasharray", "dash", "Dashes of the outline: none, or lengths such as 4pt 2pt."),
        _len("outer-stroke-width", "Width of the table's outer border.", 20),
        _len("corner-radius", "Rounding of rectangle corners.", 100),
        _p("padding", "box", "Space between the outline and the text (1 to 4 lengths)."),
        _len("width", "Width (of a symbol, a column, a logo).", 1000),
        _len("max-width", "Largest width a symbol may grow to for long text.", 1000),
        _len("min-width", "Smallest width.", 1000),
        _len("height", "Height (of a symbol, a logo).", 1000),
        _len("min-height", "Smallest height.", 1000),
        _p("display", "keyword", "Whether the element is drawn.", False, v.keyword(("block", "none"))),
        _p("src", "url", 'An image file next to the sheet: url("logo.png") (PNG or JPEG).'),
        # flowchart layout
        _p(
            "direction",
            "keyword",
            "TB: lanes as columns, flow downwards; LR: lanes as rows.",
            False,
            v.keyword(("tb", "lr")),
        ),
        _p(
            "edge-style",
            "keyword",
            "orthogonal (right-angled) or curved arrows.",
            False,
            v.keyword(("orthogonal", "curved")),
        ),
        _len("rank-gap", "Space between rows of symbols along the flow.", 200),
        _len("node-gap", "Space between symbols side by side.", 200),
        _len("lane-padding", "Space between a lane's edge and its symbols.", 200),
        _p("margin", "box", "Space around the drawing or the page (1 to 4 lengths)."),
        _len("arrow-size", "Length of an arrow head.", 50),
        _len("track-gap", "Space between arrows running side by side.", 200),
        _len("gap", "Space between the logo and the lines under it.", 200),
        # page and table
        _p("size", "page-size", "Paper: A4, F4, folio, Letter, Legal with landscape/portrait, or two lengths."),
        _p(
            "mutu-baku-order",
            "keywords",
            "Order of the Mutu Baku columns.",
            False,
            v.keywords(("kelengkapan", "waktu", "output")),
        ),
        _p(
            "keterangan",
            "keyword",
            "column: own column; inside: inside Mutu Baku; none: left out.",
            False,
            v.keyword(("column", "inside", "none")),
        ),
        _p("column-numbers", "boolean", "A row of column numbers under the header."),
        _p("total-time", "boolean", "A closing row with the total Waktu of the longest path."),
        _p(
            "joint-step",
            "keyword",
            "tied: one box per actor tied by a line; span: one box across the cells.",
            False,
            v.keyword(("tied", "span")),
        ),
        _len("row-min-height", "Smallest height of a table row.", 500),
        _p(
            "arrow-scale",
            "number",
            "Size of the table's arrow heads as a share of the edge's arrow-size (0.1 to 2).",
            False,
            _num(0.1, 2),
        ),
        _p(
            "edge-stroke-scale",
            "number",
            "Width of the table's arrows as a share of the edge's stroke-width (0.1 to 2).",
            False,
            _num(0.1, 2),
        ),
        _p(
            "room", "number", "Height of the footer band, as a multiple of its font size (0 to 10).", False, _num(0, 10)
        ),
        _p(
            "baseline",
            "number",
            "Distance from the table's bottom to the footer's baseline, as a multiple of its font size (0 to 10).",
            False,
            _num(0, 10),
        ),
        _len("signature-height", "Room left for the signature and stamp under the position.", 500),
        _p(
            "split",
            "number",
            "Where the identity sheet divides into its two halves (a share of the width).",
            False,
            _num(0, 1),
        ),
        _p("label-share", "number", "Share of the right half taken by the field names.", False, _num(0, 1)),
        # labels (flowgen/style/schema_labels.py)
        *(_p(name, kind, doc, parse=parse) for name, kind, doc, parse in LABEL_PROPERTIES),
    )
}

TYPOGRAPHY = ("font-family", "font-size", "font-weight", "font-style", "color", "line-height")


@dataclass(frozen=True)
class Element:
    """A thing a selector can name, with its parent for inheritance and its own defaults."""

    name: str
    parent: str | None
    doc: str
    defaults: dict[str, str]  # property → CSS text
    classes: tuple[str, ...] = ()
    text: bool = False  # may carry typography
    nth_child: bool = False  # accepts :nth-child()
    extra: tuple[str, ...] = field(default=())  # further allowed properties without a default
    class_defaults: dict[str, dict[str, str]] = field(default_factory=dict)  # defaults of element.class

    @property
    def allowed(self) -> frozenset[str]:
        names = set(self.defaults) | set(self.extra)
        if self.text:
            names |= set(TYPOGRAPHY)
        return frozenset(names)


STEP_CLASSES = ("start", "end", "activity", "decision", "connector", "joint")
COLUMN_CLASSES = ("no", "kegiatan", "actor", "kelengkapan", "waktu", "output", "keterangan", "total")


ELEMENTS: dict[str, Element] = {
    e.name: e
    for e in (
        Element(
            ":root",
            None,
            "The whole document: the typeface and text colour everything inherits.",
            {
                "font-family": 'Arial, "Liberation Sans", sans-serif',
                "font-size": "9pt",
                "font-weight": "normal",
                "font-style": "normal",
                "color": "#000000",
                "line-height": "1.2",
            },
            text=True,
        ),
        Element(
            "@page",
            None,
            "The paper of the lampiran (identity sheet and table pages).",
            {"size": "A4 landscape", "margin": "12mm", "fill": "#ffffff"},
        ),
        Element(
            "labels",
            None,
            "Every word flowgen prints by itself; switch these to print the document in another language.",
            LABELS_ID,
        ),
        # -- flowchart -------------------------------------------------------------
        Element(
            "flowchart",
            ":root",
            "The swimlane flowchart as a whole: direction, spacing, background, arrow style.",
            {
                "direction": "TB",
                "edge-style": "orthogonal",
                "rank-gap": "20pt",
                "node-gap": "18pt",
                "lane-padding": "14pt",
                "margin": "10pt",
                "fill": "#ffffff",
                "track-gap": "5pt",
            },
            text=True,
        ),
        Element(
            "title",
            "flowchart",
            "The procedure's title above the flowchart.",
            {
                "display": "block",
                "font-size": "1.35em",
                "font-weight": "bold",
                "text-align": "center",
                "padding": "0pt 0pt 8pt 0pt",
            },
            text=True,
        ),
        Element(
            "lane",
            "flowchart",
            "A swimlane: one per actor (pelaksana); lane:nth-child(odd|even|N) picks some.",
            {"fill": "none", "stroke": "#000000", "stroke-width": "0.75pt", "min-width": "120pt"},
            nth_child=True,
        ),
        Element(
            "lane-header",
            "lane",
            "The box at the head of a lane holding the actor's name (width: its width when lanes are rows).",
            {
                "fill": "none",
                "stroke": "#000000",
                "stroke-width": "0.75pt",
                "font-weight": "bold",
                "padding": "5pt",
                "min-height": "24pt",
                "width": "96pt",
                "text-align": "center",
                "text-transform": "none",
            },
            text=True,
            nth_child=True,
        ),
        Element(
            "step",
            "flowchart",
            "A symbol of the flowchart; classes: start, end, activity, decision, connector, joint.",
            {
                "fill": "#ffffff",
                "stroke": "#000000",
                "stroke-width": "0.9pt",
                "stroke-dasharray": "none",
                "width": "132pt",
                "max-width": "180pt",
                "min-height": "30pt",
                "padding": "5pt 7pt",
                "corner-radius": "0pt",
                "text-align": "center",
            },
            classes=STEP_CLASSES,
            text=True,
        ),
        Element(
            "step-number",
            "step",
            "The step's number, in a small circle at the symbol's corner.",
            {
                "display": "block",
                "font-size": "0.8em",
                "font-weight": "bold",
                "fill": "#ffffff",
                "stroke": "#000000",
                "stroke-width": "0.6pt",
            },
            classes=STEP_CLASSES,
            text=True,
        ),
        Element(
            "mutu-baku",
            "step",
            "Time and output printed under a step (flowgen build --mutu-baku).",
            {"display": "none", "font-size": "0.8em", "color": "#333333", "text-align": "center"},
            classes=STEP_CLASSES,
            text=True,
        ),
        Element(
            "edge",
            "flowchart",
            "An arrow; classes: branch (leaves a decision), yes, no, loop (goes back up the flow).",
            {"stroke": "#000000", "stroke-width": "0.9pt", "stroke-dasharray": "none", "arrow-size": "6pt"},
            classes=("branch", "yes", "no", "loop"),
        ),
        Element(
            "edge-label",
            "edge",
            "The label of a decision's arrow (Ya/Tidak).",
            {"font-size": "0.9em", "fill": "#ffffff", "padding": "1pt 2pt"},
            classes=("branch", "yes", "no", "loop"),
            text=True,
        ),
        # -- lampiran table ---------------------------------------------------------
        Element(
            "table",
            ":root",
            "The flowchart table of the lampiran: lines, column variants, options.",
            {
                "stroke": "#000000",
                "stroke-width": "0.6pt",
                "outer-stroke-width": "1.2pt",
                "mutu-baku-order": "kelengkapan waktu output",
                "keterangan": "column",
                "column-numbers": "false",
                "total-time": "false",
                "joint-step": "tied",
                "row-min-height": "34pt",
                "track-gap": "4pt",
                "arrow-scale": "0.85",
                "edge-stroke-scale": "0.9",
                "font-size": "0.9em",
            },
            text=True,
        ),
        Element(
            "header",
            "table",
            "Header cells; classes as the columns, plus group (Pelaksana, Mutu Baku) and number.",
            {"fill": "none", "font-weight": "bold", "text-align": "center", "padding": "3pt", "text-transform": "none"},
            classes=(*COLUMN_CLASSES, "group", "number"),
            text=True,
        ),
        Element(
            "cell",
            "table",
            "Body cells; classes no, kegiatan, actor, kelengkapan, waktu, output, keterangan, total.",
            {"fill": "none", "text-align": "center", "padding": "3pt", "width": "0pt", "min-width": "0pt"},
            classes=COLUMN_CLASSES,
            text=True,
            class_defaults={
                "no": {"width": "22pt"},
                "kegiatan": {"width": "150pt", "text-align": "left"},
                "actor": {"min-width": "66pt"},
                "kelengkapan": {"width": "88pt"},
                "waktu": {"width": "52pt"},
                "output": {"width": "88pt"},
                "keterangan": {"width": "78pt"},
                "total": {"text-align": "left"},
            },
        ),
        Element(
            "symbol",
            "table",
            "A symbol in the table (fixed size); classes: start, end, activity, decision, connector, joint.",
            {
                "fill": "#ffffff",
                "stroke": "#000000",
                "stroke-width": "0.8pt",
                "width": "40pt",
                "height": "17pt",
                "corner-radius": "0pt",
                "font-size": "0.85em",
            },
            classes=STEP_CLASSES,
            text=True,
            class_defaults={
                "decision": {"width": "34pt", "height": "26pt"},
                "connector": {"width": "24pt", "height": "24pt"},
            },
        ),
        Element(
            "footer",
            "table",
            "The page number line under each page.",
            {"font-size": "0.9em", "text-align": "right", "display": "block", "room": "2.2", "baseline": "1.6"},
            text=True,
        ),
        # -- identity sheet ---------------------------------------------------------
        Element(
            "identity",
            ":root",
            "The identity sheet (lembar identitas): its lines.",
            {
                "signature-height": "46pt",
                "split": "0.56",
                "label-share": "0.3",
                "stroke": "#000000",
                "stroke-width": "0.6pt",
                "outer-stroke-width": "1.2pt",
                "padding": "3pt",
            },
            text=True,
        ),
        Element(
            "identity-header",
            "identity",
            "The agency and unit lines beside the logo.",
            {
                "font-size": "1.45em",
                "font-weight": "bold",
                "text-align": "center",
                "text-transform": "uppercase",
                "padding": "6pt",
            },
            text=True,
        ),
        Element(
            "identity-label",
            "identity",
            "The field names (Nomor SOP, Tanggal Pembuatan, ...).",
            {"fill": "none", "text-align": "left"},
            text=True,
        ),
        Element(
            "identity-value",
            "identity",
            "The field values; class title for the Nama SOP value.",
            {"fill": "none", "text-align": "left"},
            classes=("title",),
            class_defaults={"title": {"font-weight": "bold"}},
            text=True,
        ),
        Element(
            "identity-title",
            "identity",
            "The titles of the six boxes (Dasar Hukum, ...).",
            {"fill": "none", "font-weight": "bold", "text-align": "left", "text-transform": "uppercase"},
            text=True,
        ),
        Element(
            "identity-box",
            "identity",
            "The numbered lists in the six boxes.",
            {"text-align": "left", "min-height": "40pt"},
            text=True,
        ),
        Element(
            "logo",
            None,
            'The logo on the identity sheet: src: url("logo.png") next to the sheet.',
            {"src": "none", "width": "26mm", "height": "26mm", "gap": "8pt"},
        ),
    )
}


def default_text(element: str, prop: str, cls: str | None = None) -> str | None:
    """The CSS text of a property's default on an element (or element.class), following inheritance."""
    current: str | None = element
    while current is not None:
        spec = ELEMENTS[current]
        if cls is not None and prop in spec.class_defaults.get(cls, {}):
            return spec.class_defaults[cls][prop]
        if prop in spec.defaults:
            return spec.defaults[prop]
        if prop not in PROPERTIES or not PROPERTIES[prop].inherited:
            return None
        current = spec.parent
    return None


# the book's pages and the e-signature marker, kept in their own modules (they take these factories)
from flowgen.style.schema_book import book_elements, book_properties  # noqa: E402
from flowgen.style.schema_esign import esign_elements, esign_properties  # noqa: E402

PROPERTIES.update({**book_properties(_p), **esign_properties(_p)})
ELEMENTS.update({**book_elements(Element), **esign_elements(Element)})
