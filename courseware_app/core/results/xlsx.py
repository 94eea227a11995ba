"""Results as an Excel workbook: one row per attempt (times in UTC), and a class summary."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

from courseware_app.core.progress import parse_iso
from courseware_app.core.progress.helpers import JSONValue
from courseware_app.core.results.neutral import xlsx_text
from courseware_app.core.results.records import (
    NUMBER_COLUMNS,
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

TIME_COLUMNS: Final = ("finished_at", "started_at")

CellValue = float | str | bool | datetime


def _cell_value(column: str, value: JSONValue) -> tuple[CellValue, str]:
    """Numbers as numbers, times as dates, everything else as text (never a formula)."""
    if column in NUMBER_COLUMNS and value not in (None, ""):
        try:
            return to_float(value), "0.0" if column == "score" else "0.####"
        except (TypeError, ValueError):
            return str(value), ""
    if column in TIME_COLUMNS and value:
        try:
            moment = parse_iso(str(value))
        except ValueError:
            return str(value), ""
        return moment.astimezone(UTC).replace(tzinfo=None), "yyyy-mm-dd hh:mm:ss"
    if isinstance(value, bool):
        return value, ""
    return ("" if value is None else str(value)), ""


def put_cell(
    sheet: Worksheet, row: int, column: int, value: CellValue, number_format: str = ""
) -> None:
    """One cell: text cleaned and neutralised (xlsx_text) and stored as a string, never as a
    formula; numbers, dates and booleans as they are. Every cell of a workbook goes here."""
    if isinstance(value, str):
        cell = sheet.cell(row=row, column=column, value=xlsx_text(value))
        cell.data_type = "s"
    else:
        cell = sheet.cell(row=row, column=column, value=value)
    if number_format:
        cell.number_format = number_format


def put_row(sheet: Worksheet, row: int, values: list[CellValue]) -> None:
    for column, value in enumerate(values, start=1):
        put_cell(sheet, row, column, value)


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
    put_row(sheet, 1, [*columns])
    for rec in records:
        _append_row(sheet, columns, cells(rec))
    finish_sheet(sheet, Font(bold=True), [36 if c.endswith("_id") else 16 for c in columns])
    _summary_sheet(book.create_sheet("Summary"), class_summary(records), Font(bold=True))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _append_row(sheet: Worksheet, columns: list[str], values: dict[str, JSONValue]) -> None:
    row = sheet.max_row + 1
    for col, name in enumerate(columns, start=1):
        value, number_format = _cell_value(name, values.get(name))
        put_cell(sheet, row, col, value, number_format)


def finish_sheet(sheet: Worksheet, bold: Font, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _summary_sheet(sheet: Worksheet, summary: ClassSummary, bold: Font) -> None:
    put_row(sheet, 1, ["profile", "device", *summary.modules])
    for row, person in enumerate(summary.people, start=2):
        put_row(sheet, row, [person.label, person.device])
        for col, module in enumerate(summary.modules, start=3):
            cell = summary.cells.get((person.key, module))
            if cell is not None:
                put_cell(sheet, row, col, cell.best, "0.0")
    finish_sheet(sheet, bold, [24, 16] + [14] * len(summary.modules))
