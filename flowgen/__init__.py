"""flowgen: Indonesian SOPs (Prosedur Operasional Standar) from plain text to flowcharts and the official form.

The public API for pipelines::

    import flowgen
    procedure = flowgen.load("surat-masuk.pos")       # raises flowgen.SourceError with every mistake
    for d in flowgen.check(procedure):                 # warnings (Permenpan conventions)
        print(d.format())
    svg = flowgen.render_flowchart(procedure, format="svg")           # bytes, nothing written
    pdf = flowgen.render_lampiran(procedure, style="kemendikbud")    # the signed document form

    text = flowgen.dumps(procedure)                    # lossless JSON; flowgen.loads(text) reads it back
    pos = flowgen.to_pos(procedure)                    # back to .pos text

Every error flowgen raises on purpose is a :class:`FlowgenError`; a procedure
built in code that breaks the model's rules is a :class:`ModelError`, a wrong
JSON document a :class:`SchemaError`, before anything is laid out.
"""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Loaded on first use (PEP 562), so that ``import flowgen.cli`` or ``flowgen.manifest`` does not load
# the renderers: deciding that a build is up to date, or answering --help, stays fast.
_LAZY = {
    "check": "flowgen.checks",
    **dict.fromkeys(
        (
            "Diagnostic",
            "FlowgenError",
            "LayoutError",
            "ModelError",
            "RenderError",
            "SchemaError",
            "Severity",
            "SourceError",
            "Span",
            "StyleError",
        ),
        "flowgen.errors",
    ),
    **dict.fromkeys(("analyze", "load", "parse"), "flowgen.language.reader"),
    **dict.fromkeys(
        ("longest_path", "paths", "reachable", "shortest_path", "steps_per_actor"), "flowgen.model.analysis"
    ),
    **dict.fromkeys(
        ("Actor", "Answer", "Approval", "Edge", "Identity", "Procedure", "Revision", "Step", "StepKind"),
        "flowgen.model.types",
    ),
    **dict.fromkeys(("DateValue", "Duration", "TimeValue"), "flowgen.model.values"),
    **dict.fromkeys(
        ("render_flowchart", "render_lampiran", "render_lampiran_pages", "resolve_style", "validate"), "flowgen.api"
    ),
    **dict.fromkeys(("dumps", "from_dict", "loads", "to_dict"), "flowgen.model.serialize"),
    "to_pos": "flowgen.language.printer",
}

if TYPE_CHECKING:
    from flowgen.api import render_flowchart, render_lampiran, render_lampiran_pages, resolve_style, validate
    from flowgen.checks import check
    from flowgen.errors import (
        Diagnostic,
        FlowgenError,
        LayoutError,
        ModelError,
        RenderError,
        SchemaError,
        Severity,
        SourceError,
        Span,
        StyleError,
    )
    from flowgen.language.printer import to_pos
    from flowgen.language.reader import analyze, load, parse
    from flowgen.model.analysis import longest_path, paths, reachable, shortest_path, steps_per_actor
    from flowgen.model.serialize import dumps, from_dict, loads, to_dict
    from flowgen.model.types import Actor, Answer, Approval, Edge, Identity, Procedure, Revision, Step, StepKind
    from flowgen.model.values import DateValue, Duration, TimeValue


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
    "ModelError",
    "Procedure",
    "RenderError",
    "Revision",
    "SchemaError",
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
    "dumps",
    "from_dict",
    "load",
    "loads",
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
    "to_dict",
    "to_pos",
    "validate",
]
