"""Rendering for pipelines: a procedure in, bytes out, no files touched.

A style may be given as a shipped sheet's name (``"kemendikbud"``), a path
to a .css file, an already resolved style, or left out (then the
procedure's own ``gaya:``, else the shipped default).  Reader options
(direction, step numbers, Mutu Baku under the steps) are turned into a few
extra style rules, so the renderers only ever read the style.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from flowgen.model.types import Procedure
from flowgen.render.scene import Document, Page
from flowgen.style.choose import choose, load_style
from flowgen.style.resolve import ResolvedStyle

StyleLike = str | os.PathLike[str] | ResolvedStyle | None
Format = Literal["svg", "png", "pdf"]


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
    if isinstance(style, ResolvedStyle):
        if not options:
            return style
        return load_style(style.sheet.path, options, style.name) if style.sheet.path else style
    reference = os.fspath(style) if style is not None else None
    choice = choose(procedure, Path(source) if source is not None else None, reference)
    return load_style(choice.path, options, name=choice.reference)


def flowchart_page(procedure: Procedure, style: ResolvedStyle) -> Page:
    """The flowchart laid out and drawn as a scene page."""
    from flowgen.layout.flowchart.place import layout_flowchart
    from flowgen.render.flowchart import flowchart_scene

    layout = layout_flowchart(procedure, style, procedure.source_name)
    return flowchart_scene(layout, procedure, style)


def lampiran_document(procedure: Procedure, style: ResolvedStyle) -> Document:
    """The lampiran laid out and drawn: the identity sheet, then the table pages."""
    from flowgen.layout.table.place import layout_table
    from flowgen.render.identity import identity_scene
    from flowgen.render.lampiran import table_scene

    layout = layout_table(procedure, style, first_page=2)
    pages = layout.identity.pages
    scenes = [identity_scene(layout.identity, style)]
    scenes += [table_scene(table, procedure, style, pages) for table in layout.pages]
    ident = procedure.identity
    keywords = tuple(k for k in (ident.number, ident.unit, ident.agency) if k)
    return Document(tuple(scenes), scenes[0].title, "Prosedur Operasional Standar", keywords)


def paint_page(page: Page, format: Format, dpi: float = 150) -> bytes:
    if format == "svg":
        from flowgen.render.svg import render_svg

        return render_svg(page)
    if format == "png":
        from flowgen.render.png import render_png

        return render_png(page, dpi)
    if format == "pdf":
        from flowgen.render.pdf import render_pdf

        return render_pdf(Document((page,), page.title))
    raise ValueError(f"unknown format {format!r}; formats are svg, png, pdf")


def render_flowchart(
    procedure: Procedure,
    style: StyleLike = None,
    format: Format = "svg",
    *,
    dpi: float = 150,
    direction: str | None = None,
    mutu_baku: bool | None = None,
    step_numbers: bool | None = None,
) -> bytes:
    """The swimlane flowchart as SVG, PNG or PDF bytes."""
    resolved = resolve_style(style, procedure, options=option_css(direction, mutu_baku, step_numbers))
    return paint_page(flowchart_page(procedure, resolved), format, dpi)


def render_lampiran(
    procedure: Procedure, style: StyleLike = None, format: Format = "pdf", *, dpi: float = 150
) -> bytes:
    """The whole lampiran as one PDF (``format="pdf"``), or its first page as SVG/PNG.

    For every page as SVG or PNG, use :func:`render_lampiran_pages`.
    """
    resolved = resolve_style(style, procedure)
    document = lampiran_document(procedure, resolved)
    if format == "pdf":
        from flowgen.render.pdf import render_pdf

        return render_pdf(document)
    return paint_page(document.pages[0], format, dpi)


def render_lampiran_pages(
    procedure: Procedure, style: StyleLike = None, format: Format = "svg", *, dpi: float = 150
) -> list[bytes]:
    """Every page of the lampiran (identity sheet first) as SVG or PNG bytes."""
    resolved = resolve_style(style, procedure)
    return [paint_page(page, format, dpi) for page in lampiran_document(procedure, resolved).pages]
