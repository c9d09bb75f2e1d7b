"""``flowgen watch``: a build at start, then one per save, with the diagnostics printed."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SURAT = (ROOT / "examples" / "surat-masuk.pos").read_text(encoding="utf-8")


def lines_until(lines: queue.Queue[str], needle: str) -> list[str]:
    seen: list[str] = []
    while True:
        line = lines.get(timeout=120)  # a bound on waiting for the watcher, not a measurement
        seen.append(line)
        if needle in line:
            return seen


def test_watch_rebuilds_on_save_and_prints_diagnostics(tmp_path: Path) -> None:
    source = tmp_path / "a.pos"
    source.write_text(SURAT, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "flowgen", "--lang", "id", "watch", str(tmp_path), "--style", "default"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    stdout = process.stdout

    def pump() -> None:
        for line in stdout:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    try:
        assert lines_until(lines, f"dibangun: {source}")[0].startswith("memantau ")
        assert (tmp_path / "a.flowchart.svg").exists()
        before = (tmp_path / "a.flowchart.svg").stat().st_mtime_ns
        source.write_text(SURAT.replace("  ktu: Meneruskan", "  kxu: Meneruskan"), encoding="utf-8")
        seen = lines_until(lines, f"{source}: gagal")
        assert any("galat: pelaksana 'kxu' tidak dikenal" in line for line in seen)
        assert (tmp_path / "a.flowchart.svg").stat().st_mtime_ns == before  # the last good outputs stay
        source.write_text(SURAT.replace("Meneruskan surat", "Meneruskan surat asli"), encoding="utf-8")
        lines_until(lines, f"dibangun: {source}")
        assert "Meneruskan surat asli" in (tmp_path / "a.flowchart.svg").read_text(encoding="utf-8")
    finally:
        process.terminate()
        process.wait(20)
        process.stdout.close()
