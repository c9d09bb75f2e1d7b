"""Interchange formats built from flowgen's own layouts: Word (DOCX), draw.io and BPMN 2.0.

Each module turns a finished layout into bytes and lays nothing out again,
so every format shows the same picture as the SVG/PNG/PDF.  They are
imported where they are used (:mod:`flowgen.api`), like the painters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flowgen.export.esign_config import EsignConfig
    from flowgen.model.types import Procedure
    from flowgen.render.scene import Document
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
) -> list[tuple[str, bytes]]:
    """The build's files in the new formats, as (name, bytes): rendered in memory, written with the rest."""
    outputs: list[tuple[str, bytes]] = []
    if "lampiran" in forms and "docx" in formats:
        from flowgen.export.docx import docx_bytes

        outputs.append((f"{stem}.lampiran.docx", docx_bytes(procedure, style)))
    if "lampiran" in forms and "signature" in formats:
        outputs.append(signature_output(procedure, stem, style, 1))  # the space does not move with the page count
    if "flowchart" in forms:
        if "drawio" in formats:
            outputs.append((f"{stem}.flowchart.drawio", flowchart_export(procedure, style, "drawio")))
        if "bpmn" in formats:
            outputs.append((f"{stem}.bpmn", flowchart_export(procedure, style, "bpmn")))
    return outputs


def folder_esign(procedure: Procedure) -> EsignConfig:
    """The ``[esign]`` table of the flowgen.toml nearest to the procedure's file (defaults for a model)."""
    from pathlib import Path

    from flowgen.export.esign_config import EsignConfig, esign_config
    from flowgen.style.choose import find_config

    source = Path(procedure.source_name)
    if procedure.source_name.startswith("<") or not source.parent.is_dir():
        return EsignConfig()
    return esign_config(find_config(source.parent))


def lampiran_pdf(procedure: Procedure, document: Document, style: ResolvedStyle, config: EsignConfig | None) -> bytes:
    """The lampiran PDF, e-signature ready as the style (marker) and the config (QR, field) ask."""
    from flowgen.export.esign import esign_pdf
    from flowgen.export.esign_config import EsignConfig
    from flowgen.layout.table.numbering import identity_layout

    identity = identity_layout(procedure, style, 1, len(document.pages))  # the sheet lampiran_document laid out
    return esign_pdf(document, identity, style, config or EsignConfig())


def signature_output(procedure: Procedure, stem: str, style: ResolvedStyle, pages: int) -> tuple[str, bytes]:
    """NAME.signature.json: the signing space's page and coordinates."""
    from flowgen.export.esign import signature_json, signature_spot
    from flowgen.layout.table.numbering import identity_layout

    spot = signature_spot(identity_layout(procedure, style, 1, pages), style)
    return f"{stem}.signature.json", signature_json(spot, folder_esign(procedure))
