"""Selectors of flowgen style sheets, and the diagnostics every part of the sheet reader shares.

A selector is ``element``, ``element.class...``, ``:root``/``*`` or ``lane:nth-child(...)``:
no combinators, since flowgen styles each element directly.  Split out of
:mod:`flowgen.style.sheet` to keep each module readable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinycss2 import ast as css

from flowgen.errors import Diagnostic, Span, error
from flowgen.style.schema import ELEMENTS
from flowgen.suggest import suggest


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


def _head(tokens: list[css.Node]) -> tuple[str | None, int]:
    """The element a selector starts with (``*`` and ``:root`` are the root) and where the rest begins."""
    first = tokens[0]
    if first.type == "ident":
        return str(first.lower_value), 1
    if first.type == "literal" and first.value == "*":
        return ":root", 1
    root = len(tokens) > 1 and tokens[1].type == "ident" and tokens[1].lower_value == "root"
    if first.type == "literal" and first.value == ":" and root:
        return ":root", 2
    return None, 0


class SheetDiagnostics:
    """Collects a sheet's problems with the line they are on (only of files accepted as sheets)."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []
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


class SelectorReader(SheetDiagnostics):
    """Reads the selectors of a rule's prelude."""

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
        classes: set[str] = set()
        nth: tuple[int, int] | None = None
        element, i = _head(tokens)
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
