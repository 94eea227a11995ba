"""The JSON document of an analysis: the contract of `courseware trs analyze --json`.

Minutes are rounded to 0.1, shares to 6 decimals; an empty segment's figures are null.
Beyond the contract's keys (which never change), the document adds what a script may want:
the encoding, delimiter and timestamp forms found, warnings, each exclusion's code and
column, each interval over the consignments with every milestone ("complete", where means
add up), and the pre-arrival segments."""

from __future__ import annotations

from typing import TypedDict

from courseware_app.core.trs.analysis import Analysis, IntervalStats, PreArrival, SegmentStats
from courseware_app.core.trs.stats import PERCENTILE_METHOD, Summary

SHARE_DECIMALS = 6


class TotalDoc(TypedDict):
    mean_min: float | None
    median_min: float | None
    p90_min: float | None
    max_min: float | None


class CompleteDoc(TotalDoc):
    """An interval over the consignments with every milestone (where means add up)."""

    count: int


IntervalDoc = TypedDict(
    "IntervalDoc",
    {
        "from": str,
        "to": str,
        "count": int,
        "mean_min": float | None,
        "median_min": float | None,
        "p90_min": float | None,
        "max_min": float | None,
        "share": float | None,
        "complete": "CompleteDoc",
    },
)
EndsDoc = TypedDict("EndsDoc", {"from": str, "to": str})
OutlierDoc = TypedDict(
    "OutlierDoc", {"id": str, "line": int, "from": str, "to": str, "minutes": float}
)


class SegmentDoc(TypedDict):
    by: dict[str, str]
    count: int
    total: TotalDoc
    intervals: list[IntervalDoc]
    bottleneck: EndsDoc | None
    outliers: list[OutlierDoc]


class PreArrivalSegmentDoc(SegmentDoc):
    declared: str  # "before_arrival" or "after_arrival"


class FlaggedDoc(TypedDict):
    line: int
    id: str


class PreArrivalDoc(TypedDict):
    arrival: str
    flagged: list[FlaggedDoc]
    segments: list[PreArrivalSegmentDoc]


class ExcludedDoc(TypedDict):
    line: int
    id: str
    reason: str
    code: str
    column: str


class TrsDocument(TypedDict):
    file: str
    rows: int
    used: int
    excluded: list[ExcludedDoc]
    milestones: list[str]
    percentile_method: str
    segments: list[SegmentDoc]
    encoding: str
    delimiter: str
    id_column: str | None
    formats: dict[str, str | None]
    warnings: list[str]
    pre_arrival: PreArrivalDoc | None


def minutes(value: float | None) -> float | None:
    """Minutes as the document writes them: rounded to 0.1 (None stays None)."""
    return None if value is None else round(value, 1)


def _total(s: Summary) -> TotalDoc:
    return {
        "mean_min": minutes(s.mean),
        "median_min": minutes(s.median),
        "p90_min": minutes(s.p90),
        "max_min": minutes(s.maximum),
    }


def _interval(i: IntervalStats) -> IntervalDoc:
    share = None if i.share is None else round(i.share, SHARE_DECIMALS)
    s = i.summary
    return {
        "from": i.start,
        "to": i.end,
        "count": s.count,
        "mean_min": minutes(s.mean),
        "median_min": minutes(s.median),
        "p90_min": minutes(s.p90),
        "max_min": minutes(s.maximum),
        "share": share,
        "complete": {"count": i.complete.count, **_total(i.complete)},
    }


def segment_doc(s: SegmentStats) -> SegmentDoc:
    bottleneck: EndsDoc | None = None
    if s.bottleneck is not None:
        bottleneck = {"from": s.bottleneck.start, "to": s.bottleneck.end}
    outliers: list[OutlierDoc] = [
        {"id": o.id, "line": o.line, "from": o.start, "to": o.end, "minutes": round(o.minutes, 1)}
        for o in s.outliers
    ]
    return {
        "by": dict(s.by),
        "count": s.count,
        "total": _total(s.total),
        "intervals": [_interval(i) for i in s.intervals],
        "bottleneck": bottleneck,
        "outliers": outliers,
    }


def _pre_arrival(p: PreArrival | None) -> PreArrivalDoc | None:
    if p is None:
        return None
    segments: list[PreArrivalSegmentDoc] = [
        PreArrivalSegmentDoc(**segment_doc(s), declared=declared) for declared, s in p.segments
    ]
    flagged: list[FlaggedDoc] = [{"line": line, "id": ident} for line, ident in p.flagged]
    return {"arrival": p.arrival, "flagged": flagged, "segments": segments}


def to_document(a: Analysis) -> TrsDocument:
    """The JSON document of ``a`` (for json.dumps)."""
    excluded: list[ExcludedDoc] = [
        {
            "line": e.line,
            "id": e.id,
            "reason": e.reason,
            "code": e.problem.value,
            "column": e.column,
        }
        for e in a.excluded
    ]
    return {
        "file": a.file,
        "rows": a.rows,
        "used": a.used,
        "excluded": excluded,
        "milestones": list(a.milestones),
        "percentile_method": PERCENTILE_METHOD,
        "segments": [segment_doc(s) for s in a.segments],
        "encoding": a.encoding,
        "delimiter": a.delimiter,
        "id_column": a.id_column,
        "formats": {d.column: d.format.value if d.format else None for d in a.detections},
        "warnings": list(a.warnings),
        "pre_arrival": _pre_arrival(a.pre_arrival),
    }
