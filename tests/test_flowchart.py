"""The swimlane flowchart: geometry of every example and of random procedures, semantics, safety."""

from __future__ import annotations

import itertools
import math
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import flowgen
from flowgen.api import flowchart_page, resolve_style
from flowgen.drawcheck import LEGACY_RULES, check_svg
from flowgen.layout.flowchart import graphviz as gv
from flowgen.layout.flowchart.careful import Repair
from flowgen.layout.flowchart.judge import Judge, drawn, joint_boxes
from flowgen.layout.flowchart.place import layout_flowchart
from flowgen.layout.flowchart.types import Lane, Part
from flowgen.layout.geometry import Point
from flowgen.layout.symbols import FittedText, Shape
from flowgen.model.types import Edge, StepKind
from tests.helpers import EXAMPLES, KNOWN_FLOWCHART_FAULTS, ROOT, example_params, examples, flow
from tests.strategies import procedures

pytestmark = pytest.mark.graphviz
SVG = "{http://www.w3.org/2000/svg}"
SHARED_CHECK = ROOT.parent / "shared" / "tools" / "svgcheck.py"


def svg_of(path: Path, **options: object) -> bytes:
    return flowgen.render_flowchart(flowgen.load(path), format="svg", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", example_params(KNOWN_FLOWCHART_FAULTS), ids=lambda p: p.stem)
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_every_example_draws_clean(path: Path, direction: str) -> None:
    faults = check_svg(svg_of(path, direction=direction))
    assert [str(f) for f in faults] == []


@pytest.mark.parametrize(
    "path",
    [ROOT / "examples" / f"{name}.pos" for name in ("cuti-pegawai", "english-keywords", "layanan-informasi-publik")],
    ids=lambda p: p.stem,
)
def test_curved_arrows_and_mutu_baku_draw_clean(path: Path) -> None:
    procedure = flowgen.load(path)
    style = resolve_style(None, procedure, options="flowchart { edge-style: curved; }\nmutu-baku { display: block; }")
    data = flowgen.render_flowchart(procedure, style, "svg")
    # curved arrows are Graphviz's splines as they come (docs/architecture.md, Known limits): older rules only
    assert [str(f) for f in check_svg(data, rules=LEGACY_RULES)] == []


def test_semantic_structure_of_the_reference_example() -> None:
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    root = etree.fromstring(flowgen.render_flowchart(procedure, format="svg"))
    assert root.get("data-flowgen-form") == "flowchart"
    lanes = root.findall(f".//{SVG}g[@class='fg-lane']")
    assert [(g.get("data-actor"), g.get("data-index"), g.findtext(f"{SVG}title")) for g in lanes] == [
        ("pu", "0", "Pengadministrasi Umum"),
        ("ktu", "1", "Kepala Subbagian Tata Usaha"),
        ("dir", "2", "Direktur"),
    ]
    steps = [g for g in root.iter(f"{SVG}g") if g.get("class") == "fg-step"]
    assert [(g.get("data-step"), g.get("data-kind"), g.get("data-actors")) for g in steps] == [
        ("1", "start", "pu"),
        ("2", "activity", "pu"),
        ("3", "decision", "pu"),
        ("4", "activity", "pu"),
        ("5", "activity", "pu"),
        ("6", "activity", "ktu"),
        ("7", "activity", "dir"),
        ("8", "activity", "ktu"),
        ("9", "activity", "pu ktu"),
        ("10", "end", "pu"),
    ]
    assert all(g.find(f"{SVG}title") is not None for g in steps)
    edges = [g for g in root.iter(f"{SVG}g") if "fg-edge" in (g.get("class") or "").split()]
    assert sorted((int(g.get("data-from") or 0), int(g.get("data-to") or 0)) for g in edges) == sorted(
        (e.source, e.target) for e in procedure.edges
    )
    labels = {(g.get("data-from"), g.get("data-to")): g.get("data-label") for g in edges if g.get("data-label")}
    assert labels == {("3", "4"): "Tidak", ("3", "5"): "Ya"}
    numbers = [g.get("data-step") for g in root.iter(f"{SVG}g") if g.get("class") == "fg-number"]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "9", "10"]


def test_lanes_are_full_length_columns_in_declared_order() -> None:
    procedure = flowgen.load(ROOT / "examples" / "pengadaan-barang.pos")
    layout = layout_flowchart(procedure, resolve_style(None, procedure))
    boxes = [lane.box for lane in layout.lanes]
    assert [lane.key for lane in layout.lanes] == [a.key for a in procedure.actors]
    assert len({(b[1], b[3]) for b in boxes}) == 1  # same top and bottom
    assert all(a[2] <= b[0] + 0.01 for a, b in itertools.pairwise(boxes))  # left to right, no overlap
    for part in layout.parts:
        lane = boxes[part.lane]
        assert lane[0] <= part.shape.x0 and part.shape.x1 <= lane[2]


def test_options_turn_numbers_off_and_lanes_into_rows() -> None:
    path = ROOT / "examples" / "surat-masuk.pos"
    root = etree.fromstring(svg_of(path, step_numbers=False, direction="LR"))
    assert root.get("data-direction") == "lr"
    assert not [g for g in root.iter(f"{SVG}g") if g.get("class") == "fg-number"]


def test_output_is_deterministic() -> None:
    path = ROOT / "examples" / "pengadaan-barang.pos"
    assert svg_of(path) == svg_of(path)
    procedure = flowgen.load(path)
    assert flowgen.render_flowchart(procedure, format="png") == flowgen.render_flowchart(procedure, format="png")


def test_png_has_the_asked_resolution() -> None:
    import io

    from PIL import Image

    procedure = flowgen.load(ROOT / "examples" / "pengelolaan-arsip.pos")
    page = flowchart_page(procedure, resolve_style(None, procedure))
    for dpi in (72, 150):
        image = Image.open(io.BytesIO(flowgen.render_flowchart(procedure, format="png", dpi=dpi)))
        assert image.size == (round(page.width * dpi / 72 + 0.4999), round(page.height * dpi / 72 + 0.4999))


HOSTILE = [
    '<script>alert("x")</script>',
    "A & B \"kutip\" 'satu'",
    "back\\slash {a|b} <c> \\n \\l <b>tebal</b>",
    "]]> <!-- -\\-> <?xml?> &amp;",  # "-\\->" is how a writer prints "-->"
]


def test_text_is_data_never_markup() -> None:
    text = flow(*(["  mulai pu: " + HOSTILE[0]] + [f"  pu: {t}" for t in HOSTILE[1:]] + ["  selesai ktu: Selesai"]))
    procedure = flowgen.parse(text)
    data = flowgen.render_flowchart(procedure, format="svg")
    root = etree.fromstring(data)
    assert not list(root.iter(f"{SVG}script"))
    drawn = [" ".join(span.text or "" for span in t.iter(f"{SVG}tspan")) for t in root.iter(f"{SVG}text")]
    joined = " ".join(" ".join(drawn).split())  # lines wrap at spaces
    for piece in ('<script>alert("x")</script>', "A & B", "\\n \\l <b>tebal</b>", "{a|b}", "]]> <!-- -->"):
        assert piece in joined
    assert [str(f) for f in check_svg(data)] == []
    allowed = {
        "class",
        "data-step",
        "data-kind",
        "data-actors",
        "data-from",
        "data-to",
        "data-label",
        "data-actor",
        "data-index",
        "data-part",
    }
    for g in root.iter(f"{SVG}g"):
        assert set(g.attrib) <= allowed


def test_graphviz_missing_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    with pytest.raises(flowgen.LayoutError) as caught:
        flowgen.render_flowchart(procedure)
    assert caught.value.diagnostics[0].message == "the Graphviz program 'dot' is not installed"
    assert caught.value.diagnostics[0].hint == (
        "install it: sudo apt-get install graphviz (or run sh scripts/install.sh)"
    )


def test_graphviz_has_a_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLOWGEN_GRAPHVIZ_TIMEOUT", "0.000001")
    with pytest.raises(flowgen.LayoutError) as caught:
        gv.run("digraph { a -> b }", "dot")
    assert caught.value.diagnostics[0].code == "graphviz-timeout"


def test_graphviz_failure_is_reported() -> None:
    with pytest.raises(flowgen.LayoutError) as caught:
        gv.run("digraph { this is not dot", "dot")
    assert caught.value.diagnostics[0].message.startswith("Graphviz failed to lay out the flowchart: ")


def test_cli_without_graphviz_prints_one_sentence(tmp_path: Path) -> None:
    env = dict(os.environ, PATH="/nonexistent")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flowgen",
            "build",
            str(ROOT / "examples" / "surat-masuk.pos"),
            "-o",
            str(tmp_path),
            "--form",
            "flowchart",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "error: the Graphviz program 'dot' is not installed" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_ranking_dot_golden() -> None:
    """The DOT flowgen gives Graphviz for ranking: reviewed once, kept stable (no user text in it)."""
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    layout = layout_flowchart(procedure, resolve_style(None, procedure))
    golden = (ROOT / "tests" / "golden" / "surat-masuk.ranking.dot").read_text(encoding="utf-8")
    assert layout.ranking_dot == golden


@pytest.mark.slow
@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(procedures(max_steps=60, max_actors=6, details=False))
def test_random_procedures_draw_clean(procedure: flowgen.Procedure) -> None:
    data = flowgen.render_flowchart(procedure, format="svg")
    # In a random graph crowded with long jumps every spot around a symbol can be crossed by some
    # arrow; its number then sits on one (the examples must be free of that, see above).
    faults = check_svg(data, rules=LEGACY_RULES - {"number-crossed"})  # TODO(fidelity): all rules
    assert [str(f) for f in faults] == []


@pytest.mark.skipif(not SHARED_CHECK.exists() or shutil.which("python3") is None, reason="no ../shared checker")
def test_outside_checker_agrees(tmp_path: Path) -> None:
    for path in EXAMPLES:
        (tmp_path / f"{path.stem}.svg").write_bytes(svg_of(path))
    result = subprocess.run(
        [sys.executable, str(SHARED_CHECK), *map(str, sorted(tmp_path.glob("*.svg")))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


# -- the rules of a careful hand (flowgen.layout.careful) ------------------------------------------

NO_TEXT = FittedText((), 0.0, 0.0)


def _box_part(step: int, x: float, y: float, kind: StepKind = StepKind.ACTIVITY) -> Part:
    return Part(step, 0, "pu", 0, Shape(kind, x, y, 80.0, 30.0), NO_TEXT, None, 0.0)


def _judge(parts: list[Part], edges: list[Edge]) -> Judge:
    lane = Lane("pu", "PU", 0, (0.0, 0.0, 300.0, 400.0), (0.0, 0.0, 300.0, 20.0), NO_TEXT)
    return Judge(parts, [lane], edges, 6.0)


def _pair_faults(parts: list[Part], routes: list[list[Point]], ends: list[tuple[Part, Part]]) -> list[str]:
    edges = [Edge(a.step, b.step) for a, b in ends]
    judge = _judge(parts, edges)
    seen = [drawn(r, e, 6.0, {}) for r, e in zip(routes, ends)]
    found = [f for k, d in enumerate(seen) for f in judge.alone(k, d, ends[k])]
    for i, j in itertools.combinations(range(len(seen)), 2):
        found += judge.between(i, seen[i], j, seen[j])
    return sorted(found)


def test_careful_rules_find_each_known_bad_drawing() -> None:
    a, b, c = _box_part(1, 100, 100), _box_part(2, 100, 200), _box_part(3, 220, 300)
    parts = [a, b, c]
    down = [(100.0, 115.0), (100.0, 185.0)]
    # the loop 2 -> 1 leaves 2's top, where 1 -> 2 arrives, and arrives at 1's bottom, where 1 -> 2 leaves
    assert _pair_faults(parts, [down, [(120.0, 185.0), (120.0, 115.0)]], [(a, b), (b, a)]) == ["side-shared"]
    # two arrows 5 pt apart for 60 pt read as one double line
    beside = [(105.0, 115.0), (105.0, 150.0), (200.0, 150.0), (200.0, 285.0)]
    assert "edges-close" in _pair_faults(parts, [down, beside], [(a, b), (a, c)])
    # a crossing 4 pt above an arrowhead reads as a T into the wrong step
    d = _box_part(4, 240, 100)
    across = [(200.0, 100.0), (170.0, 100.0), (170.0, 176.0), (40.0, 176.0), (40.0, 300.0), (180.0, 300.0)]
    assert "crossing-at-end" in _pair_faults([*parts, d], [down, across], [(a, b), (d, c)])
    # an arrow 3 pt beside a symbol it does not connect; a head on 1.2 pt of line
    grazing = [(140.0, 100.0), (143.0, 100.0), (143.0, 300.0), (180.0, 300.0)]
    assert _pair_faults(parts, [grazing], [(a, c)]) == ["edge-grazes"]
    assert _pair_faults(parts, [[(100.0, 115.0), (100.0, 180.0), (94.0, 180.0), (94.0, 185.0)]], [(a, b)]) == [
        "head-no-stem"
    ]
    assert _pair_faults(parts, [down], [(a, b)]) == []


def test_repair_moves_a_loop_off_the_sides_the_flow_uses() -> None:
    a, b = _box_part(1, 100, 100), _box_part(2, 100, 200)
    lane = Lane("pu", "PU", 0, (0.0, 0.0, 300.0, 400.0), (0.0, 0.0, 300.0, 20.0), NO_TEXT)
    edges, ends = [Edge(1, 2), Edge(2, 1)], [(a, b), (b, a)]
    routes = [[(100.0, 115.0), (100.0, 185.0)], [(120.0, 185.0), (120.0, 115.0)]]
    Repair([a, b], [lane], [], edges, ends, 6.0, False).run(routes)
    assert routes[0] == [(100.0, 115.0), (100.0, 185.0)]  # the straight arrow keeps its way
    assert _pair_faults([a, b], routes, ends) == []
    assert routes[1][0] in ((140.0, 200.0), (60.0, 200.0))  # out of a side of step 2
    assert routes[1][-1] in ((140.0, 100.0), (60.0, 100.0))  # into a side of step 1


def _layout_faults(text: str, direction: str = "tb") -> list[str]:
    """The careful-hand faults of a laid-out flowchart, read back from its finished routes."""
    procedure = flowgen.parse(text)
    style = resolve_style(None, procedure, options=f"flowchart {{ direction: {direction}; }}")
    layout = layout_flowchart(procedure, style)
    first = {p.step: p for p in layout.parts if p.part == 0}
    routes, ends, edges = [], [], []
    for route in layout.routes:
        if route.source == route.target:
            continue
        points = [(args[-2], args[-1]) for _, args in route.commands]
        points[-1] = route.head[0]
        candidates = [p for p in layout.parts if p.step == route.source]
        source = min(candidates, key=lambda p: math.hypot(p.shape.x - points[0][0], p.shape.y - points[0][1]))
        candidates = [p for p in layout.parts if p.step == route.target]
        target = min(candidates, key=lambda p: math.hypot(p.shape.x - points[-1][0], p.shape.y - points[-1][1]))
        routes.append(points)
        ends.append((source, target))
        edges.append(Edge(route.source, route.target, route.label))
    assert first
    judge = Judge(layout.parts, layout.lanes, edges, 6.0)
    joint = joint_boxes(layout.parts)
    seen = [drawn(r, e, 6.0, joint) for r, e in zip(routes, ends)]
    found = [f for k, d in enumerate(seen) for f in judge.alone(k, d, ends[k])]
    for i, j in itertools.combinations(range(len(seen)), 2):
        found += judge.between(i, seen[i], j, seen[j])
    return found


def _real_density(seed: int) -> str:
    """A random procedure as dense as real SOPs: a decision in four steps at most, loops back of at most five."""
    rng = random.Random(seed)
    count, keys = rng.randint(10, 45), ["pu", "ktu"]
    lines = ["  [s1] mulai pu: Menerima berkas"]
    last = -9
    for i in range(2, count):
        who = rng.choice(keys)
        if 3 < i < count - 1 and i - last >= 4 and rng.random() < 0.5:
            last = i
            lines += [f"  [s{i}] ? {who}: Berkas lengkap?", f"    tidak -> s{max(2, i - rng.randint(1, 5))}", "    ya"]
        else:
            lines.append(f"  [s{i}] {who}{'+ktu' if who == 'pu' and rng.random() < 0.1 else ''}: Memeriksa berkas {i}")
    lines.append(f"  [s{count}] selesai pu: Selesai")
    return flow(*lines)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("direction", ["tb", "lr"])
def test_random_procedures_of_real_density_keep_the_careful_rules(seed: int, direction: str) -> None:
    assert _layout_faults(_real_density(seed), direction) == []


def test_a_decision_shows_its_simbol_and_stays_flat() -> None:
    question = (
        "Apakah berkas permohonan beserta seluruh lampiran pendukungnya sudah lengkap, sah, dan sesuai"
        " dengan persyaratan yang berlaku?"
    )
    text = flow(
        "  mulai pu: Mulai",
        f"  ? pu: {question}",
        "    simbol: Lengkap?",
        "    tidak -> akhir",
        "    ya",
        f"  ? ktu: {question}",
        "    tidak -> akhir",
        "    ya",
        "  [akhir] selesai ktu: Selesai",
    )
    procedure = flowgen.parse(text)
    style = resolve_style(None, procedure)
    layout = layout_flowchart(procedure, style)
    diamonds = [p for p in layout.parts if p.shape.kind is StepKind.DECISION]
    assert diamonds[0].text.lines == ("Lengkap?",)
    assert len(diamonds[1].text.lines) > 1
    box_height = float(style.value("step", "min-height", ("decision",)))
    assert all(d.shape.h <= 3 * box_height + 0.01 for d in diamonds)
    assert diamonds[1].shape.w > diamonds[1].shape.h  # a long question: wider, not taller


FORK = flow(
    "  mulai pu: Mulai",
    "  ? pu: Pemohon baru?",
    "    ya -> kartu, berkas",
    "    tidak -> cari",
    "  [kartu] pu: Membuat kartu -> akhir",
    "  [berkas] ktu: Membuat berkas baru -> akhir",
    "  [cari] ktu: Mencari berkas lama",
    "  [akhir] selesai pu: Selesai",
)


@pytest.mark.parametrize("direction", ["tb", "lr"])
def test_a_branch_that_forks_is_one_line_with_one_label(direction: str) -> None:
    procedure = flowgen.parse(FORK)
    layout = layout_flowchart(
        procedure, resolve_style(None, procedure, options=f"flowchart {{ direction: {direction}; }}")
    )
    fork = [r for r in layout.routes if r.source == 2 and r.label == "Ya"]
    assert sorted(r.target for r in fork) == [3, 4]
    assert sum(r.label_box is not None for r in fork) == 1  # the label is drawn once, both arrows carry its words
    first = [[(args[-2], args[-1]) for _, args in r.commands][:2] for r in fork]
    assert first[0][0] == first[1][0]  # they leave the diamond at one tip ...
    (x0, y0), (xa, ya), (xb, yb) = first[0][0], first[0][1], first[1][1]
    assert (x0 == xa == xb) or (y0 == ya == yb)  # ... on one line, the same way
    assert (xa - x0) * (xb - x0) + (ya - y0) * (yb - y0) > 0
    trunk = min(abs(xa - x0) + abs(ya - y0), abs(xb - x0) + abs(yb - y0))
    label = next(r.label_box for r in fork if r.label_box is not None)
    assert label is not None
    along = label[3] - y0 if x0 == xa else (label[2] - x0 if xa > x0 else x0 - label[0])
    assert along <= trunk  # it splits after the label
    data = flowgen.render_flowchart(procedure, resolve_style(None, procedure), "svg")
    assert [str(f) for f in check_svg(data)] == []
    assert data.count(b'data-label="Ya"') == 2 and data.count(b">Ya</tspan>") == 1


def test_a_decisions_two_branches_to_one_side_do_not_cross() -> None:
    """SIPA's step 13: 'Ya' to the nearer box took the side tip and 'Tidak' to the farther one crossed it."""
    from flowgen.layout.flowchart.branches import cross
    from flowgen.layout.geometry import points_of

    procedure = flowgen.load(ROOT / "examples" / "izin-pemanfaatan-air-tanah.pos")
    layout = layout_flowchart(procedure, resolve_style("default"))
    decisions = {s.number for s in procedure.steps if s.kind is StepKind.DECISION}
    by_source: dict[int, list[list[tuple[float, float]]]] = {}
    for route in layout.routes:
        if route.source in decisions and route.source != route.target:
            by_source.setdefault(route.source, []).append(points_of(route.commands))
    assert len(by_source) >= 2 and all(len(lines) == 2 for lines in by_source.values())
    assert [number for number, lines in sorted(by_source.items()) if cross(lines)] == []
