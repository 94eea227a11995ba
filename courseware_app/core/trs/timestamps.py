"""Timestamps in the forms extracts use, detected per column: ISO 8601, dd.mm.yyyy HH:MM[:SS],
dd/mm/yyyy HH:MM (and mm/dd/yyyy, only to report when a column could be either). Values
become minutes on one scale (days since 1 January of year 1 × 1440 + the time of day), so that intervals
are differences; an ISO offset (+03:00, Z) is taken into account."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from itertools import islice
from operator import add, itemgetter
from typing import Final, TypeVar

from courseware_app.core.i18n import _
from courseware_app.core.trs.stats import positions


class DateFormat(Enum):
    """A timestamp form a column may be written in."""

    ISO = "iso8601"
    DMY_DOT = "dd.mm.yyyy"
    DMY_SLASH = "dd/mm/yyyy"
    MDY_SLASH = "mm/dd/yyyy"


Parser = Callable[[str], float | None]
T = TypeVar("T")
DETECT_SAMPLE: Final = 500
_MINUTE: Final = timedelta(minutes=1)
_DAY_ONE: Final = datetime(1, 1, 1)  # minutes = (ordinal - 1) × 1440 + the time of day

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOT_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?")


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


def _read_time(text: str) -> float | None:
    m = _TIME.fullmatch(text)
    if m is None:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    fraction = float("0." + m.group(4)) if m.group(4) else 0.0
    return hour * 60 + minute + (second + fraction) / 60


def _parse_iso(cell: str) -> float | None:
    """ISO 8601 (date and time; with an offset, taken to UTC) by the standard library."""
    text = cell.strip()
    if len(text) <= 10:  # a date alone is not a timestamp
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (moment - _DAY_ONE) / _MINUTE


def parser_for(fmt: DateFormat) -> Parser:
    """A function from a cell to its minutes, or None when the cell is not in form ``fmt``
    (or is no real date or time). Dates and times are remembered: an extract repeats them."""
    if fmt is DateFormat.ISO:
        return _parse_iso
    read_date = _date_reader(fmt)
    days: dict[str, int | None] = {}
    times: dict[str, float | None] = {}

    def parse(cell: str) -> float | None:
        day_text, found, time_text = cell.strip().partition(" ")
        if not found:
            return None
        if day_text not in days:
            days[day_text] = read_date(day_text)
        day = days[day_text]
        time_text = time_text.strip()
        if time_text not in times:
            times[time_text] = _read_time(time_text)
        minutes = times[time_text]
        return None if day is None or minutes is None else (day - 1) * 1440 + minutes

    return parse


_NAN: Final = math.nan
_CLOCK_ZERO: Final = datetime(2000, 1, 1)
_DATE_PART, _TIME_PART = itemgetter(slice(0, 10)), itemgetter(slice(10, None))


def _iso_day(text: str) -> float:
    try:
        return (date.fromisoformat(text).toordinal() - 1) * 1440.0 if len(text) == 10 else _NAN
    except ValueError:
        return _NAN


def _iso_clock(text: str) -> float:
    """Minutes into the day of "T07:40", " 07:40:05", "T07:40+03:00" (taken to UTC)."""
    if len(text) < 3 or text[0] not in "T ":
        return _NAN
    try:
        moment = datetime.fromisoformat("2000-01-01" + text)
    except ValueError:
        return _NAN
    offset = moment.utcoffset()
    minutes = (moment.replace(tzinfo=None) - _CLOCK_ZERO) / _MINUTE
    return minutes - offset / _MINUTE if offset is not None else minutes


class ColumnReader:
    """Reads a column's cells in form ``fmt`` to minutes (None where a cell is unreadable).
    ISO cells are split into date and time, each distinct part read once and the sums made
    by the interpreter's own loops: a 100,000-row column takes a few hundredths of a second."""

    def __init__(self, fmt: DateFormat) -> None:
        self.fmt, self.parse = fmt, parser_for(fmt)
        self.days: dict[str, float] = {}
        self.clocks: dict[str, float] = {}

    def __call__(self, cells: list[str]) -> list[float | None]:
        if self.fmt is not DateFormat.ISO:
            return list(map(self.parse, cells))
        day_parts, clock_parts = list(map(_DATE_PART, cells)), list(map(_TIME_PART, cells))
        some_days, some_clocks = set(day_parts), set(clock_parts)
        for part in some_days.difference(self.days):
            self.days[part] = _iso_day(part)
        for part in some_clocks.difference(self.clocks):
            self.clocks[part] = _iso_clock(part)
        sums = map(
            add, map(self.days.__getitem__, day_parts), map(self.clocks.__getitem__, clock_parts)
        )
        found: list[float | None] = list(sums)
        odd = {
            i
            for part in set(day_parts)
            if self.days[part] != self.days[part]
            for i in positions(day_parts, part)
        }  # NaN: not the plain form
        odd.update(
            i
            for part in set(clock_parts)
            if self.clocks[part] != self.clocks[part]
            for i in positions(clock_parts, part)
        )
        for i in odd:
            found[i] = self.parse(cells[i])
        return found


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


def detect_format(column: str, cells: Sequence[str]) -> Detection:
    """The form of a column's ``cells`` (empty ones skipped): the one that reads most of a
    sample; day/month against month/day decided on every value, and reported when nothing
    decides it. ``format`` is None when no form reads any value."""
    sample = list(islice((c for c in cells if c.strip()), DETECT_SAMPLE))
    scores = {fmt: _score(fmt, sample) for fmt in DateFormat}
    best = max(scores.values())
    if best == 0:
        return Detection(column, None)
    leaders = [fmt for fmt in DateFormat if scores[fmt] == best]
    if leaders[0] is not DateFormat.DMY_SLASH or DateFormat.MDY_SLASH not in leaders:
        return Detection(column, leaders[0])
    values = [c for c in cells if c.strip()]
    day_first = _score(DateFormat.DMY_SLASH, values)
    month_first = _score(DateFormat.MDY_SLASH, values)
    if day_first == month_first:
        return Detection(column, DateFormat.DMY_SLASH, ambiguous=True)
    return Detection(
        column, DateFormat.DMY_SLASH if day_first > month_first else DateFormat.MDY_SLASH
    )
