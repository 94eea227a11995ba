"""One helper to run work off the UI thread; results come back by signal, never touching widgets."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object, object)  # (key, result)
    failed = Signal(object, str)  # (key, message)


class _Job(QRunnable):
    def __init__(self, key, fn: Callable[[], object], signals: _Signals):
        super().__init__()
        self.key, self.fn, self.signals = key, fn, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the UI thread, logged there
            self.signals.failed.emit(self.key, f"{type(exc).__name__}: {exc}")
            return
        self.signals.done.emit(self.key, result)


class TaskRunner(QObject):
    """Runs callables on a private pool; ``done(key, result)`` arrives on the UI thread."""

    done = Signal(object, object)
    failed = Signal(object, str)

    def __init__(self, parent=None, threads: int = 1):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._signals = _Signals()
        self._signals.done.connect(self.done)
        self._signals.failed.connect(self._log_failure)
        self._signals.failed.connect(self.failed)

    def submit(self, key, fn: Callable[[], object]) -> None:
        self.pool.start(_Job(key, fn, self._signals))

    def clear(self) -> None:
        """Drop queued jobs that have not started."""
        self.pool.clear()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def _log_failure(self, key, message: str) -> None:
        log.warning("background task %r failed: %s", key, message)
