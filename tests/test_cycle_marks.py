"""flowgen diff --format svg|pdf: NEW's lampiran with the changed rows marked, still a clean drawing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import flowgen
from flowgen.cli import main
from flowgen.cycle.diff import compare
from flowgen.cycle.diff_marks import marked_rows
from flowgen.drawcheck import check_svg
from tests.helpers import ROOT
from tests.test_cycle_diff import BASE, IDENTITY, STEPS

# the outside geometry checker, beside the main checkout (../shared) or beside a worktree's folder
SVGCHECK = (
    next(
        (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if (p / "tools" / "svgcheck.py").exists()),
        ROOT / "missing",
    )
    / "tools"
    / "svgcheck.py"
)


def test_rows_marked_by_kind() -> None:
    comparison = compare(flowgen.parse(BASE, "old.pos"), flowgen.parse(STEPS, "new.pos"))
    assert marked_rows(comparison) == {
        "2": "changed",
        "4": "changed",
        "5": "changed",
        "7": "added",
        "6": "arrow",
        "8": "arrow",
    }
    identity = compare(flowgen.parse(BASE, "old.pos"), flowgen.parse(IDENTITY, "new.pos"))
    assert marked_rows(identity) == {
        "identity:nomor": "identity",
        "identity:revisi": "identity",
        "identity:disahkan": "identity",
        "identity:dasar-hukum": "identity",
    }


def bars(svg: str) -> list[tuple[float, float]]:
    """(x, y) of every margin bar."""
    group = svg[svg.index('class="fg-revision-marks"') :]
    group = group[: group.index("</g>")]
    return [(float(x), float(y)) for x, y in re.findall(r'<rect x="([\d.]+)" y="([\d.]+)"', group)]


def row_top(svg: str, row: str) -> float:
    match = re.search(rf'data-row="{row}" data-col="no">\s*<title>[^<]*</title>\s*<rect x="[\d.]+" y="([\d.]+)"', svg)
    if match is None:
        match = re.search(rf'data-row="{row}" data-col="no">\s*<rect x="[\d.]+" y="([\d.]+)"', svg)
    assert match is not None, row
    return float(match.group(1))


def test_marked_svg_pages(tmp_path: Path) -> None:
    (tmp_path / "old.pos").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.pos").write_text(STEPS, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["diff", str(tmp_path / "old.pos"), str(tmp_path / "new.pos"), "--format", "svg", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [str(tmp_path / "new.diff-1.svg"), str(tmp_path / "new.diff-2.svg")]
    identity, table = (
        p.read_text(encoding="utf-8") for p in (tmp_path / "new.diff-1.svg", tmp_path / "new.diff-2.svg")
    )
    assert "fg-revision-marks" not in identity  # no identity field changed
    assert 'data-revision-marks="6"' in table
    marks = bars(table)
    assert len({x for x, _ in marks}) == 1 and marks[0][0] < 34.02  # one column of bars, in the margin
    assert [y - 1 for _, y in marks] == pytest.approx([row_top(table, r) for r in ("2", "4", "5", "7", "6", "8")])
    assert "Ditandai, perubahan terhadap old.pos:" in table and "langkah baru" in table
    for page in (identity, table):
        assert check_svg(page.encode("utf-8")) == []
    if SVGCHECK.exists():
        check = subprocess.run(
            [
                sys.executable,
                str(SVGCHECK),
                str(tmp_path / "new.diff-1.svg"),
                str(tmp_path / "new.diff-2.svg"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert check.returncode == 0, check.stdout


def test_marks_add_no_fault_to_the_page() -> None:
    new = flowgen.parse(IDENTITY, "new.pos")
    plain = flowgen.render_lampiran_pages(new, None, "svg")
    from flowgen.cycle.diff_marks import marked_document
    from flowgen.render.svg import render_svg

    style = flowgen.resolve_style(None, new)
    marked = marked_document(new, compare(flowgen.parse(BASE, "old.pos"), new), style, "en")
    svg = render_svg(marked.pages[0])
    assert b'data-revision-marks="4"' in svg and b"Marked, changes from old.pos:" in svg
    assert check_svg(svg) == check_svg(plain[0]) == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_marked_pdf_in_english(tmp_path: Path) -> None:
    (tmp_path / "old.pos").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.pos").write_text(STEPS, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["diff", str(tmp_path / "old.pos"), str(tmp_path / "new.pos"), "--format", "pdf", "--style", "english"]
    )
    assert result.exit_code == 0 and result.output == f"{tmp_path / 'new.diff.pdf'}\n"
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "new.diff.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Marked, changes from old.pos:" in text and "arrow or branch changed" in text
    assert "Memperbarui basis data" in text
