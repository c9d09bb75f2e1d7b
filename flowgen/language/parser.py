"""The .pos parser: text in, syntax tree and diagnostics out.

The language is line based, so the parser is a small hand-written loop over
lines rather than a grammar: that gives every diagnostic an exact column and
lets it keep going after a mistake, so a writer sees all of them in one run.
It never raises for bad input; it returns what it understood plus the list
of problems.
"""

from __future__ import annotations

from flowgen.errors import Diagnostic, Span, error
from flowgen.language import ast
from flowgen.language.blocks import BlockReader
from flowgen.language.keywords import (
    ATTRIBUTE_KEYS,
    LIST_KEYS,
    REQUIRED_VALUE_KEYS,
    SAME_AS_ABOVE,
    SECTION_KEYS,
    STEP_KEYWORDS,
    TOP_KEYS,
    lookup,
)
from flowgen.language.lines import (
    JOINT_HEAD,
    KEY_LINE,
    KEYWORD_HEAD,
    WORD_LINE,
    Line,
    actor_key,
    declared_actors,
    find_arrow,
    is_flow_key,
    known_keys,
    normalised,
    without_number,
)
from flowgen.model.types import answer_of
from flowgen.suggest import suggest

# the open block after an unknown key without a value inside 'alur:'
_FLOW_AFTER_UNKNOWN = "alur?"


class Parser(BlockReader):
    def __init__(self, text: str, source_name: str = "<text>"):
        self.source = source_name
        if text.startswith("\ufeff"):
            text = text[1:]
        self.lines, pasted = normalised(tuple(line.rstrip("\r") for line in text.split("\n")), source_name)
        self.diagnostics: list[Diagnostic] = list(pasted)
        self.entries: list[ast.Entry] = []
        self.actors: list[ast.ActorDecl] = []
        self.steps: list[ast.StepNode] = []
        self.block: str | None = None  # canonical key of the open block, or "?" for an ignored one
        self.block_written = ""  # the open block's key as written
        self.block_line: int = 0
        self.list_values: list[ast.Value] = []
        self.list_failed = False  # an item of the open list was reported
        self.item_indent = 0  # a line deeper than this continues the item above
        self.actor_indent: int | None = None  # a line deeper than the last actor's continues its name
        self.seen_keys: dict[str, int] = {}
        self.has_actors = False
        self.has_flow = False
        self.flow_span: Span | None = None
        self.step_indent: int | None = None
        self.step: ast.StepNode | None = None  # the step the next indented lines belong to
        self.in_step = False  # a step line was read (self.step is None if it was wrong)
        # after a step indented too far: the step it was found under, and its indentation;
        # lines no deeper than it still belong to that step
        self.deep_parent: ast.StepNode | None = None
        self.deep_indent: int | None = None
        self.declared = declared_actors(self.lines)
        self.flow_written = any(is_flow_key(raw) for raw in self.lines)
        # mistakes that are reported once, not on every line they repeat on
        self.once: set[str] = set()
        self.branch_errors: set[int] = set()  # ids of steps told that a line under them is no detail
        self.duplicate_errors: set[int] = set()  # ids of steps already told of a repeated detail

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
                if self._margin_entry(line):
                    continue
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
            flow_span=self.flow_span,
        )
        return document, self.diagnostics

    def _measure(self, number: int, raw: str) -> Line:
        lead = len(raw) - len(raw.lstrip(" \t"))
        prefix = raw[:lead]
        if "\t" in prefix:
            self.err("tab-indent", Span(self.source, number, prefix.index("\t") + 1, 1))
        return Line(number, raw, len(prefix.replace("\t", "  ")), raw[lead:].rstrip(" \t"), lead)

    # -- what a line looks like ------------------------------------------------

    def _looks_like_step(self, content: str, strict: bool = False) -> bool:
        """Whether a line is written like a step.

        ``strict`` is for the lines under a step, where branches and details
        belong: there a step keyword counts only before a colon or before
        declared actors, since an answer such as ``selesai`` is a branch.
        """
        numbered = without_number(content)
        if numbered != content:
            return bool(numbered) and ":" in numbered
        if content.startswith(("[", "?")) or JOINT_HEAD.match(content):
            return True
        keyword = KEYWORD_HEAD.match(content)
        if keyword and lookup(STEP_KEYWORDS, keyword.group(1)) and keyword.group(1) not in self.declared:
            actors, end = keyword.group(2), keyword.group(3)
            if end == ":" or not strict:  # "mulai pu: ...", "mulai: ...", or anything at the margin
                return True
            return actors is not None and all(a.strip() in self.declared for a in actors.split("+"))
        key = KEY_LINE.match(content)
        if key and (key.group(1) in self.declared or key.group(1).lower() in SAME_AS_ABOVE):
            return True
        if strict:
            return False
        head = content.split(":", 1)[0].strip()
        first = head.split(" ", 1)[0]
        return "+" in head or (lookup(STEP_KEYWORDS, first) is not None and " " in head)

    # -- top level -----------------------------------------------------------

    def _margin_entry(self, line: Line) -> bool:
        """An item or an actor written at the margin, inside its block: reported, then read as meant."""
        content = line.content
        item = self.block in LIST_KEYS.values() and content.startswith("-")
        actor = self.block == "pelaksana" and "=" in content and actor_key(content) and not KEY_LINE.match(content)
        if not (item or actor):
            return False
        if f"margin {self.block_line}" not in self.once:  # the block's other lines are the same mistake
            self.once.add(f"margin {self.block_line}")
            self.err("expected-key", self.span(line, 0, len(content)))
        if item:
            self._list_item(line)
        else:
            self._actor_line(line)
        return True

    def _clearly_a_step(self, content: str) -> bool:
        """Step syntax no other line has: a number, a label, a decision, joined actors, 'mulai pu'."""
        if without_number(content) != content:
            return True
        if content.startswith(("[", "?")) or JOINT_HEAD.match(content):
            return True
        keyword = KEYWORD_HEAD.match(content)
        return bool(keyword and keyword.group(2) and lookup(STEP_KEYWORDS, keyword.group(1)))

    def _indent_from(self, line: Line) -> int:
        counts = self._step_indents(line.number - 1)
        return max(counts, key=lambda i: counts[i]) if counts else line.indent

    def _open_flow(self, line: Line) -> None:
        """Start reading steps; their indentation is the one most step lines below share."""
        self.block = "alur"
        self.step = None
        self.in_step = False
        self.deep_indent = None
        counts = self._step_indents(line.number)
        # the most common; on a tie the first, so a later step is the one reported as misplaced
        self.step_indent = max(counts, key=lambda i: counts[i]) if counts else None

    def _step_indents(self, start: int) -> dict[int, int]:
        """How many lines look like steps at each indentation, from line index ``start`` to the margin."""
        counts: dict[int, int] = {}
        for raw in self.lines[start:]:
            stripped = raw.strip(" \t")
            if not stripped or stripped.startswith("#"):
                continue
            lead = len(raw) - len(raw.lstrip(" \t"))
            if lead == 0:
                break
            if self._looks_like_step(stripped.rstrip(" \t")) and not self._attribute_key(stripped):
                indent = len(raw[:lead].replace("\t", "  "))
                counts[indent] = counts.get(indent, 0) + 1
        return counts

    def _close_block(self) -> None:
        if self.block in LIST_KEYS.values() and self.entries and self.entries[-1].key == self.block:
            last = self.entries[-1]
            if self.list_values:
                self.entries[-1] = ast.Entry(
                    last.key, last.written_key, last.span, last.values + tuple(self.list_values), last.line_text
                )
        self.list_values = []
        self.list_failed = False
        self.item_indent = 0
        if self.block == _FLOW_AFTER_UNKNOWN:
            self.block = "alur"
        elif self.block not in ("alur", None):
            self.block = None

    def _top_line(self, line: Line) -> None:
        in_flow = self.block == "alur"
        match = KEY_LINE.match(line.content)
        written = match.group(1) if match else ""
        key = lookup(TOP_KEYS, written) if match else None
        if match is None or key is None:
            whole = self.span(line, 0, len(line.content))
            if self._looks_like_step(line.content):
                self.err("step-not-indented", whole)
                if in_flow:
                    self._add_step(line)  # read it anyway, so that the rest of the flow makes sense
                    return
            elif match is None:
                self.err("expected-key", whole)
                if self._without_colon(line):
                    return
            else:
                suggestion = suggest(written, list(TOP_KEYS))
                self.err(
                    "unknown-key",
                    self.span(line, 0, len(written)),
                    key=written,
                    suggestion=suggestion,
                    known=", ".join(known_keys(TOP_KEYS, suggestion)),
                )
                if in_flow:
                    # a mistake inside the flow: the steps below still belong to 'alur:' (if the
                    # key has no value, the indented lines that are not steps are its own)
                    self.block = "alur" if line.content[match.end() :].strip() else _FLOW_AFTER_UNKNOWN
                    return
            if not in_flow:
                self.block = "?"
            return
        value_text = line.content[match.end() :]
        value_offset = match.end() + (len(value_text) - len(value_text.lstrip()))
        value = value_text.strip()
        key_span = self.span(line, 0, len(written))
        if key in self.seen_keys:
            self.err("duplicate-key", key_span, key=written, first=self.seen_keys[key])
            self.block = "?"
            return
        self.seen_keys[key] = line.number
        self.block = key
        self.block_written = written
        self.block_line = line.number
        if key in SECTION_KEYS.values():
            if key == "pelaksana":
                self.has_actors = True
            else:
                self.has_flow = True
                self.flow_span = key_span
                self._open_flow(line)
            if value:
                self.err("section-inline", self.span(line, value_offset, len(value)), key=written)
                # read what was written anyway, so that it is not reported again as missing
                inline = Line(line.number, line.text, 0, value, line.lead + value_offset)
                if key == "pelaksana" and "=" in value:
                    self._actor_line(inline)
                elif key == "alur" and self._looks_like_step(value):
                    self._add_step(inline)
            return
        values: tuple[ast.Value, ...] = ()
        if value:
            values = (ast.Value(value, self.span(line, value_offset, len(value))),)
        elif key in REQUIRED_VALUE_KEYS:
            self.err("empty-value", key_span, key=written)
        self.entries.append(ast.Entry(key, written, key_span, values, line.text))

    def _without_colon(self, line: Line) -> bool:
        """``judul Pengelolaan Surat`` or ``alur``: a known key written without its colon, read as meant."""
        match = WORD_LINE.match(line.content)
        key = lookup(TOP_KEYS, match.group(1)) if match else None
        if match is None or key is None or key in self.seen_keys:
            return False
        written = match.group(1)
        self.seen_keys[key] = line.number
        self.block, self.block_written, self.block_line = key, written, line.number
        key_span = self.span(line, 0, len(written))
        if key == "pelaksana":
            self.has_actors = True
        elif key == "alur":
            self.has_flow = True
            self.flow_span = key_span
            self._open_flow(line)
        else:
            value = match.group(2) or ""
            values = (ast.Value(value, self.span(line, match.start(2), len(value))),) if value else ()
            self.entries.append(ast.Entry(key, written, key_span, values, line.text))
        return True

    # -- indented lines -------------------------------------------------------

    def _indented_line(self, line: Line) -> None:
        block = self.block
        if block is None:
            self.err("unexpected-indent", self.span(line, 0, len(line.content)))
            key = KEY_LINE.match(line.content)
            if key and lookup(TOP_KEYS, key.group(1)) is not None:
                self._top_line(line)  # 'judul: ...' indented by mistake: read it as a key
            return
        section = KEY_LINE.match(line.content)
        if section and lookup(SECTION_KEYS, section.group(1)) not in (None, block, *self.seen_keys):
            # 'alur:' indented by mistake would make every step a line of the block above
            self.err("section-indented", self.span(line, 0, len(section.group(1))), key=section.group(1))
            self._close_block()
            self._top_line(line)
            return
        if block == "?":
            return
        if block == _FLOW_AFTER_UNKNOWN:
            if not (self._looks_like_step(line.content) or self._attribute_key(line.content)):
                return  # a line of the unknown key
            self.block = block = "alur"
        if block in LIST_KEYS.values():
            self._list_item(line)
        elif block == "pelaksana":
            self._actor_line(line)
        elif block == "alur":
            self._flow_line(line)
        elif self.entries and self.entries[-1].key == block and block not in REQUIRED_VALUE_KEYS - {"judul"}:
            self.entries[-1] = self._continued(self.entries[-1], line)
        else:
            self.block = "?"  # 'gaya' names one sheet; its empty value was reported on its own line

    def _flow_line(self, line: Line) -> None:
        content = line.content
        attribute = self._attribute_key(content)
        if self.step_indent is None:
            if attribute is not None:
                if self.in_step:  # the details of a step written on the 'alur:' line or at the margin
                    self._under_step(line)
                elif "attribute-without-step" not in self.once:
                    self.once.add("attribute-without-step")
                    self.err("attribute-without-step", self.span(line, 0, len(content)))
                return
            self.step_indent = line.indent
        if line.indent > self.step_indent:
            if self.in_step:
                self._under_step(line)
            elif attribute is None and self._looks_like_step(content, strict=True):
                self.err("step-too-deep", self.span(line, 0, len(content)), column=self.step_indent + 1)
                self._add_step(line, too_deep=True)
            elif "attribute-without-step" not in self.once:  # once for the lines before the first step
                self.once.add("attribute-without-step")
                self.err("attribute-without-step", self.span(line, 0, len(content)))
            return
        if self.step is not None and self.step.kind == "decision" and self._branch_like(content):
            label = content[: find_arrow(content)].strip() if find_arrow(content) >= 0 else content
            example = " " * (self.step_indent + 2) + content
            if id(self.step) not in self.branch_errors:  # its other branches are the same mistake
                self.branch_errors.add(id(self.step))
                self.err("branch-not-indented", self.span(line, 0, len(content)), label=label, example=example)
            self._step_child(line, self.step)
            return
        if attribute is not None and not self.in_step:
            if "attribute-without-step" not in self.once:  # once for the lines before the first step
                self.once.add("attribute-without-step")
                self.err("attribute-without-step", self.span(line, 0, len(content)))
            return
        if attribute is not None and not self._looks_like_step(content, strict=True):
            written = content.split(":", 1)[0].strip()
            example = " " * (self.step_indent + 2) + content
            self.err("attribute-not-indented", self.span(line, 0, len(written)), key=written, example=example)
            if self.step is not None:
                self._step_child(line, self.step)
            return
        if line.indent < self.step_indent:
            self.err("inconsistent-indent", self.span(line, 0, len(content)), column=self.step_indent + 1)
        self._add_step(line)

    def _add_step(self, line: Line, too_deep: bool = False) -> None:
        if not too_deep:
            self.deep_indent = None
        elif self.deep_indent is None:
            self.deep_parent, self.deep_indent = self.step, line.indent
        self.in_step = True
        self.step = self._step_line(line)
        if self.step is not None:
            self.steps.append(self.step)

    def _under_step(self, line: Line) -> None:
        """A line indented under a step: a detail, a branch — or a step indented too far."""
        content = line.content
        if self._attribute_key(content) is None and self._looks_like_step(content, strict=True):
            column = (self.step_indent or 0) + 1
            self.err("step-too-deep", self.span(line, 0, len(content)), column=column)
            self._add_step(line, too_deep=True)  # read as a step, so that the flow goes on as meant
            return
        step = self.step
        beside = self.deep_indent is not None and line.indent <= self.deep_indent
        if beside and self.deep_parent is not None and (step is None or not self._fits(step, content)):
            step = self.deep_parent  # beside the step that is too deep, and no detail of it: the step's above
        if step is None:
            return  # the step's own line was wrong and is reported; its details are not read
        self._step_child(line, step)

    def _branch_like(self, content: str) -> bool:
        """'ya -> 4' or 'tidak': a decision's answer, not a step (no colon, no step syntax)."""
        arrow = find_arrow(content)
        head = content if arrow < 0 else content[:arrow]
        if ":" in head or not head.strip() or self._looks_like_step(content):
            return False
        if head.split()[0] in self.declared:
            return False  # "pu Melengkapi berkas -> 2": a step without its colon
        return arrow >= 0 or answer_of(head) is not None

    def _fits(self, step: ast.StepNode, content: str) -> bool:
        """Whether a line can be a detail or a branch of a step without an error."""
        key = self._attribute_key(content)
        if key is not None:
            return all(a.key != key for a in step.attributes)
        return step.kind == "decision"

    @staticmethod
    def _attribute_key(content: str) -> str | None:
        match = KEY_LINE.match(content)
        if match:
            return lookup(ATTRIBUTE_KEYS, match.group(1))
        return None

    # -- a step line ----------------------------------------------------------


def parse_document(text: str, source_name: str = "<text>") -> tuple[ast.Document, list[Diagnostic]]:
    """Parse .pos text into a syntax tree, collecting every problem found."""
    return Parser(text, source_name).parse()
