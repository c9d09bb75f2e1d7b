"""The lampiran table's columns: No, Kegiatan, one per actor, the Mutu Baku and Keterangan, across the page.

Worked out twice for every SOP built — once for the warning that a page is too
narrow (:func:`flowgen.layout.table.place.table_warnings`, before anything is
drawn) and once by the layout itself — and measuring every cell's words for
them is a tenth of the table's layout, so the last answer is kept: the
procedure and the style are frozen, so the same objects (``is``) and the same
width give the same columns.
"""

from __future__ import annotations

from functools import partial

from flowgen.layout.table.column_fit import fit_words
from flowgen.layout.table.types import Column
from flowgen.model.types import Procedure, Step
from flowgen.style.resolve import ResolvedStyle
from flowgen.text import clean

_LAST: dict[str, tuple[Procedure, ResolvedStyle, float, tuple[Column, ...], tuple[str, ...]]] = {}


def columns(procedure: Procedure, style: ResolvedStyle, width: float, short: list[str] | None = None) -> list[Column]:
    """The table's columns across ``width``; the titles of the columns still too narrow are added to ``short``."""
    last = _LAST.get("last")
    if last is not None and last[0] is procedure and last[1] is style and last[2] == width:
        found, narrow = list(last[3]), list(last[4])
    else:
        narrow = []
        found = _columns(procedure, style, width, narrow)
        _LAST["last"] = (procedure, style, width, tuple(found), tuple(narrow))
    if short is not None:
        short += narrow
    return found


def _columns(procedure: Procedure, style: ResolvedStyle, width: float, short: list[str]) -> list[Column]:
    """The table's columns across the page's usable width, actor columns sharing what is left.

    Columns are then widened for their longest header word and their symbols
    (:mod:`flowgen.layout.table.column_fit`); the titles of those that still lack room go to ``short``.
    """
    labels = style.labels
    keterangan = style.table.keterangan
    mutu = list(style.table.mutu_baku_order)
    if keterangan == "inside":
        mutu.append("keterangan")
    tail = mutu + (["keterangan"] if keterangan == "column" else [])
    fixed_keys = ["no", "kegiatan", *tail]
    fixed = {k: style.cell((k,)).width for k in fixed_keys}
    n = len(procedure.actors)
    minimum = style.cell(("actor",)).min_width
    wanted = style.cell(("actor",)).width
    rest = width - sum(fixed.values())
    actor_width = wanted if wanted > 0 and wanted * n <= rest else rest / max(n, 1)
    if actor_width < minimum:  # too many actors: narrow the text columns (not below 60 %)
        shrinkable = sum(v for k, v in fixed.items() if k != "no")
        need = minimum * n - rest
        factor = max(0.6, 1 - need / shrinkable) if shrinkable else 1.0
        fixed = {k: (v if k == "no" else v * factor) for k, v in fixed.items()}
        actor_width = (width - sum(fixed.values())) / max(n, 1)
    titles = {
        "no": labels["col-no"],
        "kegiatan": labels["col-kegiatan"],
        "kelengkapan": labels["col-kelengkapan"],
        "waktu": labels["col-waktu"],
        "output": labels["col-output"],
        "keterangan": labels["col-keterangan"],
    }
    order = ["no", "kegiatan", *(f"actor:{a.key}" for a in procedure.actors), *tail]
    titles |= {f"actor:{a.key}": clean(a.name) for a in procedure.actors}
    widths = {k: fixed.get(k, actor_width) for k in order}
    room = width - sum(widths.values())
    texts = partial(cell_text, procedure)
    widths, short_columns = fit_words(procedure, style, widths, titles, texts, room)  # room for whole words
    short += [titles[k] for k in short_columns]
    out: list[Column] = []
    x = 0.0
    for key in order:
        actor = key.split(":", 1)[1] if key.startswith("actor:") else None
        out.append(Column(key, "actor" if actor else key, x, x + widths[key], titles[key], actor))
        x += widths[key]
    return out


def cell_text(procedure: Procedure, step: Step, key: str) -> str:
    if key == "no":  # the sheet's own numbering: "3" twice, a gap, "" for an unnumbered row
        return procedure.shown_number(step.number)
    if key == "kegiatan":
        return clean(step.text) if step.text else ""
    if key == "kelengkapan":
        return clean(step.requires)
    if key == "waktu":
        return clean(step.time.text) if step.time else ""
    if key == "output":
        return clean(step.output)
    if key == "keterangan":
        return clean(step.note)
    return ""
