"""The guards every request passes: Host, Origin, token and size.

A page on another site must not be able to read or change the writer's
files through this server: the Host header must name this server (no DNS
rebinding), an Origin header, when sent, must be this server's, and every
API call must carry the random token printed at start.  Bodies are read up
to a limit, never whole before it is checked.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse

MAX_BODY = 2_000_000

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyTooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: refuse a foreign Host or Origin (403), a missing token on /api (401)."""

    def __init__(self, app: ASGIApp, token: str, hosts: set[str]) -> None:
        self.app = app
        self.token = token
        self.hosts = hosts  # "127.0.0.1:8123", "localhost:8123", ...

    def origins(self) -> set[str]:
        return {f"http://{host}" for host in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        refusal = self.refusal(scope, headers)
        if refusal is not None:
            status, text = refusal
            await PlainTextResponse(text, status_code=status)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        if headers.get("host", "").lower() not in self.hosts:
            return 403, "refused: unknown Host"
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in self.origins():
            return 403, "refused: foreign Origin"
        path: str = scope.get("path", "")
        if path.startswith("/api/"):
            given = headers.get("x-flowgen-token", "")
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return 401, "refused: missing or wrong token"
            if (
                scope.get("method") not in ("GET", "HEAD")
                and origin is None
                and headers.get("sec-fetch-site") == "cross-site"
            ):
                return 403, "refused: cross-site request"
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return 413, "refused: request body too large"
        return None


async def read_json(request: Request) -> dict[str, Any]:
    """The JSON object of a request body, read up to :data:`MAX_BODY` bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise BodyTooLarge
        chunks.append(chunk)
    try:
        data = json.loads(b"".join(chunks) or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)
