"""Small shared helpers for the tests (no fixtures with hidden state)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from flowgen.errors import Diagnostic
from flowgen.language.reader import analyze

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.pos"))
# Examples whose output still shows a known fault, with the fault: the affected test is a strict xfail for
# them, so it turns red (XPASS) the day the fault is fixed and the entry must go.
KNOWN_FLOWCHART_FAULTS: dict[str, str] = {}
KNOWN_DOCX_FAULTS: dict[str, str] = {}


def example_params(known: dict[str, str]) -> list[Any]:
    """EXAMPLES as pytest parameters, the ones in ``known`` marked as a strict expected failure."""
    return [
        pytest.param(path, marks=pytest.mark.xfail(reason=known[path.stem], strict=True))
        if path.stem in known
        else path
        for path in EXAMPLES
    ]


def examples(count: int) -> int:
    """How many random cases a property test tries: ``count`` times ``FLOWGEN_PROPERTY_SCALE`` (default 1)."""
    return count * max(1, int(os.environ.get("FLOWGEN_PROPERTY_SCALE", "1")))


HEAD = """judul: Tes
pelaksana:
  pu = Pengadministrasi Umum
  ktu = Kepala Subbagian Tata Usaha
alur:
"""


def flow(*lines: str) -> str:
    """A small procedure: the standard head, then the given flow lines."""
    return HEAD + "".join(line + "\n" for line in lines)


def diagnose(text: str, name: str = "t.pos") -> list[Diagnostic]:
    return analyze(text, name)[1]


def brief(text: str, severity: str | None = None) -> list[tuple[str, int, int, str]]:
    """(severity, line, column, message) of every diagnostic, or of those of one severity."""
    return [
        (d.severity.value, d.span.line, d.span.column, d.message)
        for d in diagnose(text)
        if severity is None or d.severity.value == severity
    ]


def two_sop_folder(tmp_path: Path) -> Path:
    """A small book: a folder holding two example SOPs (surat masuk, cuti pegawai)."""
    folder = tmp_path / "buku"
    folder.mkdir()
    for name in ("surat-masuk.pos", "cuti-pegawai.pos"):
        shutil.copy(ROOT / "examples" / name, folder / name)
    return folder
