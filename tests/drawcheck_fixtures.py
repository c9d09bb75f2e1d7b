"""Small hand-made semantic SVG pages for the drawing checker: one clean page, and one bad page per rule.

Each bad page is the clean page (or a small page of its own) with one thing
drawn the way a careless hand would; ``FIXTURES`` says which rules it must
break.  Most break exactly their own rule; a few rules cannot be broken alone
because another rule is a stricter form of them (an arrow *through* a symbol
also passes *within 5 units* of it), and those say so in ``IMPLIED``.

Coordinates are in points on a small page; the pieces mirror what flowgen
writes (a polyline stopping short of its head, a head triangle, a label on a
white box, a badge at a symbol's corner, a ``<title>`` in every text group).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

FONT = "'Liberation Sans', Arial, Helvetica, sans-serif"
SIZE = 9.0  # step and cell text
LABEL_SIZE = 8.1
HEAD = 6.0  # arrowhead length

Point = tuple[float, float]


def _text(x: float, y: float, content: str, size: float = SIZE, anchor: str = "middle", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text font-family="{FONT}" font-size="{size:g}"{weight} fill="#000000" text-anchor="{anchor}">'
        f'<tspan x="{x:g}" y="{y:g}">{content}</tspan></text>'
    )


def _lines(x: float, cy: float, lines: Sequence[str], anchor: str = "middle", size: float = SIZE) -> str:
    """Lines of text centred on ``cy`` (a pitch of 1.2 × size), starting or centred at ``x``."""
    pitch = 1.2 * size
    first = cy - (len(lines) - 1) * pitch / 2 + 0.3 * size
    parts = [f'<tspan x="{x:g}" y="{first + i * pitch:g}">{line}</tspan>' for i, line in enumerate(lines)]
    return (
        f'<text font-family="{FONT}" font-size="{size:g}" fill="#000000" text-anchor="{anchor}">{"".join(parts)}</text>'
    )


def page(form: str, parts: Sequence[str], width: float = 420, height: float = 360, sheet: str | None = None) -> bytes:
    sheet_attr = f' data-sheet="{sheet}"' if sheet else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width:g}pt" height="{height:g}pt" '
        f'viewBox="0 0 {width:g} {height:g}" data-flowgen-form="{form}"{sheet_attr}>\n'
        f'<rect class="fg-background" x="0" y="0" width="{width:g}" height="{height:g}" fill="#ffffff"/>\n'
        + "\n".join(parts)
        + "\n</svg>\n"
    ).encode("utf-8")


def lane(actor: str, index: int, x: float, width: float, name: str, top: float = 30, height: float = 320) -> str:
    """A lane as a column: its outline, its header box and the header's name."""
    return (
        f'<g class="fg-lane" data-actor="{actor}" data-index="{index}"><title>{name}</title>'
        f'<rect x="{x:g}" y="{top:g}" width="{width:g}" height="{height:g}" fill="none" stroke="#000000"/>'
        f'<rect x="{x:g}" y="{top:g}" width="{width:g}" height="24" fill="none" stroke="#000000"/>'
        + _text(x + width / 2, top + 15, name, bold=True)
        + "</g>"
    )


@dataclass(frozen=True)
class Symbol:
    """A box-like step: activity (plain box), start or end (capsule); its text centred unless ``text_x`` is set."""

    number: int
    actors: str
    x: float
    y: float
    lines: tuple[str, ...] = ("Proses",)
    kind: str = "activity"
    w: float = 100
    h: float = 30
    title: str | None = None
    text_x: float | None = None  # a start-anchored text at this x
    text_dy: float = 0.0  # the text moved down by this much

    def svg(self) -> str:
        rounded = ' rx="15" ry="15"' if self.kind in ("start", "end") else ""
        title = self.title if self.title is not None else f"{self.number}. {' '.join(self.lines)}"
        cy = self.y + self.h / 2 + self.text_dy
        text = (
            _lines(self.text_x, cy, self.lines, anchor="start")
            if self.text_x is not None
            else _lines(self.x + self.w / 2, cy, self.lines)
        )
        return (
            f'<g class="fg-step" data-step="{self.number}" data-kind="{self.kind}" data-actors="{self.actors}">'
            f"<title>{title}</title>"
            f'<rect x="{self.x:g}" y="{self.y:g}" width="{self.w:g}" height="{self.h:g}"{rounded} '
            f'fill="#ffffff" stroke="#000000"/>' + (text if self.lines else "") + "</g>"
        )


def diamond(number: int, actors: str, cx: float, cy: float, text: str, w: float = 100, h: float = 50) -> str:
    points = f"{cx:g},{cy - h / 2:g} {cx + w / 2:g},{cy:g} {cx:g},{cy + h / 2:g} {cx - w / 2:g},{cy:g}"
    return (
        f'<g class="fg-step" data-step="{number}" data-kind="decision" data-actors="{actors}">'
        f"<title>{number}. {text}</title>"
        f'<polygon points="{points}" fill="#ffffff" stroke="#000000"/>' + _lines(cx, cy, [text]) + "</g>"
    )


def shapeless(number: int, actors: str) -> str:
    return (
        f'<g class="fg-step" data-step="{number}" data-kind="activity" data-actors="{actors}">'
        f"<title>{number}. Tanpa bentuk</title></g>"
    )


def head(tip: Point, before: Point) -> tuple[Point, tuple[Point, Point, Point]]:
    """Where the line stops under a head pointing from ``before`` to ``tip``, and the head's triangle."""
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    back = (tip[0] - ux * HEAD, tip[1] - uy * HEAD)
    half = HEAD * 0.38
    triangle = (tip, (back[0] - uy * half, back[1] + ux * half), (back[0] + uy * half, back[1] - ux * half))
    return (tip[0] - ux * HEAD * 0.8, tip[1] - uy * HEAD * 0.8), triangle


def _points(points: Sequence[Point]) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


@dataclass(frozen=True)
class Label:
    """A branch label: its text, where it starts (``x``) and its baseline (``y``)."""

    text: str
    x: float
    y: float
    anchor: str = "start"


def edge(
    source: int,
    target: int,
    route: Sequence[Point],
    label: Label | None = None,
    head_from: Point | None = None,
    extra: str = "",
) -> str:
    """An arrow along ``route`` whose last point is the head's tip (the head points along the last run,
    or from ``head_from`` when given, leaving the line as it is)."""
    if head_from is None:
        end, triangle = head(route[-1], route[-2])
        line = [*route[:-1], end]
    else:
        _, triangle = head(route[-1], head_from)
        line = list(route[:-1])
    attrs = f' data-label="{label.text}"' if label else ""
    body = (
        f'<polyline points="{_points(line)}" fill="none" stroke="#000000"/>'
        f'<polygon points="{_points(triangle)}" fill="#000000"/>'
    )
    if label:
        body += _text(label.x, label.y, label.text, size=LABEL_SIZE, anchor=label.anchor)
    return f'<g class="fg-edge" data-from="{source}" data-to="{target}"{attrs}>{body}{extra}</g>'


def badge(number: int, cx: float, cy: float) -> str:
    return (
        f'<g class="fg-number" data-step="{number}" data-part="0">'
        f'<circle cx="{cx:g}" cy="{cy:g}" r="5.44" fill="#ffffff" stroke="#000000"/>'
        + _text(cx, cy + 2.52, str(number), size=7.2, bold=True)
        + "</g>"
    )


def cell(
    row: str,
    col: str,
    box: tuple[float, float, float, float],
    lines: Sequence[str] = (),
    *,
    anchor: str = "start",
    text_x: float | None = None,
    title: str | None = None,
) -> str:
    """A table cell (``box`` is x, y, width, height): its rect and its lines, start-anchored 3 units in."""
    x, y, w, h = box
    if text_x is None:
        text_x = x + 3 if anchor == "start" else x + w / 2
    title = " ".join(lines) if title is None else title
    text = _lines(text_x, y + h / 2, lines, anchor=anchor) if lines else ""
    return (
        f'<g class="fg-cell" data-row="{row}" data-col="{col}">'
        + (f"<title>{title}</title>" if title else "")
        + f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="none" stroke="#000000"/>'
        + text
        + "</g>"
    )


# --- the clean flowchart and its bad variants ------------------------------------------------

Parts = dict[str, str]


def _flowchart_parts() -> Parts:
    """Two lanes; a start, a decision with two labelled branches, two activities, an end; badges at corners."""
    return {
        "lane_a": lane("a", 0, 10, 200, "Pelaksana A"),
        "lane_b": lane("b", 1, 210, 200, "Pelaksana B"),
        "edge_1_2": edge(1, 2, [(110, 100), (110, 125)]),
        "edge_2_3": edge(2, 3, [(110, 175), (110, 220)], Label("Tidak", 114, 192)),
        "edge_2_4": edge(2, 4, [(160, 150), (310, 150), (310, 220)], Label("Ya", 165, 146)),
        "edge_3_5": edge(3, 5, [(110, 250), (110, 280)]),
        "edge_4_5": edge(4, 5, [(310, 250), (310, 295), (160, 295)]),
        "step_1": Symbol(1, "a", 60, 70, ("Mulai",), kind="start").svg(),
        "step_2": diamond(2, "a", 110, 150, "Lengkap?"),
        "step_3": Symbol(3, "a", 60, 220, ("Proses",)).svg(),
        "step_4": Symbol(4, "b", 260, 220, ("Kirim",)).svg(),
        "step_5": Symbol(5, "a", 60, 280, ("Selesai",), kind="end").svg(),
        "badge_1": badge(1, 64.39, 74.39),
        "badge_2": badge(2, 66.44, 131.44),
        "badge_3": badge(3, 60, 220),
        "badge_4": badge(4, 260, 220),
        "badge_5": badge(5, 64.39, 284.39),
    }


def _change(parts: Parts, changes: dict[str, str | None]) -> None:
    """Replace, add (a new name) or remove (``None``) parts by name."""
    for name, part in changes.items():
        if part is None:
            del parts[name]
        else:
            parts[name] = part


def flowchart(**changes: str | None) -> bytes:
    """The clean flowchart with parts replaced (``step_3=...``), added or removed (see :func:`_change`)."""
    parts = _flowchart_parts()
    _change(parts, changes)
    return page("flowchart", list(parts.values()))


def _two_columns(*parts: str) -> bytes:
    """A page of two lanes and the given steps and arrows (for the rules the clean chart has no room for)."""
    return page("flowchart", [lane("a", 0, 10, 200, "Pelaksana A"), lane("b", 1, 210, 200, "Pelaksana B"), *parts])


def _parallel(x: float) -> bytes:
    """1→2 straight down lane A; 3→4 from lane B down lane A at ``x`` and back."""
    return _two_columns(
        Symbol(1, "a", 60, 70).svg(),
        Symbol(2, "a", 60, 300).svg(),
        Symbol(3, "b", 260, 70).svg(),
        Symbol(4, "b", 260, 235).svg(),
        edge(1, 2, [(110, 100), (110, 300)]),
        edge(3, 4, [(310, 100), (310, 120), (x, 120), (x, 250), (260, 250)]),
    )


def _straight_on_straight() -> bytes:
    """7→8, one straight run, drawn on top of 1→2 (flowgen's older checker never compared a straight arrow
    that came second: its box is flat)."""
    return _two_columns(
        Symbol(1, "a", 60, 70).svg(),
        Symbol(2, "a", 60, 300).svg(),
        edge(1, 2, [(110, 100), (110, 300)]),
        edge(7, 8, [(110, 150), (110, 250)]),
    )


def _grazing() -> bytes:
    """3→4 passes 4 units beside step 1, which it does not connect."""
    return _two_columns(
        Symbol(1, "a", 60, 70).svg(),
        Symbol(2, "a", 60, 300).svg(),
        Symbol(3, "b", 260, 70).svg(),
        Symbol(4, "b", 260, 235).svg(),
        edge(1, 2, [(110, 100), (110, 300)]),
        edge(3, 4, [(260, 85), (164, 85), (164, 250), (260, 250)]),
    )


def _crossing() -> bytes:
    """3→5 crosses 1→2 three units above 1→2's arrowhead."""
    return _two_columns(
        Symbol(1, "a", 60, 70).svg(),
        Symbol(2, "a", 60, 200).svg(),
        Symbol(3, "b", 260, 70).svg(),
        Symbol(5, "a", 15, 180, (), w=30, h=24).svg(),
        edge(1, 2, [(110, 100), (110, 200)]),
        edge(3, 5, [(310, 100), (310, 192), (45, 192)]),
    )


def _overlapping_loops() -> Parts:
    """Two loops back, 5→2 and 3→1, sharing 85 units of one vertical line at x=30."""
    return {
        "edge_5_2": edge(5, 2, [(60, 295), (30, 295), (30, 150), (60, 150)]),
        "edge_3_1": edge(3, 1, [(60, 235), (30, 235), (30, 85), (60, 85)]),
    }


# --- a table page (lampiran) ---------------------------------------------------------------

COLUMNS = (("no", 34, 22), ("kegiatan", 56, 144), ("actor:a", 200, 80), ("actor:b", 280, 80))
ROWS = (("1", "Menerima berkas"), ("2", "Memeriksa berkas"), ("3", "Menyimpan berkas"))


def _table_parts() -> Parts:
    parts: Parts = {}
    for col, x, w in COLUMNS:
        name = {"no": "No", "kegiatan": "Kegiatan", "actor:a": "A", "actor:b": "B"}[col]
        parts[f"header_{col}"] = cell("header", col, (x, 30, w, 30), [name], anchor="middle")
    for i, (row, text) in enumerate(ROWS):
        y = 60 + 40 * i
        parts[f"cell_{row}_no"] = cell(row, "no", (34, y, 22, 40), [row], anchor="middle")
        parts[f"cell_{row}_kegiatan"] = cell(row, "kegiatan", (56, y, 144, 40), [text])
        parts[f"cell_{row}_a"] = cell(row, "actor:a", (200, y, 80, 40))
        parts[f"cell_{row}_b"] = cell(row, "actor:b", (280, y, 80, 40))
    parts |= {
        "step_1": Symbol(1, "a", 210, 70, (), kind="start", w=60, h=20).svg(),
        "step_2": Symbol(2, "b", 290, 110, (), w=60, h=20).svg(),
        "step_3": Symbol(3, "a", 210, 150, (), kind="end", w=60, h=20).svg(),
        "edge_1_2": edge(1, 2, [(270, 80), (320, 80), (320, 110)]),
        "edge_2_3": edge(2, 3, [(320, 130), (320, 160), (270, 160)]),
    }
    return parts


def table(**changes: str | None) -> bytes:
    """The clean table page with parts replaced, added or removed (as :func:`flowchart`)."""
    parts = _table_parts()
    _change(parts, changes)
    return page("lampiran", list(parts.values()), width=400, height=200, sheet="tabel")


@dataclass(frozen=True)
class Fixture:
    svg: bytes
    rules: tuple[str, ...]  # every fault expected, by rule (a rule twice when it is broken twice)


def _layout_fixtures() -> dict[str, Fixture]:
    """The clean pages, and the bad pages of lanes and steps."""
    return {
        "clean flowchart": Fixture(flowchart(), ()),
        "clean table": Fixture(table(), ()),
        "clean parallel far apart": Fixture(_parallel(150), ()),
        "step-shape": Fixture(flowchart(step_9=shapeless(9, "a")), ("step-shape",)),
        "lane-order": Fixture(
            flowchart(lane_a=lane("a", 1, 10, 200, "Pelaksana A"), lane_b=lane("b", 0, 210, 200, "Pelaksana B")),
            ("lane-order",),
        ),
        "lane-overlap": Fixture(flowchart(lane_b=lane("b", 1, 200, 210, "Pelaksana B")), ("lane-overlap",)),
        "lane-length": Fixture(flowchart(lane_b=lane("b", 1, 210, 200, "Pelaksana B", height=300)), ("lane-length",)),
        "step-lane": Fixture(flowchart(step_4=Symbol(4, "a", 260, 220, ("Kirim",)).svg()), ("step-lane",)),
        "step-overlap": Fixture(
            flowchart(step_6=Symbol(6, "a", 140, 225, ("X",), w=60, h=20).svg()), ("step-overlap",)
        ),
    }


def _text_fixtures() -> dict[str, Fixture]:
    """Bad pages of text."""
    return {
        "text-overflow": Fixture(
            flowchart(step_3=Symbol(3, "a", 60, 220, ("Proses",), text_dy=24).svg()), ("text-overflow",)
        ),
        "text-overflow in a cell": Fixture(
            table(
                cell_2_kegiatan=cell("2", "kegiatan", (56, 100, 144, 40), ["Memeriksa berkas dan kelengkapan surat"])
            ),
            ("text-overflow",),
        ),
        "text-padding": Fixture(
            flowchart(step_3=Symbol(3, "a", 60, 220, ("Proses",), text_x=61).svg()), ("text-padding",)
        ),
        "text-padding in a cell": Fixture(
            table(cell_2_kegiatan=cell("2", "kegiatan", (56, 100, 144, 40), ["Memeriksa berkas"], text_x=57)),
            ("text-padding",),
        ),
        "word-split": Fixture(
            flowchart(step_3=Symbol(3, "a", 60, 220, ("Pemeriks", "aan"), title="3. Pemeriksaan").svg()),
            ("word-split",),
        ),
        "word-split in a cell": Fixture(
            table(
                cell_2_kegiatan=cell(
                    "2",
                    "kegiatan",
                    (56, 100, 144, 40),
                    ["Memeriksa kelengkapa", "n berkas"],
                    title="Memeriksa kelengkapan berkas",
                )
            ),
            ("word-split",),
        ),
    }


def _arrow_fixtures() -> dict[str, Fixture]:
    """Bad pages of arrows (alone and in pairs) and their labels."""
    return {
        "decision-label": Fixture(flowchart(edge_2_3=edge(2, 3, [(110, 175), (110, 220)])), ("decision-label",)),
        "edge-through": Fixture(
            flowchart(step_6=Symbol(6, "b", 260, 140, ("X",), h=20).svg()), ("edge-through", "edge-grazes")
        ),
        "edge-grazes": Fixture(_grazing(), ("edge-grazes",)),
        "label-on-step": Fixture(
            flowchart(
                step_6=Symbol(6, "b", 220, 160, ("X",), w=60, h=20).svg(),
                edge_2_4=edge(2, 4, [(160, 150), (310, 150), (310, 220)], Label("Ya", 230, 162)),
            ),
            ("label-on-step",),
        ),
        "label-on-line": Fixture(
            flowchart(edge_2_3=edge(2, 3, [(110, 175), (110, 220)], Label("Tidak", 110, 200, "middle"))),
            ("label-on-line",),
        ),
        "label-on-line on a table line": Fixture(
            table(edge_1_2=edge(1, 2, [(270, 80), (320, 80), (320, 110)], Label("Ya", 322, 103))),
            ("label-on-line",),
        ),
        "label-far": Fixture(
            flowchart(edge_2_3=edge(2, 3, [(110, 175), (110, 220)], Label("Tidak", 140, 200))), ("label-far",)
        ),
        "edge-overlap": Fixture(flowchart(**_overlapping_loops()), ("edge-overlap",)),
        "edge-overlap of straight arrows": Fixture(_straight_on_straight(), ("edge-overlap",)),
        "edges-close": Fixture(_parallel(116), ("edges-close",)),
        "crossing-at-end": Fixture(_crossing(), ("crossing-at-end",)),
        "edge-on-border": Fixture(
            flowchart(edge_2_4=edge(2, 4, [(160, 150), (212, 150), (212, 235), (260, 235)], Label("Ya", 165, 146))),
            ("edge-on-border",),
        ),
        "side-shared": Fixture(
            flowchart(edge_4_5=edge(4, 5, [(330, 220), (330, 205), (380, 205), (380, 295), (160, 295)])),
            ("side-shared",),
        ),
        "diamond-corner": Fixture(
            flowchart(edge_2_4=edge(2, 4, [(140, 140), (310, 140), (310, 220)], Label("Ya", 165, 136))),
            ("diamond-corner",),
        ),
        "head-no-stem": Fixture(
            flowchart(
                edge_4_5=edge(4, 5, [(310, 250), (310, 292), (164, 292), (164, 295), (160, 295)], head_from=(166, 295))
            ),
            ("head-no-stem",),
        ),
    }


def _mark_fixtures() -> dict[str, Fixture]:
    """Bad pages of forks, badges, paper and the table."""
    return {
        "fork-label-twice": Fixture(
            flowchart(edge_2_4=edge(2, 4, [(160, 150), (310, 150), (310, 220)], Label("Tidak", 165, 146))),
            ("fork-label-twice",),
        ),
        "number-covered": Fixture(flowchart(badge_3=badge(3, 110, 235)), ("number-covered",)),
        "number-overlap": Fixture(flowchart(badge_3=badge(3, 360, 250)), ("number-overlap", "number-covered")),
        "number-crossed": Fixture(flowchart(badge_5=badge(5, 250, 295)), ("number-crossed", "number-covered")),
        "off-paper": Fixture(page("flowchart", list(_flowchart_parts().values()), width=400), ("off-paper",)),
        "step-cell": Fixture(table(step_2=Symbol(2, "a", 290, 110, (), w=60, h=20).svg()), ("step-cell",)),
        "edge-outside": Fixture(
            table(edge_2_3=edge(2, 3, [(290, 120), (190, 120), (190, 160), (210, 160)])), ("edge-outside",)
        ),
    }


def fixtures() -> dict[str, Fixture]:
    """Every fixture by name: the clean pages, then one bad page or more for each rule."""
    return {**_layout_fixtures(), **_text_fixtures(), **_arrow_fixtures(), **_mark_fixtures()}


IMPLIED = {
    "edge-through": {"edge-grazes"},  # a line through a symbol passes within 5 units of it
    "number-overlap": {"number-covered"},  # the older rules are lenient forms of number-covered
    "number-crossed": {"number-covered"},
}
