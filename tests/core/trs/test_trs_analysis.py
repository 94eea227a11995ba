"""Cleaning and analysis on small extracts whose figures are worked out by hand."""

import pytest

from courseware_app.core.trs import Problem, TrsCancelled, TrsError, analyse, make_plan
from tests.core.trs.helpers import analysis_of, extract_of, segment

HEADER = "id,channel,mode,arrival,declaration_lodged,release\n"


def row(ident, channel, arrival, lodged, release, mode="road"):
    day = "2025-03-10T"
    cells = [day + t if t else "" for t in (arrival, lodged, release)]
    return ",".join([ident, channel, mode, *cells]) + "\n"


def test_each_exclusion_reason_with_its_line_and_id():
    text = (
        HEADER
        + row("A", "green", "08:00", "08:30", "09:00")
        + row("B", "green", "08:00", "08:30", "")  # missing
        + row("C", "green", "08:00", "soon", "09:00")  # unreadable
        + row("D", "green", "08:00", "08:30", "08:10")  # release before lodgement
        + row("A", "green", "08:00", "08:40", "09:00")  # duplicate of line 2
    )
    analysis = analysis_of(text)
    log = [(e.line, e.id, e.problem, e.column) for e in analysis.excluded]
    assert log == [
        (3, "B", Problem.MISSING, "release"),
        (4, "C", Problem.UNPARSEABLE, "declaration_lodged"),
        (5, "D", Problem.REVERSED, "release"),
        (6, "A", Problem.DUPLICATE, ""),
    ]
    reasons = [e.reason for e in analysis.excluded]
    assert reasons[0] == "missing timestamp: release"
    assert reasons[2] == "release before declaration_lodged"
    assert reasons[3] == "duplicate id (first on line 2)"
    assert (analysis.rows, analysis.used) == (5, 1)


def test_a_row_is_left_out_only_of_the_intervals_it_affects():
    text = HEADER + row("A", "g", "08:00", "08:30", "09:00") + row("B", "g", "08:00", "08:50", "")
    everyone = analysis_of(text).segments[0]
    first, second = everyone.intervals
    assert (first.summary.count, first.summary.median) == (2, 40.0)  # B's lodgement counts
    assert (second.summary.count, everyone.count) == (1, 1)  # not its release or total
    assert (first.complete.count, first.complete.median) == (1, 30.0)


def test_a_reversed_pair_makes_both_timestamps_unusable():
    # Lodgement 08:30 then release 08:10: which one is wrong cannot be known.
    text = HEADER + row("D", "g", "08:00", "08:30", "08:10")
    everyone = analysis_of(text).segments[0]
    assert [i.summary.count for i in everyone.intervals] == [0, 0]
    assert everyone.count == 0 and everyone.total.median is None


def test_pre_arrival_is_flagged_kept_and_counted_from_arrival():
    text = (
        HEADER
        + row("P", "green", "08:00", "05:00", "08:20")  # declared three hours before arrival
        + row("Q", "green", "08:00", "08:30", "09:00")
    )
    analysis = analysis_of(text)
    assert analysis.excluded == ()
    everyone = analysis.segments[0]
    assert everyone.count == 2  # pre-arrival stays in all traffic
    a, b = everyone.intervals
    assert sorted(a.values) == [0.0, 30.0]  # A is zero for the pre-arrival row
    assert sorted(b.values) == [20.0, 30.0]  # B counted from arrival
    assert everyone.totals == [20.0, 60.0]  # A + B is the total, first to last column
    pre = analysis.pre_arrival
    assert pre is not None and pre.arrival == "arrival"
    assert pre.flagged == ((2, "P"),)
    halves = {(declared, s.by): s for declared, s in pre.segments}
    assert halves["before_arrival", ()].totals == [20.0]
    assert halves["after_arrival", ()].totals == [60.0]


def test_pre_arrival_needs_arrival_and_a_declaration_column():
    text = "id,t1,t2\nA,2025-03-10T08:00,2025-03-10T09:00\n"
    assert analysis_of(text, milestones=["t1", "t2"]).pre_arrival is None


def test_unnamed_milestones_out_of_order_are_reversed_not_pre_arrival():
    text = "id,t1,t2\nA,2025-03-10T08:00,2025-03-10T07:00\n"
    analysis = analysis_of(text, milestones=["t1", "t2"])
    assert [e.problem for e in analysis.excluded] == [Problem.REVERSED]


def test_shares_are_over_consignments_with_every_milestone_and_name_the_bottleneck():
    text = (
        HEADER
        + row("A", "g", "08:00", "08:10", "09:00")  # 10 + 50
        + row("B", "g", "08:00", "08:30", "09:00")  # 30 + 30
        + row("C", "g", "08:00", "09:40", "")  # 100 in A, no release: not in the shares
    )
    everyone = analysis_of(text).segments[0]
    a, b = everyone.intervals
    assert a.share == pytest.approx(40 / 120) and b.share == pytest.approx(80 / 120)
    assert everyone.bottleneck is b
    assert a.summary.mean == pytest.approx(140 / 3)  # but C's A is in A's own figures


def test_segments_for_each_value_and_each_combination():
    text = (
        HEADER
        + row("A", "green", "08:00", "08:10", "08:20", mode="road")
        + row("B", "red", "08:00", "08:10", "10:00", mode="rail")
        + row("C", "green", "08:00", "09:00", "09:10", mode="rail")
    )
    analysis = analysis_of(text, by=["channel", "mode"])
    assert [s.by for s in analysis.segments] == [
        (),
        (("channel", "green"),),
        (("channel", "red"),),
        (("mode", "road"),),
        (("mode", "rail"),),
        (("channel", "green"), ("mode", "road")),
        (("channel", "red"), ("mode", "rail")),
        (("channel", "green"), ("mode", "rail")),
    ]
    assert segment(analysis, channel="green").totals == [20.0, 70.0]
    assert segment(analysis, channel="green", mode="rail").totals == [70.0]
    with pytest.raises(TrsError, match="at most two"):
        analysis_of(text, by=["channel", "mode", "id"])


def test_outliers_by_the_iqr_rule_per_interval_and_total():
    minutes = [10, 11, 12, 13, 14, 15, 16, 17, 18, 200]
    text = HEADER + "".join(
        row(f"C{m}", "g", "08:00", "08:00", f"{8 + m // 60:02d}:{m % 60:02d}") for m in minutes
    )
    everyone = analysis_of(text).segments[0]
    found = [(o.id, o.start, o.end, o.minutes) for o in everyone.outliers]
    assert found == [
        ("C200", "declaration_lodged", "release", 200.0),
        ("C200", "arrival", "release", 200.0),
    ]


def test_progress_reaches_the_end_and_cancellation_stops():
    text = HEADER + row("A", "g", "08:00", "08:30", "09:00")
    extract = extract_of(text)
    seen = []
    analyse(extract, make_plan(extract), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and seen == sorted(seen)
    with pytest.raises(TrsCancelled):
        analyse(extract, make_plan(extract), cancelled=lambda: True)
