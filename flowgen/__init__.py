"""flowgen: Indonesian SOPs (Prosedur Operasional Standar) from plain text to flowcharts and the official form.

The public API for pipelines::

    import flowgen
    procedure = flowgen.load("surat-masuk.pos")       # raises flowgen.SourceError with every mistake
    for d in flowgen.check(procedure):                 # warnings (Permenpan conventions)
        print(d.format())
    svg = flowgen.render_flowchart(procedure, format="svg")           # bytes, nothing written
    pdf = flowgen.render_lampiran(procedure, style="kemendikbud")    # the signed document form

Every error flowgen raises on purpose is a :class:`FlowgenError`.
"""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Loaded on first use (PEP 562), so that ``import flowgen.cli`` or ``flowgen.manifest`` does not load
# the renderers: deciding that a build is up to date, or answering --help, stays fast.
_LAZY = {
    "check": "flowgen.checks",
    **dict.fromkeys(
        ("Diagnostic", "FlowgenError", "LayoutError", "RenderError", "Severity", "SourceError", "Span", "StyleError"),
        "flowgen.errors",
    ),
    **dict.fromkeys(("analyze", "load", "parse"), "flowgen.language.reader"),
    **dict.fromkeys(
        ("longest_path", "paths", "reachable", "shortest_path", "steps_per_actor"), "flowgen.model.analysis"
    ),
    **dict.fromkeys(
        ("Actor", "Answer", "Approval", "Edge", "Identity", "Procedure", "Step", "StepKind"), "flowgen.model.types"
    ),
    **dict.fromkeys(("DateValue", "Duration", "TimeValue"), "flowgen.model.values"),
    **dict.fromkeys(
        ("render_flowchart", "render_lampiran", "render_lampiran_pages", "resolve_style"), "flowgen.render.api"
    ),
}

if TYPE_CHECKING:
    from flowgen.checks import check
    from flowgen.errors import (
        Diagnostic,
        FlowgenError,
        LayoutError,
        RenderError,
        Severity,
        SourceError,
        Span,
        StyleError,
    )
    from flowgen.language.reader import analyze, load, parse
    from flowgen.model.analysis import longest_path, paths, reachable, shortest_path, steps_per_actor
    from flowgen.model.types import Actor, Answer, Approval, Edge, Identity, Procedure, Step, StepKind
    from flowgen.model.values import DateValue, Duration, TimeValue
    from flowgen.render.api import render_flowchart, render_lampiran, render_lampiran_pages, resolve_style


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'flowgen' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Actor",
    "Answer",
    "Approval",
    "DateValue",
    "Diagnostic",
    "Duration",
    "Edge",
    "FlowgenError",
    "Identity",
    "LayoutError",
    "Procedure",
    "RenderError",
    "Severity",
    "SourceError",
    "Span",
    "Step",
    "StepKind",
    "StyleError",
    "TimeValue",
    "__version__",
    "analyze",
    "check",
    "load",
    "longest_path",
    "parse",
    "paths",
    "reachable",
    "render_flowchart",
    "render_lampiran",
    "render_lampiran_pages",
    "resolve_style",
    "shortest_path",
    "steps_per_actor",
]
