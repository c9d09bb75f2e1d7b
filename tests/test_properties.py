"""Property tests of the front end: round trips, and no crash on any mutation of a valid file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import flowgen
from flowgen.language.reader import analyze, decode
from tests.helpers import EXAMPLES, examples
from tests.strategies import procedures

SETTINGS = settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(procedures(), procedures(sheet=True)))
def test_round_trips_through_text_and_json(procedure: flowgen.Procedure) -> None:
    text = flowgen.to_pos(procedure)
    again = flowgen.parse(text)
    assert again == procedure
    assert flowgen.to_pos(again) == text
    assert [(d.code, dict(d.args)) for d in flowgen.check(again)] == [
        (d.code, dict(d.args)) for d in flowgen.check(procedure)
    ]
    assert flowgen.loads(flowgen.dumps(again)) == procedure


SOURCES = [path.read_text(encoding="utf-8") for path in EXAMPLES]
NOISE = [*list("\t :->[]?+#=\\,\n"), "é", "\xa0", "->", "  ", "mulai ", "selesai ", "? ", "\ufeff"]
# the syntax of issue 10: numbers, sda, ends on a branch, pasted spaces, continuation lines, empty boxes
NOISE += [
    "3. ",
    "- ",
    "sda: ",
    "idem",
    "-> selesai",
    "-> selesai: Ditolak",
    "\u00a0\u00a0",
    "\u200b",
    "\n      ",
    ": -",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["insert", "delete", "duplicate-line", "drop-line", "swap-lines"]))
        lines = text.split("\n")
        if action == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(NOISE)) + text[at:]
        elif action == "delete" and text:
            at = draw(st.integers(0, len(text) - 1))
            text = text[:at] + text[at + draw(st.integers(1, 5)) :]
        elif action in ("duplicate-line", "drop-line", "swap-lines") and len(lines) > 2:
            i = draw(st.integers(0, len(lines) - 2))
            if action == "duplicate-line":
                lines.insert(i, lines[i])
            elif action == "drop-line":
                del lines[i]
            else:
                lines[i], lines[i + 1] = lines[i + 1], lines[i]
            text = "\n".join(lines)
    return text


@settings(max_examples=examples(400), deadline=None)
@given(mutated())
def test_mutations_raise_only_flowgen_errors(text: str) -> None:
    procedure, found = analyze(text, "m.pos")
    for d in found:
        assert d.span.file == "m.pos"
        assert d.format()  # every message renders, in both languages
        assert d.format("id")
    if procedure is None:
        assert any(d.is_error for d in found)
        try:
            flowgen.parse(text, "m.pos")
        except flowgen.SourceError as exc:
            assert exc.diagnostics
        else:
            raise AssertionError("parse accepted what analyze refused")
    else:
        flowgen.check(procedure)


@settings(max_examples=examples(100), deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_report(data: bytes) -> None:
    text, found = decode(data, "b.pos")
    if text is None:
        assert [d.code for d in found] == ["not-utf8"]
    else:
        analyze(text, "b.pos")
