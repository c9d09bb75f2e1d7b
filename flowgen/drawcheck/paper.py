"""The paper rule: nothing painted past the page (the SVG's viewBox), which a printer would cut off."""

from __future__ import annotations

from collections.abc import Iterator

from flowgen.drawcheck.drawing import Drawing, Ink
from flowgen.drawcheck.faults import Check, Fault
from flowgen.drawcheck.plane import Box

ON_PAPER = 0.5  # ink may reach this far past the page edge (a border's half stroke)


def _overhang(ink: Ink, paper: Box) -> float:
    b = ink.box
    return max(paper.x0 - b.x0, paper.y0 - b.y0, b.x1 - paper.x1, b.y1 - paper.y1)


def off_paper(d: Drawing) -> Iterator[Fault]:
    if d.ink is None:
        raise ValueError("the off-paper rule reads what is painted: read the drawing with ink=True")
    paper = d.paper
    if paper is None:
        return
    past = [ink for ink in d.ink if not ink.box.inside(paper, ON_PAPER)]
    if past:
        worst = max(past, key=lambda ink: _overhang(ink, paper))
        yield Fault(
            "off-paper", f"{len(past)} shapes or texts reach past the page, the farthest {worst.what} {worst.box}"
        )


CHECKS: dict[str, Check] = {"off-paper": off_paper}
