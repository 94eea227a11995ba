"""The checks on one value read from a sessions file: each gives the typed value, or an
ExportError naming the file and the place in it."""

from __future__ import annotations

import uuid

from courseware_app.core.i18n import _
from courseware_app.core.limits import MAX_COUNT, MAX_DURATION_MINUTES
from courseware_app.core.progress import iso_utc, parse_iso
from courseware_app.core.progress.helpers import JSONValue
from courseware_app.core.results import ExportError
from courseware_app.core.results.neutral import FORMULA_STARTS


def wrong(where: str, name: str, value: JSONValue) -> ExportError:
    shown = repr(value) if isinstance(value, str | int | float) else type(value).__name__
    message = _("{where}: {field} has a wrong value ({value})")
    return ExportError(message.format(where=where, field=name, value=shown[:40]))


def cell(value: str) -> str:
    """A CSV cell's text as it was before the export neutralised it ('=x back to =x)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def text(value: JSONValue, where: str, name: str, *, required: bool = False) -> str:
    """Text (a number is taken as its text: a version ``1``); empty refused if ``required``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or (required and not value):
        raise wrong(where, name, value)
    return value


def session_id(value: JSONValue, where: str) -> str:
    try:
        return str(uuid.UUID(text(value, where, "session_id")))
    except ValueError:
        message = _("{where}: session_id {value} is not a UUID")
        raise ExportError(message.format(where=where, value=repr(value)[:60])) from None


def moment(value: JSONValue, where: str, name: str) -> str:
    """A time, as iso_utc writes it."""
    try:
        return iso_utc(parse_iso(text(value, where, name, required=True)))
    except (ValueError, OverflowError):
        message = _("{where}: {field} “{value}” is not a time")
        raise ExportError(message.format(where=where, field=name, value=str(value)[:40])) from None


def optional_moment(value: JSONValue, where: str, name: str) -> str | None:
    return None if value in (None, "") else moment(value, where, name)


def whole(value: JSONValue, where: str, name: str, high: int = MAX_COUNT) -> int:
    """A whole number from 0 to ``high`` (or its text)."""
    number: JSONValue = value
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value)
    if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= high:
        raise wrong(where, name, value)
    return number


def flag(value: JSONValue, where: str, name: str) -> bool:
    """1/0, true/false."""
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("1", "true"):
        return True
    if str(value).lower() in ("0", "false", ""):
        return False
    raise wrong(where, name, value)


def seconds(value: JSONValue, where: str, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise wrong(where, name, value)
    try:
        number = float(value)
    except ValueError:
        raise wrong(where, name, value) from None
    if not 0 <= number <= MAX_DURATION_MINUTES * 60:
        raise wrong(where, name, value)
    return number


def minutes(value: JSONValue, where: str, name: str) -> int | None:
    return None if value in (None, "") else whole(value, where, name, MAX_DURATION_MINUTES)
