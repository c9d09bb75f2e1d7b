"""The live editor in a real headless Chromium (Debian's), driven by Playwright.

One ``flowgen serve`` for the module; each test opens its own copy of an
example in a fresh browser context (its own localStorage) and does what a
writer does: type, read the squiggle, accept a completion, click the drawing,
save.  ``FLOWGEN_UPDATE_SCREENSHOT=1`` also writes the README's screenshot.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import playwright.sync_api as playwright_api
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "surat-masuk.pos"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT = 30_000  # ms: generous bounds for a shared machine, never a measurement


class Served:
    def __init__(self, folder: Path, url: str, process: subprocess.Popen[str]) -> None:
        self.folder = folder
        self.url = url
        self.process = process
        parts = urllib.parse.urlsplit(url)
        self.host = parts.netloc
        self.token = urllib.parse.parse_qs(parts.query)["token"][0]

    def request(self, method: str, path: str, headers: dict[str, str], body: Any = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection(self.host, timeout=30)
        data = json.dumps(body).encode() if body is not None else None
        connection.request(method, path, body=data, headers=headers)
        try:
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    base = tmp_path_factory.mktemp("editor")
    folder = base / "sop"
    folder.mkdir()
    (base / "outside.pos").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(base / "outside.pos", folder / "link-out.pos")
    process = subprocess.Popen(
        [sys.executable, "-m", "flowgen", "serve", str(folder), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith("flowgen editor: http://127.0.0.1:"), first
    yield Served(folder, first.split(": ", 1)[1].strip(), process)
    process.terminate()
    process.wait(20)
    process.stdout.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 860}, accept_downloads=True, bypass_csp=True)
    yield context.new_page()
    context.close()


def open_copy(page: Any, served: Served, name: str, text: str | None = None) -> Path:
    """A fresh file in the served folder, opened in the editor with its drawing shown."""
    path = served.folder / name
    path.write_text(text if text is not None else EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    page.goto(served.url)
    page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
    page.click(f"#files li[data-path='{name}']")
    page.wait_for_function(f"document.getElementById('title').textContent === '{name}'", timeout=WAIT)
    page.wait_for_selector("#drawing svg g.fg-step", timeout=WAIT)
    return path


def cursor_to_line_end(page: Any, line: int) -> None:
    page.evaluate(
        "(n) => { const v = window.flowgenView; const l = v.state.doc.line(n);"
        " v.dispatch({selection: {anchor: l.to}, scrollIntoView: true}); v.focus(); }",
        line,
    )


def cursor_line(page: Any) -> int:
    return int(
        page.evaluate(
            "(() => { const v = window.flowgenView; return v.state.doc.lineAt(v.state.selection.main.head).number; })()"
        )
    )


def wait_for_cursor_line(page: Any, line: int) -> None:
    script = (
        "(n) => { const v = window.flowgenView; return v.state.doc.lineAt(v.state.selection.main.head).number === n; }"
    )
    try:
        page.wait_for_function(script, arg=line, timeout=WAIT)
    except playwright_api.TimeoutError:
        assert cursor_line(page) == line  # says where the cursor is instead


def editor_text(page: Any) -> str:
    return str(page.evaluate("window.flowgenView.state.doc.toString()"))


def wait_for_steps(page: Any, count: int) -> None:
    """Wait until the drawing shows ``count`` steps; on a timeout, say what the editor shows instead."""
    try:
        page.wait_for_function(f"document.querySelectorAll('#drawing g.fg-step').length === {count}", timeout=WAIT)
    except playwright_api.TimeoutError:
        shown = page.evaluate(
            "({steps: document.querySelectorAll('#drawing g.fg-step').length,"
            " notice: document.getElementById('notice').textContent,"
            " problems: document.getElementById('problems-list').innerText,"
            " seq: document.body.dataset.previewSeq, text: window.flowgenView.state.doc.toString().slice(-400)})"
        )
        raise AssertionError(f"the drawing did not show {count} steps: {shown}") from None


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), start=1) if needle in line)


def test_typed_step_appears_in_the_preview(page: Any, served: Served) -> None:
    open_copy(page, served, "ketik.pos")
    assert page.locator("#drawing g.fg-step").count() == 10
    cursor_to_line_end(page, line_of(EXAMPLE.read_text(encoding="utf-8"), "Meneruskan surat sesuai disposisi"))
    page.keyboard.press("Enter")
    page.keyboard.type("ktu: Memindai surat ke arsip digital")
    wait_for_steps(page, 11)
    assert "Memindai surat" in page.inner_text("#drawing")


def test_clicking_the_file_being_opened_does_not_read_it_again(page: Any, served: Served) -> None:
    """The editor opens the first file by itself; a click on it while that is under way read it a second time,
    and the late answer replaced what was being typed (CI saw the typed step vanish)."""
    (served.folder / "aaa-pertama.pos").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    reads: list[str] = []

    def count(route: Any) -> None:
        reads.append(route.request.url)
        route.continue_()

    page.route("**/api/file?*", count)
    page.goto(served.url)
    page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
    page.click("#files li[data-path='aaa-pertama.pos']")
    page.wait_for_selector("#drawing svg g.fg-step", timeout=WAIT)
    cursor_to_line_end(page, line_of(EXAMPLE.read_text(encoding="utf-8"), "Meneruskan surat sesuai disposisi"))
    page.keyboard.press("Enter")
    page.keyboard.type("ktu: Memindai surat ke arsip digital")
    wait_for_steps(page, 11)
    page.click("#files li[data-path='aaa-pertama.pos']")
    page.wait_for_timeout(300)  # a read, were one asked for, has come back by now
    assert len([u for u in reads if "aaa-pertama.pos" in u]) == 1
    assert "Memindai surat ke arsip digital" in editor_text(page)
    (served.folder / "aaa-pertama.pos").unlink()


def test_a_preview_that_failed_is_tried_again(page: Any, served: Served) -> None:
    open_copy(page, served, "ulang.pos")
    failures = iter([True])

    def fail_once(route: Any) -> None:
        if next(failures, False):
            route.fulfill(status=500, content_type="text/plain", body="Internal Server Error")
        else:
            route.continue_()

    page.route("**/api/preview", fail_once)
    cursor_to_line_end(page, line_of(EXAMPLE.read_text(encoding="utf-8"), "Meneruskan surat sesuai disposisi"))
    page.keyboard.press("Enter")
    page.keyboard.type("ktu: Memindai surat ke arsip digital")
    page.wait_for_function("document.getElementById('notice').textContent.includes('dicoba lagi')", timeout=WAIT)
    wait_for_steps(page, 11)
    assert page.inner_text("#notice") == ""


def test_unknown_actor_squiggle_message_and_last_good_drawing(page: Any, served: Served) -> None:
    open_copy(page, served, "salah.pos")
    cursor_to_line_end(page, line_of(EXAMPLE.read_text(encoding="utf-8"), "Meneruskan surat sesuai disposisi"))
    page.keyboard.press("Enter")
    page.keyboard.type("kxu: Memindai surat")
    squiggle = page.wait_for_selector(".cm-lintRange-error", timeout=WAIT)
    assert squiggle.inner_text() == "kxu"
    problems = page.inner_text("#problems-list")
    assert "pelaksana 'kxu' tidak dikenal" in problems
    assert "maksud Anda 'ktu'?" in problems
    assert page.locator("#drawing g.fg-step").count() == 10  # the last good drawing stays
    assert "stale" in (page.get_attribute("#preview", "class") or "")
    squiggle.hover()
    tooltip = page.wait_for_selector(".cm-tooltip-lint", timeout=WAIT)
    assert "pelaksana 'kxu' tidak dikenal" in tooltip.inner_text()
    assert "saran:" in tooltip.inner_text()
    if os.environ.get("FLOWGEN_UPDATE_SCREENSHOT"):
        page.screenshot(path=str(ROOT / "docs" / "images" / "editor.png"))
    page.select_option("#lang", "en")
    page.wait_for_function(
        "document.getElementById('problems-list').textContent.includes(\"unknown actor 'kxu'\")", timeout=WAIT
    )


def test_completion_of_a_label_after_the_arrow(page: Any, served: Served) -> None:
    open_copy(page, served, "lengkapi.pos")
    line = line_of(EXAMPLE.read_text(encoding="utf-8"), "Meneruskan surat sesuai disposisi")
    cursor_to_line_end(page, line)
    page.keyboard.type(" -> ak")
    option = page.wait_for_selector(".cm-tooltip-autocomplete li[aria-selected]", timeout=WAIT)
    assert option.inner_text().startswith("akhir")
    option.click()
    assert editor_text(page).split("\n")[line - 1] == "  ktu: Meneruskan surat sesuai disposisi -> akhir"


def test_click_on_a_symbol_lands_on_its_line_and_the_cursor_lights_the_step(page: Any, served: Served) -> None:
    open_copy(page, served, "klik.pos")
    text = EXAMPLE.read_text(encoding="utf-8")
    page.click("#drawing g.fg-step[data-step='7']")
    wait_for_cursor_line(page, line_of(text, "Memberikan disposisi"))
    cursor_to_line_end(page, line_of(text, "Mencatat surat pada buku agenda"))
    page.wait_for_selector("#drawing g.fg-current[data-step='5']", timeout=WAIT)
    assert page.locator("#drawing g.fg-current").count() == 1


def test_save_writes_the_file_and_a_change_on_disk_is_not_overwritten(page: Any, served: Served) -> None:
    path = open_copy(page, served, "simpan.pos")
    cursor_to_line_end(page, 1)
    page.keyboard.type(" (revisi)")
    page.keyboard.press("Control+s")
    page.wait_for_function("document.getElementById('status').textContent === 'Tersimpan'", timeout=WAIT)
    assert path.read_text(encoding="utf-8").split("\n")[0] == "# Pengelolaan Surat Masuk (revisi)"
    disk = path.read_text(encoding="utf-8").replace("(revisi)", "(diubah orang lain)")
    path.write_text(disk, encoding="utf-8")
    page.keyboard.type(" lagi")
    page.click("#save")
    page.wait_for_selector("#conflict:not([hidden])", timeout=WAIT)
    assert "(diubah orang lain)" in page.inner_text("#disk-text")
    assert "(revisi) lagi" in page.inner_text("#mine-text")
    assert path.read_text(encoding="utf-8") == disk  # not overwritten
    page.click("#take-disk")
    assert editor_text(page) == disk


def test_unsaved_text_survives_a_reload(page: Any, served: Served) -> None:
    open_copy(page, served, "muat-ulang.pos")
    cursor_to_line_end(page, 1)
    page.keyboard.type(" (draf)")
    page.reload()
    page.wait_for_function(
        "window.flowgenView.state.doc.toString().startsWith('# Pengelolaan Surat Masuk (draf)')", timeout=WAIT
    )
    assert "belum disimpan" in page.inner_text("#status")


def test_paths_outside_the_folder_are_refused(page: Any, served: Served) -> None:
    open_copy(page, served, "aman.pos")
    statuses = page.evaluate(
        """async (token) => {
            const out = {};
            const headers = {'X-Flowgen-Token': token, 'Content-Type': 'application/json'};
            const paths = ['../outside.pos', '/etc/passwd', 'link-out.pos', 'sub/../../outside.pos',
                           '.hidden.pos', 'aman.py'];
            for (const p of paths) {
                out[p] = (await fetch('/api/file?path=' + encodeURIComponent(p), {headers})).status;
            }
            const body = JSON.stringify({path: '../outside.pos', text: 'x', force: true});
            out['write'] = (await fetch('/api/file', {method: 'PUT', headers, body})).status;
            return out;
        }""",
        served.token,
    )
    assert statuses == {
        "../outside.pos": 403,
        "/etc/passwd": 403,
        "link-out.pos": 403,
        "sub/../../outside.pos": 403,
        ".hidden.pos": 403,
        "aman.py": 403,
        "write": 403,
    }
    assert (served.folder.parent / "outside.pos").read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_foreign_origin_host_and_missing_token_are_refused(served: Served) -> None:
    token = {"X-Flowgen-Token": served.token, "Host": served.host, "Content-Type": "application/json"}
    ok, _ = served.request("GET", "/api/files", token)
    assert ok == 200
    body = {"path": "aman2.pos", "text": "x", "force": True}
    status, _ = served.request("PUT", "/api/file", {**token, "Origin": "http://evil.example"}, body)
    assert status == 403
    assert not (served.folder / "aman2.pos").exists()
    status, _ = served.request("GET", "/api/files", {**token, "Host": "evil.example"})  # DNS rebinding
    assert status == 403
    status, _ = served.request("GET", "/api/files", {"Host": served.host})
    assert status == 401
    status, _ = served.request("POST", "/api/preview", {**token, "Content-Length": "99999999"})
    assert status == 413


def cursor_to(page: Any, line: int, column: int) -> None:
    page.evaluate(
        "([n, c]) => { const v = window.flowgenView; const l = v.state.doc.line(n);"
        " v.dispatch({selection: {anchor: l.from + c - 1}, scrollIntoView: true}); v.focus(); }",
        [line, column],
    )


def test_hover_on_an_actor_and_go_to_a_labels_step(page: Any, served: Served) -> None:
    open_copy(page, served, "navigasi.pos")
    text = EXAMPLE.read_text(encoding="utf-8")
    line = line_of(text, "ktu: Menelaah")
    cursor_to(page, line, 1)
    page.wait_for_function(
        f"(() => {{ const v = window.flowgenView; const c = v.coordsAtPos(v.state.doc.line({line}).from + 3);"
        " return c && c.bottom < window.innerHeight; })()",
        timeout=WAIT,
    )
    box = page.evaluate(
        "(n) => { const v = window.flowgenView; const c = v.coordsAtPos(v.state.doc.line(n).from + 3);"
        " return [c.left, c.top, c.bottom]; }",
        line,
    )
    page.mouse.move(box[0] + 2, (box[1] + box[2]) / 2)
    assert page.wait_for_selector(".fg-hover", timeout=WAIT).inner_text() == "ktu = Kepala Subbagian Tata Usaha"
    arrow = line_of(text, "tidak -> kembalikan")
    cursor_to(page, arrow, text.split("\n")[arrow - 1].index("kembalikan") + 3)
    page.keyboard.press("F12")
    wait_for_cursor_line(page, line_of(text, "[kembalikan] pu"))


def test_new_sop_button_makes_a_file_from_the_template(page: Any, served: Served) -> None:
    open_copy(page, served, "lain.pos")
    page.once("dialog", lambda dialog: dialog.accept("Surat Keluar"))
    page.click("#new")
    page.wait_for_function("document.getElementById('title').textContent === 'surat-keluar.pos'", timeout=WAIT)
    page.wait_for_selector("#drawing svg g.fg-step", timeout=WAIT)
    assert (served.folder / "surat-keluar.pos").read_text(encoding="utf-8").startswith("# Surat Keluar\n")
    assert page.inner_text("#problems-list") == "Tidak ada masalah"


def test_lampiran_page_by_page_follows_the_cursor_and_downloads_a_pdf(page: Any, served: Served) -> None:
    open_copy(page, served, "lampiran.pos")
    page.select_option("#form", "lampiran")
    page.wait_for_selector("#pager:not([hidden])", timeout=WAIT)
    pages = int(page.inner_text("#page-no").split("/")[1])
    assert page.inner_text("#page-no") == f"Halaman 1 / {pages}" and pages >= 2
    cursor_to_line_end(page, line_of(EXAMPLE.read_text(encoding="utf-8"), "Surat selesai diproses"))
    page.wait_for_selector("#drawing g.fg-current[data-step='10']", timeout=WAIT)
    assert page.inner_text("#page-no") != f"Halaman 1 / {pages}"  # the identity sheet has no steps
    with page.expect_download(timeout=WAIT) as download:
        page.click("[data-download='pdf']")
    assert download.value.suggested_filename == "lampiran.lampiran.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
