"""A build: one .pos file in, the chosen outputs written beside it (or into a folder).

This is the orchestration the CLI calls; pipelines that want bytes instead
of files call the render functions directly.  Output names:

- ``NAME.flowchart.svg``, ``NAME.flowchart.png`` — the swimlane flowchart
- ``NAME.lampiran.pdf`` — the whole SOP document (identity sheet and table pages)
- ``NAME.lampiran-1.svg``, ``NAME.lampiran-1.png``, … — each page of it
- ``NAME.json`` — the procedure model (lossless, versioned)

Every output of a file is rendered in memory first and written only when
all of them exist, so a failed build leaves earlier outputs untouched.
Several files are built in parallel, one process per core.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from flowgen.errors import Diagnostic, FlowgenError, SourceError
from flowgen.language.reader import analyze_file
from flowgen.model.serialize import dumps
from flowgen.model.types import Procedure
from flowgen.outputs import Output, write_outputs
from flowgen.render.api import Format, option_css, paint_page, resolve_style
from flowgen.style.resolve import ResolvedStyle

FORMATS = ("svg", "png", "pdf", "json")
FORMS = ("flowchart", "lampiran")
DEFAULT_FORMATS = ("svg", "png", "pdf")


@dataclass(frozen=True)
class BuildOptions:
    """What to build and how."""

    formats: frozenset[str] = frozenset(DEFAULT_FORMATS)
    forms: frozenset[str] = frozenset(FORMS)
    style: str | None = None  # a shipped sheet's name or a path; None: gaya, flowgen.toml, default
    dpi: float = 150.0
    direction: str | None = None
    mutu_baku: bool | None = None
    step_numbers: bool | None = None

    @staticmethod
    def parse_list(text: str, known: Sequence[str], what: str) -> frozenset[str]:
        names = {part.strip().lower() for part in text.split(",") if part.strip()}
        unknown = sorted(names - set(known))
        if unknown:
            raise ValueError(f"unknown {what} {unknown[0]!r}; {what}s are {', '.join(known)}")
        if not names:
            raise ValueError(f"no {what} given; {what}s are {', '.join(known)}")
        return frozenset(names)

    @property
    def options(self) -> str:
        return option_css(self.direction, self.mutu_baku, self.step_numbers)


@dataclass
class BuildResult:
    source: Path
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # warnings of a good build, errors of a bad one

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def render_outputs(procedure: Procedure, stem: str, style: ResolvedStyle, options: BuildOptions) -> list[Output]:
    """Every output of one procedure, in memory."""
    outputs: list[Output] = []
    formats = options.formats
    if "flowchart" in options.forms and formats & {"svg", "png", "pdf"}:
        from flowgen.render.api import flowchart_page

        page = flowchart_page(procedure, style)
        for fmt in ("svg", "png"):
            if fmt in formats:
                outputs.append(Output(f"{stem}.flowchart.{fmt}", paint_page(page, fmt, options.dpi)))
    if "lampiran" in options.forms and formats & {"svg", "png", "pdf"}:
        from flowgen.render.api import lampiran_document

        document = lampiran_document(procedure, style)
        if "pdf" in formats:
            from flowgen.render.pdf import render_pdf

            outputs.append(Output(f"{stem}.lampiran.pdf", render_pdf(document)))
        for number, page in enumerate(document.pages, start=1):
            for fmt in ("svg", "png"):
                if fmt in formats:
                    fmt_: Format = "svg" if fmt == "svg" else "png"
                    outputs.append(Output(f"{stem}.lampiran-{number}.{fmt}", paint_page(page, fmt_, options.dpi)))
    if "json" in formats:
        outputs.append(Output(f"{stem}.json", dumps(procedure).encode("utf-8")))
    return outputs


def build_file(path: str | os.PathLike[str], out_dir: Path | None, options: BuildOptions) -> BuildResult:
    """Read, check and render one file, then write all its outputs or none."""
    source = Path(path)
    result = BuildResult(source)
    procedure, found = analyze_file(source)
    result.diagnostics = list(found)
    if procedure is None:
        raise SourceError([d for d in found if d.is_error])
    style = resolve_style(options.style, procedure, source, options.options)
    if "lampiran" in options.forms:
        from flowgen.layout.column_fit import table_warnings

        result.diagnostics += table_warnings(procedure, style)
    outputs = render_outputs(procedure, source.stem, style, options)
    folder = out_dir if out_dir is not None else source.parent
    result.written = write_outputs(outputs, folder, str(source))
    return result


def _build_one(args: tuple[str, Path | None, BuildOptions]) -> BuildResult | FlowgenError:
    path, out_dir, options = args
    try:
        return build_file(path, out_dir, options)
    except FlowgenError as exc:
        return exc


def build_files(
    paths: Sequence[str | os.PathLike[str]], out_dir: Path | None, options: BuildOptions, jobs: int | None = None
) -> Iterator[tuple[Path, BuildResult | FlowgenError]]:
    """Build several files, in parallel on the machine's cores; results in the order given."""
    work = [(os.fspath(p), out_dir, options) for p in paths]
    workers = min(len(work), jobs or os.cpu_count() or 1)
    if workers <= 1:
        for item in work:
            yield Path(item[0]), _build_one(item)
        return
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for item, result in zip(work, pool.map(_build_one, work)):
                done += 1
                yield Path(item[0]), result
    except BrokenProcessPool:  # a worker died (out of memory, killed): build the rest here, one by one
        for item in work[done:]:
            yield Path(item[0]), _build_one(item)
