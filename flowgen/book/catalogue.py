"""The book's catalogue: ``index.html`` (a static page that opens from disk), ``katalog.csv`` and ``katalog.json``.

The page needs no server and no network: its style and script are inline,
small and hand-written; every link is relative, so the folder can be copied
or zipped as it is.  Every column sorts (click its heading), the search box
filters on every text, and the SOPs due for review are marked.  Every text
from a .pos file is escaped: nothing a writer types becomes markup.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

import flowgen
from flowgen.book.collect import Entry
from flowgen.book.refs import Reference
from flowgen.book.sops import files_for
from flowgen.style.resolve import ResolvedStyle

SOON_DAYS = 60
FIELDS = (
    "nomor",
    "judul",
    "unit",
    "efektif",
    "revisi",
    "tinjau",
    "langkah",
    "pelaksana",
    "waktu",
    "status",
    "pdf",
    "svg",
    "png",
    "keterkaitan",
    "berkas",
)


def duration_text(duration: flowgen.Duration | None) -> str:
    """A total time in Indonesian, largest unit first (hari kerja, hari, jam, menit)."""
    if duration is None or duration.is_zero:
        return "-"

    def number(value: float) -> str:
        rounded = round(value, 2)
        return str(int(rounded)) if rounded == int(rounded) else f"{rounded:g}".replace(".", ",")

    parts = []
    if duration.work_days:
        parts.append(f"{number(duration.work_days)} hari kerja")
    if duration.days:
        parts.append(f"{number(duration.days)} hari")
    hours, minutes = divmod(round(duration.minutes), 60)
    if hours:
        parts.append(f"{hours} jam")
    if minutes:
        parts.append(f"{minutes} menit")
    return " ".join(parts) or "-"


def status(entry: Entry, today: dt.date) -> str:
    if entry.review is None:
        return ""
    if entry.review <= today:
        return "due"
    if (entry.review - today).days <= SOON_DAYS:
        return "soon"
    return ""


def anchor(entry: Entry) -> str:
    return "sop-" + "".join(ch if ch.isalnum() else "-" for ch in entry.relative.removesuffix(".pos"))


def _link(path: Path, out: Path) -> str:
    return quote(Path(os.path.relpath(path, out)).as_posix())


def records(
    entries: Sequence[Entry], references: Sequence[Reference], folder: Path, out: Path, today: dt.date
) -> list[dict[str, object]]:
    """One plain record per SOP, the same for the page, the CSV and the JSON."""
    related: dict[str, list[Reference]] = {}
    for ref in references:
        related.setdefault(ref.source.relative, []).append(ref)
    rows: list[dict[str, object]] = []
    for entry in entries:
        files = files_for(entry.path, folder, out)
        longest = entry.summary.longest
        rows.append(
            {
                "nomor": entry.number,
                "judul": entry.title,
                "unit": entry.unit,
                "efektif": entry.effective.isoformat() if entry.effective else "",
                "revisi": entry.revised.isoformat() if entry.revised else "",
                "tinjau": entry.review.isoformat() if entry.review else "",
                "langkah": entry.summary.steps,
                "pelaksana": entry.summary.actors,
                "waktu": duration_text(longest),
                "waktu_menit": round(longest.sort_minutes) if longest else 0,
                "status": status(entry, today),
                "pdf": _link(files.pdf, out),
                "svg": _link(files.svg, out),
                "png": _link(files.png, out),
                "thumb": _link(files.thumb, out),
                "keterkaitan": [
                    {
                        "teks": r.text,
                        "nomor": r.target.number if r.target else None,
                        "anchor": anchor(r.target) if r.target else None,
                    }
                    for r in related.get(entry.relative, [])
                ],
                "berkas": entry.relative,
                "anchor": anchor(entry),
                "halaman": entry.first_page,
            }
        )
    return rows


STYLE = """
body{font-family:Arial,"Liberation Sans",sans-serif;margin:24px;color:#111}
h1{font-size:20px;margin:0 0 4px}p.sub{margin:0 0 14px;color:#444}
.bar{display:flex;gap:12px;align-items:center;margin-bottom:10px;flex-wrap:wrap}
input[type=search]{font-size:14px;padding:6px 8px;width:320px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#e6e6e6;cursor:pointer;white-space:nowrap;user-select:none}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
td.n{text-align:right}td.d{white-space:nowrap}td img{width:72px;border:1px solid #ccc;background:#fff}
tr.due{background:#fde2e1}tr.soon{background:#fff4cc}
.key span{display:inline-block;padding:1px 8px;margin-right:6px;border:1px solid #999}
.key .due{background:#fde2e1}.key .soon{background:#fff4cc}
tr:target{outline:3px solid #1f4e79}
"""

SCRIPT = """
(function(){
var q=document.getElementById('cari'),tb=document.querySelector('#katalog tbody'),
rows=Array.prototype.slice.call(tb.rows),count=document.getElementById('jumlah');
function filter(){var w=q.value.toLowerCase().split(/\\s+/).filter(Boolean),n=0;
rows.forEach(function(r){var t=r.textContent.toLowerCase(),ok=w.every(function(x){return t.indexOf(x)>=0;});
r.hidden=!ok;if(ok)n++;});count.textContent=n;}
q.addEventListener('input',filter);
Array.prototype.forEach.call(document.querySelectorAll('#katalog th'),function(th,i){
th.addEventListener('click',function(){var asc=th.getAttribute('aria-sort')!=='ascending';
Array.prototype.forEach.call(th.parentNode.children,function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
function key(r){var c=r.cells[i];return c.getAttribute('data-sort')||c.textContent.trim();}
rows.sort(function(a,b){var x=key(a),y=key(b),nx=parseFloat(x),ny=parseFloat(y),d;
if(/^-?[0-9.]+$/.test(x)&&/^-?[0-9.]+$/.test(y)){d=nx-ny;}else{d=x.localeCompare(y,'id');}
return asc?d:-d;});rows.forEach(function(r){tb.appendChild(r);});});});
filter();})();
"""

HEAD = (
    "Nomor",
    "Nama SOP",
    "Unit",
    "Tanggal Efektif",
    "Revisi",
    "Tinjau Ulang",
    "Langkah",
    "Pelaksana",
    "Total Waktu",
    "Gambar",
    "Berkas",
    "Keterkaitan",
)


def _row(record: dict[str, object], dates: dict[str, str]) -> str:
    e = html.escape
    cells = [
        (record["nomor"], None, ""),
        (record["judul"], None, ""),
        (record["unit"], None, ""),
        (dates.get(str(record["efektif"]), "-"), record["efektif"], "d"),
        (dates.get(str(record["revisi"]), "-"), record["revisi"], "d"),
        (dates.get(str(record["tinjau"]), "-"), record["tinjau"], "d"),
        (record["langkah"], None, "n"),
        (record["pelaksana"], None, "n"),
        (record["waktu"], record["waktu_menit"], "n"),
    ]
    out = [f'<tr id="{e(str(record["anchor"]))}" class="{e(str(record["status"]))}">']
    for text, sort, cls in cells:
        attrs = f' data-sort="{e(str(sort))}"' if sort is not None else ""
        attrs += f' class="{cls}"' if cls else ""
        out.append(f"<td{attrs}>{e(str(text))}</td>")
    out.append(f'<td data-sort=""><img src="{e(str(record["thumb"]))}" alt="" loading="lazy"></td>')
    links = " · ".join(f'<a href="{e(str(record[k]))}">{k.upper()}</a>' for k in ("pdf", "svg", "png"))
    out.append(f"<td>{links}</td>")
    refs = []
    for ref in record["keterkaitan"]:  # type: ignore[attr-defined]
        if ref["anchor"]:
            refs.append(f'<a class="ref" href="#{e(ref["anchor"])}">{e(ref["teks"])}</a>')
        else:
            refs.append(e(ref["teks"]))
    out.append(f"<td>{'<br>'.join(refs) or '-'}</td></tr>")
    return "".join(out)


def page(records_: list[dict[str, object]], title: str, unit: str, today: dt.date, dates: dict[str, str]) -> str:
    e = html.escape
    due = sum(1 for r in records_ if r["status"] == "due")
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in HEAD)
    body = "\n".join(_row(r, dates) for r in records_)
    on = dates.get(today.isoformat(), today.isoformat())
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Katalog SOP — {e(unit or title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>Katalog SOP — {e(unit or title)}</h1>\n"
        f'<p class="sub">{e(title)} · {len(records_)} SOP · {due} perlu ditinjau ulang per {e(on)} · '
        '<a href="dokumen-sop.pdf">Dokumen SOP (PDF)</a> · <a href="katalog.csv">CSV</a> · '
        '<a href="katalog.json">JSON</a></p>\n'
        '<div class="bar"><input id="cari" type="search" placeholder="Cari nomor, judul, unit…" '
        'aria-label="Cari"><span><span id="jumlah"></span> ditampilkan</span>'
        '<span class="key"><span class="due">lewat tanggal tinjau</span>'
        f'<span class="soon">tinjau dalam {SOON_DAYS} hari</span></span></div>\n'
        f'<table id="katalog">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def write_catalogue(
    entries: Sequence[Entry],
    references: Sequence[Reference],
    folder: Path,
    out: Path,
    today: dt.date | None,
    style: ResolvedStyle,
    title: str = "",
    unit: str = "",
) -> list[Path]:
    """Write index.html, katalog.csv and katalog.json into ``out``; the paths written."""
    today = today or dt.date.today()
    rows = records(entries, references, folder, out, today)
    months = style.labels.months
    dates: dict[str, str] = {}
    for day in [e.effective for e in entries] + [e.revised for e in entries] + [e.review for e in entries] + [today]:
        if day is not None:
            dates[day.isoformat()] = f"{day.day} {months[day.month - 1]} {day.year}"
    written = []
    target = out / "index.html"
    target.write_text(page(rows, title, unit, today, dates), encoding="utf-8")
    written.append(target)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    for row in rows:
        refs = "; ".join(str(r["teks"]) for r in row["keterkaitan"])  # type: ignore[attr-defined]
        writer.writerow([refs if k == "keterkaitan" else row[k] for k in FIELDS])
    target = out / "katalog.csv"
    target.write_text(buffer.getvalue(), encoding="utf-8")
    written.append(target)
    target = out / "katalog.json"
    data = {"judul": title, "unit": unit, "tanggal": today.isoformat(), "sop": rows}
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(target)
    return written
