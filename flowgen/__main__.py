"""``python -m flowgen`` and the ``flowgen`` command: the command line, guarded from its first moment.

The signal handlers are set before anything else is imported, so that
Ctrl-C (SIGINT) or SIGTERM at any moment — while the libraries load, while
a file is built, while outputs are moved into place — ends the run with one
line, ``flowgen: interrupted``, exit status 130, and never a traceback.
(The interpreter's own start-up, before this module runs, is the one
moment it cannot guard.)
"""

from __future__ import annotations

import signal
import sys
from typing import Any


def _stop(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _interrupted() -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the goodbye
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        sys.stderr.write("flowgen: interrupted\n")
        sys.stderr.flush()
    except OSError:
        pass
    return 130


def _missing(exc: ModuleNotFoundError) -> int:
    """One sentence naming the package and how to install it; a module of flowgen itself missing is a bug."""
    import os

    from flowgen.errors import missing_package, missing_package_sentence

    package = missing_package(exc)
    if package is None:
        raise exc
    lang = os.environ.get("FLOWGEN_LANG", "en")
    sys.stderr.write(missing_package_sentence(package, lang) + "\n")
    return 3


def run() -> None:
    """The entry point of the ``flowgen`` command."""
    signal.signal(signal.SIGTERM, _stop)
    try:
        import click

        from flowgen.cli import main

        try:
            code = main.main(standalone_mode=False)
        except click.exceptions.Abort:
            code = _interrupted()
        except click.ClickException as exc:
            exc.show()
            code = exc.exit_code
    except KeyboardInterrupt:
        code = _interrupted()
    except ModuleNotFoundError as exc:  # run by a Python without flowgen's dependencies
        code = _missing(exc)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
