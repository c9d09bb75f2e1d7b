"""The flowchart's fast paths give the answers of the plain computations they replace.

The careful repair and the polishing router keep indexes that are updated as
one arrow moves (an overlap set, a route-tagged index of runs, a clearance
test sorted by grid line); each is checked here against the plain
computation on random drawings, so a speed-up cannot change a drawing
unnoticed.  The lanes' detour tracks are counted per band of rows.
"""

from __future__ import annotations

import itertools
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import flowgen
from flowgen.layout.flowchart.clearance import Clearance, Other, Rules
from flowgen.layout.flowchart.place import _detour_tracks
from flowgen.layout.geometry import Box, Point, Segment, dedupe
from flowgen.layout.grid_astar import box_masks
from flowgen.layout.grid_search import GridSearch, Obstacles, Overlaps, TaggedRuns, _lines, overlapping
from tests.grid_reference import _lines as reference_lines
from tests.grid_reference import reference_find
from tests.helpers import flow


def _orthogonal(rng: random.Random, size: float = 200.0, step: float = 4.0) -> list[Point]:
    """A random orthogonal route on a coarse lattice (so runs often coincide, as forks' trunks do)."""
    x, y = rng.randrange(0, int(size // step)) * step, rng.randrange(0, int(size // step)) * step
    points = [(x, y)]
    for k in range(rng.randint(1, 4)):
        if k % 2 == 0:
            x = rng.randrange(0, int(size // step)) * step
        else:
            y = rng.randrange(0, int(size // step)) * step
        points.append((x, y))
    return dedupe(points) if len(dedupe(points)) >= 2 else [(0.0, 0.0), (0.0, 40.0)]


def test_the_overlap_set_stays_what_overlapping_finds_as_routes_move() -> None:
    rng = random.Random(7)
    for _ in range(20):
        routes = [_orthogonal(rng) for _ in range(12)]
        sources = [rng.randrange(4) for _ in routes]

        def apart(a: int, b: int, sources: list[int] = sources) -> bool:
            return sources[a] != sources[b]

        found = Overlaps(routes, apart, 3.0, 4.0)
        assert found.pairs() == overlapping(routes, apart, 3.0, 4.0)
        for _ in range(15):
            moved = rng.randrange(len(routes))
            routes[moved] = _orthogonal(rng)
            found.update(moved)
            assert found.pairs() == overlapping(routes, apart, 3.0, 4.0)


def test_a_view_of_the_tagged_runs_blocks_what_an_index_of_those_routes_blocks() -> None:
    rng = random.Random(11)
    routes = [_orthogonal(rng) for _ in range(15)]
    index = TaggedRuns(routes, 3.0, 4.0)
    for _ in range(10):
        moved = rng.randrange(len(routes))
        routes[moved] = _orthogonal(rng)
        index.set(moved, routes[moved])
        me = rng.randrange(len(routes))

        def counts(k: int, me: int = me) -> bool:
            return k != me and k % 3 != me % 3

        view = index.view(counts)
        counted = [s for k, r in enumerate(routes) if k != me and k % 3 != me % 3 for s in itertools.pairwise(r)]
        plain = Obstacles((), counted, 0.0, 3.0, 4.0)
        for _ in range(60):
            a = _orthogonal(rng)
            segment = (a[0], a[1])
            assert view.blocked(segment) == plain.blocked(segment)


def test_the_clearance_by_grid_line_answers_as_the_plain_test() -> None:
    rng = random.Random(3)
    rules = Rules(border=3.6, beside=7.6, merged=1.5, zone=8.6)
    for _ in range(5):
        boxes: list[Box] = []
        for _ in range(6):
            x, y = rng.uniform(0, 180), rng.uniform(0, 180)
            boxes.append((x, y, x + rng.uniform(5, 40), y + rng.uniform(5, 30)))
        borders = [("v", 0.0, 0.0, 200.0), ("v", 100.0, 0.0, 200.0), ("h", 20.0, 0.0, 200.0)]
        others: list[Other] = []
        for k in range(10):
            route = _orthogonal(rng)
            for a, b in itertools.pairwise(route):
                others.append(Other((a, b), k % 4 == 0, (route[0], route[-1])))
        ports = [(rng.uniform(0, 200), rng.uniform(0, 200)) for _ in range(4)]

        def everything(near: Box | None, others: list[Other] = others) -> list[Other]:
            return others

        zone = (20.0, 20.0, 170.0, 170.0)
        fast = Clearance(boxes, borders, everything, ports, rules, zone)
        for _ in range(400):
            x, y = rng.randrange(0, 50) * 4.0, rng.randrange(0, 50) * 4.0
            if rng.random() < 0.5:
                segment: Segment = ((x, y), (x, y + rng.choice((4.0, 8.0, 12.0, -8.0))))
            else:
                segment = ((x, y), (x + rng.choice((4.0, 8.0, -4.0)), y))
            assert fast.blocked(segment) == fast._plain(segment, boxes, borders, others), segment


def _cost(path: list[Point]) -> float:
    length = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in itertools.pairwise(path))
    return length + 18.0 * (len(path) - 2)


def test_a_deep_search_finds_a_way_as_short_and_straight_as_the_plain_search() -> None:
    walls = [(60.0, 0.0, 80.0, 150.0), (120.0, 50.0, 140.0, 200.0)]
    blocked = Obstacles(walls, (), 0.0).blocked
    starts = [((10.0, 100.0), (1.0, 0.0), 0.0)]
    goals = [((190.0, 20.0), (1.0, 0.0))]
    plain = GridSearch((0.0, 0.0, 200.0, 200.0), 8.0, [], [], []).find(starts, goals, blocked)
    deep = GridSearch((0.0, 0.0, 200.0, 200.0), 8.0, [], [], [], deep=True).find(starts, goals, blocked)
    assert plain is not None and deep is not None
    assert deep[0] == plain[0] and deep[-1] == plain[-1]
    assert _cost(deep) == _cost(plain)


def _loops(second_back_to: str) -> tuple[flowgen.Procedure, list[list[int]], dict[str, int]]:
    text = flow(
        "  [a] mulai pu: Mulai",
        "  [b] pu: Memeriksa berkas",
        "  [c] ? pu: Lengkap?",
        "    tidak -> b",
        "    ya",
        "  [d] pu: Mencatat berkas",
        "  [e] pu: Menelaah berkas",
        "  [f] ? pu: Sesuai?",
        f"    tidak -> {second_back_to}",
        "    ya",
        "  [g] selesai pu: Selesai",
    )
    procedure = flowgen.parse(text, "t.pos")
    return procedure, [[step.number] for step in procedure.steps], {a.key: a.index for a in procedure.actors}


def test_detour_tracks_are_counted_per_band_of_rows_not_per_lane() -> None:
    # two loops back in one lane, over rows 2-3 and rows 5-6: each needs a track at both its ends (two),
    # and no row has both loops beside it, so the lane needs two tracks, not four
    assert _detour_tracks(*_loops("e")) == {0: 2}
    # the second loop now goes back to b: over rows 2-6, beside the first loop's rows, so four
    assert _detour_tracks(*_loops("b")) == {0: 4}


def _points(draw: st.DrawFn, size: float) -> Point:
    """A point on a 2-point lattice (so ports fall on tracks and runs meet them, as in a drawing)."""
    return (draw(st.integers(0, int(size // 2))) * 2.0, draw(st.integers(0, int(size // 2))) * 2.0)


@st.composite
def _grids(draw: st.DrawFn) -> dict[str, Any]:
    """A random search: lines to avoid, symbols, walls and runs that block, starts and goals."""
    size = 160.0
    gap = draw(st.sampled_from([6.0, 8.0, 9.4]))
    boxes: list[Box] = []
    for _ in range(draw(st.integers(0, 4))):
        x, y = _points(draw, size - 30)
        boxes.append((x, y, x + draw(st.integers(4, 30)), y + draw(st.integers(4, 30))))
    runs: list[Segment] = []
    for _ in range(draw(st.integers(0, 5))):
        a = _points(draw, size)
        b = (a[0], draw(st.integers(0, 80)) * 2.0) if draw(st.booleans()) else (draw(st.integers(0, 80)) * 2.0, a[1])
        runs.append((a, b))
    ways = [(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0)]
    starts = [(_points(draw, size), draw(st.sampled_from(ways)), draw(st.sampled_from([0.0, 6.0]))) for _ in range(2)]
    goals = [(_points(draw, size), draw(st.sampled_from(ways))) for _ in range(draw(st.integers(1, 3)))]
    lines = [draw(st.integers(1, 79)) * 2.0 for _ in range(draw(st.integers(0, 3)))]
    return {
        "area": (1.0, 1.0, size - 1, size - 1),
        "gap": gap,
        "column_lines": lines,
        "row_lines": lines[:1],
        "boxes": boxes[: draw(st.integers(0, len(boxes)))],
        "starts": starts,
        "goals": goals,
        "blocked": Obstacles(boxes[len(boxes) // 2 :], runs, 1.0, 2.5).blocked,
        "limit": draw(st.sampled_from([50, 60000])),
        "deep": draw(st.booleans()),
    }


@settings(max_examples=300, deadline=None)
@given(_grids())
def test_the_fast_grid_search_returns_the_path_of_the_plain_definition(case: dict[str, Any]) -> None:
    fast = GridSearch(
        case["area"], case["gap"], case["column_lines"], case["row_lines"], case["boxes"], case["limit"], case["deep"]
    ).find(case["starts"], case["goals"], case["blocked"])
    assert fast == reference_find(**case)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([6.0, 8.0, 9.4, 13.0]),
    st.lists(st.integers(0, 400).map(lambda v: v / 2), max_size=4),
    st.lists(st.integers(-10, 410).map(lambda v: v / 2), max_size=8),
)
def test_the_tracks_are_those_of_the_plain_definition(gap: float, avoid: list[float], extra: list[float]) -> None:
    assert _lines(1.0, 199.0, gap, avoid, extra) == reference_lines(1.0, 199.0, gap, avoid, extra)


def test_a_search_goes_round_a_wall_with_the_fewest_bends() -> None:
    walls = [(40.0, 0.0, 60.0, 70.0)]
    search = GridSearch((0.0, 0.0, 100.0, 100.0), 10.0, [], [], [])
    path = search.find([((10.0, 5.0), (0.0, 1.0), 0.0)], [((90.0, 5.0), (0.0, -1.0))], Obstacles(walls, ()).blocked)
    assert path == [(10.0, 5.0), (10.0, 75.0), (90.0, 75.0), (90.0, 5.0)]


def test_box_masks_mark_the_tracks_strictly_inside_each_box_grown_by_0_8() -> None:
    xs = [0.0, 9.2, 9.3, 10.0, 20.0, 30.0, 30.8]
    assert box_masks(xs, [(10.0, 0.0, 30.0, 5.0), (0.0, 0.0, 0.5, 5.0)], 0, 2) == [2, 0, 1, 1, 1, 1, 0]
