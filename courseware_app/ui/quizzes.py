"""Opening a module's quiz from the reader: which quiz, in which language, at which size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from courseware_app.core.i18n import _

if TYPE_CHECKING:
    from courseware_app.core.course import ModuleTranslation, Quiz
    from courseware_app.core.scoring import Attempt
    from courseware_app.ui.reader import Reader


def open_current_quiz(reader: Reader) -> None:
    """The quiz of the module being read (Ctrl+Shift+Q)."""
    loc = reader.location
    module = reader.course.modules.get(loc.module) if loc else None
    tr = module.best(reader.content_language) if module else None
    if module is None or tr is None or not tr.quizzes:
        reader.window.show_status(_("This module has no quiz."))
        return
    open_quiz(reader, module.id, tr.quizzes[0].id)


def quiz_for(
    reader: Reader, module_id: str, quiz_id: str
) -> tuple[ModuleTranslation | None, Quiz | None]:
    """The translation and quiz a trainee would take now, in the content language."""
    module = reader.course.modules.get(module_id)
    tr = module.best(reader.content_language) if module else None
    quiz = next((q for q in tr.quizzes if q.id == quiz_id), None) if tr else None
    return tr, quiz


def open_quiz(reader: Reader, module_id: str, quiz_id: str, review: Attempt | None = None) -> None:
    """The quiz in its own window, at the reader's text size; the part that keeps quizzes
    left unfinished (``QuizKeeper``, when attached) may offer to continue one first."""
    from courseware_app.ui.quiz_keeper import QuizKeeper
    from courseware_app.ui.quiz_widget import QuizDialog

    window, prefs = reader.window, reader.prefs
    tr, quiz = quiz_for(reader, module_id, quiz_id)
    if tr is None or quiz is None:
        window.show_status(_("This quiz cannot be found."))
        return
    dialog = QuizDialog(
        quiz,
        module_id=module_id,
        module_version=tr.version,
        lang=tr.lang,
        trainer=reader.trainer,
        one_per_page=prefs.quiz_one_per_page,
        review=review,
        content_root=reader.course.root,
        zoom=prefs.zoom,
        parent=window,
    )
    dialog.attemptFinished.connect(window.attemptRecorded)
    dialog.onePerPageChanged.connect(lambda on: setattr(prefs, "quiz_one_per_page", on))

    def zoom(step: int) -> None:  # Ctrl+plus in the quiz zooms the window; the quiz follows
        window.zoom(step)
        dialog.set_zoom(prefs.zoom)

    dialog.zoomRequested.connect(zoom)
    keeper = window.part(QuizKeeper)
    if keeper is not None:
        keeper.keep_quiz(dialog)
    reader.quiz_dialog = dialog
    dialog.open()
