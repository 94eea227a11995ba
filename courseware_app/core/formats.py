"""Numbers, percentages, dates and durations in the UI language (Babel + gettext)."""

from __future__ import annotations

from datetime import datetime

from courseware_app.core.i18n import _, current_language


def format_duration(minutes: int) -> str:
    """'1 h 35 min' / '1 ч 35 мин' / '1 h 35 min' (Babel's format_timedelta would round to '2 h')."""
    hours, mins = divmod(max(0, int(minutes)), 60)
    if hours and mins:
        return _("{hours} h {minutes} min").format(hours=hours, minutes=mins)
    if hours:
        return _("{hours} h").format(hours=hours)
    return _("{minutes} min").format(minutes=mins)


def format_number(value: float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=current_language())


def format_percentage(fraction: float) -> str:
    """0.875 -> '87.5%' in en, '87,5 %' in ru and fr (the locale's own pattern and spacing)."""
    from babel.numbers import format_percent

    rounded = round(fraction, 3)  # at most one decimal of a percent
    return format_percent(rounded, locale=current_language(), decimal_quantization=False)


def format_when(moment: datetime) -> str:
    from babel.dates import format_datetime

    return format_datetime(moment, format="medium", locale=current_language())
