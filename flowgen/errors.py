"""Source positions, diagnostics and the one exception family of flowgen.

Every problem flowgen finds in a user's input becomes a :class:`Diagnostic`
that knows *where* it is (a :class:`Span`), *what* it is (a stable ``code``
whose wording lives in :mod:`flowgen.messages`) and how bad it is.  Errors
that stop a run are raised as a :class:`FlowgenError` (or one of its
subclasses, one per pipeline stage) carrying every diagnostic of the run, so
a writer sees all of their mistakes at once, printed like a compiler would.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flowgen import messages
from flowgen.characters import for_terminal


@dataclass(frozen=True, order=True)
class Span:
    """A place in a source file: 1-based line and column, length in characters.

    ``line == 0`` means "the file as a whole" (for example an empty file).
    """

    file: str
    line: int
    column: int = 1
    length: int = 1

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.column, "length": self.length}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return cls(str(data["file"]), int(data["line"]), int(data["column"]), int(data["length"]))


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Diagnostic:
    """One finding: a message code with its arguments, at a place.

    ``line_text`` is the source line the span points into, kept so that the
    diagnostic can be printed with a caret long after the source is gone.
    """

    severity: Severity
    code: str
    span: Span
    args: Mapping[str, Any] = field(default_factory=dict)
    line_text: str | None = None

    @property
    def message(self) -> str:
        """The message in English (see :meth:`render_message` for Indonesian)."""
        return self.render_message("en")

    @property
    def hint(self) -> str | None:
        return self.render_hint("en")

    def render_message(self, lang: str = "en") -> str:
        return messages.render(self.code, self.args, lang)

    def render_hint(self, lang: str = "en") -> str | None:
        return messages.render_hint(self.code, self.args, lang)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self, lang: str = "en", context: bool = True) -> str:
        """Compiler-style text: ``file:line:col: error: message``, the line, a caret, a hint."""
        head = f"{self.span}: {messages.severity_word(self.severity.value, lang)}: {self.render_message(lang)}"
        lines = [for_terminal(head)]
        if context and self.line_text is not None and self.span.line > 0:
            number = str(self.span.line)
            gutter = " " * len(number)
            raw = self.line_text.rstrip("\n").replace("\t", " ")
            start = max(0, self.span.column - 1)
            marked = raw[start : start + max(1, self.span.length)]
            wider = len(for_terminal(marked)) - len(marked)  # an escaped character is shown as several
            lines.append(f"   {number} | {for_terminal(raw)}")
            lines.append(
                f"   {gutter} | {' ' * len(for_terminal(raw[:start]))}{'^' * (max(1, self.span.length) + wider)}"
            )
        hint = self.render_hint(lang)
        if hint:
            lines.append(for_terminal(f"   {messages.hint_word(lang)}: {hint}"))
        return "\n".join(lines)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "file": self.span.file,
            "line": self.span.line,
            "column": self.span.column,
            "length": self.span.length,
            "message": self.render_message(lang),
            "hint": self.render_hint(lang),
        }

    def __str__(self) -> str:
        return self.format(context=False)


def sort_key(d: Diagnostic) -> tuple[str, int, int]:
    """Source order; diagnostics at the same place keep the order they were found in."""
    return (d.span.file, d.span.line, d.span.column)


class FlowgenError(Exception):
    """The base of every error flowgen raises on purpose.

    It carries one or more diagnostics; ``str(error)`` prints them all in the
    compiler format.  Catching ``FlowgenError`` is enough for a pipeline to
    handle any bad input without seeing a traceback.
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sorted(diagnostics, key=sort_key))
        if not self.diagnostics:
            raise ValueError("a FlowgenError needs at least one diagnostic")
        super().__init__(self.format())

    @property
    def span(self) -> Span:
        """Where the first problem is."""
        return self.diagnostics[0].span

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    def format(self, lang: str = "en") -> str:
        return "\n".join(d.format(lang) for d in self.diagnostics)

    @classmethod
    def single(
        cls,
        code: str,
        span: Span,
        line_text: str | None = None,
        **args: Any,
    ) -> FlowgenError:
        return cls([Diagnostic(Severity.ERROR, code, span, args, line_text)])


class SourceError(FlowgenError):
    """The .pos text could not be read, parsed or compiled into a procedure."""


class ModelError(FlowgenError):
    """A :class:`~flowgen.model.types.Procedure` built in code breaks the model's rules.

    For example a step whose actor is not declared, or an arrow to a step
    that does not exist: raised by the public functions before they use it.
    """


class SchemaError(ModelError):
    """A JSON document is not a flowgen procedure this flowgen reads; the message names the JSON path."""


class StyleError(FlowgenError):
    """A style sheet (or the ``flowgen.toml`` naming one) is wrong."""


class LayoutError(FlowgenError):
    """Laying out the drawing failed (for example Graphviz is missing or failed)."""


class RenderError(FlowgenError):
    """Painting or writing an output failed (fonts, files)."""


def error(code: str, span: Span, line_text: str | None = None, **args: Any) -> Diagnostic:
    return Diagnostic(Severity.ERROR, code, span, args, line_text)


def warning(code: str, span: Span, line_text: str | None = None, **args: Any) -> Diagnostic:
    return Diagnostic(Severity.WARNING, code, span, args, line_text)


# the Python packages flowgen needs, by the name they are imported as (setup.cfg install_requires)
PACKAGES = {
    "click": "click",
    "fontTools": "fonttools",
    "graphviz": "graphviz",
    "lxml": "lxml",
    "openpyxl": "openpyxl",
    "PIL": "Pillow",
    "pyhanko": "pyHanko",
    "pikepdf": "pikepdf",
    "pypdf": "pypdf",
    "docx": "python-docx",
    "reportlab": "reportlab",
    "_rl_accel": "rl-accel",
    "segno": "segno",
    "tinycss2": "tinycss2",
    "starlette": "starlette",
    "uvicorn": "uvicorn",
    "pygls": "pygls",
    "lsprotocol": "lsprotocol",
    "watchfiles": "watchfiles",
    "zlib_ng": "zlib-ng",
}


def missing_package(exc: BaseException) -> str | None:
    """The package to install when ``exc`` says one of flowgen's dependencies is not installed."""
    if not isinstance(exc, ModuleNotFoundError) or not exc.name:
        return None
    return PACKAGES.get(exc.name.split(".")[0])


def missing_package_sentence(package: str, lang: str = "en") -> str:
    """One sentence: which package is missing for which Python, and how to install it."""
    import sys

    args = {"package": package, "python": sys.executable or "python3"}
    return f"flowgen: {messages.render('missing-package', args, lang)}\n   {messages.hint_word(lang)}: " + str(
        messages.render_hint("missing-package", args, lang)
    )
