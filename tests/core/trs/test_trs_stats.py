"""The inclusive percentile against hand-computed PERCENTILE.INC values, and 1.5×IQR fences."""

import pytest

from courseware_app.core.trs.stats import iqr_fences, percentile_inc, summarise


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        # PERCENTILE.INC({1,2,3,4}, 0.9): rank 0.9 × 3 = 2.7, 3 + 0.7 × (4 - 3)
        ([1, 2, 3, 4], 0.9, 3.7),
        # PERCENTILE.INC({15,20,35,40,50}, 0.4): rank 1.6, 20 + 0.6 × 15
        ([15, 20, 35, 40, 50], 0.4, 29.0),
        # the red channel's totals in trs-02: rank 5.4, 620 + 0.4 × 2270
        ([350, 385, 410, 455, 540, 620, 2890], 0.9, 1528.0),
        # an even count's median is the mean of the middle two
        ([350, 385, 410, 455, 540, 620], 0.5, 432.5),
        ([7], 0.9, 7.0),
        ([3, 9], 0.0, 3.0),
        ([3, 9], 1.0, 9.0),
        ([3, 9], 0.25, 4.5),
    ],
)
def test_percentile_inc_matches_the_spreadsheet(values, fraction, expected):
    assert percentile_inc(sorted(values), fraction) == pytest.approx(expected)


def test_percentile_refuses_no_values_and_fractions_outside_0_1():
    with pytest.raises(ValueError):
        percentile_inc([], 0.5)
    with pytest.raises(ValueError):
        percentile_inc([1.0], 1.5)


def test_summary_of_known_values():
    s = summarise([40.0, 55.0, 65.0, 70.0, 300.0])
    assert (s.count, s.mean, s.median, s.maximum) == (5, 106.0, 65.0, 300.0)
    assert s.p90 == pytest.approx(208.0)  # rank 3.6: 70 + 0.6 × 230
    empty = summarise([])
    assert (empty.count, empty.mean, empty.median, empty.p90, empty.maximum) == (
        0,
        None,
        None,
        None,
        None,
    )


def test_iqr_fences_by_inclusive_quartiles():
    # Q1 rank 2.25 -> 3.25, Q3 rank 6.75 -> 7.75, IQR 4.5, fences 3.25 - 6.75 and 7.75 + 6.75
    low, high = iqr_fences([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])
    assert (low, high) == pytest.approx((-3.5, 14.5))
    assert iqr_fences([1, 2, 3]) is None  # too few values for quartiles
