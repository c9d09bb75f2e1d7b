"""Each SOP's own outputs for the book: the lampiran PDF, the flowchart SVG/PNG and a small thumbnail.

The book inserts every SOP's lampiran PDF page for page as it is: each is
signed on its own, and merging must not touch what was signed.  A PDF made
from the same .pos text and settings is kept (a unit may have dropped a signed
copy in its place); only missing or stale outputs are
rendered (a fingerprint of each .pos file and its settings says which), through the public
library, in parallel on the machine's cores.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

import flowgen
from flowgen.book.config import CONFIG_NAME, UNIT_CONFIG

THUMB_WIDTH = 150
THUMB_FOLDER = "_katalog"


@dataclass(frozen=True)
class SopFiles:
    """Where one SOP's outputs are (relative names are made by the catalogue)."""

    pdf: Path
    svg: Path
    png: Path
    thumb: Path


def files_for(source: Path, folder: Path, out: Path) -> SopFiles:
    relative = source.relative_to(folder)
    target = out / relative.parent
    stem = source.stem
    thumb = out / THUMB_FOLDER / relative.parent / f"{stem}.png"
    return SopFiles(
        target / f"{stem}.lampiran.pdf", target / f"{stem}.flowchart.svg", target / f"{stem}.flowchart.png", thumb
    )


def _key(source: Path, folder: Path) -> str:
    """A fingerprint of what an SOP's outputs depend on: its text, the settings that apply, flowgen's version."""
    digest = hashlib.sha256(flowgen.__version__.encode())
    digest.update(source.read_bytes())
    current = source.parent
    while True:
        for name in (CONFIG_NAME, UNIT_CONFIG):
            if (current / name).is_file():
                digest.update(name.encode() + (current / name).read_bytes())
        if current.resolve() == folder.resolve() or current.parent == current:
            break
        current = current.parent
    return digest.hexdigest()


def _manifest_path(out: Path) -> Path:
    return out / THUMB_FOLDER / "manifest.json"


def read_manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads(_manifest_path(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def up_to_date(files: SopFiles, key: str, known: str | None) -> bool:
    """Every output is there and was made from exactly this text and these settings."""
    return known == key and all(p.is_file() for p in (files.pdf, files.svg, files.png, files.thumb))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def render_sop(job: tuple[str, str, str]) -> str | None:
    """Render one SOP's outputs; None when done, else the first diagnostic (the book goes on without it)."""
    source, folder, out = (Path(p) for p in job)
    files = files_for(source, folder, out)
    try:
        procedure = flowgen.load(source)
        style = flowgen.resolve_style(None, procedure, source)
        pdf = flowgen.render_lampiran(procedure, style, "pdf")
        svg = flowgen.render_flowchart(procedure, style, "svg")
        png = flowgen.render_flowchart(procedure, style, "png")
    except flowgen.FlowgenError as exc:
        return exc.diagnostics[0].format(context=False)
    with Image.open(io.BytesIO(png)) as image:
        small = image.convert("RGB")
        small.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 3))
        buffer = io.BytesIO()
        small.save(buffer, "PNG", optimize=True)
    for path, data in ((files.pdf, pdf), (files.svg, svg), (files.png, png), (files.thumb, buffer.getvalue())):
        _write(path, data)
    return None


Progress = Callable[[int, int, Path], None]  # (done, total, source just finished)


def ensure_outputs(
    sources: Sequence[Path], folder: Path, out: Path, jobs: int | None = None, progress: Progress | None = None
) -> tuple[int, int, dict[Path, str]]:
    """Render what is missing or stale; (rendered, kept, failures by source).

    Stale means the .pos text or a settings file changed since the outputs were made (a fingerprint
    in ``_katalog/manifest.json``), not a newer date: a signed PDF dropped in is kept.
    """
    manifest = read_manifest(out)
    keys = {s: _key(s, folder) for s in sources}
    name = {s: s.relative_to(folder).as_posix() for s in sources}
    stale = [s for s in sources if not up_to_date(files_for(s, folder, out), keys[s], manifest.get(name[s]))]
    work = [(str(s), str(folder), str(out)) for s in stale]
    failures: dict[Path, str] = {}
    workers = min(len(work), jobs or os.cpu_count() or 1)
    results: list[str | None] = []

    def done(result: str | None) -> None:
        results.append(result)
        if progress is not None:
            progress(len(results), len(work), stale[len(results) - 1])

    if workers <= 1:
        for job in work:
            done(render_sop(job))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(render_sop, work):
                done(result)
    for source, problem in zip(stale, results):
        if problem is not None:
            failures[source] = problem
            manifest.pop(name[source], None)
        else:
            manifest[name[source]] = keys[source]
    current = {name[s]: manifest[name[s]] for s in sources if name[s] in manifest}
    _write(_manifest_path(out), (json.dumps(current, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return len(stale) - len(failures), len(sources) - len(stale), failures
