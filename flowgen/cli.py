"""The ``flowgen`` command: a thin click layer over the library.

It parses options, calls the library, prints diagnostics and sets the exit
code.  Bad input never shows a traceback: the library's :class:`FlowgenError`
is printed as diagnostics, and anything else is reported as an internal
error with a request to report it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from flowgen.characters import for_terminal, json_for_terminal
from flowgen.errors import Diagnostic, FlowgenError
from flowgen.shell import _lang, guarded, lang_option, print_diagnostics, version_option

if TYPE_CHECKING:
    from flowgen.build import BuildOptions

WORDS = {
    "en": {
        "clean": "{n} file(s) checked, no errors",
        "sheet-ok": "{name}: the style sheet is fine",
    },
    "id": {
        "clean": "{n} berkas diperiksa, tidak ada galat",
        "sheet-ok": "{name}: lembar gaya tidak bermasalah",
    },
}


def _say(ctx: click.Context, key: str, **args: Any) -> str:
    return WORDS[_lang(ctx)][key].format(**args)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@version_option
@lang_option
def main(lang: str | None) -> None:
    """flowgen: SOP procedures (.pos files) to swimlane flowcharts and the official SOP form (lampiran)."""


def _style_problems(procedure: Any, path: Path) -> list[Diagnostic]:
    """The errors of the style the file names (``gaya``, flowgen.toml): what ``build`` would meet."""
    from flowgen.api import resolve_style

    try:
        resolve_style(None, procedure, path)
    except FlowgenError as exc:
        return list(exc.diagnostics)
    return []


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["human", "json"]),
    default="human",
    show_default=True,
    help="How to print the diagnostics.",
)
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@click.option(
    "--style",
    "style",
    default=None,
    metavar="NAME|PATH",
    help="Also check this style sheet (a shipped name such as kemendikbud, or a .css file).",
)
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Count review dates as of this day (default: today): which SOPs are due by then.",
)
@lang_option
@version_option
@guarded
def check(
    paths: tuple[Path, ...], fmt: str, strict: bool, style: str | None, as_of: dt.datetime | None, lang: str | None
) -> None:
    """Check .pos files (a folder: every .pos below it) and style sheets; print every error and warning.

    Exit status: 0 when clean (warnings allowed unless --strict), 1 when
    there are errors.
    """
    from flowgen.discover import find_sources
    from flowgen.language.reader import analyze_file

    ctx = click.get_current_context()
    language = _lang(ctx)
    if not paths and style is None:
        raise click.UsageError("give .pos files or folders to check, or --style to check a style sheet")
    folders = [p for p in paths if p.is_dir()]  # a folder is a book: its files, then the book's own rules
    files = [*folders, *(source.path for source in find_sources([p for p in paths if not p.is_dir()]))]
    if paths and not files:
        _no_sources(ctx, paths)
    failed = False
    report: list[dict[str, Any]] = []
    if style is not None:
        from flowgen.api import resolve_style

        try:
            resolve_style(style)
        except FlowgenError as exc:
            failed = True
            if fmt == "json":
                report.append(
                    {"file": style, "ok": False, "diagnostics": [d.to_dict(language) for d in exc.diagnostics]}
                )
            else:
                print_diagnostics(exc.diagnostics, language)
        else:
            if fmt == "json":
                report.append({"file": style, "ok": True, "diagnostics": []})
            else:
                click.echo(_say(ctx, "sheet-ok", name=for_terminal(str(style))), err=True)
    checked = len(files)
    for path in files:
        if path.is_dir():  # a book folder: every file, then the book's own rules (flowgen.book)
            from flowgen.book.cli import check_folder

            bad, found, count = check_folder(path, language, strict, as_of.date() if as_of else None)
            checked += count - 1
            failed = failed or bad
            if fmt == "json":
                report.append({"file": str(path), "ok": not bad, "diagnostics": [d.to_dict(language) for d in found]})
            else:
                print_diagnostics(found, language)
            continue
        procedure, found = analyze_file(path)
        if procedure is not None and style is None:
            found = found + _style_problems(procedure, path)
        if procedure is not None:  # the review date: the book's rule, with the folder's period
            from flowgen.book.checks import file_review

            found = found + file_review(procedure, path, as_of.date() if as_of else None)
        errors = [d for d in found if d.is_error]
        bad = bool(errors) or (strict and bool(found))
        failed = failed or bad
        if fmt == "json":
            report.append(
                {
                    "file": str(path),
                    "ok": not bad,
                    "steps": len(procedure.steps) if procedure else None,
                    "diagnostics": [d.to_dict(language) for d in found],
                }
            )
        else:
            print_diagnostics(found, language)
    if fmt == "json":
        click.echo(json_for_terminal(json.dumps(report, ensure_ascii=False, indent=2)))
    elif not failed and files:
        click.echo(_say(ctx, "clean", n=checked), err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the outputs (default: beside each input file); a folder's tree is mirrored in it.",
)
@click.option(
    "--format",
    "formats",
    default="svg,png,pdf",
    show_default=True,
    help=(
        "Comma-separated output formats: svg, png, pdf, json; docx (NAME.lampiran.docx, the whole SOP"
        " for Word), drawio (NAME.flowchart.drawio), bpmn (NAME.bpmn, BPMN 2.0), signature"
        " (NAME.signature.json: where to sign the PDF, docs/esign.md)."
    ),
)
@click.option(
    "--form",
    "forms",
    default="flowchart,lampiran",
    show_default=True,
    help="Comma-separated forms: flowchart (swimlanes), lampiran (the official table form).",
)
@click.option(
    "--style",
    default=None,
    metavar="NAME|PATH",
    help="Style sheet: a shipped name (see 'flowgen styles') or a .css file. "
    "Wins over 'gaya:' in the file and over flowgen.toml.",
)
@click.option(
    "--direction",
    type=click.Choice(["TB", "LR"], case_sensitive=False),
    default=None,
    help="Flowchart direction: TB (lanes as columns, the standard) or LR (lanes as rows).",
)
@click.option("--dpi", type=click.FloatRange(20, 1200), default=150, show_default=True, help="Resolution of PNGs.")
@click.option("--mutu-baku/--no-mutu-baku", default=None, help="Show each step's time and output in the flowchart.")
@click.option("--step-numbers/--no-step-numbers", default=None, help="Show step numbers in the flowchart.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None, help="Files built at once (default: cores).")
@click.option("--force", is_flag=True, help="Build every file, even those whose outputs are up to date.")
@click.option(
    "--allow",
    "allow",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder the sheets named by 'gaya:' or flowgen.toml may also come from (repeatable).",
)
@lang_option
@version_option
@guarded
def build(
    paths: tuple[Path, ...],
    out_dir: Path | None,
    formats: str,
    forms: str,
    style: str | None,
    direction: str | None,
    dpi: float,
    mutu_baku: bool | None,
    step_numbers: bool | None,
    jobs: int | None,
    force: bool,
    allow: tuple[Path, ...],
    lang: str | None,
) -> None:
    """Build the flowchart and the lampiran of .pos files (a folder: every .pos below it).

    Outputs go beside each file (or into -o DIR): NAME.flowchart.svg/.png,
    NAME.lampiran.pdf, NAME.lampiran-N.svg/.png for each page, NAME.json.
    Files whose outputs are up to date are skipped (--force builds them).
    The summary counts the files built, skipped and failed; exit status 1
    when any failed.
    """
    from flowgen.build import FORMATS, FORMS, BuildOptions

    if allow:  # read by flowgen.style.choose, in worker processes too
        os.environ["FLOWGEN_ALLOW"] = os.pathsep.join(str(a.resolve()) for a in allow)
    try:
        chosen_formats = BuildOptions.parse_list(formats, FORMATS, "format")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None
    try:
        chosen_forms = BuildOptions.parse_list(forms, FORMS, "form")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--form") from None
    options = BuildOptions(
        chosen_formats, chosen_forms, style, dpi, direction.lower() if direction else None, mutu_baku, step_numbers
    )
    sys.exit(_build_batch(paths, out_dir, options, jobs, force))


def _no_sources(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    from flowgen.progress import WORDS as PROGRESS_WORDS

    click.echo(f"flowgen: {PROGRESS_WORDS[_lang(ctx)]['none'].format(paths=', '.join(map(str, paths)))}", err=True)
    sys.exit(1)


def _build_batch(
    paths: tuple[Path, ...], out_dir: Path | None, options: BuildOptions, jobs: int | None, force: bool
) -> int:
    """Build every source the paths name; print progress and the summary; the exit status."""
    from flowgen.batch import FAILED, run_batch
    from flowgen.discover import find_sources
    from flowgen.progress import Progress

    ctx = click.get_current_context()
    sources = find_sources(paths)
    if not sources:
        _no_sources(ctx, paths)
    progress = Progress(len(sources), _lang(ctx), lines=len(sources) > 1)
    try:
        outcomes = run_batch(sources, out_dir, options, jobs, force, progress.update)
    finally:
        progress.finish_bar()
    progress.finish(outcomes)
    failed = [o for o in outcomes if o.status == FAILED]
    if any(d.code in ("internal-error", "missing-package") for o in failed for d in o.diagnostics):
        return 3
    return 1 if failed else 0


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rev", "revision", default=None, metavar="REV", help="Compare FILE with itself at this git revision.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "pdf", "svg"]),
    default="text",
    show_default=True,
    help="A report (text, json), or NEW's lampiran with the changed rows marked (pdf, svg).",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the marked lampiran (default: beside NEW).",
)
@click.option("--style", default=None, metavar="NAME|PATH", help="Style sheet of the marked lampiran.")
@click.option("--doc-lang", type=click.Choice(["id", "en"]), default=None, help="Language of the marks' legend.")
@click.option("--color/--no-color", default=None, help="Colour the text (default: when printing to a terminal).")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the revisions differ (like git diff --exit-code).")
@lang_option
@version_option
@guarded
def diff(
    files: tuple[Path, ...],
    revision: str | None,
    fmt: str,
    out_dir: Path | None,
    style: str | None,
    doc_lang: str | None,
    color: bool | None,
    exit_code: bool,
    lang: str | None,
) -> None:
    """What changed between two revisions of a procedure, by meaning: OLD NEW, or FILE --rev REV."""
    from flowgen.cycle.commands import diff_marked, diff_report

    ctx = click.get_current_context()
    colour = color if color is not None else (sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    try:
        if fmt in ("pdf", "svg"):
            written, changed = diff_marked(files, revision, fmt, out_dir, style, doc_lang)
            text = "".join(f"{path}\n" for path in written)
        else:
            text, changed = diff_report(files, revision, fmt, _lang(ctx), colour)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(text, nl=False, color=colour)
    sys.exit(1 if exit_code and changed else 0)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--read",
    "filled",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read a filled workbook back into the Laporan Hasil Monitoring dan Evaluasi (PDF and JSON).",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the outputs (default: the current folder).",
)
@click.option("--format", "formats", default="xlsx,pdf", show_default=True, help="Forms to write: xlsx, pdf.")
@click.option("--style", default=None, metavar="NAME|PATH", help="Style sheet of the printed forms.")
@click.option(
    "--doc-lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Language of the forms (default: the style's; with --read: the workbook's).",
)
@lang_option
@version_option
@guarded
def monev(
    paths: tuple[Path, ...],
    filled: Path | None,
    out_dir: Path | None,
    formats: str,
    style: str | None,
    doc_lang: str | None,
    lang: str | None,
) -> None:
    """Monitoring and evaluation (Permenpan RB 35/2012): the forms for DIR|FILE..., or --read a filled one."""
    from flowgen.cycle.commands import monev_forms, monev_report

    out = out_dir or Path(".")
    if filled is not None:
        if paths:
            raise click.UsageError("--read takes the filled workbook only; give no other files")
        written = monev_report(filled, out, style, doc_lang)
    else:
        if not paths:
            raise click.UsageError("give folders or .pos files to make the forms for, or --read FILLED.xlsx")
        chosen = [f.strip().lower() for f in formats.split(",") if f.strip()]
        unknown = [f for f in chosen if f not in ("xlsx", "pdf")]
        if unknown or not chosen:
            raise click.BadParameter(f"formats are xlsx, pdf (got {formats!r})", param_hint="--format")
        written = monev_forms(paths, out, chosen, style, doc_lang)
    for path in written:
        click.echo(str(path))


@main.command()
@lang_option
@version_option
@guarded
def styles(lang: str | None) -> None:
    """List the shipped style sheets."""
    from flowgen.style.sheet import shipped_description, shipped_names

    names = shipped_names()
    width = max(len(n) for n in names)
    for name in names:
        click.echo(f"{name.ljust(width)}  {shipped_description(name)}")


from flowgen.book.cli import book_command  # noqa: E402  (flowgen book DIR)

main.add_command(book_command)


def _add_editor_commands() -> None:
    """fmt, watch, serve and lsp (defined in flowgen.editor_cli)."""
    from flowgen import editor_cli

    for command in (editor_cli.fmt, editor_cli.watch, editor_cli.serve, editor_cli.lsp):
        main.add_command(command)


_add_editor_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
