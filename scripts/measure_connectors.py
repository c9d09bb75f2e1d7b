"""Counts what a reviewer of the lampiran flags at page breaks, read off the semantic SVGs.

Three counts, over every ``*.lampiran-N.svg`` below a folder (recursive):

* long connector lines: an arrow to or from an off-page connector that runs
  through more than 2 step rows (an arriving connector at the page head whose
  line runs down to a step far below; a leaving one fed from high up);
* short pages: table pages holding 2 step rows or fewer, counted only in
  tables of 6 rows or more (a shorter table cannot be balanced);
* breaks after a decision: a page (not a table's last) whose last step row is
  a decision, so its branches are read off connectors (counted apart when a
  branch loops back: moving the decision on then only trades which branch
  crosses the break);

and the table pages of each SOP (bands between rows cost room: the price).

Without ``--svg`` it builds the lampiran of a copy of the demo book
(``examples/book``) and of ``examples/*.pos`` itself, with the flowgen of the
interpreter that runs it, so the same command measures before and after a
change::

    python scripts/measure_connectors.py            # both sets, the counts and the pages they are on
    python scripts/measure_connectors.py --svg DIR  # SVGs already built
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from flowgen.drawcheck import read_drawing

ROOT = Path(__file__).resolve().parent.parent
LONG = 2  # an arrow through more step rows than this is a long connector line
SHORT = 2  # a page with this many step rows or fewer is near-empty
BALANCEABLE = 6  # a table of fewer rows is not asked to balance its pages


@dataclass
class Page:
    """One table page as read back: its step rows (top to bottom, with their kind) and its connector arrows."""

    path: Path
    number: int
    rows: list[tuple[str, float, float]] = field(default_factory=list)  # row id, y0, y1
    kinds: dict[str, str] = field(default_factory=dict)  # step number: kind
    connector_lines: list[tuple[str, str, float, float]] = field(default_factory=list)  # from, to, y-range
    targets: dict[str, list[int]] = field(default_factory=dict)  # step: where its arrows go


def read_page(path: Path) -> Page:
    """The rows, step kinds and connector arrows of one lampiran table page (cells by their "no" column)."""
    drawing = read_drawing(path.read_bytes(), ink=False)
    number = int(re.search(r"lampiran-(\d+)\.svg$", path.name).group(1))  # type: ignore[union-attr]
    page = Page(path, number)
    for cell in drawing.cells:
        row = cell.get("data-row") or ""
        if cell.get("data-col") == "no" and row.isdigit() and cell.box is not None:
            page.rows.append((row, cell.box.y0, cell.box.y1))
    for step in drawing.steps:
        if step.get("data-connector") is None:
            page.kinds[step.step or ""] = step.get("data-kind") or ""
    for edge in drawing.edges:
        source, target = edge.get("data-from") or "", edge.get("data-to") or ""
        if target.isdigit():
            page.targets.setdefault(source, []).append(int(target))
        if edge.get("data-via") == "connector" and edge.points:
            ys = [y for _, y in edge.points]
            page.connector_lines.append((source, target, min(ys), max(ys)))
    page.rows.sort(key=lambda r: r[1])
    return page


def rows_crossed(page: Page, low: float, high: float) -> int:
    """How many step rows a vertical extent runs through (more than 2 pt into a row counts)."""
    return sum(1 for _, y0, y1 in page.rows if min(high, y1) - max(low, y0) > 2)


def measure(folder: Path) -> dict[str, list[str]]:
    """The findings of each kind, one line per finding ("file page: what")."""
    tables: dict[Path, list[Page]] = defaultdict(list)
    for path in sorted(folder.rglob("*.lampiran-*.svg")):
        page = read_page(path)
        if page.rows:  # the identity sheet has no step rows
            tables[path.with_name(path.name.split(".lampiran-")[0])].append(page)
    found: dict[str, list[str]] = {"long connector lines": [], "short pages": [], "breaks after a decision": []}
    found["breaks after a decision that loops back"] = []
    found["table pages"] = [f"{name.relative_to(folder)}: {len(pages)}" for name, pages in tables.items()]
    for name, pages in tables.items():
        pages.sort(key=lambda p: p.number)
        where = name.relative_to(folder)
        total = sum(len(p.rows) for p in pages)
        for k, page in enumerate(pages):
            for source, target, low, high in page.connector_lines:
                crossed = rows_crossed(page, low, high)
                if crossed > LONG:
                    found["long connector lines"].append(f"{where} p{page.number}: {source}->{target} {crossed} rows")
            if len(pages) > 1 and total >= BALANCEABLE and len(page.rows) <= SHORT:
                found["short pages"].append(f"{where} p{page.number}: {len(page.rows)} rows of {total}")
            last = page.rows[-1][0]
            if k < len(pages) - 1 and page.kinds.get(last) == "decision":
                loop = any(t < int(last) for t in page.targets.get(last, []))
                kind = "breaks after a decision that loops back" if loop else "breaks after a decision"
                found[kind].append(f"{where} p{page.number}: ends on decision {last}")
    return found


def build(sources: list[Path], out: Path) -> None:
    """The lampiran SVGs of ``sources`` (copied first: a build never writes beside the originals)."""
    copy = out / "src"
    copy.mkdir(parents=True)
    for source in sources:
        if source.is_dir():
            shutil.copytree(source, copy / source.name)
        else:
            shutil.copy(source, copy / source.name)
    command = [sys.executable, "-m", "flowgen", "build", str(copy), "--format", "svg", "--form", "lampiran"]
    subprocess.run([*command, "--force", "-j", "2", "-o", str(out / "svg")], check=True, capture_output=True)


def report(title: str, found: dict[str, list[str]], details: bool) -> None:
    print(f"== {title}")
    for kind, lines in found.items():
        count = sum(int(line.rsplit(" ", 1)[1]) for line in lines) if kind == "table pages" else len(lines)
        print(f"{kind}: {count}")
        if details and kind != "table pages":
            for line in lines:
                print(f"    {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, help="measure the lampiran SVGs below this folder instead of building")
    parser.add_argument("--quiet", action="store_true", help="counts only, not the pages they are on")
    args = parser.parse_args(argv)
    if args.svg:
        report(str(args.svg), measure(args.svg), not args.quiet)
        return 0
    sets = {"demo book": [ROOT / "examples" / "book"], "examples": sorted((ROOT / "examples").glob("*.pos"))}
    for title, sources in sets.items():
        with tempfile.TemporaryDirectory() as tmp:
            build(sources, Path(tmp))
            report(title, measure(Path(tmp) / "svg"), not args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
