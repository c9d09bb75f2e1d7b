"""``flowgen book DIR``: the Dokumen SOP AP of a folder as one PDF, with its catalogue.

The order is Bab II.C's: Halaman Judul, Keputusan Pimpinan, Daftar Isi,
Penjelasan Singkat Penggunaan, then every SOP's lampiran grouped by unit.
The book's own pages are numbered on from the cover (which shows no number);
the SOP pages are inserted as rendered (and as signed), with the book's page
number laid in their bottom margin (:mod:`flowgen.book.stamp`), so the Daftar
Isi's page numbers can be followed on paper and are the PDF's own page numbers.
Bookmarks follow the parts, the units and the SOPs; the contents rows and the
cross-references (keterkaitan) are links.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link as PdfLink
from pypdf.generic import IndirectObject

import flowgen
from flowgen.book import catalogue
from flowgen.book.cache import BookCache, Known
from flowgen.book.collect import Box, Collection, Entry, Summary, collect
from flowgen.book.config import BookConfig
from flowgen.book.contents import Link as ContentsLink
from flowgen.book.contents import Row, contents_pages, revision_cell
from flowgen.book.links import identity_page, item_boxes
from flowgen.book.pages import cover_page, decree_pages, label, notes_pages
from flowgen.book.refs import Reference, resolve
from flowgen.book.result import BOOK_NAME, BookResult, book_error
from flowgen.book.sops import OPTIONS, Built, files_for
from flowgen.book.stamp import stamp_numbers
from flowgen.build import Builder, style_files
from flowgen.render.pdf import render_pdf
from flowgen.render.scene import Document, Page
from flowgen.render.svg import render_svg
from flowgen.style.resolve import ResolvedStyle


def date_text(day: dt.date | None, style: ResolvedStyle) -> str:
    """A date for the contents: the style's month name cut to three letters (1 Jul 2026), so it fits a column."""
    if day is None:
        return "-"
    month = style.labels.months[day.month - 1]
    return f"{day.day} {month[:3]} {day.year}"


def book_style(folder: Path) -> ResolvedStyle:
    """The folder's style (flowgen.toml's ``style``, else the default sheet)."""
    return flowgen.resolve_style(None, None, folder / "flowgen.toml")


def _open_pdf(path: Path) -> PdfReader:
    """A PDF to insert, read once (its page count now, its pages when the book is put together)."""
    try:
        reader = PdfReader(path)
        len(reader.pages)
        return reader
    except Exception as exc:  # pypdf raises many kinds for a broken file
        raise flowgen.RenderError(
            [
                flowgen.Diagnostic(
                    flowgen.Severity.ERROR,
                    "book-bad-pdf",
                    flowgen.Span(str(path), 0),
                    {"path": path.name, "reason": str(exc)},
                )
            ]
        ) from None


def _rows(style: ResolvedStyle, collection: Collection, front: list[tuple[str, int]]) -> list[Row]:
    rows = [Row(("", "", name, "", "", str(page)), target=f"part:{name}") for name, page in front]
    seen: tuple[str, ...] = ()
    number = 0
    for units, entries in collection.groups():
        shared = 0
        while shared < min(len(seen), len(units)) and seen[shared] == units[shared]:
            shared += 1
        for depth in range(shared, len(units)):
            rows.append(Row((units[depth],), group=True, depth=depth))
        seen = units
        for entry in entries:
            number += 1
            texts = (
                str(number),
                entry.number or "-",
                entry.title,
                date_text(entry.effective, style),
                revision_cell(entry.revision, date_text(entry.revised, style)),
                str(entry.first_page),
            )
            rows.append(Row(texts, target=entry.relative))
    return rows


def _number_sops(collection: Collection, start: int) -> None:
    page = start
    for index, entry in enumerate(collection.entries):
        collection.entries[index] = replace(entry, first_page=page)
        page += entry.pages


def _plan(
    style: ResolvedStyle, config: BookConfig, collection: Collection, year: int | None
) -> tuple[list[tuple[str, list[Page] | Path]], list[ContentsLink], dict[str, int]]:
    """The parts in order (scene pages or an inserted PDF), the contents links, and each part's first page."""
    cover = [cover_page(style, config, year)]
    decree: list[Page] | Path | None = None
    decree_count = 0
    if config.decree is not None and config.decree.suffix.lower() == ".pdf":
        decree, decree_count = config.decree, len(_open_pdf(config.decree).pages)
    elif config.decree is not None:
        decree = decree_pages(style, config.decree.read_text(encoding="utf-8"), 2)
        decree_count = len(decree)
    contents_first = 2 + decree_count
    notes_probe = notes_pages(style, config, 0)
    names = {key: label(style, key) for key in ("keputusan", "daftar-isi", "penjelasan")}
    probe_front = [(names["keputusan"], 2)] if decree_count else []
    probe_front += [(names["penjelasan"], 0)]
    _number_sops(collection, 0)
    probe, _ = contents_pages(style, _rows(style, collection, probe_front), contents_first)
    notes_first = contents_first + len(probe)
    sop_first = notes_first + len(notes_probe)
    _number_sops(collection, sop_first)
    front = ([(names["keputusan"], 2)] if decree_count else []) + [(names["penjelasan"], notes_first)]
    contents, links = contents_pages(style, _rows(style, collection, front), contents_first)
    notes = notes_pages(style, config, notes_first)
    parts: list[tuple[str, list[Page] | Path]] = [(label(style, "halaman-judul"), cover)]
    if decree is not None:
        parts.append((names["keputusan"], decree))
    parts += [(names["daftar-isi"], contents), (names["penjelasan"], notes)]
    firsts = {names["keputusan"]: 2, names["daftar-isi"]: contents_first, names["penjelasan"]: notes_first}
    return parts, links, firsts


def _reference_links(writer: PdfWriter, references: list[Reference]) -> None:
    """A link over each keterkaitan item on an identity sheet that names an SOP of the book."""
    for ref in references:
        if ref.target is None:
            continue
        entry = ref.source
        box = dict(zip(entry.related, entry.boxes)).get(ref.text)
        if box is not None:
            writer.add_annotation(entry.first_page - 1, PdfLink(rect=box, target_page_index=ref.target.first_page - 1))


def _outline(writer: PdfWriter, parts: list[tuple[str, int]], collection: Collection, procedures: str) -> None:
    for name, first in parts:
        writer.add_outline_item(title=name, page_number=first - 1)
    if not collection.entries:
        return
    top = writer.add_outline_item(title=procedures, page_number=collection.entries[0].first_page - 1)
    parents: dict[tuple[str, ...], IndirectObject] = {(): top}
    for entry in collection.entries:
        for depth in range(1, len(entry.units) + 1):
            chain = entry.units[:depth]
            if chain not in parents:
                first = next(e.first_page for e in collection.entries if e.units[:depth] == chain)
                parents[chain] = writer.add_outline_item(
                    title=chain[-1], page_number=first - 1, parent=parents[chain[:-1]]
                )
        title = f"{entry.number} — {entry.title}" if entry.number else entry.title
        writer.add_outline_item(title=title, page_number=entry.first_page - 1, parent=parents[entry.units])


def _contents_links(writer: PdfWriter, links: list[ContentsLink], targets: dict[str, int], first: int) -> None:
    height = float(writer.pages[first - 1].mediabox.height)
    for link in links:
        target = targets.get(link.target)
        if target is not None:
            x0, y0, x1, y1 = link.box
            rect = (x0, height - y1, x1, height - y0)
            writer.add_annotation(first - 1 + link.page, PdfLink(rect=rect, target_page_index=target - 1))


def _pdf(
    style: ResolvedStyle, config: BookConfig, collection: Collection, year: int, readers: dict[Path, PdfReader]
) -> tuple[PdfWriter, list[tuple[int, bytes]], list[Reference]]:
    """The whole book as a PDF writer, the SVG twins of its own pages (by page number), the references."""
    parts, links, firsts = _plan(style, config, collection, year)
    writer = PdfWriter()
    part_pages: list[tuple[str, int]] = []
    svgs: list[tuple[int, bytes]] = []
    for name, content in parts:
        part_pages.append((name, len(writer.pages) + 1))
        if isinstance(content, Path):
            writer.append(str(content))
            continue
        first = len(writer.pages) + 1
        writer.append(io.BytesIO(render_pdf(Document(tuple(content), name))))
        svgs += [(first + i, render_svg(page)) for i, page in enumerate(content)]
    sop_start, bottoms = len(writer.pages), []
    for entry in collection.entries:
        writer.append(readers[entry.path])
        bottoms += [entry.bottom] * entry.pages
    stamp_numbers(writer, style, sop_start, bottoms)
    targets = {e.relative: e.first_page for e in collection.entries}
    targets.update({f"part:{name}": first for name, first in firsts.items()})
    _contents_links(writer, links, targets, firsts[label(style, "daftar-isi")])
    references = resolve(collection.entries)
    _reference_links(writer, references)
    _outline(writer, part_pages, collection, label(style, "prosedur"))
    writer.add_metadata({"/Title": config.title, "/Creator": "flowgen", "/Subject": config.unit or config.agency})
    writer.page_mode = "/UseOutlines"
    return writer, svgs, references


def assemble(folder: Path, out: Path, config: BookConfig, built: Built, today: dt.date, result: BookResult) -> None:
    """Read every SOP that was built, then write the book PDF, its SVG twins and the catalogue."""
    style = book_style(folder)
    cache = BookCache(folder, out, config.review_months)
    keys: dict[Path, str | None] = {}
    found: dict[Path, Known] = {}

    def known(path: Path) -> Summary | None:
        keys[path] = cache.key(path)
        hit = cache.get(path, keys[path])
        if hit is not None:
            found[path] = hit
        return hit.summary if hit is not None else None

    collection = collect(folder, config.unit, config.review_months, set(built.failures), known)
    if not collection.entries:
        if collection.unread:
            raise flowgen.SourceError([d for u in collection.unread for d in u.diagnostics if d.is_error])
        raise book_error("book-empty", folder)
    for unread in collection.unread:
        result.failures.setdefault(unread.path, unread.diagnostics[0].format(context=False))
    readers: dict[Path, PdfReader] = {}
    builder = Builder(OPTIONS)
    for index, entry in enumerate(collection.entries):
        readers[entry.path] = _open_pdf(files_for(entry.path, folder, out).pdf)
        pages = len(readers[entry.path].pages)
        part = found.get(entry.path)
        if part is None or part.pages != pages:
            part = _measure(entry, collection.procedures.get(entry.path), builder, pages)
        cache.put(entry.path, keys.get(entry.path), part)
        collection.entries[index] = replace(entry, pages=pages, bottom=part.bottom, boxes=part.boxes)
    cache.save()
    years = [e.effective.year for e in collection.entries if e.effective is not None]
    year = config.year or (max(years) if years else today.year)
    writer, svgs, references = _pdf(style, config, collection, year, readers)
    buffer = io.BytesIO()
    writer.write(buffer)
    _write(result.pdf, buffer.getvalue())
    result.written.append(result.pdf)
    for number, svg in svgs:
        path = out / f"{BOOK_NAME}.halaman-{number}.svg"
        _write(path, svg)
        result.written.append(path)
    result.pages = len(writer.pages)
    result.entries = len(collection.entries)
    result.written += catalogue.write_catalogue(
        collection.entries, references, folder, out, today, style, config.title, config.unit
    )
    result.deps = [*style_files(style), *(p for p in (config.decree, config.logo) if p is not None)]


def _measure(entry: Entry, procedure: flowgen.Procedure | None, builder: Builder, pages: int) -> Known:
    """What the book needs of an SOP's style and identity sheet: its bottom margin, its keterkaitan items' places.

    The places come from the identity sheet laid out again as its PDF was painted
    (:mod:`flowgen.book.links`); the cache keeps them for the next book.
    """
    procedure = procedure if procedure is not None else flowgen.load(entry.path)
    style = builder.style_for(procedure, entry.path)
    boxes: tuple[Box | None, ...] = ()
    if entry.related:
        boxes = tuple(item_boxes(identity_page(procedure, style, pages), entry.related))
    return Known(entry.summary, pages, style.page[1][2], boxes)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)
