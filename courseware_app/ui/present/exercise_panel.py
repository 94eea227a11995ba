"""The risk-matrix exercise in the presenter's console: the trainer places the cards live (by
mouse or keys) as the room argues, the projector showing the same board in large type; Reveal
puts the model over both, with the distances and, on the console, the justifications. Nothing
is recorded: a room's placement is nobody's attempt."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.exercises import ExerciseResult, RiskMatrix, score_placements
from courseware_app.core.i18n import _
from courseware_app.ui.exercises.board import MatrixBoard
from courseware_app.ui.exercises.chips import CardChip
from courseware_app.ui.exercises.placements import Placements
from courseware_app.ui.exercises.results import ResultsList
from courseware_app.ui.exercises.texts import score_words
from courseware_app.ui.present.audience import AudienceWindow
from courseware_app.ui.present.console import ConsoleWindow
from courseware_app.ui.present.controller import PresenterController
from courseware_app.ui.present.exercise_view import ExerciseProjection, exercise_finder
from courseware_app.ui.present.keys import AppKeyFilter
from courseware_app.ui.present.look import DARK_NAME, LIGHT_NAME, look_named
from courseware_app.ui.questions.rich_text import literal, wrapped_label


class BoardKeys(AppKeyFilter):
    """While a card of ``board`` has the focus, the board's keys (arrows, Enter, Space,
    Delete, Escape while a card is picked up) move the card instead of the presentation.
    Installed after the presenter's keys, so it sees each key first; the clicker's keys
    (Page Down, Page Up) still go on to the presentation."""

    def __init__(self, board: MatrixBoard) -> None:
        super().__init__(board)
        self.board = board

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        if not isinstance(focus, CardChip) or focus.host is not self.board or watched is not focus:
            return False
        return self.board.card_key(focus.card, event)


class ExercisePanel(QWidget):
    """The console's side of a projected exercise: the live board, Reveal, Start again, and
    Back to the slides (``finished``)."""

    finished = Signal()

    def __init__(
        self, exercise: RiskMatrix, view: ExerciseProjection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.exercise, self.view = exercise, view
        self.placements: Placements = view.placements
        self.board = MatrixBoard(self.placements, parent=self)
        self.results = ResultsList(exercise)
        self.keys = BoardKeys(self.board)
        self.done = False
        self._build()
        self.board.said.connect(self.status.setText)
        self.retranslate_ui()

    def _build(self) -> None:
        self.caption = wrapped_label("", self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.score = wrapped_label("", self)
        self.results_area = QScrollArea(self)
        self.results_area.setWidgetResizable(True)
        self.results_area.setWidget(self.results)
        self.results_area.hide()
        self.reveal_button, self.again_button = QPushButton(self), QPushButton(self)
        self.finish_button = QPushButton(self)
        self.reveal_button.clicked.connect(self.reveal)
        self.again_button.clicked.connect(self.start_again)
        self.finish_button.clicked.connect(self.finish)
        buttons = QHBoxLayout()
        for button in (self.reveal_button, self.again_button, self.finish_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.board, 3)
        layout.addWidget(self.results_area, 2)
        for widget in (self.status, self.score):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    def retranslate_ui(self) -> None:
        self.caption.setText(
            _(
                "Place the cards as the room decides: drag them, or choose one with Tab and "
                "move it with Enter and the arrow keys. The projector shows the same board."
            )
        )
        self.reveal_button.setText(literal(_("Reveal the model answer")))
        self.again_button.setText(literal(_("Start again")))
        self.finish_button.setText(literal(_("Back to the slides")))
        self.board.retranslate_ui()
        if self.board.result is not None:
            self.score.setText(score_words(self.board.result))
            self.results.show_result(self.board.result)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()

    def reveal(self) -> ExerciseResult:
        """The model over both boards (cards still in the tray count as not placed)."""
        result = score_placements(self.exercise, self.placements.mapping())
        self.board.show_result(result)
        self.view.show_result(result)
        self.results.show_result(result)
        self.results_area.show()
        self.score.setText(score_words(result))
        self.reveal_button.setEnabled(False)
        return result

    def start_again(self) -> None:
        self.placements.clear()
        for shown in (self.board, self.view):
            shown.show_result(None)
        self.results.clear()
        self.results_area.hide()
        self.score.clear()
        self.reveal_button.setEnabled(True)

    def finish(self) -> None:
        """Back to the slides (once)."""
        self.keys.uninstall()
        if not self.done:
            self.done = True
            self.finished.emit()


def start_exercise(
    controller: PresenterController,
    console: ConsoleWindow,
    audience: AudienceWindow,
    exercise_id: str,
) -> ExercisePanel | None:
    """Project exercise ``exercise_id`` (in the room's language) with its cards in the tray and
    open its panel in the console; the steps come back with Back to the slides, or when the
    presentation moves to another step."""
    found = exercise_finder(controller)(exercise_id)
    if found is None:
        return None
    look = look_named(DARK_NAME if console.languages.dark.isChecked() else LIGHT_NAME)
    view = ExerciseProjection(Placements(found.exercise), look, found.lang)
    panel = ExercisePanel(found.exercise, view)
    console.darkChanged.connect(view.set_dark)

    def back() -> None:
        console.darkChanged.disconnect(view.set_dark)
        controller.stepChanged.disconnect(leave)
        console.hide_panel()
        audience.show_steps()

    def leave(_index: int) -> None:
        panel.finish()

    panel.finished.connect(back)
    controller.stepChanged.connect(leave)
    console.show_panel(panel)
    audience.show_widget(view)
    panel.keys.install()
    return panel
