"""The monitoring and evaluation forms as a workbook units fill in with Excel or LibreOffice.

Two sheets hold the forms (``Monitoring``: Tabel 7; ``Evaluasi``: the seven criteria per SOP) and a
third the instructions.  Each form has its title in row 1, the period in row 2, the headings in row
:data:`HEADER_ROW` and one procedure a row below it, pre-filled with unit, nomor and judul.  The
answer cells carry a list validation (so a unit picks *Berjalan dengan baik* or *Ya* from a menu and
Excel refuses anything else); the heading rows are frozen; pages print landscape, one page wide,
with the headings repeated.  :mod:`flowgen.cycle.monev_read` reads the same layout back.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from flowgen.cycle.monev import FormRow
from flowgen.cycle.words import criteria, word

HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
MONITORING_KEYS = (
    "col-no",
    "col-unit",
    "col-nomor",
    "col-prosedur",
    "col-penilaian",
    "col-catatan",
    "col-tindakan",
    "col-paraf",
)
MONITORING_WIDTHS = (5, 22, 22, 40, 26, 36, 36, 12)
EVALUATION_WIDTHS = (5, 22, 22, 40, *([14] * 7), 36)
FIXED_TIME = dt.datetime(2000, 1, 1)  # the workbook's stored dates: the same forms give the same bytes

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_ANSWER_FILL = PatternFill("solid", fgColor="FFF2CC")


def monitoring_headers(lang: str) -> tuple[str, ...]:
    return tuple(word(lang, k) for k in MONITORING_KEYS)


def evaluation_headers(lang: str) -> tuple[str, ...]:
    head = tuple(word(lang, k) for k in ("col-no", "col-unit", "col-nomor", "col-prosedur"))
    numbered = tuple(f"{i}. {c}" for i, c in enumerate(criteria(lang), start=1))
    return (*head, *numbered, word(lang, "col-catatan"))


def _heading(ws: Worksheet, title: str, headers: Sequence[str], widths: Sequence[int], lang: str) -> None:
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"{word(lang, 'period')}:"
    ws["A2"].font = Font(bold=True)
    for col, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = ws.cell(HEADER_ROW, col, text)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.border = _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[HEADER_ROW].height = 60
    ws.freeze_panes = ws.cell(FIRST_ROW, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False


def _rows(ws: Worksheet, rows: Sequence[FormRow], width: int, answers: range) -> None:
    for i, row in enumerate(rows, start=1):
        r = HEADER_ROW + i
        for col, value in enumerate((i, row.unit, row.number, row.title), start=1):
            ws.cell(r, col, value)
        for col in range(1, width + 1):
            cell = ws.cell(r, col)
            cell.border = _BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True, horizontal="center" if col == 1 else None)
            if col in answers:
                cell.fill = _ANSWER_FILL


def _validation(ws: Worksheet, choices: Sequence[str], columns: range, last_row: int, lang: str) -> None:
    listed = ",".join(choices)
    check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
    check.showErrorMessage = True
    check.errorTitle = word(lang, "col-penilaian")
    check.error = " / ".join(choices)
    for col in columns:
        letter = get_column_letter(col)
        check.add(f"{letter}{FIRST_ROW}:{letter}{max(last_row, FIRST_ROW)}")
    ws.add_data_validation(check)


def _instructions(ws: Worksheet, lang: str) -> None:
    ws.column_dimensions["A"].width = 100
    for r, key in enumerate(("about-1", "about-2", "about-3", "rule"), start=1):
        ws.cell(r, 1, word(lang, key)).alignment = Alignment(wrap_text=True)


def monev_workbook(rows: Sequence[FormRow], lang: str = "id") -> bytes:
    """The forms for these procedures as .xlsx bytes (the same rows give the same bytes)."""
    wb = Workbook()
    monitoring = wb.active
    monitoring.title = word(lang, "sheet-monitoring")
    headers = monitoring_headers(lang)
    _heading(monitoring, word(lang, "monitoring-title"), headers, MONITORING_WIDTHS, lang)
    _rows(monitoring, rows, len(headers), range(5, 6))
    last = HEADER_ROW + len(rows)
    _validation(monitoring, (word(lang, "baik"), word(lang, "tidak-baik")), range(5, 6), last, lang)

    evaluation = wb.create_sheet(word(lang, "sheet-evaluation"))
    headers = evaluation_headers(lang)
    _heading(evaluation, word(lang, "evaluation-title"), headers, EVALUATION_WIDTHS, lang)
    _rows(evaluation, rows, len(headers), range(5, 12))
    _validation(evaluation, (word(lang, "ya"), word(lang, "tidak")), range(5, 12), last, lang)

    _instructions(wb.create_sheet(word(lang, "sheet-about")), lang)
    wb.properties.creator = "flowgen"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    return stable_bytes(buffer.getvalue())


def stable_bytes(xlsx: bytes) -> bytes:
    """The workbook with its clock readings fixed (zip entry times, the "modified" property).

    openpyxl stamps both with the time of saving; flowgen promises the same bytes for the same input.
    """
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            target.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
