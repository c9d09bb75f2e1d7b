"""Typed, resolved style records: what layouts and painters read instead of property names.

A :class:`~flowgen.style.resolve.ResolvedStyle` builds these once, when the sheet is
loaded, from the cascade: every length a float in points, every colour ``#rrggbb`` or
None, every font a resolved file, every switch a bool.  A consumer writes
``style.flowchart.rank_gap`` or ``style.step(classes).max_width``; mypy knows the type
of each, and a misspelt property is an attribute error at type-check time rather than a
``KeyError`` while drawing.  Values that were hard-coded in the layouts before (the page
background, the table's arrow scale, the footer band, the identity header's spacing,
the document language and PDF subject) are schema properties with the old value as
their default, surfaced here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flowgen.style.values import PageSize
from flowgen.text import FontFace

Box4 = tuple[float, float, float, float]  # top right bottom left


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
    padding: Box4


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


@dataclass(frozen=True)
class TextBox:
    """An element that has both text and a box (a header cell, an edge label, a title)."""

    text: TextStyle
    box: BoxStyle


# -- the document as a whole -------------------------------------------------------------


@dataclass(frozen=True)
class PaperStyle:
    """``@page``: the lampiran's paper."""

    size: PageSize
    margin: Box4
    fill: str | None  # background of the identity and table pages


@dataclass(frozen=True)
class DocumentStyle:
    """What a document says about itself (``labels { language; subject }``)."""

    language: str  # xml:lang of every page and /Lang of the PDF
    subject: str  # the PDF's subject


@dataclass(frozen=True)
class LogoStyle:
    src: Path | None
    width: float
    height: float
    gap: float  # between the logo and the agency lines under it


# -- the flowchart ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FlowchartStyle:
    direction: str  # tb | lr
    edge_style: str  # orthogonal | curved
    rank_gap: float
    node_gap: float
    lane_padding: float
    track_gap: float
    margin: Box4
    fill: str | None
    text: TextStyle

    @property
    def lr(self) -> bool:
        return self.direction == "lr"

    @property
    def curved(self) -> bool:
        return self.edge_style == "curved"


@dataclass(frozen=True)
class TitleStyle:
    shown: bool
    text: TextStyle
    box: BoxStyle


@dataclass(frozen=True)
class LaneHeaderStyle:
    text: TextStyle
    box: BoxStyle
    width: float  # its width when lanes are rows
    min_height: float


@dataclass(frozen=True)
class LaneStyle:
    """One lane (by its position: lane:nth-child rules apply)."""

    box: BoxStyle
    min_width: float
    header: LaneHeaderStyle


@dataclass(frozen=True)
class StepNumberStyle:
    shown: bool
    text: TextStyle
    box: BoxStyle


@dataclass(frozen=True)
class DetailStyle:
    """``mutu-baku``: time and output printed under a step."""

    shown: bool
    text: TextStyle


@dataclass(frozen=True)
class StepStyle:
    """A flowchart symbol of some classes (start, decision, joint, ...)."""

    text: TextStyle
    box: BoxStyle
    width: float
    max_width: float  # at least ``width``
    min_height: float
    number: StepNumberStyle
    detail: DetailStyle


@dataclass(frozen=True)
class EdgeStyle:
    """An arrow of some classes; the table's edges are scaled by its arrow- and stroke-scale."""

    line: BoxStyle
    stroke_width: float  # what the arrow is drawn with (the table's is scaled)
    arrow_size: float  # length of the head (the table's is scaled)
    label: TextBox


# -- the lampiran table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TableStyle:
    stroke: str | None
    stroke_width: float
    outer_stroke_width: float
    mutu_baku_order: tuple[str, ...]
    keterangan: str  # column | inside | none
    column_numbers: bool
    total_time: bool
    joint_step: str  # tied | span
    row_min_height: float
    track_gap: float
    arrow_scale: float
    edge_stroke_scale: float
    text: TextStyle


@dataclass(frozen=True)
class CellStyle:
    text: TextStyle
    box: BoxStyle
    width: float  # 0: shared out
    min_width: float


@dataclass(frozen=True)
class SymbolStyle:
    text: TextStyle
    box: BoxStyle
    width: float
    height: float


@dataclass(frozen=True)
class FooterStyle:
    """The page-number line of the lampiran's pages."""

    shown: bool
    text: TextStyle
    room: float  # height kept free at the page's foot (0 when not shown)
    baseline: float  # from the table's bottom to the footer's baseline


# -- the identity sheet ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IdentityStyle:
    signature_height: float
    split: float  # as written; the layout clamps it to 0.2–0.8
    label_share: float  # as written; the layout clamps it to 0.1–0.6
    stroke: str | None
    stroke_width: float
    outer_stroke_width: float
    padding: Box4
    header: TextBox  # agency and unit lines; box.padding is their inset in the left block
    label: TextBox
    value: TextBox
    value_title: TextBox  # the Nama SOP value (identity-value.title)
    title: TextBox  # the six boxes' titles
    box: TextBox  # the six boxes' lists
    box_min_height: float
