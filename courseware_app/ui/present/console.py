"""The trainer's console: what the room sees now and next, the section's trainer notes in the
console's language, the slide's speaker text, the time against the plan, the agenda and jump
list, the languages, a warning when the projector mirrors this screen, and the End button.
It hosts the classroom quiz's panel in place of the notes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.i18n import _
from courseware_app.core.present.steps import StepKind
from courseware_app.ui.images import ContentDocument, content_image
from courseware_app.ui.present.console_parts import Agenda, LanguageBar, TimePanel
from courseware_app.ui.present.controller import PresenterController
from courseware_app.ui.present.look import pixel_font
from courseware_app.ui.present.stepview import StepView

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QCloseEvent

    from courseware_app.ui.present.screens import ScreenPlan

PREVIEW_MIN_PX = 6
PREVIEW_SIZE = QSize(320, 240)  # the room's screen, small (4:3)
BANNER_STYLE = "background: #fff3c4; color: #4a3500; padding: 6px; border: 1px solid #b38f00;"


class NotesView(QTextBrowser):
    """Trainer notes (rich text) whose images come from the content tree only."""

    def __init__(self, content_root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content_root = content_root
        self.setDocument(ContentDocument(self.loadResource, self))
        self.setOpenLinks(False)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        return content_image(self.content_root, kind, url, self.devicePixelRatioF())


class ConsoleWindow(QWidget):
    """The trainer's window (an ordinary window, on the laptop's screen)."""

    classroomRequested = Signal(str)  # noqa: N815 - the quiz id of the current QUIZ step
    exerciseRequested = Signal(str)  # noqa: N815 - the exercise id of the current EXERCISE step
    darkChanged = Signal(bool)  # noqa: N815 - the projector's look

    def __init__(
        self, controller: PresenterController, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName("presenterConsole")
        self.resize(1180, 740)
        self._build(folder)
        controller.stepChanged.connect(self.show_current)
        controller.languageChanged.connect(self._languages_changed)
        controller.timeTick.connect(self.tick)
        controller.statusChanged.connect(self.status.setText)
        self.retranslate_ui()
        self.show_current()

    # ------------------------------------------------------------ building

    def _build(self, folder: Path) -> None:
        c = self.controller
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.status = QLabel(c.status, self)
        self.status.setWordWrap(True)
        columns = QSplitter(self)
        columns.addWidget(self._screens_column(folder))
        columns.addWidget(self._notes_column(folder))
        columns.addWidget(self._time_column())
        columns.setSizes([330, 420, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(columns, 1)
        layout.addWidget(self.status)

    def _screens_column(self, folder: Path) -> QWidget:
        column = QWidget(self)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        self.now_caption, self.next_caption = QLabel(column), QLabel(column)
        self.current = StepView(folder, PREVIEW_MIN_PX, column)
        self.upcoming = StepView(folder, PREVIEW_MIN_PX, column)
        for caption, view in ((self.now_caption, self.current), (self.next_caption, self.upcoming)):
            caption.setFont(pixel_font(14, bold=True))
            view.setFixedSize(PREVIEW_SIZE)
            box.addWidget(caption)
            box.addWidget(view)
        self.quiz_button = QPushButton(column)
        self.quiz_button.clicked.connect(self._quiz_clicked)
        box.addWidget(self.quiz_button)
        self.exercise_button = QPushButton(column)
        self.exercise_button.clicked.connect(
            lambda: self.exerciseRequested.emit(self.controller.step.exercise)
        )
        box.addWidget(self.exercise_button)
        box.addStretch(1)
        return column

    def _notes_column(self, folder: Path) -> QWidget:
        self.side = QStackedWidget(self)  # the notes, or the classroom panel
        notes = QWidget(self.side)
        box = QVBoxLayout(notes)
        box.setContentsMargins(0, 0, 0, 0)
        self.notes_caption, self.speaker_caption = QLabel(notes), QLabel(notes)
        self.notes = NotesView(folder.parent.parent, notes)
        self.speaker = NotesView(folder.parent.parent, notes)
        for caption, view, stretch in (
            (self.speaker_caption, self.speaker, 1),
            (self.notes_caption, self.notes, 2),
        ):
            caption.setFont(pixel_font(14, bold=True))
            view.setFont(pixel_font(17))
            box.addWidget(caption)
            box.addWidget(view, stretch)
        self.side.addWidget(notes)
        self.notes_page = notes
        self.panel: QWidget | None = None
        return self.side

    def _time_column(self) -> QWidget:
        c = self.controller
        column = QWidget(self)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        self.time = TimePanel(c, column)
        self.agenda = Agenda(c, column)
        self.agenda.jumpRequested.connect(c.go)
        self.goto_caption = QLabel(column)
        self.goto = QSpinBox(column)
        self.goto.setRange(1, c.count)
        self.goto.editingFinished.connect(self._go_typed)
        self.goto_caption.setBuddy(self.goto)
        self.languages = LanguageBar(c, column)
        self.languages.darkChanged.connect(self.darkChanged)
        self.end_button = QPushButton(column)
        self.end_button.clicked.connect(c.end)
        row = QHBoxLayout()
        row.addWidget(self.goto_caption)
        row.addWidget(self.goto, 1)
        for part in (self.time, self.agenda):
            box.addWidget(part, 1 if part is self.agenda else 0)
        box.addLayout(row)
        box.addWidget(self.languages)
        box.addWidget(self.end_button)
        return column

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Presenter console"))
        self.now_caption.setText(_("The room sees now"))
        self.next_caption.setText(_("Next"))
        self.notes_caption.setText(_("Trainer notes for this section"))
        self.speaker_caption.setText(_("Speaker notes for this slide"))
        self.goto_caption.setText(_("&Go to step:"))
        self.quiz_button.setText(_("Run the classroom quiz"))
        self.exercise_button.setText(_("Place the cards with the room"))
        self.end_button.setText(_("&End the presentation"))
        self.banner.setText(
            _(
                "Mirrored display: the projector shows the same picture as this screen, so the "
                "room would see this console. Extend the desktop (Windows+P, or your system's "
                "display settings) to keep the notes private."
            )
        )
        for part in (self.time, self.agenda, self.languages):
            part.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing the console ends the presentation (and keeps its record)."""
        self.controller.end()
        super().closeEvent(event)

    # ------------------------------------------------------------ showing

    def show_current(self, *_args: object) -> None:
        c = self.controller
        self.current.show_step(c.step, c.second_step())
        upcoming = c.step_at(c.index + 1)
        if upcoming is not None:
            self.upcoming.show_step(upcoming, c.second_step(c.index + 1))
        self.upcoming.setVisible(upcoming is not None)
        self.next_caption.setText(_("Next") if upcoming is not None else _("Last step"))
        self.notes.setHtml(c.notes() or "<p>{}</p>".format(_("No trainer notes for this section.")))
        self.speaker.setHtml(c.speaker())
        self.speaker.setVisible(bool(c.speaker()))
        self.speaker_caption.setVisible(bool(c.speaker()))
        self.quiz_button.setVisible(c.step.kind == StepKind.QUIZ)
        self.exercise_button.setVisible(c.step.kind == StepKind.EXERCISE)
        self.goto.blockSignals(True)
        self.goto.setValue(c.index + 1)
        self.goto.blockSignals(False)
        self.tick()

    def tick(self) -> None:
        self.time.refresh()
        self.agenda.refresh()

    def _languages_changed(self) -> None:
        self.agenda.fill()
        self.goto.setRange(1, self.controller.count)
        self.show_current()

    def show_plan(self, plan: ScreenPlan) -> None:
        """The screens' plan changed: warn when the room would see this window."""
        self.banner.setVisible(plan.mirrored)

    def focus_goto(self) -> None:
        """G: type a step's number, then Enter."""
        self.activateWindow()
        self.goto.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.goto.selectAll()

    def _go_typed(self) -> None:
        if self.goto.value() != self.controller.index + 1:
            self.controller.go(self.goto.value() - 1)
        # After the Enter key is done with: it would go on to the keys as "next" otherwise.
        QTimer.singleShot(0, self.goto.clearFocus)

    def _quiz_clicked(self) -> None:
        quiz = self.controller.step.quiz
        if quiz:
            self.classroomRequested.emit(quiz)

    # ------------------------------------------------------------ the classroom panel

    def show_panel(self, widget: QWidget) -> None:
        """Show ``widget`` (the classroom quiz's panel) in place of the notes."""
        self.hide_panel()
        self.panel = widget
        self.side.addWidget(widget)
        self.side.setCurrentWidget(widget)

    def hide_panel(self) -> None:
        """Back to the notes (the panel is let go, not deleted)."""
        if self.panel is not None:
            self.side.removeWidget(self.panel)
            self.panel.hide()
            self.panel.setParent(None)
            self.panel = None
        self.side.setCurrentWidget(self.notes_page)
