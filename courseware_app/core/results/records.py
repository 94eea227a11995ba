"""One exported attempt as a typed record: the CSV contract, and the edges in and out of it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Final, Literal, NotRequired, TypedDict

from courseware_app.core.i18n import _
from courseware_app.core.progress import ProgressStore, StoredAttempt, iso_utc, parse_iso
from courseware_app.core.progress.helpers import JSONValue
from courseware_app.core.progress.records import AnswerResult

RequiredColumn = Literal[
    "attempt_id", "profile", "module", "module_version", "lang", "score", "passed", "finished_at"
]
TextColumn = Literal["profile_id", "device", "quiz", "started_at"]
AmountColumn = Literal["points", "max_points", "pass_mark"]
Column = RequiredColumn | TextColumn | AmountColumn
Field = Column | Literal["responses", "results"]

# The contract: these columns first, in this order, then at least profile_id and device.
REQUIRED_COLUMNS: Final[tuple[RequiredColumn, ...]] = (
    "attempt_id",
    "profile",
    "module",
    "module_version",
    "lang",
    "score",
    "passed",
    "finished_at",
)
CSV_COLUMNS: Final[tuple[Column, ...]] = (
    *REQUIRED_COLUMNS,
    "profile_id",
    "device",
    "quiz",
    "points",
    "max_points",
    "pass_mark",
    "started_at",
)
TEXT_COLUMNS: Final[tuple[TextColumn, ...]] = ("profile_id", "device", "quiz", "started_at")
AMOUNT_COLUMNS: Final[tuple[AmountColumn, ...]] = ("points", "max_points", "pass_mark")
NUMBER_COLUMNS: Final[tuple[Column, ...]] = ("score", *AMOUNT_COLUMNS)  # numbers in a sheet
JSON_FIELDS: Final[tuple[Literal["responses", "results"], ...]] = ("responses", "results")
FIELDS: Final[tuple[Field, ...]] = (*CSV_COLUMNS, *JSON_FIELDS)

# A number from the store or a JSON export, or a CSV cell's text kept as it was read.
Amount = float | str


class ExportError(Exception):
    """A file is not a results export (or cannot be written); the message names it."""


class AttemptRecord(TypedDict):
    """One attempt: the CSV columns (typed), maybe responses/results, maybe unknown columns."""

    attempt_id: str
    profile: str
    module: str
    module_version: str
    lang: str
    score: float
    passed: bool
    finished_at: str
    profile_id: NotRequired[str]
    device: NotRequired[str]
    quiz: NotRequired[str]
    points: NotRequired[Amount]
    max_points: NotRequired[Amount]
    pass_mark: NotRequired[Amount]
    started_at: NotRequired[str]
    responses: NotRequired[JSONValue]
    results: NotRequired[JSONValue]
    # columns this version does not know, kept as read
    extras: NotRequired[dict[str, JSONValue]]


Record = AttemptRecord  # the older name, still imported by callers


def record(attempt: StoredAttempt) -> AttemptRecord:
    """One export row for a stored attempt (responses included when they were loaded)."""
    rec: AttemptRecord = {
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
        rec["results"] = _results_json(attempt.results)
    return rec


def _results_json(results: dict[str, AnswerResult] | None) -> JSONValue:
    if results is None:
        return None
    out: dict[str, JSONValue] = {}
    for question, r in results.items():
        feedback: list[JSONValue] = [*r["feedback"]]
        out[question] = {
            "points": r["points"],
            "max_points": r["max_points"],
            "correct": r["correct"],
            "feedback": feedback,
        }
    return out


def export_records(
    store: ProgressStore, profile_ids: list[str] | None = None, *, responses: bool = True
) -> list[AttemptRecord]:
    return [record(a) for a in store.attempts(profile_ids, answers=responses)]


def number_text(value: JSONValue) -> str:
    """85.5 -> '85.5', 100.0 -> '100': '.' as decimal point whatever the locale."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format(round(float(value), 4), "f").rstrip("0").rstrip(".") or "0"
    return "" if value is None else str(value)


def to_float(value: JSONValue) -> float:
    """float() of a number or its text; TypeError for null, a list or an object."""
    if not isinstance(value, str | int | float):
        raise TypeError(f"not a number: {value!r}")
    return float(value)


def cells(rec: AttemptRecord) -> dict[str, JSONValue]:
    """The record as a file holds it: its fields in contract order, then the extras."""
    known: dict[str, JSONValue] = {k: rec[k] for k in FIELDS if k in rec}
    return {**known, **rec.get("extras", {})}


def columns_of(records: Iterable[AttemptRecord], first: Iterable[str] = ()) -> list[str]:
    """The CSV columns: the contract's, then ``first`` and the records' extras, in order."""
    out = list[str](CSV_COLUMNS)
    names = [*first, *(name for rec in records for name in rec.get("extras", {}))]
    for name in names:
        if name not in out and name not in JSON_FIELDS:
            out.append(name)
    return out


# ---------------------------------------------------------------- from a file's fields


def from_fields(fields: Mapping[str, JSONValue], where: str) -> AttemptRecord:
    """A CSV row or JSON object checked against the contract and typed; ExportError when wrong."""
    missing = [c for c in REQUIRED_COLUMNS if c not in fields]
    if missing:
        message = _("{where}: missing {columns}")
        raise ExportError(message.format(where=where, columns=", ".join(missing)))
    attempt_id = _attempt_id(fields["attempt_id"], where)
    passed = _passed(fields["passed"], where)
    score, finished_at = _score_and_time(fields["score"], fields["finished_at"], where)
    rec: AttemptRecord = {
        "attempt_id": attempt_id,
        "profile": _text(fields, "profile", where),
        "module": _text(fields, "module", where),
        "module_version": _text(fields, "module_version", where),
        "lang": _text(fields, "lang", where),
        "score": score,
        "passed": passed,
        "finished_at": finished_at,
    }
    extras = _fill_optional(rec, fields, where)
    if extras:
        rec["extras"] = extras
    return rec


def _attempt_id(value: JSONValue, where: str) -> str:
    try:
        uuid.UUID(str(value))
    except ValueError:
        message = _("{where}: attempt_id {value} is not a UUID")
        raise ExportError(message.format(where=where, value=repr(value))) from None
    return str(value)


def _passed(value: JSONValue, where: str) -> bool:
    passed = value
    if isinstance(passed, str) and passed.lower() in ("true", "false"):
        passed = passed.lower() == "true"
    if not isinstance(passed, bool):
        message = _("{where}: passed must be true or false, not {value}")
        raise ExportError(message.format(where=where, value=repr(value)))
    return passed


def _score_and_time(score: JSONValue, finished_at: JSONValue, where: str) -> tuple[float, str]:
    """The score as a percentage and the finishing time in UTC."""
    try:
        number = to_float(score)
        stamp = parse_iso(str(finished_at))
    except (TypeError, ValueError):
        raise ExportError(
            _("{where}: score or finished_at is not readable").format(where=where)
        ) from None
    if isinstance(score, bool) or not 0 <= number <= 100:
        raise ExportError(f"{where}: score {score!r} is not a percentage")
    return number, iso_utc(stamp)


def _text(fields: Mapping[str, JSONValue], name: str, where: str) -> str:
    """A required text column: text, or a number written as text (a version ``1``)."""
    value = fields[name]
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return number_text(value)
    raise _wrong(where, name, value)


def _wrong(where: str, name: str, value: JSONValue) -> ExportError:
    kind = "null" if value is None else type(value).__name__
    message = _("{where}: {field} has a wrong value (a {kind})")
    return ExportError(message.format(where=where, field=name, kind=kind))


def _optional_text(name: TextColumn, value: JSONValue, where: str) -> str:
    """An optional text column's value, checked: text, and ``started_at`` a time (or empty)."""
    if not isinstance(value, str):
        raise _wrong(where, name, value)
    if name == "started_at" and value:
        try:
            parse_iso(value)
        except ValueError:
            message = _("{where}: started_at “{value}” is not a time")
            raise ExportError(message.format(where=where, value=value[:40])) from None
    return value


def _amount(name: AmountColumn, value: JSONValue, where: str) -> Amount:
    """An optional number column's value: a number, its text, or empty text."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _wrong(where, name, value)
    if isinstance(value, str) and value:
        try:
            float(value)
        except ValueError:
            message = _("{where}: {field} “{value}” is not a number")
            raise ExportError(message.format(where=where, field=name, value=value[:40])) from None
    return value


def _fill_optional(
    rec: AttemptRecord, fields: Mapping[str, JSONValue], where: str
) -> dict[str, JSONValue]:
    """Set the optional fields (checked; null is the same as absent); give back the others."""
    placed: set[str] = set(REQUIRED_COLUMNS)
    for text in TEXT_COLUMNS:
        if fields.get(text) is not None:
            rec[text] = _optional_text(text, fields[text], where)
        placed.add(text)
    for number in AMOUNT_COLUMNS:
        if fields.get(number) is not None:
            rec[number] = _amount(number, fields[number], where)
        placed.add(number)
    for name in JSON_FIELDS:
        if name in fields:
            rec[name] = fields[name]
            placed.add(name)
    return {k: v for k, v in fields.items() if k not in placed}
