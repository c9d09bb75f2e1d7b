"""The procedure model: values, analysis, JSON, printing back to text."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import flowgen
from flowgen import SchemaError, dumps, loads
from flowgen.model import analysis
from flowgen.model.serialize import SCHEMA, VERSION
from flowgen.model.types import NO_SPAN
from flowgen.model.values import (
    MONTHS_EN,
    MONTHS_ID,
    DateFormatError,
    Duration,
    format_date,
    format_duration,
    parse_date,
    parse_time,
)
from tests.helpers import EXAMPLES, ROOT, flow

UNITS_ID = {"work_day": "hari kerja", "day": "hari", "hour": "jam", "minute": "menit", "second": "detik"}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("5 menit", Duration(5), Duration(5)),
        ("1 jam", Duration(60), Duration(60)),
        ("1,5 jam", Duration(90), Duration(90)),
        ("2 hari", Duration(days=2), Duration(days=2)),
        ("3 hari kerja", Duration(work_days=3), Duration(work_days=3)),
        ("1 jam 30 menit", Duration(90), Duration(90)),
        ("30 menit - 3 jam", Duration(30), Duration(180)),
        ("30 menit - 3 Jam", Duration(30), Duration(180)),
        ("1-2 hari", Duration(days=1), Duration(days=2)),
        ("1 s.d. 2 minggu", Duration(days=7), Duration(days=14)),
        ("10 minutes", Duration(10), Duration(10)),
        ("2 hours", Duration(120), Duration(120)),
        ("1 working day", Duration(work_days=1), Duration(work_days=1)),
        ("± 15 menit", Duration(15), Duration(15)),
        # "s/d" (sampai dengan) with a slash, as Indonesian offices write it
        ("1 s/d 3 hari", Duration(days=1), Duration(days=3)),
        ("30 menit S/D 2 jam", Duration(30), Duration(120)),
        # several spaces count as one (the text is kept as written)
        ("1 hari  kerja", Duration(work_days=1), Duration(work_days=1)),
        ("1  jam   30 menit", Duration(90), Duration(90)),
        # a dot is a decimal point: "1.000" is one, which may be a thousands separator; left as it is
        ("1.000 menit", Duration(1), Duration(1)),
        # a range written backwards is turned round
        ("2 jam - 30 menit", Duration(30), Duration(120)),
    ],
)
def test_time_parsing(text: str, low: Duration, high: Duration) -> None:
    value = parse_time(text)
    assert (value.text, value.low, value.high) == (text, low, high)


@pytest.mark.parametrize("text", ["secepatnya", "sesuai jadwal", "5", "menit", "5 menit lagi"])
def test_time_that_is_not_a_duration_is_kept_as_written(text: str) -> None:
    value = parse_time(text)
    assert (value.text, value.parsed) == (text, False)


def test_durations_add_up_per_unit() -> None:
    total = parse_time("1 hari").high + parse_time("50 menit").high + parse_time("1 jam 20 menit").high  # type: ignore[operator]
    assert format_duration(total, UNITS_ID) == "1 hari 2 jam 10 menit"
    assert format_duration(Duration(work_days=1.5), UNITS_ID) == "1,5 hari kerja"
    assert format_duration(Duration(), UNITS_ID) == "0 menit"


def test_dates() -> None:
    assert parse_date("4 Januari 2021").date == dt.date(2021, 1, 4)
    assert parse_date("4 January 2021").date == dt.date(2021, 1, 4)
    assert parse_date("2021-1-4").date == dt.date(2021, 1, 4)
    with pytest.raises(DateFormatError):
        parse_date("2021-13-01")
    assert format_date(dt.date(2021, 1, 4), "d MMMM yyyy", MONTHS_ID) == "4 Januari 2021"
    assert format_date(dt.date(2021, 1, 4), "MMMM d, yyyy", MONTHS_EN) == "January 4, 2021"
    assert format_date(dt.date(2021, 1, 4), "dd/MM/yyyy", MONTHS_ID) == "04/01/2021"


def test_analysis_of_the_reference_example() -> None:
    p = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    assert analysis.reachable(p) == set(range(1, 11))
    assert list(analysis.paths(p)) == [(1, 2, 3, 4, 10), (1, 2, 3, 5, 6, 7, 8, 9, 10)]
    longest = analysis.longest_path(p)
    shortest = analysis.shortest_path(p)
    assert longest is not None and shortest is not None
    assert longest.steps == (1, 2, 3, 5, 6, 7, 8, 9, 10)
    assert format_duration(longest.duration, UNITS_ID) == "1 hari 1 jam 25 menit"
    assert shortest.steps == (1, 2, 3, 4, 10)
    assert format_duration(shortest.duration, UNITS_ID) == "15 menit"
    assert analysis.steps_per_actor(p) == {"pu": 7, "ktu": 3, "dir": 1}


def test_a_loop_is_counted_once() -> None:
    p = flowgen.parse(
        flow(
            "  mulai pu: a",
            "    waktu: 1 jam",
            "  [b] ktu: b",
            "    waktu: 2 jam",
            "  ? pu: ok?",
            "    waktu: 10 menit",
            "    tidak -> b",
            "    ya",
            "  selesai pu: d",
            "    waktu: 5 menit",
        )
    )
    longest = analysis.longest_path(p)
    assert longest is not None
    assert longest.steps == (1, 2, 3, 4)
    assert longest.duration == Duration(195)
    assert analysis.back_edges(p) == {next(e for e in p.edges if e.label == "tidak")}


def test_json_round_trip_of_every_example() -> None:
    for path in EXAMPLES:
        p = flowgen.load(path)
        data = json.loads(dumps(p))
        assert (data["schema"], data["version"]) == (SCHEMA, VERSION)
        again = loads(dumps(p))
        assert again == p
        assert [s.span for s in again.steps] == [s.span for s in p.steps]
        assert [e.span for e in again.edges] == [e.span for e in p.edges]
        assert dumps(again) == dumps(p)


def test_json_keeps_the_place_of_the_time() -> None:
    p = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    first = p.step(1)
    assert (first.time_span.line, first.time_span.column, first.time_span.length) == (29, 12, 7)
    assert p.step(8).time_span == NO_SPAN  # no waktu
    data = flowgen.to_dict(p)
    assert data["steps"][0]["time_span"] == first.time_span.to_dict()
    assert [s.time_span for s in loads(dumps(p)).steps] == [s.time_span for s in p.steps]
    for step in data["steps"]:  # written by an older flowgen
        del step["time_span"]
    assert [s.time_span for s in flowgen.from_dict(data).steps] == [NO_SPAN] * len(p.steps)


def test_json_refuses_other_schemas() -> None:
    with pytest.raises(SchemaError):
        flowgen.from_dict({"schema": "other", "version": 1})
    p = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    data = flowgen.to_dict(p)
    data["version"] = 99
    with pytest.raises(SchemaError):
        flowgen.from_dict(data)


def test_print_and_read_back_every_example() -> None:
    for path in EXAMPLES:
        p = flowgen.load(path)
        assert flowgen.parse(flowgen.to_pos(p)) == p


def test_model_is_immutable() -> None:
    p = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    with pytest.raises(AttributeError):
        p.steps[0].text = "x"  # type: ignore[misc]


def test_check_runs_on_a_procedure_built_in_code() -> None:
    p = flowgen.Procedure(
        identity=flowgen.Identity(title="T"),
        actors=(flowgen.Actor("a", "A", 0),),
        steps=(
            flowgen.Step(1, flowgen.StepKind.START, ("a",), "x"),
            flowgen.Step(2, flowgen.StepKind.DECISION, ("a",), "ok?"),
            flowgen.Step(3, flowgen.StepKind.END, ("a",), "y"),
        ),
        edges=(flowgen.Edge(1, 2), flowgen.Edge(2, 3, "ya")),
    )
    assert [(d.code, d.severity.value) for d in flowgen.check(p)] == [("decision-branches", "error")]


def _built(steps: list[tuple[int, flowgen.StepKind]], edges: list[tuple[int, int]]) -> flowgen.Procedure:
    return flowgen.Procedure(
        identity=flowgen.Identity(title="T"),
        actors=(flowgen.Actor("a", "A", 0),),
        steps=tuple(flowgen.Step(n, kind, ("a",), "x") for n, kind in steps),
        edges=tuple(flowgen.Edge(s, t) for s, t in edges),
    )


def test_check_reports_a_group_nothing_leads_into_once() -> None:
    kinds = flowgen.StepKind
    p = _built(
        [(1, kinds.START), (2, kinds.ACTIVITY), (3, kinds.ACTIVITY), (4, kinds.END)],
        [(1, 4), (2, 3), (3, 2), (3, 4)],
    )
    found = flowgen.check(p)
    assert [(d.code, d.severity.value, d.message) for d in found] == [
        ("not-from-start", "error", "steps 2, 3 cannot be reached from any start")
    ]


def test_check_warns_about_a_fall_through_into_a_start() -> None:
    kinds = flowgen.StepKind
    p = _built([(1, kinds.START), (2, kinds.START), (3, kinds.END)], [(1, 2), (2, 3)])
    assert [(d.code, d.severity.value, d.message) for d in flowgen.check(p)] == [
        ("into-start", "warning", "step 1 runs on into start step 2")
    ]


def test_check_without_an_end_gives_no_loop_or_dead_end_warnings() -> None:
    kinds = flowgen.StepKind
    p = _built([(1, kinds.START), (2, kinds.ACTIVITY)], [(1, 2), (2, 1)])
    assert [(d.code, d.message) for d in flowgen.check(p)] == [("no-end", "the procedure has no end")]
