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
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf

import flowgen
from flowgen.book import catalogue
from flowgen.book.cache import BookCache
from flowgen.book.collect import Box, Collection, Entry, Known, Summary, collect
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


def _open_pdf(path: Path | io.BytesIO) -> Pdf:
    """A PDF to insert, read once (its page count now, its pages when the book is put together).

    Read into memory, as pypdf did: qpdf reading a file keeps it open until the book is saved, and a
    book of a thousand SOPs would run out of file handles.
    """
    try:
        pdf = Pdf.open(io.BytesIO(path.read_bytes()) if isinstance(path, Path) else path)
        len(pdf.pages)
        return pdf
    except Exception as exc:  # qpdf raises many kinds for a broken file
        name = path.name if isinstance(path, Path) else "?"
        raise flowgen.RenderError(
            [
                flowgen.Diagnostic(
                    flowgen.Severity.ERROR,
                    "book-bad-pdf",
                    flowgen.Span(str(path), 0),
                    {"path": name, "reason": str(exc)},
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


def _link(book: Pdf, index: int, rect: tuple[float, float, float, float], target: int) -> None:
    """A link annotation on page ``index`` to page ``target`` (both from 0): no border, the whole page in view."""
    page = book.pages[index].obj
    annot = book.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Link,
            Rect=Array([float(v) for v in rect]),
            Border=Array([0, 0, 0]),
            Dest=Array([book.pages[target].obj, Name.Fit]),
            P=page,
        )
    )
    annots = page.get("/Annots")
    page.Annots = Array([*(annots if isinstance(annots, Array) else []), annot])


def _reference_links(book: Pdf, references: list[Reference]) -> None:
    """A link over each keterkaitan item on an identity sheet that names an SOP of the book."""
    for ref in references:
        if ref.target is None:
            continue
        entry = ref.source
        box = dict(zip(entry.related, entry.boxes)).get(ref.text)
        if box is not None:
            _link(book, entry.first_page - 1, box, ref.target.first_page - 1)


def _outline(book: Pdf, parts: list[tuple[str, int]], collection: Collection, procedures: str) -> None:
    with book.open_outline() as outline:
        for name, first in parts:
            outline.root.append(OutlineItem(name, first - 1))
        if not collection.entries:
            return
        top = OutlineItem(procedures, collection.entries[0].first_page - 1)
        outline.root.append(top)
        parents: dict[tuple[str, ...], OutlineItem] = {(): top}
        for entry in collection.entries:
            for depth in range(1, len(entry.units) + 1):
                chain = entry.units[:depth]
                if chain not in parents:
                    first = next(e.first_page for e in collection.entries if e.units[:depth] == chain)
                    parents[chain] = OutlineItem(chain[-1], first - 1)
                    parents[chain[:-1]].children.append(parents[chain])
            title = f"{entry.number} — {entry.title}" if entry.number else entry.title
            parents[entry.units].children.append(OutlineItem(title, entry.first_page - 1))


def _contents_links(book: Pdf, links: list[ContentsLink], targets: dict[str, int], first: int) -> None:
    box = book.pages[first - 1].mediabox
    height = float(box[3]) - float(box[1])
    for link in links:
        target = targets.get(link.target)
        if target is not None:
            x0, y0, x1, y1 = link.box
            _link(book, first - 1 + link.page, (x0, height - y1, x1, height - y0), target - 1)


def _pdf(
    style: ResolvedStyle,
    config: BookConfig,
    collection: Collection,
    year: int,
    sources: dict[Path, Pdf],
    render: Callable[[Document], bytes],
) -> tuple[Pdf, list[Pdf], list[tuple[int, bytes]], list[Reference]]:
    """The whole book, the PDFs it copies from (open until it is saved), its own pages' SVG twins, the references."""
    parts, links, firsts = _plan(style, config, collection, year)
    book = Pdf.new()
    opened: list[Pdf] = list(sources.values())
    part_pages: list[tuple[str, int]] = []
    svgs: list[tuple[int, bytes]] = []
    for name, content in parts:
        first = len(book.pages) + 1
        part_pages.append((name, first))
        if isinstance(content, Path):
            opened.append(_open_pdf(content))
        else:
            opened.append(_open_pdf(io.BytesIO(render(Document(tuple(content), name)))))
            svgs += [(first + i, render_svg(page)) for i, page in enumerate(content)]
        book.add_pages_from(opened[-1])
    sop_start, bottoms = len(book.pages), []
    for entry in collection.entries:
        book.add_pages_from(sources[entry.path])  # with its form fields (a signed copy's), as pypdf's append
        bottoms += [entry.bottom] * entry.pages
    opened += stamp_numbers(book, style, sop_start, bottoms, render)
    targets = {e.relative: e.first_page for e in collection.entries}
    targets.update({f"part:{name}": first for name, first in firsts.items()})
    _contents_links(book, links, targets, firsts[label(style, "daftar-isi")])
    references = resolve(collection.entries)
    _reference_links(book, references)
    _outline(book, part_pages, collection, label(style, "prosedur"))
    book.docinfo = book.make_indirect(
        Dictionary(Title=config.title, Creator="flowgen", Subject=config.unit or config.agency)
    )
    book.Root.PageMode = Name.UseOutlines
    return book, opened, svgs, references


def _save(book: Pdf) -> bytes:
    """The book's bytes: every stream copied as it was stored, the same bytes for the same book."""
    buffer = io.BytesIO()
    book.save(
        buffer,
        compress_streams=False,  # the SOPs' streams are kept as stored; flowgen's own are small
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
        deterministic_id=True,
    )
    return buffer.getvalue()


def assemble(folder: Path, out: Path, config: BookConfig, built: Built, today: dt.date, result: BookResult) -> None:
    """Put the book together from every SOP's part (its worker's, the cache's, else read now), then write
    the book PDF, its SVG twins and the catalogue."""
    style = book_style(folder)
    cache = BookCache(folder, out, config.review_months)
    keys: dict[Path, str | None] = {}
    found: dict[Path, Known] = {}

    def known(path: Path) -> Summary | None:
        keys[path] = cache.key(path)
        hit = built.parts.get(path) or cache.get(path, keys[path])  # from its worker, else from the cache
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
    readers: dict[Path, Pdf] = {}
    builder = Builder(OPTIONS)
    for index, entry in enumerate(collection.entries):
        readers[entry.path] = _open_pdf(files_for(entry.path, folder, out).pdf)
        pages = len(readers[entry.path].pages)
        part = found.get(entry.path)
        hit = part is not None and part.pages == pages
        if part is None or not hit:
            part = _measure(entry, collection.procedures.get(entry.path), builder, pages)
        cache.put(entry.path, keys.get(entry.path), part, read=not hit)
        collection.entries[index] = replace(entry, pages=pages, bottom=part.bottom, boxes=part.boxes)
    years = [e.effective.year for e in collection.entries if e.effective is not None]
    year = config.year or (max(years) if years else today.year)
    book, _opened, svgs, references = _pdf(style, config, collection, year, readers, cache.render)
    _write(result.pdf, _save(book))
    cache.save()
    result.written.append(result.pdf)
    for number, svg in svgs:
        path = out / f"{BOOK_NAME}.halaman-{number}.svg"
        _write(path, svg)
        result.written.append(path)
    result.pages = len(book.pages)
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
