"""Results files as bytes and back: CSV (the contract) and JSON (with the responses)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, NamedTuple

from courseware_app import __version__
from courseware_app.core.i18n import _
from courseware_app.core.progress import iso_utc
from courseware_app.core.progress.helpers import JSONValue
from courseware_app.core.results.checks import (
    check_fields,
    check_json,
    read_limited,
    too_deep,
    too_long,
)
from courseware_app.core.results.neutral import neutralise
from courseware_app.core.results.records import (
    NUMBER_COLUMNS,
    REQUIRED_COLUMNS,
    AttemptRecord,
    ExportError,
    cells,
    columns_of,
    from_fields,
    number_text,
)

JSON_FORMAT, JSON_VERSION = "courseware-results", 1

# What a JSON export may carry beside its attempts: the device, the files it was merged from.
DocumentValue = str | list[str]

# ---------------------------------------------------------------- writing


def csv_bytes(records: list[AttemptRecord], columns: list[str] | None = None) -> bytes:
    """RFC 4180: comma, CRLF, quotes when needed; UTF-8 with a BOM so Excel reads Cyrillic."""
    columns = columns or columns_of(records)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in columns])
    for rec in records:
        row = cells(rec)
        writer.writerow([csv_cell(c, row.get(c)) for c in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


_NUMBER_RE = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def csv_cell(column: str, value: JSONValue) -> str:
    """A CSV cell: numbers (and a number column's numeric text) as they are, any other text
    neutralised, so that no spreadsheet runs it as a formula."""
    text = number_text(value)
    if isinstance(value, int | float):
        return text
    if column in NUMBER_COLUMNS and _NUMBER_RE.fullmatch(text):
        return text
    return neutralise(text)


def json_bytes(records: list[AttemptRecord], **extra: DocumentValue) -> bytes:
    doc = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": iso_utc(),
        "app_version": __version__,
        **extra,
        "attempts": [cells(rec) for rec in records],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------- reading and checking


@dataclass
class Export:
    """An export read back: its kind (csv or json), its records and its column order."""

    path: Path
    kind: str
    records: list[AttemptRecord]
    columns: list[str] = field(default_factory=list)


def read_csv(path: Path) -> Export:
    return _csv_export(Path(path), read_limited(Path(path)))


def _csv_export(path: Path, data: bytes) -> Export:
    header, rows = csv_table(path, data, _check_header)
    records = [from_fields(fields, where) for where, fields in rows]
    return Export(path, "csv", records, header)


CsvRow = tuple[str, dict[str, str]]
"""A row's place ("FILE: line N") and its fields by column."""


def csv_table(
    path: Path,
    data: bytes,
    check_header: Callable[[Path, list[str]], None],
    cell: Callable[[str], str] = str,
) -> tuple[list[str], list[CsvRow]]:
    """The header and rows of a CSV file Courseware wrote (UTF-8, a BOM allowed, every row as
    long as the header, the last one ended), ``cell`` applied to each field; ExportError with
    the file and line for anything else. ``check_header`` refuses a header not of its kind."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        message = _(
            "{path}: not UTF-8 text (was it re-saved by a spreadsheet? use the file "
            "Courseware exported)"
        )
        raise ExportError(message.format(path=path)) from None
    rows = ((where, [cell(c) for c in row]) for where, row in csv_rows(path, text))
    header = next(rows, ("", []))[1]
    check_header(path, header)
    table: list[CsvRow] = []
    for where, row in rows:
        if len(row) != len(header):
            message = _("{where}: {count} fields, the header has {columns}")
            raise ExportError(message.format(where=where, count=len(row), columns=len(header)))
        table.append((where, dict(zip(header, row, strict=True))))
    if table and not text.endswith("\n"):  # Courseware ends every row with CRLF
        message = _("{where}: the last line has no line end: the file was cut short")
        raise ExportError(message.format(where=table[-1][0]))
    return header, table


def csv_rows(path: Path, text: str) -> Iterator[tuple[str, list[str]]]:
    """The non-empty rows with their place ("FILE: line N"), each field within the limit."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            where = f"{path}: line {reader.line_num}"
            check_fields(row, where)
            if row:
                yield where, row
    except csv.Error as exc:  # a field over the csv module's own limit, a NUL...
        where = f"{path}: line {reader.line_num}"
        error = too_long(where) if "field limit" in str(exc) else ExportError(f"{where}: {exc}")
        raise error from None


def _check_header(path: Path, header: list[str]) -> None:
    if tuple(header[: len(REQUIRED_COLUMNS)]) != REQUIRED_COLUMNS:
        message = (
            _(
                "{path}: not a Courseware results export: the first line must be {columns} "
                "(it uses ';' separators: was it re-saved by a spreadsheet?)"
            )
            if ";" in "".join(header)
            else _("{path}: not a Courseware results export: the first line must be {columns}")
        )
        raise ExportError(message.format(path=path, columns=",".join(REQUIRED_COLUMNS)))
    if len(set(header)) != len(header):
        raise ExportError(_("{path}: a column name appears twice").format(path=path))


def read_json(path: Path) -> Export:
    return _json_export(Path(path), read_limited(Path(path)))


def _json_export(path: Path, data: bytes) -> Export:
    doc = json_document(path, data, JSON_FORMAT, JSON_VERSION, NOT_RESULTS)
    attempts = doc.get("attempts")
    if not isinstance(attempts, list) or not all(isinstance(a, dict) for a in attempts):
        raise ExportError(_('{path}: "attempts" must be a list of objects').format(path=path))
    objects = [a for a in attempts if isinstance(a, dict)]  # all of them: the types' view
    records = [from_fields(a, f"{path}: attempt {i + 1}") for i, a in enumerate(objects)]
    return Export(path, "json", records, columns_of(records))


class NotAnExport(NamedTuple):
    """How to say that a file is not an export of one kind (translated when raised)."""

    unreadable: Callable[[], str]  # {path}, {reason}
    no_format: Callable[[], str]  # {path}, {format}


NOT_RESULTS: Final = NotAnExport(
    lambda: _("{path}: not a Courseware results export: {reason}"),
    lambda: _('{path}: not a Courseware results export (no "format": "{format}")'),
)


def json_document(
    path: Path, data: bytes, name: str, newest: int, not_one: NotAnExport
) -> dict[str, JSONValue]:
    """The JSON document of an export whose "format" is ``name`` and whose "version" is at
    most ``newest``, within the depth and size limits; ExportError naming the file else."""
    try:
        doc: JSONValue = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(not_one.unreadable().format(path=path, reason=exc)) from None
    except RecursionError:
        raise too_deep(str(path)) from None
    check_json(doc, str(path))
    if not isinstance(doc, dict) or doc.get("format") != name:
        raise ExportError(not_one.no_format().format(path=path, format=name))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > newest:
        message = _("{path}: export version {version} is newer than this Courseware")
        raise ExportError(message.format(path=path, version=repr(version)))
    return doc


def looks_like_json(path: Path, data: bytes) -> bool:
    """A ``.json`` file, or one whose text starts with ``{``."""
    return path.suffix.lower() == ".json" or data[:64].lstrip(_BLANK).startswith(b"{")


def read_export(path: Path | str) -> Export:
    """Read a CSV or JSON export whole and check every record; refuse anything that is not
    one, or is beyond the limits, with an ExportError that names the file (and the line or
    the attempt). Nothing else escapes: a caller can read every input before writing."""
    path = Path(path)
    data = read_limited(path)
    try:
        return _json_export(path, data) if looks_like_json(path, data) else _csv_export(path, data)
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:  # a case not foreseen
        message = _("{path}: not a readable results export ({reason})")
        raise ExportError(message.format(path=path, reason=exc.__class__.__name__)) from exc


_BLANK = b"\xef\xbb\xbf \t\r\n"
