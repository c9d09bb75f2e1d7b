"""Rules of branch labels: on free paper, beside their own arrow, once per fork.

A branch label ("Ya", "Tidak") says which way the answer goes; it must be
read with its own arrow and no other.  On a symbol it hides the step; on a
table line or an arrow it erases the line; far from its arrow it seems to
belong to another; written twice on one decision it says a fork is two
branches.
"""

from __future__ import annotations

from collections.abc import Iterator

from flowgen.drawcheck.drawing import Drawing, Group
from flowgen.drawcheck.faults import Check, Fault
from flowgen.drawcheck.plane import Box, box_segment_distance, segment_hits_box

ON_STEP = 1.0  # a label may touch a symbol by this much
INSET = 0.5  # a label's box is shrunk by this before it is tested against lines
LABEL_FAR = 12.0  # farthest an arrow label may stand from its own arrow


def label_on_step(d: Drawing) -> Iterator[Fault]:
    for e in d.edges:
        for s in d.placed_steps:
            if s.step in (e.source, e.target):
                continue
            for line in e.texts:
                if any(line.box.overlaps(part, ON_STEP) for part in s.shapes()):
                    yield Fault("label-on-step", f"label '{line.content}' of arrow {e.arrow} lies on step {s.step}")


def _on_border(d: Drawing, inner: Box) -> bool:
    for kind, c, u0, u1 in d.borders:
        border = ((u0, c), (u1, c)) if kind == "h" else ((c, u0), (c, u1))
        if segment_hits_box(border, inner):
            return True
    return False


def _arrow_under(d: Drawing, inner: Box) -> Group | None:
    return next((o for o in d.lined_edges if any(segment_hits_box(line, inner) for line in o.lines)), None)


def label_on_line(d: Drawing) -> Iterator[Fault]:
    lines_are = "table line" if d.cells else "lane border"
    for e in d.edges:
        for line in e.texts:
            inner = line.box.grown(-INSET)
            if _on_border(d, inner):
                yield Fault("label-on-line", f"label '{line.content}' of arrow {e.arrow} lies on a {lines_are}")
            under = _arrow_under(d, inner)
            if under is not None:
                which = "its own line" if under is e else f"arrow {under.arrow}"
                yield Fault("label-on-line", f"label '{line.content}' of arrow {e.arrow} lies on {which}")


def label_far(d: Drawing) -> Iterator[Fault]:
    for e in d.edges:
        if not e.lines:
            continue
        for line in e.texts:
            gap = min(box_segment_distance(line.box, segment) for segment in e.lines)
            if gap > LABEL_FAR:
                yield Fault(
                    "label-far", f"label '{line.content}' of arrow {e.arrow} stands {gap:.0f} units from its arrow"
                )


def fork_label_twice(d: Drawing) -> Iterator[Fault]:
    seen: dict[tuple[str, str], list[str]] = {}
    for e in d.edges:
        label = (e.get("data-label") or "").strip()
        drawn = any(line.content.strip() == label for line in e.texts)  # a fork drawn once shows its label once
        source = d.by_step.get(e.source) if e.source else None
        if label and drawn and source is not None and source.step_kind == "decision":
            seen.setdefault((str(e.source), label), []).append(e.target or "?")
    for (number, label), targets in sorted(seen.items()):
        if len(targets) > 1:
            yield Fault(
                "fork-label-twice",
                f"decision {number} has {len(targets)} arrows labelled '{label}' (to {', '.join(sorted(targets))})",
            )


CHECKS: dict[str, Check] = {
    "label-on-step": label_on_step,
    "label-on-line": label_on_line,
    "label-far": label_far,
    "fork-label-twice": fork_label_twice,
}
