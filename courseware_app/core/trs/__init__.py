"""The TRS lab's core: read a milestone extract, clean it, and analyse it per segment.

extract = read_extract(path)
plan = make_plan(extract, by=["channel"])
analysis = analyse(extract, plan, progress=..., cancelled=...)
to_document(analysis)          # the JSON contract of `courseware trs analyze --json`
report_csv_bytes(analysis)     # the tables as CSV (UTF-8 with BOM)
"""

from courseware_app.core.trs.analysis import (
    Analysis,
    IntervalStats,
    Outlier,
    PreArrival,
    SegmentStats,
    analyse,
)
from courseware_app.core.trs.cleaning import Consignments, Exclusion, Plan, Problem, TrsCancelled
from courseware_app.core.trs.document import TrsDocument, to_document
from courseware_app.core.trs.headers import Milestone, Role, role_of
from courseware_app.core.trs.planning import make_plan
from courseware_app.core.trs.reading import Extract, TrsError, parse_extract, read_extract
from courseware_app.core.trs.report import (
    report_csv_bytes,
    report_document,
    report_html,
    segment_label,
)
from courseware_app.core.trs.stats import PERCENTILE_METHOD, Summary, percentile_inc
from courseware_app.core.trs.timestamps import DateFormat, Detection

__all__ = [
    "PERCENTILE_METHOD",
    "Analysis",
    "Consignments",
    "DateFormat",
    "Detection",
    "Exclusion",
    "Extract",
    "IntervalStats",
    "Milestone",
    "Outlier",
    "Plan",
    "PreArrival",
    "Problem",
    "Role",
    "SegmentStats",
    "Summary",
    "TrsCancelled",
    "TrsDocument",
    "TrsError",
    "analyse",
    "make_plan",
    "parse_extract",
    "percentile_inc",
    "read_extract",
    "report_csv_bytes",
    "report_document",
    "report_html",
    "role_of",
    "segment_label",
    "to_document",
]
