"""The editor's server without a browser: the confined folder, the drawing worker and its timeout, the guards."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from flowgen.serve.app import make_app
from flowgen.serve.files import Conflict, Folder, RefusedPath, digest
from flowgen.serve.worker import RenderTimeout, Worker

ROOT = Path(__file__).resolve().parent.parent
SURAT = (ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    (tmp_path / "sop").mkdir()
    (tmp_path / "sop" / "a.pos").write_text(SURAT, encoding="utf-8")
    (tmp_path / "secret.pos").write_text("rahasia", encoding="utf-8")
    return Folder.open(tmp_path / "sop")


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("../secret.pos", 403),
        ("/etc/passwd", 403),
        ("C:/x.pos", 403),
        ("a\\..\\..\\secret.pos", 403),
        ("sub/./a.pos", 403),
        (".git/config.pos", 403),
        ("a.txt", 403),
        ("missing.pos", 404),
        ("", 403),
    ],
)
def test_refused_paths(folder: Folder, path: str, status: int) -> None:
    with pytest.raises(RefusedPath) as caught:
        folder.read(path)
    assert caught.value.status == status


def test_a_link_out_of_the_folder_is_refused_and_not_listed(folder: Folder) -> None:
    os.symlink(folder.root.parent / "secret.pos", folder.root / "link.pos")
    os.symlink(folder.root.parent, folder.root / "up")
    with pytest.raises(RefusedPath):
        folder.read("link.pos")
    with pytest.raises(RefusedPath):
        folder.write("up/new.pos", "x", None)
    assert folder.files() == ["a.pos"]


def test_save_is_refused_when_the_disk_changed_and_allowed_when_forced(folder: Folder) -> None:
    text, sha = folder.read("a.pos")
    assert sha == digest(SURAT.encode())
    new_sha = folder.write("a.pos", text + "# 1\n", sha)
    (folder.root / "a.pos").write_text("# orang lain\n", encoding="utf-8")
    with pytest.raises(Conflict) as caught:
        folder.write("a.pos", text + "# 2\n", new_sha)
    assert caught.value.text == "# orang lain\n"
    folder.write("a.pos", text + "# 2\n", None, force=True)
    assert (folder.root / "a.pos").read_text(encoding="utf-8") == text + "# 2\n"
    assert [p.name for p in folder.root.iterdir()] == ["a.pos"]  # no temporary file left


def test_new_sop_from_the_template_parses(folder: Folder) -> None:
    import flowgen

    relative = folder.create("Surat Keluar", "2026-01-02")
    assert relative == "surat-keluar.pos"
    procedure = flowgen.parse(folder.read(relative)[0])
    assert procedure.identity.title == "Surat Keluar"
    with pytest.raises(RefusedPath) as caught:
        folder.create("Surat Keluar", "2026-01-02")
    assert caught.value.status == 409
    with pytest.raises(RefusedPath):
        folder.create("../x", "2026-01-02")


def test_a_file_too_large_is_refused(folder: Folder) -> None:
    with pytest.raises(RefusedPath) as caught:
        folder.write("big.pos", "x" * 1_000_001, None)
    assert caught.value.status == 413


def test_a_job_that_runs_too_long_is_stopped_and_the_worker_replaced() -> None:
    worker = Worker(timeout=1.0)
    try:
        with pytest.raises(RenderTimeout):
            worker.run("time:sleep", 60)
        result = worker.run("flowgen.serve.jobs:preview", {"text": SURAT, "lang": "en"})
        assert result["ok"] and len(result["pages"]) == 1
        assert result["pages"][0].count('class="fg-step"') == 10
    finally:
        worker.close()


def test_guards_and_preview_through_the_app(tmp_path: Path) -> None:
    (tmp_path / "a.pos").write_text(SURAT, encoding="utf-8")
    app = make_app(tmp_path, "tok", {"testserver"}, render_timeout=60)
    with TestClient(app) as client:
        token = {"X-Flowgen-Token": "tok"}
        assert client.get("/api/files").status_code == 401
        assert client.get("/api/files", headers={"X-Flowgen-Token": "nope"}).status_code == 401
        assert client.get("/api/files", headers={**token, "Origin": "http://evil.example"}).status_code == 403
        assert client.get("/api/files", headers={**token, "Host": "evil.example"}).status_code == 403
        assert client.get("/api/files", headers=token).json()["files"] == ["a.pos"]
        body = {"path": "a.pos", "text": SURAT.replace("  ktu: Meneruskan", "  kxu: Meneruskan"), "lang": "id"}
        shown = client.post("/api/preview", json=body, headers=token).json()
        assert shown["ok"] is False and shown["pages"] == []
        assert [d["message"] for d in shown["diagnostics"]] == ["pelaksana 'kxu' tidak dikenal"]
        lampiran = client.post("/api/preview", json={"text": SURAT, "form": "lampiran"}, headers=token).json()
        assert lampiran["ok"] and len(lampiran["pages"]) >= 2
        pdf = client.post("/api/export", json={"text": SURAT, "format": "pdf", "path": "a.pos"}, headers=token)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        assert pdf.headers["content-disposition"] == 'attachment; filename="a.flowchart.pdf"'
        one = {"text": SURAT, "format": "svg", "form": "lampiran", "page": 1, "path": "a.pos"}
        svg = client.post("/api/export", json=one, headers=token)
        assert svg.headers["content-disposition"] == 'attachment; filename="a.lampiran-2.svg"'
        assert svg.text == lampiran["pages"][1]
        png = client.post("/api/export", json={"text": SURAT, "format": "png", "form": "lampiran"}, headers=token)
        assert png.content.startswith(b"\x89PNG")
        docx = client.post("/api/export", json={"text": SURAT, "format": "docx", "path": "a.pos"}, headers=token)
        assert docx.headers["content-disposition"] == 'attachment; filename="a.lampiran.docx"'
        assert docx.content.startswith(b"PK") and b"word/document.xml" in docx.content
        assert client.get("/").status_code == 401
        assert "flowgen serve" in client.get("/?token=nope").text
        assert client.get("/?token=tok").status_code == 200
        (tmp_path / "b.pos").write_text(SURAT.replace("  ktu: Meneruskan", "  kxu: Meneruskan"), encoding="utf-8")
        book = client.post("/api/book", json={"lang": "en"}, headers=token).json()["results"]
        assert [(r["path"], r["ok"]) for r in book] == [("a.pos", True), ("b.pos", False)]
        assert book[1]["error"].split("\n") == [
            "b.pos:48:3: error: unknown actor 'kxu'",
            "   hint: declared actors are pu, ktu, dir — did you mean 'ktu'?",
        ]
        assert (tmp_path / "a.lampiran.pdf").exists() and not (tmp_path / "b.lampiran.pdf").exists()
        too_big = client.post("/api/preview", content=b"x" * 2_000_001, headers=token)
        assert too_big.status_code == 413


def test_serve_prints_its_address_first_and_warns_for_another_address(tmp_path: Path) -> None:
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "flowgen", "serve", str(tmp_path), "--no-browser", "--host", "127.0.0.2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        assert re.fullmatch(r"flowgen editor: http://127\.0\.0\.2:\d+/\?token=[\w-]{32}\n", first), first
        assert process.stdout.readline() == f"folder: {tmp_path.resolve()}\n"
        assert process.stderr.readline().startswith("WARNING: listening on 127.0.0.2, not only on this computer")
    finally:
        process.terminate()
        process.wait(20)
        process.stdout.close()  # type: ignore[union-attr]
        process.stderr.close()  # type: ignore[union-attr]


def test_a_drawing_process_killed_in_a_job_is_reported_and_replaced() -> None:
    worker = Worker(timeout=60.0)
    try:
        worker.start()
        killer = threading.Timer(0.5, lambda: worker._process.kill())
        killer.start()
        with pytest.raises(RuntimeError, match="stopped"):
            worker.run("time:sleep", 30)
        killer.join()
        result = worker.run("flowgen.serve.jobs:preview", {"text": SURAT, "lang": "en"})
        assert result["ok"] and result["pages"][0].count('class="fg-step"') == 10
    finally:
        worker.close()


def test_a_preview_whose_drawing_process_failed_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Worker.run
    failures = iter([True])

    def run_once_failing(self: Worker, handler: str, payload: object) -> object:
        if handler.endswith(":preview") and next(failures, False):
            raise RuntimeError("the drawing process stopped")
        return real(self, handler, payload)

    monkeypatch.setattr(Worker, "run", run_once_failing)
    with TestClient(make_app(tmp_path, "tok", {"testserver"}, render_timeout=60)) as client:
        token = {"X-Flowgen-Token": "tok"}
        failed = client.post("/api/preview", json={"text": SURAT}, headers=token).json()
        assert failed == {
            "ok": False,
            "failed": "the drawing process stopped",
            "diagnostics": [],
            "steps": [],
            "pages": [],
        }
        again = client.post("/api/preview", json={"text": SURAT}, headers=token).json()
        assert again["ok"] and again["pages"][0].count('class="fg-step"') == 10
