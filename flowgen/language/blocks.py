"""The lines of the identity's lists and of 'pelaksana:': items, actors, and values that go on.

The part of the parser for blocks that are not steps.  A value of a signed
sheet is often broken over lines (an agency and its unit, a legal basis
and its title, "KPTA/ WakaPTA/ Pansek"): an indented line under a value
continues it on a new line, kept as ``\n`` in the text.
"""

from __future__ import annotations

from flowgen.language import ast
from flowgen.language.lines import ACTOR_LINE_LOOSE, IDENT, Line, deeper_below, joined
from flowgen.language.steps import StepReader


class BlockReader(StepReader):
    """List items, actor lines and continuations; the state is set up by the parser's ``__init__``."""

    block: str | None
    flow_written: bool
    list_values: list[ast.Value]
    list_failed: bool
    item_indent: int
    actor_indent: int | None
    step_indent: int | None
    entries: list[ast.Entry]
    actors: list[ast.ActorDecl]

    def _clearly_a_step(self, content: str) -> bool:
        raise NotImplementedError

    def _open_flow(self, line: Line) -> None:
        raise NotImplementedError

    def _indent_from(self, line: Line) -> int:
        raise NotImplementedError

    def _flow_line(self, line: Line) -> None:
        raise NotImplementedError

    def _continued(self, entry: ast.Entry, line: Line) -> ast.Entry:
        """An indented line under ``key: value``: the value goes on, on a new line, as the sheet breaks it."""
        value = ast.Value(line.content, self.span(line, 0, len(line.content)))
        if not entry.values:
            return ast.Entry(entry.key, entry.written_key, entry.span, (value,), entry.line_text)
        last = entry.values[-1]
        longer = ast.Value(joined(last.text, line.content), last.span)
        return ast.Entry(entry.key, entry.written_key, entry.span, (*entry.values[:-1], longer), entry.line_text)

    def _list_item(self, line: Line) -> None:
        if not line.content.startswith("-") and not self.list_failed and line.indent > self.item_indent:
            if self.list_values:  # the item above goes on, on a new line
                last = self.list_values[-1]
                self.list_values[-1] = ast.Value(joined(last.text, line.content), last.span)
                return
            if self.entries and self.entries[-1].key == self.block and self.entries[-1].values:
                self.entries[-1] = self._continued(self.entries[-1], line)
                return
        if not line.content.startswith("-"):
            if not self.list_failed:  # the lines after it are the same mistake
                self.err("expected-item", self.span(line, 0, len(line.content)))
            self.list_failed = True
            return
        item = line.content[1:]
        offset = 1 + len(item) - len(item.lstrip())
        item = item.strip()
        if not item:
            self.err("empty-item", self.span(line, 0, 1))
            self.list_failed = True
            return
        self.list_values.append(ast.Value(item, self.span(line, offset, len(item))))
        self.item_indent = line.indent + 1  # a line deeper than the dash continues the item

    def _actor_line(self, line: Line) -> None:
        content = line.content
        if "=" not in content and not self.flow_written and self._clearly_a_step(content):
            # the steps follow the actors, but 'alur:' is missing (reported as missing-flow)
            self._open_flow(line)
            self.step_indent = self._indent_from(line)
            self._flow_line(line)
            return
        if "=" not in content and self.actors and self.actor_indent is not None and line.indent > self.actor_indent:
            last = self.actors[-1]  # the printed name goes on, on a new line
            name_value = ast.Value(joined(last.name.text, content), last.name.span)
            self.actors[-1] = ast.ActorDecl(last.key, name_value, last.line_text)
            return
        self.actor_indent = None
        if "=" not in content:
            self.err("expected-actor", self.span(line, 0, len(content)))
            loose = ACTOR_LINE_LOOSE.match(content)
            if loose:  # "pu: Name" or "pu Name": keep the actor, so its steps are not reported too
                self._declare(line, loose.group(1), 0, loose.group(2).strip(), loose.start(2))
            return
        key_text, name_text = content.split("=", 1)
        key = key_text.strip()
        name_offset = len(key_text) + 1 + len(name_text) - len(name_text.lstrip())
        name = name_text.strip()
        if not IDENT.match(key):
            self.err("bad-actor-key", self.span(line, 0, max(1, len(key))), key=key)
            return
        if not name and not deeper_below(self.lines, line.number, line.indent):
            self.err("empty-actor-name", self.span(line, 0, len(key)), key=key)
        self.actor_indent = line.indent
        self._declare(line, key, len(key_text) - len(key_text.lstrip()), name, name_offset)

    def _declare(self, line: Line, key: str, key_offset: int, name: str, name_offset: int) -> None:
        self.actors.append(
            ast.ActorDecl(
                ast.Value(key, self.span(line, key_offset, len(key))),
                ast.Value(name, self.span(line, name_offset, len(name))),
                line.text,
            )
        )
