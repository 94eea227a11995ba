"""Recording what the reader does: visits, time spent on each section, quiz attempts, and the
quizzes left unfinished."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from courseware_app.core.i18n import _
from courseware_app.ui.quiz_keeper import QuizKeeper

if TYPE_CHECKING:
    from courseware_app.core.progress import UnfinishedAttempt
    from courseware_app.core.scoring import Attempt
    from courseware_app.ui.quiz_widget import QuizDialog

IDLE_CAP_S = 20 * 60  # one stay on a section counts at most this long (a laptop left open)
TICK_MS = 60_000  # time on the current section is saved every minute
KEEP_MS = 500  # a quiz's answers are kept this long after the last change


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
            c.drafts.attempt_recorded(c.profile.id, attempt)

    def stop(self) -> None:
        self.tick.stop()
        self.controller.drafts.stop()


class QuizDrafts(QObject, QuizKeeper):
    """Keeps the quiz being answered as the current profile's unfinished attempt: soon after
    each answer, when it is closed, and when the window closes; offers to continue it the
    next time the quiz is opened. Finishing the quiz ends it (``ProgressStore.record_attempt``)."""

    def __init__(self, controller):
        super().__init__(controller)
        self.controller = controller
        self.dialog: QuizDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(KEEP_MS)
        self.timer.timeout.connect(self.keep)
        # what this session kept or discarded, so that no read misses a write in flight
        self._kept: dict[tuple[str, str, str], UnfinishedAttempt | None] = {}

    def keep_quiz(self, dialog: QuizDialog) -> None:
        c = self.controller
        self.dialog = dialog
        if c.profile is not None and not c.closed and dialog.attempt is None:
            self._offer(dialog)
        dialog.answersChanged.connect(self.timer.start)
        dialog.finished.connect(lambda _result: self.closed(dialog))
        dialog.onePerPageChanged.connect(lambda _on: c.profile_prefs.save())

    def _offer(self, dialog: QuizDialog) -> None:
        """Continue where the profile left off, or start again (which discards it)?"""
        from courseware_app.ui.questions.prompts import offer_resume

        c = self.controller
        key = (c.profile.id, dialog.module_id, dialog.quiz.id)
        kept = self._kept[key] if key in self._kept else c.store.unfinished(*key)
        if kept is None:
            return
        if not kept.fits(dialog.module_version, dialog.lang):
            c.status(
                _(
                    "Your unfinished answers were given to another version or language of this "
                    "quiz, so it starts afresh."
                )
            )
        elif offer_resume(c.window, kept, len(dialog.cards)):
            dialog.resume(kept)
        else:
            self._discard(key)

    def keep(self) -> None:
        c = self.controller
        if self.dialog is not None and c.profile is not None and not c.closed:
            self._write(self.dialog)

    def _write(self, dialog: QuizDialog) -> bool:
        """Keep the round being answered (nothing answered: keep nothing); whether it was."""
        c, unfinished = self.controller, dialog.unfinished()
        if unfinished is None:
            return False
        key = (c.profile.id, unfinished.module, unfinished.quiz)
        if not unfinished.answered:
            self._discard(key)
            return False
        self._kept[key] = unfinished
        c.store.keep_unfinished(c.profile.id, unfinished)
        return True

    def _discard(self, key: tuple[str, str, str]) -> None:
        self._kept[key] = None
        self.controller.store.discard_unfinished(*key)

    def attempt_recorded(self, profile_id: str, attempt: Attempt) -> None:
        """Recording the attempt ended the unfinished one (in the same transaction)."""
        self.timer.stop()
        self._kept[(profile_id, attempt.module_id, attempt.quiz_id)] = None

    def closed(self, dialog: QuizDialog) -> None:
        self.timer.stop()
        if dialog is self.dialog:
            self.dialog = None
        c = self.controller
        if c.profile is not None and not c.closed and self._write(dialog):
            c.status(_("Your answers are kept: the quiz continues where you left off."))

    def stop(self) -> None:
        """The window is closing (the store is still open): keep the quiz on screen."""
        self.timer.stop()
        if self.dialog is not None and self.controller.profile is not None:
            self._write(self.dialog)
