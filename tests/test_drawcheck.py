"""The drawing checker: every rule caught on a known-bad page, a clean page clean, nothing mistaken for clean."""

from __future__ import annotations

import re

import pytest

from flowgen.drawcheck import LEGACY_RULES, NO_DRAWING, RULES, check_drawing, check_svg, connector_pairs, read_drawing
from flowgen.drawcheck.textlines import TextMeasurer
from tests.drawcheck_fixtures import IMPLIED, Symbol, cell, edge, fixtures, flowchart, page, table
from tests.helpers import ROOT

FIXTURES = fixtures()


@pytest.mark.parametrize("name", FIXTURES)
def test_each_fixture_breaks_exactly_its_rules(name: str) -> None:
    fixture = FIXTURES[name]
    assert sorted(f.rule for f in check_svg(fixture.svg)) == sorted(fixture.rules)


def test_every_rule_has_a_known_bad_page() -> None:
    broken = {fixture.rules[0] for fixture in FIXTURES.values() if fixture.rules}
    assert broken == set(RULES)
    for fixture in (f for f in FIXTURES.values() if f.rules):
        main, *others = fixture.rules
        assert set(others) <= IMPLIED.get(main, set()), fixture.rules


def test_legacy_rules_are_the_checkers_older_set() -> None:
    assert set(RULES) - LEGACY_RULES == {
        "text-padding",
        "word-split",
        "label-on-line",
        "label-far",
        "crossing-at-end",
        "side-shared",
        "number-covered",
        "edge-on-border",
        "edges-close",
        "edge-grazes",
        "diamond-corner",
        "head-no-stem",
        "fork-label-twice",
        "off-paper",
    }


@pytest.mark.parametrize("name", [n for n, f in FIXTURES.items() if f.rules])
def test_a_selection_checks_only_the_rules_picked(name: str) -> None:
    fixture = FIXTURES[name]
    main = fixture.rules[0]
    assert [f.rule for f in check_svg(fixture.svg, rules=[main])] == [main]
    assert check_svg(fixture.svg, rules=set(RULES) - set(fixture.rules)) == []


def test_an_unknown_rule_name_is_refused() -> None:
    with pytest.raises(ValueError, match=r"unknown drawing rule.*edge-graze;"):
        check_svg(flowchart(), rules=["edge-graze"])


CLEAN = FIXTURES["clean flowchart"].svg
SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" data-flowgen-form="flowchart"'
NOT_DRAWINGS = {
    "empty svg": f"{SVG_HEAD}/>".encode(),
    "empty svg without a form": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    "no bytes": b"",
    "not xml": b"this is not a drawing",
    "not svg": b'<html data-flowgen-form="flowchart"><g class="fg-step"/></html>',
    "all classes renamed": CLEAN.replace(b'class="fg-', b'class="xx-'),
    "steps renamed": CLEAN.replace(b'class="fg-step"', b'class="step"'),
    "lanes renamed": CLEAN.replace(b'class="fg-lane"', b'class="lane"'),
    "no form attribute": CLEAN.replace(b' data-flowgen-form="flowchart"', b""),
    "unknown form": CLEAN.replace(b'data-flowgen-form="flowchart"', b'data-flowgen-form="gantt"'),
    "table steps renamed": FIXTURES["clean table"].svg.replace(b'class="fg-step"', b'class="symbol"'),
    "table cells renamed": FIXTURES["clean table"].svg.replace(b'class="fg-cell"', b'class="cell"'),
}


@pytest.mark.parametrize("name", NOT_DRAWINGS)
def test_a_page_with_no_flowgen_drawing_is_never_clean(name: str) -> None:
    data = NOT_DRAWINGS[name]
    for rules in (None, LEGACY_RULES, ["off-paper"]):
        found = check_svg(data, rules=rules)
        assert [f.rule for f in found] == [NO_DRAWING], name
    assert check_svg(data)[0].message.startswith("found no flowgen drawing to check: ")


@pytest.mark.graphviz
def test_a_renamed_real_flowchart_is_no_drawing() -> None:
    import flowgen

    data = flowgen.render_flowchart(flowgen.load(ROOT / "examples" / "surat-masuk.pos"), format="svg")
    assert check_svg(data, rules=LEGACY_RULES) == []
    renamed = re.sub(rb'class="fg-(\w+)', rb'class="flowgen-\1', data)
    assert [f.rule for f in check_svg(renamed, rules=LEGACY_RULES)] == [NO_DRAWING]


def test_an_identity_sheet_is_a_drawing_of_cells() -> None:
    sheet = page("lampiran", [cell("identity", "nomor", (20, 20, 200, 20), ["001/POS/2021"])], sheet="identitas")
    assert check_svg(sheet) == []
    crowded = page(
        "lampiran", [cell("identity", "nomor", (20, 20, 60, 20), ["001/POS/SMP/TU/2021"])], sheet="identitas"
    )
    assert [f.rule for f in check_svg(crowded)] == ["text-overflow"]


def test_transforms_place_what_they_move() -> None:
    moved = CLEAN.replace(
        b'<g class="fg-step" data-step="4"', b'<g transform="translate(-200 0)" class="fg-step" data-step="4"'
    )
    assert [f.rule for f in check_svg(moved, rules=["step-lane"])] == ["step-lane"]
    whole = CLEAN.replace(b'<rect class="fg-background"', b'<g transform="scale(0.5)"><rect class="fg-background"')
    whole = whole.replace(b"\n</svg>", b"</g>\n</svg>")
    assert moved != CLEAN and whole.count(b"scale(0.5)") == 1 and whole.endswith(b"</g>\n</svg>\n")
    assert check_svg(whole) == []  # a drawing scaled down as a whole is the same drawing


def test_style_properties_size_the_text() -> None:
    big = CLEAN.replace(
        b'font-size="9" fill="#000000" text-anchor="middle"><tspan x="110" y="237.7">Proses',
        b'style="font-size: 30px" fill="#000000" text-anchor="middle"><tspan x="110" y="237.7">Proses',
    )
    assert big != CLEAN
    assert [str(f) for f in check_svg(big, rules=["text-overflow"])] == [
        "text-overflow: step 3: 'Proses' sticks out of its symbol"
    ]


def test_text_is_measured_with_the_named_font_at_its_exact_size() -> None:
    face = TextMeasurer().face("'Liberation Sans', Arial, sans-serif", bold=True, italic=False)
    assert face is not None and (face.family, face.bold) == ("Liberation Sans", True)
    data = flowchart(step_3=Symbol(3, "a", 60, 220, ("Memeriksa",)).svg())

    def width(size: bytes) -> float:
        steps = read_drawing(data.replace(b'font-size="9"', b'font-size="' + size + b'"')).steps
        return next(line.box.width for s in steps if s.step == "3" for line in s.texts)

    # 8.1 pt text is as wide as 8.1 pt text, not as 8 pt text (a measurer at a rounded size is too narrow)
    assert width(b"8.1") == pytest.approx(width(b"8") * 8.1 / 8, rel=1e-9)
    assert width(b"8") == pytest.approx(39.1175, abs=1e-3)  # Pillow, 1000 px, scaled


def _connector_page(number: int, way: str, step: int, source: int, target: int) -> bytes:
    connector = (
        f'<g class="fg-step" data-step="{step}" data-kind="connector" data-connector="{way}" data-actors="a">'
        '<polygon points="220,170 260,170 260,185 240,195 220,185"/></g>'
    )
    arrow = edge(source, target, [(240, 160), (240, 170)]).replace(
        'class="fg-edge"', 'class="fg-edge" data-via="connector"'
    )
    return table(connector=connector, arrow=arrow)


def test_every_off_page_connector_needs_its_partner() -> None:
    leaves = _connector_page(2, "out", 4, 3, 4)  # 3→4 leaves page 2 ...
    arrives = _connector_page(3, "in", 3, 3, 4)  # ... and arrives on page 3
    assert connector_pairs([leaves, arrives]) == []
    assert [str(f) for f in connector_pairs([leaves])] == [
        "connector-pair: arrow 3->4 leaves page 1 by a connector that no page answers"
    ]
    assert [str(f) for f in connector_pairs([arrives, arrives])] == [
        "connector-pair: arrow 3->4 reaches page 1 by a connector that no page sends",
        "connector-pair: arrow 3->4 reaches page 2 by a connector that no page sends",
    ]


@pytest.mark.graphviz
def test_the_readme_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Library", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    assert "import flowgen\n" in block and "from flowgen.drawcheck import check_svg\n" in block
    monkeypatch.chdir(ROOT)
    names: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), names)
    assert isinstance(names["faults"], list)


def test_the_paper_rule_refuses_a_drawing_read_without_its_ink() -> None:
    drawing = read_drawing(FIXTURES["off-paper"].svg, ink=False)
    with pytest.raises(ValueError, match="read the drawing with ink=True"):
        check_drawing(drawing, rules=["off-paper"])
    assert [f.rule for f in check_drawing(read_drawing(FIXTURES["off-paper"].svg))] == ["off-paper"]
