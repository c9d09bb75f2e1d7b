"""Style sheets: errors with exact messages, the cascade, var(), @import, choosing a sheet, effects on output."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

import flowgen
from flowgen.api import resolve_style
from flowgen.drawcheck import LEGACY_RULES, check_svg, connector_pairs
from flowgen.style.choose import choose, locate, style_for
from flowgen.style.resolve import ResolvedStyle
from flowgen.style.sheet import read_css, read_sheet
from tests.helpers import EXAMPLES, ROOT, flow

SVG = "{http://www.w3.org/2000/svg}"
SHIPPED = ["default", "english", "kemendikbud", "presentasi"]


def errors(tmp_path: Path, css: str, name: str = "s.css") -> list[tuple[int, int, str, str | None]]:
    path = tmp_path / name
    path.write_text(css, encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        ResolvedStyle(read_sheet(path)).check_all()
    return [(d.span.line, d.span.column, d.message, d.hint) for d in caught.value.diagnostics]


# -- errors -----------------------------------------------------------------------------------


def test_unknown_selector_with_suggestion(tmp_path: Path) -> None:
    ((line, column, message, hint),) = errors(tmp_path, "stepp { fill: red; }\n")
    assert (line, column, message) == (1, 1, "unknown selector 'stepp'")
    assert hint is not None and hint.startswith("did you mean 'step'? selectors are labels, flowchart, title,")


def test_unknown_class_and_property_with_suggestions(tmp_path: Path) -> None:
    assert errors(tmp_path, "step.decison { colr: red; }\n") == [
        (
            1,
            6,
            "'step' has no class 'decison'",
            "did you mean 'decision'? classes of step: start, end, activity, decision, connector, joint",
        ),
    ]
    assert errors(tmp_path, "step { colr: red; }\n") == [
        (1, 8, "unknown property 'colr'", "did you mean 'color'? every property is listed in docs/styles.md"),
    ]


def test_property_on_the_wrong_element(tmp_path: Path) -> None:
    ((line, column, message, hint),) = errors(tmp_path, "lane { font-size: 10pt; }\n")
    assert (line, column, message) == (1, 8, "'font-size' does not apply to 'lane'")
    assert hint is not None and hint.startswith("'font-size' applies to: :root, flowchart, title, lane-header")


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("step { width: 12; }", (1, 15, "bad value '12' for 'width'", "expected a length such as 12pt or 4mm")),
        (
            "step { fill: reddish; }",
            (
                1,
                14,
                "bad value 'reddish' for 'fill'",
                "expected a colour such as #1f4e79, navy or rgb(31, 78, 121), or none",
            ),
        ),
        (
            "table { keterangan: maybe; }",
            (1, 21, "bad value 'maybe' for 'keterangan'", "expected one of column, inside, none"),
        ),
        (
            "@page { size: A7; }",
            (
                1,
                15,
                "bad value 'A7' for 'size'",
                "expected a paper size (A4, F4, folio, Letter, Legal) with landscape or portrait, or two lengths",
            ),
        ),
        ("labels { yes: Ya; }", (1, 15, "bad value 'Ya' for 'yes'", 'expected a quoted text such as "Ya"')),
    ],
)
def test_bad_values_name_the_expected_type(tmp_path: Path, css: str, expected: tuple[int, int, str, str]) -> None:
    assert errors(tmp_path, css + "\n") == [expected]


def test_missing_logo_and_files_outside_the_folder(tmp_path: Path) -> None:
    found = errors(
        tmp_path,
        'logo { src: url("logo.png"); }\nlogo { src: url("/etc/x.png"); }\n'
        'logo { src: url("../x.png"); }\nlogo { src: url("https://example.org/x.png"); }\n',
    )
    assert [(line, message) for line, _, message, _ in found] == [
        (1, "file 'logo.png' not found"),
        (2, "'/etc/x.png' is outside the sheet's folder"),
        (3, "'../x.png' is outside the sheet's folder"),
        (4, "'https://example.org/x.png' is outside the sheet's folder"),
    ]
    assert found[0][3] == f"files are looked up next to the sheet, in {tmp_path}"
    assert found[1][3] == (
        "a sheet may only use files in its own folder or below it (no absolute paths, '..' or web addresses)"
    )


def test_import_cycle(tmp_path: Path) -> None:
    (tmp_path / "b.css").write_text('@import "a.css";\n', encoding="utf-8")
    found = errors(tmp_path, '@import "b.css";\n', "a.css")
    assert found == [(1, 1, "import cycle: a.css → b.css → a.css", "remove one of these @import rules")]


def test_undefined_variable_and_syntax_errors(tmp_path: Path) -> None:
    assert errors(tmp_path, "step { fill: var(--brnd); }\n:root { --brand: red; }\n") == [
        (
            1,
            14,
            "custom property '--brnd' is not defined",
            "did you mean '--brand'? define it, for example ':root { --brnd: #1f4e79; }', or give a fallback: "
            "var(--brnd, black)",
        ),
    ]
    assert errors(tmp_path, "@media print { step { fill: red; } }\n")[0][2] == "unknown at-rule '@media'"
    assert errors(tmp_path, "lane header { fill: red; }\n")[0][2] == (
        "'lane header' combines selectors; flowgen styles each element directly"
    )


def test_every_error_of_a_sheet_in_one_run(tmp_path: Path) -> None:
    found = errors(tmp_path, "stepp { fill: red; }\nstep { colr: red; width: 3; }\n")
    assert [m for _, _, m, _ in found] == [
        "unknown selector 'stepp'",
        "unknown property 'colr'",
        "bad value '3' for 'width'",
    ]


def test_check_style_on_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from flowgen.cli import main

    bad = tmp_path / "bad.css"
    bad.write_text("stepp { fill: red; }\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--style", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{bad}:1:1: error: unknown selector 'stepp'"
    good = CliRunner().invoke(main, ["check", "--style", "kemendikbud"])
    assert good.exit_code == 0 and good.stderr.strip() == "kemendikbud: the style sheet is fine"


def test_unknown_style_name() -> None:
    with pytest.raises(flowgen.StyleError) as caught:
        locate("kemendikbudd", Path.cwd(), flowgen.Span("<command line>", 0))
    (d,) = caught.value.diagnostics
    assert d.message == "style 'kemendikbudd' is neither a shipped sheet nor a file"
    assert d.hint == (
        "did you mean 'kemendikbud'? shipped sheets are default, english, kemendikbud, presentasi; "
        "or give the path of a .css file"
    )


# -- the cascade ------------------------------------------------------------------------------------


def test_later_rules_and_higher_specificity_win() -> None:
    style = ResolvedStyle(
        read_css(
            "step { fill: #111111; }\n"
            "step.decision { fill: #222222; }\n"
            "step { fill: #333333; }\n"  # later, but less specific than step.decision
            "step.decision.joint { fill: #444444; }\n"
            "step.activity { fill: #555555 !important; }\n"
            "step.activity.joint { fill: #666666; }\n"  # more specific, but not important
        )
    )
    assert style.value("step", "fill", ("activity",)) == "#555555"
    assert style.value("step", "fill", ("activity", "joint")) == "#555555"
    assert style.value("step", "fill", ("decision",)) == "#222222"
    assert style.value("step", "fill", ("decision", "joint")) == "#444444"
    assert style.value("step", "fill", ("start",)) == "#333333"


def test_typography_inherits_and_em_is_relative() -> None:
    style = ResolvedStyle(read_css(":root { font-size: 12pt; color: #123456; }\nstep.decision { font-size: 10pt; }"))
    assert style.text("step").size == 12.0
    assert style.text("step-number").size == pytest.approx(9.6)  # 0.8em of the step's 12pt
    assert style.text("step-number", ("decision",)).size == pytest.approx(8.0)
    assert style.text("table").size == pytest.approx(10.8)  # 0.9em of the root
    assert style.text("cell", ("kegiatan",)).color == "#123456"


def test_custom_properties_and_fallbacks() -> None:
    style = ResolvedStyle(
        read_css(
            ":root { --brand: #1f4e79; --line: var(--brand); }\n"
            "lane { fill: var(--line); stroke: var(--missing, navy); }"
        )
    )
    assert style.value("lane", "fill") == "#1f4e79"
    assert style.value("lane", "stroke") == "#000080"


def test_nth_child_for_lanes() -> None:
    style = ResolvedStyle(read_css("lane:nth-child(odd) { fill: #eeeeee; }\nlane:nth-child(2) { fill: #dddddd; }"))
    assert [style.value("lane", "fill", (), i) for i in range(4)] == ["#eeeeee", "#dddddd", "#eeeeee", None]


def test_import_builds_on_another_sheet(tmp_path: Path) -> None:
    (tmp_path / "base.css").write_text("step { fill: #abcdef; stroke: #111111; }\n", encoding="utf-8")
    (tmp_path / "mine.css").write_text('@import "base.css";\nstep { stroke: #222222; }\n', encoding="utf-8")
    style = ResolvedStyle(read_sheet(tmp_path / "mine.css"))
    assert (style.value("step", "fill"), style.value("step", "stroke")) == ("#abcdef", "#222222")
    (tmp_path / "ministry.css").write_text('@import "kemendikbud";\n', encoding="utf-8")
    assert ResolvedStyle(read_sheet(tmp_path / "ministry.css")).page[0].name == "F4 landscape"


def test_default_sheet_equals_the_builtin_defaults() -> None:
    plain = ResolvedStyle(read_css(""))
    default = style_for("default")
    for element in ("step", "lane", "table", "labels", "@page", "header", "cell"):
        from flowgen.style.schema import ELEMENTS

        for prop in ELEMENTS[element].allowed:
            assert default.value(element, prop) == plain.value(element, prop), (element, prop)


# -- choosing a sheet --------------------------------------------------------------------------------


def test_command_line_beats_gaya_beats_folder_toml_beats_default(tmp_path: Path) -> None:
    folder = tmp_path / "unit" / "sub"
    folder.mkdir(parents=True)
    (tmp_path / "unit" / "flowgen.toml").write_text('style = "presentasi"\n', encoding="utf-8")
    plain = folder / "a.pos"
    plain.write_text(flow("  mulai pu: a", "  selesai ktu: b"), encoding="utf-8")
    with_gaya = folder / "b.pos"
    with_gaya.write_text("gaya: english\n" + flow("  mulai pu: a", "  selesai ktu: b"), encoding="utf-8")
    p_plain, p_gaya = flowgen.load(plain), flowgen.load(with_gaya)
    assert choose(p_plain, plain, None).reference == "presentasi"
    assert choose(p_plain, plain, None).origin == "flowgen.toml"
    assert choose(p_gaya, with_gaya, None).reference == "english"
    assert choose(p_gaya, with_gaya, "kemendikbud").reference == "kemendikbud"
    assert choose(p_plain, tmp_path / "elsewhere.pos", None).reference == "default"


def test_gaya_may_name_a_sheet_next_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "unit.css").write_text('@import "default";\nstep { fill: #fafad2; }\n', encoding="utf-8")
    path = tmp_path / "p.pos"
    path.write_text("gaya: unit.css\n" + flow("  mulai pu: a", "  selesai ktu: b"), encoding="utf-8")
    procedure = flowgen.load(path)
    assert resolve_style(None, procedure, path).value("step", "fill") == "#fafad2"


def test_toml_errors_are_positioned(tmp_path: Path) -> None:
    (tmp_path / "flowgen.toml").write_text('style = "default"\nstyl = "x"\n', encoding="utf-8")
    path = tmp_path / "p.pos"
    path.write_text(flow("  mulai pu: a", "  selesai ktu: b"), encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        choose(flowgen.load(path), path, None)
    (d,) = caught.value.diagnostics
    assert (d.span.line, d.span.column, d.message) == (2, 1, "unknown setting 'styl' in flowgen.toml")
    assert d.hint == "did you mean 'style'? flowgen.toml knows: style, book, esign"
    (tmp_path / "flowgen.toml").write_text("style = \n", encoding="utf-8")
    with pytest.raises(flowgen.StyleError) as caught:
        choose(flowgen.load(path), path, None)
    assert caught.value.diagnostics[0].message.startswith("flowgen.toml is not valid TOML: ")


# -- the effect on outputs -----------------------------------------------------------------------------


def _fills(svg: bytes, cls: str) -> set[str]:
    root = etree.fromstring(svg)
    return {
        shape.get("fill") or ""
        for g in root.iter(f"{SVG}g")
        if (g.get("class") or "").split()[:1] == [cls]
        for shape in g
        if etree.QName(shape).localname in ("rect", "polygon")
    }


def test_switching_sheets_changes_both_forms() -> None:
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    default_fc = flowgen.render_flowchart(procedure, "default")
    presentasi_fc = flowgen.render_flowchart(procedure, "presentasi")
    lane_default, lane_presentasi = (
        _fills(default_fc, "fg-fills"),
        _fills(presentasi_fc, "fg-fills"),
    )  # lane fills lie under every outline
    assert lane_default != lane_presentasi and len(lane_presentasi) > 2
    kemendikbud = style_for("kemendikbud")
    header_fill = kemendikbud.value("header", "fill")
    table = flowgen.render_lampiran_pages(procedure, "kemendikbud", "svg")[1]
    assert header_fill and header_fill in _fills(table, "fg-fills")
    root = etree.fromstring(table)
    families = {t.get("font-family") for t in root.iter(f"{SVG}text")}
    assert families == {kemendikbud.text("cell").face.svg_family}
    family = next(iter(families))
    assert family is not None and "Bookman" in family
    assert (root.get("width"), root.get("height")) == ("935.43pt", "609.45pt")  # F4 landscape
    default_root = etree.fromstring(flowgen.render_lampiran_pages(procedure, None, "svg")[1])
    assert (default_root.get("width"), default_root.get("height")) == ("841.89pt", "595.28pt")  # A4 landscape


def test_english_sheet_makes_an_english_document() -> None:
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    pages = flowgen.render_lampiran_pages(procedure, "english", "svg")
    words = " ".join(" ".join(t.text or "" for t in etree.fromstring(p).iter(f"{SVG}tspan")) for p in pages)
    assert "January 4, 2021" in words
    assert f"Page 2 of {len(pages)}" in words
    assert "Quality Standard" in words and "Mutu Baku" not in words
    labels = {g.get("data-label") for g in etree.fromstring(pages[1]).iter(f"{SVG}g") if g.get("data-label")}
    assert labels == {"Yes", "No"}
    flowchart = etree.fromstring(flowgen.render_flowchart(procedure, "english"))
    assert {g.get("data-label") for g in flowchart.iter(f"{SVG}g") if g.get("data-label")} == {"Yes", "No"}


@pytest.mark.parametrize("sheet", SHIPPED)
def test_every_example_is_clean_in_every_shipped_sheet(sheet: str) -> None:
    rules = LEGACY_RULES  # TODO(fidelity): all rules
    for path in EXAMPLES:
        procedure = flowgen.load(path)
        assert [str(f) for f in check_svg(flowgen.render_flowchart(procedure, sheet), rules=rules)] == [], path.name
        pages = flowgen.render_lampiran_pages(procedure, sheet, "svg")
        found = [str(f) for page in pages for f in check_svg(page, rules=rules)]
        assert found + [str(f) for f in connector_pairs(pages)] == [], path.name


def test_a_larger_font_grows_boxes_and_rows() -> None:
    procedure = flowgen.load(ROOT / "examples" / "layanan-informasi-publik.pos")
    big = resolve_style(None, procedure, options=":root { font-size: 13pt; }")
    rules = LEGACY_RULES  # TODO(fidelity): all rules
    assert [str(f) for f in check_svg(flowgen.render_flowchart(procedure, big), rules=rules)] == []
    pages = flowgen.render_lampiran_pages(procedure, big, "svg")
    assert [str(f) for page in pages for f in check_svg(page, rules=rules)] == []
    assert len(pages) >= len(flowgen.render_lampiran_pages(procedure, None, "svg"))


def test_a_designers_own_sheet_from_the_docs(tmp_path: Path) -> None:
    """Written from docs/styles.md alone: own logo, own typeface, own paper."""
    Image.new("RGB", (120, 120), "#1f4e79").save(tmp_path / "kop.png")
    (tmp_path / "unit.css").write_text(
        "/* Biro Umum: Times, Legal paper, our logo */\n"
        '@import "default";\n'
        ':root { --biru: #1f4e79; font-family: "Times New Roman", serif; font-size: 10pt; }\n'
        "@page { size: Legal landscape; margin: 15mm; }\n"
        'logo { src: url("kop.png"); width: 22mm; height: 22mm; }\n'
        "header { fill: #dce6f0; }\n"
        "lane-header { fill: var(--biru); color: #ffffff; }\n",
        encoding="utf-8",
    )
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    pages = flowgen.render_lampiran_pages(procedure, tmp_path / "unit.css", "svg")
    identity = etree.fromstring(pages[0])
    assert (identity.get("width"), identity.get("height")) == ("1008pt", "612pt")
    assert identity.findall(f".//{SVG}image")
    assert {t.get("font-family") for t in identity.iter(f"{SVG}text")} == {
        "'Liberation Serif', 'Times New Roman', Times, serif"
    }
    rules = LEGACY_RULES  # TODO(fidelity): all rules
    assert [str(f) for page in pages for f in check_svg(page, rules=rules)] == []
    assert [str(f) for f in check_svg(flowgen.render_flowchart(procedure, tmp_path / "unit.css"), rules=rules)] == []


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_bookman_is_embedded_in_the_pdf(tmp_path: Path) -> None:
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    path = tmp_path / "k.pdf"
    path.write_bytes(flowgen.render_lampiran(procedure, "kemendikbud"))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Bookman" in fonts
    assert all(re.search(r"\byes\b", line) for line in fonts.splitlines()[2:])
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+935.43\d* x 609.4\d* pts", info)


def test_png_follows_the_sheet() -> None:
    procedure = flowgen.load(ROOT / "examples" / "pengelolaan-arsip.pos")
    plain = Image.open(io.BytesIO(flowgen.render_flowchart(procedure, "default", "png")))
    coloured = Image.open(io.BytesIO(flowgen.render_flowchart(procedure, "presentasi", "png")))
    assert plain.mode == "L" and coloured.mode == "RGB"
