"""The book's cache of what each SOP gives it (flowgen/book/cache.py): fewer files read, never another book."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

import flowgen
from flowgen import manifest
from flowgen.book import build_book
from flowgen.book.cache import CACHE_NAME
from flowgen.book.uptodate import BOOK_ENTRY
from tests.helpers import two_sop_folder
from tests.test_book import make_book

TODAY = dt.date(2026, 12, 1)


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every .pos file flowgen.load reads from now on (the book's collect and its identity sheets use it)."""
    read: list[Path] = []
    load = flowgen.load

    def counting(path: Path) -> flowgen.Procedure:
        read.append(Path(path))
        return load(path)

    monkeypatch.setattr(flowgen, "load", counting)
    return read


def _assembled_afresh(folder: Path, keep_cache: bool = False) -> bytes:
    """The book assembled again with no cache (the book's own entry dropped, so it is not skipped)."""
    if not keep_cache:
        (folder / CACHE_NAME).unlink(missing_ok=True)
    manifest.save(folder, {BOOK_ENTRY: None})
    result = build_book(folder, today=TODAY)
    assert (result.rendered, result.current) == (0, False)
    return result.pdf.read_bytes()


def test_one_sop_changed_reads_only_that_sop_and_makes_the_same_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_book(tmp_path / "buku")
    build_book(folder, today=TODAY)
    source = folder / "tu" / "01-surat-masuk.pos"
    source.write_text(source.read_text(encoding="utf-8").replace("judul:", "judul: Revisi", 1), encoding="utf-8")
    read = _count_reads(monkeypatch)
    result = build_book(folder, today=TODAY)
    assert (result.rendered, result.kept) == (1, 4)
    assert [p for p in read if p != source] == []  # the four others came from the cache
    cached = result.pdf.read_bytes()
    catalogue = (folder / "katalog.json").read_bytes()
    assert _assembled_afresh(folder) == cached
    assert (folder / "katalog.json").read_bytes() == catalogue
    assert "Revisi" in json.loads(catalogue)["sop"][1]["judul"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cold_book_reads_no_sop_after_building_them_and_is_the_book_read_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Each SOP's part (summary, pages, margin, link places) comes from the worker that built it."""
    folder = make_book(tmp_path / "buku")
    read = _count_reads(monkeypatch)
    result = build_book(folder, today=TODAY, jobs=jobs)
    assert (result.rendered, read) == (5, [])
    monkeypatch.undo()
    parts = json.loads((folder / CACHE_NAME).read_text(encoding="utf-8"))["entries"]
    assert sum(box is not None for part in parts.values() for box in part["boxes"]) == 11
    book = result.pdf.read_bytes()
    read = _count_reads(monkeypatch)
    assert _assembled_afresh(folder) == book  # every SOP read and its identity sheet laid out again: the same
    assert len(read) == 5
    assert json.loads((folder / CACHE_NAME).read_text(encoding="utf-8"))["entries"] == parts


def test_a_corrupt_or_foreign_cache_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_book(tmp_path / "buku")
    book = build_book(folder, today=TODAY).pdf.read_bytes()
    cache = folder / CACHE_NAME
    good = json.loads(cache.read_text(encoding="utf-8"))
    assert len(good["entries"]) == 5
    name, entry = next(iter(good["entries"].items()))
    wrong_key = {
        **good,
        "entries": {
            name: {**entry, "summary": [*entry["summary"][:1], "Judul Lain", *entry["summary"][2:]], "key": "0" * 64}
        },
    }
    bad_value = {**good, "entries": {name: {**entry, "pages": "two", "boxes": [[1, 2]]}}}
    for text in ("{", '{"schema": "other", "format": 1, "entries": {}}', json.dumps(wrong_key), json.dumps(bad_value)):
        cache.write_text(text, encoding="utf-8")
        manifest.save(folder, {BOOK_ENTRY: None})
        read = _count_reads(monkeypatch)
        result = build_book(folder, today=TODAY)
        assert result.pdf.read_bytes() == book, text[:40]
        assert read, text[:40]  # something was read again
        monkeypatch.undo()
    assert json.loads(cache.read_text(encoding="utf-8")) == good  # and the cache is whole again


def test_a_changed_style_sheet_reads_every_sop_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = two_sop_folder(tmp_path)
    sheet = folder / "gaya.css"
    sheet.write_text('@import "default";\n', encoding="utf-8")
    (folder / "flowgen.toml").write_text('style = "gaya.css"\n', encoding="utf-8")
    build_book(folder, today=TODAY)
    sheet.write_text('@import "default";\n@page { margin: 12mm 12mm 30mm 12mm; }\n', encoding="utf-8")
    read = _count_reads(monkeypatch)
    result = build_book(folder, today=TODAY)
    assert (result.rendered, result.current) == (2, False)
    assert read == []  # both built again: each part (the new bottom margin) came from its build, none from the cache
    cached = json.loads((folder / CACHE_NAME).read_text(encoding="utf-8"))
    assert [entry["bottom"] for entry in cached["entries"].values()] == [pytest.approx(30 * 72 / 25.4)] * 2
    monkeypatch.undo()
    assert _assembled_afresh(folder) == result.pdf.read_bytes()


def test_the_books_own_pages_are_painted_again_when_their_cached_pdf_is_not_the_one_recorded(tmp_path: Path) -> None:
    folder = make_book(tmp_path / "buku")
    book = build_book(folder, today=TODAY).pdf.read_bytes()
    painted = sorted(folder.glob(".flowgen-book-cache.*.pdf"))
    names = [p.name for p in painted]
    assert ".flowgen-book-cache.page-numbers.pdf" in names and ".flowgen-book-cache.daftar-isi.pdf" in names
    for path in painted:
        path.write_bytes(path.read_bytes()[:-40] + b"0" * 40)  # the same size, other bytes
    (folder / "old.pdf").write_bytes(b"")
    (folder / ".flowgen-book-cache.title-page.pdf").write_bytes(b"not a part of this book")
    assert _assembled_afresh(folder, keep_cache=True) == book
    assert sorted(p.name for p in folder.glob(".flowgen-book-cache.*.pdf")) == names
    assert all(PdfReader(p).pages for p in folder.glob(".flowgen-book-cache.*.pdf"))
