"""Timestamp forms, detected per column; day/month ambiguity reported, never guessed silently."""

import pytest

from courseware_app.core.trs import DateFormat
from courseware_app.core.trs.timestamps import ColumnReader, detect_format, parser_for
from tests.core.trs.helpers import analysis_of

MINUTES_0740 = parser_for(DateFormat.ISO)("2025-03-10T07:40")


@pytest.mark.parametrize(
    ("fmt", "cell", "offset"),
    [
        (DateFormat.ISO, "2025-03-10T07:40", 0),
        (DateFormat.ISO, "2025-03-10 07:40", 0),
        (DateFormat.ISO, "2025-03-10T07:40:30", 0.5),
        (DateFormat.ISO, "2025-03-10T10:40+03:00", 0),  # an offset is taken to UTC
        (DateFormat.ISO, "2025-03-10T07:40Z", 0),
        (DateFormat.DMY_DOT, "10.03.2025 07:40", 0),
        (DateFormat.DMY_DOT, "10.03.2025 07:40:30", 0.5),
        (DateFormat.DMY_DOT, "10.3.2025 7:40", 0),
        (DateFormat.DMY_SLASH, "10/03/2025 07:40", 0),
        (DateFormat.MDY_SLASH, "03/10/2025 07:40", 0),
    ],
)
def test_each_form_reads_to_the_same_scale(fmt, cell, offset):
    assert parser_for(fmt)(cell) == MINUTES_0740 + offset
    assert ColumnReader(fmt)([cell, "", "junk"]) == [MINUTES_0740 + offset, None, None]


@pytest.mark.parametrize(
    ("fmt", "cell"),
    [
        (DateFormat.ISO, "2025-03-10"),  # a date alone
        (DateFormat.ISO, "2025-02-30T07:40"),
        (DateFormat.DMY_DOT, "31.02.2025 07:40"),
        (DateFormat.DMY_DOT, "10.03.2025 25:00"),
        (DateFormat.DMY_SLASH, "10.03.2025 07:40"),
    ],
)
def test_impossible_or_foreign_values_are_unreadable(fmt, cell):
    assert parser_for(fmt)(cell) is None


@pytest.mark.parametrize(
    ("cells", "fmt"),
    [
        (["2025-03-10T07:40", "", "2025-03-11 08:00"], DateFormat.ISO),
        (["10.03.2025 07:40", "11.03.2025 08:00"], DateFormat.DMY_DOT),
        (["10/03/2025 07:40", "25/03/2025 08:00"], DateFormat.DMY_SLASH),  # 25 is a day
        (["03/10/2025 07:40", "03/25/2025 08:00"], DateFormat.MDY_SLASH),  # 25 is a day
        (["yesterday", "soon"], None),
    ],
)
def test_the_form_is_detected_per_column(cells, fmt):
    detection = detect_format("arrival", cells)
    assert detection.format is fmt
    assert not detection.ambiguous and detection.warning() is None


def test_a_column_that_reads_both_ways_is_reported():
    detection = detect_format("arrival", ["03/04/2025 07:40", "05/06/2025 08:00"])
    assert detection.format is DateFormat.DMY_SLASH and detection.ambiguous
    assert "arrival" in detection.warning() and "day/month" in detection.warning()


def test_the_ambiguity_reaches_the_analysis_and_a_decisive_value_ends_it():
    text = "id,arrival,release\nA,03/04/2025 07:40,03/04/2025 08:00\nB,05/06/2025 09:00,05/06/2025 09:30\n"
    analysis = analysis_of(text)
    assert len(analysis.warnings) == 2  # one per column
    decided = text.replace("B,05/06/2025 09:00", "B,25/06/2025 09:00").replace(
        "05/06/2025 09:30", "25/06/2025 09:30"
    )
    assert analysis_of(decided).warnings == ()


def test_each_column_has_its_own_form():
    text = "id,arrival,release\nA,10.03.2025 07:40,2025-03-10T08:10\n"
    analysis = analysis_of(text)
    assert [d.format for d in analysis.detections] == [DateFormat.DMY_DOT, DateFormat.ISO]
    assert analysis.segments[0].total.median == 30.0
