"""Reading a step line and the lines under it: label, keyword, actors, text, arrows, details.

The half of the parser that knows what a step looks like.  :class:`StepReader`
holds the state both halves share (the source, the diagnostics, the actors
declared ahead); :class:`~flowgen.language.parser.Parser` adds the blocks.
"""

from __future__ import annotations

import re

from flowgen.errors import Diagnostic, Span, error
from flowgen.language import ast
from flowgen.language.keywords import ATTRIBUTE_KEYS, ENGLISH, STEP_KEYWORDS, lookup
from flowgen.language.lines import (
    DETAIL_ORDER,
    IDENT,
    KEY_LINE,
    LABEL,
    STEP_NUMBER,
    UNCLOSED_LABEL,
    Line,
    deeper_below,
    find_arrow,
    is_english,
    joined,
    shallower_below,
    skip_spaces,
    unescape,
)
from flowgen.suggest import suggest

# "tidak -> selesai" or "tidak -> selesai: Tamu ditolak": a branch that ends the procedure by itself
END_TARGET = re.compile(r"[ ]*([A-Za-z]+)[ ]*(?::(.*))?\Z")


class StepReader:
    """Step lines; the state shared with the block parser is set up by its ``__init__``."""

    source: str
    lines: tuple[str, ...]
    diagnostics: list[Diagnostic]
    declared: list[str]
    branch_errors: set[int]
    duplicate_errors: set[int]
    step_indent: int | None
    detail_open: tuple[int, int] | None = None  # (step id, count of details) after a detail line
    detail_indent: int = 0  # and that line's indentation: a deeper line continues the detail

    # -- helpers -----------------------------------------------------------

    def span(self, line: Line, offset: int, length: int) -> Span:
        """Span of ``length`` characters starting ``offset`` characters into the content."""
        return Span(self.source, line.number, line.col + offset, max(1, length))

    def err(self, code: str, span: Span, **args: object) -> None:
        text = self.lines[span.line - 1] if 1 <= span.line <= len(self.lines) else None
        self.diagnostics.append(error(code, span, text, **args))

    def _number(self, line: Line, pos: int) -> tuple[ast.Value | None, int]:
        """``3. pu: ...`` or ``- pu: ...``: the number the sheet prints ("" for none), and where the step goes on."""
        found = STEP_NUMBER.match(line.content, pos)
        if found is None:
            return None, pos
        written = found.group(1) or ""
        return ast.Value(written, self.span(line, pos, found.end(1 if written else 2) - pos)), found.end()

    def _step_line(self, line: Line) -> ast.StepNode | None:
        content = line.content
        number, pos = self._number(line, 0)
        label: ast.Value | None = None
        if content.startswith("[", pos):
            start = pos
            close = content.find("]", pos)
            if close < 0:
                self.err("unclosed-label", self.span(line, 0, len(content)))
                guess = UNCLOSED_LABEL.match(content, pos)  # "[catat pu: ...": the label is the first word
                if guess is None:
                    return None
                if not guess.group(1).isdigit():
                    label = ast.Value(guess.group(1), self.span(line, guess.start(1), len(guess.group(1))))
                pos = guess.end()
            else:
                name = content[start + 1 : close].strip()
                if not LABEL.match(name) or name.isdigit():
                    self.err("bad-label", self.span(line, start, close + 1 - start), label=name)  # still read
                else:
                    where = start + 1 + content[start + 1 : close].index(name)
                    label = ast.Value(name, self.span(line, where, len(name)))
                pos = close + 1
        pos = skip_spaces(content, pos)
        if number is None:  # "[periksa] 3. kpg: ...": the number after the label
            number, pos = self._number(line, pos)
        kind = "activity"
        without_actor = False
        if content.startswith("?", pos):
            kind = "decision"
            pos = skip_spaces(content, pos + 1)
        else:
            word = re.match(r"([A-Za-z]+)[ ]+(?=[^ :+=])", content[pos:])
            alone = re.match(r"([A-Za-z]+)[ ]*(?=:|->|\Z)", content[pos:])
            if word and lookup(STEP_KEYWORDS, word.group(1)) and not content[pos + word.end() :].startswith("->"):
                kind = STEP_KEYWORDS[word.group(1).lower()]
                pos = skip_spaces(content, pos + word.end())
            elif alone and lookup(STEP_KEYWORDS, alone.group(1)) and alone.group(1) not in self.declared:
                # "mulai: Menerima surat" or "selesai": the kind of step, but no actor
                keyword = alone.group(1)
                kind = STEP_KEYWORDS[keyword.lower()]
                actor = self.declared[0] if self.declared else "pu"
                rest = content[pos + len(keyword) :]
                rest = rest.lstrip(" ") if rest.lstrip(" ").startswith(":") else rest
                self.err(
                    "keyword-without-actor",
                    self.span(line, pos, len(keyword)),
                    keyword=keyword,
                    example=f"{keyword} {actor}{rest}",
                )
                without_actor = True
                pos = skip_spaces(content, pos + alone.end())
        rest = content[pos:]
        colon = rest.find(":")
        arrow_in_head = find_arrow(rest if colon < 0 else rest[:colon])
        if colon < 0:
            head = rest if arrow_in_head < 0 else rest[:arrow_in_head]
            words = head.split()
            if kind not in ("start", "end") or (
                len(words) > 1 and not all(w in self.declared for w in re.split(r"[ +]+", head.strip())[1:])
            ):  # "pu Menerima surat", "mulai pu Menerima surat"
                return self._without_colon_step(line, kind, label, pos)
            body, body_offset = ("" if arrow_in_head < 0 else rest[arrow_in_head:]), pos + len(head)
        else:
            if arrow_in_head >= 0:
                return self._without_colon_step(line, kind, label, pos)
            head = rest[:colon]
            body, body_offset = rest[colon + 1 :], pos + colon + 1
        actors = () if without_actor else self._actors(line, head, pos)
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
        return ast.StepNode(kind, label, actors, text, targets, head_span, line.text, number=number)

    def _without_colon_step(self, line: Line, kind: str, label: ast.Value | None, pos: int) -> ast.StepNode:
        """Report the missing colon, and keep the step (its number and label) with the rest as text."""
        rest = line.content[pos:]
        self.err("expected-colon", self.span(line, pos, len(rest)), kind=kind)
        text = ast.Value(unescape(rest), self.span(line, pos, len(rest)))
        return ast.StepNode(kind, label, (), text, None, self.span(line, 0, len(line.content)), line.text)

    def _actors(self, line: Line, head: str, offset: int) -> tuple[ast.Value, ...]:
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

    def _text_and_targets(self, line: Line, body: str, offset: int) -> tuple[ast.Value, tuple[ast.Value, ...] | None]:
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

    def _targets(self, line: Line, text: str, offset: int, arrow_offset: int) -> tuple[ast.Value, ...]:
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

    def _step_child(self, line: Line, step: ast.StepNode) -> None:
        content = line.content
        match = KEY_LINE.match(content)
        key = lookup(ATTRIBUTE_KEYS, match.group(1)) if match else None
        open_detail, self.detail_open = self.detail_open, None
        if open_detail == (id(step), len(step.attributes)) and key is None and line.indent > self.detail_indent:
            last = step.attributes[-1]  # the detail above goes on, on a new line
            more = ast.Value(joined(last.value.text, content), last.value.span)
            step.attributes[-1] = ast.Attribute(last.key, more, last.span, last.line_text)
            self.detail_open = open_detail
            return
        if match and key is not None:
            value_text = content[match.end() :]
            lead = match.end() + len(value_text) - len(value_text.lstrip())
            value = value_text.strip()
            key_span = self.span(line, 0, len(match.group(1)))
            if not value and not deeper_below(self.lines, line.number, line.indent):
                self.err("empty-value", key_span, key=match.group(1))
                return
            if any(a.key == key for a in step.attributes):
                first = next(a for a in step.attributes if a.key == key)
                if id(step) not in self.duplicate_errors:  # more repeats: most likely a step line is missing
                    self.duplicate_errors.add(id(step))
                    self.err("duplicate-attribute", key_span, key=match.group(1), first=first.span.line)
                return
            step.attributes.append(
                ast.Attribute(key, ast.Value(value, self.span(line, lead, len(value))), key_span, line.text)
            )
            self.detail_open, self.detail_indent = (id(step), len(step.attributes)), line.indent
            return
        arrow = find_arrow(content)
        if arrow >= 0:
            label = content[:arrow].strip()
            if step.kind != "decision":
                if id(step) not in self.branch_errors:  # its other branches are the same mistake
                    self.branch_errors.add(id(step))
                    self.err("branch-not-decision", self.span(line, 0, len(content)))
                return
            if not label:
                self.err("branch-without-label", self.span(line, arrow, 2))
                return
            if ":" in label:
                self._unknown_attribute(line, label.split(":", 1)[0].strip())
                return
            if self._end_branch(line, step, label, arrow):
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
        if step.kind == "decision" and not step.attributes and not step.branches and self._question_goes_on(line):
            step.more_text.append(content)  # the question goes on, deeper than the branches below it
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
        if step.kind != "decision" and not step.attributes and not step.branches:
            step.more_text.append(content)  # the step's text goes on, on a new line
            return
        if id(step) not in self.branch_errors:  # the lines after it are most likely the same mistake
            self.branch_errors.add(id(step))
            self.err("unexpected-under-step", self.span(line, 0, len(content)))

    def _question_goes_on(self, line: Line) -> bool:
        """A line under a decision's head, deeper than the branches that follow it, continues the question."""
        step_indent = self.step_indent if self.step_indent is not None else 0
        return shallower_below(self.lines, line.number, line.indent, step_indent)

    def _end_branch(self, line: Line, step: ast.StepNode, label: str, arrow: int) -> bool:
        """``tidak -> selesai`` or ``tidak -> selesai: Tamu ditolak``: a branch that ends the procedure."""
        content = line.content
        ends = END_TARGET.match(content, arrow + 2)
        if not ends or lookup(STEP_KEYWORDS, ends.group(1)) != "end":
            return False
        text = (ends.group(2) or "").strip()
        where = self.span(line, ends.start(1), len(ends.group(0)) - (ends.start(1) - ends.start()))
        keyword = ast.Value(ends.group(1), self.span(line, ends.start(1), len(ends.group(1))))
        branch = ast.Branch(
            ast.Value(label, self.span(line, 0, len(label))),
            (keyword,),
            self.span(line, 0, len(content)),
            line.text,
            end=ast.Value(text, where),
        )
        step.branches.append(branch)
        return True

    def _unknown_attribute(self, line: Line, written: str) -> None:
        suggestion = suggest(written, list(ATTRIBUTE_KEYS))
        names = [ENGLISH.get(k, k) for k in DETAIL_ORDER] if is_english(ATTRIBUTE_KEYS, suggestion) else DETAIL_ORDER
        self.err(
            "unknown-attribute",
            self.span(line, 0, len(written)),
            key=written,
            suggestion=suggestion,
            known=", ".join(names[:-1]),
            last=names[-1],
        )
