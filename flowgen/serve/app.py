"""The editor's web app: the page, the folder's files, and the language service as JSON.

Every route answers JSON except the page, its static files and exports.
Drawing goes to the worker process; completion, hover and definition are
answered here (they only read the text, which is quick and bounded).
"""

from __future__ import annotations

import datetime as dt
import hmac
import importlib.resources
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from flowgen.serve.files import Conflict, Folder, RefusedPath
from flowgen.serve.guard import BodyTooLarge, Guard, error, read_json
from flowgen.serve.worker import RenderTimeout, Worker
from flowgen.service import analyze_text, completions, definition, hover

WEB = Path(__file__).parent / "web"
STATIC = {"editor.js": "text/javascript", "editor.css": "text/css", "LICENSE-codemirror.txt": "text/plain"}
FORMS = ("flowchart", "lampiran")
BOOK_TIMEOUT = 900.0  # seconds a whole folder's build may take
EXPORTS = {
    "pdf": "application/pdf",
    "png": "image/png",
    "svg": "image/svg+xml",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

NO_TOKEN = (
    "<!doctype html><meta charset=utf-8><title>flowgen</title><p>Buka alamat lengkap (dengan token) yang dicetak "
    "oleh <code>flowgen serve</code>.</p><p>Open the full address (with its token) that <code>flowgen serve</code> "
    "printed.</p>"
)

Handler = Callable[[Request], Awaitable[Response]]


def shipped_styles() -> list[str]:
    sheets = importlib.resources.files("flowgen") / "stylesheets"
    return sorted(p.name[:-4] for p in sheets.iterdir() if p.name.endswith(".css"))


def guarded(func: Callable[[Request, dict[str, Any]], Awaitable[Response]]) -> Handler:
    """Read the JSON body (size-limited) and turn refusals into their HTTP answers."""

    async def handler(request: Request) -> Response:
        try:
            body = await read_json(request) if request.method in ("POST", "PUT") else {}
            return await func(request, body)
        except BodyTooLarge:
            return error(413, "request body too large")
        except RefusedPath as exc:
            return error(exc.status, exc.reason)

    return handler


class Editor:
    """The state of one served folder: its files, its drawing worker, its token."""

    def __init__(self, folder: Folder, worker: Worker, token: str) -> None:
        self.folder = folder
        self.worker = worker
        self.token = token
        self.book_worker = Worker(BOOK_TIMEOUT)  # builds the book without holding up the previews

    def _source(self, body: dict[str, Any]) -> tuple[str, str | None]:
        """(name shown in diagnostics, absolute path for the style lookup) of the file a request is about."""
        relative = body.get("path")
        if isinstance(relative, str) and relative:
            path = self.folder.resolve(relative, must_exist=False)
            return relative, str(path)
        return "<text>", str(self.folder.root / "untitled.pos")

    async def page(self, request: Request) -> Response:
        given = request.query_params.get("token", "")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return HTMLResponse(NO_TOKEN, status_code=401)
        return HTMLResponse((WEB / "index.html").read_text(encoding="utf-8"))

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return error(404, "no such file")
        return FileResponse(WEB / name, media_type=STATIC[name])

    async def list_files(self, request: Request, body: dict[str, Any]) -> Response:
        return JSONResponse({"root": self.folder.root.name, "files": self.folder.files(), "styles": shipped_styles()})

    async def read_file(self, request: Request, body: dict[str, Any]) -> Response:
        text, sha = self.folder.read(request.query_params.get("path"))
        return JSONResponse({"path": request.query_params.get("path"), "text": text, "sha": sha})

    async def write_file(self, request: Request, body: dict[str, Any]) -> Response:
        text = body.get("text")
        if not isinstance(text, str):
            return error(400, "no text")
        try:
            sha = self.folder.write(body.get("path"), text, body.get("base"), bool(body.get("force")))
        except Conflict as exc:
            return error(409, "the file changed on disk", disk=exc.text, sha=exc.digest)
        return JSONResponse({"sha": sha})

    async def new_file(self, request: Request, body: dict[str, Any]) -> Response:
        relative = self.folder.create(body.get("name"), dt.date.today().isoformat())
        text, sha = self.folder.read(relative)
        return JSONResponse({"path": relative, "text": text, "sha": sha})

    def _job(self, body: dict[str, Any]) -> dict[str, Any]:
        text = body.get("text")
        if not isinstance(text, str):
            raise RefusedPath("no text", 400)
        name, source = self._source(body)
        style = body.get("style") if body.get("style") in shipped_styles() else None
        lang = "id" if body.get("lang") == "id" else "en"
        form = body.get("form") if body.get("form") in FORMS else "flowchart"
        return {"text": text, "name": name, "source": source, "style": style, "lang": lang, "form": form}

    async def preview(self, request: Request, body: dict[str, Any]) -> Response:
        job = self._job(body)
        try:
            return JSONResponse(await self.worker.run_async("flowgen.serve.jobs:preview", job))
        except RenderTimeout as exc:
            analysis = analyze_text(job["text"], job["name"])
            found = [d.to_dict(job["lang"]) for d in analysis.diagnostics]
            return JSONResponse({"ok": False, "timeout": str(exc), "diagnostics": found, "steps": [], "pages": []})
        except RuntimeError as exc:  # the drawing process died or did not start: the editor tries again
            return JSONResponse({"ok": False, "failed": str(exc), "diagnostics": [], "steps": [], "pages": []})

    async def export(self, request: Request, body: dict[str, Any]) -> Response:
        job = self._job(body)
        fmt = str(body.get("format")) if body.get("format") in EXPORTS else "pdf"
        job["format"] = fmt
        page = body.get("page")
        job["page"] = page if isinstance(page, int) and 0 <= page < 1000 else 0
        try:
            result = await self.worker.run_async("flowgen.serve.jobs:export", job)
        except RenderTimeout as exc:
            return error(504, str(exc))
        if not result["ok"]:
            return error(422, "the SOP has errors", diagnostics=result["diagnostics"])
        stem = Path(job["name"]).stem if job["name"] != "<text>" else "sop"
        form = job["form"] if fmt == "pdf" or job["form"] == "flowchart" else f"lampiran-{job['page'] + 1}"
        form = "lampiran" if fmt == "docx" else form  # the Word document is always the whole lampiran
        filename = f"{stem}.{form}.{fmt}"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        return Response(result["data"], media_type=EXPORTS[fmt], headers=headers)

    async def book(self, request: Request, body: dict[str, Any]) -> Response:
        files = [f for f in self.folder.files() if f.endswith(".pos")]
        job = {"root": str(self.folder.root), "files": files, "lang": "id" if body.get("lang") == "id" else "en"}
        try:
            return JSONResponse(await self.book_worker.run_async("flowgen.serve.jobs:build_book", job))
        except RenderTimeout as exc:
            return error(504, str(exc))

    async def language(self, request: Request, body: dict[str, Any]) -> Response:
        text, line, column = body.get("text"), body.get("line"), body.get("column")
        if not isinstance(text, str) or not isinstance(line, int) or not isinstance(column, int):
            return error(400, "text, line and column are needed")
        analysis = analyze_text(text)
        what = request.path_params["what"]
        if what == "complete":
            start, items = completions(analysis, line, column)
            return JSONResponse({"from": start, "items": [vars(c) for c in items]})
        if what == "hover":
            return JSONResponse({"text": hover(analysis, line, column)})
        if what == "definition":
            found = definition(analysis, line, column)
            return JSONResponse({"line": found[0], "column": found[1]} if found else {})
        return error(404, "unknown request")

    def routes(self) -> list[Route]:
        return [
            Route("/", self.page),
            Route("/static/{name}", self.static),
            Route("/favicon.ico", lambda request: Response(status_code=204)),
            Route("/api/files", guarded(self.list_files)),
            Route("/api/file", guarded(self.read_file), methods=["GET"]),
            Route("/api/file", guarded(self.write_file), methods=["PUT"]),
            Route("/api/new", guarded(self.new_file), methods=["POST"]),
            Route("/api/preview", guarded(self.preview), methods=["POST"]),
            Route("/api/export", guarded(self.export), methods=["POST"]),
            Route("/api/book", guarded(self.book), methods=["POST"]),
            Route("/api/lang/{what}", guarded(self.language), methods=["POST"]),
        ]


def make_app(folder: Path, token: str, hosts: set[str], render_timeout: float = 20.0) -> Guard:
    """The guarded ASGI app for a folder."""
    worker = Worker(render_timeout)
    editor = Editor(Folder.open(folder), worker, token)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        worker.start()
        yield
        worker.close()
        editor.book_worker.close()

    return Guard(Starlette(routes=editor.routes(), lifespan=lifespan), token, hosts)
