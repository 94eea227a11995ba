"""The lab's work off the UI thread: one job at a time, its progress, a cancel, its result."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from courseware_app.core.trs import TrsCancelled, TrsError
from courseware_app.ui.tasks import TaskRunner

T = TypeVar("T")
Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], T]


@dataclass(frozen=True)
class _Finished(Generic[T]):
    """What a job's thread hands back: its value, or why there is none."""

    value: T | None = None
    error: str = ""
    cancelled: bool = False


class LabJob(QObject):
    """Runs ``work(progress, cancelled)`` on a private thread and calls ``then(value)`` on the
    UI thread. A TrsError arrives as ``failed(message)``, a cancel as ``cancelled()``; a job
    started while another runs cancels the first, whose result is dropped."""

    progress = Signal(int, int)
    failed = Signal(str)
    cancelled = Signal()
    idle = Signal()  # after each job, whatever its end

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self)
        self.runner.done.connect(self._done)
        self.runner.failed.connect(lambda key, message: self._done(key, _Finished(error=message)))
        self._serial = 0
        self._cancel = threading.Event()
        self._then: Callable[[object], None] | None = None

    @property
    def running(self) -> bool:
        return self._then is not None

    def start(self, work: Work[T], then: Callable[[T], None]) -> None:
        self._cancel.set()  # the job running, if any, stops and is forgotten
        self._cancel = threading.Event()
        self._serial += 1
        self._then = then  # type: ignore[assignment]  # called with this job's value only
        cancel = self._cancel
        self.runner.submit(self._serial, lambda: self._run(work, cancel))

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, msecs: int = 30000) -> bool:
        """Cancel and wait for the thread (the window is closing)."""
        self.cancel()
        return self.runner.wait(msecs)

    def _run(self, work: Work[T], cancel: threading.Event) -> _Finished[T]:
        def step(done: int, total: int) -> None:
            if not cancel.is_set():
                self.progress.emit(done, total)

        try:
            return _Finished(work(step, cancel.is_set))
        except TrsCancelled:
            return _Finished(cancelled=True)
        except TrsError as exc:
            return _Finished(error=str(exc))

    def _done(self, key: object, finished: object) -> None:
        if key != self._serial or not isinstance(finished, _Finished):
            return  # a job started since replaced this one
        then, self._then = self._then, None
        if finished.cancelled or self._cancel.is_set():
            self.cancelled.emit()
        elif finished.error:
            self.failed.emit(finished.error)
        elif then is not None:
            then(finished.value)
        self.idle.emit()
