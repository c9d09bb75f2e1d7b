"""Every rule by name, and the check of one page: semantic SVG in, the faults of the rules asked for out.

The rule names are the outside checker's (``svgcheck --help``), so a fault
reads the same in both; ``number-overlap`` and ``number-crossed`` are
flowgen's own older rules, and ``no-drawing`` is not a drawing rule at all:
it says the document holds no flowgen drawing to check (an empty SVG, or one
whose semantic classes were renamed), which must never pass for clean.
"""

from __future__ import annotations

from collections.abc import Iterable

from flowgen.drawcheck import arrow_pairs, arrows, labels, lanes, numbers, paper, ports, table, text
from flowgen.drawcheck.drawing import Drawing, read_drawing
from flowgen.drawcheck.faults import Check, Fault

NO_DRAWING = "no-drawing"

CHECKS: dict[str, Check] = {
    **lanes.CHECKS,
    **text.CHECKS,
    **arrows.CHECKS,
    **labels.CHECKS,
    **arrow_pairs.CHECKS,
    **table.CHECKS,
    **ports.CHECKS,
    **numbers.CHECKS,
    **paper.CHECKS,
}

RULES: tuple[str, ...] = tuple(CHECKS)
"""Every drawing rule, in the order faults are reported."""

LEGACY_RULES: frozenset[str] = frozenset(
    {
        "step-shape",
        "lane-order",
        "lane-overlap",
        "lane-length",
        "step-lane",
        "step-overlap",
        "text-overflow",
        "number-overlap",
        "decision-label",
        "edge-through",
        "label-on-step",
        "number-crossed",
        "edge-overlap",
        "step-cell",
        "edge-outside",
    }
)
"""The rules flowgen's checker had before it mirrored the outside checker's careful hand."""

FLOWGEN_ONLY: frozenset[str] = frozenset({"number-overlap", "number-crossed"})
"""Rules the outside checker does not have (each is a more lenient form of ``number-covered``)."""


def _selected(rules: Iterable[str] | None) -> list[str]:
    if rules is None:
        return list(RULES)
    wanted = set(rules)
    unknown = sorted(wanted - set(RULES))
    if unknown:
        raise ValueError(f"unknown drawing rule(s) {', '.join(unknown)}; the rules are {', '.join(RULES)}")
    return [name for name in RULES if name in wanted]


def check_drawing(d: Drawing, rules: Iterable[str] | None = None) -> list[Fault]:
    """The faults of a drawing already read, for the rules asked for (every rule by default)."""
    names = _selected(rules)
    if d.problem is not None:
        return [Fault(NO_DRAWING, f"found no flowgen drawing to check: {d.problem}")]
    return [fault for name in names for fault in CHECKS[name](d)]


def check_svg(data: bytes | str, rules: Iterable[str] | None = None) -> list[Fault]:
    """Every fault of one page of semantic SVG (an empty list only for a clean flowgen drawing).

    ``rules`` picks rules by name (see :data:`RULES`); a document that holds no
    flowgen drawing gives one ``no-drawing`` fault whatever rules are picked.
    """
    return check_drawing(read_drawing(data, ink="off-paper" in _selected(rules)), rules)
