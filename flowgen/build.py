"""A build: one .pos file in, the chosen outputs written beside it (or into a folder).

This is the orchestration the CLI calls; pipelines that want bytes instead
of files call the render functions directly.  Output names:

- ``NAME.flowchart.svg``, ``NAME.flowchart.png`` — the swimlane flowchart
- ``NAME.lampiran.pdf`` — the whole SOP document (identity sheet and table pages)
- ``NAME.lampiran-1.svg``, ``NAME.lampiran-1.png``, … — each page of it
- ``NAME.json`` — the procedure model (lossless, versioned)
- ``NAME.lampiran.docx`` — the whole SOP as a Word document (:mod:`flowgen.export.docx`)
- ``NAME.flowchart.drawio``, ``NAME.bpmn`` — the flowchart for draw.io and BPMN 2.0 tools
- ``NAME.signature.json`` — where the lampiran PDF is to be signed (:mod:`flowgen.export.esign`)

Every output of a file is rendered in memory first, then written as one set
(:mod:`flowgen.outputs`), so a failed or interrupted build leaves the
previous outputs untouched.  :class:`Builder` is the warm path: one object
builds many procedures in one process and keeps the resolved styles (checked
against the files they were read from), the fonts and the imported renderers
between them; the CLI uses one for ``-j 1`` and one per worker process
(:mod:`flowgen.batch`).

This module imports nothing heavy at load time, so that deciding a build is
up to date (:mod:`flowgen.manifest`) stays fast.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from flowgen import manifest
from flowgen.errors import Diagnostic, SourceError
from flowgen.outputs import Output, write_outputs

if TYPE_CHECKING:
    from flowgen.model.types import Procedure
    from flowgen.render.scene import Document
    from flowgen.style.resolve import ResolvedStyle

FORMATS = ("svg", "png", "pdf", "json", "docx", "drawio", "bpmn", "signature")
FORMS = ("flowchart", "lampiran")
DEFAULT_FORMATS = ("svg", "png", "pdf")
THUMBNAIL = "flowchart.thumb.png"

# What a caller wants to know of each procedure built besides its files, from the procedure, its style and
# its lampiran document (None when the lampiran is not built).  It runs in the worker that built the file,
# where all three already are: the book takes each SOP's summary, page count and link places from it
# instead of reading and laying out every SOP again.  A module-level function (or a partial of one), so a
# worker started by ``spawn`` can be sent it; what it returns goes back through a pipe (picklable).
Probe = Callable[["Procedure", "ResolvedStyle", "Document | None"], object]


def _is_shipped_name(reference: str) -> bool:
    """As :func:`flowgen.style.choose.is_shipped_name` (repeated here to keep this module light)."""
    return "/" not in reference and "\\" not in reference and not reference.lower().endswith(".css")


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
    pages: bool = True  # each lampiran page as its own SVG/PNG (the book needs only the whole PDF)
    thumbnail: int = 0  # pixels: also NAME.flowchart.thumb.png, a small picture for a catalogue (0: none)

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
        from flowgen.api import option_css

        return option_css(self.direction, self.mutu_baku, self.step_numbers)

    @property
    def key(self) -> str:
        """Everything of the options that can change an output, as text (a path style made absolute)."""
        parts = [sorted(self.formats), sorted(self.forms), *self._drawing]
        return json.dumps([*parts, self.pages, self.thumbnail])

    @property
    def _drawing(self) -> tuple[object, ...]:
        """What decides how the outputs look (as opposed to which files are written)."""
        style = self.style
        if style is not None and not _is_shipped_name(style):
            style = os.path.abspath(os.path.expanduser(style))
        return (style, self.dpi, self.direction, self.mutu_baku, self.step_numbers)

    def covers(self, wanted: BuildOptions) -> bool:
        """Whether a build with these options wrote every file a build with ``wanted`` writes, drawn alike.

        ``flowgen build DIR`` and ``flowgen book DIR`` ask for different sets
        of files from the same drawing; a file built by one is current for the other.
        """
        return (
            self._drawing == wanted._drawing
            and wanted.formats <= self.formats
            and wanted.forms <= self.forms
            and (self.pages or not wanted.pages)
            and wanted.thumbnail in (0, self.thumbnail)
        )

    def joined(self, earlier: BuildOptions | None) -> BuildOptions:
        """These options, also writing the files an earlier build of the same drawing wrote.

        A rebuild refreshes every output of the source, so none is left
        behind drawn from an older text, and the next build asking for the
        earlier set finds its files current instead of building them again.
        """
        if earlier is None or self._drawing != earlier._drawing:
            return self
        return replace(
            self,
            formats=self.formats | earlier.formats,
            forms=self.forms | earlier.forms,
            pages=self.pages or earlier.pages,
            thumbnail=self.thumbnail or earlier.thumbnail,
        )

    @staticmethod
    def from_key(text: str) -> BuildOptions | None:
        """The options a :attr:`key` was made from; None for anything else (an older or edited manifest)."""
        try:
            formats, forms, style, dpi, direction, mutu_baku, step_numbers, pages, thumbnail = json.loads(text)
            options = BuildOptions(
                frozenset(formats),
                frozenset(forms),
                style,
                dpi if isinstance(dpi, int | float) else float(dpi),
                direction,
                mutu_baku,
                step_numbers,
                bool(pages),
                int(thumbnail),
            )
        except (TypeError, ValueError):
            return None
        return options if options.key == text else None


@dataclass(frozen=True)
class BuildResult:
    source: Path
    written: tuple[Path, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()  # the warnings of a good build
    entry: manifest.Entry | None = field(default=None, compare=False)  # for the folder's manifest
    probed: object = field(default=None, compare=False)  # what the builder's probe said of it

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def render_outputs(procedure: Procedure, stem: str, style: ResolvedStyle, options: BuildOptions) -> list[Output]:
    """Every output of one procedure, in memory."""
    return _render(procedure, stem, style, options)[0]


def _render(
    procedure: Procedure, stem: str, style: ResolvedStyle, options: BuildOptions
) -> tuple[list[Output], Document | None]:
    """Every output of one procedure, in memory, and the lampiran document they were painted from (if any)."""
    from flowgen.api import Format, paint_page
    from flowgen.model.serialize import dumps

    outputs: list[Output] = []
    formats = options.formats
    document: Document | None = None
    if "flowchart" in options.forms and formats & {"svg", "png", "pdf"}:
        from flowgen.api import flowchart_page

        page = flowchart_page(procedure, style)  # laid out once for every format
        for fmt in ("svg", "png"):
            if fmt in formats:
                outputs.append(Output(f"{stem}.flowchart.{fmt}", paint_page(page, fmt, options.dpi)))
        if options.thumbnail:
            from flowgen.render.thumbnail import thumbnail_png

            outputs.append(Output(f"{stem}.{THUMBNAIL}", thumbnail_png(page, options.thumbnail)))
    if "lampiran" in options.forms and formats & {"svg", "png", "pdf"}:
        from flowgen.api import lampiran_document

        document = lampiran_document(procedure, style)
        if "pdf" in formats:
            from flowgen.export import folder_esign, lampiran_pdf

            pdf = lampiran_pdf(procedure, document, style, folder_esign(procedure))
            outputs.append(Output(f"{stem}.lampiran.pdf", pdf))
        for number, page in enumerate(document.pages if options.pages else (), start=1):
            for fmt in ("svg", "png"):
                if fmt in formats:
                    fmt_: Format = "svg" if fmt == "svg" else "png"
                    outputs.append(Output(f"{stem}.lampiran-{number}.{fmt}", paint_page(page, fmt_, options.dpi)))
    if "json" in formats:
        outputs.append(Output(f"{stem}.json", dumps(procedure).encode("utf-8")))
    from flowgen.export import export_outputs

    exported = [Output(*made) for made in export_outputs(procedure, stem, style, formats, options.forms)]
    return outputs + exported, document


def stale_pages(folder: Path, stem: str, names: Sequence[str], options: BuildOptions) -> list[str]:
    """Page files of an earlier build with more pages (``NAME.lampiran-7.svg`` when there are now 5)."""
    formats = options.formats & {"svg", "png"}
    if "lampiran" not in options.forms or not formats or not options.pages:
        return []
    pattern = re.compile(rf"{re.escape(stem)}\.lampiran-([0-9]+)\.(svg|png)")
    try:
        present = os.listdir(folder)
    except OSError:
        return []
    keep = set(names)
    return sorted(n for n in present if (m := pattern.fullmatch(n)) and m.group(2) in formats and n not in keep)


def style_files(style: ResolvedStyle) -> list[Path]:
    """Every file a resolved style was read from: its sheets, its @font-face fonts, its logo."""
    files = [*style.sheet.files, *(Path(font.path) for font in style.sheet.fonts)]
    logo = style.logo[0]
    if logo is not None:
        files.append(Path(logo))
    return files


@dataclass(frozen=True)
class _CachedStyle:
    style: ResolvedStyle
    files: tuple[tuple[str, str | None], ...]  # (path, sha256) it was read from


class Builder:
    """Builds many procedures in one process (the CLI, its workers, an editor, ``watch``).

    Styles are kept per (sheet, options) and reused while every file they were
    read from is unchanged; fonts and renderers stay loaded between builds.
    """

    def __init__(self, options: BuildOptions | None = None, probe: Probe | None = None) -> None:
        self.options = options or BuildOptions()
        self.probe = probe
        self._styles: dict[tuple[str, str, str], _CachedStyle] = {}

    @staticmethod
    def warm() -> None:
        """Import the renderers now (before worker processes are forked, so they start warm)."""
        import flowgen.api
        import flowgen.language.reader
        import flowgen.render.pdf
        import flowgen.render.png
        import flowgen.render.svg
        import flowgen.style.choose  # noqa: F401
        from flowgen.layout.flowchart.graphviz_plugins import plugin_folder

        plugin_folder()  # found (or made) once, before the workers are forked

    def style_for(self, procedure: Procedure | None, source: Path | None) -> ResolvedStyle:
        """The style this build uses (command line, gaya, flowgen.toml, default), from the cache when current."""
        from flowgen.style.choose import choose
        from flowgen.style.resolve import ResolvedStyle
        from flowgen.style.sheet import read_sheet

        choice = choose(procedure, source, self.options.style)
        key = (str(choice.path), choice.reference, self.options.options)
        cached = self._styles.get(key)
        if cached is not None and all(manifest.file_digest(p) == d for p, d in cached.files):
            return cached.style
        style = ResolvedStyle(read_sheet(choice.path, name=choice.reference, extra_css=self.options.options))
        style.check_all()
        files = tuple((str(p), manifest.file_digest(p)) for p in style_files(style))
        self._styles[key] = _CachedStyle(style, files)
        return style

    def build(
        self,
        path: str | os.PathLike[str],
        folder: Path | None = None,
        key: str | None = None,
        options: BuildOptions | None = None,
    ) -> BuildResult:
        """Read, check and render one file, then write all its outputs into ``folder`` or none.

        ``key`` is the manifest key computed before the build (computed here
        if not given); the result carries the manifest entry to record.
        ``options``: this file's own (the builder's, joined with what an
        earlier build wrote: :meth:`BuildOptions.joined`); they must draw as the builder's.
        """
        from flowgen.language.reader import analyze_file

        source = Path(path)
        options = options or self.options
        options_key = options.key
        key = key or manifest.input_key(source, options_key)
        procedure, found = analyze_file(source)
        if procedure is None:
            raise SourceError([d for d in found if d.is_error])
        style = self.style_for(procedure, source)
        if "lampiran" in options.forms:
            from flowgen.layout.table.place import table_warnings

            found = [*found, *table_warnings(procedure, style)]
        outputs, document = _render(procedure, source.stem, style, options)
        probed = self.probe(procedure, style, document) if self.probe is not None else None  # before writing
        target = folder if folder is not None else source.parent
        names = [output.name for output in outputs]
        written = write_outputs(outputs, target, str(source), stale_pages(target, source.stem, names, options))
        deps = [source, *style_files(style)]
        entry = manifest.make_entry(source, key, options_key, deps, written) if key else None
        return BuildResult(source, tuple(written), tuple(found), entry, probed)


def build_file(path: str | os.PathLike[str], out_dir: Path | None, options: BuildOptions) -> BuildResult:
    """Read, check and render one file, then write all its outputs or none (a one-off :class:`Builder`)."""
    return Builder(options).build(path, out_dir)
