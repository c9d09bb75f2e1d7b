"""What every ``flowgen`` command shares: the message language, printing diagnostics, the error guard.

A leaf of the command layer, so that commands defined beside their feature
(``flowgen.book.cli``) use the same guard as :mod:`flowgen.cli` without
importing it back.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from flowgen import __version__, messages
from flowgen.errors import Diagnostic, FlowgenError, missing_package, missing_package_sentence

F = TypeVar("F", bound=Callable[..., Any])

LANG_HELP = "Language of messages: en (English) or id (Bahasa Indonesia). Default: $FLOWGEN_LANG or en."


def _lang(ctx: click.Context) -> str:
    lang = ctx.params.get("lang") or ctx.find_root().params.get("lang") or os.environ.get("FLOWGEN_LANG") or "en"
    return lang if lang in messages.LANGUAGES else "en"


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
            package = missing_package(exc)
            if package is not None:
                click.echo(missing_package_sentence(package, lang), err=True)
                ctx.exit(3)
            detail = f"{type(exc).__name__}: {exc}"
            click.echo(f"flowgen: {messages.render('internal-error', {'detail': detail}, lang)}", err=True)
            click.echo(f"   {messages.hint_word(lang)}: {messages.render_hint('internal-error', {}, lang)}", err=True)
            if os.environ.get("FLOWGEN_DEBUG"):
                raise
            ctx.exit(3)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]


def lang_option(func: F) -> F:
    return click.option("--lang", type=click.Choice(messages.LANGUAGES), default=None, help=LANG_HELP)(func)


def version_option(func: F) -> F:
    return click.version_option(__version__, "--version", prog_name="flowgen")(func)
