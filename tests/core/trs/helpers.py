"""Building small extracts for the TRS tests."""

from __future__ import annotations

from courseware_app.core.trs import Analysis, Extract, analyse, make_plan, parse_extract


def extract_of(text: str, encoding: str = "utf-8", name: str = "extract.csv") -> Extract:
    return parse_extract(text.encode(encoding), name)


def analysis_of(text: str, **plan: object) -> Analysis:
    extract = extract_of(text)
    return analyse(extract, make_plan(extract, **plan))  # type: ignore[arg-type]


def segment(analysis: Analysis, **by: str):
    wanted = tuple(by.items())
    return next(s for s in analysis.segments if s.by == wanted)
