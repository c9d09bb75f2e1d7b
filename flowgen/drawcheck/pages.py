"""The rule across the pages of a lampiran: every off-page connector is answered on another page.

An arrow that leaves a page by a connector ("ke hal. 3") must arrive on some
other page by the matching connector ("dari hal. 2"), or the flow is lost
at the page break.  Each page is read on its own; the pairs are matched here.
"""

from __future__ import annotations

from collections.abc import Sequence

from flowgen.drawcheck.drawing import Drawing, read_drawing
from flowgen.drawcheck.faults import Fault

Half = tuple[int, str, str]  # page, source step, target step


def _halves(page: int, d: Drawing) -> tuple[list[Half], list[Half]]:
    """The arrows that leave this page by a connector, and those that reach it by one."""
    connectors = {(s.step, s.get("data-connector")) for s in d.steps if s.step_kind == "connector"}
    outs: list[Half] = []
    ins: list[Half] = []
    for e in d.edges:
        if e.get("data-via") != "connector":
            continue
        source, target = e.source or "", e.target or ""
        if (target, "out") in connectors:
            outs.append((page, source, target))
        if (source, "in") in connectors:
            ins.append((page, source, target))
    return outs, ins


def _answered(half: Half, others: list[Half]) -> bool:
    page, source, target = half
    return any(s == source and t == target and p != page for p, s, t in others)


def connector_pairs(pages: Sequence[bytes]) -> list[Fault]:
    """Faults of the connectors of a whole lampiran (its pages in order, the identity sheet first)."""
    outs: list[Half] = []
    ins: list[Half] = []
    for number, data in enumerate(pages, start=1):
        page_outs, page_ins = _halves(number, read_drawing(data, ink=False))
        outs += page_outs
        ins += page_ins
    faults = [
        Fault("connector-pair", f"arrow {s}->{t} leaves page {p} by a connector that no page answers")
        for p, s, t in outs
        if not _answered((p, s, t), ins)
    ]
    faults += [
        Fault("connector-pair", f"arrow {s}->{t} reaches page {p} by a connector that no page sends")
        for p, s, t in ins
        if not _answered((p, s, t), outs)
    ]
    return faults
