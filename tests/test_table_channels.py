"""The lampiran's arrows along a column take the middle of the free room, not the track along its border."""

from __future__ import annotations

import flowgen
from flowgen.api import resolve_style
from flowgen.layout.table.place import layout_table
from tests.helpers import ROOT


def _vertical_runs(procedure: flowgen.Procedure, style: str, edge: tuple[int, int]) -> list[tuple[float, float]]:
    """Each vertical run of the arrow ``edge``: its x and its distance from the nearest column line."""
    layout = layout_table(procedure, resolve_style(style, procedure))
    found = []
    for page in layout.pages:
        lines = sorted({c.x0 for c in page.columns if c.actor} | {c.x1 for c in page.columns if c.actor})
        for route in page.routes:
            if (route.link.edge.source, route.link.edge.target) != edge:
                continue
            for (x0, y0), (x1, y1) in zip(route.points, route.points[1:]):
                if abs(x0 - x1) < 0.01 and abs(y0 - y1) > 1:
                    found.append((x0, min(abs(x0 - line) for line in lines)))
    return found


def test_a_return_loop_runs_in_the_middle_of_its_channel() -> None:
    """pengelolaan-arsip's 6→4 ran 5.6 pt from the column border (two reviews: "reads as a doubled grid line")."""
    procedure = flowgen.load(ROOT / "examples" / "pengelolaan-arsip.pos")
    ((_, distance),) = _vertical_runs(procedure, "default", (6, 4))
    assert distance > 15
