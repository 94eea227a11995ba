"""Small pure helpers of the progress store: UTC timestamps, this device's name, JSON values."""

from __future__ import annotations

import platform
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

# What a response or a feedback list becomes once stored as JSON.
JSONValue = str | int | float | bool | None | list["JSONValue"] | dict[str, "JSONValue"]


def iso_utc(moment: datetime | None = None) -> str:
    """2025-03-01T09:15:00Z: ISO 8601 in UTC, whole seconds."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> datetime:
    """A stored timestamp back to an aware datetime (naive ones are taken as UTC)."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def device_name() -> str:
    """The name of this computer, recorded with each attempt."""
    return platform.node() or "unknown"


def to_jsonable(value: object) -> object:
    """Responses as JSON: sets become sorted lists, dict keys strings, tuples lists."""
    if isinstance(value, set | frozenset):
        return _sorted([to_jsonable(v) for v in value])
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def _sorted(items: list[object]) -> Sequence[object]:
    """In natural order when the items compare, else by their repr."""
    try:
        return sorted(cast("list[SupportsRichComparison]", items))
    except TypeError:
        return sorted(items, key=repr)
