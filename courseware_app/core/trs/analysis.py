"""The analysis: per segment (all traffic, each value of the segment columns, and each
combination of two), the total and each interval's count, mean, median, 90th percentile,
maximum and share of the total; the bottleneck; outliers by the 1.5×IQR rule."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from courseware_app.core.i18n import _
from courseware_app.core.trs.cleaning import (
    Cancelled,
    Cleaned,
    Consignment,
    Exclusion,
    Plan,
    Progress,
    TrsCancelled,
    clean,
)
from courseware_app.core.trs.headers import PRE_ARRIVAL_ROLES, Role
from courseware_app.core.trs.reading import Extract, TrsError
from courseware_app.core.trs.stats import Summary, iqr_fences, summarise
from courseware_app.core.trs.timestamps import Detection

MAX_BY = 2
MAX_SEGMENTS = 1000  # a segment column with more values than this is an identifier


@dataclass(frozen=True)
class Outlier:
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
    values: tuple[float, ...]


@dataclass(frozen=True)
class SegmentStats:
    """A segment: ``by`` holds (column, value) pairs, empty for all traffic; ``count`` is the
    consignments with every milestone, over which ``total`` (sorted in ``totals``) runs."""

    by: tuple[tuple[str, str], ...]
    count: int
    total: Summary
    totals: tuple[float, ...]
    intervals: tuple[IntervalStats, ...]
    bottleneck: IntervalStats | None
    outliers: tuple[Outlier, ...]


@dataclass(frozen=True)
class PreArrival:
    """Pre-arrival declarations: the flagged rows (line, id) and, for each segment, its
    consignments declared before arrival and those declared after (``declared`` says which)."""

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


def _interval(members: Sequence[Consignment], k: int, start: str, end: str) -> IntervalStats:
    values = sorted(v for c in members if (v := c.intervals[k]) is not None)
    complete = [c for c in members if c.total is not None]
    whole = math.fsum(c.total for c in complete if c.total is not None)
    within = sorted(c.intervals[k] or 0.0 for c in complete)
    share = math.fsum(within) / whole if whole > 0 else None
    return IntervalStats(start, end, summarise(values), summarise(within), share, tuple(values))


def _outliers(members: Sequence[Consignment], k: int | None, start: str, end: str) -> list[Outlier]:
    def value(c: Consignment) -> float | None:
        return c.total if k is None else c.intervals[k]

    fences = iqr_fences(sorted(v for c in members if (v := value(c)) is not None))
    if fences is None:
        return []
    low, high = fences
    found = [(c, v) for c in members if (v := value(c)) is not None and not low <= v <= high]
    return [Outlier(c.id, c.line, start, end, v) for c, v in found]


def segment_stats(
    members: Sequence[Consignment], milestones: Sequence[str], by: tuple[tuple[str, str], ...]
) -> SegmentStats:
    """The statistics of the consignments ``members`` over ``milestones`` (process order)."""
    pairs = list(pairwise(milestones))
    intervals = tuple(_interval(members, k, a, b) for k, (a, b) in enumerate(pairs))
    totals = tuple(sorted(c.total for c in members if c.total is not None))
    with_share = [i for i in intervals if i.share is not None]
    bottleneck = max(with_share, key=lambda i: i.share or 0.0) if with_share else None
    outliers = [o for k, (a, b) in enumerate(pairs) for o in _outliers(members, k, a, b)]
    if len(pairs) > 1:
        outliers += _outliers(members, None, milestones[0], milestones[-1])
    return SegmentStats(
        by, len(totals), summarise(totals), totals, intervals, bottleneck, tuple(outliers)
    )


def groupings(
    consignments: Sequence[Consignment], by: Sequence[str]
) -> list[tuple[tuple[tuple[str, str], ...], list[Consignment]]]:
    """The segments' keys and members: all traffic, each value of each column (in order of
    first appearance), then each combination when there are two columns."""
    found: list[tuple[tuple[tuple[str, str], ...], list[Consignment]]] = [((), list(consignments))]
    choices: list[tuple[int, ...]] = [(i,) for i in range(len(by))]
    if len(by) > 1:
        choices.append(tuple(range(len(by))))
    for indexes in choices:
        groups: dict[tuple[str, ...], list[Consignment]] = {}
        for c in consignments:
            groups.setdefault(tuple(c.groups[i] for i in indexes), []).append(c)
        if len(groups) > MAX_SEGMENTS:
            message = _("{column} has more than {count} values; it cannot be a segment")
            raise TrsError(message.format(column=by[indexes[-1]], count=MAX_SEGMENTS))
        for values, members in groups.items():
            key = tuple((by[i], v) for i, v in zip(indexes, values, strict=True))
            found.append((key, members))
    return found


def _pre_arrival(
    plan: Plan,
    cleaned: Cleaned,
    segments: Sequence[tuple[tuple[tuple[str, str], ...], list[Consignment]]],
) -> PreArrival | None:
    roles = {m.role: m.column for m in plan.milestones}
    if Role.ARRIVAL not in roles or not PRE_ARRIVAL_ROLES & roles.keys():
        return None
    names = [m.column for m in plan.milestones]
    flagged = tuple((c.line, c.id) for c in cleaned.consignments if c.pre_arrival)
    split: list[tuple[str, SegmentStats]] = []
    for key, members in segments:
        early = [c for c in members if c.pre_arrival]
        late = [c for c in members if not c.pre_arrival]
        split.append(("before_arrival", segment_stats(early, names, key)))
        split.append(("after_arrival", segment_stats(late, names, key)))
    return PreArrival(roles[Role.ARRIVAL], flagged, tuple(split))


def analyse(
    extract: Extract,
    plan: Plan,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Analysis:
    """Clean and analyse ``extract`` under ``plan``. ``progress`` hears (steps done, steps in
    all); TrsCancelled when ``cancelled()`` turns true. TrsError for a plan the extract
    cannot satisfy (a column missing, more than two segment columns...)."""
    if len(plan.by) > MAX_BY:
        raise TrsError(_("at most two segment columns"))
    rows = len(extract.rows)
    steps = rows + rows // 4 + 1

    def reading(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, steps)

    cleaned = clean(extract, plan, reading, cancelled)
    if cancelled is not None and cancelled():
        raise TrsCancelled
    names = [m.column for m in plan.milestones]
    keyed = groupings(cleaned.consignments, plan.by)
    segments = tuple(segment_stats(members, names, key) for key, members in keyed)
    pre_arrival = _pre_arrival(plan, cleaned, keyed)
    if progress is not None:
        progress(steps, steps)
    return Analysis(
        file=extract.name,
        encoding=extract.encoding,
        delimiter=extract.delimiter,
        rows=rows,
        used=sum(1 for c in cleaned.consignments if c.total is not None),
        id_column=plan.id_column,
        milestones=tuple(names),
        by=plan.by,
        detections=cleaned.detections,
        excluded=cleaned.exclusions,
        segments=segments,
        pre_arrival=pre_arrival,
    )
