"""Opening an exercise from the reader (an ``exercise:MODULE/ID`` link) in the content
language, and recording each submitted attempt for the current profile, when there is one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from courseware_app.core.i18n import _
from courseware_app.core.progress.exercises import ExerciseSubmission
from courseware_app.ui.exercises.window import ExerciseWindow

if TYPE_CHECKING:
    from courseware_app.core.course import ModuleTranslation
    from courseware_app.core.exercises import RiskMatrix
    from courseware_app.ui.frame import WindowFrame
    from courseware_app.ui.reader import Reader


def exercise_for(
    reader: Reader, module_id: str, exercise_id: str
) -> tuple[ModuleTranslation | None, RiskMatrix | None]:
    """The translation and exercise a trainee would do now, in the content language."""
    module = reader.course.modules.get(module_id)
    tr = module.best(reader.content_language) if module else None
    exercise = next((e for e in tr.exercises if e.id == exercise_id), None) if tr else None
    return tr, exercise


def open_exercise(reader: Reader, module_id: str, exercise_id: str) -> ExerciseWindow | None:
    """The exercise in its own window (None, and a word in the status bar, when the link
    names no exercise of the course)."""
    window = reader.window
    tr, exercise = exercise_for(reader, module_id, exercise_id)
    if tr is None or exercise is None:
        window.show_status(_("This exercise cannot be found."))
        return None
    dialog = ExerciseWindow(
        exercise, module_id=module_id, module_version=tr.version, lang=tr.lang, parent=window
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.attemptFinished.connect(lambda submitted: record(window, submitted))
    dialog.open()
    return dialog


def record(window: WindowFrame, submitted: ExerciseSubmission) -> bool:
    """Keep the attempt in the current profile's progress (apart from quiz attempts; it never
    counts toward a pass mark). False when nobody's progress is being kept."""
    from courseware_app.ui.progress_ui import ProgressController

    progress = window.part(ProgressController)
    if progress is None or progress.profile is None or progress.closed:
        return False
    progress.store.record_exercise(progress.profile.id, submitted)
    return True
