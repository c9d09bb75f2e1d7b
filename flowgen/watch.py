"""``flowgen watch``: rebuild every .pos file when it is saved, for writers who use their own editor.

One warm :class:`flowgen.build.Builder` builds every change, so a rebuild
costs a render, not a start-up.  Each build prints its diagnostics (errors
and warnings, in the writer's language) and the files it wrote; a wrong
file is reported and the watch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from flowgen.errors import FlowgenError

if TYPE_CHECKING:
    from flowgen.build import Builder

WORDS = {
    "en": {"watching": "watching {paths} (Ctrl-C stops)", "built": "built {path}", "failed": "{path}: not built"},
    "id": {
        "watching": "memantau {paths} (Ctrl-C untuk berhenti)",
        "built": "dibangun: {path}",
        "failed": "{path}: gagal",
    },
}


def sources(paths: Iterable[Path]) -> list[Path]:
    """The .pos files a watch covers: the files given and every .pos below each folder (hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.pos") if not any(part.startswith(".") for part in p.parts))
        else:
            found.append(path)
    return found


def rebuild(builder: Builder, path: Path, lang: str) -> bool:
    """Build one file and print what happened; True if it was built."""
    words = WORDS[lang]
    try:
        result = builder.build(path)
    except FlowgenError as exc:
        for d in exc.diagnostics:
            click.echo(d.format(lang), err=True)
        click.echo(words["failed"].format(path=path), err=True)
        return False
    for d in result.diagnostics:
        click.echo(d.format(lang), err=True)
    click.echo(words["built"].format(path=path))
    return True


def watch_paths(paths: list[Path], style: str | None, lang: str) -> None:
    """Build everything once, then again each file that changes, until interrupted."""
    import watchfiles

    from flowgen.build import Builder, BuildOptions

    builder = Builder(BuildOptions(style=style))
    Builder.warm()
    started = False
    keep = lambda change, name: name.endswith((".pos", ".css", ".toml"))  # noqa: E731 - outputs are not sources
    # yield_on_timeout: the first (empty) answer comes once the watcher runs, so nothing saved from then on
    # is missed; the first builds happen after it
    for changes in watchfiles.watch(*paths, watch_filter=keep, yield_on_timeout=True, rust_timeout=500):
        if not started:
            started = True
            click.echo(WORDS[lang]["watching"].format(paths=", ".join(str(p) for p in paths)), err=True)
            for path in sources(paths):
                rebuild(builder, path, lang)
        changed = {Path(name).resolve() for _, name in changes}
        styles_changed = any(p.suffix != ".pos" for p in changed)  # a sheet or flowgen.toml: every file
        for path in sources(paths):
            if (styles_changed or path.resolve() in changed) and path.exists():
                rebuild(builder, path, lang)
