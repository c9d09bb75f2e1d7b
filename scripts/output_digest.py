"""Digest of everything flowgen writes: proves a refactoring left the output byte-identical.

Builds every example in every shipped style, top-to-bottom and left-to-right, both forms, every
format, plus a set of random procedures (generated from a fixed seed, so every run builds the
same texts), through the command line exactly as a user would, and records a SHA-256 per file::

    python scripts/output_digest.py --write before.json        # on the old code
    python scripts/output_digest.py --compare before.json      # on the new code: exit 1 on any change

It drives ``python -m flowgen`` with the interpreter that runs it, so it measures whichever
flowgen that interpreter imports (a work tree's own ``.venv``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import procedure_text  # noqa: E402

STYLES = ("default", "kemendikbud", "presentasi", "english")
DIRECTIONS = ("TB", "LR")
FORMATS = "svg,png,pdf,json"


def random_sources(folder: Path, count: int) -> list[Path]:
    """``count`` generated procedures of 4–40 steps and 2–5 actors, the same on every run."""
    paths = []
    for i in range(count):
        steps = 4 + (i * 7) % 37
        actors = 2 + i % 4
        path = folder / f"random-{i:02d}.pos"
        path.write_text(procedure_text(steps, actors, seed=1000 + i), encoding="utf-8")
        paths.append(path)
    return paths


def build(work: Path, sources: list[Path], out: Path, style: str, direction: str) -> None:
    """One CLI build, run inside ``work`` with relative paths (the JSON records the path as given)."""
    names = [str(path.relative_to(work)) for path in sources]
    command = [sys.executable, "-m", "flowgen", "build", *names, "-o", str(out.relative_to(work))]
    command += ["--style", style, "--direction", direction, "--format", FORMATS]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=work)
    if result.returncode not in (0,):
        print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
        raise SystemExit(f"build failed ({style}, {direction}): exit {result.returncode}")


def digest(randoms: int) -> dict[str, str]:
    hashes: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "examples", work / "examples", ignore=shutil.ignore_patterns("*.svg", "*.png", "*.pdf"))
        (work / "random").mkdir()
        sources = sorted((work / "examples").glob("*.pos")) + random_sources(work / "random", randoms)
        for style in STYLES:
            for direction in DIRECTIONS:
                out = work / "out" / f"{style}-{direction}"
                build(work, sources, out, style, direction)
                for path in sorted(p for p in out.iterdir() if not p.name.startswith(".")):
                    key = f"{style}/{direction}/{path.name}"
                    hashes[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", type=Path, help="write the digest to this JSON file")
    parser.add_argument("--compare", type=Path, help="compare with a digest written before")
    parser.add_argument("--random", type=int, default=50, help="how many random procedures (default 50)")
    args = parser.parse_args()
    hashes = digest(args.random)
    print(f"{len(hashes)} files built")
    if args.write:
        args.write.write_text(json.dumps(hashes, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.compare:
        before: dict[str, str] = json.loads(args.compare.read_text(encoding="utf-8"))
        changed = sorted(k for k in before.keys() & hashes.keys() if before[k] != hashes[k])
        missing = sorted(before.keys() - hashes.keys())
        new = sorted(hashes.keys() - before.keys())
        for label, names in (("changed", changed), ("missing", missing), ("new", new)):
            for name in names[:40]:
                print(f"{label}: {name}")
        print(f"{len(changed)} changed, {len(missing)} missing, {len(new)} new")
        return 1 if changed or missing or new else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
