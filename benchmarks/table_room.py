"""How much room the lampiran's text columns get: table pages, table height, hyphenated words, per tree.

    python benchmarks/table_room.py examples/book                     # this tree's flowgen
    PYTHONPATH=/tmp/old-tree python benchmarks/table_room.py examples/book   # another checkout's
    python benchmarks/table_room.py examples/book --json out.json --min-actors 8

Lays out (``layout_table``, in the style each SOP's build would use) every
``.pos`` under the folders given and sums, over the table pages: how many
there are, the height of their body rows (what the fitted texts and the
symbols make them), the lines of text in the text columns, and the words
broken by a hyphen the text did not have ("kenai-kan" for "kenaikan"; a
hyphen of the word's own, "Sub-bagian", is not counted).  A table whose
text columns are squeezed by its actor columns has tall rows and many
broken words; a careful drafter's has neither.  No assertions: figures
to compare between two trees.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path

TEXT_KEYS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")


def broken_words(lines: tuple[str, ...], source: str) -> int:
    """Breaks with a hyphen the source did not have at that place (the letters either side tell)."""
    solid = re.sub(r"\s+", "", source)
    count = 0
    for line, following in itertools.pairwise(lines):
        line, following = line.rstrip(), following.lstrip()
        if not line.endswith("-") or len(line) < 2 or not line[-2].isalpha() or not following[:1].isalpha():
            continue
        tail, head = line.split()[-1][:-1][-8:], following.split()[0][:8]
        if f"{tail}-{head}" not in solid and f"{tail}{head}" in solid:
            count += 1
    return count


def measure_file(path: Path) -> dict[str, float]:
    """One SOP's table: its pages, actors, columns' widths, body rows' height, text lines and broken words."""
    import flowgen
    from flowgen.build import Builder, BuildOptions
    from flowgen.layout.table.place import layout_table

    procedure = flowgen.parse(path.read_text(encoding="utf-8"), str(path))
    style = Builder(BuildOptions()).style_for(procedure, path)
    layout = layout_table(procedure, style)
    height = lines = broken = 0.0
    for page in layout.pages:
        height += sum(y1 - y0 for rid, y0, y1 in page.rows if not rid.startswith("connectors"))
        for cell in page.cells:
            if cell.col in TEXT_KEYS and cell.element == "cell":
                lines += len(cell.text.lines)
                broken += broken_words(cell.text.lines, cell.text.whole)
    columns = layout.pages[0].columns
    actor = [c.x1 - c.x0 for c in columns if c.actor]
    text = {c.key: round(c.x1 - c.x0, 1) for c in columns if not c.actor}
    return {
        "pages": len(layout.pages),
        "actors": len(procedure.actors),
        "actor_width": round(min(actor, default=0.0), 1),
        "height": round(height, 1),
        "lines": lines,
        "broken": broken,
        **{f"w_{k}": v for k, v in text.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, help="write each file's figures to this JSON file")
    parser.add_argument("--min-actors", type=int, default=0, help="count only tables with at least this many actors")
    args = parser.parse_args()
    import flowgen

    print(f"flowgen from {Path(flowgen.__file__).parents[1]}", file=sys.stderr)
    figures: dict[str, dict[str, float]] = {}
    for folder in args.folders:
        for path in sorted(folder.rglob("*.pos")):
            figures[str(path)] = measure_file(path)
    chosen = [f for f in figures.values() if f["actors"] >= args.min_actors]
    sums = {k: round(sum(f[k] for f in chosen), 1) for k in ("pages", "height", "lines", "broken")}
    print(f"{len(chosen)} tables (>= {args.min_actors} actors): " + ", ".join(f"{k} {v:g}" for k, v in sums.items()))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
