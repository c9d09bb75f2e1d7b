"""Swimlane flowchart layout: Graphviz ranks the steps, flowgen keeps lanes as true columns.

1. Every symbol is sized from its wrapped text (:mod:`flowgen.layout.symbols`).
2. ``dot`` ranks the steps (which row each goes in, and their order in a
   row), the hard part of a layered drawing.
3. flowgen places rows and lanes: each actor gets a full-length column in
   declaration order (Graphviz clusters cannot keep that order), a joint
   step gets a row to itself across its actors' lanes.
4. ``neato -n2`` routes the arrows around the placed symbols
   (:mod:`flowgen.layout.flowchart.routes`), orthogonal or curved as the style says.

The layout is computed with the flow running down; ``direction: LR`` swaps
the axes at the end, so both directions share every rule.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

from flowgen.layout.flowchart import graphviz as gv
from flowgen.layout.flowchart.routes import route_edges, tie_lines
from flowgen.layout.flowchart.types import FlowchartLayout, Lane, Part
from flowgen.layout.symbols import DIAMOND_TEXT_SHARE, FittedText, Shape, diamond_height, fit, step_classes
from flowgen.model.types import Procedure, Step, StepKind
from flowgen.style.resolve import ResolvedStyle, TextStyle
from flowgen.text import clean, measure


@dataclass(frozen=True)
class _Content:
    """What a step needs, before it has a place."""

    kind: StepKind
    w: float
    h: float
    text: FittedText
    detail: FittedText | None
    badge_r: float
    room: float  # space kept free around the symbol for its badge


def step_text(step: Step, style: ResolvedStyle) -> str:
    """What a symbol says: the step's text, or Mulai/Selesai for a terminator written without one."""
    if step.text:
        return clean(step.text)
    if step.kind is StepKind.START:
        return style.labels["start"]
    if step.kind is StepKind.END:
        return style.labels["end"]
    return ""


def detail_text(step: Step) -> str:
    parts = [step.time.text if step.time else "", step.output]
    return clean(" · ".join(p for p in parts if p))


def _measure(step: Step, style: ResolvedStyle, numbers: bool, shown: str) -> _Content:
    classes = step_classes(step)
    text_style = style.step(classes).text
    box = style.step(classes).box
    pad_t, pad_r, pad_b, pad_l = box.padding
    width = style.step(classes).width
    max_width = max(width, style.step(classes).max_width)
    min_height = style.step(classes).min_height
    show_detail = style.step(classes).detail.shown
    detail_style: TextStyle | None = style.step(classes).detail.text if show_detail else None
    detail_source = detail_text(step) if show_detail else ""
    text = step_text(step, style)
    if step.kind is StepKind.DECISION and step.symbol:
        text = clean(step.symbol)  # the short question the writer gave for the symbol; the full text is in the table

    def size(w: float) -> tuple[float, float, FittedText, FittedText | None]:
        if step.kind is StepKind.DECISION:
            inner = w * DIAMOND_TEXT_SHARE - (pad_l + pad_r) / 2
            fitted = fit(text, text_style, inner)
            detail = fit(detail_source, detail_style, inner) if detail_style and detail_source else None
            block_w = max(fitted.width, detail.width if detail else 0.0)
            block_h = fitted.height + (detail.height + 2 if detail else 0.0)
            h = diamond_height(block_w, block_h, w, pad_l, pad_t)
            return w, max(h, min_height * 1.35, min(w, width) * 0.42), fitted, detail  # a wide one may be flat
        if step.kind.is_terminator:
            cap = max(min_height, text_style.size * 2.4) / 2
            inner = w - 2 * max(pad_l, cap * 0.75)
        else:
            inner = w - pad_l - pad_r
        while True:
            fitted = fit(text, text_style, inner)
            detail = fit(detail_source, detail_style, inner) if detail_style and detail_source else None
            h = max(pad_t + fitted.height + pad_b + (detail.height + pad_t if detail else 0.0), min_height)
            # a capsule's text keeps inside its rounded ends, which grow with its height
            if not step.kind.is_terminator or inner <= w / 3 or _in_capsule(fitted, text_style, w, h):
                return w, h, fitted, detail
            inner -= 6

    w, h, fitted, detail = size(width)
    while len(fitted.lines) > 3 and w < max_width:  # long text: a little wider, never beyond max-width
        w, h, fitted, detail = size(min(max_width, w + 12))
    if step.kind is StepKind.DECISION:  # a long question: wider and flatter, never taller than about three boxes
        widest = max(max_width, width) * 2.5
        while h > 3 * min_height and w < widest:
            w, h, fitted, detail = size(min(widest, w + 24))
    badge_r = 0.0
    if numbers and shown:  # the sheet's own number ("3", "5a"); a row printed with none has no badge
        number_style = style.step(classes).number.text
        label = shown
        badge_r = max(measure(number_style.face, number_style.size, label), number_style.size * 0.9) / 2 + 2.2
    room = 0.0 if step.kind is StepKind.DECISION else badge_r  # a diamond's badge fits in its empty corner
    return _Content(step.kind, w, h, fitted, detail, badge_r, room)


def _in_capsule(fitted: FittedText, style: TextStyle, w: float, h: float, clearance: float = 5.0) -> bool:
    """Whether every line of a text centred in a capsule stays ``clearance`` inside its rounded ends."""
    r = h / 2
    pitch = style.size * style.line_height
    top = -fitted.height / 2
    for i, line in enumerate(fitted.lines):
        y0, y1 = top + i * pitch, top + i * pitch + style.size
        dy = min(max(abs(y0), abs(y1)), r)
        room = w / 2 - r + math.sqrt(r * r - dy * dy)
        if measure(style.face, style.size, line) / 2 + clearance > room:
            return False
    return True


# -- ranks ------------------------------------------------------------------------------------


def _ranking_dot(procedure: Procedure, content: dict[int, _Content], style: ResolvedStyle, lr: bool) -> str:
    rank_gap = style.flowchart.rank_gap
    node_gap = style.flowchart.node_gap
    lines = [
        "digraph ranks {",
        f"  graph [rankdir=TB, nodesep={gv.inches(node_gap)}, ranksep={gv.inches(rank_gap)}];",
        '  node [shape=box, fixedsize=true, label=""];',
    ]
    for step in procedure.steps:
        c = content[step.number]
        flow = (c.w if lr else c.h) + 2 * c.room
        cross = (c.h if lr else c.w) + 2 * c.room
        cross *= max(1, len(step.actors))
        lines.append(f"  n{step.number} [width={gv.inches(cross)}, height={gv.inches(flow)}];")
    seen: set[tuple[int, int]] = set()
    for edge in procedure.edges:
        pair = (edge.source, edge.target)
        if pair in seen or edge.source == edge.target:
            continue
        seen.add(pair)
        weight = 3 if edge.target == edge.source + 1 else 1
        lines.append(f"  n{edge.source} -> n{edge.target} [weight={weight}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _rows(plain: gv.PlainGraph, procedure: Procedure) -> list[list[int]]:
    """Steps grouped by Graphviz rank (top first), each row in Graphviz's left-to-right order."""
    by_y: dict[float, list[tuple[float, int]]] = defaultdict(list)
    for step in procedure.steps:
        node = plain.nodes[f"n{step.number}"]
        by_y[round(node.y, 1)].append((node.x, step.number))
    return [[n for _, n in sorted(by_y[y])] for y in sorted(by_y, reverse=True)]


def _lane_span(step: Step, lane_of: dict[str, int]) -> tuple[int, int]:
    lanes = [lane_of[a] for a in step.actors]
    return min(lanes), max(lanes)


def _split_rows(rows: list[list[int]], procedure: Procedure, lane_of: dict[str, int]) -> list[list[int]]:
    """A joint step keeps its row to itself across the lanes it spans (its tie must cross nothing)."""
    result: list[list[int]] = []
    pending = [list(row) for row in rows]
    while pending:
        row = pending.pop(0)
        keep: list[int] = []
        moved: list[int] = []
        claimed: list[tuple[int, int]] = []
        for number in sorted(row, key=lambda n: (not procedure.step(n).is_joint, row.index(n))):
            step = procedure.step(number)
            lo, hi = _lane_span(step, lane_of)
            lanes = {lane_of[a] for a in step.actors}
            clash = any(a <= lane <= b for a, b in claimed for lane in lanes) or (
                step.is_joint and any(lo <= lane_of[a] <= hi for n in keep for a in procedure.step(n).actors)
            )
            if clash:
                moved.append(number)
                continue
            keep.append(number)
            if step.is_joint:
                claimed.append((lo, hi))
        result.append(sorted(keep, key=row.index))
        if moved:
            pending.insert(0, sorted(moved, key=row.index))
    return result


# -- placing --------------------------------------------------------------------------------------


def _gap_loads(rows: list[list[int]], procedure: Procedure, lane_of: dict[str, int]) -> list[int]:
    """How many arrows will need a sideways run in the gap below each row (a rough count)."""
    row_of = {n: r for r, row in enumerate(rows) for n in row}
    loads = [0] * len(rows)
    for edge in procedure.edges:
        a, b = row_of[edge.source], row_of[edge.target]
        same_lane = set(procedure.step(edge.source).actors) & set(procedure.step(edge.target).actors)
        if same_lane and b == a + 1:
            continue
        loads[min(a, len(rows) - 1)] += 1
        if b - 1 != a and b >= 1:
            loads[b - 1] += 1
    return loads


def layout_flowchart(procedure: Procedure, style: ResolvedStyle, source_name: str = "<procedure>") -> FlowchartLayout:
    """Place every lane, symbol and arrow of a procedure's flowchart."""
    lr = style.flowchart.direction == "lr"
    numbers = style.step().number.shown
    content = {s.number: _measure(s, style, numbers, procedure.shown_number(s.number)) for s in procedure.steps}
    lane_of = {a.key: a.index for a in procedure.actors}

    ranking = _ranking_dot(procedure, content, style, lr)
    plain = gv.layout(ranking, "dot", source_name=source_name)
    rows = _split_rows(_rows(plain, procedure), procedure, lane_of)
    margin = style.flowchart.margin  # top right bottom left

    lane_sizes = _lane_sizes(procedure, style, rows, content, lane_of, lr)
    title_text, title_height = _title(procedure, style, sum(lane_sizes))
    header_fits, band = _headers(procedure, style, lane_sizes, lr)
    row_center, flow_length = _row_centres(procedure, style, rows, content, lane_of, band, lr)
    flow_length = max(flow_length, max(lane_sizes) * 1.15)  # a lane always looks like a lane, even a short one

    # positions across the lanes
    lane_start: list[float] = []
    offset = 0.0
    for size in lane_sizes:
        lane_start.append(offset)
        offset += size
    cross_total = offset
    parts = _place_parts(procedure, style, rows, content, lane_of, lane_start, lane_sizes, row_center, lr)

    # from abstract to page coordinates
    dx, dy = margin[3], margin[0] + title_height
    if lr:
        width, height = dx + flow_length + margin[1], dy + cross_total + margin[2]
    else:
        width, height = dx + cross_total + margin[1], dy + flow_length + margin[2]
    parts = [_shift(p, dx, dy) for p in parts]

    lanes: list[Lane] = []
    for actor in procedure.actors:
        i = actor.index
        if lr:
            box = (dx, dy + lane_start[i], dx + flow_length, dy + lane_start[i] + lane_sizes[i])
            header = (box[0], box[1], box[0] + band, box[3])
        else:
            box = (dx + lane_start[i], dy, dx + lane_start[i] + lane_sizes[i], dy + flow_length)
            header = (box[0], box[1], box[2], box[1] + band)
        lanes.append(Lane(actor.key, actor.name, i, box, header, header_fits[i]))

    title_box = (margin[3], margin[0], width - margin[1], margin[0] + title_height) if title_text else None
    ties = tie_lines(procedure, parts)
    routes, parts, routing_dot = route_edges(procedure, parts, lanes, ties, style, (width, height), source_name)
    return FlowchartLayout(
        width=width,
        height=height,
        direction="lr" if lr else "tb",
        title=title_text,
        title_box=title_box,
        lanes=tuple(lanes),
        parts=tuple(parts),
        ties=tuple(ties),
        routes=tuple(routes),
        ranking_dot=ranking,
        routing_dot=routing_dot,
    )


def _flow_size(c: _Content, lr: bool) -> float:
    """A symbol's size along the flow, with the room for its badge."""
    return (c.w if lr else c.h) + 2 * c.room


def _cross_size(c: _Content, lr: bool) -> float:
    """A symbol's size across the lanes, with the room for its badge."""
    return (c.h if lr else c.w) + 2 * c.room


def _detour_tracks(procedure: Procedure, rows: list[list[int]], lane_of: dict[str, int]) -> dict[int, int]:
    """Tracks each lane needs beside its symbols for the arrows that go back up or jump over rows.

    An arrow needs its track only over the rows it passes, so a lane holds as
    many tracks as the most arrows that pass one band of its rows at once,
    not one for every such arrow of the whole procedure: a long procedure's
    lanes stay as narrow as their steps need.
    """
    row_of = {n: r for r, row in enumerate(rows) for n in row}
    changes: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))  # lane -> row -> tracks begun (ended)
    for edge in procedure.edges:
        a, b = row_of[edge.source], row_of[edge.target]
        if b <= a or b - a > 1:
            for number in {edge.source, edge.target}:
                for key in procedure.step(number).actors:
                    changes[lane_of[key]][min(a, b)] += 1
                    changes[lane_of[key]][max(a, b) + 1] -= 1
    tracks: dict[int, int] = defaultdict(int)
    for lane, at in changes.items():
        running = 0
        for row in sorted(at):
            running += at[row]
            tracks[lane] = max(tracks[lane], running)
    return tracks


def _lane_sizes(
    procedure: Procedure,
    style: ResolvedStyle,
    rows: list[list[int]],
    content: dict[int, _Content],
    lane_of: dict[str, int],
    lr: bool,
) -> list[float]:
    """Each lane's size across the flow: its widest row, tracks for detours, room for its header's words."""
    node_gap = style.flowchart.node_gap
    lane_pad = style.flowchart.lane_padding
    track_gap = style.flowchart.track_gap
    need: dict[int, float] = defaultdict(float)
    for row in rows:
        per_lane: dict[int, list[float]] = defaultdict(list)
        for number in row:
            for key in procedure.step(number).actors:
                per_lane[lane_of[key]].append(_cross_size(content[number], lr))
        for lane, sizes in per_lane.items():
            need[lane] = max(need[lane], sum(sizes) + node_gap * (len(sizes) - 1))
    detours = _detour_tracks(procedure, rows, lane_of)
    lane_sizes: list[float] = []
    for actor in procedure.actors:
        minimum = style.lane(actor.index).min_width
        if not lr:
            hs = style.lane(actor.index).header.text
            longest_word = max((measure(hs.face, hs.size, w) for w in actor.name.split()), default=0.0)
            pad = style.lane(actor.index).header.box.padding
            minimum = max(minimum, longest_word + pad[1] + pad[3] + 2)
        lane_sizes.append(max(minimum, need[actor.index] + 2 * lane_pad + track_gap * detours[actor.index]))
    return lane_sizes


def _title(procedure: Procedure, style: ResolvedStyle, total_cross: float) -> tuple[FittedText | None, float]:
    """The title above the lanes (None when hidden) and the height it takes."""
    if not style.title.shown:
        return None, 0.0
    title_style = style.title.text
    title_pad = style.title.box.padding
    title_text = fit(clean(procedure.identity.title), title_style, max(total_cross, 200.0))
    return title_text, title_text.height + title_pad[0] + title_pad[2]


def _headers(
    procedure: Procedure, style: ResolvedStyle, lane_sizes: list[float], lr: bool
) -> tuple[list[FittedText], float]:
    """Lane headers: a band across the top (TB) or down the left (LR); their texts and the band's size.

    In LR a lane grows (``lane_sizes`` in place) to hold its header's text.
    """
    header_styles = [style.lane(a.index).header.text for a in procedure.actors]
    header_boxes = [style.lane(a.index).header.box for a in procedure.actors]
    header_fits: list[FittedText] = []
    if lr:
        band = max(style.lane(a.index).header.width for a in procedure.actors)
        for actor in procedure.actors:
            pad = header_boxes[actor.index].padding
            header_fits.append(fit(clean(actor.name), header_styles[actor.index], band - pad[1] - pad[3]))
            lane_sizes[actor.index] = max(lane_sizes[actor.index], header_fits[-1].height + pad[0] + pad[2])
        return header_fits, band
    band = 0.0
    for actor in procedure.actors:
        pad = header_boxes[actor.index].padding
        fitted = fit(clean(actor.name), header_styles[actor.index], lane_sizes[actor.index] - pad[1] - pad[3])
        header_fits.append(fitted)
        band = max(band, fitted.height + pad[0] + pad[2], style.lane(actor.index).header.min_height)
    return header_fits, band


def _row_centres(
    procedure: Procedure,
    style: ResolvedStyle,
    rows: list[list[int]],
    content: dict[int, _Content],
    lane_of: dict[str, int],
    band: float,
    lr: bool,
) -> tuple[list[float], float]:
    """Each row's centre along the flow, and the flow's length (the header band, the rows, a gap after)."""
    rank_gap = style.flowchart.rank_gap
    track_gap = style.flowchart.track_gap
    loads = _gap_loads(rows, procedure, lane_of)
    label_room = style.edge().label.text.size * 1.6
    cursor = band + rank_gap
    row_center: list[float] = []
    for r, row in enumerate(rows):
        size = max(_flow_size(content[n], lr) for n in row)
        row_center.append(cursor + size / 2)
        gap = rank_gap + track_gap * max(0, loads[r] - 1)
        if any(procedure.step(n).kind is StepKind.DECISION for n in row):
            gap += label_room
        cursor += size + gap
    return row_center, cursor


def _place_parts(
    procedure: Procedure,
    style: ResolvedStyle,
    rows: list[list[int]],
    content: dict[int, _Content],
    lane_of: dict[str, int],
    lane_start: list[float],
    lane_sizes: list[float],
    row_center: list[float],
    lr: bool,
) -> list[Part]:
    """Every part in its row and lane, centred in the lane beside the lane's other parts of the row."""
    node_gap = style.flowchart.node_gap
    parts: list[Part] = []
    for r, row in enumerate(rows):
        members_of: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for number in row:
            for k, key in enumerate(procedure.step(number).actors):
                members_of[lane_of[key]].append((number, k))
        for lane, members in members_of.items():
            sizes = [_cross_size(content[n], lr) for n, _ in members]
            span = sum(sizes) + node_gap * (len(sizes) - 1)
            at = lane_start[lane] + (lane_sizes[lane] - span) / 2
            for (number, k), size in zip(members, sizes):
                c = content[number]
                cross_center = at + size / 2
                at += size + node_gap
                fc = row_center[r]
                x, y = (fc, cross_center) if lr else (cross_center, fc)
                parts.append(_part(procedure.step(number), k, lane, c, x, y))
    return parts


def _part(step: Step, k: int, lane: int, c: _Content, x: float, y: float) -> Part:
    shape = Shape(c.kind, x, y, c.w, c.h)
    return Part(step.number, k, step.actors[k], lane, shape, c.text, c.detail, c.badge_r)


def _shift(part: Part, dx: float, dy: float) -> Part:
    return replace(part, shape=part.shape.moved(part.shape.x + dx, part.shape.y + dy))
