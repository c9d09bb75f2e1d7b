"""The editing commands of ``flowgen``: ``fmt``, ``watch``, ``serve`` and ``lsp``.

They live here, not in :mod:`flowgen.cli`, which only adds them to the
group; each command imports what it needs when it runs, so ``flowgen
--help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from flowgen.errors import FlowgenError
from flowgen.service.atomic import write_atomic
from flowgen.shell import _lang, guarded, lang_option, print_diagnostics

FMT_WORDS = {
    "en": {"changed": "formatted {path}", "would": "would reformat {path}", "same": "{n} file(s) already formatted"},
    "id": {"changed": "dirapikan: {path}", "would": "perlu dirapikan: {path}", "same": "{n} berkas sudah rapi"},
}


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a file is not in canonical form (for CI).")
@click.option("--stdout", "to_stdout", is_flag=True, help="Print the canonical text instead of rewriting the file.")
@lang_option
@guarded
def fmt(files: tuple[Path, ...], check: bool, to_stdout: bool, lang: str | None) -> None:
    """Rewrite .pos files in canonical form (keywords, indentation, arrows), keeping their comments."""
    from flowgen.service.fmt import format_text

    ctx = click.get_current_context()
    words = FMT_WORDS[_lang(ctx)]
    failed = different = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="strict") if path.stat().st_size < 4_000_000 else ""
        try:
            out = format_text(text, str(path))
        except FlowgenError as exc:
            print_diagnostics(exc.diagnostics, _lang(ctx))
            failed += 1
            continue
        if to_stdout:
            click.echo(out, nl=False)
        elif out != text:
            different += 1
            if check:
                click.echo(words["would"].format(path=path))
            else:
                write_atomic(path, out)
                click.echo(words["changed"].format(path=path))
    if not to_stdout and not different and not failed:
        click.echo(words["same"].format(n=len(files)), err=True)
    ctx.exit(1 if failed or (check and different) else 0)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--style", default=None, help="A shipped style sheet's name or a .css file.")
@lang_option
@guarded
def watch(paths: tuple[Path, ...], style: str | None, lang: str | None) -> None:
    """Rebuild each .pos file when it is saved, printing its diagnostics (stop with Ctrl-C)."""
    from flowgen.watch import watch_paths

    watch_paths(list(paths), style, _lang(click.get_current_context()))


@click.command()
@click.argument("folder", required=False, default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port to listen on (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
@click.option(
    "--host",
    default="127.0.0.1",
    help="Address to listen on. Anything but 127.0.0.1 lets other machines reach your files: only on purpose.",
)
@click.option("--render-timeout", type=click.FloatRange(0.5, 600), default=20.0, help="Seconds a drawing may take.")
@lang_option
@guarded
def serve(folder: Path, port: int, no_browser: bool, host: str, render_timeout: float, lang: str | None) -> None:
    """Open the live editor for the SOPs in FOLDER (default: here) in the browser."""
    from flowgen.serve.run import run

    run(folder, port=port, host=host, browser=not no_browser, render_timeout=render_timeout)


@click.command()
@guarded
def lsp() -> None:
    """Speak the Language Server Protocol on standard input and output (for VS Code, Neovim, ...)."""
    from flowgen.lsp import start

    start(sys.stdin.buffer, sys.stdout.buffer)
