"""Interchange formats built from flowgen's own layouts: Word (DOCX), draw.io and BPMN 2.0.

Each module turns a finished layout into bytes and lays nothing out again,
so every format shows the same picture as the SVG/PNG/PDF.  They are
imported where they are used (:mod:`flowgen.api`), like the painters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flowgen.model.types import Procedure
    from flowgen.outputs import Output
    from flowgen.style.resolve import ResolvedStyle


def flowchart_export(procedure: Procedure, style: ResolvedStyle, format: str) -> bytes:
    """The flowchart laid out once and written as ``drawio`` or ``bpmn``."""
    from flowgen.layout.flowchart.place import layout_flowchart

    layout = layout_flowchart(procedure, style, procedure.source_name)
    if format == "drawio":
        from flowgen.export.drawio import drawio_bytes

        return drawio_bytes(layout, style, procedure.identity.title)
    from flowgen.export.bpmn import bpmn_bytes

    return bpmn_bytes(procedure, layout)


def export_outputs(
    procedure: Procedure, stem: str, style: ResolvedStyle, formats: frozenset[str], forms: frozenset[str]
) -> list[Output]:
    """The build's files in the new formats (rendered in memory; the build writes them with the rest)."""
    from flowgen.outputs import Output

    outputs: list[Output] = []
    if "lampiran" in forms and "docx" in formats:
        from flowgen.export.docx import docx_bytes

        outputs.append(Output(f"{stem}.lampiran.docx", docx_bytes(procedure, style)))
    if "flowchart" in forms:
        if "drawio" in formats:
            outputs.append(Output(f"{stem}.flowchart.drawio", flowchart_export(procedure, style, "drawio")))
        if "bpmn" in formats:
            outputs.append(Output(f"{stem}.bpmn", flowchart_export(procedure, style, "bpmn")))
    return outputs
