"""From an extract's rows to consignments: timestamps read per column, unusable ones set
aside with their line and reason (the cleaning log), pre-arrival declarations flagged.

The work goes column by column (100,000 rows in well under a second); only the few rows with
a missing, unreadable or reversed timestamp are looked at one by one."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise
from operator import sub
from typing import Final, TypeVar, cast

from courseware_app.core.i18n import _
from courseware_app.core.trs.headers import PRE_ARRIVAL_ROLES, Milestone, Role
from courseware_app.core.trs.reading import Extract, TrsError
from courseware_app.core.trs.stats import positions
from courseware_app.core.trs.timestamps import (
    ColumnReader,
    DateFormat,
    Detection,
    detect_format,
)

Progress = Callable[[int, int], None]  # (steps done, steps in all)
Cancelled = Callable[[], bool]
Column = list[float | None]
T = TypeVar("T")
CHUNK: Final = 20_000  # cells read between two looks at progress and cancellation


class TrsCancelled(Exception):
    """The caller cancelled the analysis."""


class Problem(Enum):
    """Why a timestamp (or a whole row) cannot be used; the value is the JSON's code."""

    MISSING = "missing"
    UNPARSEABLE = "unparseable"
    REVERSED = "reversed"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Exclusion:
    """One line of the cleaning log: a row, the column concerned ("" for the whole row), why."""

    line: int
    id: str
    problem: Problem
    column: str
    reason: str


@dataclass(frozen=True)
class Consignments:
    """The usable figures of every kept row, by column (index i is the i-th consignment):
    each consecutive interval in minutes (None when unusable), the total when every milestone
    is usable (else None), the values of the segment columns, the pre-arrival flag."""

    lines: list[int]
    ids: list[str]
    groups: list[tuple[str, ...]]
    intervals: list[Column]
    totals: Column
    pre_arrival: list[bool]

    def __len__(self) -> int:
        return len(self.lines)


@dataclass(frozen=True)
class Plan:
    """What to analyse: the milestones in process order, the identifier's column (None: the
    line number identifies), the segment columns, and forms forced for some columns."""

    milestones: tuple[Milestone, ...]
    id_column: str | None = None
    by: tuple[str, ...] = ()
    formats: Mapping[str, DateFormat] = field(default_factory=dict)


@dataclass(frozen=True)
class Cleaned:
    consignments: Consignments
    exclusions: tuple[Exclusion, ...]
    detections: tuple[Detection, ...]


def _reason(problem: Problem, column: str, other: str = "") -> str:
    if problem is Problem.MISSING:
        return _("missing timestamp: {column}").format(column=column)
    if problem is Problem.UNPARSEABLE:
        return _("unreadable timestamp: {column}").format(column=column)
    if problem is Problem.REVERSED:
        return _("{column} before {previous}").format(column=column, previous=other)
    return _("duplicate id (first on line {line})").format(line=other)


def detect_columns(extract: Extract, plan: Plan) -> tuple[Detection, ...]:
    """The timestamp form of each milestone column (forced ones as given); TrsError when a
    column holds no timestamp in any known form."""
    found = []
    for m in plan.milestones:
        if m.column in plan.formats:
            found.append(Detection(m.column, plan.formats[m.column]))
            continue
        cells = extract.values(m.column)
        detection = detect_format(m.column, cells)
        example = next((c for c in cells if c.strip()), None)
        if detection.format is None and example is not None:
            message = _("{column}: no timestamp in a known form (such as {example})")
            raise TrsError(message.format(column=m.column, example=example))
        found.append(detection)
    return tuple(found)


class _Log:
    def __init__(self) -> None:
        self.entries: list[Exclusion] = []

    def add(self, line: int, ident: str, problem: Problem, column: str, other: str = "") -> None:
        self.entries.append(
            Exclusion(line, ident, problem, column, _reason(problem, column, other))
        )


def _ids(extract: Extract, plan: Plan) -> list[str]:
    if plan.id_column is None:
        return [str(line) for line in extract.lines]
    cells = extract.values(plan.id_column)
    return [c.strip() or str(line) for c, line in zip(cells, extract.lines, strict=True)]


def _unique(lines: list[int], ids: list[str], has_ids: bool, log: _Log) -> list[int]:
    """The indexes of the rows to keep: a repeated identifier's later rows are logged."""
    if not has_ids or len(set(ids)) == len(ids):
        return list(range(len(lines)))
    first: dict[str, int] = {}
    keep = []
    for i, ident in enumerate(ids):
        if first.setdefault(ident, i) == i:
            keep.append(i)
        else:
            log.add(lines[i], ident, Problem.DUPLICATE, "", str(lines[first[ident]]))
    return keep


class _Reader:
    """Reads the milestone columns, reporting progress and looking for cancellation."""

    def __init__(self, steps: int, progress: Progress | None, cancelled: Cancelled | None):
        self.done, self.steps = 0, steps
        self.progress, self.cancelled = progress, cancelled

    def step(self, count: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise TrsCancelled
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.steps)

    def column(self, cells: list[str], fmt: DateFormat | None) -> Column:
        read = ColumnReader(fmt or DateFormat.ISO)
        found: Column = []
        for start in range(0, len(cells), CHUNK):
            chunk = cells[start : start + CHUNK]
            found += read(chunk)
            self.step(len(chunk))
        return found


def _log_unread(
    column: str, cells: list[str], times: Column, lines: list[int], ids: list[str], log: _Log
) -> None:
    for i in positions(times, None):
        problem = Problem.UNPARSEABLE if cells[i].strip() else Problem.MISSING
        log.add(lines[i], ids[i], problem, column)


def _pre_arrival(plan: Plan, columns: list[Column]) -> list[bool]:
    """Whether each row's declaration (or registration, payment) precedes arrival; where that
    milestone comes after arrival in process order it is then counted from arrival."""
    roles = [m.role for m in plan.milestones]
    flags = [False] * (len(columns[0]) if columns else 0)
    if Role.ARRIVAL not in roles:
        return flags
    at = roles.index(Role.ARRIVAL)
    arrival = columns[at]
    for k, role in enumerate(roles):
        if role not in PRE_ARRIVAL_ROLES:
            continue
        early = [
            a is not None and b is not None and b < a
            for a, b in zip(arrival, columns[k], strict=True)
        ]
        flags = [f or e for f, e in zip(flags, early, strict=True)]
        if k > at:
            columns[k] = [a if e else b for a, b, e in zip(arrival, columns[k], early, strict=True)]
    return flags


def _drop_reversed(
    times: list[float | None], names: Sequence[str], line: int, ident: str, log: _Log
) -> None:
    """A milestone before the last usable one makes both unusable (logged): which of the
    two is wrong cannot be known, and neither is guessed."""
    usable: list[int] = []
    for k, value in enumerate(times):
        if value is None:
            continue
        if usable and value < (times[usable[-1]] or 0.0):
            last = usable.pop()
            log.add(line, ident, Problem.REVERSED, names[k], names[last])
            times[k] = times[last] = None
            continue
        usable.append(k)


def _filled(columns: list[Column], gaps: list[list[int]]) -> list[list[float]]:
    """The columns with 0.0 for None, so that the interpreter's own loops can subtract."""
    filled = []
    for column, holes in zip(columns, gaps, strict=True):
        values = list(column)
        for i in holes:
            values[i] = 0.0
        filled.append(cast("list[float]", values))
    return filled


def _intervals(filled: list[list[float]], gaps: list[list[int]]) -> tuple[list[Column], set[int]]:
    """Each consecutive difference, None where a timestamp is missing (``gaps`` lists where
    each column has None); and the rows where one is below zero."""
    found: list[Column] = []
    negative: set[int] = set()
    for k, (x, y) in enumerate(pairwise(filled)):
        interval: Column = list(map(sub, y, x))
        holes = set(gaps[k]).union(gaps[k + 1])
        for i in holes:
            interval[i] = 0.0
        if min(cast("list[float]", interval), default=0.0) < 0:
            negative.update(i for i, v in enumerate(interval) if v is not None and v < 0)
        for i in holes:
            interval[i] = None
        found.append(interval)
    return found, negative


def _totals(filled: list[list[float]], irregular: list[int], intervals: list[Column]) -> Column:
    """First to last milestone; for an irregular row, the sum of its intervals when it has
    them all, else None."""
    totals: Column = list(map(sub, filled[-1], filled[0]))
    for i in irregular:
        parts = [interval[i] for interval in intervals]
        totals[i] = None if None in parts else sum(p or 0.0 for p in parts)
    return totals


def _groups(
    extract: Extract, plan: Plan, pick: Callable[[list[str]], list[str]], count: int
) -> list[tuple[str, ...]]:
    """Each kept row's values of the segment columns."""
    if not plan.by:
        return [()] * count
    by = [list(map(str.strip, pick(extract.values(c)))) for c in plan.by]
    return list(zip(*by, strict=True))


def _set_row(intervals: list[Column], i: int, times: list[float | None]) -> None:
    for k, (a, b) in enumerate(pairwise(times)):
        intervals[k][i] = None if a is None or b is None else b - a


def clean(
    extract: Extract,
    plan: Plan,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Cleaned:
    """The consignments of ``extract`` under ``plan`` and the cleaning log. ``progress`` is
    told (cells read, cells in all); TrsCancelled when ``cancelled()`` turns true."""
    detections = detect_columns(extract, plan)
    log = _Log()
    ids = _ids(extract, plan)
    keep = _unique(extract.lines, ids, plan.id_column is not None, log)

    def pick(values: list[T]) -> list[T]:
        return values if len(keep) == len(values) else [values[i] for i in keep]

    lines, ids = pick(extract.lines), pick(ids)
    names = [m.column for m in plan.milestones]
    reader = _Reader(len(lines) * len(names), progress, cancelled)
    columns: list[Column] = []
    for name, detection in zip(names, detections, strict=True):
        cells = pick(extract.values(name))
        columns.append(reader.column(cells, detection.format))
        _log_unread(name, cells, columns[-1], lines, ids, log)
    flags = _pre_arrival(plan, columns)
    gaps = [positions(column, None) for column in columns]
    filled = _filled(columns, gaps)
    intervals, negative = _intervals(filled, gaps)
    irregular = sorted(negative.union(*gaps))
    for i in irregular:
        times = [column[i] for column in columns]
        _drop_reversed(times, names, lines[i], ids[i], log)
        _set_row(intervals, i, times)
    consignments = Consignments(
        lines=lines,
        ids=ids,
        groups=_groups(extract, plan, pick, len(lines)),
        intervals=intervals,
        totals=_totals(filled, irregular, intervals),
        pre_arrival=flags,
    )
    entries = sorted(log.entries, key=lambda e: e.line)
    return Cleaned(consignments, tuple(entries), detections)
