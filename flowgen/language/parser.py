"""The .pos parser: text in, syntax tree and diagnostics out.

The language is line based, so the parser is a small hand-written loop over
lines rather than a grammar: that gives every diagnostic an exact column and
lets it keep going after a mistake, so a writer sees all of them in one run.
It never raises for bad input; it returns what it understood plus the list
of problems.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from flowgen.errors import Diagnostic, Span, error
from flowgen.language import ast
from flowgen.language.keywords import (
    ATTRIBUTE_KEYS,
    LIST_KEYS,
    SCALAR_KEYS,
    SECTION_KEYS,
    STEP_KEYWORDS,
    TOP_KEYS,
    lookup,
)

IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
LABEL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\Z")
KEY_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)[ ]*:")
ARROW = "->"
ESCAPED_ARROW = "\\->"


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The closest choice to a misspelt word, if one is close enough."""
    lowered = {c.lower(): c for c in choices}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


def find_arrow(text: str) -> int:
    """Index of the last ``->`` not written as ``\\->``, or -1."""
    index = text.rfind(ARROW)
    while index > 0 and text[index - 1] == "\\":
        index = text.rfind(ARROW, 0, index - 1)
    return index


def unescape(text: str) -> str:
    return text.replace(ESCAPED_ARROW, ARROW)


@dataclass(frozen=True)
class _Line:
    number: int
    text: str  # the whole line as written (without the newline)
    indent: int  # depth of the indentation (a tab counts as two spaces)
    content: str  # the line without its indentation and trailing spaces
    lead: int  # characters of indentation as written

    @property
    def col(self) -> int:
        """1-based column where the content starts, in characters as written."""
        return self.lead + 1


class Parser:
    def __init__(self, text: str, source_name: str = "<text>"):
        self.source = source_name
        if text.startswith("\ufeff"):
            text = text[1:]
        self.lines = tuple(line.rstrip("\r") for line in text.split("\n"))
        self.diagnostics: list[Diagnostic] = []
        self.entries: list[ast.Entry] = []
        self.actors: list[ast.ActorDecl] = []
        self.steps: list[ast.StepNode] = []
        self.block: str | None = None  # canonical key of the open block, or "?" for an ignored one
        self.block_line: int = 0
        self.list_values: list[ast.Value] = []
        self.seen_keys: dict[str, int] = {}
        self.has_actors = False
        self.has_flow = False
        self.step_indent: int | None = None
        self.step: ast.StepNode | None = None

    # -- helpers -----------------------------------------------------------

    def span(self, line: _Line, offset: int, length: int) -> Span:
        """Span of ``length`` characters starting ``offset`` characters into the content."""
        return Span(self.source, line.number, line.col + offset, max(1, length))

    def err(self, code: str, span: Span, **args: object) -> None:
        text = self.lines[span.line - 1] if 1 <= span.line <= len(self.lines) else None
        self.diagnostics.append(error(code, span, text, **args))

    # -- main loop -----------------------------------------------------------

    def parse(self) -> tuple[ast.Document, list[Diagnostic]]:
        meaningful = 0
        for number, raw in enumerate(self.lines, start=1):
            stripped = raw.strip(" \t")
            if not stripped or stripped.startswith("#"):
                continue
            meaningful += 1
            line = self._measure(number, raw)
            if line.indent == 0:
                self._close_block()
                self._top_line(line)
            else:
                self._indented_line(line)
        self._close_block()
        if meaningful == 0:
            self.diagnostics.append(error("empty-file", Span(self.source, 0, 1, 0)))
        document = ast.Document(
            source_name=self.source,
            entries=tuple(self.entries),
            actors=tuple(self.actors),
            steps=tuple(self.steps),
            has_actors_block=self.has_actors,
            has_flow_block=self.has_flow,
            lines=self.lines,
        )
        return document, self.diagnostics

    def _measure(self, number: int, raw: str) -> _Line:
        lead = len(raw) - len(raw.lstrip(" \t"))
        prefix = raw[:lead]
        if "\t" in prefix:
            self.err("tab-indent", Span(self.source, number, prefix.index("\t") + 1, 1))
        return _Line(number, raw, len(prefix.replace("\t", "  ")), raw[lead:].rstrip(" \t"), lead)

    # -- top level -----------------------------------------------------------

    def _close_block(self) -> None:
        if self.block in LIST_KEYS.values() and self.entries and self.entries[-1].key == self.block:
            last = self.entries[-1]
            if self.list_values:
                self.entries[-1] = ast.Entry(
                    last.key, last.written_key, last.span, last.values + tuple(self.list_values), last.line_text
                )
            elif not last.values:
                self.err("empty-list", last.span, key=last.written_key)
        self.list_values = []
        if self.block not in ("alur", None):
            self.block = None

    def _top_line(self, line: _Line) -> None:
        match = KEY_LINE.match(line.content)
        if not match:
            if self._looks_like_step(line.content):
                self.err("step-not-indented", self.span(line, 0, len(line.content)))
            else:
                self.err("expected-key", self.span(line, 0, len(line.content)))
            self.block = "?"
            return
        written = match.group(1)
        key = lookup(TOP_KEYS, written)
        value_text = line.content[match.end() :]
        value_offset = match.end() + (len(value_text) - len(value_text.lstrip()))
        value = value_text.strip()
        key_span = self.span(line, 0, len(written))
        if key is None:
            if self.block == "alur" or self._looks_like_step(line.content):
                self.err("step-not-indented", self.span(line, 0, len(line.content)))
            else:
                self.err(
                    "unknown-key",
                    key_span,
                    key=written,
                    suggestion=suggest(written, list(TOP_KEYS)),
                    known=", ".join(sorted(set(TOP_KEYS.values()))),
                )
            self.block = "?"
            return
        if key in self.seen_keys:
            self.err("duplicate-key", key_span, key=written, first=self.seen_keys[key])
            self.block = "?"
            return
        self.seen_keys[key] = line.number
        self.block = key
        self.block_line = line.number
        if key in SECTION_KEYS.values():
            if value:
                self.err("section-inline", self.span(line, value_offset, len(value)), key=written)
            if key == "pelaksana":
                self.has_actors = True
            else:
                self.has_flow = True
                self.step_indent = None
                self.step = None
            return
        values: tuple[ast.Value, ...] = ()
        if value:
            values = (ast.Value(value, self.span(line, value_offset, len(value))),)
        elif key in SCALAR_KEYS.values():
            self.err("empty-value", key_span, key=written)
        self.entries.append(ast.Entry(key, written, key_span, values, line.text))

    @staticmethod
    def _looks_like_step(content: str) -> bool:
        head = content.split(":", 1)[0].strip()
        if content.startswith(("[", "?")) or "+" in head:
            return True
        first = head.split(" ", 1)[0]
        return lookup(STEP_KEYWORDS, first) is not None and " " in head

    # -- indented lines -------------------------------------------------------

    def _indented_line(self, line: _Line) -> None:
        block = self.block
        if block is None:
            self.err("unexpected-indent", self.span(line, 0, len(line.content)))
            return
        if block == "?":
            return
        if block in LIST_KEYS.values():
            self._list_item(line)
        elif block == "pelaksana":
            self._actor_line(line)
        elif block == "alur":
            self._flow_line(line)
        else:
            self.err("value-continues", self.span(line, 0, len(line.content)), key=block)

    def _list_item(self, line: _Line) -> None:
        if not line.content.startswith("-"):
            self.err("expected-item", self.span(line, 0, len(line.content)))
            return
        item = line.content[1:]
        offset = 1 + len(item) - len(item.lstrip())
        item = item.strip()
        if not item:
            self.err("empty-item", self.span(line, 0, 1))
            return
        self.list_values.append(ast.Value(item, self.span(line, offset, len(item))))

    def _actor_line(self, line: _Line) -> None:
        content = line.content
        if "=" not in content:
            self.err("expected-actor", self.span(line, 0, len(content)))
            return
        key_text, name_text = content.split("=", 1)
        key = key_text.strip()
        name_offset = len(key_text) + 1 + len(name_text) - len(name_text.lstrip())
        name = name_text.strip()
        if not IDENT.match(key):
            self.err("bad-actor-key", self.span(line, 0, max(1, len(key))), key=key)
            return
        if not name:
            self.err("empty-actor-name", self.span(line, 0, len(key)), key=key)
            return
        self.actors.append(
            ast.ActorDecl(
                ast.Value(key, self.span(line, 0, len(key))),
                ast.Value(name, self.span(line, name_offset, len(name))),
                line.text,
            )
        )

    def _flow_line(self, line: _Line) -> None:
        attribute = self._attribute_key(line.content)
        if self.step_indent is None:
            if attribute is not None:
                self.err("attribute-without-step", self.span(line, 0, len(line.content)))
                return
            self.step_indent = line.indent
        if line.indent > self.step_indent:
            if self.step is None:
                self.err("attribute-without-step", self.span(line, 0, len(line.content)))
                return
            self._step_child(line, self.step)
            return
        if line.indent < self.step_indent:
            self.err("inconsistent-indent", self.span(line, 0, len(line.content)), column=self.step_indent + 1)
        self.step = self._step_line(line)
        if self.step is not None:
            self.steps.append(self.step)

    @staticmethod
    def _attribute_key(content: str) -> str | None:
        match = KEY_LINE.match(content)
        if match:
            return lookup(ATTRIBUTE_KEYS, match.group(1))
        return None

    # -- a step line ----------------------------------------------------------

    def _step_line(self, line: _Line) -> ast.StepNode | None:
        content = line.content
        pos = 0
        label: ast.Value | None = None
        if content.startswith("["):
            close = content.find("]")
            if close < 0:
                self.err("unclosed-label", self.span(line, 0, len(content)))
                return None
            name = content[1:close].strip()
            if not LABEL.match(name) or name.isdigit():
                self.err("bad-label", self.span(line, 0, close + 1), label=name)
                return None
            label = ast.Value(name, self.span(line, 1 + content[1:close].index(name), len(name)))
            pos = close + 1
        pos = _skip_spaces(content, pos)
        kind = "activity"
        if content.startswith("?", pos):
            kind = "decision"
            pos = _skip_spaces(content, pos + 1)
        else:
            word = re.match(r"([A-Za-z]+)[ ]+(?=[^ :+=])", content[pos:])
            if word and lookup(STEP_KEYWORDS, word.group(1)):
                kind = STEP_KEYWORDS[word.group(1).lower()]
                pos = _skip_spaces(content, pos + word.end())
        rest = content[pos:]
        colon = rest.find(":")
        arrow_in_head = find_arrow(rest if colon < 0 else rest[:colon])
        if colon < 0:
            if kind not in ("start", "end"):
                self.err("expected-colon", self.span(line, pos, len(rest)), kind=kind)
                return None
            head = rest if arrow_in_head < 0 else rest[:arrow_in_head]
            body, body_offset = ("" if arrow_in_head < 0 else rest[arrow_in_head:]), pos + len(head)
        else:
            if arrow_in_head >= 0:
                self.err("expected-colon", self.span(line, pos, len(rest)), kind=kind)
                return None
            head = rest[:colon]
            body, body_offset = rest[colon + 1 :], pos + colon + 1
        actors = self._actors(line, head, pos)
        text, targets = self._text_and_targets(line, body, body_offset)
        head_span = self.span(line, 0, len(content))
        if not text.text and kind in ("activity", "decision"):
            self.err("missing-text", self.span(line, pos, len(rest)), kind=kind)
        if targets is not None and kind == "decision":
            self.err("decision-arrow", self.span(line, body_offset + find_arrow(body), 2))
            targets = None
        if targets is not None and kind == "end":
            self.err("end-arrow", self.span(line, body_offset + find_arrow(body), 2))
            targets = None
        return ast.StepNode(kind, label, actors, text, targets, head_span, line.text)

    def _actors(self, line: _Line, head: str, offset: int) -> tuple[ast.Value, ...]:
        """The actor keys of a step; () after reporting a malformed one (the step is kept)."""
        if not head.strip():
            self.err("missing-actor", self.span(line, offset, 1))
            return ()
        actors: list[ast.Value] = []
        cursor = 0
        for part in head.split("+"):
            key = part.strip()
            start = offset + cursor + (len(part) - len(part.lstrip()))
            cursor += len(part) + 1
            if not IDENT.match(key):
                code = "actors-with-spaces" if " " in key else "bad-actor-ref"
                self.err(code, self.span(line, start, max(1, len(key))), key=key)
                return ()
            actors.append(ast.Value(key, self.span(line, start, len(key))))
        return tuple(actors)

    def _text_and_targets(self, line: _Line, body: str, offset: int) -> tuple[ast.Value, tuple[ast.Value, ...] | None]:
        arrow = find_arrow(body)
        targets: tuple[ast.Value, ...] | None = None
        text_part = body
        if arrow >= 0:
            text_part = body[:arrow]
            targets = self._targets(line, body[arrow + 2 :], offset + arrow + 2, offset + arrow)
        stripped = text_part.strip()
        lead = len(text_part) - len(text_part.lstrip())
        text = ast.Value(unescape(stripped), self.span(line, offset + lead, len(stripped)))
        return text, targets

    def _targets(self, line: _Line, text: str, offset: int, arrow_offset: int) -> tuple[ast.Value, ...]:
        values: list[ast.Value] = []
        if not text.strip():
            self.err("missing-target", self.span(line, arrow_offset, 2))
            return ()
        cursor = 0
        for part in text.split(","):
            name = part.strip()
            start = offset + cursor + (len(part) - len(part.lstrip()))
            cursor += len(part) + 1
            if not name:
                self.err("missing-target", self.span(line, max(arrow_offset, start - 1), 1))
                continue
            if not LABEL.match(name):
                self.err("bad-target", self.span(line, start, len(name)), target=name)
                continue
            values.append(ast.Value(name, self.span(line, start, len(name))))
        return tuple(values)

    # -- lines under a step ---------------------------------------------------

    def _step_child(self, line: _Line, step: ast.StepNode) -> None:
        content = line.content
        match = KEY_LINE.match(content)
        key = lookup(ATTRIBUTE_KEYS, match.group(1)) if match else None
        if match and key is not None:
            value_text = content[match.end() :]
            lead = match.end() + len(value_text) - len(value_text.lstrip())
            value = value_text.strip()
            key_span = self.span(line, 0, len(match.group(1)))
            if not value:
                self.err("empty-value", key_span, key=match.group(1))
                return
            if any(a.key == key for a in step.attributes):
                first = next(a for a in step.attributes if a.key == key)
                self.err("duplicate-attribute", key_span, key=match.group(1), first=first.span.line)
                return
            step.attributes.append(
                ast.Attribute(key, ast.Value(value, self.span(line, lead, len(value))), key_span, line.text)
            )
            return
        arrow = find_arrow(content)
        if arrow >= 0:
            label = content[:arrow].strip()
            if step.kind != "decision":
                self.err("branch-not-decision", self.span(line, 0, len(content)))
                return
            if not label:
                self.err("branch-without-label", self.span(line, arrow, 2))
                return
            if ":" in label:
                self._unknown_attribute(line, label.split(":", 1)[0].strip())
                return
            targets = self._targets(line, content[arrow + 2 :], arrow + 2, arrow)
            step.branches.append(
                ast.Branch(
                    ast.Value(label, self.span(line, 0, len(label))),
                    targets,
                    self.span(line, 0, len(content)),
                    line.text,
                )
            )
            return
        if match:
            self._unknown_attribute(line, match.group(1))
            return
        if step.kind == "decision" and ":" not in content:
            step.branches.append(
                ast.Branch(
                    ast.Value(content, self.span(line, 0, len(content))),
                    (),
                    self.span(line, 0, len(content)),
                    line.text,
                )
            )
            return
        self.err("unexpected-under-step", self.span(line, 0, len(content)))

    def _unknown_attribute(self, line: _Line, written: str) -> None:
        self.err(
            "unknown-attribute",
            self.span(line, 0, len(written)),
            key=written,
            suggestion=suggest(written, list(ATTRIBUTE_KEYS)),
        )


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def parse_document(text: str, source_name: str = "<text>") -> tuple[ast.Document, list[Diagnostic]]:
    """Parse .pos text into a syntax tree, collecting every problem found."""
    return Parser(text, source_name).parse()
