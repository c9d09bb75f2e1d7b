"""Reading style sheets: CSS text to checked rules, with every problem at sheet:line:column.

tinycss2 tokenises; this module applies flowgen's closed vocabulary
(:mod:`flowgen.style.schema`): selectors are ``element``, ``element.class``
and ``lane:nth-child(...)``; ``@import``, ``@page`` and ``@font-face`` are the
at-rules.  Custom properties (``--brand: #1f4e79``) are collected across the
whole cascade and ``var()`` is substituted before values are checked.
Files (imports, logos, fonts) may only come from the sheet's own folder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tinycss2
from tinycss2 import ast as css

from flowgen.errors import Diagnostic, Span, StyleError, error
from flowgen.style import values
from flowgen.style.schema import ELEMENTS, PROPERTIES
from flowgen.style.values import UrlValue, ValueProblem
from flowgen.suggest import suggest
from flowgen.text import FontFile

SHIPPED = Path(__file__).resolve().parent.parent / "stylesheets"
IMAGE_TYPES = (".png", ".jpg", ".jpeg")
FONT_TYPES = (".ttf", ".otf")


@dataclass(frozen=True)
class Selector:
    element: str
    classes: frozenset[str]
    nth: tuple[int, int] | None  # an+b of :nth-child
    specificity: tuple[int, int]
    text: str

    def matches(self, element: str, classes: frozenset[str], index: int | None) -> bool:
        if self.element != element or not self.classes <= classes:
            return False
        if self.nth is None:
            return True
        if index is None:
            return False
        a, b = self.nth
        position = index + 1
        if a == 0:
            return position == b
        return (position - b) % a == 0 and (position - b) // a >= 0


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
    files: tuple[Path, ...]  # every sheet read, for messages and caching


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


class _Reader:
    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.raws: list[_Raw] = []
        self.custom: dict[str, tuple[list[css.Node], Span]] = {}
        self.fonts: list[FontFile] = []
        self.files: list[Path] = []
        self.order = 0
        self.lines: dict[str, list[str]] = {}

    # -- diagnostics ----------------------------------------------------------------

    def span(self, path: Path, node: Any, length: int | None = None) -> Span:
        line = getattr(node, "source_line", 1) or 1
        column = getattr(node, "source_column", 1) or 1
        if length is None:
            try:
                length = len(node.serialize()) if hasattr(node, "serialize") else 1
            except Exception:
                length = 1
        return Span(str(path), line, column, max(1, length))

    def err(self, code: str, span: Span, **args: object) -> None:
        lines = self.lines.get(span.file, [])
        text = lines[span.line - 1] if 1 <= span.line <= len(lines) else None
        self.diagnostics.append(error(code, span, text, **args))

    # -- files ------------------------------------------------------------------------

    def read_file(self, path: Path, stack: tuple[Path, ...], via: Span | None) -> None:
        if path in stack:
            chain = " → ".join(p.name for p in (*stack[stack.index(path) :], path))
            assert via is not None
            self.err("style-import-cycle", via, chain=chain)
            return
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            if via is None:
                raise
            self.err("style-missing-file", via, file=path.name, folder=str(path.parent))
            return
        except (OSError, UnicodeDecodeError) as exc:
            span = via or Span(str(path), 0, 1, 0)
            self.err("style-unreadable", span, file=str(path), reason=str(exc))
            return
        self.files.append(path)
        self.lines[str(path)] = text.splitlines()
        self.read_text(text, path, (*stack, path))

    def read_text(self, text: str, path: Path, stack: tuple[Path, ...]) -> None:
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
        if located is not None:
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

    # -- selectors ----------------------------------------------------------------------

    def selectors(self, prelude: Sequence[css.Node], path: Path) -> tuple[Selector, ...]:
        groups: list[list[css.Node]] = [[]]
        for token in prelude:
            if token.type == "literal" and token.value == ",":
                groups.append([])
            else:
                groups[-1].append(token)
        found: list[Selector] = []
        for group in groups:
            selector = self.selector(group, path)
            if selector is not None:
                found.append(selector)
        return tuple(found) if len(found) == len(groups) else ()

    def selector(self, tokens: list[css.Node], path: Path) -> Selector | None:
        while tokens and tokens[0].type == "whitespace":
            tokens = tokens[1:]
        while tokens and tokens[-1].type == "whitespace":
            tokens = tokens[:-1]
        text = "".join(t.serialize() for t in tokens)
        if not tokens:
            self.err("style-empty-selector", Span(str(path), 1, 1, 1))
            return None
        first = tokens[0]
        span = self.span(path, first, len(text))
        if any(t.type == "whitespace" or (t.type == "literal" and t.value in (">", "+", "~")) for t in tokens):
            self.err("style-combinator", span, selector=text)
            return None
        element: str | None = None
        classes: set[str] = set()
        nth: tuple[int, int] | None = None
        i = 0
        if first.type == "ident":
            element = first.lower_value
            i = 1
        elif first.type == "literal" and first.value == "*":
            element = ":root"
            i = 1
        elif (
            first.type == "literal"
            and first.value == ":"
            and len(tokens) > 1
            and tokens[1].type == "ident"
            and tokens[1].lower_value == "root"
        ):
            element = ":root"
            i = 2
        if element is None:
            self.err("style-bad-selector", span, selector=text)
            return None
        if element not in ELEMENTS or element in ("@page",):
            names = [n for n in ELEMENTS if not n.startswith(("@", ":"))]
            self.err(
                "style-unknown-selector",
                self.span(path, first, len(element)),
                selector=element,
                suggestion=suggest(element, names),
                known=", ".join(names),
            )
            return None
        spec = ELEMENTS[element]
        while i < len(tokens):
            token = tokens[i]
            if token.type == "literal" and token.value == "." and i + 1 < len(tokens) and tokens[i + 1].type == "ident":
                name = tokens[i + 1].lower_value
                if name not in spec.classes:
                    self.err(
                        "style-unknown-class",
                        self.span(path, tokens[i + 1]),
                        cls=name,
                        element=element,
                        suggestion=suggest(name, spec.classes),
                        known=", ".join(spec.classes) or "-",
                    )
                    return None
                classes.add(name)
                i += 2
                continue
            if (
                token.type == "literal"
                and token.value == ":"
                and i + 1 < len(tokens)
                and tokens[i + 1].type == "function"
                and tokens[i + 1].lower_name == "nth-child"
                and spec.nth_child
            ):
                nth = self.nth(tokens[i + 1], path)
                if nth is None:
                    return None
                i += 2
                continue
            self.err("style-bad-selector", self.span(path, token), selector=text)
            return None
        specificity = (len(classes) + (1 if nth else 0), 0 if element == ":root" else 1)
        return Selector(element, frozenset(classes), nth, specificity, text)

    def nth(self, function: css.FunctionBlock, path: Path) -> tuple[int, int] | None:
        args = "".join(t.serialize() for t in function.arguments).strip().lower().replace(" ", "")
        if args == "odd":
            return (2, 1)
        if args == "even":
            return (2, 0)
        if args.isdigit() and int(args) > 0:
            return (0, int(args))
        match = re.fullmatch(r"(\d*)n(?:\+(\d+))?", args)
        if match:
            return (int(match.group(1) or 1), int(match.group(2) or 0))
        self.err("style-bad-nth", self.span(path, function), text=args)
        return None

    # -- declarations ---------------------------------------------------------------------

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
        self.fonts.append(FontFile(family, str(located), bold, italic))

    # -- values -------------------------------------------------------------------------------

    def substitute(self, tokens: list[css.Node], span: Span, depth: int = 0) -> list[css.Node] | None:
        out: list[css.Node] = []
        for token in tokens:
            if token.type == "function" and token.lower_name == "var":
                args = token.arguments
                name_tokens = values.significant(args)
                if not name_tokens or name_tokens[0].type != "ident" or not name_tokens[0].value.startswith("--"):
                    self.err("style-bad-var", span)
                    return None
                name = name_tokens[0].value
                fallback: list[css.Node] | None = None
                for k, t in enumerate(args):
                    if t.type == "literal" and t.value == ",":
                        fallback = list(args[k + 1 :])
                        break
                if name in self.custom and depth < 16:
                    replaced = self.substitute(self.custom[name][0], span, depth + 1)
                elif fallback is not None:
                    replaced = self.substitute(fallback, span, depth + 1)
                else:
                    self.err("style-undefined-var", span, name=name, suggestion=suggest(name, list(self.custom)))
                    return None
                if replaced is None:
                    return None
                out.extend(replaced)
            else:
                out.append(token)
        return out

    def finish(self) -> list[Rule]:
        rules: list[Rule] = []
        for raw in self.raws:
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
                value = located
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
