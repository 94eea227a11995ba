"""Timestamps in the forms extracts use, detected per column: ISO 8601, dd.mm.yyyy HH:MM[:SS],
dd/mm/yyyy HH:MM (and mm/dd/yyyy, only to report when a column could be either). Values
become minutes on one scale (days since year 1 × 1440 + the time of day), so that intervals
are differences; an ISO offset (+03:00, Z) is taken into account."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Final

from courseware_app.core.i18n import _


class DateFormat(Enum):
    """A timestamp form a column may be written in."""

    ISO = "iso8601"
    DMY_DOT = "dd.mm.yyyy"
    DMY_SLASH = "dd/mm/yyyy"
    MDY_SLASH = "mm/dd/yyyy"


Parser = Callable[[str], float | None]
DETECT_SAMPLE: Final = 500

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOT_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?")
_ISO_TIME = re.compile(
    r"(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?", re.I
)


def _day(year: str, month: str, day: str) -> int | None:
    try:
        return date(int(year), int(month), int(day)).toordinal()
    except ValueError:
        return None


def _date_reader(fmt: DateFormat) -> Callable[[str], int | None]:
    pattern = {
        DateFormat.ISO: _ISO_DATE,
        DateFormat.DMY_DOT: _DOT_DATE,
        DateFormat.DMY_SLASH: _SLASH_DATE,
        DateFormat.MDY_SLASH: _SLASH_DATE,
    }[fmt]
    # where each form writes the year, the month and the day
    year, month, day = {
        DateFormat.ISO: (0, 1, 2),
        DateFormat.DMY_DOT: (2, 1, 0),
        DateFormat.DMY_SLASH: (2, 1, 0),
        DateFormat.MDY_SLASH: (2, 0, 1),
    }[fmt]

    def read(text: str) -> int | None:
        m = pattern.fullmatch(text)
        if m is None:
            return None
        parts = m.groups()
        return _day(parts[year], parts[month], parts[day])

    return read


def _offset_minutes(zone: str | None) -> int:
    if not zone or zone.upper() == "Z":
        return 0
    digits = zone[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) > 2 else 0)
    return -minutes if zone[0] == "-" else minutes


def _time_reader(iso: bool) -> Callable[[str], float | None]:
    pattern = _ISO_TIME if iso else _TIME

    def read(text: str) -> float | None:
        m = pattern.fullmatch(text)
        if m is None:
            return None
        hour, minute = int(m.group(1)), int(m.group(2))
        second = int(m.group(3) or 0)
        if hour > 24 or minute > 59 or second > 60 or (hour == 24 and minute + second):
            return None
        fraction = float("0." + m.group(4)) if m.group(4) else 0.0
        zone = m.group(5) if iso else None
        return hour * 60 + minute + (second + fraction) / 60 - _offset_minutes(zone)

    return read


def parser_for(fmt: DateFormat) -> Parser:
    """A function from a cell to its minutes, or None when the cell is not in form ``fmt``
    (or is no real date or time). Dates and times are remembered: an extract repeats them."""
    read_date, read_time = _date_reader(fmt), _time_reader(fmt is DateFormat.ISO)
    days: dict[str, int | None] = {}
    times: dict[str, float | None] = {}
    separator = "T" if fmt is DateFormat.ISO else " "

    def parse(cell: str) -> float | None:
        text = cell.strip()
        day_text, found, time_text = text.partition(separator)
        if not found and fmt is DateFormat.ISO:
            day_text, found, time_text = text.partition(" ")
        if not found:
            return None
        day = days[day_text] if day_text in days else days.setdefault(day_text, read_date(day_text))
        if day is None:
            return None
        time_text = time_text.strip()
        minutes = (
            times[time_text]
            if time_text in times
            else times.setdefault(time_text, read_time(time_text))
        )
        return None if minutes is None else day * 1440 + minutes

    return parse


@dataclass(frozen=True)
class Detection:
    """The form found for a column; ``ambiguous`` when its dates read as day/month and as
    month/day alike (it is then read as day/month, and the caller reports it)."""

    column: str
    format: DateFormat | None
    ambiguous: bool = False

    def warning(self) -> str | None:
        """The sentence that reports an ambiguity, or None."""
        if not self.ambiguous:
            return None
        message = _(
            "{column}: every date reads both as day/month and as month/day; read as "
            "day/month (dd/mm/yyyy)"
        )
        return message.format(column=self.column)


def _score(fmt: DateFormat, values: Iterable[str]) -> int:
    parse = parser_for(fmt)
    return sum(1 for v in values if parse(v) is not None)


def detect_format(column: str, values: Sequence[str]) -> Detection:
    """The form of ``values`` (a column's non-empty cells): the one that reads most of a
    sample; day/month against month/day decided on every value, and reported when nothing
    decides it. ``format`` is None when no form reads any value."""
    sample = values[:DETECT_SAMPLE]
    scores = {fmt: _score(fmt, sample) for fmt in DateFormat}
    best = max(scores.values())
    if best == 0:
        return Detection(column, None)
    leaders = [fmt for fmt in DateFormat if scores[fmt] == best]
    if leaders[0] is not DateFormat.DMY_SLASH or DateFormat.MDY_SLASH not in leaders:
        return Detection(column, leaders[0])
    day_first = _score(DateFormat.DMY_SLASH, values)
    month_first = _score(DateFormat.MDY_SLASH, values)
    if day_first == month_first:
        return Detection(column, DateFormat.DMY_SLASH, ambiguous=True)
    return Detection(
        column, DateFormat.DMY_SLASH if day_first > month_first else DateFormat.MDY_SLASH
    )
