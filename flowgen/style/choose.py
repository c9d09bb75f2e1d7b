"""Which style sheet a document uses: command line, then the .pos file, then flowgen.toml.

``flowgen build --style X`` wins over a ``gaya: X`` line in the procedure,
which wins over a ``flowgen.toml`` in the procedure's folder or a parent
folder (so a unit keeps one setting for all its procedures), which wins
over the shipped ``default`` sheet.  A name without a slash or ``.css`` is a
shipped sheet; anything else is a file, relative to where it was written.

A ``.pos`` file or a ``flowgen.toml`` may come from someone else, so the sheet it
names is *confined*: after symlinks are resolved it must be a ``.css`` file inside
an allowed root (the procedure's folder tree, the folder tree of the
``flowgen.toml`` that governs it, the shipped sheets, and any folder the caller
allows with ``--allow DIR`` or :func:`allowing`).  A refused file is named, never
read, so nothing of ``gaya: /etc/shadow`` can be printed.  ``--style PATH`` on the
command line is the user's own choice and is not confined.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flowgen.characters import unsafe_value
from flowgen.errors import Span, StyleError, error
from flowgen.model.types import Procedure
from flowgen.style import messages as _messages  # noqa: F401  (registers the style messages)
from flowgen.style.sheet import SHIPPED, read_bounded, read_sheet, shipped_names
from flowgen.suggest import suggest

# the cascade is imported when a sheet is resolved: choosing one (the book's up-to-date test) needs none of it
if TYPE_CHECKING:
    from flowgen.style.resolve import ResolvedStyle

CONFIG_NAME = "flowgen.toml"
CONFIG_KEYS = ("style", "book", "esign")  # [book]: flowgen.book.config; [esign]: flowgen.export.esign_config
CONFIG_MAX_BYTES = 64 * 1024

_ALLOWED: contextvars.ContextVar[tuple[Path, ...]] = contextvars.ContextVar("flowgen_allowed_roots", default=())


@contextlib.contextmanager
def allowing(folders: Iterable[str | Path]) -> Iterator[None]:
    """Within the block, sheets named by .pos files and flowgen.toml may also come from ``folders``."""
    token = _ALLOWED.set((*_ALLOWED.get(), *(Path(f).resolve() for f in folders)))
    try:
        yield
    finally:
        _ALLOWED.reset(token)


ALLOW_VARIABLE = "FLOWGEN_ALLOW"  # folders separated by os.pathsep; reaches worker processes too


def allowed_folders() -> tuple[Path, ...]:
    """The folders added by :func:`allowing` and by ``FLOWGEN_ALLOW`` (what ``--allow DIR`` sets)."""
    written = os.environ.get(ALLOW_VARIABLE, "")
    return (*_ALLOWED.get(), *(Path(p).resolve() for p in written.split(os.pathsep) if p))


def _within(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _roots(*folders: Path | None, allow: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The allowed roots: the given folders' trees, the shipped sheets, and the allowed folders."""
    found = [f.resolve() for f in folders if f is not None]
    return (*dict.fromkeys((*found, SHIPPED.resolve(), *(Path(a).resolve() for a in allow))),)


@dataclass(frozen=True)
class StyleChoice:
    """The sheet chosen for a document and why (for messages)."""

    reference: str  # as written
    path: Path
    origin: str  # "command line", "gaya", "flowgen.toml" or "default"


def is_shipped_name(reference: str) -> bool:
    return "/" not in reference and "\\" not in reference and not reference.lower().endswith(".css")


def locate(
    reference: str,
    base: Path,
    span: Span,
    line_text: str | None = None,
    roots: tuple[Path, ...] | None = None,
    origin: str = "gaya",
) -> Path:
    """The file a style reference means; StyleError if there is none, or if it lies outside ``roots``."""
    if is_shipped_name(reference):
        path = SHIPPED / f"{reference}.css"
        if path.is_file():
            return path.resolve()
    elif roots is None:  # the command line: the user's own choice
        path = (base / reference).expanduser()
        if path.is_file():
            return path.resolve()
    else:
        path = (base / reference).resolve()  # symlinks first, then the check
        if path.suffix.lower() != ".css" or not _within(path, roots):
            shown = ", ".join(str(r) for r in roots)
            raise StyleError([error("style-refused", span, line_text, file=reference, origin=origin, roots=shown)])
        if path.is_file():
            return path
    names = shipped_names()
    raise StyleError(
        [
            error(
                "style-not-found",
                span,
                line_text,
                name=reference,
                suggestion=suggest(reference, names),
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


def _config_text(path: Path) -> str:
    """A flowgen.toml's text: small, UTF-8, readable, or a one-line error that shows none of it."""
    limit = f"{CONFIG_MAX_BYTES // 1024} KB"
    try:
        data = read_bounded(path, CONFIG_MAX_BYTES)
        if data is None:
            reason = f"it is larger than {limit}"
        else:
            return data.decode("utf-8")
    except UnicodeDecodeError:
        reason = "it is not UTF-8 text"
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
    raise StyleError([error("config-unreadable", Span(str(path), 0, 1, 0), file=str(path), reason=reason, limit=limit)])


def read_toml_file(path: Path) -> tuple[dict[str, Any], list[str]]:
    """A flowgen.toml (or unit.toml) read as a stranger's file: bounded, UTF-8, valid, plain text; and its lines."""
    text = _config_text(path)
    lines = text.splitlines()
    try:
        data = tomllib.loads(text)
    except RecursionError:
        span = Span(str(path), 1, 1, 1)
        raise StyleError([error("config-syntax", span, None, reason="values nested too deeply")]) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        reason = str(exc).split(" (at ")[0]
        shown = lines[line - 1] if 0 < line <= len(lines) else None
        raise StyleError([error("config-syntax", Span(str(path), line, column, 1), shown, reason=reason)]) from None
    bad = unsafe_value(data)
    if bad is not None:  # written as "\u001b": it would reach XML, PDF and terminals
        key, char = bad
        raise StyleError([error("config-control-character", Span(str(path), 0, 1, 0), key=key, char=char)])
    return data, lines


def read_config(path: Path) -> tuple[str | None, Span]:
    """The ``style`` setting of a flowgen.toml and where it is written."""
    data, lines = read_toml_file(path)

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
            problems.append(
                error(
                    "config-unknown-key",
                    span,
                    lines[span.line - 1],
                    key=key,
                    suggestion=suggest(key, CONFIG_KEYS),
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


def choose(
    procedure: Procedure | None,
    source: Path | None,
    command_line: str | None,
    allow: Iterable[Path] | None = None,
) -> StyleChoice:
    """Apply the order of precedence: command line, gaya, flowgen.toml, default.

    ``allow`` adds folders a ``gaya:`` or flowgen.toml sheet may come from (default: those of
    :func:`allowing`, for ``flowgen --allow DIR``).
    """
    extra = tuple(allow) if allow is not None else allowed_folders()
    if command_line:
        span = Span("<command line>", 0, 1, 0)
        return StyleChoice(command_line, locate(command_line, Path.cwd(), span), "command line")
    folder = source.parent if source is not None else Path.cwd()
    config = find_config(folder) if source is not None else None
    if procedure is not None and procedure.identity.style:
        reference = procedure.identity.style
        span = procedure.identity.style_span
        roots = _roots(folder, config.parent if config else None, allow=extra)
        path = locate(reference, folder, span, procedure.line_text(span), roots, "gaya")
        return StyleChoice(reference, path, "gaya")
    if config is not None:
        roots = _roots(folder, config.parent, allow=extra)
        if not _within(config.resolve(), roots):
            where = Span(str(config), 0, 1, 0)
            raise StyleError([error("config-refused", where, file=str(config), folder=str(config.parent))])
        style, span = read_config(config)
        if style:
            return StyleChoice(style, locate(style, config.parent, span, None, roots, CONFIG_NAME), CONFIG_NAME)
    return StyleChoice("default", (SHIPPED / "default.css").resolve(), "default")


_Stamp = tuple[tuple[str, int, int], ...]
_CACHE: dict[tuple[Path, str, str], tuple[_Stamp, ResolvedStyle]] = {}


def _stamp(files: Iterable[Path]) -> _Stamp | None:
    """What identifies the version of every file a sheet read (None if one is gone)."""
    try:
        return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    except OSError:
        return None


def load_style(path: Path, overrides: str = "", name: str | None = None) -> ResolvedStyle:
    """Read and resolve a sheet, cached for the life of the process while none of its files changes.

    The key covers every file the sheet read (its imports, fonts and logo), so editing an
    ``@import``-ed sheet between two builds of one process is seen.
    """
    shown = name or path.stem
    key = (path.resolve(), overrides, shown)
    cached = _CACHE.get(key)
    if cached is not None and _stamp(cached[1].sheet.files) == cached[0]:
        return cached[1]
    from flowgen.style.resolve import ResolvedStyle

    sheet = read_sheet(path, name=shown, extra_css=overrides)
    stamp = _stamp(sheet.files)
    style = ResolvedStyle(sheet)
    style.check_all()
    if stamp is not None:
        _CACHE[key] = (stamp, style)
    return style


def style_for(reference: str | None = None, overrides: str = "") -> ResolvedStyle:
    """A resolved style from a shipped name or a file path (default: the shipped default sheet)."""
    choice = choose(None, None, reference) if reference else StyleChoice("default", SHIPPED / "default.css", "default")
    return load_style(choice.path, overrides, name=choice.reference)
