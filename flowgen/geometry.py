"""Geometry checks of flowgen's semantic SVG: the rules a careful drawing keeps.

Pipelines can run these on any output (``flowgen.geometry.check_svg(data)``)
and the test suite runs them on every example and on random procedures.
They read only what the SVG says — the semantic groups (``fg-lane``,
``fg-step``, ``fg-edge``, ``fg-cell``, ``fg-number``) and their shapes and
text — so they check the drawing, not flowgen's intentions:

- lanes in declared order, not overlapping, all the same length;
- every step inside its own lane(s) (flowchart) or its row's actor cell(s)
  (lampiran); no two steps overlapping;
- every line of text inside its symbol, cell or lane header (a decision's
  text inside the diamond itself);
- every arrow leaving a decision labelled; no arrow through a third symbol
  or a step number; no label on a symbol; no two arrows to different
  targets on top of each other; (lampiran) arrows only in the Pelaksana
  columns.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from flowgen.layout.arrows import bezier
from flowgen.text import FontNotFound, FontResolver, measure

SVG = "{http://www.w3.org/2000/svg}"
SHAPES = ("rect", "polygon", "polyline", "path", "circle", "line")
SEMANTIC = ("fg-lane", "fg-step", "fg-edge", "fg-cell", "fg-number")
TOLERANCE = 1.0

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @staticmethod
    def of(points: list[Point]) -> Box:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        return Box(min(xs), min(ys), max(xs), max(ys))

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))

    def inside(self, other: Box, tolerance: float = TOLERANCE) -> bool:
        return (
            self.x0 >= other.x0 - tolerance
            and self.y0 >= other.y0 - tolerance
            and self.x1 <= other.x1 + tolerance
            and self.y1 <= other.y1 + tolerance
        )

    def overlaps(self, other: Box, tolerance: float = TOLERANCE) -> bool:
        return (
            min(self.x1, other.x1) - max(self.x0, other.x0) > tolerance
            and min(self.y1, other.y1) - max(self.y0, other.y0) > tolerance
        )

    def holds(self, x: float, y: float, margin: float) -> bool:
        return self.x0 + margin < x < self.x1 - margin and self.y0 + margin < y < self.y1 - margin

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Fault:
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


@dataclass
class _Group:
    attrs: dict[str, str]
    box: Box | None = None
    parts: list[Box] = field(default_factory=list)
    polygon: list[Point] = field(default_factory=list)
    texts: list[tuple[Box, str]] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)


def _union(boxes: Sequence[Box | None]) -> Box | None:
    """The box around all of ``boxes`` (None when the first is missing)."""
    area = boxes[0] if boxes else None
    for other in boxes[1:]:
        if area and other:
            area = area.union(other)
    return area


def _numbers(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?", text or "")]


def _path_points(d: str) -> list[Point]:
    """Points of a path with M, L and C commands in absolute coordinates (what flowgen writes)."""
    points: list[Point] = []
    for command, args in re.findall(r"([MLC])([^MLC]*)", d or ""):
        values = _numbers(args)
        if command in "ML":
            points += list(zip(values[0::2], values[1::2]))
        elif command == "C" and points:
            for k in range(0, len(values) - 5, 6):
                points += bezier(
                    points[-1],
                    (values[k], values[k + 1]),
                    (values[k + 2], values[k + 3]),
                    (values[k + 4], values[k + 5]),
                )
    return points


def _shape_points(element: etree._Element) -> list[Point]:
    tag = etree.QName(element).localname

    def get(name: str) -> float:
        return float(element.get(name) or 0)

    if tag == "rect":
        x, y, w, h = get("x"), get("y"), get("width"), get("height")
        return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    if tag in ("polygon", "polyline"):
        values = _numbers(element.get("points", ""))
        return list(zip(values[0::2], values[1::2]))
    if tag == "path":
        return _path_points(element.get("d", ""))
    if tag == "circle":
        cx, cy, r = get("cx"), get("cy"), get("r")
        return [(cx + r * math.cos(a * math.pi / 8), cy + r * math.sin(a * math.pi / 8)) for a in range(16)]
    if tag == "line":
        return [(get("x1"), get("y1")), (get("x2"), get("y2"))]
    return []


def _inherited(element: etree._Element | None, name: str) -> str | None:
    while element is not None:
        value = element.get(name)
        if value is not None:
            return value
        element = element.getparent()
    return None


class _Measurer:
    def __init__(self) -> None:
        self.fonts = FontResolver()

    def boxes(self, text: etree._Element) -> list[tuple[Box, str]]:
        spans = [t for t in text.iter(f"{SVG}tspan") if t.get("x") is not None]
        parts = [(t, "".join(str(x) for x in t.itertext())) for t in spans] or [
            (text, "".join(str(x) for x in text.itertext()))
        ]
        out = []
        for element, content in parts:
            content = content.strip()
            if not content:
                continue
            x = float(element.get("x") or text.get("x") or 0)
            y = float(element.get("y") or text.get("y") or 0)
            size = float(_inherited(element, "font-size") or 14)
            families = [f.strip().strip("'\"") for f in (_inherited(element, "font-family") or "sans-serif").split(",")]
            bold = (_inherited(element, "font-weight") or "normal") in ("bold", "700")
            try:
                width = measure(self.fonts.resolve(families, bold), size, content)
            except FontNotFound:
                width = 0.6 * size * len(content)
            anchor = _inherited(element, "text-anchor") or "start"
            x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
            out.append((Box(x0, y - 0.78 * size, x0 + width, y + 0.2 * size), content))
        return out


def _own(group: etree._Element) -> list[etree._Element]:
    """Descendants of a semantic group that do not belong to a nested semantic group."""
    found = []
    for child in group:
        if not isinstance(child.tag, str):
            continue
        if set((child.get("class") or "").split()) & set(SEMANTIC):
            continue
        found.append(child)
        found += _own(child)
    return found


def read(data: bytes) -> tuple[str, dict[str, list[_Group]]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(data, parser)
    form = root.get("data-flowgen-form") or "flowchart"
    found: dict[str, list[_Group]] = {name: [] for name in SEMANTIC}
    measurer = _Measurer()
    for g in root.iter(f"{SVG}g"):
        classes = set((g.get("class") or "").split())
        kind = next((k for k in SEMANTIC if k in classes), None)
        if kind is None:
            continue
        item = _Group({str(k): str(v) for k, v in g.attrib.items()})
        elements = _own(g)
        shapes = [e for e in elements if etree.QName(e).localname in SHAPES]
        for text in (e for e in elements if etree.QName(e).localname == "text"):
            item.texts += measurer.boxes(text)
        if kind == "fg-edge":
            for shape in shapes:
                if etree.QName(shape).localname in ("path", "polyline", "line"):
                    item.points += _shape_points(shape)
        elif shapes:
            boxes = [(Box.of(_shape_points(s)), s) for s in shapes if _shape_points(s)]
            if kind in ("fg-lane", "fg-cell"):
                item.box = max(boxes, key=lambda b: b[0].width * b[0].height)[0] if boxes else None
            elif boxes:
                item.box = boxes[0][0]
                for b, _ in boxes[1:]:
                    item.box = item.box.union(b)
                item.parts = [b for b, s in boxes if etree.QName(s).localname not in ("line", "polyline")]
                main = max(boxes, key=lambda b: b[0].width * b[0].height)[1]
                if etree.QName(main).localname == "polygon":
                    item.polygon = _shape_points(main)
        found[kind].append(item)
    return form, found


def _in_polygon(x: float, y: float, polygon: list[Point]) -> bool:
    result = False
    for i in range(len(polygon)):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % len(polygon)]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1 + 1e-12) + x1:
            result = not result
    return result


def _edge_distance(x: float, y: float, polygon: list[Point]) -> float:
    best = math.inf
    for i in range(len(polygon)):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % len(polygon)]
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
        best = min(best, math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)))
    return best


def _dense(points: list[Point], step: float = 2.0) -> list[Point]:
    out: list[Point] = []
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        n = max(1, int(math.hypot(x2 - x1, y2 - y1) / step))
        out += [(x1 + (x2 - x1) * k / n, y1 + (y2 - y1) * k / n) for k in range(n)]
    return out


def check_svg(data: bytes) -> list[Fault]:
    """Every geometry fault of one semantic SVG page (an empty list for a clean drawing)."""
    form, found = read(data)
    faults: list[Fault] = []

    def add(rule: str, message: str) -> None:
        faults.append(Fault(rule, message))

    lanes = sorted((g for g in found["fg-lane"] if g.box), key=lambda g: int(g.attrs.get("data-index", 0)))
    steps = [g for g in found["fg-step"] if g.box]
    lane_of = {g.attrs.get("data-actor"): g for g in lanes}
    by_number = {g.attrs.get("data-step"): g for g in steps}
    for g in found["fg-step"]:
        if g.box is None:
            add("step-shape", f"step {g.attrs.get('data-step')} has no shape")
    if lanes:
        columns = sum(g.box.height >= g.box.width for g in lanes if g.box) * 2 >= len(lanes)
        centres = [((g.box.x0 + g.box.x1) if columns else (g.box.y0 + g.box.y1)) / 2 for g in lanes if g.box]
        for a, b, ca, cb in zip(lanes, lanes[1:], centres, centres[1:]):
            if cb <= ca:
                add("lane-order", f"lane {b.attrs.get('data-actor')} is not after lane {a.attrs.get('data-actor')}")
        for i, a in enumerate(lanes):
            for b in lanes[i + 1 :]:
                if a.box and b.box and a.box.overlaps(b.box):
                    add("lane-overlap", f"lanes {a.attrs.get('data-actor')} and {b.attrs.get('data-actor')} overlap")
        lengths = [(g.box.height if columns else g.box.width) for g in lanes if g.box]
        if max(lengths) - min(lengths) > max(2.0, 0.01 * max(lengths)):
            add("lane-length", f"lane lengths differ: {min(lengths):.0f} to {max(lengths):.0f}")
        for g in lanes:
            for box, content in g.texts:
                if g.box and not box.inside(g.box, 2.0):
                    add("text-overflow", f"lane header '{content[:40]}' sticks out of its lane")
        for s in steps:
            own = [lane_of[a].box for a in (s.attrs.get("data-actors") or "").split() if a in lane_of]
            lane_area = _union(own)
            if lane_area is None or (s.box and not s.box.inside(lane_area, 1.5)):
                add("step-lane", f"step {s.attrs.get('data-step')} is outside its lane(s)")
    for i, a in enumerate(steps):
        for b in steps[i + 1 :]:
            if a.box and b.box and a.box.overlaps(b.box):
                add("step-overlap", f"steps {a.attrs.get('data-step')} and {b.attrs.get('data-step')} overlap")
    for s in steps:
        for box, content in s.texts:
            if s.polygon and s.attrs.get("data-kind") == "decision":
                corners = [(box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1)]
                if any(not _in_polygon(x, y, s.polygon) and _edge_distance(x, y, s.polygon) > 2 for x, y in corners):
                    add("text-overflow", f"step {s.attrs.get('data-step')}: '{content[:40]}' sticks out of its diamond")
            elif s.box and not box.inside(s.box, 2.0):
                add("text-overflow", f"step {s.attrs.get('data-step')}: '{content[:40]}' sticks out of its symbol")
    for cell in found["fg-cell"]:
        for box, content in cell.texts:
            if cell.box and not box.inside(cell.box, 1.5):
                add(
                    "text-overflow",
                    f"cell {cell.attrs.get('data-row')}/{cell.attrs.get('data-col')}: "
                    f"'{content[:40]}' sticks out of its cell",
                )
    numbers = [g for g in found["fg-number"] if g.box]
    for g in numbers:
        for box, content in g.texts:
            if g.box and not box.inside(g.box, 1.5):
                add("text-overflow", f"step number '{content}' sticks out of its circle")
        for s in steps:
            if s.box and g.box and s.attrs.get("data-step") != g.attrs.get("data-step") and g.box.overlaps(s.box):
                add(
                    "number-overlap",
                    f"the number of step {g.attrs.get('data-step')} lies on step {s.attrs.get('data-step')}",
                )
    kinds = {g.attrs.get("data-step"): g.attrs.get("data-kind") for g in found["fg-step"]}
    for e in found["fg-edge"]:
        source, target = e.attrs.get("data-from"), e.attrs.get("data-to")
        if kinds.get(source) == "decision":
            label = (e.attrs.get("data-label") or "").strip() or "".join(t for _, t in e.texts).strip()
            if not label:
                add("decision-label", f"arrow {source}->{target} leaves a decision without a label")
        for s in steps:
            number = s.attrs.get("data-step")
            if number in (source, target):
                continue
            hits = [p for p in e.points if any(b.holds(p[0], p[1], 2.0) for b in (s.parts or [s.box] if s.box else []))]
            if s.polygon and s.attrs.get("data-kind") == "decision":
                hits = [p for p in hits if _in_polygon(p[0], p[1], s.polygon) and _edge_distance(*p, s.polygon) > 2]
            if hits:
                add("edge-through", f"arrow {source}->{target} runs through step {number}")
            for box, content in e.texts:
                if any(box.overlaps(part, 1.0) for part in (s.parts or ([s.box] if s.box else []))):
                    add("label-on-step", f"label '{content}' of arrow {source}->{target} lies on step {number}")
        for g in numbers:
            if g.box and any(g.box.holds(x, y, 0.5) for x, y in _dense(e.points)):
                add(
                    "number-crossed",
                    f"arrow {source}->{target} runs through the number of step {g.attrs.get('data-step')}",
                )
    dense = [(e, _dense(e.points), Box.of(e.points)) for e in found["fg-edge"] if e.points]
    for i, (a, pa, box_a) in enumerate(dense):
        grid: set[tuple[int, int]] | None = None
        for b, pb, box_b in dense[i + 1 :]:
            if a.attrs.get("data-to") == b.attrs.get("data-to") or a.attrs.get("data-from") == b.attrs.get("data-from"):
                continue
            if not Box(box_a.x0 - 2, box_a.y0 - 2, box_a.x1 + 2, box_a.y1 + 2).overlaps(box_b, 0.0):
                continue
            if grid is None:
                grid = {(round(x), round(y)) for x, y in pa}
            ends = [
                by_number.get(k)
                for k in (
                    a.attrs.get("data-from"),
                    a.attrs.get("data-to"),
                    b.attrs.get("data-from"),
                    b.attrs.get("data-to"),
                )
            ]
            shared = 0
            for x, y in pb:
                if any(s is not None and s.box is not None and s.box.holds(x, y, -8) for s in ends):
                    continue
                if any((round(x) + dx, round(y) + dy) in grid for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
                    shared += 1
            if shared * 2 > 24:
                add(
                    "edge-overlap",
                    f"arrows {a.attrs.get('data-from')}->{a.attrs.get('data-to')} and "
                    f"{b.attrs.get('data-from')}->{b.attrs.get('data-to')} share "
                    f"{shared * 2} units of line",
                )
    if form == "lampiran" and found["fg-cell"]:
        cells = {(c.attrs.get("data-row"), c.attrs.get("data-col")): c for c in found["fg-cell"] if c.box}
        actor_cells = [
            c
            for c in found["fg-cell"]
            if c.box and (c.attrs.get("data-col") or "").startswith("actor:") and c.attrs.get("data-row") != "header"
        ]
        for s in steps:
            if s.attrs.get("data-kind") == "connector":
                continue
            row = s.attrs.get("data-step")
            boxes = [
                cells[(row, f"actor:{a}")].box
                for a in (s.attrs.get("data-actors") or "").split()
                if (row, f"actor:{a}") in cells
            ]
            cell_area = _union(boxes)
            if cell_area is None or (s.box and not s.box.inside(cell_area, 1.0)):
                add("step-cell", f"step {row} is outside its row's actor cell(s)")
        if actor_cells:
            left = min(c.box.x0 for c in actor_cells if c.box)
            right = max(c.box.x1 for c in actor_cells if c.box)
            for e in found["fg-edge"]:
                if any(x < left - TOLERANCE or x > right + TOLERANCE for x, _ in e.points):
                    add(
                        "edge-outside",
                        f"arrow {e.attrs.get('data-from')}->{e.attrs.get('data-to')} leaves the Pelaksana columns",
                    )
    return faults


def connector_pairs(pages: list[bytes]) -> list[Fault]:
    """Across the pages of a lampiran: every off-page connector has its partner on the page it names."""
    outs: list[tuple[int, str, str]] = []  # page, own step (from), target step
    ins: list[tuple[int, str, str]] = []
    for number, data in enumerate(pages, start=1):
        _, found = read(data)
        for e in found["fg-edge"]:
            if e.attrs.get("data-via") != "connector":
                continue
            connectors = {
                (g.attrs.get("data-step"), g.attrs.get("data-connector"))
                for g in found["fg-step"]
                if g.attrs.get("data-kind") == "connector"
            }
            source, target = e.attrs.get("data-from", ""), e.attrs.get("data-to", "")
            if (target, "out") in connectors:
                outs.append((number, source, target))
            if (source, "in") in connectors:
                ins.append((number, source, target))
    faults = []
    for page, source, target in outs:
        if not any(s == source and t == target and p != page for p, s, t in ins):
            faults.append(
                Fault(
                    "connector-pair", f"arrow {source}->{target} leaves page {page} by a connector that no page answers"
                )
            )
    for page, source, target in ins:
        if not any(s == source and t == target and p != page for p, s, t in outs):
            faults.append(
                Fault(
                    "connector-pair", f"arrow {source}->{target} reaches page {page} by a connector that no page sends"
                )
            )
    return faults
