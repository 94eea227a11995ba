"""Descriptive statistics of interval minutes (the inclusive percentile, five figures, 1.5×IQR),
and two helpers for work on 100,000-row columns."""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

PERCENTILE_METHOD = "inclusive"  # the JSON's name for PERCENTILE.INC's method
IQR_FACTOR = 1.5
T = TypeVar("T")


def percentile_inc(ordered: Sequence[float], fraction: float) -> float:
    """The ``fraction`` percentile (0..1) of ``ordered`` (sorted, not empty) by the inclusive
    method of a spreadsheet's PERCENTILE.INC: rank (n - 1) * fraction, linear between ranks."""
    if not ordered:
        raise ValueError("percentile of no values")
    if not 0.0 <= fraction <= 1.0:
        raise ValueError("fraction outside 0..1")
    rank = (len(ordered) - 1) * fraction
    low = math.floor(rank)
    if low + 1 >= len(ordered):
        return float(ordered[-1])
    weight = rank - low
    return ordered[low] + weight * (ordered[low + 1] - ordered[low])


@dataclass(frozen=True)
class Summary:
    """Count, mean, median, 90th percentile and maximum of some minutes (None when empty)."""

    count: int
    mean: float | None
    median: float | None
    p90: float | None
    maximum: float | None


EMPTY = Summary(0, None, None, None, None)


def summarise(ordered: Sequence[float]) -> Summary:
    """The summary of ``ordered`` (sorted ascending)."""
    if not ordered:
        return EMPTY
    return Summary(
        count=len(ordered),
        mean=sum(ordered) / len(ordered),  # sorted ascending: no large value swallows small ones
        median=percentile_inc(ordered, 0.5),
        p90=percentile_inc(ordered, 0.9),
        maximum=float(ordered[-1]),
    )


def iqr_fences(ordered: Sequence[float]) -> tuple[float, float] | None:
    """The (low, high) fences Q1 - 1.5×IQR and Q3 + 1.5×IQR, quartiles by the inclusive
    method; None for fewer than four values, where quartiles say nothing."""
    if len(ordered) < 4:
        return None
    q1 = percentile_inc(ordered, 0.25)
    q3 = percentile_inc(ordered, 0.75)
    spread = IQR_FACTOR * (q3 - q1)
    return q1 - spread, q3 + spread


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a bulk step allocates hundreds of thousands
    of objects that hold no cycles (it would otherwise rescan them again and again)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def positions(items: list[T], value: T) -> list[int]:
    """Where ``value`` is in ``items`` (searched by the list's own index, fast when rare)."""
    found: list[int] = []
    start = 0
    while True:
        try:
            start = items.index(value, start)
        except ValueError:
            return found
        found.append(start)
        start += 1
