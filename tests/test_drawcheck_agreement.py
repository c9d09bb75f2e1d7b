"""flowgen's drawing checker and the outside checker ``svgcheck`` report the same faults on the same pages.

The outside checker is the reference for the drawing rules (it lives beside
the repository, in ``shared/tools/``); flowgen's own checker mirrors it so the
suite guards every rule.  Both read the hand-made fixtures and real outputs;
every fault, by rule and message, must be the same (flowgen's own older
rules, which svgcheck does not have, left out).  Skipped where the outside
checker is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

import flowgen
from flowgen.drawcheck import (
    FLOWGEN_ONLY,
    NO_DRAWING,
    RULES,
    arrow_pairs,
    arrows,
    check_svg,
    labels,
    plane,
    ports,
    text,
    textlines,
)
from tests.drawcheck_fixtures import fixtures
from tests.helpers import EXAMPLES, ROOT


def _outside_checker() -> Path | None:
    """``$FLOWGEN_SVGCHECK``, else ``shared/tools/svgcheck.py`` beside the repository or one of its parents."""
    named = os.environ.get("FLOWGEN_SVGCHECK")
    if named:
        return Path(named) if Path(named).exists() else None
    for folder in ROOT.parents:
        candidate = folder / "shared" / "tools" / "svgcheck.py"
        if candidate.exists():
            return candidate
    return None


SVGCHECK = _outside_checker()
pytestmark = pytest.mark.skipif(SVGCHECK is None, reason="the outside checker shared/tools/svgcheck.py is not here")

Faults = Counter[tuple[str, str]]


def _theirs(files: list[Path]) -> dict[str, Faults]:
    assert SVGCHECK is not None
    result = subprocess.run(
        [sys.executable, str(SVGCHECK), "--json", *map(str, files)], capture_output=True, text=True, check=False
    )
    assert result.returncode in (0, 1), result.stderr
    found: dict[str, Faults] = {}
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            report = json.loads(line)
            found[Path(report["file"]).name] = Counter((f["rule"], f["message"]) for f in report["faults"])
    assert len(found) == len(files), result.stdout
    return found


def _ours(path: Path) -> Faults:
    return Counter((f.rule, f.message) for f in check_svg(path.read_bytes()) if f.rule not in FLOWGEN_ONLY)


def _disagreements(files: list[Path]) -> dict[str, tuple[Faults, Faults]]:
    """File → (faults only flowgen's checker reports, faults only svgcheck reports), for files that differ."""
    theirs = _theirs(files)
    out = {}
    for path in files:
        ours = _ours(path)
        if ours != theirs[path.name]:
            out[path.name] = (ours - theirs[path.name], theirs[path.name] - ours)
    return out


def test_both_checkers_find_the_same_faults_in_every_fixture(tmp_path: Path) -> None:
    files = []
    for name, fixture in fixtures().items():
        path = tmp_path / f"{name.replace(' ', '_')}.svg"
        path.write_bytes(fixture.svg)
        files.append(path)
        assert NO_DRAWING not in fixture.rules
    assert _disagreements(files) == {}
    reported = {rule for faults in _theirs(files).values() for rule, _ in faults}
    assert reported == {rule for f in fixtures().values() for rule in f.rules} - FLOWGEN_ONLY


@pytest.mark.graphviz
def test_both_checkers_find_the_same_faults_in_real_outputs(tmp_path: Path) -> None:
    files = []
    for path, style, direction in [(EXAMPLES[0], None, "TB"), (EXAMPLES[-1], "kemendikbud", "LR")]:
        procedure = flowgen.load(path)
        chart = flowgen.render_flowchart(procedure, style, "svg", direction=direction)
        files.append(tmp_path / f"{path.stem}.flowchart.svg")
        files[-1].write_bytes(chart)
        for n, data in enumerate(flowgen.render_lampiran_pages(procedure, style, "svg"), start=1):
            files.append(tmp_path / f"{path.stem}.lampiran-{n}.svg")
            files[-1].write_bytes(data)
    assert _disagreements(files) == {}


def _svgcheck_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    assert SVGCHECK is not None
    spec = importlib.util.spec_from_file_location("svgcheck_for_tests", SVGCHECK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "svgcheck_for_tests", module)  # (its dataclasses look themselves up there)
    spec.loader.exec_module(module)
    return module


def test_both_checkers_have_the_same_rules_and_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    svgcheck = _svgcheck_module(monkeypatch)
    listed = set(re.findall(r"^  ([a-z]+(?:-[a-z]+)+) ", svgcheck.__doc__ or "", re.MULTILINE))
    assert listed == set(RULES) - FLOWGEN_ONLY - {"step-shape"}  # (svgcheck reports step-shape without listing it)
    ours = {
        "PAD": text.PAD,
        "LABEL_FAR": labels.LABEL_FAR,
        "END_ZONE": arrow_pairs.END_ZONE,
        "BORDER_NEAR": arrows.BORDER_NEAR,
        "BORDER_RUN": arrows.BORDER_RUN,
        "CLOSE": arrow_pairs.CLOSE,
        "CLOSE_RUN": arrow_pairs.CLOSE_RUN,
        "MERGED": arrow_pairs.MERGED,
        "GRAZE": arrows.GRAZE,
        "CORNER": ports.CORNER,
        "STEM": arrows.STEM,
        "MEASURE": textlines.MEASURE_PIXELS,
        "TOL": plane.TOLERANCE,
    }
    assert {name: getattr(svgcheck, name) for name in ours} == ours
