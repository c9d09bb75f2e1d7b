"""The monitoring form, the evaluation form and the report, printed (PDF through flowgen's scene painter)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from flowgen.cycle.history import date_of
from flowgen.cycle.monev import CRITERIA_COUNT, Assessment, FormRow, by_unit
from flowgen.cycle.sheet_pdf import Column, Form, Letter, Section, document_pdf, form_pages, forms_pdf, letter_page
from flowgen.cycle.words import criteria, word
from flowgen.style.resolve import ResolvedStyle

WRITING_ROOM = 28.0  # points: the least height of a row of a blank form, to write notes by hand


def _units(rows: Sequence[FormRow]) -> dict[str, list[FormRow]]:
    units: dict[str, list[FormRow]] = {}
    for row in rows:
        units.setdefault(row.unit, []).append(row)
    return units


def _title(row: FormRow, lang: str) -> str:
    """The judul, with its last revision when the history is known."""
    r = row.revision
    if r is None:
        return row.title
    details = ", ".join(x for x in (f"{word(lang, 'revision')} {r.number}".strip(), date_of(r)) if x)
    return f"{row.title} ({details})"


def _period(lang: str) -> str:
    return f"{word(lang, 'period')}: ......................................"


def monitoring_form(rows: Sequence[FormRow], lang: str) -> Form:
    """Tabel 7 Monitoring Pelaksanaan SOP AP, pre-filled with the procedures, blank to assess."""
    w = partial(word, lang)
    columns = (
        Column(w("col-no"), 4, "middle"),
        Column(w("col-nomor"), 14),
        Column(w("col-prosedur"), 26),
        Column(f"{w('col-penilaian')}: {w('baik')}", 10, "middle"),
        Column(f"{w('col-penilaian')}: {w('tidak-baik')}", 10, "middle"),
        Column(w("col-catatan"), 16),
        Column(w("col-tindakan"), 16),
        Column(w("col-paraf"), 7),
    )
    sections = []
    number = 0
    for unit, group in _units(rows).items():
        body = []
        for row in group:
            number += 1
            body.append((str(number), row.number, _title(row, lang), "", "", "", "", ""))
        sections.append(Section(f"{w('unit-label')}: {unit}", tuple(body)))
    return Form(w("monitoring-title"), (_period(lang),), columns, tuple(sections), _signature(lang), WRITING_ROOM)


def evaluation_form(rows: Sequence[FormRow], lang: str) -> Form:
    """The seven criteria per SOP, each to be circled Ya or Tidak."""
    w = partial(word, lang)
    answer = f"{w('ya')} / {w('tidak')}"
    columns = (
        Column(w("col-no"), 4, "middle"),
        Column(w("col-nomor"), 11),
        Column(w("col-prosedur"), 20),
        *(Column(f"{i}. {c}", 9, "middle") for i, c in enumerate(criteria(lang), start=1)),
        Column(w("col-catatan"), 10),
    )
    sections = []
    number = 0
    for unit, group in _units(rows).items():
        body = []
        for row in group:
            number += 1
            body.append((str(number), row.number, _title(row, lang), *([answer] * CRITERIA_COUNT), ""))
        sections.append(Section(f"{w('unit-label')}: {unit}", tuple(body)))
    return Form(w("evaluation-title"), (_period(lang),), columns, tuple(sections), _signature(lang), WRITING_ROOM)


def _signature(lang: str) -> tuple[str, ...]:
    return (word(lang, "signed"), "", "( ........................................ )")


def report_form(assessments: Sequence[Assessment], lang: str, period: str = "") -> Form:
    """Laporan Hasil Monitoring dan Evaluasi: per unit, per SOP, the findings and the conclusion."""
    w = partial(word, lang)
    columns = (
        Column(w("col-no"), 4, "middle"),
        Column(w("col-nomor"), 13),
        Column(w("col-prosedur"), 22),
        Column(w("monitoring"), 12),
        Column(w("col-ya"), 7, "middle"),
        Column(w("col-catatan"), 18),
        Column(w("col-tindakan"), 18),
        Column(w("col-kesimpulan"), 11),
    )
    sections = []
    number = 0
    units = by_unit(assessments)
    for unit, group in units.items():
        body = []
        for a in group:
            number += 1
            monitoring = "" if a.runs_well is None else w("baik" if a.runs_well else "tidak-baik")
            notes = "; ".join(t for t in (a.notes, a.evaluation_notes) if t)
            body.append(
                (str(number), a.number, a.title, monitoring, f"{a.yes}/{CRITERIA_COUNT}", notes, a.action, w(a.verdict))
            )
        revise = sum(1 for a in group if a.verdict == "perlu-revisi")
        open_ = sum(1 for a in group if a.verdict == "belum-dinilai")
        heading = f"{w('unit-label')}: {unit} — " + word(lang, "sop-count", n=len(group), revise=revise, open=open_)
        sections.append(Section(heading, tuple(body)))
    revise = sum(1 for a in assessments if a.verdict == "perlu-revisi")
    open_ = sum(1 for a in assessments if a.verdict == "belum-dinilai")
    lines = (
        f"{w('period')}: {period or '-'}",
        f"{w('summary')}: " + word(lang, "sop-count", n=len(assessments), revise=revise, open=open_),
        w("rule"),
    )
    return Form(w("report-title"), lines, columns, tuple(sections), _signature(lang))


def forms_document(rows: Sequence[FormRow], style: ResolvedStyle, lang: str) -> bytes:
    """The two blank forms, monitoring then evaluation, as one PDF."""
    forms = (monitoring_form(rows, lang), evaluation_form(rows, lang))
    return forms_pdf(forms, style, word(lang, "page"), word(lang, "monitoring-title"))


def minutes(assessments: Sequence[Assessment], lang: str, period: str = "") -> Letter:
    """The Berita Acara of the round: the counts per unit, the SOPs to revise, two signatures."""
    units = by_unit(assessments)
    lines = [word(lang, "minutes-open", period=period or "....................", n=len(assessments), units=len(units))]
    for i, (unit, group) in enumerate(units.items(), start=1):
        verdicts = [a.verdict for a in group]
        counts = {
            k: verdicts.count(v)
            for k, v in (("revise", "perlu-revisi"), ("fine", "tidak-perlu-revisi"), ("open", "belum-dinilai"))
        }
        lines.append(word(lang, "minutes-unit", i=i, unit=unit, n=len(group), **counts))
    revise = [f"{a.number} {a.title}".strip() for a in assessments if a.verdict == "perlu-revisi"]
    lines.append(word(lang, "minutes-revise", list="; ".join(revise)) if revise else word(lang, "minutes-none"))
    lines.append(word(lang, "minutes-close"))
    blank = "( ........................................ )"
    signatures = (
        (word(lang, "minutes-head"), "", blank, word(lang, "nip-blank")),
        (word(lang, "minutes-lead"), "", blank, word(lang, "nip-blank")),
    )
    return Letter(word(lang, "minutes-title"), tuple(lines), signatures)


def report_document(assessments: Sequence[Assessment], style: ResolvedStyle, lang: str, period: str = "") -> bytes:
    """The Laporan Hasil Monitoring dan Evaluasi, then its Berita Acara, as one PDF."""
    pages = form_pages(report_form(assessments, lang, period), style, word(lang, "page"))
    pages.append(letter_page(minutes(assessments, lang, period), style, word(lang, "page")))
    return document_pdf(pages, word(lang, "report-title"), word(lang, "minutes-title"))
