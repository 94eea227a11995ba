"""Numbers in Russian and French prose: a no-break space between a number and its unit or sign,
French date ranges written out, Russian years in one style (issue 17's typography rules)."""

from __future__ import annotations

import re

from courseware_app.core.i18n import _

NBSP = "\u00a0\u202f"
RU_UNITS = r"мин|ч|г\.|гг\.|т|млн|млрд|тыс\.|%"
FR_UNITS = r"min|h|t|%|€"
UNIT_RES = {  # a number, then an ordinary space or none, then a unit or sign
    "ru": re.compile(rf"\d(?: |)({RU_UNITS})(?![^\W\d_])"),
    "fr": re.compile(rf"\d(?: |)({FR_UNITS})(?![^\W\d_])"),
}
NUMBER_SIGN_RE = re.compile(r"№ ?\d")  # ru: № 5, with a no-break space
FR_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
FR_DATE_RANGE_RE = re.compile(rf"\b\d{{1,2}}\s*[–-]\s*\d{{1,2}}[\s\u00a0]+(?:{FR_MONTHS})\b", re.I)
RU_YEAR_WORD_RE = re.compile(r"\b(?:19|20)\d\d[\s\u00a0]+год(?:а|у|ом|е)?\b")
RU_YEAR_HYPHEN_RE = re.compile(r"\b(?:19|20)\d\d\s*-\s*(?:19|20)\d\d\b")
RU_RANGE_SINGLE_RE = re.compile(r"\b(?:19|20)\d\d\s*–\s*(?:19|20)\d\d[\s\u00a0]+г\.")

Problem = tuple[str, str]  # (code, message)


def number_problems(lang: str, text: str) -> list[Problem]:
    """What is wrong with the numbers of one line of visible ``lang`` prose (first of each kind)."""
    out: list[Problem] = []
    unit = UNIT_RES.get(lang)
    m = unit.search(text) if unit else None
    if m:
        message = _("put a no-break space (U+00A0) between the number and '{unit}'")
        out.append(("typo-unit-space", message.format(unit=m.group(1))))
    if lang == "ru":
        out.extend(_russian(text))
    if lang == "fr" and FR_DATE_RANGE_RE.search(text):
        message = _("write a date range in words: « du 14 au 28 mars », not « 14–28 mars »")
        out.append(("typo-date-range", message))
    return out


def _russian(text: str) -> list[Problem]:
    out: list[Problem] = []
    if NUMBER_SIGN_RE.search(text):
        out.append(("typo-unit-space", _("put a no-break space (U+00A0) after '№'")))
    if RU_YEAR_WORD_RE.search(text):
        out.append(("typo-year", _("write a year as «2023 г.» (one style for years)")))
    if RU_YEAR_HYPHEN_RE.search(text):
        out.append(("typo-year", _("join the years of a range with an en dash: «2022–2024 гг.»")))
    if RU_RANGE_SINGLE_RE.search(text):
        out.append(("typo-year", _("a range of years takes «гг.»: «2022–2024 гг.»")))
    return out
