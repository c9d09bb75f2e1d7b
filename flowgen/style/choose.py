"""Which style sheet a document uses: command line, then the .pos file, then flowgen.toml.

``flowgen build --style X`` wins over a ``gaya: X`` line in the procedure,
which wins over a ``flowgen.toml`` in the procedure's folder or a parent
folder (so a unit keeps one setting for all its procedures), which wins
over the shipped ``default`` sheet.  A name without a slash or ``.css`` is a
shipped sheet; anything else is a file, relative to where it was written.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from flowgen.errors import Span, StyleError, error
from flowgen.model.types import Procedure
from flowgen.style import messages as _messages  # noqa: F401  (registers the style messages)
from flowgen.style.resolve import ResolvedStyle
from flowgen.style.sheet import SHIPPED, read_sheet, shipped_names

CONFIG_NAME = "flowgen.toml"
CONFIG_KEYS = ("style", "book")  # [book] is read by flowgen.book.config


@dataclass(frozen=True)
class StyleChoice:
    """The sheet chosen for a document and why (for messages)."""

    reference: str  # as written
    path: Path
    origin: str  # "command line", "gaya", "flowgen.toml" or "default"


def is_shipped_name(reference: str) -> bool:
    return "/" not in reference and "\\" not in reference and not reference.lower().endswith(".css")


def locate(reference: str, base: Path, span: Span, line_text: str | None = None) -> Path:
    """The file a style reference means; StyleError if there is none."""
    if is_shipped_name(reference):
        path = SHIPPED / f"{reference}.css"
        if path.is_file():
            return path.resolve()
    else:
        path = (base / reference).expanduser()
        if path.is_file():
            return path.resolve()
    names = shipped_names()
    found = difflib.get_close_matches(reference, names, n=1, cutoff=0.6)
    raise StyleError(
        [
            error(
                "style-not-found",
                span,
                line_text,
                name=reference,
                suggestion=found[0] if found else None,
                known=", ".join(names),
            )
        ]
    )


def find_config(folder: Path) -> Path | None:
    """The nearest flowgen.toml in ``folder`` or one of its parents."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def read_config(path: Path) -> tuple[str | None, Span]:
    """The ``style`` setting of a flowgen.toml and where it is written."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        reason = str(exc).split(" (at ")[0]
        shown = lines[line - 1] if 0 < line <= len(lines) else None
        raise StyleError([error("config-syntax", Span(str(path), line, column, 1), shown, reason=reason)]) from None

    def where(key: str) -> Span:
        for number, line in enumerate(lines, start=1):
            match = re.match(rf"\s*{re.escape(key)}\s*=", line)
            if match:
                return Span(str(path), number, line.index(key) + 1, len(key))
        return Span(str(path), 1, 1, 1)

    problems = []
    for key in data:
        if key not in CONFIG_KEYS:
            span = where(key)
            close = difflib.get_close_matches(key, CONFIG_KEYS, n=1)
            problems.append(
                error(
                    "config-unknown-key",
                    span,
                    lines[span.line - 1],
                    key=key,
                    suggestion=close[0] if close else None,
                    known=", ".join(CONFIG_KEYS),
                )
            )
    style = data.get("style")
    if style is not None and not isinstance(style, str):
        span = where("style")
        problems.append(error("config-bad-value", span, lines[span.line - 1], key="style", expected="a text"))
    if problems:
        raise StyleError(problems)
    return style, where("style")


def choose(procedure: Procedure | None, source: Path | None, command_line: str | None) -> StyleChoice:
    """Apply the order of precedence: command line, gaya, flowgen.toml, default."""
    if command_line:
        span = Span("<command line>", 0, 1, 0)
        return StyleChoice(command_line, locate(command_line, Path.cwd(), span), "command line")
    if procedure is not None and procedure.identity.style:
        reference = procedure.identity.style
        span = procedure.identity.style_span
        base = source.parent if source is not None else Path.cwd()
        return StyleChoice(reference, locate(reference, base, span, procedure.line_text(span)), "gaya")
    if source is not None:
        config = find_config(source.parent)
        if config is not None:
            style, span = read_config(config)
            if style:
                return StyleChoice(style, locate(style, config.parent, span), CONFIG_NAME)
    return StyleChoice("default", (SHIPPED / "default.css").resolve(), "default")


_CACHE: dict[tuple[Path, int, str], ResolvedStyle] = {}


def load_style(path: Path, overrides: str = "", name: str | None = None) -> ResolvedStyle:
    """Read and resolve a sheet (cached per file and overrides for the life of the process)."""
    key = (path.resolve(), path.stat().st_mtime_ns, overrides)
    style = _CACHE.get(key)
    if style is None:
        sheet = read_sheet(path, name=name or path.stem, extra_css=overrides)
        style = ResolvedStyle(sheet)
        style.check_all()
        _CACHE[key] = style
    return style


def style_for(reference: str | None = None, overrides: str = "") -> ResolvedStyle:
    """A resolved style from a shipped name or a file path (default: the shipped default sheet)."""
    choice = choose(None, None, reference) if reference else StyleChoice("default", SHIPPED / "default.css", "default")
    return load_style(choice.path, overrides, name=choice.reference)
