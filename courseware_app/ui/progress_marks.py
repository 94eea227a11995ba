"""Status per module for the current profile: the outline's marks, following the writes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from courseware_app.core.i18n import _
from courseware_app.core.progress import ModuleProgress, course_progress
from courseware_app.ui.dashboard import state_icon, state_text

MARKS_DELAY_MS = 250
REFRESH_MS = 100  # status marks and the dashboard follow the writes at most this late
DATA_KINDS = ("visit", "time", "attempt", "bookmark", "note", "profile")


class StatusMarks(QObject):
    """Caches the status per module until the next write, and redraws the marks after writes."""

    _committed = Signal(str, object)  # from the writer thread, delivered queued

    def __init__(self, controller):
        super().__init__(controller)
        self.controller = controller
        self._progress: tuple[tuple, dict[str, ModuleProgress]] | None = None
        self._last_kind = ""
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_after_writes)
        self._committed.connect(self._after_write)

    def progress(self) -> dict[str, ModuleProgress]:
        """Status per module for the current profile (cached until the next write)."""
        c = self.controller
        if c.profile is None:
            return {}
        key = (c.profile.id, c.window.reader.content_language)
        if self._progress is None or self._progress[0] != key:
            summary = c.store.summary(c.profile.id)
            self._progress = (key, course_progress(c.window.reader.course, summary, key[1]))
        return self._progress[1]

    def invalidate(self) -> None:
        self._progress = None

    def decorate(self, item, module_id: str, section_id: str = "") -> None:
        if section_id:
            return  # status is per module
        p = self.progress().get(module_id)
        if p is None:
            return
        short, long = state_text(p)
        item.setIcon(1, state_icon(p.state))
        item.setToolTip(1, f"{short}: {long}")
        item.setData(1, Qt.ItemDataRole.AccessibleDescriptionRole, short)

    def refresh(self) -> None:
        window = self.controller.window
        for module in window.reader.course.ordered_modules():
            item = window.outline.item_for(module.id)
            if item is not None:
                self.decorate(item, module.id)

    def refresh_later(self) -> None:
        """Status marks need Babel's locale data: at start, draw them after the first page."""
        QTimer.singleShot(MARKS_DELAY_MS, self, self.refresh)

    # ------------------------------------------------------------ following the writes

    def listen(self) -> None:
        self.controller.store.add_listener(self._from_writer)

    def stop(self) -> None:
        self._refresh_timer.stop()
        self.controller.store.remove_listener(self._from_writer)

    def _from_writer(self, kind: str, error) -> None:  # on the writer thread
        self._committed.emit(kind, error)

    def _after_write(self, kind: str, error) -> None:
        c = self.controller
        if c.closed:
            return
        if error is not None:
            c.status(_("Your progress could not be saved: {error}").format(error=error))
        elif kind in DATA_KINDS:
            self._progress = None
            self._last_kind = kind
            self._refresh_timer.start()  # one refresh for a burst of writes

    def _refresh_after_writes(self) -> None:
        if not self.controller.closed:
            self.refresh()
            self.controller.changed.emit(self._last_kind)
