"""The seam between the reader's quizzes and the part that keeps quizzes left unfinished."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courseware_app.ui.quiz_widget import QuizDialog


class QuizKeeper:
    """A window part that keeps the answers of quizzes left unfinished (progress attaches one,
    ``ui.progress_recording.QuizDrafts``); the reader hands it each quiz before it opens."""

    def keep_quiz(self, dialog: QuizDialog) -> None:
        """Offer to continue a quiz left unfinished, then keep its answers as they change."""
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        """No texts of its own."""

    def shutdown(self) -> None:
        """Nothing to stop here: the progress part stops it before its store closes."""
