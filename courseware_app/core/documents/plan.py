"""The session plan: a day (or days) of slots from a start time, with breaks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from courseware_app.core.documents.context import Context, escape
from courseware_app.core.documents.model import DocumentError
from courseware_app.core.documents.parts import table
from courseware_app.core.documents.registry import Kind, Pages, register
from courseware_app.core.documents.timing import Slot, module_slots
from courseware_app.core.formats import format_duration
from courseware_app.core.i18n import _

START_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
BREAK_AFTER = 90  # minutes of work before a short break, at the next section's end
SHORT_BREAK = 15
LUNCH = 60
LUNCH_FROM = 12 * 60  # the first section ending at or after noon is followed by lunch
DAY_LENGTH = 8 * 60 + 30  # a day from its start time, breaks included


def parse_start(text: str) -> int:
    """Minutes after midnight for ``HH:MM``; DocumentError otherwise."""
    m = START_RE.match(text.strip())
    if m is None:
        raise DocumentError(_("the start time “{start}” is not HH:MM").format(start=text))
    return int(m.group(1)) * 60 + int(m.group(2))


def clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


@dataclass
class _Day:
    """Where the plan stands: the day, its clock, the work since the last break."""

    start: int
    number: int = 1
    now: int = 0
    worked: int = 0
    lunched: bool = False

    def __post_init__(self) -> None:
        self.now = self.start

    def next_day(self) -> None:
        self.number += 1
        self.now, self.worked, self.lunched = self.start, 0, False


def _slot_row(day: _Day, slot: Slot) -> tuple[str, ...]:
    begin, day.now = day.now, day.now + slot.minutes
    day.worked += slot.minutes
    minutes = escape(format_duration(slot.minutes)) + (" *" if slot.estimated else "")
    return (
        f"{clock(begin)}–{clock(day.now)}",
        escape(slot.title),
        minutes,
        "<br>".join(escape(a) for a in slot.activities),
        "<br>".join(escape(m) for m in slot.materials),
    )


def _break_row(day: _Day) -> tuple[str, ...] | None:
    """A lunch or a short break when one is due after the slot just planned."""
    if not day.lunched and day.now >= LUNCH_FROM and day.start < LUNCH_FROM:
        length, label, day.lunched = LUNCH, _("Lunch"), True
    elif day.worked >= BREAK_AFTER:
        length, label = SHORT_BREAK, _("Break")
    else:
        return None
    begin, day.now, day.worked = day.now, day.now + length, 0
    return (f"{clock(begin)}–{clock(day.now)}", f"<i>{escape(label)}</i>", "", "", "")


def _day_row(number: int) -> tuple[str, ...]:
    label = escape(_("Day {number}").format(number=number))
    return (f"<b>{label}</b>", "", "", "", "")


def _rows(ctx: Context, day: _Day) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for _module, tr in ctx.modules:
        rows.append(("", f"<b>{escape(tr.title)}</b>", "", "", ""))
        for slot in module_slots(tr):
            if day.now + slot.minutes > day.start + DAY_LENGTH and day.now > day.start:
                day.next_day()
                if rows and rows[-1][2:] == ("", "", "") and rows[-1][0]:
                    rows.pop()  # no break at the end of a day
                rows.append(_day_row(day.number))
            rows.append(_slot_row(day, slot))
            pause = _break_row(day) if ctx.request.breaks else None
            if pause is not None:
                rows.append(pause)
    return rows


@register
class SessionPlan(Kind):
    """Each section's slot from its minutes (estimated from the module's duration when it plans
    none), breaks, and the activities and materials its trainer notes name."""

    name = "session-plan"

    def check(self, ctx: Context, data_dir: Path | None) -> None:
        parse_start(ctx.request.start)

    def build(self, ctx: Context, data_dir: Path | None) -> Pages:
        day = _Day(parse_start(ctx.request.start))
        rows = _rows(ctx, day)
        if day.number > 1:
            rows.insert(0, _day_row(1))
        pages = Pages(_("Session plan"))
        headers = [
            _("Time"),
            _("Module and section"),
            _("Minutes"),
            _("Activities"),
            _("Materials"),
        ]
        html = (
            f'<p class="cover-course">{escape(ctx.course_title)}</p>'
            f'<h1 class="plan-title">{escape(pages.title)}</h1>'
            + table([escape(h) for h in headers], rows, widths=(14, 34, 10, 30, 12))
        )
        if any(s.estimated for _m, tr in ctx.modules for s in module_slots(tr)):
            estimated = _("estimated from the module’s duration")
            html += f'<p class="note">* {escape(estimated)}</p>'
        pages.add(html, ctx.course_title)
        return pages
