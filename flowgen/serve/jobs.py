"""What the drawing process does: read a text, and draw it (preview) or export it.

Run inside :class:`~flowgen.serve.worker.Worker`; plain dicts in and out,
so they cross the pipe.  The styles are resolved with a warm
:class:`flowgen.build.Builder` kept for the life of the process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import flowgen
from flowgen.errors import FlowgenError
from flowgen.service.analysis import analyze_text

_BUILDERS: dict[str | None, Any] = {}


def _style(procedure: flowgen.Procedure, style: str | None, source: str | None) -> Any:
    from flowgen.build import Builder, BuildOptions

    builder = _BUILDERS.get(style)
    if builder is None:
        builder = _BUILDERS[style] = Builder(BuildOptions(style=style or None))
    return builder.style_for(procedure, Path(source) if source else None)


def _diagnostics(found: Any, lang: str) -> list[dict[str, Any]]:
    return [d.to_dict(lang) for d in found]


def preview(payload: dict[str, Any]) -> dict[str, Any]:
    """Diagnostics, steps with their lines, and the pages as SVG text (none if the text has errors)."""
    lang = payload.get("lang", "en")
    analysis = analyze_text(payload["text"], payload.get("name") or "<text>")
    result: dict[str, Any] = {
        "ok": analysis.ok,
        "diagnostics": _diagnostics(analysis.diagnostics, lang),
        "steps": [{"number": s.number, "line": s.line, "end": s.end_line} for s in analysis.steps],
        "pages": [],
    }
    if analysis.procedure is None:
        return result
    try:
        style = _style(analysis.procedure, payload.get("style"), payload.get("source"))
        if payload.get("form") == "lampiran":
            pages = flowgen.render_lampiran_pages(analysis.procedure, style, "svg")
        else:
            pages = [flowgen.render_flowchart(analysis.procedure, style, "svg")]
    except FlowgenError as exc:
        result["ok"] = False
        result["diagnostics"] += _diagnostics(exc.diagnostics, lang)
        return result
    result["pages"] = [page.decode("utf-8") for page in pages]
    return result


def export(payload: dict[str, Any]) -> dict[str, Any]:
    """One file of the current text: PDF, PNG or SVG of the flowchart or lampiran, or the lampiran as DOCX."""
    lang = payload.get("lang", "en")
    try:
        procedure = flowgen.parse(payload["text"], payload.get("name") or "<text>")
        style = _style(procedure, payload.get("style"), payload.get("source"))
        form, fmt = payload.get("form", "flowchart"), payload.get("format", "pdf")
        if fmt == "docx":  # the whole SOP as a Word document, whichever form is shown
            data = flowgen.render_lampiran(procedure, style, "docx")
        elif form == "lampiran" and fmt != "pdf":  # one page, the one shown
            pages = flowgen.render_lampiran_pages(procedure, style, fmt)
            data = pages[min(int(payload.get("page", 0)), len(pages) - 1)]
        elif form == "lampiran":
            data = flowgen.render_lampiran(procedure, style, fmt)
        else:
            data = flowgen.render_flowchart(procedure, style, fmt)
    except FlowgenError as exc:
        return {"ok": False, "diagnostics": _diagnostics(exc.diagnostics, lang)}
    return {"ok": True, "data": data}


def build_book(payload: dict[str, Any]) -> dict[str, Any]:
    """Build every SOP of the folder (``flowgen build DIR`` with its defaults), one warm builder for all."""
    from flowgen.build import Builder

    lang = payload.get("lang", "en")
    root = Path(payload["root"])
    builder = Builder()
    results: list[dict[str, Any]] = []
    for relative in payload["files"]:
        try:
            written = builder.build(root / relative).written
            results.append({"path": relative, "ok": True, "written": len(written)})
        except FlowgenError as exc:
            first = exc.diagnostics[0].format(lang, context=False).replace(str(root) + "/", "")
            results.append({"path": relative, "ok": False, "error": first})
    return {"results": results}
