"""The flowchart as BPMN 2.0 XML: a process in vertical lanes, with diagram interchange from flowgen's layout.

A process designer opens the file in Camunda Modeler or bpmn.io and sees
flowgen's picture: the diagram part (BPMNDI) carries flowgen's own
coordinates.  The mapping:

- the procedure is one ``process`` inside a ``collaboration`` with one
  ``participant`` (the pool: BPMN tools draw lanes only inside a pool);
- each actor is a ``lane`` of the process's ``laneSet``, in declared order,
  drawn vertical (``isHorizontal="false"``) when flowgen's lanes are columns
  (``TB``) and horizontal when they are rows (``LR``);
- a start (end) step is a ``startEvent`` (``endEvent``) named with its text,
  drawn as a circle as tall as flowgen's capsule; an activity a ``task``; a
  decision an ``exclusiveGateway`` named with its question; a joint step one
  task in its first actor's lane (BPMN puts a node in one lane), its other
  actors named in its ``documentation``;
- each arrow a ``sequenceFlow`` with its label as ``name`` and flowgen's
  bends as waypoints.

Identifiers are ``Step_N``, ``Lane_N`` and ``Flow_N``, stable between
builds, so a designer's tool and a diff see the same names.
"""

from __future__ import annotations

import math

from lxml import etree

from flowgen.layout.flowchart.types import FlowchartLayout, Part
from flowgen.layout.geometry import Point, points_of
from flowgen.model.types import Procedure, StepKind

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
NSMAP = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI}
ELEMENTS = {
    StepKind.START: "startEvent",
    StepKind.END: "endEvent",
    StepKind.ACTIVITY: "task",
    StepKind.DECISION: "exclusiveGateway",
    StepKind.CONNECTOR: "intermediateThrowEvent",
}


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def step_id(number: int) -> str:
    return f"Step_{number}"


def _bounds(parent: etree._Element, x: float, y: float, w: float, h: float) -> None:
    etree.SubElement(parent, _q(DC, "Bounds"), x=_n(x), y=_n(y), width=_n(w), height=_n(h))


def shape_bounds(part: Part) -> tuple[float, float, float, float]:
    """The BPMN shape of a symbol: its box, or for an event a circle as tall as its capsule."""
    s = part.shape
    if s.kind.is_terminator:
        return s.x - s.h / 2, s.y - s.h / 2, s.h, s.h
    return s.x0, s.y0, s.w, s.h


def _onto(part: Part, point: Point) -> Point:
    """An arrow's end moved onto the event's circle (flowgen's capsule is wider than it)."""
    s = part.shape
    if not s.kind.is_terminator:
        return point
    dx, dy = point[0] - s.x, point[1] - s.y
    length = math.hypot(dx, dy) or 1.0
    r = s.h / 2
    return s.x + dx / length * r, s.y + dy / length * r


def _process(root: etree._Element, procedure: Procedure, layout: FlowchartLayout) -> etree._Element:
    process = etree.SubElement(root, _q(BPMN, "process"), id="Process_1", isExecutable="false")
    if procedure.identity.title:
        process.set("name", procedure.identity.title)
    lane_set = etree.SubElement(process, _q(BPMN, "laneSet"), id="LaneSet_1")
    home = {step.number: step.actors[0] for step in procedure.steps}
    for actor in sorted(procedure.actors, key=lambda a: a.index):
        lane = etree.SubElement(lane_set, _q(BPMN, "lane"), id=f"Lane_{actor.index}", name=actor.name)
        for step in procedure.steps:
            if home[step.number] == actor.key:
                etree.SubElement(lane, _q(BPMN, "flowNodeRef")).text = step_id(step.number)
    incoming: dict[int, list[str]] = {}
    outgoing: dict[int, list[str]] = {}
    for number, edge in enumerate(procedure.edges, start=1):
        outgoing.setdefault(edge.source, []).append(f"Flow_{number}")
        incoming.setdefault(edge.target, []).append(f"Flow_{number}")
    names = {actor.key: actor.name for actor in procedure.actors}
    for step in procedure.steps:
        node = etree.SubElement(process, _q(BPMN, ELEMENTS[step.kind]), id=step_id(step.number), name=step.text)
        if step.is_joint:
            others = ", ".join(names[key] for key in step.actors)
            etree.SubElement(node, _q(BPMN, "documentation")).text = f"Pelaksana: {others}"
        for flow in incoming.get(step.number, []):
            etree.SubElement(node, _q(BPMN, "incoming")).text = flow
        for flow in outgoing.get(step.number, []):
            etree.SubElement(node, _q(BPMN, "outgoing")).text = flow
    for number, edge in enumerate(procedure.edges, start=1):
        sequence = etree.SubElement(
            process,
            _q(BPMN, "sequenceFlow"),
            id=f"Flow_{number}",
            sourceRef=step_id(edge.source),
            targetRef=step_id(edge.target),
        )
        if edge.label:
            sequence.set("name", edge.label)
    return process


def _diagram(root: etree._Element, procedure: Procedure, layout: FlowchartLayout) -> None:
    horizontal = "true" if layout.direction == "lr" else "false"
    diagram = etree.SubElement(root, _q(BPMNDI, "BPMNDiagram"), id="Diagram_1")
    plane = etree.SubElement(diagram, _q(BPMNDI, "BPMNPlane"), id="Plane_1", bpmnElement="Collaboration_1")
    x0 = min(lane.box[0] for lane in layout.lanes)
    y0 = min(lane.box[1] for lane in layout.lanes)
    x1 = max(lane.box[2] for lane in layout.lanes)
    y1 = max(lane.box[3] for lane in layout.lanes)
    pool = etree.SubElement(
        plane, _q(BPMNDI, "BPMNShape"), id="Participant_1_di", bpmnElement="Participant_1", isHorizontal=horizontal
    )
    _bounds(pool, x0, y0, x1 - x0, y1 - y0)
    for lane in layout.lanes:
        shape = etree.SubElement(
            plane, _q(BPMNDI, "BPMNShape"), id=f"Lane_{lane.index}_di", bpmnElement=f"Lane_{lane.index}",
            isHorizontal=horizontal,
        )  # fmt: skip
        _bounds(shape, lane.box[0], lane.box[1], lane.box[2] - lane.box[0], lane.box[3] - lane.box[1])
    first: dict[int, Part] = {}
    for part in layout.parts:
        first.setdefault(part.step, part)
    for number in sorted(first):
        part = first[number]
        shape = etree.SubElement(
            plane, _q(BPMNDI, "BPMNShape"), id=f"{step_id(number)}_di", bpmnElement=step_id(number)
        )
        if part.shape.kind is StepKind.DECISION:
            shape.set("isMarkerVisible", "true")
        _bounds(shape, *shape_bounds(part))
    routes = {(r.source, r.target): r for r in layout.routes}
    for number, edge in enumerate(procedure.edges, start=1):
        route = routes.get((edge.source, edge.target))
        if route is None:
            continue
        points = points_of(route.commands)
        if route.head:
            points[-1] = route.head[0]
        points[0] = _onto(first[edge.source], points[0])
        points[-1] = _onto(first[edge.target], points[-1])
        shape = etree.SubElement(plane, _q(BPMNDI, "BPMNEdge"), id=f"Flow_{number}_di", bpmnElement=f"Flow_{number}")
        for x, y in points:
            etree.SubElement(shape, _q(DI, "waypoint"), x=_n(x), y=_n(y))
        if route.label and route.label_box is not None:
            label = etree.SubElement(shape, _q(BPMNDI, "BPMNLabel"))
            b = route.label_box
            _bounds(label, b[0], b[1], b[2] - b[0], b[3] - b[1])


def bpmn_bytes(procedure: Procedure, layout: FlowchartLayout) -> bytes:
    """The procedure and its laid-out flowchart as a BPMN 2.0 ``definitions`` document."""
    root = etree.Element(
        _q(BPMN, "definitions"),
        nsmap=NSMAP,
        id="Definitions_1",
        targetNamespace="urn:flowgen:sop",
        exporter="flowgen",
    )
    collaboration = etree.SubElement(root, _q(BPMN, "collaboration"), id="Collaboration_1")
    etree.SubElement(
        collaboration,
        _q(BPMN, "participant"),
        id="Participant_1",
        name=procedure.identity.title or "SOP",
        processRef="Process_1",
    )
    _process(root, procedure, layout)
    _diagram(root, procedure, layout)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
