"""The JSON document's shape (the contract of `trs analyze --json`) and the CSV report."""

import csv
import io
import json

from courseware_app.core.trs import report_csv_bytes, report_html, to_document
from tests.core.trs.helpers import analysis_of

TEXT = (
    "id,channel,arrival,declaration_lodged,release\n"
    "A,green,2025-03-10T08:00,2025-03-10T08:10,2025-03-10T08:20\n"
    "B,red,2025-03-10T08:00,2025-03-10T05:00,2025-03-10T10:00\n"
    "=HYPERLINK(1),green,2025-03-10T08:00,2025-03-10T08:33,\n"
)
TOTAL_KEYS = {"mean_min", "median_min", "p90_min", "max_min"}
INTERVAL_KEYS = {"from", "to", "count", "share", *TOTAL_KEYS}
SEGMENT_KEYS = {"by", "count", "total", "intervals", "bottleneck", "outliers"}
TOP_KEYS = {
    "file",
    "rows",
    "used",
    "excluded",
    "milestones",
    "percentile_method",
    "segments",
}


def document():
    return json.loads(json.dumps(to_document(analysis_of(TEXT, by=["channel"]))))


def test_every_key_of_the_contract():
    doc = document()
    assert set(doc) >= TOP_KEYS
    assert doc["file"] == "extract.csv"
    assert (doc["rows"], doc["used"]) == (3, 2)
    assert doc["milestones"] == ["arrival", "declaration_lodged", "release"]
    assert doc["percentile_method"] == "inclusive"
    assert doc["excluded"] == [
        {
            "line": 4,
            "id": "=HYPERLINK(1)",
            "reason": "missing timestamp: release",
            "code": "missing",
            "column": "release",
        }
    ]
    for s in doc["segments"]:
        assert set(s) >= SEGMENT_KEYS
        assert set(s["total"]) == TOTAL_KEYS
        for i in s["intervals"]:
            assert set(i) >= INTERVAL_KEYS
            assert i["share"] is None or 0 <= i["share"] <= 1
        assert s["bottleneck"] is None or set(s["bottleneck"]) == {"from", "to"}
        for o in s["outliers"]:
            assert {"id", "from", "to", "minutes"} <= set(o)
    assert [s["by"] for s in doc["segments"]] == [{}, {"channel": "green"}, {"channel": "red"}]
    assert sum(1 for s in doc["segments"] if s["by"] == {}) == 1


def test_figures_are_minutes_rounded_to_a_tenth_and_empty_segments_are_null():
    doc = document()
    green = doc["segments"][1]
    assert green["count"] == 1 and green["total"]["median_min"] == 20.0
    first = green["intervals"][0]
    assert (first["from"], first["to"], first["count"]) == ("arrival", "declaration_lodged", 2)
    assert first["mean_min"] == 21.5  # (10 + 33) / 2
    assert first["complete"] == {
        "count": 1,
        "mean_min": 10.0,
        "median_min": 10.0,
        "p90_min": 10.0,
        "max_min": 10.0,
    }
    assert green["bottleneck"] == {"from": "arrival", "to": "declaration_lodged"}
    pre = doc["pre_arrival"]
    assert pre["flagged"] == [{"line": 3, "id": "B"}]
    red_before = [
        s
        for s in pre["segments"]
        if s["by"] == {"channel": "red"} and s["declared"] == "before_arrival"
    ][0]
    assert red_before["total"]["median_min"] == 120.0
    green_before = [
        s
        for s in pre["segments"]
        if s["by"] == {"channel": "green"} and s["declared"] == "before_arrival"
    ][0]
    assert green_before["count"] == 0 and set(green_before["total"].values()) == {None}
    assert green_before["bottleneck"] is None


def test_csv_report_has_a_bom_its_tables_and_no_formula():
    data = report_csv_bytes(analysis_of(TEXT, by=["channel"]))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    titles = [r[0] for r in rows if len(r) == 1]
    assert titles == [
        "Total time per segment",
        "Intervals per segment",
        "Pre-arrival declarations",
        "Outliers (1.5 × IQR)",
        "Cleaning log",
    ]
    assert [
        "All consignments",
        "2",
        "70.0",
        "70.0",
        "110.0",
        "120.0",
        "declaration_lodged → release",
    ] in rows
    assert ["4", "'=HYPERLINK(1)", "missing timestamp: release"] in rows
    assert not any(cell.startswith("=") for r in rows for cell in r)


def test_html_report_escapes_what_the_file_says():
    html = report_html(analysis_of(TEXT.replace("green", "<b>green</b>"), by=["channel"]))
    assert "&lt;b&gt;green&lt;/b&gt;" in html and "<b>green" not in html
    assert "<table" in html
