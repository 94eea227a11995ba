"""The trainee's exercise window: the title and instructions, the board and its tray, Submit
(the model answer over the board, each card's result beside it, the score), Try again, Close.
Each Submit is an attempt (``attemptFinished``); storage listens to it. Nothing here touches a
module's completion or its quiz marks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.exercises import ExerciseResult, RiskMatrix, score_placements
from courseware_app.core.i18n import _
from courseware_app.core.progress.exercises import ExerciseSubmission
from courseware_app.core.scoring import now_utc
from courseware_app.ui.exercises.board import MatrixBoard
from courseware_app.ui.exercises.placements import Placements
from courseware_app.ui.exercises.results import ResultsList
from courseware_app.ui.exercises.texts import score_words
from courseware_app.ui.questions.rich_text import set_look, wrapped_label

TITLE_SHARE = 1.4  # the title's size against the window's text


class ExerciseWindow(QDialog):
    """Plays one risk-matrix exercise; emits ``attemptFinished(ExerciseSubmission)`` on Submit."""

    attemptFinished = Signal(object)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        exercise: RiskMatrix,
        *,
        module_id: str,
        module_version: str,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self.module_id, self.module_version, self.lang = module_id, module_version, lang
        self.placements = Placements(exercise, self)
        self.board = MatrixBoard(self.placements, module_id, self)
        self.results = ResultsList(exercise, module_id)
        self.started_at = now_utc()
        self.outcome: ExerciseResult | None = None
        self._build()
        self.placements.changed.connect(self._update_buttons)
        self.board.said.connect(self.status.setText)
        self.retranslate_ui()
        self.resize(1180, 720)

    def _build(self) -> None:
        self.title = wrapped_label(self.exercise.title, self)
        set_look(self.title, bold=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * TITLE_SHARE)
        self.title.setFont(font)
        self.instructions = wrapped_label(self.exercise.instructions, self)
        self.results_area = QScrollArea(self)
        self.results_area.setWidgetResizable(True)
        self.results_area.setWidget(self.results)
        self.results_area.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.score = wrapped_label("", self)
        set_look(self.score, bold=True)
        self.submit_button, self.again_button = QPushButton(self), QPushButton(self)
        self.close_button = QPushButton(self)
        self.submit_button.clicked.connect(self.submit)
        self.again_button.clicked.connect(self.try_again)
        self.close_button.clicked.connect(self.reject)
        for button in (self.submit_button, self.again_button, self.close_button):
            button.setAutoDefault(False)  # Enter is the cards' key here
        middle = QHBoxLayout()
        middle.addWidget(self.board, 3)
        middle.addWidget(self.results_area, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.score, 1)
        for button in (self.submit_button, self.again_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.instructions):
            layout.addWidget(widget)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Exercise: {title}").format(title=self.exercise.title))
        self.submit_button.setText(_("&Submit"))
        self.again_button.setText(_("&Try again"))
        self.close_button.setText(_("&Close"))
        self.status.setAccessibleName(_("What the last key did"))
        self.board.retranslate_ui()
        if self.outcome is not None:
            self.score.setText(score_words(self.outcome))
            self.results.show_result(self.outcome)
        else:
            self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()

    def _update_buttons(self, *_args: object) -> None:
        done = self.outcome is not None
        ready = self.placements.all_placed()
        self.submit_button.setVisible(not done)
        self.submit_button.setEnabled(ready)
        self.again_button.setVisible(done)
        if not done:
            self.score.setText("" if ready else _("Place every card on the grid to submit."))

    def submit(self) -> None:
        """Score the cards as placed, show the model answer, and hand the attempt on."""
        if self.outcome is not None or not self.placements.all_placed():
            return
        self.outcome = result = score_placements(self.exercise, self.placements.mapping())
        self.board.show_result(result)
        self.results.show_result(result)
        self.results_area.show()
        self.score.setText(score_words(result))
        self.status.clear()
        self._update_buttons()
        self.board.chips[self.placements.order[0]].setFocus(Qt.FocusReason.OtherFocusReason)
        self.attemptFinished.emit(
            ExerciseSubmission(
                self.module_id,
                self.module_version,
                self.lang,
                self.exercise,
                result,
                self.started_at,
                now_utc(),
            )
        )

    def try_again(self) -> None:
        """Every card back in the tray, for a new attempt."""
        self.outcome = None
        self.board.show_result(None)
        self.placements.clear()
        self.results.clear()
        self.results_area.hide()
        self.status.clear()
        self.started_at = now_utc()
        self._update_buttons()
        self.board.chips[self.placements.order[0]].setFocus(Qt.FocusReason.OtherFocusReason)
