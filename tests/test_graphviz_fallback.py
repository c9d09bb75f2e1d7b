"""Graphviz's orthogonal router crashes on some layouts: flowgen retries, then routes by itself.

A fake ``dot`` put first on PATH ranks with the real Graphviz but makes the
router (``dot -Kneato -n2``) fail the way Graphviz's orthogonal router
crashes, a set number of times.  It counts the router calls, so the tests
see the retries happen, and the drawing must still come out whole and pass
flowgen's own geometry checker.
"""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from lxml import etree

import flowgen
from flowgen.api import resolve_style
from flowgen.drawcheck import LEGACY_RULES, check_svg
from flowgen.layout.flowchart.place import layout_flowchart
from tests.helpers import ROOT

SVG = "{http://www.w3.org/2000/svg}"
REAL_DOT = shutil.which("dot")
needs_graphviz = pytest.mark.skipif(REAL_DOT is None, reason="Graphviz is not installed")

FAKE = """#!/bin/sh
# ranks with the real Graphviz; the router (-Kneato) fails its first {fails} calls
case " $* " in
  *" -Kneato "*)
    count=$(cat "{state}" 2>/dev/null || echo 0)
    count=$((count + 1))
    echo "$count" > "{state}"
    if [ "$count" -le {fails} ]; then
      cat > /dev/null
      echo "Error: trouble in init_rank (fake crash $count)" >&2
      exit 1
    fi
    ;;
esac
exec "{real}" "$@"
"""


def fake_graphviz(monkeypatch: pytest.MonkeyPatch, folder: Path, fails: int) -> Path:
    """Put a fake ``dot`` first on PATH whose router fails ``fails`` times; the file counting its calls."""
    assert REAL_DOT is not None
    state = folder / "router-calls"
    script = folder / "bin" / "dot"
    script.parent.mkdir()
    script.write_text(FAKE.format(fails=fails, state=state, real=REAL_DOT), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{script.parent}:{Path(REAL_DOT).parent}")
    return state


def edges_drawn(data: bytes) -> set[tuple[str | None, str | None]]:
    root = etree.fromstring(data)
    return {
        (g.get("data-from"), g.get("data-to"))
        for g in root.iter(f"{SVG}g")
        if (g.get("class") or "").split()[:1] == ["fg-edge"]
    }


@needs_graphviz
@pytest.mark.parametrize("name", ["surat-masuk", "pengadaan-barang"])
def test_a_router_crash_is_retried_with_the_boxes_nudged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    procedure = flowgen.load(ROOT / "examples" / f"{name}.pos")
    style = resolve_style(None, procedure)
    plain = layout_flowchart(procedure, style)
    state = fake_graphviz(monkeypatch, tmp_path, fails=1)
    retried = layout_flowchart(procedure, style)
    assert state.read_text().strip() == "2"  # the crash, then the retry that worked
    assert retried.routing_dot != plain.routing_dot  # the retry's boxes are nudged
    assert len(retried.routes) == len(procedure.edges)
    data = flowgen.render_flowchart(procedure, style, "svg")
    assert edges_drawn(data) == {(str(e.source), str(e.target)) for e in procedure.edges}
    assert [str(f) for f in check_svg(data, rules=LEGACY_RULES)] == []  # TODO(fidelity): all rules


@needs_graphviz
@pytest.mark.parametrize("name", ["surat-masuk", "pengadaan-barang"])
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_a_router_that_always_crashes_leaves_the_routes_to_the_grid_search(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, direction: str
) -> None:
    procedure = flowgen.load(ROOT / "examples" / f"{name}.pos")
    state = fake_graphviz(monkeypatch, tmp_path, fails=99)
    data = flowgen.render_flowchart(procedure, format="svg", direction=direction)
    assert state.read_text().strip() == "3"  # three tries, then flowgen's own router
    assert edges_drawn(data) == {(str(e.source), str(e.target)) for e in procedure.edges}
    assert [str(f) for f in check_svg(data, rules=LEGACY_RULES)] == []  # TODO(fidelity): all rules


@needs_graphviz
def test_curved_arrows_have_no_fallback_so_the_crash_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    procedure = flowgen.load(ROOT / "examples" / "surat-masuk.pos")
    style = resolve_style(None, procedure, options="flowchart { edge-style: curved; }")
    state = fake_graphviz(monkeypatch, tmp_path, fails=99)
    with pytest.raises(flowgen.LayoutError) as caught:
        flowgen.render_flowchart(procedure, style, "svg")
    assert state.read_text().strip() == "3"
    assert caught.value.diagnostics[0].code == "graphviz-failed"
    assert "fake crash 3" in caught.value.diagnostics[0].message
