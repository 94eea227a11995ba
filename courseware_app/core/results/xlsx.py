"""Results as an Excel workbook: one row per attempt (times in UTC), and a class summary."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

from courseware_app.core.progress import parse_iso
from courseware_app.core.progress.helpers import JSONValue
from courseware_app.core.results.records import (
    AttemptRecord,
    ExportError,
    cells,
    columns_of,
    to_float,
)
from courseware_app.core.results.summary import ClassSummary, class_summary

if TYPE_CHECKING:
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

NUMBER_COLUMNS: Final = ("score", "points", "max_points", "pass_mark")
TIME_COLUMNS: Final = ("finished_at", "started_at")

CellValue = float | str | bool | datetime


def _cell_value(column: str, value: JSONValue) -> tuple[CellValue, str | None]:
    """Numbers as numbers, times as dates, everything else as text (never a formula)."""
    if column in NUMBER_COLUMNS and value not in (None, ""):
        try:
            return to_float(value), "0.0" if column == "score" else "0.####"
        except (TypeError, ValueError):
            return str(value), None
    if column in TIME_COLUMNS and value:
        try:
            moment = parse_iso(str(value))
        except ValueError:
            return str(value), None
        return moment.astimezone(UTC).replace(tzinfo=None), "yyyy-mm-dd hh:mm:ss"
    if isinstance(value, bool):
        return value, None
    return ("" if value is None else str(value)), None


def xlsx_bytes(records: list[AttemptRecord]) -> bytes:
    """A workbook: one row per attempt (times in UTC), and a class summary sheet."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.worksheet.worksheet import Worksheet
    except ImportError as exc:
        raise ExportError("writing .xlsx needs the openpyxl package") from exc
    columns = columns_of(records)
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
    sheet.title = "Attempts"
    sheet.append(columns)
    for rec in records:
        _append_row(sheet, columns, cells(rec))
    _finish_sheet(sheet, Font(bold=True), [36 if c.endswith("_id") else 16 for c in columns])
    _summary_sheet(book.create_sheet("Summary"), class_summary(records), Font(bold=True))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _append_row(sheet: Worksheet, columns: list[str], values: dict[str, JSONValue]) -> None:
    row = sheet.max_row + 1
    for col, name in enumerate(columns, start=1):
        value, number_format = _cell_value(name, values.get(name))
        cell = sheet.cell(row=row, column=col, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # a name starting with "=" stays text
        if number_format:
            cell.number_format = number_format


def _finish_sheet(sheet: Worksheet, bold: Font, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _summary_sheet(sheet: Worksheet, summary: ClassSummary, bold: Font) -> None:
    sheet.append(["profile", "device", *summary.modules])
    for person in summary.people:
        sheet.append([person.label, person.device])
        row = sheet.max_row
        sheet.cell(row=row, column=1).data_type = "s"
        for col, module in enumerate(summary.modules, start=3):
            cell = summary.cells.get((person.key, module))
            if cell is not None:
                sheet.cell(row=row, column=col, value=cell.best).number_format = "0.0"
    _finish_sheet(sheet, bold, [24, 16] + [14] * len(summary.modules))
