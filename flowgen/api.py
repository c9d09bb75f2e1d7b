"""The public face of flowgen for pipelines: a procedure in, bytes out, no files touched.

This is the one module that knows the whole pipeline (style, layout,
painting); :mod:`flowgen.render` only paints scenes.  Every function here
first holds the procedure to the model's rules and the graph rules
(:func:`validate`), so a procedure built in code with a mistake in it raises
a :class:`~flowgen.errors.ModelError` saying what is wrong, never a
``KeyError`` from deep inside a layout.

A style may be given as a shipped sheet's name (``"kemendikbud"``), a path
to a .css file, an already resolved style, or left out (then the
procedure's own ``gaya:``, else the shipped default).  Reader options
(direction, step numbers, Mutu Baku under the steps) are turned into a few
extra style rules, so the renderers only ever read the style.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, cast

from flowgen.checks import structure_errors
from flowgen.errors import ModelError, RenderError, Span
from flowgen.layout.flowchart.place import layout_flowchart
from flowgen.layout.table.place import layout_table
from flowgen.model.types import Procedure
from flowgen.model.validate import model_errors
from flowgen.render.flowchart import flowchart_scene
from flowgen.render.identity import identity_scenes
from flowgen.render.lampiran import table_scene
from flowgen.render.scene import Document, Page
from flowgen.style.choose import choose, load_style
from flowgen.style.resolve import ResolvedStyle
from flowgen.suggest import suggest

StyleLike = str | os.PathLike[str] | ResolvedStyle | None
Format = Literal["svg", "png", "pdf"]
FORMATS = ("svg", "png", "pdf")
ExportFormat = Format | Literal["drawio", "bpmn", "docx"]
FLOWCHART_FORMATS = (*FORMATS, "drawio", "bpmn")  # render_flowchart; docx is the whole SOP: render_lampiran
LAMPIRAN_FORMATS = (*FORMATS, "docx")
API_SPAN = Span("<api>", 0, 1, 0)  # where a wrong argument of a call is: the call, not a file


def option_css(
    direction: str | None = None,
    mutu_baku: bool | None = None,
    step_numbers: bool | None = None,
    edge_style: str | None = None,
) -> str:
    """Reader options as style rules (they come after the sheet, so they win)."""
    rules: list[str] = []
    flowchart: list[str] = []
    if direction is not None:
        flowchart.append(f"direction: {direction.lower()};")
    if edge_style is not None:
        flowchart.append(f"edge-style: {edge_style};")
    if flowchart:
        rules.append("flowchart { " + " ".join(flowchart) + " }")
    if mutu_baku is not None:
        rules.append(f"mutu-baku {{ display: {'block' if mutu_baku else 'none'}; }}")
    if step_numbers is not None:
        rules.append(f"step-number {{ display: {'block' if step_numbers else 'none'}; }}")
    return "\n".join(rules)


def resolve_style(
    style: StyleLike = None,
    procedure: Procedure | None = None,
    source: str | os.PathLike[str] | None = None,
    options: str = "",
) -> ResolvedStyle:
    """The style for a document: the one given, else the procedure's ``gaya``, flowgen.toml, default."""
    if procedure is not None:
        found = model_errors(procedure)
        if found:
            raise ModelError(found)
    if isinstance(style, ResolvedStyle):
        if not options:
            return style
        return load_style(style.sheet.path, options, style.name) if style.sheet.path else style
    reference = os.fspath(style) if style is not None else None
    choice = choose(procedure, Path(source) if source is not None else None, reference)
    return load_style(choice.path, options, name=choice.reference)


_LAST_VALID: list[Procedure] = []  # the last procedure that passed (frozen: the same object passes again)


def validate(procedure: Procedure) -> None:
    """Raise :class:`ModelError` unless the procedure can be laid out: model rules, then graph rules.

    A procedure read by :func:`flowgen.parse` always passes; this is for the
    ones built in code or loaded from JSON.  Warnings are not errors here.
    The flowchart and the lampiran of one build ask for the same procedure,
    and walking every text of it costs: the last one that passed is not walked again.
    """
    if _LAST_VALID and _LAST_VALID[0] is procedure:
        return
    found = model_errors(procedure)
    if not found:
        found = [d for d in structure_errors(procedure) if d.is_error]
    if found:
        raise ModelError(found)
    _LAST_VALID[:] = [procedure]


def flowchart_page(procedure: Procedure, style: ResolvedStyle) -> Page:
    """The flowchart laid out and drawn as a scene page."""
    validate(procedure)
    layout = layout_flowchart(procedure, style, procedure.source_name)
    return flowchart_scene(layout, procedure, style)


def lampiran_document(procedure: Procedure, style: ResolvedStyle) -> Document:
    """The lampiran laid out and drawn: the identity sheet, then the table pages."""
    validate(procedure)
    layout = layout_table(procedure, style, first_page=2)
    pages = layout.identity.pages
    scenes = identity_scenes(layout.identity, style)
    scenes += [table_scene(table, procedure, style, pages) for table in layout.pages]
    ident = procedure.identity
    keywords = tuple(k for k in (ident.number, ident.unit, ident.agency) if k)
    return Document(tuple(scenes), scenes[0].title, style.document.subject, keywords)


# The painters are imported where they are used: each pulls in a large library
# (lxml, Pillow, reportlab) that a pipeline asking for one format should not pay for.


def paint_page(page: Page, format: Format, dpi: float = 150) -> bytes:
    """One scene page as SVG, PNG or PDF bytes."""
    if format == "svg":
        from flowgen.render.svg import render_svg

        return render_svg(page)
    if format == "png":
        from flowgen.render.png import render_png

        return render_png(page, dpi)
    if format == "pdf":
        from flowgen.render.pdf import render_pdf

        return render_pdf(Document((page,), page.title))
    raise RenderError.single(
        "unknown-format", API_SPAN, name=format, known=", ".join(FORMATS), suggestion=suggest(str(format), FORMATS)
    )


def render_flowchart(
    procedure: Procedure,
    style: StyleLike = None,
    format: ExportFormat = "svg",
    *,
    dpi: float = 150,
    direction: str | None = None,
    mutu_baku: bool | None = None,
    step_numbers: bool | None = None,
) -> bytes:
    """The swimlane flowchart as SVG, PNG or PDF bytes, or as a draw.io or BPMN 2.0 file."""
    validate(procedure)
    resolved = resolve_style(style, procedure, options=option_css(direction, mutu_baku, step_numbers))
    if format in ("drawio", "bpmn"):
        from flowgen.export import flowchart_export

        return flowchart_export(procedure, resolved, format)
    _check_format(format, FLOWCHART_FORMATS)
    return paint_page(flowchart_page(procedure, resolved), cast(Format, format), dpi)


def _check_format(format: str, known: tuple[str, ...]) -> None:
    if format not in known:
        raise RenderError.single(
            "unknown-format", API_SPAN, name=format, known=", ".join(known), suggestion=suggest(str(format), known)
        )


def render_lampiran(
    procedure: Procedure, style: StyleLike = None, format: ExportFormat = "pdf", *, dpi: float = 150
) -> bytes:
    """The whole lampiran as one PDF (``format="pdf"``) or Word document (``"docx"``), or its first page as SVG/PNG.

    For every page as SVG or PNG, use :func:`render_lampiran_pages`.
    """
    validate(procedure)
    _check_format(format, LAMPIRAN_FORMATS)
    resolved = resolve_style(style, procedure)
    if format == "docx":
        from flowgen.export.docx import docx_bytes

        return docx_bytes(procedure, resolved)
    document = lampiran_document(procedure, resolved)
    if format == "pdf":
        from flowgen.export import lampiran_pdf

        return lampiran_pdf(procedure, document, resolved, None)  # the style's signature marker, if any
    return paint_page(document.pages[0], "svg" if format == "svg" else "png", dpi)


def render_lampiran_pages(
    procedure: Procedure, style: StyleLike = None, format: Format = "svg", *, dpi: float = 150
) -> list[bytes]:
    """Every page of the lampiran (identity sheet first) as SVG or PNG bytes."""
    validate(procedure)
    resolved = resolve_style(style, procedure)
    return [paint_page(page, format, dpi) for page in lampiran_document(procedure, resolved).pages]
