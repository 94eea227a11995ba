"""The analysis: per segment (all traffic, each value of the segment columns, and each
combination of two), the total and each interval's count, mean, median, 90th percentile,
maximum and share of the total; the bottleneck; outliers by the 1.5×IQR rule; and the same
for the consignments declared before arrival and after it.

Consignments fall into cells (segment values × pre-arrival × complete or not); each cell's
values are sorted once per interval, and a segment's sorted values are its cells' sorted
runs merged (which Python's sort does in linear time), so 100,000 rows take about a second."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from courseware_app.core.i18n import _
from courseware_app.core.trs.cleaning import (
    Cancelled,
    Consignments,
    Exclusion,
    Plan,
    Progress,
    TrsCancelled,
    clean,
)
from courseware_app.core.trs.headers import PRE_ARRIVAL_ROLES, Role
from courseware_app.core.trs.reading import Extract, TrsError
from courseware_app.core.trs.stats import Summary, collector_paused, iqr_fences, summarise
from courseware_app.core.trs.timestamps import Detection

MAX_BY = 2
MAX_SEGMENTS = 1000  # a segment column with more values than this is an identifier
TOTAL = -1  # the "interval" index of the total
Key = tuple[tuple[str, ...], bool, bool]  # a cell: segment values, pre-arrival, complete
By = tuple[tuple[str, str], ...]


class Outlier(NamedTuple):
    """A consignment whose interval (or total) lies beyond the 1.5×IQR fences of its segment."""

    id: str
    line: int
    start: str
    end: str
    minutes: float


@dataclass(frozen=True)
class IntervalStats:
    """One interval of a segment: its milestones, the summary of its minutes over the
    consignments with both milestones usable (sorted in ``values``), the summary over the
    consignments with every milestone (``complete``: the population of the total, where
    means add up), and its share of those consignments' total minutes."""

    start: str
    end: str
    summary: Summary
    complete: Summary
    share: float | None
    values: list[float]


@dataclass(frozen=True)
class SegmentStats:
    """A segment: ``by`` holds (column, value) pairs, empty for all traffic; ``count`` is the
    consignments with every milestone, over which ``total`` (sorted in ``totals``) runs."""

    by: By
    count: int
    total: Summary
    totals: list[float]
    intervals: tuple[IntervalStats, ...]
    bottleneck: IntervalStats | None
    outliers: tuple[Outlier, ...]


@dataclass(frozen=True)
class PreArrival:
    """Pre-arrival declarations: the flagged rows (line, id) and, for each segment, its
    consignments declared before arrival and those declared after (``declared`` says which).
    These halves list no outliers: each is listed in its whole segment."""

    arrival: str
    flagged: tuple[tuple[int, str], ...]
    segments: tuple[tuple[str, SegmentStats], ...]  # ("before_arrival" | "after_arrival", ...)


@dataclass(frozen=True)
class Analysis:
    """Everything the report, the JSON document and the lab show about one extract."""

    file: str
    encoding: str
    delimiter: str
    rows: int
    used: int
    id_column: str | None
    milestones: tuple[str, ...]
    by: tuple[str, ...]
    detections: tuple[Detection, ...]
    excluded: tuple[Exclusion, ...]
    segments: tuple[SegmentStats, ...]
    pre_arrival: PreArrival | None

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(w for d in self.detections if (w := d.warning()) is not None)


def _merge(runs: list[list[float]]) -> list[float]:
    """Sorted runs as one sorted list (the sort merges runs in linear time)."""
    if len(runs) == 1:
        return runs[0]
    merged = list(chain.from_iterable(runs))
    merged.sort()
    return merged


class _Cells:
    """The consignments by cell, with each cell's sorted values per interval (cached)."""

    def __init__(self, c: Consignments, milestones: Sequence[str]) -> None:
        self.c, self.milestones = c, milestones
        self.members: dict[Key, list[int]] = {}
        complete = [t is not None for t in c.totals]
        keys = zip(c.groups, c.pre_arrival, complete, strict=True)
        for i, key in enumerate(keys):
            self.members.setdefault(key, []).append(i)
        self.cache: dict[tuple[int, Key], tuple[list[int], list[float]]] = {}

    def column(self, k: int) -> list[float | None]:
        return self.c.totals if k == TOTAL else self.c.intervals[k]

    def ends(self, k: int) -> tuple[str, str]:
        if k == TOTAL:
            return self.milestones[0], self.milestones[-1]
        return self.milestones[k], self.milestones[k + 1]

    def run(self, k: int, key: Key) -> tuple[list[int], list[float]]:
        """The cell's rows with a value, ordered by it, and the values in that order."""
        if (k, key) not in self.cache:
            column = self.column(k)
            members = self.members[key]
            if not key[2]:  # an incomplete row may lack this value
                members = [i for i in members if column[i] is not None]
            order = sorted(members, key=column.__getitem__)  # type: ignore[arg-type]
            self.cache[k, key] = order, list(map(column.__getitem__, order))  # type: ignore[arg-type]
        return self.cache[k, key]

    def values(self, k: int, keys: Sequence[Key]) -> list[float]:
        return _merge([self.run(k, key)[1] for key in keys]) if keys else []

    def outliers(self, k: int, keys: Sequence[Key], ordered: list[float]) -> list[Outlier]:
        """The rows beyond the 1.5×IQR fences of ``ordered`` (the segment's sorted values),
        found at both ends of each cell's sorted run."""
        fences = iqr_fences(ordered)
        if fences is None or fences[0] <= ordered[0] and ordered[-1] <= fences[1]:
            return []
        low, high = fences
        found: list[int] = []
        for key in keys:
            order, values = self.run(k, key)
            found += order[: bisect_left(values, low)] + order[bisect_right(values, high) :]
        column, (start, end), c = self.column(k), self.ends(k), self.c
        return [Outlier(c.ids[i], c.lines[i], start, end, column[i] or 0.0) for i in sorted(found)]

    def interval(self, k: int, keys: Sequence[Key], whole: float) -> IntervalStats:
        within = self.values(k, [key for key in keys if key[2]])
        partial = [run for key in keys if not key[2] and (run := self.run(k, key)[1])]
        values = _merge([within, *partial]) if partial else within
        share = sum(within) / whole if whole > 0 else None
        start, end = self.ends(k)
        return IntervalStats(start, end, summarise(values), summarise(within), share, values)

    def segment(self, by: By, keys: Sequence[Key], outliers: bool = True) -> SegmentStats:
        totals = self.values(TOTAL, [key for key in keys if key[2]])
        whole = sum(totals)
        intervals = tuple(self.interval(k, keys, whole) for k in range(len(self.c.intervals)))
        with_share = [i for i in intervals if i.share is not None]
        bottleneck = max(with_share, key=lambda i: i.share or 0.0) if with_share else None
        found: list[Outlier] = []
        if outliers:
            found = [o for k, i in enumerate(intervals) for o in self.outliers(k, keys, i.values)]
        if outliers and len(intervals) > 1 and totals:
            found += self.outliers(TOTAL, keys, totals)
        return SegmentStats(
            by,
            len(totals),
            summarise(totals),
            totals,
            intervals,
            bottleneck,
            tuple(found),
        )


def _segment_keys(cells: _Cells, by: Sequence[str]) -> list[tuple[By, list[Key]]]:
    """The segments and their cells: all traffic, each value of each column (in order of
    first appearance), then each combination when there are two columns."""
    keys = list(cells.members)
    found: list[tuple[By, list[Key]]] = [((), keys)]
    choices: list[tuple[int, ...]] = [(i,) for i in range(len(by))]
    if len(by) > 1:
        choices.append(tuple(range(len(by))))
    for indexes in choices:
        groups: dict[tuple[str, ...], list[Key]] = {}
        for key in keys:
            groups.setdefault(tuple(key[0][i] for i in indexes), []).append(key)
        if len(groups) > MAX_SEGMENTS:
            message = _("{column} has more than {count} values; it cannot be a segment")
            raise TrsError(message.format(column=by[indexes[-1]], count=MAX_SEGMENTS))
        for values, members in groups.items():
            found.append((tuple((by[i], v) for i, v in zip(indexes, values, strict=True)), members))
    return found


def _pre_arrival(
    plan: Plan, cells: _Cells, segments: list[tuple[By, list[Key]]], tick: Callable[[], None]
) -> PreArrival | None:
    roles = {m.role: m.column for m in plan.milestones}
    if Role.ARRIVAL not in roles or not PRE_ARRIVAL_ROLES & roles.keys():
        return None
    c = cells.c
    flagged = tuple((c.lines[i], c.ids[i]) for i, early in enumerate(c.pre_arrival) if early)
    split: list[tuple[str, SegmentStats]] = []
    for by, keys in segments:
        for declared, early in (("before_arrival", True), ("after_arrival", False)):
            half = cells.segment(by, [k for k in keys if k[1] is early], outliers=False)
            split.append((declared, half))
            tick()
    return PreArrival(roles[Role.ARRIVAL], flagged, tuple(split))


class _Meter:
    """Progress in thousandths: reading the timestamps is the first 800, segments the rest;
    cancellation is looked for at every step."""

    SCALE = 1000
    READING = 800

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.progress, self.cancelled = progress, cancelled
        self.segments_done, self.segments = 0, 1

    def reading(self, done: int, total: int) -> None:
        self._tell(self.READING * done // max(total, 1))

    def segment_done(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise TrsCancelled
        self.segments_done += 1
        share = (self.SCALE - self.READING) * self.segments_done // max(self.segments, 1)
        self._tell(self.READING + share)

    def _tell(self, done: int) -> None:
        if self.progress is not None:
            self.progress(min(done, self.SCALE), self.SCALE)


def analyse(
    extract: Extract,
    plan: Plan,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Analysis:
    """Clean and analyse ``extract`` under ``plan``. ``progress`` hears (thousandths done,
    1000); TrsCancelled when ``cancelled()`` turns true. TrsError for a plan the extract
    cannot satisfy (a column missing, more than two segment columns...)."""
    if len(plan.by) > MAX_BY:
        raise TrsError(_("at most two segment columns"))
    with collector_paused():
        return _analyse(extract, plan, _Meter(progress, cancelled))


def _analyse(extract: Extract, plan: Plan, meter: _Meter) -> Analysis:
    cleaned = clean(extract, plan, meter.reading, meter.cancelled)
    names = [m.column for m in plan.milestones]
    cells = _Cells(cleaned.consignments, names)
    keyed = _segment_keys(cells, plan.by)
    meter.segments = 3 * len(keyed)  # each segment, then its two pre-arrival halves
    segments = []
    for by, keys in keyed:
        segments.append(cells.segment(by, keys))
        meter.segment_done()
    return Analysis(
        file=extract.name,
        encoding=extract.encoding,
        delimiter=extract.delimiter,
        rows=len(extract),
        used=sum(1 for t in cleaned.consignments.totals if t is not None),
        id_column=plan.id_column,
        milestones=tuple(names),
        by=plan.by,
        detections=cleaned.detections,
        excluded=cleaned.exclusions,
        segments=tuple(segments),
        pre_arrival=_pre_arrival(plan, cells, keyed, meter.segment_done),
    )
