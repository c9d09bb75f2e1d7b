"""Reading style sheets: CSS text to checked rules, with every problem at sheet:line:column.

tinycss2 tokenises; this module applies flowgen's closed vocabulary
(:mod:`flowgen.style.schema`): selectors are ``element``, ``element.class``
and ``lane:nth-child(...)`` (:mod:`flowgen.style.selectors`); ``@import``,
``@page`` and ``@font-face`` are the at-rules.  Custom properties
(``--brand: #1f4e79``) are collected across the whole cascade and ``var()`` is
substituted before values are checked.  Files (imports, logos, fonts) may only
come from the sheet's own folder, and only of their kind.

A sheet may come from anyone (a unit shares its sheet with others), so every
resource it can make flowgen spend is bounded: the file's size, how deep and how
many imports, how far ``var()`` expands, the fonts and images it names.  The
limits are listed in docs/security.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tinycss2
from tinycss2 import ast as css

from flowgen.characters import UNSAFE, character_name
from flowgen.errors import Span, StyleError
from flowgen.style import values
from flowgen.style.schema import ELEMENTS, PROPERTIES
from flowgen.style.selectors import Selector, SelectorReader
from flowgen.style.values import UrlValue, ValueProblem
from flowgen.suggest import suggest
from flowgen.text import FontFile, check_font_file, check_image_file

__all__ = ["Declaration", "Rule", "Selector", "Sheet", "read_css", "read_sheet"]

SHIPPED = Path(__file__).resolve().parent.parent / "stylesheets"
IMAGE_TYPES = (".png", ".jpg", ".jpeg")
FONT_TYPES = (".ttf", ".otf")

SHEET_MAX_BYTES = 256 * 1024  # one sheet file; the shipped ones are under 3 KB
IMPORT_DEPTH = 8  # sheets importing sheets
IMPORT_COUNT = 32  # sheets read for one top sheet, counting a sheet imported twice twice
VAR_DEPTH = 16  # var() inside var()
# (element, property) → the smallest length that makes sense there
MINIMUMS: dict[tuple[str, str], float] = {
    ("step", "width"): 10.0,
    ("lane-header", "width"): 10.0,
    ("symbol", "width"): 4.0,
    ("symbol", "height"): 4.0,
    ("logo", "width"): 1.0,
    ("logo", "height"): 1.0,
}
VAR_TOKENS = 2000  # tokens one declaration may expand to
VAR_CALLS = 2000  # var() substitutions for one declaration (empty values expand to nothing, endlessly)


def _size(limit: int) -> str:
    return f"{limit // 1024} KB" if limit < 1024 * 1024 else f"{limit // (1024 * 1024)} MB"


def read_bounded(path: Path, limit: int) -> bytes | None:
    """At most ``limit`` bytes of a file, or None when it is longer (``/dev/zero`` included)."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    return data if len(data) <= limit else None


@dataclass(frozen=True)
class Declaration:
    name: str
    value: Any
    important: bool
    span: Span


@dataclass(frozen=True)
class Rule:
    selectors: tuple[Selector, ...]
    declarations: tuple[Declaration, ...]
    order: int


@dataclass(frozen=True)
class Sheet:
    """A sheet with its imports expanded, in cascade order, every value checked."""

    name: str  # what the user asked for
    path: Path | None  # the top sheet's file (None for the built-in defaults)
    rules: tuple[Rule, ...]
    fonts: tuple[FontFile, ...]
    files: tuple[Path, ...]  # every file read (sheets, fonts, images), for caching


@dataclass
class _Raw:
    """A declaration before var() substitution and checking."""

    selectors: tuple[Selector, ...]
    name: str
    tokens: list[css.Node]
    important: bool
    span: Span  # of the property's name
    folder: Path
    order: int
    value_span: Span  # of the value, where value errors point


def _unsafe_token(tokens: list[css.Node]) -> tuple[css.Node, str] | None:
    """The first token whose decoded text has a character XML, PDF or a terminal cannot take."""
    for token in tokens:
        value = getattr(token, "value", None)
        found = UNSAFE.search(value) if isinstance(value, str) else None
        if found is not None:
            return token, found.group()
        inner = getattr(token, "arguments", None) or getattr(token, "content", None)
        if isinstance(inner, list):
            deeper = _unsafe_token(inner)
            if deeper is not None:
                return deeper
    return None


class _Reader(SelectorReader):
    def __init__(self) -> None:
        super().__init__()
        self.raws: list[_Raw] = []
        self.custom: dict[str, tuple[list[css.Node], Span]] = {}
        self.fonts: list[FontFile] = []
        self.files: list[Path] = []
        self.order = 0
        self.sheets_read = 0
        self.var_calls = 0

    # -- files ------------------------------------------------------------------------

    def read_file(self, path: Path, stack: tuple[Path, ...], via: Span | None) -> None:
        if path in stack:
            chain = " → ".join(p.name for p in (*stack[stack.index(path) :], path))
            assert via is not None
            self.err("style-import-cycle", via, chain=chain)
            return
        self.sheets_read += 1
        if via is not None and (len(stack) >= IMPORT_DEPTH or self.sheets_read > IMPORT_COUNT):
            if not any(d.code == "style-too-many-imports" for d in self.diagnostics):
                self.err("style-too-many-imports", via, depth=IMPORT_DEPTH, count=IMPORT_COUNT)
            return
        try:
            data = read_bounded(path, SHEET_MAX_BYTES)
            if data is None:
                self.err(
                    "style-too-large", via or Span(str(path), 0, 1, 0), file=str(path), limit=_size(SHEET_MAX_BYTES)
                )
                return
            text = data.decode("utf-8")
        except FileNotFoundError:
            if via is None:
                raise
            self.err("style-missing-file", via, file=path.name, folder=str(path.parent))
            return
        except (OSError, UnicodeDecodeError) as exc:
            span = via or Span(str(path), 0, 1, 0)
            reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else (exc.strerror or type(exc).__name__)
            self.err("style-unreadable", span, file=str(path), reason=reason)
            return
        self.files.append(path)
        self.lines[str(path)] = text.splitlines()
        self.read_text(text, path, (*stack, path))

    def read_text(self, text: str, path: Path, stack: tuple[Path, ...]) -> None:
        bad = UNSAFE.search(text)  # in a label it would reach XML, PDF and terminals: refused where it is
        if bad is not None:
            before = text[: bad.start()].replace("\r\n", "\n").replace("\r", "\n")
            where = Span(str(path), before.count("\n") + 1, len(before) - before.rfind("\n"), 1)
            self.err("style-control-character", where, char=character_name(bad.group()))
            return
        rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        seen_rule = False
        for rule in rules:
            if rule.type == "error":
                self.err("style-syntax", self.span(path, rule, 1), reason=rule.message)
            elif rule.type == "at-rule":
                keyword = rule.lower_at_keyword
                if keyword == "import":
                    if seen_rule:
                        self.err("style-import-late", self.span(path, rule, 7))
                        continue
                    self.import_rule(rule, path, stack)
                elif keyword == "page":
                    seen_rule = True
                    self.block(rule, (Selector("@page", frozenset(), None, (0, 1), "@page"),), path)
                elif keyword == "font-face":
                    seen_rule = True
                    self.font_face(rule, path)
                else:
                    self.err("style-unknown-at-rule", self.span(path, rule, len(keyword) + 1), rule=keyword)
            else:
                seen_rule = True
                selectors = self.selectors(rule.prelude, path)
                if selectors:
                    self.block(rule, selectors, path)

    def import_rule(self, rule: css.AtRule, path: Path, stack: tuple[Path, ...]) -> None:
        items = values.significant(rule.prelude)
        span = self.span(path, rule, 7)
        target: str | None = None
        if len(items) == 1 and items[0].type in ("string", "url"):
            target = str(items[0].value)
        elif len(items) == 1 and items[0].type == "function" and items[0].lower_name == "url":
            args = values.significant(items[0].arguments)
            if len(args) == 1 and args[0].type == "string":
                target = str(args[0].value)
        if target is None:
            self.err("style-bad-import", span)
            return
        if "/" not in target and "\\" not in target and not target.endswith(".css"):
            shipped = SHIPPED / f"{target}.css"
            if not shipped.exists():
                self.err(
                    "style-unknown-sheet", self.span(path, items[0]), name=target, known=", ".join(shipped_names())
                )
                return
            self.read_file(shipped.resolve(), stack, span)
            return
        located = self.inside(path.parent, target, self.span(path, items[0]))
        if located is not None and located.suffix.lower() != ".css":
            self.err("style-not-css", self.span(path, items[0]), file=target)
        elif located is not None:
            self.read_file(located, stack, span)

    def inside(self, folder: Path, target: str, span: Span) -> Path | None:
        """A file named by a sheet, refused unless it lies in the sheet's folder (or below)."""
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith(("/", "\\")):
            self.err("style-outside-folder", span, file=target)
            return None
        candidate = (folder / target).resolve()
        root = folder.resolve()
        if root != candidate and root not in candidate.parents:
            self.err("style-outside-folder", span, file=target)
            return None
        if not candidate.is_file():
            self.err("style-missing-file", span, file=target, folder=str(folder))
            return None
        return candidate

    def block(self, rule: Any, selectors: tuple[Selector, ...], path: Path) -> None:
        content = rule.content or []
        for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
            if item.type == "error":
                self.err("style-syntax", self.span(path, item, 1), reason=item.message)
                continue
            if item.type != "declaration":
                self.err("style-nested", self.span(path, item, 1))
                continue
            span = Span(str(path), item.source_line, item.source_column, len(item.name))
            escaped = _unsafe_token(item.value)
            if escaped is not None:  # written as a CSS escape ("\\1b"): refused as the raw character is
                token, char = escaped
                at = Span(str(path), token.source_line, token.source_column, 1)
                self.err("style-control-character", at, char=character_name(char))
                continue
            if item.name.startswith("--"):
                self.custom[item.name] = (list(item.value), span)
                continue
            name = item.lower_name
            if name not in PROPERTIES:
                self.err("style-unknown-property", span, prop=item.name, suggestion=suggest(name, list(PROPERTIES)))
                continue
            refused = [s for s in selectors if name not in ELEMENTS[s.element].allowed]
            if refused:
                where = [n for n, e in ELEMENTS.items() if name in e.allowed]
                self.err(
                    "style-property-not-here", span, prop=name, selector=refused[0].text, elements=", ".join(where)
                )
                continue
            shown = [t for t in item.value if t.type not in ("whitespace", "comment")]
            if shown:
                text = "".join(t.serialize() for t in item.value).strip()
                value_span = Span(str(path), shown[0].source_line, shown[0].source_column, max(1, len(text)))
            else:
                value_span = span
            self.raws.append(
                _Raw(selectors, name, list(item.value), item.important, span, path.parent, self.order, value_span)
            )
            self.order += 1

    def font_face(self, rule: css.AtRule, path: Path) -> None:
        props: dict[str, tuple[list[css.Node], Span]] = {}
        for item in tinycss2.parse_blocks_contents(rule.content or [], skip_comments=True, skip_whitespace=True):
            if item.type != "declaration":
                continue
            span = Span(str(path), item.source_line, item.source_column, len(item.name))
            if item.lower_name not in ("font-family", "src", "font-weight", "font-style"):
                self.err(
                    "style-unknown-property",
                    span,
                    prop=item.name,
                    suggestion=suggest(item.lower_name, ["font-family", "src", "font-weight", "font-style"]),
                )
                continue
            props[item.lower_name] = (list(item.value), span)
        head = self.span(path, rule, 10)
        if "font-family" not in props or "src" not in props:
            self.err("style-font-face-incomplete", head)
            return
        try:
            family = values.parse_families(props["font-family"][0])[0]
            url = values.parse_url(props["src"][0])
            bold = values.parse_weight(props["font-weight"][0]) == "bold" if "font-weight" in props else False
            italic = (
                values.keyword(("normal", "italic"))(props["font-style"][0]) == "italic"
                if "font-style" in props
                else False
            )
        except ValueProblem as problem:
            self.err("style-bad-value", head, prop="@font-face", expected=problem.expected, got="?")
            return
        if url is None:
            self.err("style-font-face-incomplete", head)
            return
        src_span = props["src"][1]
        located = self.inside(path.parent, url.text, src_span)
        if located is None:
            return
        if located.suffix.lower() not in FONT_TYPES:
            self.err("style-bad-font-file", src_span, file=url.text)
            return
        font_problem = check_font_file(located)
        if font_problem is not None:
            self.err("style-unusable-font", src_span, file=url.text, reason=font_problem[0], limit=font_problem[1])
            return
        self.files.append(located)
        self.fonts.append(FontFile(family, str(located), bold, italic))

    # -- values -------------------------------------------------------------------------------

    def substitute(self, tokens: list[css.Node], span: Span, stack: tuple[str, ...] = ()) -> list[css.Node] | None:
        """``tokens`` with every var() replaced, bounded in depth and in the tokens it makes."""
        out: list[css.Node] = []
        for token in tokens:
            if token.type != "function" or token.lower_name != "var":
                out.append(token)
                continue
            args = token.arguments
            name_tokens = values.significant(args)
            if not name_tokens or name_tokens[0].type != "ident" or not name_tokens[0].value.startswith("--"):
                self.err("style-bad-var", span)
                return None
            name = name_tokens[0].value
            comma = next((k for k, t in enumerate(args) if t.type == "literal" and t.value == ","), None)
            if name in stack:
                self.err("style-var-cycle", span, name=name, chain=" → ".join((*stack[stack.index(name) :], name)))
                return None
            self.var_calls += 1
            if len(stack) >= VAR_DEPTH or self.var_calls > VAR_CALLS:
                self.err("style-var-too-long", span, limit=VAR_TOKENS)
                return None
            if name in self.custom:
                replaced = self.substitute(self.custom[name][0], span, (*stack, name))
            elif comma is not None:
                replaced = self.substitute(list(args[comma + 1 :]), span, stack)
            else:
                self.err("style-undefined-var", span, name=name, suggestion=suggest(name, list(self.custom)))
                return None
            if replaced is None:
                return None
            out.extend(replaced)
            if len(out) > VAR_TOKENS:
                self.err("style-var-too-long", span, limit=VAR_TOKENS)
                return None
        return out

    def large_enough(self, raw: _Raw, value: Any) -> bool:
        """Element-specific minimums (a step 0pt wide divides by zero), checked where they are written."""
        for selector in raw.selectors:
            low = MINIMUMS.get((selector.element, raw.name))
            if selector.element == "cell" and raw.name == "min-width" and selector.classes <= {"actor"}:
                low = 1.0
            if low is not None and isinstance(value, float) and value < low:
                expected = f"a length of at least {low:g}pt for {selector.element}"
                self.err("style-bad-value", raw.value_span, prop=raw.name, expected=expected, got=f"{value:g}pt")
                return False
        return True

    def finish(self) -> list[Rule]:
        rules: list[Rule] = []
        for raw in self.raws:
            self.var_calls = 0
            tokens = self.substitute(raw.tokens, raw.value_span)
            if tokens is None:
                continue
            prop = PROPERTIES[raw.name]
            try:
                value = prop.parse(tokens)
            except ValueProblem as problem:
                shown = "".join(t.serialize() for t in tokens).strip() or "(nothing)"
                self.err("style-bad-value", raw.value_span, prop=raw.name, expected=problem.expected, got=shown)
                continue
            if isinstance(value, UrlValue):
                located = self.inside(raw.folder, value.text, raw.value_span)
                if located is None:
                    continue
                if located.suffix.lower() not in IMAGE_TYPES:
                    self.err("style-bad-image", raw.value_span, file=value.text)
                    continue
                image_problem = check_image_file(located)
                if image_problem is not None:
                    self.err("style-unreadable-image", raw.value_span, file=value.text, reason=image_problem)
                    continue
                self.files.append(located)
                value = located
            if not self.large_enough(raw, value):
                continue
            rules.append(Rule(raw.selectors, (Declaration(raw.name, value, raw.important, raw.span),), raw.order))
        return rules


def shipped_names() -> list[str]:
    return sorted(p.stem for p in SHIPPED.glob("*.css"))


def shipped_description(name: str) -> str:
    """The first comment line of a shipped sheet."""
    text = (SHIPPED / f"{name}.css").read_text(encoding="utf-8")
    match = re.match(r"\s*/\*\s*(.*?)\s*(?:\*/|\n)", text)
    return match.group(1) if match else ""


def read_sheet(path: Path, name: str | None = None, extra_css: str = "") -> Sheet:
    """Read a sheet file (with its imports) and optional extra rules; raise StyleError on any problem."""
    reader = _Reader()
    reader.read_file(path.resolve(), (), None)
    if extra_css:
        reader.lines["<options>"] = extra_css.splitlines()
        reader.read_text(extra_css, Path("<options>"), ())
    rules = reader.finish()
    if reader.diagnostics:
        raise StyleError(reader.diagnostics)
    return Sheet(name or str(path), path, tuple(rules), tuple(reader.fonts), tuple(reader.files))


def read_css(text: str, name: str = "<style>", folder: Path | None = None) -> Sheet:
    """Read CSS text given directly (a pipeline's own rules); files resolve against ``folder``."""
    reader = _Reader()
    path = (folder or Path.cwd()) / name
    reader.lines[str(path)] = text.splitlines()
    reader.read_text(text, path, ())
    rules = reader.finish()
    if reader.diagnostics:
        raise StyleError(reader.diagnostics)
    return Sheet(name, None, tuple(rules), tuple(reader.fonts), ())
