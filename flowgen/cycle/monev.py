"""The monitoring and evaluation round (Permenpan RB 35/2012): what is assessed and what it concludes.

Monitoring (every six months, "Tabel 7 Monitoring Pelaksanaan SOP AP") asks of each procedure
whether its application *runs well*, with notes, the action to take and the assessor's initials.
Evaluation (at least yearly) answers seven criteria Ya/Tidak per SOP.  The report decides per SOP:

- **Perlu revisi** (needs revision) when the monitoring says *Tidak berjalan dengan baik*, or any
  of the seven criteria is answered *Tidak*;
- **Tidak perlu revisi** when the monitoring says *Berjalan dengan baik* and all seven are *Ya*;
- **Belum dinilai** (not assessed) otherwise: something is still blank and nothing is negative.

That is :data:`RULE`, printed on the report so that its readers know how it was reached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flowgen import Revision
from flowgen.cycle.history import history_of
from flowgen.cycle.sources import Entry
from flowgen.cycle.words import CRITERIA_ID, word

CRITERIA_COUNT = len(CRITERIA_ID)
RULE = "rule"  # the words key of the rule's sentence
REPORT_SCHEMA = "flowgen/monev-report"
REPORT_VERSION = 1


@dataclass(frozen=True)
class FormRow:
    """One procedure on the forms: its unit, nomor and judul (and, when known, its last revision)."""

    unit: str
    number: str
    title: str
    revision: Revision | None = None


def form_rows(entries: Sequence[Entry], history: dict[str, Sequence[Revision]] | None = None) -> list[FormRow]:
    """The forms' rows: grouped by unit (in the order units first appear), then by nomor and judul.

    The last revision is kept with the row (the printed forms show it under the judul, so an assessor
    knows which revision they assess): from ``history`` (source path → revisions) when given, else
    from the file's ``riwayat-revisi``, else none.
    """
    units: dict[str, list[Entry]] = {}
    for e in entries:
        units.setdefault(e.unit, []).append(e)
    rows: list[FormRow] = []
    for unit, group in units.items():
        for e in sorted(group, key=lambda x: (x.procedure.identity.number, x.procedure.identity.title)):
            given = (history or {}).get(str(e.path))
            revisions = history_of(e.procedure, given)
            ident = e.procedure.identity
            rows.append(FormRow(unit, ident.number, ident.title, revisions[-1] if revisions else None))
    return rows


@dataclass(frozen=True)
class Assessment:
    """What a unit wrote about one SOP on both sheets (``None`` where a cell is blank)."""

    unit: str
    number: str
    title: str
    runs_well: bool | None = None
    notes: str = ""
    action: str = ""
    assessor: str = ""
    answers: tuple[bool | None, ...] = (None,) * CRITERIA_COUNT
    evaluation_notes: str = ""

    @property
    def yes(self) -> int:
        return sum(1 for a in self.answers if a is True)

    @property
    def no(self) -> int:
        return sum(1 for a in self.answers if a is False)

    @property
    def verdict(self) -> str:
        """``perlu-revisi``, ``tidak-perlu-revisi`` or ``belum-dinilai`` by :data:`RULE`."""
        if self.runs_well is False or self.no:
            return "perlu-revisi"
        if self.runs_well is True and self.yes == CRITERIA_COUNT:
            return "tidak-perlu-revisi"
        return "belum-dinilai"

    def to_dict(self, lang: str) -> dict[str, Any]:
        monitoring = None if self.runs_well is None else ("baik" if self.runs_well else "tidak-baik")
        return {
            "number": self.number,
            "title": self.title,
            "monitoring": monitoring,
            "monitoring_text": word(lang, monitoring) if monitoring else None,
            "notes": self.notes,
            "action": self.action,
            "assessor": self.assessor,
            "answers": [None if a is None else ("ya" if a else "tidak") for a in self.answers],
            "yes": self.yes,
            "no": self.no,
            "evaluation_notes": self.evaluation_notes,
            "verdict": self.verdict,
            "verdict_text": word(lang, self.verdict),
        }


def _counts(items: Sequence[Assessment]) -> dict[str, int]:
    verdicts = [a.verdict for a in items]
    return {
        "sop": len(items),
        "perlu-revisi": verdicts.count("perlu-revisi"),
        "tidak-perlu-revisi": verdicts.count("tidak-perlu-revisi"),
        "belum-dinilai": verdicts.count("belum-dinilai"),
    }


def by_unit(assessments: Sequence[Assessment]) -> dict[str, list[Assessment]]:
    units: dict[str, list[Assessment]] = {}
    for a in assessments:
        units.setdefault(a.unit, []).append(a)
    return units


def report_json(assessments: Sequence[Assessment], source: str, lang: str, period: str = "") -> dict[str, Any]:
    """The Laporan Hasil Monitoring dan Evaluasi as a versioned JSON summary."""
    return {
        "schema": REPORT_SCHEMA,
        "version": REPORT_VERSION,
        "source": source,
        "language": lang,
        "period": period,
        "rule": word(lang, RULE),
        "totals": _counts(assessments),
        "units": [
            {"unit": unit, "counts": _counts(items), "sops": [a.to_dict(lang) for a in items]}
            for unit, items in by_unit(assessments).items()
        ],
    }
