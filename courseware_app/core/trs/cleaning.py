"""From an extract's rows to consignments: timestamps read per column, unusable ones set
aside with their line and reason (the cleaning log), pre-arrival declarations flagged."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise
from typing import Final

from courseware_app.core.i18n import _
from courseware_app.core.trs.headers import PRE_ARRIVAL_ROLES, Milestone, Role
from courseware_app.core.trs.reading import Extract, Row, TrsError
from courseware_app.core.trs.timestamps import DateFormat, Detection, detect_format, parser_for

Progress = Callable[[int, int], None]  # (steps done, steps in all)
Cancelled = Callable[[], bool]
PROGRESS_EVERY: Final = 5000


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


@dataclass(frozen=True, slots=True)
class Consignment:
    """A row's usable figures: each consecutive interval in minutes (None when unusable),
    the total when every milestone is usable, and the values of the segment columns."""

    line: int
    id: str
    groups: tuple[str, ...]
    intervals: tuple[float | None, ...]
    total: float | None
    pre_arrival: bool


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
    consignments: tuple[Consignment, ...]
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


def _cell(cells: tuple[str, ...], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def detect_columns(extract: Extract, plan: Plan) -> tuple[Detection, ...]:
    """The timestamp form of each milestone column (forced ones as given); TrsError when a
    column holds no timestamp in any known form."""
    found = []
    for m in plan.milestones:
        if m.column in plan.formats:
            found.append(Detection(m.column, plan.formats[m.column]))
            continue
        index = extract.column(m.column)
        values = [c for r in extract.rows if (c := _cell(r.cells, index).strip())]
        detection = detect_format(m.column, values)
        if detection.format is None and values:
            message = _("{column}: no timestamp in a known form (such as {example})")
            raise TrsError(message.format(column=m.column, example=values[0]))
        found.append(detection)
    return tuple(found)


class _Cleaner:
    """The row loop: one instance per analysis, so the hot path reads locals."""

    def __init__(self, extract: Extract, plan: Plan, detections: Sequence[Detection]) -> None:
        self.columns = [m.column for m in plan.milestones]
        self.indexes = [extract.column(c) for c in self.columns]
        self.parsers = [parser_for(d.format or DateFormat.ISO) for d in detections]
        self.id_index = extract.column(plan.id_column) if plan.id_column else None
        self.by_indexes = [extract.column(c) for c in plan.by]
        roles = [m.role for m in plan.milestones]
        self.arrival = roles.index(Role.ARRIVAL) if Role.ARRIVAL in roles else None
        self.early = [i for i, r in enumerate(roles) if r in PRE_ARRIVAL_ROLES]
        self.exclusions: list[Exclusion] = []
        self.seen: dict[str, int] = {}

    def times(self, row: Row, ident: str) -> list[float | None]:
        """The row's timestamps in minutes, None where missing or unreadable (logged)."""
        found: list[float | None] = []
        for column, index, parse in zip(self.columns, self.indexes, self.parsers, strict=True):
            cell = _cell(row.cells, index)
            value = parse(cell) if cell.strip() else None
            if value is None:
                problem = Problem.UNPARSEABLE if cell.strip() else Problem.MISSING
                self.log(row.line, ident, problem, column)
            found.append(value)
        return found

    def log(self, line: int, ident: str, problem: Problem, column: str, other: str = "") -> None:
        reason = _reason(problem, column, other)
        self.exclusions.append(Exclusion(line, ident, problem, column, reason))

    def pre_arrival(self, times: list[float | None]) -> bool:
        """Whether a declaration milestone precedes arrival; those after arrival in process
        order are then counted from arrival (their interval from arrival is zero)."""
        if self.arrival is None:
            return False
        arrived = times[self.arrival]
        if arrived is None:
            return False
        early = False
        for k in self.early:
            value = times[k]
            if value is not None and value < arrived:
                early = True
                if k > self.arrival:
                    times[k] = arrived
        return early

    def drop_reversed(self, row: Row, ident: str, times: list[float | None]) -> None:
        """A milestone before the last usable one makes both unusable (logged): which of the
        two is wrong cannot be known, and neither is guessed."""
        usable: list[int] = []
        for k, value in enumerate(times):
            if value is None:
                continue
            if usable and value < (times[usable[-1]] or 0.0):
                last = usable.pop()
                self.log(row.line, ident, Problem.REVERSED, self.columns[k], self.columns[last])
                times[k] = times[last] = None
                continue
            usable.append(k)

    def consignment(self, row: Row) -> Consignment | None:
        cells = row.cells
        ident = _cell(cells, self.id_index).strip() if self.id_index is not None else ""
        ident = ident or str(row.line)
        if self.id_index is not None and ident in self.seen:
            self.log(row.line, ident, Problem.DUPLICATE, "", str(self.seen[ident]))
            return None
        self.seen[ident] = row.line
        times = self.times(row, ident)
        early = self.pre_arrival(times)
        self.drop_reversed(row, ident, times)
        intervals = tuple(None if a is None or b is None else b - a for a, b in pairwise(times))
        complete = all(t is not None for t in times)
        total = (times[-1] or 0.0) - (times[0] or 0.0) if complete else None
        groups = tuple(_cell(cells, i).strip() for i in self.by_indexes)
        return Consignment(row.line, ident, groups, intervals, total, early)


def clean(
    extract: Extract,
    plan: Plan,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Cleaned:
    """The consignments of ``extract`` under ``plan`` and the cleaning log. ``progress`` is
    told (rows read, rows in all) now and then; TrsCancelled when ``cancelled()`` is true."""
    detections = detect_columns(extract, plan)
    cleaner = _Cleaner(extract, plan, detections)
    found: list[Consignment] = []
    total = len(extract.rows)
    for done, row in enumerate(extract.rows):
        if done % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise TrsCancelled
            if progress is not None:
                progress(done, total)
        consignment = cleaner.consignment(row)
        if consignment is not None:
            found.append(consignment)
    if progress is not None:
        progress(total, total)
    return Cleaned(tuple(found), tuple(cleaner.exclusions), detections)
