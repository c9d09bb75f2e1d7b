"""A build: one .pos file in, the chosen outputs written beside it (or into a folder).

This is the orchestration the CLI calls; pipelines that want bytes instead
of files call the render functions directly.  Output names are fixed and
documented in the README:

- ``NAME.json`` — the procedure model (lossless, versioned)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from flowgen.errors import SourceError
from flowgen.language.reader import analyze_file
from flowgen.model.serialize import dumps
from flowgen.model.types import Procedure
from flowgen.outputs import Output, write_outputs

FORMATS = ("json",)


@dataclass(frozen=True)
class BuildOptions:
    """What to build.  ``formats`` is a subset of :data:`FORMATS`."""

    formats: frozenset[str] = frozenset({"json"})

    @classmethod
    def from_text(cls, text: str, source: str = "--format") -> BuildOptions:
        names = {part.strip().lower() for part in text.split(",") if part.strip()}
        unknown = sorted(names - set(FORMATS))
        if unknown:
            raise ValueError(f"unknown format {unknown[0]!r} in {source}; formats are {', '.join(FORMATS)}")
        return cls(frozenset(names))


def render_outputs(procedure: Procedure, stem: str, options: BuildOptions) -> list[Output]:
    """Every output of one procedure, in memory."""
    outputs: list[Output] = []
    if "json" in options.formats:
        outputs.append(Output(f"{stem}.json", dumps(procedure).encode("utf-8")))
    return outputs


def build_file(path: str | os.PathLike[str], out_dir: Path | None, options: BuildOptions) -> list[Path]:
    """Read, check and render one file, then write all its outputs or none."""
    source = Path(path)
    procedure, found = analyze_file(source)
    if procedure is None:
        raise SourceError([d for d in found if d.is_error])
    outputs = render_outputs(procedure, source.stem, options)
    folder = out_dir if out_dir is not None else source.parent
    return write_outputs(outputs, folder, str(source))
