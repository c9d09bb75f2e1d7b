"""flowgen diff: hand-made revision pairs, each covering one family of changes, with exact reports."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import flowgen
from flowgen.cli import main
from flowgen.cycle.diff import compare
from flowgen.cycle.diff_text import to_json, to_text

BASE = """judul: Tes
nomor: 001/2021
efektif: 2021-01-04
disahkan: Direktur
dasar-hukum:
  - Peraturan A
  - Peraturan B
pelaksana:
  pu = Pengadministrasi Umum
  ktu = Kepala Subbagian Tata Usaha
  dir = Direktur
alur:
  mulai pu: Menerima berkas permohonan
  [periksa] pu: Memeriksa kelengkapan berkas
    kelengkapan: Formulir
    waktu: 10 menit
    output: Berkas terperiksa
  ? ktu: Berkas lengkap?
    ya -> setuju
    tidak -> kembalikan
  [kembalikan] pu: Mengembalikan berkas kepada pemohon -> akhir
  [setuju] dir: Menyetujui permohonan
    keterangan: Paraf basah
  pu: Mengarsipkan berkas
  pu: Mengirim salinan kepada pemohon
  [akhir] selesai pu: Permohonan selesai
"""


def edit(*pairs: tuple[str, str]) -> str:
    text = BASE
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


IDENTITY = edit(
    (
        "nomor: 001/2021\nefektif: 2021-01-04\ndisahkan: Direktur\n",
        "nomor: 001/2022\nefektif: 4 Januari 2021\nrevisi: 2022-01-10\ndisahkan: Direktur; Budi Santoso; NIP 1970\n",
    ),
    ("  - Peraturan B", "  - Peraturan C"),
)
ACTORS = edit(
    ("ktu = Kepala Subbagian Tata Usaha\n  dir = Direktur", "ktu = Kepala Bagian Tata Usaha\n  kbu = Kepala Biro Umum"),
    ("[setuju] dir:", "[setuju] kbu:"),
)
STEPS = edit(
    (
        "[periksa] pu: Memeriksa kelengkapan berkas\n    kelengkapan: Formulir\n    waktu: 10 menit\n"
        "    output: Berkas terperiksa\n",
        "[periksa] pu+ktu: Memeriksa kelengkapan dan keaslian berkas\n    kelengkapan: Formulir isian\n"
        "    waktu: 15 menit\n",
    ),
    (
        "    tidak -> kembalikan\n",
        "    tidak -> kembalikan\n  [setuju] ? dir: Permohonan disetujui?\n    ya -> kirim\n    tidak -> kembalikan\n",
    ),
    (
        "  [setuju] dir: Menyetujui permohonan\n    keterangan: Paraf basah\n  pu: Mengarsipkan berkas\n"
        "  pu: Mengirim salinan kepada pemohon\n",
        "  [kirim] pu: Mengirim salinan kepada pemohon\n  pu: Memperbarui basis data\n",
    ),
)
ARROWS = edit(
    ("    ya -> setuju\n    tidak -> kembalikan\n", "    ya -> arsip\n    belum -> kembalikan\n"),
    ("pemohon -> akhir\n", "pemohon -> periksa\n  [arsip] pu: Mengarsipkan berkas\n"),
    ("Paraf basah\n  pu: Mengarsipkan berkas\n", "Paraf basah\n"),
)


def report(new: str, lang: str = "en", **kwargs: object) -> str:
    old_p, new_p = flowgen.parse(BASE, "old.pos"), flowgen.parse(new, "new.pos")
    return to_text(compare(old_p, new_p, **kwargs), lang)  # type: ignore[arg-type]


def test_same_procedure_has_no_change() -> None:
    rewritten = BASE.replace("efektif: 2021-01-04", "efektif: 04/01/2021").replace(
        "  - Peraturan A\n", "  - Peraturan A\n\n"
    )
    assert report(rewritten) == "Changes old.pos → new.pos\nNo change in meaning.\n"


def test_identity_fields_and_lists() -> None:
    assert report(IDENTITY) == (
        "Changes old.pos → new.pos\n\n"
        "Identity\n"
        '  ~ number: "001/2021" → "001/2022"\n'
        '  ~ revision date: (empty) → "2022-01-10"\n'
        '  ~ approved by: "Direktur" → "Direktur; Budi Santoso; NIP 1970"\n'
        '  - legal basis: "Peraturan B"\n'
        '  + legal basis: "Peraturan C"\n\n'
        "5 change(s)\n"
    )


def test_identity_in_indonesian() -> None:
    assert report(IDENTITY, "id") == (
        "Perubahan old.pos → new.pos\n\n"
        "Identitas\n"
        '  ~ nomor: "001/2021" → "001/2022"\n'
        '  ~ tanggal revisi: (kosong) → "2022-01-10"\n'
        '  ~ disahkan oleh: "Direktur" → "Direktur; Budi Santoso; NIP 1970"\n'
        '  - dasar hukum: "Peraturan B"\n'
        '  + dasar hukum: "Peraturan C"\n\n'
        "5 perubahan\n"
    )


def test_actors_renamed_removed_added() -> None:
    assert report(ACTORS) == (
        "Changes old.pos → new.pos\n\n"
        "Actors\n"
        "  ~ ktu = Kepala Subbagian Tata Usaha → ktu = Kepala Bagian Tata Usaha (renamed)\n"
        "  - dir = Direktur\n"
        "  + kbu = Kepala Biro Umum\n\n"
        "Steps\n"
        '  ~ step 5 actors: "Direktur" → "Kepala Biro Umum"\n\n'
        "4 change(s)\n"
    )


def test_actor_with_a_new_key_is_the_same_actor() -> None:
    rekeyed = BASE.replace("dir = Direktur", "kdir = Direktur").replace("[setuju] dir:", "[setuju] kdir:")
    assert report(rekeyed) == (
        "Changes old.pos → new.pos\n\nActors\n  ~ dir = Direktur → kdir = Direktur (renamed)\n\n1 change(s)\n"
    )


def test_steps_added_removed_moved_reworded_and_mutu_baku() -> None:
    assert report(STEPS) == (
        "Changes old.pos → new.pos\n\n"
        "Steps\n"
        '  ~ step 2 activity: "Memeriksa kelengkapan berkas" → "Memeriksa kelengkapan dan keaslian berkas"\n'
        '  ~ step 2 actors: "Pengadministrasi Umum" → "Pengadministrasi Umum + Kepala Subbagian Tata Usaha"\n'
        '  ~ step 2 requirements: "Formulir" → "Formulir isian"\n'
        '  ~ step 2 time: "10 menit" → "15 menit"\n'
        '  ~ step 2 output: "Berkas terperiksa" → (empty)\n'
        '  ~ step 4 (was 5) activity: "Menyetujui permohonan" → "Permohonan disetujui?"\n'
        '  ~ step 4 (was 5) symbol: "activity" → "decision"\n'
        '  ~ step 4 (was 5) notes: "Paraf basah" → (empty)\n'
        '  ↕ step 5 (was 4) moved: "Mengembalikan berkas kepada pemohon"\n'
        '  - old step 6: "Mengarsipkan berkas"\n'
        '  + step 7: "Memperbarui basis data"\n\n'
        "Arrows and branches\n"
        "  + 4 (was 5) → 5 (was 4) [tidak]\n"
        "  - 4 (was 5) → old 6\n"
        "  + 4 (was 5) → 6 (was 7) [ya]\n"
        "  - old 6 → 6 (was 7)\n"
        "  + 6 (was 7) → 7\n"
        "  - 6 (was 7) → 8\n"
        "  + 7 → 8\n\n"
        "18 change(s)\n"
    )


def test_arrows_relabelled_branch_added_removed() -> None:
    assert report(ARROWS) == (
        "Changes old.pos → new.pos\n\n"
        "Steps\n"
        '  ↕ step 6 (was 5) moved: "Menyetujui permohonan"\n\n'
        "Arrows and branches\n"
        '  ~ 3 → 4 label changed: "tidak" → "belum"\n'
        '  ~ 3: branch \'ya\' now goes to step 5 "Mengarsipkan berkas" (was to "Menyetujui permohonan")\n'
        "  + 4 → 2\n"
        "  - 4 → 8\n"
        "  + 5 (was 6) → 6 (was 5)\n"
        "  - 5 (was 6) → 7\n"
        "  - 6 (was 5) → 5 (was 6)\n"
        "  + 6 (was 5) → 7\n\n"
        "9 change(s)\n"
    )


def test_arrows_as_json() -> None:
    data = to_json(compare(flowgen.parse(BASE, "old.pos"), flowgen.parse(ARROWS, "new.pos")))
    arrow = {"section": "arrows"}
    assert data["counts"] == {"history": 0, "identity": 0, "actors": 0, "steps": 1, "arrows": 8}
    assert data["changes"] == [
        {"section": "steps", "kind": "moved", "new": "Menyetujui permohonan", "old_step": 5, "new_step": 6},
        {
            **arrow,
            "kind": "relabelled",
            "old": "tidak",
            "new": "belum",
            "old_step": 3,
            "new_step": 3,
            "old_target": 4,
            "new_target": 4,
        },
        {
            **arrow,
            "kind": "branch",
            "field": "ya",
            "old": "Menyetujui permohonan",
            "new": "Mengarsipkan berkas",
            "old_step": 3,
            "new_step": 3,
            "old_target": 5,
            "new_target": 5,
        },
        {**arrow, "kind": "added", "old_step": 4, "new_step": 4, "old_target": 2, "new_target": 2},
        {**arrow, "kind": "removed", "old_step": 4, "new_step": 4, "old_target": 8, "new_target": 8},
        {**arrow, "kind": "added", "old_step": 6, "new_step": 5, "old_target": 5, "new_target": 6},
        {**arrow, "kind": "removed", "old_step": 6, "new_step": 5, "old_target": 7, "new_target": 7},
        {**arrow, "kind": "removed", "old_step": 5, "new_step": 6, "old_target": 6, "new_target": 5},
        {**arrow, "kind": "added", "old_step": 5, "new_step": 6, "old_target": 7, "new_target": 7},
    ]
    assert data["schema"] == "flowgen/diff" and data["version"] == 1
    assert data["old"] == {"source": "old.pos", "title": "Tes"}


def test_identity_and_steps_as_json() -> None:
    data = to_json(compare(flowgen.parse(BASE, "old.pos"), flowgen.parse(IDENTITY, "new.pos")))
    assert data["changes"] == [
        {"section": "identity", "kind": "changed", "field": "nomor", "old": "001/2021", "new": "001/2022"},
        {"section": "identity", "kind": "changed", "field": "revisi", "new": "2022-01-10"},
        {
            "section": "identity",
            "kind": "changed",
            "field": "disahkan",
            "old": "Direktur",
            "new": "Direktur; Budi Santoso; NIP 1970",
        },
        {"section": "identity", "kind": "item-removed", "field": "dasar-hukum", "old": "Peraturan B"},
        {"section": "identity", "kind": "item-added", "field": "dasar-hukum", "new": "Peraturan C"},
    ]
    steps = to_json(compare(flowgen.parse(BASE, "old.pos"), flowgen.parse(STEPS, "new.pos")))["changes"]
    assert [(c["kind"], c.get("field")) for c in steps if c["section"] == "steps"] == [
        ("reworded", "kegiatan"),
        ("actors", "pelaksana"),
        ("mutu-baku", "kelengkapan"),
        ("mutu-baku", "waktu"),
        ("mutu-baku", "output"),
        ("reworded", "kegiatan"),
        ("kind", "simbol"),
        ("detail", "keterangan"),
        ("moved", None),
        ("removed", None),
        ("added", None),
    ]


def _revision(number: str, day: str, changes: str, approved_by: str) -> flowgen.Revision:
    return flowgen.Revision(number, flowgen.DateValue(dt.date.fromisoformat(day), day), changes, approved_by)


def test_history_given_by_the_caller() -> None:
    old_history = [_revision("1", "2021-01-04", "Terbit pertama", "Direktur")]
    new_history = [*old_history, _revision("2", "2022-01-10", "Nomor baru", "Direktur")]
    assert report(BASE, old_history=old_history, new_history=new_history) == (
        "Changes old.pos → new.pos\n\n"
        "Revision history\n"
        "  + revision 2: 2022-01-10 · Nomor baru · Direktur\n\n"
        "1 change(s)\n"
    )


HISTORY_OLD = edit(
    (
        "disahkan: Direktur\n",
        "disahkan: Direktur\nriwayat-revisi:\n  - 1; 4 Januari 2021; Terbit pertama; Direktur\n"
        "  - 2; 2021-06-01; Waktu pemeriksaan; Direktur\n",
    )
)
HISTORY_NEW = edit(
    (
        "disahkan: Direktur\n",
        "disahkan: Direktur\nno-revisi: 3\nriwayat-revisi:\n  - 1; 2021-01-04; Terbit pertama; Direktur\n"
        "  - 3; 10 Januari 2022; Langkah arsip\\; salinan; Direktur; Budi Santoso\n",
    )
)


def test_history_read_from_the_files_added_removed_and_changed() -> None:
    """Revision 1 is written differently but is the same day: no change; 2 is gone, 3 is new.

    The Tanggal Revisi is the last revision's, so it changed too (from revision 2's to revision 3's).
    """

    def pair(old: str, new: str, lang: str = "en") -> str:
        return to_text(compare(flowgen.parse(old, "old.pos"), flowgen.parse(new, "new.pos")), lang)

    assert pair(HISTORY_OLD, HISTORY_NEW) == (
        "Changes old.pos → new.pos\n\n"
        "Revision history\n"
        "  + revision 3: 2022-01-10 · Langkah arsip; salinan · Direktur; Budi Santoso\n"
        "  - revision 2: 2021-06-01 · Waktu pemeriksaan · Direktur\n\n"
        "Identity\n"
        '  ~ revision number: (empty) → "3"\n'
        '  ~ revision date: "2021-06-01" → "10 Januari 2022"\n\n'
        "4 change(s)\n"
    )
    rewritten = HISTORY_OLD.replace("Terbit pertama; Direktur", "Terbit; Kepala")
    assert pair(HISTORY_OLD, rewritten, lang="id").splitlines()[2:4] == [
        "Riwayat revisi",
        "  ~ revisi 1: 2021-01-04 · Terbit pertama · Direktur → 2021-01-04 · Terbit · Kepala",
    ]
    data = to_json(compare(flowgen.parse(HISTORY_OLD, "old.pos"), flowgen.parse(HISTORY_NEW, "new.pos")))
    assert data["counts"]["history"] == 2
    assert data["changes"][:2] == [
        {
            "section": "history",
            "kind": "added",
            "field": "3",
            "new": "2022-01-10 · Langkah arsip; salinan · Direktur; Budi Santoso",
        },
        {"section": "history", "kind": "removed", "field": "2", "old": "2021-06-01 · Waktu pemeriksaan · Direktur"},
    ]


def test_colour_only_when_asked() -> None:
    comparison = compare(flowgen.parse(BASE, "old.pos"), flowgen.parse(IDENTITY, "new.pos"))
    assert "\x1b[" not in to_text(comparison)
    coloured = to_text(comparison, color=True)
    assert "\x1b[32m  + legal basis" in coloured and "\x1b[31m  - legal basis" in coloured


def test_cli_two_files_text_and_json(tmp_path: Path) -> None:
    (tmp_path / "old.pos").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.pos").write_text(IDENTITY, encoding="utf-8")
    runner = CliRunner()
    files = [str(tmp_path / "old.pos"), str(tmp_path / "new.pos")]
    text = runner.invoke(main, ["diff", *files])
    assert text.exit_code == 0 and "\x1b[" not in text.output
    assert text.output.splitlines()[3] == '  ~ number: "001/2021" → "001/2022"'
    assert runner.invoke(main, ["diff", "--exit-code", *files]).exit_code == 1
    data = json.loads(runner.invoke(main, ["diff", "--format", "json", *files]).output)
    assert data["counts"]["identity"] == 5


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_cli_file_at_a_git_revision(tmp_path: Path) -> None:
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "p.pos").write_text(BASE, encoding="utf-8")
    subprocess.run([*git, "add", "p.pos"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    (tmp_path / "p.pos").write_text(ACTORS, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "p.pos"), "--rev", "HEAD"])
    assert result.exit_code == 0
    assert result.output.splitlines()[3:6] == [
        "  ~ ktu = Kepala Subbagian Tata Usaha → ktu = Kepala Bagian Tata Usaha (renamed)",
        "  - dir = Direktur",
        "  + kbu = Kepala Biro Umum",
    ]
    missing = CliRunner().invoke(main, ["diff", str(tmp_path / "p.pos"), "--rev", "HEAD~5"])
    assert missing.exit_code == 1
    assert "error: cannot read revision 'HEAD~5' with git: fatal:" in missing.output


def test_cli_revision_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "p.pos").write_text(BASE, encoding="utf-8")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "p.pos"), "--rev", "HEAD~1"])
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        f"{tmp_path / 'p.pos'}: error: cannot read revision 'HEAD~1': the git program is not installed",
        "   hint: install git (apt-get install git), or give the old file itself: flowgen diff OLD.pos NEW.pos",
    ]


def test_cli_needs_two_files_or_a_revision(tmp_path: Path) -> None:
    (tmp_path / "p.pos").write_text(BASE, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "p.pos")])
    assert result.exit_code == 2 and "give two files (OLD NEW), or one file and --rev REVISION" in result.output
