"""The language service: completion, hover, definition, analysis, and ``fmt`` keeping comments."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flowgen
from flowgen.service import analyze_text, completions, definition, format_text, hover
from flowgen.service.words import ATTRIBUTE_KEYS, STEP_WORDS, TOP_KEYS
from tests.strategies import printed, procedures

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.pos"))
SURAT = (ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8")


def at(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of ``needle`` (plus ``offset`` characters) in ``text``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number, line.index(needle) + 1 + offset
    raise AssertionError(needle)


def labels(text: str, line: int, column: int) -> list[str]:
    return [c.label for c in completions(analyze_text(text), line, column)[1]]


def test_every_offered_keyword_is_one_the_parser_knows() -> None:
    for indonesian, english, _ in TOP_KEYS:
        assert indonesian in {"pelaksana", "alur"} or not any(
            d.code == "unknown-key" for d in flowgen.analyze(f"{english}: x\n{indonesian}: x\n")[1]
        ), indonesian
    for indonesian, english, _ in ATTRIBUTE_KEYS:
        for word in (indonesian, english):
            text = SURAT.replace("sesuai disposisi\n", f"sesuai disposisi\n    {word}: 5 menit\n")
            assert [d.code for d in flowgen.analyze(text)[1] if d.is_error] == [], word
    for indonesian, english, _ in STEP_WORDS:
        text = SURAT.replace("  mulai pu:", "  start pu:" if english == "start" else "  mulai pu:")
        assert flowgen.analyze(text)[0] is not None, indonesian


def test_completion_after_the_arrow_offers_labels_then_steps() -> None:
    line, column = at(SURAT, "tidak -> kembalikan", len("tidak -> "))
    assert labels(SURAT, line, column) == ["periksa", "kembalikan", "catat", "akhir"] + [str(n) for n in range(1, 11)]
    assert labels(SURAT, line, column + 1) == ["kembalikan"]  # "k" typed
    start, items = completions(analyze_text(SURAT), line, column + 3)
    assert (start, [c.label for c in items]) == (column, ["kembalikan"])


def test_completion_at_a_step_line_offers_actors_and_step_words() -> None:
    text = SURAT.replace("  ktu: Meneruskan surat sesuai disposisi", "  k")
    assert labels(text, text.split("\n").index("  k") + 1, 4) == ["ktu"]
    text = SURAT.replace("  ktu: Meneruskan surat sesuai disposisi", "  ")
    line = text.split("\n").index("  ") + 1
    assert labels(text, line, 3) == ["pu", "ktu", "dir", "mulai", "start", "selesai", "end"]
    text = SURAT.replace("  ktu: Meneruskan surat", "  mulai k")
    line, column = at(text, "mulai k", len("mulai k"))
    assert labels(text, line, column) == ["ktu"]


def test_completion_of_keys() -> None:
    text = SURAT.replace("nomor:", "no")
    line, column = at(text, "no", 2)
    assert labels(text, line, column) == ["nomor", "note"][:1]
    text = SURAT.replace("    waktu: 1 jam", "    wa")
    line, column = at(text, "    wa", 6)
    assert labels(text, line, column) == ["waktu"]
    text = SURAT.replace("    waktu: 1 jam", "    t")
    assert labels(text, text.split("\n").index("    t") + 1, 6) == ["time", "tidak"]
    line, column = at(SURAT, "# Pengelolaan", 5)
    assert labels(SURAT, line, column) == []


def test_completion_keeps_working_on_a_wrong_text() -> None:
    text = SURAT.replace("  ktu: Meneruskan surat sesuai disposisi", "  kxu: Meneruskan surat -> ")
    line, column = at(text, "kxu: Meneruskan surat -> ", len("kxu: Meneruskan surat -> "))
    assert analyze_text(text).procedure is None
    assert labels(text, line, column) == ["periksa", "kembalikan", "catat", "akhir"]


def test_hover_and_definition() -> None:
    analysis = analyze_text(SURAT)
    assert hover(analysis, *at(SURAT, "ktu: Menelaah", 1)) == "ktu = Kepala Subbagian Tata Usaha"
    assert definition(analysis, *at(SURAT, "ktu: Menelaah", 1)) == at(SURAT, "ktu = Kepala")
    assert hover(analysis, *at(SURAT, "-> kembalikan", 5)) == "Langkah / step 4: Mengembalikan surat kepada pengirim"
    assert definition(analysis, *at(SURAT, "-> kembalikan", 5)) == at(SURAT, "[kembalikan] pu")
    assert definition(analysis, *at(SURAT, "-> akhir", 4)) == at(SURAT, "[akhir] selesai")
    assert hover(analysis, *at(SURAT, "Menerima surat", 2)) is None
    assert definition(analysis, *at(SURAT, "judul:", 1)) is None


def test_steps_cover_their_detail_lines() -> None:
    analysis = analyze_text(SURAT)
    first = analysis.steps[0]
    assert (first.number, first.line, first.end_line) == (1, at(SURAT, "mulai pu")[0], at(SURAT, "waktu: 5 menit")[0])
    assert analysis.step_at(at(SURAT, "keterangan: Dapat")[0]).number == 7  # type: ignore[union-attr]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_fmt_is_idempotent_on_every_example_and_keeps_its_comments(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    once = format_text(text)
    assert format_text(once) == once
    assert flowgen.parse(once) == flowgen.parse(text)
    assert comments(once) == comments(text)


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip().startswith("#")]


def test_fmt_puts_each_comment_before_its_statement_at_its_indentation() -> None:
    text = (
        "# kepala\ntitle:   Contoh\n# daftar\nactors:\n      a = A\n# b sebelum\n  b = B\nflow:\n"
        "      # langkah pertama\n      start a: Mulai\n# tentang waktu\n          time: 5 menit\n"
        "      ? b: Setuju?\n        # jawaban\n        ya -> akhir\n        tidak -> 1\n"
        "      [akhir] end a: Selesai\n# penutup\n"
    )
    assert format_text(text) == (
        "# kepala\njudul: Contoh\n\n# daftar\npelaksana:\n  a = A\n  # b sebelum\n  b = B\n\nalur:\n"
        "  # langkah pertama\n  mulai a: Mulai\n    # tentang waktu\n    waktu: 5 menit\n"
        "  ? b: Setuju?\n    # jawaban\n    ya -> akhir\n    tidak -> 1\n  [akhir] selesai a: Selesai\n\n# penutup\n"
    )


def test_fmt_refuses_a_wrong_text() -> None:
    with pytest.raises(flowgen.SourceError):
        format_text(SURAT.replace("  ktu: Meneruskan", "  kxu: Meneruskan"))


@st.composite
def commented(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A printed random procedure with comment lines put between random lines, at random indentation."""
    lines = printed(draw(procedures(max_steps=12))).rstrip("\n").split("\n")
    count = draw(st.integers(1, 6))
    extra = ["", "a -> b", "[x]", "judul: x", "50% #"]
    notes = [(f"# catatan {i}: " + draw(st.sampled_from(extra))).rstrip() for i in range(count)]
    places = sorted(draw(st.lists(st.integers(0, len(lines)), min_size=count, max_size=count)))
    for note, place in reversed(list(zip(notes, places, strict=True))):
        lines.insert(place, " " * draw(st.integers(0, 6)) + note)
    return "\n".join(lines) + "\n", notes


@settings(max_examples=60, deadline=None)
@given(commented())
def test_fmt_on_random_procedures_is_idempotent_and_keeps_every_comment(case: tuple[str, list[str]]) -> None:
    text, notes = case
    once = format_text(text)
    assert format_text(once) == once
    assert comments(once) == notes
    assert flowgen.parse(once) == flowgen.parse(text)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flowgen", *args], capture_output=True, text=True, timeout=120)


def test_fmt_command_rewrites_checks_and_reports(tmp_path: Path) -> None:
    messy = tmp_path / "a.pos"
    messy.write_text(
        "# k\ntitle: A\nactors:\n    a = A\nflow:\n    start a: Mulai\n    end a: Selesai\n", encoding="utf-8"
    )
    clean = tmp_path / "b.pos"
    clean.write_text(format_text(SURAT), encoding="utf-8")
    checked = run_cli("fmt", "--check", str(messy), str(clean))
    assert (checked.returncode, checked.stdout) == (1, f"would reformat {messy}\n")
    assert messy.read_text(encoding="utf-8").startswith("# k\ntitle: A")
    done = run_cli("fmt", str(messy), str(clean))
    assert (done.returncode, done.stdout) == (0, f"formatted {messy}\n")
    assert (
        messy.read_text(encoding="utf-8")
        == "# k\njudul: A\n\npelaksana:\n  a = A\n\nalur:\n  mulai a: Mulai\n  selesai a: Selesai\n"
    )
    assert run_cli("fmt", "--check", str(messy), str(clean)).returncode == 0
    wrong = tmp_path / "c.pos"
    wrong.write_text(SURAT.replace("  ktu: Meneruskan", "  kxu: Meneruskan"), encoding="utf-8")
    failed = run_cli("--lang", "id", "fmt", str(wrong))
    assert failed.returncode == 1
    assert re.search(r"c\.pos:\d+:3: galat: pelaksana 'kxu' tidak dikenal", failed.stderr)


def test_textmate_grammar_reads_and_its_patterns_compile() -> None:
    import json

    grammar = json.loads((ROOT / "editors" / "pos.tmLanguage.json").read_text(encoding="utf-8"))
    assert grammar["scopeName"] == "source.pos"
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in ("match", "begin", "end"):
                if key in node:
                    found.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(grammar)
    for pattern in found:
        re.compile(pattern.replace("(?i:", "(?:"))
    step = next(p for p in found if p.startswith("^\\s+(?:(\\["))
    head = re.match(step.replace("(?i:", "(?:"), "  [akhir] selesai pu+ktu: Surat selesai", re.I)
    assert head is not None and head.group(2, 4, 5) == ("akhir", "selesai", "pu+ktu")
