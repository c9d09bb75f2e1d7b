"""Start the editor: bind, print the address with its token, open the browser, serve until Ctrl-C."""

from __future__ import annotations

import secrets
import socket
import sys
import webbrowser
from pathlib import Path

import click

LOCAL = "127.0.0.1"


def _hosts(host: str, port: int) -> set[str]:
    names = {f"127.0.0.1:{port}", f"localhost:{port}"}
    if host not in (LOCAL, "localhost"):
        names.add(f"{host}:{port}".lower())
    return names


def run(folder: Path, port: int = 0, host: str = LOCAL, browser: bool = True, render_timeout: float = 20.0) -> None:
    import uvicorn

    from flowgen.serve.app import make_app

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)  # connections made as soon as the address is printed wait for the server
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    shown = LOCAL if host in (LOCAL, "localhost") else host
    url = f"http://{shown}:{port}/?token={token}"
    click.echo(f"flowgen editor: {url}")
    click.echo(f"folder: {folder.resolve()}")
    if host not in (LOCAL, "localhost"):
        click.echo(
            f"WARNING: listening on {host}, not only on this computer: anyone who can reach it "
            "and has the token can read and change the SOPs in this folder",
            err=True,
        )
    sys.stdout.flush()
    app = make_app(folder, token, _hosts(host, port), render_timeout)
    if browser:
        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
