"""Writing a document off the UI thread: progress by signal, a cancel, an outcome by signal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from courseware_app.core.documents import Document
from courseware_app.core.i18n import _
from courseware_app.printing import PrintCancelled
from courseware_app.ui.tasks import TaskRunner

Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]
Writer = Callable[[Document, Progress, Cancelled], int]  # -> pages written
Failure = Callable[[OSError], str]  # an OSError said for the person at the screen


@dataclass(frozen=True)
class Outcome:
    """How a job ended: pages written, or an error said in the user's language, or cancelled."""

    pages: int = 0
    error: str = ""
    cancelled: bool = False


def reason(exc: OSError) -> str:
    """Why a file or a printer refused, as the system says it."""
    return exc.strerror or str(exc) or type(exc).__name__


def file_error(path: Path) -> Failure:
    """How a failure to write ``path`` is said to the person at the screen."""
    return lambda exc: _("The file {path} could not be written: {reason}").format(
        path=path, reason=reason(exc)
    )


def printer_error(exc: OSError) -> str:
    return _("The printer could not print: {reason}").format(reason=reason(exc))


class DocumentJob(QObject):
    """Writes one document at a time on a private thread; workers never touch widgets.

    ``progress(done, total)`` and ``finished(Outcome)`` arrive on the UI thread."""

    progress = Signal(int, int)
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = TaskRunner(self)
        self.runner.done.connect(self._done)
        self.runner.failed.connect(lambda _key, message: self._done(_key, Outcome(error=message)))
        self._cancel = threading.Event()
        self._drawn = (0, 0)  # the last progress: (pages drawn, pages in all)
        self.running = False

    def start(self, document: Document, write: Writer, failure: Failure) -> None:
        if self.running:
            raise RuntimeError("a document is being written already")
        self.running = True
        self._cancel.clear()
        self._drawn = (0, 0)
        self.runner.submit("write", lambda: self._run(document, write, failure))

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, msecs: int = 60000) -> bool:
        """Cancel and wait for the thread (the dialog or the window is closing)."""
        self.cancel()
        stopped = self.runner.wait(msecs)
        self.running = not stopped
        return stopped

    def _step(self, done: int, total: int) -> None:
        self._drawn = (done, total)
        self.progress.emit(done, total)

    def _run(self, document: Document, write: Writer, failure: Failure) -> Outcome:
        try:
            pages = write(document, self._step, self._cancel.is_set)
        except PrintCancelled:
            return Outcome(cancelled=True)
        except OSError as exc:
            return Outcome(error=failure(exc))
        done, total = self._drawn
        if self._cancel.is_set() and done < total:  # a printer stops where it was
            return Outcome(pages=pages, cancelled=True)
        return Outcome(pages=pages)

    def _done(self, _key: object, outcome: object) -> None:
        self.running = False
        self.finished.emit(outcome)
