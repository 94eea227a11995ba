"""The index brought up to date once, off the UI thread, with progress by signal."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from courseware_app.core.course import Course
from courseware_app.core.search import Cancelled, SearchIndex, UpdateStats
from courseware_app.ui.tasks import TaskRunner


class _ProgressRelay(QObject):
    """Carries progress from the indexing thread to the UI thread (queued by Qt)."""

    progress = Signal(int, int)


class IndexBuilder(QObject):
    """Runs ``SearchIndex.update`` on a worker thread, at most once; can be cancelled."""

    progressed = Signal(int, int)  # (done, total) translations
    finished = Signal(object)  # UpdateStats, or None when cancelled
    failed = Signal(str)  # the error
    # the index file could not be used, so the index is in memory: a line for the status bar
    warned = Signal(str)

    def __init__(self, index_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.index_path = index_path
        self.started = self.building = False
        self.pending: Course | None = None  # a course to index again once this build ends
        self.progress = (0, 0)
        self.error = self.warning = ""
        self._cancel = threading.Event()
        self.runner = TaskRunner(self)
        self.runner.done.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.relay = _ProgressRelay()
        self.relay.progress.connect(self._progress)

    def start(self, course: Course) -> bool:
        """Index ``course`` in the background; False when that was already started."""
        if self.building or self.started:
            return False
        self.started = self.building = True
        self.error = ""
        self._cancel.clear()
        self.progress = (0, 0)
        path, cancel, relay = self.index_path, self._cancel, self.relay

        def report(done: int, total: int) -> None:
            if cancel.is_set():
                raise Cancelled
            relay.progress.emit(done, total)

        def build() -> UpdateStats | None:
            try:
                with SearchIndex(path) as index:
                    return index.update(course, progress=report)
            except Cancelled:
                return None

        self.runner.submit("search-index", build)
        return True

    def rebuild(self, course: Course) -> bool:
        """Index ``course`` again (it was read again): now, or when the running build ends;
        False when it waits for that."""
        if self.building:
            self.pending = course
            return False
        self.started = False
        return self.start(course)

    def stop(self) -> None:
        """Cancel a running build and wait for its thread."""
        self.pending = None
        self._cancel.set()
        self.runner.wait()

    def _progress(self, done: int, total: int) -> None:
        self.progress = (done, total)
        self.progressed.emit(done, total)

    def _done(self, _key: object, stats: UpdateStats | None) -> None:
        self.building = False
        self.finished.emit(stats)
        pending, self.pending = self.pending, None
        if pending is not None:
            self.rebuild(pending)
        if stats is not None and stats.warning:  # after "ready", so that it stays in view
            self.warning = stats.warning
            self.warned.emit(stats.warning)

    def _failed(self, _key: object, message: str) -> None:
        self.building = False
        self.error = message
        self.failed.emit(message)
