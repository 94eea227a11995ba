"""Results for trainers: export attempts as CSV/JSON/XLSX, read exports back, merge them."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

from courseware_app import __version__
from courseware_app.core.atomic import write_bytes
from courseware_app.core.progress import ProgressStore, StoredAttempt, iso_utc, parse_iso

# The contract: these columns first, in this order, then at least profile_id and device.
REQUIRED_COLUMNS = (
    "attempt_id",
    "profile",
    "module",
    "module_version",
    "lang",
    "score",
    "passed",
    "finished_at",
)
CSV_COLUMNS = (
    *REQUIRED_COLUMNS,
    "profile_id",
    "device",
    "quiz",
    "points",
    "max_points",
    "pass_mark",
    "started_at",
)
JSON_FORMAT, JSON_VERSION = "courseware-results", 1
FORMATS = ("csv", "json", "xlsx")
NUMBER_COLUMNS = ("score", "points", "max_points", "pass_mark")
TIME_COLUMNS = ("finished_at", "started_at")


class ExportError(Exception):
    """A file is not a results export (or cannot be written); the message names it."""


# ---------------------------------------------------------------- records

Record = dict  # one attempt: the CSV columns (typed), maybe responses/results, maybe extras


def record(attempt: StoredAttempt) -> Record:
    """One export row for a stored attempt (responses included when they were loaded)."""
    rec: Record = {
        "attempt_id": attempt.attempt_id,
        "profile": attempt.profile,
        "module": attempt.module,
        "module_version": attempt.module_version,
        "lang": attempt.lang,
        "score": round(attempt.score, 1),
        "passed": attempt.passed,
        "finished_at": attempt.finished_at,
        "profile_id": attempt.profile_id,
        "device": attempt.device,
        "quiz": attempt.quiz,
        "points": attempt.points,
        "max_points": attempt.max_points,
        "pass_mark": attempt.pass_mark,
        "started_at": attempt.started_at,
    }
    if attempt.responses is not None:
        rec["responses"] = attempt.responses
        rec["results"] = attempt.results
    return rec


def export_records(
    store: ProgressStore, profile_ids: list[str] | None = None, *, responses: bool = True
) -> list[Record]:
    return [record(a) for a in store.attempts(profile_ids, answers=responses)]


def number_text(value) -> str:
    """85.5 -> '85.5', 100.0 -> '100': '.' as decimal point whatever the locale."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format(round(float(value), 4), "f").rstrip("0").rstrip(".") or "0"
    return "" if value is None else str(value)


def columns_of(records: Iterable[Record]) -> list[str]:
    """The CSV columns for these records: the contract's columns, then any others in order."""
    out = list(CSV_COLUMNS)
    for rec in records:
        out += [k for k in rec if k not in out and k not in ("responses", "results")]
    return out


# ---------------------------------------------------------------- writing


def csv_bytes(records: list[Record], columns: list[str] | None = None) -> bytes:
    """RFC 4180: comma, CRLF, quotes when needed; UTF-8 with a BOM so Excel reads Cyrillic."""
    columns = columns or columns_of(records)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for rec in records:
        writer.writerow([number_text(rec.get(c)) for c in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def json_bytes(records: list[Record], **extra) -> bytes:
    doc = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": iso_utc(),
        "app_version": __version__,
        **extra,
        "attempts": records,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _cell_value(column: str, value):
    """Numbers as numbers, times as dates, everything else as text (never a formula)."""
    if column in NUMBER_COLUMNS and value not in (None, ""):
        try:
            return float(value), "0.0" if column == "score" else "0.####"
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


def xlsx_bytes(records: list[Record]) -> bytes:
    """A workbook: one row per attempt (times in UTC), and a class summary sheet."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as exc:
        raise ExportError("writing .xlsx needs the openpyxl package") from exc
    columns = columns_of(records)
    book = Workbook()
    sheet = book.active
    sheet.title = "Attempts"
    sheet.append(columns)
    for rec in records:
        row = sheet.max_row + 1
        for col, name in enumerate(columns, start=1):
            value, number_format = _cell_value(name, rec.get(name))
            cell = sheet.cell(row=row, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a name starting with "=" stays text
            if number_format:
                cell.number_format = number_format
    _finish_sheet(sheet, Font(bold=True), [36 if c.endswith("_id") else 16 for c in columns])
    _summary_sheet(book.create_sheet("Summary"), class_summary(records), Font(bold=True))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _finish_sheet(sheet, bold, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _summary_sheet(sheet, summary: ClassSummary, bold) -> None:
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


def write_export(records: list[Record], path: Path, fmt: str, **json_extra) -> None:
    """Write ``records`` as csv, json or xlsx; the file appears whole or not at all."""
    if fmt == "csv":
        data = csv_bytes(records)
    elif fmt == "json":
        data = json_bytes(records, **json_extra)
    elif fmt == "xlsx":
        data = xlsx_bytes(records)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    write_bytes(Path(path), data)


def format_for(path: Path | str) -> str | None:
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


# ---------------------------------------------------------------- reading and checking


@dataclass
class Export:
    """An export read back: its kind (csv or json), its records and its column order."""

    path: Path
    kind: str
    records: list[Record]
    columns: list[str] = field(default_factory=list)


def _check_record(rec: Record, where: str) -> Record:
    """Check the contract's fields and give them their types; ExportError when wrong."""
    missing = [c for c in REQUIRED_COLUMNS if c not in rec]
    if missing:
        raise ExportError(f"{where}: missing {', '.join(missing)}")
    try:
        uuid.UUID(str(rec["attempt_id"]))
    except ValueError:
        raise ExportError(f"{where}: attempt_id {rec['attempt_id']!r} is not a UUID") from None
    passed = rec["passed"]
    if isinstance(passed, str) and passed.lower() in ("true", "false"):
        passed = passed.lower() == "true"
    if not isinstance(passed, bool):
        raise ExportError(f"{where}: passed must be true or false, not {rec['passed']!r}")
    try:
        score = float(rec["score"])
        stamp = parse_iso(str(rec["finished_at"]))
    except (TypeError, ValueError):
        raise ExportError(f"{where}: score or finished_at is not readable") from None
    if isinstance(rec["score"], bool) or not 0 <= score <= 100:
        raise ExportError(f"{where}: score {rec['score']!r} is not a percentage")
    return {**rec, "score": score, "passed": passed, "finished_at": iso_utc(stamp)}


def read_csv(path: Path) -> Export:
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportError(
            f"{path}: not UTF-8 text (was it re-saved by a spreadsheet? use the file "
            "Courseware exported)"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None) or []
    if tuple(header[: len(REQUIRED_COLUMNS)]) != REQUIRED_COLUMNS:
        hint = (
            " (it uses ';' separators: was it re-saved by a spreadsheet?)"
            if ";" in "".join(header)
            else ""
        )
        raise ExportError(
            f"{path}: not a Courseware results export: the first line must be "
            f"{','.join(REQUIRED_COLUMNS)}{hint}"
        )
    if len(set(header)) != len(header):
        raise ExportError(f"{path}: a column name appears twice")
    records = []
    for row in reader:
        if not row:
            continue
        where = f"{path}: line {reader.line_num}"
        if len(row) != len(header):
            raise ExportError(f"{where}: {len(row)} fields, the header has {len(header)}")
        records.append(_check_record(dict(zip(header, row, strict=True)), where))
    return Export(Path(path), "csv", records, header)


def read_json(path: Path) -> Export:
    try:
        doc = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"{path}: not a Courseware results export: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise ExportError(f'{path}: not a Courseware results export (no "format": "{JSON_FORMAT}")')
    if not isinstance(doc.get("version"), int) or doc["version"] > JSON_VERSION:
        raise ExportError(
            f"{path}: export version {doc.get('version')!r} is newer than this Courseware"
        )
    attempts = doc.get("attempts")
    if not isinstance(attempts, list) or not all(isinstance(a, dict) for a in attempts):
        raise ExportError(f'{path}: "attempts" must be a list of objects')
    records = [_check_record(a, f"{path}: attempt {i + 1}") for i, a in enumerate(attempts)]
    return Export(Path(path), "json", records, columns_of(records))


def read_export(path: Path | str) -> Export:
    """Read a CSV or JSON export, refusing anything that is not one (ExportError)."""
    path = Path(path)
    try:
        head = path.read_bytes()[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError as exc:
        raise ExportError(f"{path}: cannot be read: {exc.strerror}") from None
    if path.suffix.lower() == ".json" or head.startswith(b"{"):
        return read_json(path)
    return read_csv(path)


# ---------------------------------------------------------------- merging


@dataclass
class Merged:
    records: list[Record]
    columns: list[str]
    kinds: set[str]
    read: int  # records in all inputs
    duplicates: int  # removed because their attempt id was seen before
    conflicts: list[str]  # attempt ids seen twice with different contents

    @property
    def profiles(self) -> int:
        return len({r.get("profile_id") or (r["profile"], r.get("device")) for r in self.records})

    @property
    def devices(self) -> int:
        return len({r.get("device", "") for r in self.records})


def _same(a: Record, b: Record) -> bool:
    keys = (*REQUIRED_COLUMNS, "profile_id")
    return all(number_text(a.get(k)) == number_text(b.get(k)) for k in keys)


def merge(exports: list[Export]) -> Merged:
    """All records, each attempt id once (the first seen wins), oldest first."""
    seen: dict[str, Record] = {}
    duplicates, conflicts, read = 0, [], 0
    for export in exports:
        for rec in export.records:
            read += 1
            key = str(rec["attempt_id"]).lower()
            if key in seen:
                duplicates += 1
                if not _same(seen[key], rec):
                    conflicts.append(rec["attempt_id"])
                continue
            seen[key] = rec
    records = sorted(seen.values(), key=lambda r: (r["finished_at"], str(r["attempt_id"])))
    columns = columns_of([{c: None for c in e.columns} for e in exports] + records)
    return Merged(records, columns, {e.kind for e in exports}, read, duplicates, conflicts)


def write_merged(merged: Merged, path: Path, fmt: str, sources: list[str]) -> None:
    if fmt == "csv":
        write_bytes(Path(path), csv_bytes(merged.records, merged.columns))
    else:
        write_export(merged.records, path, fmt, merged_from=sources)


# ---------------------------------------------------------------- the class summary


@dataclass(frozen=True)
class Person:
    key: str  # profile id (or name and device for exports without one)
    name: str
    device: str
    label: str  # the name, with the device (and id) added when two people share a name


@dataclass(frozen=True)
class Cell:
    best: float
    last: float
    attempts: int
    passed: bool  # any attempt passed
    last_at: str


@dataclass(frozen=True)
class ClassSummary:
    people: list[Person]
    modules: list[str]
    cells: dict[tuple[str, str], Cell]


def _people(records: list[Record]) -> list[Person]:
    found: dict[str, tuple[str, str]] = {}
    for rec in records:
        key = rec.get("profile_id") or f"{rec['profile']}@{rec.get('device', '')}"
        found.setdefault(key, (rec["profile"], rec.get("device", "")))
    names = [n for n, _d in found.values()]
    pairs = list(found.values())
    people = []
    for key, (name, device) in found.items():
        label = name
        if pairs.count((name, device)) > 1:  # same name on the same laptop: add the id
            label = f"{name} ({device}, {key[:8]})"
        elif names.count(name) > 1:
            label = f"{name} ({device})"
        people.append(Person(key, name, device, label))
    return sorted(people, key=lambda p: (p.label.casefold(), p.key))


def class_summary(records: list[Record]) -> ClassSummary:
    """Profiles x modules: best and last score, attempts, passed."""
    people = _people(records)
    modules: list[str] = []
    grouped: dict[tuple[str, str], list[Record]] = {}
    for rec in sorted(records, key=lambda r: r["finished_at"]):
        key = rec.get("profile_id") or f"{rec['profile']}@{rec.get('device', '')}"
        if rec["module"] not in modules:
            modules.append(rec["module"])
        grouped.setdefault((key, rec["module"]), []).append(rec)
    cells = {
        k: Cell(
            best=max(float(r["score"]) for r in rs),
            last=float(rs[-1]["score"]),
            attempts=len(rs),
            passed=any(r["passed"] for r in rs),
            last_at=rs[-1]["finished_at"],
        )
        for k, rs in grouped.items()
    }
    return ClassSummary(people, sorted(modules), cells)
