"""draw.io and BPMN 2.0: read back with lxml and held against flowgen's own flowchart layout."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from lxml import etree

from flowgen import parse
from flowgen.api import render_flowchart, resolve_style
from flowgen.errors import FlowgenError
from flowgen.export.bpmn import BPMN, BPMNDI, DC, DI, shape_bounds
from flowgen.export.drawio import route_points
from flowgen.layout.flowchart.place import layout_flowchart
from flowgen.layout.flowchart.types import FlowchartLayout
from flowgen.model.types import Procedure, StepKind
from flowgen.style.resolve import ResolvedStyle
from tests.helpers import EXAMPLES

SCHEMAS = Path(__file__).parent / "schemas" / "bpmn"
pytestmark = pytest.mark.graphviz


@pytest.fixture(scope="module")
def bpmn_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "BPMN20.xsd")))


def _setup(
    path: Path, style: str = "default", direction: str | None = None
) -> tuple[Procedure, ResolvedStyle, FlowchartLayout]:
    procedure = parse(path.read_text(encoding="utf-8"), str(path))
    options = "" if direction is None else f"flowchart {{ direction: {direction}; }}"
    resolved = resolve_style(style, procedure, options=options)
    return procedure, resolved, layout_flowchart(procedure, resolved, procedure.source_name)


def _num(element: etree._Element, name: str) -> float:
    return float(element.get(name) or "nan")


def _child(element: etree._Element, path: str, ns: dict[str, str] | None = None) -> etree._Element:
    """The element at ``path``: lxml types ``find`` as optional, and a missing one should fail right here."""
    found = element.find(path, ns)
    assert found is not None, path
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("direction", ["tb", "lr"])
def test_drawio_cells_and_geometry_are_flowgens(path: Path, direction: str) -> None:
    procedure, style, layout = _setup(path, direction=direction)
    root = etree.fromstring(render_flowchart(procedure, style, "drawio", direction=direction))
    cells = {c.get("id"): c for c in root.iter("mxCell")}
    pool = _child(cells["pool"], "mxGeometry")
    px, py = _num(pool, "x"), _num(pool, "y")
    lanes = [c for c in root.iter("mxCell") if (c.get("id") or "").startswith("lane-")]
    assert [c.get("value") for c in lanes] == ["\n".join(lane.text.lines) for lane in layout.lanes]
    assert [lane.key for lane in layout.lanes] == [a.key for a in sorted(procedure.actors, key=lambda a: a.index)]
    for cell, lane in zip(lanes, layout.lanes, strict=True):
        assert cell.get("parent") == "pool" and "swimlane" in (cell.get("style") or "")
        assert f"horizontal={0 if direction == 'lr' else 1};" in (cell.get("style") or "")
        g = _child(cell, "mxGeometry")
        assert _num(g, "x") + px == pytest.approx(lane.box[0], abs=0.01)
        assert _num(g, "y") + py == pytest.approx(lane.box[1], abs=0.01)
        assert _num(g, "width") == pytest.approx(lane.box[2] - lane.box[0], abs=0.01)
    shapes = {StepKind.DECISION: "rhombus;", StepKind.START: "arcSize=50", StepKind.END: "arcSize=50"}
    for part in layout.parts:
        cell = cells[f"step-{part.step}-{part.part}"]
        lane = layout.lanes[part.lane]
        assert cell.get("parent") == f"lane-{lane.index}"
        assert cell.get("value") == "\n".join(part.text.lines)
        assert shapes.get(part.shape.kind, "rounded=0;") in (cell.get("style") or "")
        g = _child(cell, "mxGeometry")
        assert _num(g, "x") + lane.box[0] == pytest.approx(part.shape.x0, abs=0.01)
        assert _num(g, "y") + lane.box[1] == pytest.approx(part.shape.y0, abs=0.01)
        assert (_num(g, "width"), _num(g, "height")) == pytest.approx((part.shape.w, part.shape.h), abs=0.01)
    edges = [c for c in root.iter("mxCell") if (c.get("id") or "").startswith("edge-")]
    assert len(edges) == len(layout.routes) == len(procedure.edges)
    for cell, route in zip(edges, layout.routes, strict=True):
        assert (cell.get("source") or "").startswith(f"step-{route.source}-")
        assert (cell.get("target") or "").startswith(f"step-{route.target}-")
        # a forking branch's label is drawn once, on its trunk: the arrows joining it show none
        assert (cell.get("value") or None) == (route.label if route.label_box else None)
        g = _child(cell, "mxGeometry")
        ends = [
            (_num(p, "x"), _num(p, "y")) for p in g.findall("mxPoint") if p.get("as") in ("sourcePoint", "targetPoint")
        ]
        bends = [(_num(p, "x"), _num(p, "y")) for p in g.iterfind("Array/mxPoint")]
        expected = route_points(route)
        got = [ends[0], *bends, ends[1]]
        assert len(got) == len(expected)
        assert all(math.dist(a, b) < 0.01 for a, b in zip(got, expected, strict=True))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_bpmn_validates_and_matches_the_layout(path: Path, bpmn_schema: etree.XMLSchema) -> None:
    procedure, style, layout = _setup(path)
    data = render_flowchart(procedure, style, "bpmn")
    document = etree.fromstring(data)
    bpmn_schema.assertValid(document)
    ns = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI}
    lanes = document.findall(".//bpmn:laneSet/bpmn:lane", ns)
    assert [lane.get("name") for lane in lanes] == [a.name for a in sorted(procedure.actors, key=lambda a: a.index)]
    kinds = {"startEvent": StepKind.START, "endEvent": StepKind.END, "task": StepKind.ACTIVITY,
             "exclusiveGateway": StepKind.DECISION}  # fmt: skip
    process = _child(document, "bpmn:process", ns)
    nodes = {n.get("id"): n for n in process if etree.QName(n).localname in kinds}
    assert len(nodes) == len(procedure.steps)
    for step in procedure.steps:
        node = nodes[f"Step_{step.number}"]
        assert kinds[etree.QName(node).localname] is step.kind
        assert node.get("name") == step.text
        home = next(lane for lane in lanes if f"Step_{step.number}" in [r.text for r in lane])
        assert home.get("id") == f"Lane_{next(a.index for a in procedure.actors if a.key == step.actors[0])}"
    flows = process.findall("bpmn:sequenceFlow", ns)
    assert [(f.get("sourceRef"), f.get("targetRef"), f.get("name")) for f in flows] == [
        (f"Step_{e.source}", f"Step_{e.target}", e.label) for e in procedure.edges
    ]
    plane = _child(document, ".//bpmndi:BPMNPlane", ns)
    shapes = {s.get("bpmnElement"): s for s in plane.findall("bpmndi:BPMNShape", ns)}
    for lane in layout.lanes:
        shape = shapes[f"Lane_{lane.index}"]
        assert shape.get("isHorizontal") == "false"
        bounds = _child(shape, "dc:Bounds", ns)
        assert (_num(bounds, "x"), _num(bounds, "y")) == pytest.approx(lane.box[:2], abs=0.01)
    for part in layout.parts:
        if part.part == 0:
            bounds = _child(shapes[f"Step_{part.step}"], "dc:Bounds", ns)
            got = tuple(_num(bounds, k) for k in ("x", "y", "width", "height"))
            assert got == pytest.approx(shape_bounds(part), abs=0.01)
    edges = plane.findall("bpmndi:BPMNEdge", ns)
    assert len(edges) == len(flows)
    assert all(len(e.findall("di:waypoint", ns)) >= 2 for e in edges)


def test_bpmn_lanes_lie_down_when_the_flow_runs_left_to_right(bpmn_schema: etree.XMLSchema) -> None:
    procedure, style, _ = _setup(EXAMPLES[0], direction="lr")
    document = etree.fromstring(render_flowchart(procedure, style, "bpmn", direction="lr"))
    bpmn_schema.assertValid(document)
    lanes = document.findall(f".//{{{BPMNDI}}}BPMNShape[@isHorizontal]")
    assert lanes and {s.get("isHorizontal") for s in lanes} == {"true"}


def test_text_that_looks_like_markup_stays_text() -> None:
    source = (
        "judul: A <b>&amp;</b>\npelaksana:\n  a = Kepala <i>\nalur:\n"
        '  mulai a: Mulai <x/> & "q"\n  selesai a: Selesai\n'
    )
    procedure = parse(source, "t.pos")
    drawio = etree.fromstring(render_flowchart(procedure, "default", "drawio"))
    assert 'Mulai <x/> & "q"' in [c.get("value") for c in drawio.iter("mxCell")]
    bpmn = etree.fromstring(render_flowchart(procedure, "default", "bpmn"))
    assert _child(bpmn, f".//{{{BPMN}}}startEvent").get("name") == 'Mulai <x/> & "q"'


def test_an_unknown_format_is_a_flowgen_error() -> None:
    procedure = parse(EXAMPLES[0].read_text(encoding="utf-8"), str(EXAMPLES[0]))
    with pytest.raises(FlowgenError, match="drawio"):
        render_flowchart(procedure, "default", "drawoi")  # type: ignore[arg-type]
    with pytest.raises(FlowgenError):
        render_flowchart(procedure, "default", "docx")
