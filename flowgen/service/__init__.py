"""The language service: what every editor of .pos text needs, in one place.

The web editor (:mod:`flowgen.serve`) and the language server
(:mod:`flowgen.lsp`) both answer from here, so a writer gets the same
diagnostics, completion, hover, go-to-definition and formatting whichever
editor they use.  Only flowgen's public API is used: positions are 1-based
lines and columns, as in :class:`flowgen.Span`.
"""

from flowgen.service.analysis import Analysis, StepInfo, analyze_text
from flowgen.service.complete import Completion, completions
from flowgen.service.fmt import format_text
from flowgen.service.navigate import definition, hover

__all__ = [
    "Analysis",
    "Completion",
    "StepInfo",
    "analyze_text",
    "completions",
    "definition",
    "format_text",
    "hover",
]
