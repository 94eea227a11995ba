"""Classroom sessions as files: CSV (the contract: one row per question and option), JSON (every
session whole, the delivery record included) and XLSX (the CSV's rows, and the sections).

The CSV carries no section times (a session without questions has no row in it); JSON and
XLSX do. Every text cell is neutralised against formula injection, as in the results export.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from courseware_app import __version__
from courseware_app.core.atomic import write_bytes
from courseware_app.core.classroom.model import ClassroomSession, QuestionResult
from courseware_app.core.progress import iso_utc, parse_iso
from courseware_app.core.progress.helpers import JSONValue
from courseware_app.core.results import ExportError
from courseware_app.core.results.formats import csv_cell
from courseware_app.core.results.xlsx import finish_sheet, put_cell, put_row

if TYPE_CHECKING:
    from openpyxl import Workbook

JSON_FORMAT, JSON_VERSION = "courseware-sessions", 1

# The contract: these columns first, in this order.
REQUIRED_COLUMNS: Final = (
    "session_id",
    "started_at",
    "place",
    "trainer",
    "module",
    "module_version",
    "lang",
    "question",
    "option",
    "count",
    "correct",
)
# Then these: the session's end and quiz mode, the question's place, whether a person could
# choose several options, and the teams (teams mode) that chose this option, joined by ";".
CSV_COLUMNS: Final = (*REQUIRED_COLUMNS, "finished_at", "mode", "position", "multiple", "teams")
TIME_COLUMNS: Final = ("started_at", "finished_at")
SECTION_COLUMNS: Final = ("session_id", "module", "section", "planned_minutes", "actual_minutes")

Cell = str | int | float | None


def in_export_order(sessions: Iterable[ClassroomSession]) -> list[ClassroomSession]:
    """Oldest first (then by id): the order of every file."""
    return sorted(sessions, key=lambda s: (s.started_at, s.id))


def _option_rows(s: ClassroomSession, q: QuestionResult) -> Iterator[list[Cell]]:
    for option, count in q.counts.items():
        teams = ";".join(t for t, chosen in q.teams.items() if option in chosen.split(","))
        head = [s.id, s.started_at, s.place, s.trainer, s.module, s.module_version, s.lang]
        yield [
            *head,
            *(q.question, option, count, int(option in q.correct)),
            *(s.finished_at or "", s.mode, q.position, int(q.multiple), teams),
        ]


def question_rows(sessions: Iterable[ClassroomSession]) -> Iterator[list[Cell]]:
    """The CSV's rows (CSV_COLUMNS), sessions oldest first, questions in their order."""
    for s in in_export_order(sessions):
        for q in sorted(s.questions, key=lambda q: q.position):
            yield from _option_rows(s, q)


def sessions_csv_bytes(sessions: Iterable[ClassroomSession]) -> bytes:
    """RFC 4180 with CRLF, UTF-8 with a BOM (Excel reads Cyrillic); the header alone when
    there are no sessions."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in question_rows(sessions):
        writer.writerow([csv_cell(c, v) for c, v in zip(CSV_COLUMNS, row, strict=True)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def session_json(s: ClassroomSession) -> dict[str, JSONValue]:
    questions: list[JSONValue] = [
        {
            "question": q.question,
            "position": q.position,
            "counts": {k: v for k, v in q.counts.items()},
            "correct": list(q.correct),
            "teams": {k: v for k, v in q.teams.items()},
            "multiple": q.multiple,
        }
        for q in sorted(s.questions, key=lambda q: q.position)
    ]
    sections: list[JSONValue] = [
        {
            "section": t.section,
            "planned_minutes": t.planned_minutes,
            "actual_seconds": t.actual_seconds,
        }
        for t in s.sections
    ]
    return {
        "id": s.id,
        "started_at": s.started_at,
        "finished_at": s.finished_at,
        "place": s.place,
        "trainer": s.trainer,
        "module": s.module,
        "module_version": s.module_version,
        "lang": s.lang,
        "mode": s.mode,
        "questions": questions,
        "sections": sections,
    }


def sessions_json_bytes(sessions: Iterable[ClassroomSession], **extra: str | list[str]) -> bytes:
    """A document named JSON_FORMAT, version JSON_VERSION, every session whole."""
    doc: dict[str, JSONValue] = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": iso_utc(),
        "app_version": __version__,
        **{k: v if isinstance(v, str) else list[JSONValue](v) for k, v in extra.items()},
        "sessions": [session_json(s) for s in in_export_order(sessions)],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------- xlsx


def _xlsx_value(column: str, value: Cell) -> tuple[str | float | datetime, str]:
    """Numbers as numbers, times as dates (UTC), text as text."""
    if value is None:
        return "", ""
    if column in TIME_COLUMNS and isinstance(value, str) and value:
        try:
            return parse_iso(value).astimezone(UTC).replace(tzinfo=None), "yyyy-mm-dd hh:mm:ss"
        except ValueError:
            return value, ""
    return value, ""


def _sheet(
    book: Workbook, title: str, columns: tuple[str, ...], rows: Iterable[list[Cell]]
) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(title)
    put_row(sheet, 1, [*columns])
    for r, row in enumerate(rows, start=2):
        for c, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            put_cell(sheet, r, c, *_xlsx_value(column, value))
    finish_sheet(sheet, Font(bold=True), [36 if c.endswith("_id") else 14 for c in columns])


def section_rows(sessions: Iterable[ClassroomSession]) -> Iterator[list[Cell]]:
    """The sections sheet's rows (SECTION_COLUMNS): planned and actual minutes."""
    for s in in_export_order(sessions):
        for t in s.sections:
            yield [s.id, s.module, t.section, t.planned_minutes, round(t.actual_seconds / 60, 1)]


def sessions_xlsx_bytes(sessions: Iterable[ClassroomSession]) -> bytes:
    """A workbook: a Questions sheet (the CSV's rows) and a Sections sheet."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise ExportError("writing .xlsx needs the openpyxl package") from exc
    sessions = list(sessions)
    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    _sheet(book, "Questions", CSV_COLUMNS, question_rows(sessions))
    _sheet(book, "Sections", SECTION_COLUMNS, section_rows(sessions))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_sessions(
    sessions: Iterable[ClassroomSession], path: Path, fmt: str, **json_extra: str | list[str]
) -> None:
    """Write ``sessions`` as csv, json or xlsx; the file appears whole or not at all."""
    if fmt == "csv":
        data = sessions_csv_bytes(sessions)
    elif fmt == "json":
        data = sessions_json_bytes(sessions, **json_extra)
    elif fmt == "xlsx":
        data = sessions_xlsx_bytes(sessions)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    write_bytes(Path(path), data)
