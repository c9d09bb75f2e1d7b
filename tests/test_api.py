"""The public API holds what it is given to the model's rules: only a FlowgenError ever comes out.

Hand-built procedures with one mistake each go through every public function;
JSON documents with one mistake each go through ``from_dict``/``loads``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

import flowgen
from flowgen import Actor, Edge, Identity, ModelError, Procedure, SchemaError, Step, StepKind
from flowgen.api import paint_page
from flowgen.errors import RenderError
from flowgen.render.scene import Group, Page
from tests.helpers import ROOT

A = (Actor("pu", "Pengadministrasi Umum", 0), Actor("ktu", "Kepala Subbagian Tata Usaha", 1))


def steps(*actors: str) -> tuple[Step, ...]:
    """A start, activities, an end, done by the given actors in turn."""
    kinds = [StepKind.START] + [StepKind.ACTIVITY] * (len(actors) - 2) + [StepKind.END]
    return tuple(Step(n, kind, (key,), f"langkah {n}") for n, (kind, key) in enumerate(zip(kinds, actors), 1))


def chain(count: int) -> tuple[Edge, ...]:
    return tuple(Edge(n, n + 1) for n in range(1, count))


GOOD = Procedure(Identity("Tes"), A, steps("pu", "ktu", "pu"), chain(3))

# each: a procedure with one mistake, the code it is reported with, and its arguments
BROKEN: dict[str, tuple[Any, str, dict[str, Any]]] = {
    "undeclared actor": (
        Procedure(Identity("Tes"), A, steps("pu", "xx", "pu"), chain(3)),
        "model-unknown-actor",
        {"step": 2, "actor": "xx", "known": "ktu, pu"},
    ),
    "arrow to a missing step": (
        Procedure(Identity("Tes"), A, steps("pu", "ktu", "pu"), (*chain(3), Edge(2, 5))),
        "model-no-such-step",
        {"source": 2, "target": 5, "step": 5},
    ),
    "steps out of order": (
        Procedure(Identity("Tes"), A, (Step(1, StepKind.START, ("pu",), "a"), Step(3, StepKind.END, ("pu",), "b")), ()),
        "model-step-number",
        {"number": 3, "expected": 2},
    ),
    "actor declared twice": (
        Procedure(Identity("Tes"), (A[0], Actor("pu", "Lagi", 1)), steps("pu", "pu"), chain(2)),
        "model-duplicate-actor",
        {"actor": "pu"},
    ),
    "actor index": (
        Procedure(Identity("Tes"), (Actor("pu", "PU", 3),), steps("pu", "pu"), chain(2)),
        "model-actor-index",
        {"actor": "pu", "index": 3, "expected": 0},
    ),
    "step without actor": (
        Procedure(
            Identity("Tes"), A, (Step(1, StepKind.START, (), "a"), Step(2, StepKind.END, ("pu",), "b")), chain(2)
        ),
        "model-no-actor",
        {"step": 1},
    ),
    "text is not text": (
        Procedure(
            Identity("Tes"),
            A,
            (Step(1, StepKind.START, ("pu",), None), Step(2, StepKind.END, ("pu",), "b")),  # type: ignore[arg-type]
            chain(2),
        ),
        "model-type",
        {"what": "steps[0].text", "expected": "str", "found": "NoneType"},
    ),
    "not a procedure": (
        "judul: Tes",
        "model-type",
        {"what": "procedure", "expected": "flowgen.Procedure", "found": "str"},
    ),
    "identity missing": (
        Procedure(None, A, steps("pu", "pu"), chain(2)),  # type: ignore[arg-type]
        "model-type",
        {"what": "identity", "expected": "Identity", "found": "NoneType"},
    ),
}

# procedures the model allows but that cannot be drawn: the graph rules refuse them
UNDRAWABLE: dict[str, tuple[Procedure, str]] = {
    "empty": (Procedure(Identity("Tes"), (), (), ()), "no-steps"),
    "no end": (Procedure(Identity("Tes"), A, steps("pu", "ktu", "pu")[:2], chain(2)), "no-end"),
    "one-way decision": (
        Procedure(
            Identity("Tes"),
            A,
            (
                Step(1, StepKind.START, ("pu",), "a"),
                Step(2, StepKind.DECISION, ("ktu",), "b?"),
                Step(3, StepKind.END, ("pu",), "c"),
            ),
            (Edge(1, 2), Edge(2, 3, "ya")),
        ),
        "decision-branches",
    ),
}

RENDER: dict[str, Callable[[Any], object]] = {
    "render_flowchart": flowgen.render_flowchart,
    "render_lampiran": flowgen.render_lampiran,
    "render_lampiran_pages": flowgen.render_lampiran_pages,
    "validate": flowgen.validate,
}
WRITE: dict[str, Callable[[Any], object]] = {
    "to_pos": flowgen.to_pos,
    "dumps": flowgen.dumps,
    "to_dict": flowgen.to_dict,
    "longest_path": flowgen.longest_path,
    "shortest_path": flowgen.shortest_path,
    "steps_per_actor": flowgen.steps_per_actor,
    "reachable": flowgen.reachable,
    "paths": flowgen.paths,
    "resolve_style": lambda p: flowgen.resolve_style(procedure=p),
}


@pytest.mark.parametrize("function", sorted(RENDER | WRITE))
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_procedure_is_a_model_error_everywhere(case: str, function: str) -> None:
    procedure, code, args = BROKEN[case]
    with pytest.raises(ModelError) as raised:
        (RENDER | WRITE)[function](procedure)
    assert [(d.code, dict(d.args)) for d in raised.value.diagnostics] == [(code, args)]
    assert str(raised.value.span) == "<model>"  # a procedure built in code has no file


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_check_reports_a_broken_procedure_and_does_not_raise(case: str) -> None:
    procedure, code, args = BROKEN[case]
    assert [(d.code, dict(d.args)) for d in flowgen.check(procedure)] == [(code, args)]


@pytest.mark.parametrize("function", sorted(RENDER))
@pytest.mark.parametrize("case", sorted(UNDRAWABLE))
def test_a_procedure_that_breaks_the_graph_rules_is_not_drawn(case: str, function: str) -> None:
    procedure, code = UNDRAWABLE[case]
    with pytest.raises(ModelError) as raised:
        RENDER[function](procedure)
    assert [d.code for d in raised.value.diagnostics] == [code]
    assert code in [d.code for d in flowgen.check(procedure)]


def test_the_messages_are_in_both_languages() -> None:
    with pytest.raises(ModelError) as raised:
        flowgen.render_flowchart(BROKEN["undeclared actor"][0])
    assert raised.value.format("en") == (
        "<model>: error: step 2 is done by 'xx', which is not a declared actor\n   hint: declared actors: ktu, pu"
    )
    assert raised.value.format("id") == (
        "<model>: galat: langkah 2 dikerjakan oleh 'xx', yang bukan pelaksana yang dideklarasikan\n"
        "   saran: pelaksana yang dideklarasikan: ktu, pu"
    )


def test_a_good_hand_built_procedure_is_drawn_and_written() -> None:
    flowgen.validate(GOOD)
    assert b"<svg" in flowgen.render_flowchart(GOOD)[:200]
    assert len(flowgen.render_lampiran_pages(GOOD)) == 2  # the identity sheet and one table page
    assert flowgen.parse(flowgen.to_pos(GOOD)) == GOOD
    assert flowgen.loads(flowgen.dumps(GOOD)) == GOOD
    assert flowgen.check(GOOD) == []


def test_an_unknown_format_is_a_render_error() -> None:
    with pytest.raises(RenderError) as raised:
        paint_page(Page(10, 10, Group(()), "t"), "jpg")  # type: ignore[arg-type]
    assert [(d.code, d.args["name"]) for d in raised.value.diagnostics] == [("unknown-format", "jpg")]


# -- JSON --------------------------------------------------------------------------


def document() -> dict[str, Any]:
    return flowgen.to_dict(flowgen.load(ROOT / "examples" / "surat-masuk.pos"))


def schema_problem(data: Any, source_name: str = "<dict>") -> tuple[str, dict[str, Any], str]:
    with pytest.raises(SchemaError) as raised:
        flowgen.from_dict(data, source_name)
    (found,) = raised.value.diagnostics
    return found.code, dict(found.args), str(found.span)


def without(data: dict[str, Any], *path: str | int) -> dict[str, Any]:
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return data


def changed(data: dict[str, Any], value: Any, *path: str | int) -> dict[str, Any]:
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def test_json_problems_name_the_path() -> None:
    assert schema_problem(without(document(), "identity"), "surat.json") == (
        "schema-missing",
        {"path": "$.identity"},
        "surat.json",
    )
    assert schema_problem(without(document(), "identity", "title"))[:2] == (
        "schema-missing",
        {"path": "$.identity.title"},
    )
    assert schema_problem(without(document(), "steps", 2, "span"))[:2] == (
        "schema-missing",
        {"path": "$.steps[2].span"},
    )
    assert schema_problem(without(document(), "edges", 0, "to"))[:2] == ("schema-missing", {"path": "$.edges[0].to"})
    assert schema_problem(changed(document(), "1", "steps", 0, "number"))[:2] == (
        "schema-type",
        {"path": "$.steps[0].number", "expected": "a whole number", "expected_id": "bilangan bulat", "found": '"1"'},
    )
    assert schema_problem(changed(document(), True, "actors", 0, "index"))[1]["path"] == "$.actors[0].index"
    assert schema_problem(changed(document(), {}, "steps"))[1] == {
        "path": "$.steps",
        "expected": "a list",
        "expected_id": "daftar",
        "found": "{...}",
    }
    assert schema_problem(changed(document(), "kotak", "steps", 1, "kind"))[:2] == (
        "schema-bad-kind",
        {"path": "$.steps[1].kind", "found": '"kotak"', "known": "start, end, activity, decision, connector"},
    )
    assert schema_problem(changed(document(), {"date": "2021-13-01", "written": "x"}, "identity", "created"))[:2] == (
        "schema-bad-date",
        {"path": "$.identity.created.date", "found": '"2021-13-01"'},
    )
    assert schema_problem([])[:2] == (
        "schema-type",
        {"path": "$", "expected": "an object", "expected_id": "objek", "found": "[...]"},
    )


def test_json_of_another_schema_or_version_is_refused() -> None:
    assert schema_problem({"schema": "other", "version": 1})[:2] == (
        "schema-not-procedure",
        {"path": "$.schema", "found": '"other"', "schema": "flowgen/procedure"},
    )
    assert schema_problem(changed(document(), 99, "version"))[:2] == (
        "schema-version",
        {"path": "$.version", "found": "99", "version": 3},
    )


def test_json_that_breaks_the_model_is_a_model_error() -> None:
    data = changed(document(), 42, "edges", 0, "to")
    with pytest.raises(ModelError) as raised:
        flowgen.from_dict(data)
    assert not isinstance(raised.value, SchemaError)
    assert [d.code for d in raised.value.diagnostics] == ["model-no-such-step"]


def test_bad_json_text_is_positioned() -> None:
    with pytest.raises(SchemaError) as raised:
        flowgen.loads('{\n  "schema": \n}', "surat.json")
    (found,) = raised.value.diagnostics
    assert (found.code, str(found.span)) == ("schema-not-json", "surat.json:3:1")
    assert raised.value.format("id").startswith("surat.json:3:1: galat: dokumen bukan JSON: Expecting value")


def test_json_messages_in_both_languages() -> None:
    with pytest.raises(SchemaError) as raised:
        flowgen.loads(json.dumps(without(document(), "actors")), "surat.json")
    assert raised.value.format("en").splitlines()[0] == "surat.json: error: at $.actors: the field is missing"
    assert raised.value.format("id").splitlines()[0] == "surat.json: galat: di $.actors: isian ini tidak ada"


def test_schema_and_model_errors_are_flowgen_errors() -> None:
    assert issubclass(SchemaError, ModelError) and issubclass(ModelError, flowgen.FlowgenError)
    assert not issubclass(SchemaError, ValueError)
