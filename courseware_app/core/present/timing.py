"""Time in a presentation: the whole session, each section against its planned minutes, and the
actual time per section that the delivery record keeps. Time is given, never read here."""

from __future__ import annotations

from enum import StrEnum

AMBER_SHARE = 0.8  # a section turns amber when 80 % of its planned time is used


class TimeState(StrEnum):
    OK = "ok"
    AMBER = "amber"  # most of the planned time used
    RED = "red"  # over the planned time
    UNPLANNED = "unplanned"  # the section plans no time


def time_state(elapsed_seconds: float, planned_minutes: int | None) -> TimeState:
    """How a section stands against its plan: amber from 80 % of it, red once over."""
    if not planned_minutes:
        return TimeState.UNPLANNED
    planned = planned_minutes * 60
    if elapsed_seconds > planned:
        return TimeState.RED
    return TimeState.AMBER if elapsed_seconds >= planned * AMBER_SHARE else TimeState.OK


def clock_text(seconds: float) -> str:
    """``12:05`` (minutes and seconds) or ``1:02:05`` from an hour."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class SessionClock:
    """Where the time went: the section being shown now and the seconds spent in each; time
    stops while paused and between ``stop`` and a resume."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}  # section id -> seconds, in the order first shown
        self.section = ""
        self.since: float | None = None  # when the current section's running time began
        self.started: float | None = None

    def start(self, section: str, now: float) -> None:
        """Begin (or resume) the session in ``section``."""
        if self.started is None:
            self.started = now
        self.section, self.since = section, now
        self.spent.setdefault(section, 0.0)

    def enter(self, section: str, now: float) -> None:
        """The presenter moved to a step of ``section``."""
        if section == self.section:
            return
        self._bank(now)
        self.start(section, now)

    def stop(self, now: float) -> None:
        self._bank(now)
        self.since = None

    @property
    def running(self) -> bool:
        return self.since is not None

    def in_section(self, now: float, section: str | None = None) -> float:
        """Seconds spent so far in ``section`` (the current one by default)."""
        section = self.section if section is None else section
        running = now - self.since if self.since is not None and section == self.section else 0.0
        return self.spent.get(section, 0.0) + running

    def elapsed(self, now: float) -> float:
        """Seconds of the session so far (time while stopped not counted)."""
        running = now - self.since if self.since is not None else 0.0
        return sum(self.spent.values()) + running

    def actual(self, now: float) -> dict[str, float]:
        """Seconds per section, for the delivery record."""
        return {section: self.in_section(now, section) for section in self.spent}

    def _bank(self, now: float) -> None:
        if self.since is not None:
            self.spent[self.section] = self.spent.get(self.section, 0.0) + now - self.since
            self.since = now
