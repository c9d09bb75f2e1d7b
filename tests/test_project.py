"""The project's promises about itself: the README's quick start is what CI runs."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT


def test_ci_runs_exactly_the_readme_test_line() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    quick = [line.strip() for line in readme if line.startswith("    sh scripts/install.sh")]
    assert len(quick) == 2, "the quick start has exactly two command lines"
    ci = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#") and not line.startswith(("set ", "cd "))
    ]
    assert ci == [quick[1]]
    assert "flowgen build examples/" in quick[0] and "pytest" in quick[1]


def test_ruff_and_mypy_are_clean() -> None:
    if shutil.which("ruff") is None and not (ROOT / ".venv" / "bin" / "ruff").exists():
        pytest.skip("ruff is not installed")
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "flowgen", "tests", "benchmarks", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout
    mypy = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert mypy.returncode == 0, mypy.stdout
