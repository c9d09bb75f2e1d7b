"""The bodies of ``flowgen diff`` and ``flowgen monev``: options in, files and text out.

``flowgen/cli.py`` keeps only the click declarations and calls these, so the cycle's commands can be
tested (and changed) without touching the shared command module.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import flowgen
from flowgen import FlowgenError, Span
from flowgen.cycle.diff import compare
from flowgen.cycle.diff_text import to_json, to_text
from flowgen.cycle.monev import form_rows, report_json
from flowgen.cycle.sources import collect, load_at_revision
from flowgen.cycle.words import document_language

FORMS_XLSX = "monev.xlsx"
FORMS_PDF = "monev.pdf"
REPORT_PDF = "laporan-monev.pdf"
REPORT_JSON = "laporan-monev.json"


def _revisions(files: Sequence[Path], revision: str | None) -> tuple[flowgen.Procedure, flowgen.Procedure]:
    """OLD and NEW: two files, or one file at a git revision and as it is now."""
    if revision is not None:
        if len(files) != 1:
            raise ValueError("--rev compares one file with itself at a git revision: give exactly one file")
        return load_at_revision(files[0], revision), flowgen.load(files[0])
    if len(files) != 2:
        raise ValueError("give two files (OLD NEW), or one file and --rev REVISION")
    return flowgen.load(files[0]), flowgen.load(files[1])


def diff_report(files: Sequence[Path], revision: str | None, fmt: str, lang: str, color: bool) -> tuple[str, bool]:
    """The report of ``flowgen diff`` (text or JSON) and whether anything changed."""
    old, new = _revisions(files, revision)
    comparison = compare(old, new)
    if fmt == "json":
        return json.dumps(to_json(comparison), ensure_ascii=False, indent=2) + "\n", not comparison.same
    return to_text(comparison, lang, color), not comparison.same


def diff_marked(
    files: Sequence[Path], revision: str | None, fmt: str, out: Path | None, style: str | None, doc_lang: str | None
) -> tuple[list[Path], bool]:
    """``flowgen diff --format pdf|svg``: NEW's lampiran with the changed rows marked, beside NEW or in ``out``."""
    from flowgen.cycle.diff_marks import marked_document
    from flowgen.render.pdf import render_pdf
    from flowgen.render.svg import render_svg

    old, new = _revisions(files, revision)
    comparison = compare(old, new)
    source = files[-1]
    resolved = flowgen.resolve_style(style, new, source=source)
    document = marked_document(new, comparison, resolved, doc_lang or document_language(resolved))
    stem = source.name.removesuffix(".pos")
    if fmt == "pdf":
        outputs = {f"{stem}.diff.pdf": render_pdf(document)}
    else:
        outputs = {f"{stem}.diff-{i}.svg": render_svg(page) for i, page in enumerate(document.pages, start=1)}
    return write_files(out or source.parent, outputs), not comparison.same


def write_files(folder: Path, outputs: dict[str, bytes]) -> list[Path]:
    """Each output written whole (a temporary file renamed over the old one)."""
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in outputs.items():
            path = folder / name
            fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(temp, 0o644)
            os.replace(temp, path)
            written.append(path)
    except OSError as exc:
        reason = f"{exc.strerror or exc}: {exc.filename or folder}"
        raise FlowgenError.single("output-failed", Span(str(folder), 0, 1, 0), reason=reason) from None
    return written


def _style(style: str | None, source: Path) -> Any:
    return flowgen.resolve_style(style, None, source=source)


def monev_forms(
    paths: Sequence[Path], out: Path, formats: Sequence[str], style: str | None, doc_lang: str | None
) -> list[Path]:
    """``flowgen monev DIR|FILE...``: the blank forms (XLSX and PDF) for every procedure found."""
    from flowgen.cycle.monev_pdf import forms_document
    from flowgen.cycle.monev_xlsx import monev_workbook

    entries = collect(tuple(paths))
    resolved = _style(style, paths[0])
    lang = doc_lang or document_language(resolved)
    rows = form_rows(entries)
    outputs: dict[str, bytes] = {}
    if "xlsx" in formats:
        outputs[FORMS_XLSX] = monev_workbook(rows, lang)
    if "pdf" in formats:
        outputs[FORMS_PDF] = forms_document(rows, resolved, lang)
    return write_files(out, outputs)


def monev_report(filled: Path, out: Path, style: str | None, doc_lang: str | None) -> list[Path]:
    """``flowgen monev --read filled.xlsx``: the Laporan Hasil Monitoring dan Evaluasi (PDF and JSON)."""
    from flowgen.cycle.monev_pdf import report_document
    from flowgen.cycle.monev_read import read_monev

    filled_in = read_monev(filled)
    resolved = _style(style, filled)
    # the report's language: the option, else the style asked for, else the workbook's own
    lang = doc_lang or (document_language(resolved) if style is not None else filled_in.language)
    summary = report_json(filled_in.assessments, filled.name, lang, filled_in.period)
    outputs = {
        REPORT_PDF: report_document(filled_in.assessments, resolved, lang, filled_in.period),
        REPORT_JSON: (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
    }
    return write_files(out, outputs)
