"""Recording what the reader does: visits, time spent on each section, quiz attempts."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer

from courseware_app.core.scoring import Attempt

IDLE_CAP_S = 20 * 60  # one stay on a section counts at most this long (a laptop left open)
TICK_MS = 60_000  # time on the current section is saved every minute


def section_to_record(window, module_id: str, section: str) -> str:
    """The section to record: the module's top counts as its first section, and an id
    the module does not have (a stale anchor) is not recorded as a section."""
    module = window.reader.course.modules.get(module_id)
    tr = module.best(window.reader.content_language) if module else None
    ids = [s.id for s in tr.sections] if tr else []
    return section if section in ids or not ids else ids[0]


class Recorder:
    """Writes the visits, time and attempts of the controller's current profile to its store."""

    def __init__(self, controller):
        self.controller = controller
        self.here: tuple[str, str] | None = None  # the section being read
        self.stay = 0.0  # seconds counted so far for this stay on it
        self.clock = QElapsedTimer()  # since the last commit of time
        self.tick = QTimer(controller)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self.commit_time)
        self.tick.start()

    def forget(self) -> None:
        """No section is being read (the profile is changing)."""
        self.here = None

    def on_location(self, module: str, section: str) -> None:
        c = self.controller
        if c.profile is None or c.closed or c.profile_prefs.applying:
            return
        self.commit_time()
        here = (module, section_to_record(c.window, module, section))
        if here != self.here:
            c.store.record_visit(c.profile.id, *here)
            self.stay = 0.0
        self.here = here
        self.clock.start()
        c.annotations.update_action()
        c.profile_prefs.arrived(module, section)

    def commit_time(self) -> None:
        """Add the time since the last commit to the current section; one stay on a section
        counts at most IDLE_CAP_S in all (a laptop left open is not study time)."""
        c = self.controller
        if self.here is None or c.profile is None or not self.clock.isValid():
            return
        seconds = max(0.0, min(self.clock.restart() / 1000.0, IDLE_CAP_S - self.stay))
        self.stay += seconds
        if seconds >= 1:
            c.store.add_time(c.profile.id, *self.here, seconds)

    def on_attempt(self, attempt: Attempt) -> None:
        c = self.controller
        if c.profile is not None and not c.closed:
            c.store.record_attempt(c.profile.id, attempt)

    def stop(self) -> None:
        self.tick.stop()
