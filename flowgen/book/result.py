"""What a book build made (kept apart so the light and the heavy half of the build share it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import flowgen

BOOK_NAME = "dokumen-sop"


@dataclass
class BookResult:
    """What a book build made and what it left out."""

    pdf: Path
    pages: int = 0
    entries: int = 0
    rendered: int = 0
    kept: int = 0
    written: list[Path] = field(default_factory=list)
    failures: dict[Path, str] = field(default_factory=dict)
    current: bool = False  # the book itself was up to date: nothing was written
    deps: list[Path] = field(default_factory=list)  # the files the assembly read besides the SOPs


def book_error(code: str, folder: Path) -> flowgen.SourceError:
    diagnostic = flowgen.Diagnostic(flowgen.Severity.ERROR, code, flowgen.Span(str(folder), 0), {"path": str(folder)})
    return flowgen.SourceError([diagnostic])
