"""The limits on a results file brought in by someone (core/limits.py), checked as it is read:
beyond them the file is refused with an ExportError naming it, never read half-way."""

from __future__ import annotations

from pathlib import Path

from courseware_app.core import limits
from courseware_app.core.i18n import _
from courseware_app.core.progress.helpers import JSONValue
from courseware_app.core.results.records import ExportError


def read_limited(path: Path) -> bytes:
    """The file's bytes, unless it cannot be read or is larger than MAX_RESULTS_FILE_BYTES."""
    try:
        size = path.stat().st_size
        if size > limits.MAX_RESULTS_FILE_BYTES:
            message = _("{path}: larger than {limit} bytes: not a results export")
            raise ExportError(message.format(path=path, limit=limits.MAX_RESULTS_FILE_BYTES))
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        message = _("{path}: cannot be read: {reason}").format(path=path, reason=reason)
        raise ExportError(message) from None


def too_long(where: str) -> ExportError:
    message = _("{where}: a field is longer than {limit} characters")
    return ExportError(message.format(where=where, limit=limits.MAX_RESULTS_FIELD_CHARS))


def check_fields(fields: list[str], where: str) -> None:
    """A CSV row: no field longer than MAX_RESULTS_FIELD_CHARS."""
    if any(len(f) > limits.MAX_RESULTS_FIELD_CHARS for f in fields):
        raise too_long(where)


def check_json(value: JSONValue, where: str) -> None:
    """A parsed JSON document: nested at most MAX_JSON_DEPTH deep, no string (or key) longer
    than MAX_RESULTS_FIELD_CHARS. Walked without recursion, so any depth is safe to check."""
    todo: list[tuple[JSONValue, int]] = [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, str):
            if len(item) > limits.MAX_RESULTS_FIELD_CHARS:
                raise too_long(where)
            continue
        if not isinstance(item, list | dict):
            continue
        if depth > limits.MAX_JSON_DEPTH:
            raise too_deep(where)
        children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
        todo.extend((child, depth + 1) for child in children)


def too_deep(where: str) -> ExportError:
    message = _("{where}: nested deeper than {limit} levels")
    return ExportError(message.format(where=where, limit=limits.MAX_JSON_DEPTH))
