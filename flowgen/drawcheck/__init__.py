"""flowgen's drawing-rule checker: the rules a careful hand keeps, measured on any semantic SVG page.

Pipelines can run it on any output::

    from flowgen.drawcheck import check_svg
    faults = check_svg(svg_bytes)            # [] for a clean drawing
    faults = check_svg(svg_bytes, rules={"edge-grazes", "side-shared"})

and the test suite runs it on every example and on random procedures.  It
reads only what the SVG says — the semantic groups (``fg-lane``, ``fg-step``,
``fg-edge``, ``fg-cell``, ``fg-number``), their shapes, text and ``<title>``
— so it checks the drawing, not flowgen's intentions.  Its rules, thresholds
and rule names are those of the outside checker ``svgcheck`` (``--help``
lists them); a module per family of rules:

- ``lanes``: lanes in order, apart, of one length; steps drawn, in their lanes, apart;
- ``text``: text inside its box, padded from the sides, never broken inside a word;
- ``arrows``: a decision's arrows labelled; no arrow through, beside or along what it does not
  connect; every head on a stem;
- ``arrow_pairs``: arrows not on top of each other, side by side, or crossing at an end;
- ``ports``: a side of a symbol is for arriving or leaving; a decision's arrows at its tips;
- ``labels``: branch labels on free paper beside their own arrow, once per fork;
- ``numbers``: step-number badges clear of text, other symbols and arrows;
- ``table``: (lampiran) steps in their row's actor cells, arrows in the actor columns;
- ``paper``: nothing past the page;
- ``pages``: across a lampiran's pages, every off-page connector answered.

``drawing`` reads the SVG (``svgshapes`` and ``textlines`` underneath it:
shapes and transforms, text measured with the font the SVG names at its
exact size); ``plane`` holds the geometry the rules share.
"""

from flowgen.drawcheck.check import FLOWGEN_ONLY, LEGACY_RULES, NO_DRAWING, RULES, check_drawing, check_svg
from flowgen.drawcheck.drawing import Drawing, Group, read_drawing
from flowgen.drawcheck.faults import Fault
from flowgen.drawcheck.pages import connector_pairs

__all__ = [
    "FLOWGEN_ONLY",
    "LEGACY_RULES",
    "NO_DRAWING",
    "RULES",
    "Drawing",
    "Fault",
    "Group",
    "check_drawing",
    "check_svg",
    "connector_pairs",
    "read_drawing",
]
