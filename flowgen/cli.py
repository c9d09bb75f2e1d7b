"""The ``flowgen`` command: a thin click layer over the library.

It parses options, calls the library, prints diagnostics and sets the exit
code.  Bad input never shows a traceback: the library's :class:`FlowgenError`
is printed as diagnostics, and anything else is reported as an internal
error with a request to report it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from flowgen import __version__, messages
from flowgen.errors import Diagnostic, FlowgenError
from flowgen.language.reader import analyze_file

F = TypeVar("F", bound=Callable[..., Any])

LANG_HELP = "Language of messages: en (English) or id (Bahasa Indonesia). Default: $FLOWGEN_LANG or en."


def _lang(ctx: click.Context) -> str:
    root = ctx.find_root()
    return str(root.params.get("lang") or os.environ.get("FLOWGEN_LANG") or "en")


def print_diagnostics(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...], lang: str) -> None:
    for d in diagnostics:
        click.echo(d.format(lang), err=True)


def guarded(func: F) -> F:
    """Run a command body; turn flowgen errors into diagnostics and bugs into a short report."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return func(*args, **kwargs)
        except FlowgenError as exc:
            print_diagnostics(exc.diagnostics, _lang(ctx))
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("flowgen: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:
            lang = _lang(ctx)
            detail = f"{type(exc).__name__}: {exc}"
            click.echo(f"flowgen: {messages.render('internal-error', {'detail': detail}, lang)}", err=True)
            click.echo(f"   {messages.hint_word(lang)}: {messages.render_hint('internal-error', {}, lang)}", err=True)
            if os.environ.get("FLOWGEN_DEBUG"):
                raise
            ctx.exit(3)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="flowgen")
@click.option("--lang", type=click.Choice(messages.LANGUAGES), default=None, help=LANG_HELP)
def main(lang: str | None) -> None:
    """flowgen: SOP procedures (.pos files) to swimlane flowcharts and the official SOP form."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["human", "json"]),
    default="human",
    show_default=True,
    help="How to print the diagnostics.",
)
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@click.version_option(__version__, "--version", prog_name="flowgen")
@guarded
def check(files: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Check .pos files and print every error and warning.

    Exit status: 0 when clean (warnings allowed unless --strict), 1 when
    there are errors.
    """
    lang = _lang(click.get_current_context())
    failed = False
    report: list[dict[str, Any]] = []
    for path in files:
        procedure, found = analyze_file(path)
        errors = [d for d in found if d.is_error]
        failed = failed or bool(errors) or (strict and bool(found))
        if fmt == "json":
            report.append(
                {
                    "file": str(path),
                    "ok": not errors,
                    "steps": len(procedure.steps) if procedure else None,
                    "diagnostics": [d.to_dict(lang) for d in found],
                }
            )
        else:
            print_diagnostics(found, lang)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    elif not failed:
        click.echo(f"{len(files)} file(s) checked, no errors", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the outputs (default: beside each input file).",
)
@click.option("--format", "formats", default="json", show_default=True, help="Comma-separated output formats.")
@click.version_option(__version__, "--version", prog_name="flowgen")
@guarded
def build(files: tuple[Path, ...], out_dir: Path | None, formats: str) -> None:
    """Build the outputs of .pos files."""
    from flowgen.build import BuildOptions, build_file

    try:
        options = BuildOptions.from_text(formats, source="--format")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None
    lang = _lang(click.get_current_context())
    failed = False
    for path in files:
        try:
            written = build_file(path, out_dir, options)
        except FlowgenError as exc:
            print_diagnostics(exc.diagnostics, lang)
            failed = True
            continue
        for item in written:
            click.echo(str(item))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
