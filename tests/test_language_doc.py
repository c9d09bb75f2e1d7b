"""docs/language.md says what flowgen does: its message table and its examples are checked against flowgen.

A writer learns the language from that page, so a message that changed
wording, a rule that is no longer an error, or a new message without a row
must fail here rather than mislead a reader (issue 10, case 13: the page
still showed errors the language had stopped raising).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from flowgen.cli import main
from flowgen.messages import CATALOG
from flowgen.wording import graph, source
from tests.helpers import ROOT

DOC = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
CELL = r"(`.*?`(?:<br>`.*?`)?)"
ROW = re.compile(rf"^\| \[?`([\w-]+)`(?:\]\(#[\w-]+\))? \| [^|]+ \| {CELL} \| {CELL} \|$", re.M)
# sections whose example cannot be written as a plain text file (bytes that are not UTF-8, a missing file)
NOT_TEXT = frozenset({"not-utf8", "read-failed"})


def _cell(message: str, hint: str | None) -> list[str]:
    """A message as the page shows it: in backquotes, literal braces written once ("logo { src: ... }")."""
    return [f"`{text.replace('{{', '{').replace('}}', '}')}`" for text in (message, hint) if text]


def test_every_row_of_the_message_table_is_the_message_flowgen_prints() -> None:
    rows = ROW.findall(DOC)
    assert len(rows) > 60
    wrong = {}
    for code, english, indonesian in rows:
        m = CATALOG[code]
        if english.split("<br>") != _cell(m.en, m.hint_en) or indonesian.split("<br>") != _cell(m.id, m.hint_id):
            wrong[code] = (english, indonesian)
    assert wrong == {}


def test_every_message_about_a_pos_file_or_its_build_has_a_row() -> None:
    listed = {code for code, _, _ in ROW.findall(DOC)}
    assert sorted((set(source.MESSAGES) | set(graph.MESSAGES)) - listed) == []


def _examples() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Each ``##### `code` `` section: its .pos example and its commands with their shown output."""
    found = []
    for section in re.split(r"^##### ", DOC, flags=re.M)[1:]:
        code = section.split("`")[1]
        blocks = re.findall(r"^```\n(.*?)^```", section, re.S | re.M)
        text = next((b for b in blocks if not b.startswith("$") and "\n" in b), None)
        commands = [(b.split("\n", 1)[0][2:], b.split("\n", 1)[1]) for b in blocks if b.startswith("$ flowgen")]
        if text is not None and commands and code not in NOT_TEXT:
            found.append((code, text, commands))
    return found


EXAMPLES = _examples()


def test_the_examples_are_found() -> None:
    assert len(EXAMPLES) > 60


@pytest.mark.parametrize(("code", "text", "commands"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_each_example_prints_what_the_page_shows(
    code: str, text: str, commands: list[tuple[str, str]], tmp_path: Path
) -> None:
    for command, shown in commands:
        name = re.search(r"/tmp/pos/([\w-]+\.pos)", command)
        assert name is not None, command
        (tmp_path / name.group(1)).write_text(text, encoding="utf-8")
        args = command.replace("/tmp/pos", str(tmp_path)).split()[1:]
        result = CliRunner(env={"FLOWGEN_LANG": "en"}).invoke(main, args)
        assert result.output.replace(str(tmp_path), "/tmp/pos") == shown, command


def test_the_python_example_runs() -> None:
    """The page's "From Python" example (parse, analyze, the diagnostic fields) says what flowgen does."""
    (snippet,) = re.findall(r"^```python\n(.*?)^```", DOC, re.S | re.M)
    exec(compile(snippet, "docs/language.md", "exec"), {})
