"""The window the room sees: frameless, no menus, the current step in the projector's look,
a blank black or white screen, a picture alone (zoom), or a hosted view (the classroom quiz).
It shows what the controller says and nothing of the trainer's: no notes, no answers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from courseware_app.core.i18n import _
from courseware_app.ui.present.controller import Blank, PresenterController
from courseware_app.ui.present.look import LOOKS, Look, look_named, paint
from courseware_app.ui.present.stepview import StepView

BLANK_COLOURS = {Blank.BLACK: LOOKS["dark"], Blank.WHITE: LOOKS["light"]}


class AudienceWindow(QWidget):
    """The projector's window: steps, or a hosted widget, under an optional blank screen."""

    def __init__(
        self, controller: PresenterController, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.controller = controller
        self.setObjectName("presenterAudience")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.look = look_named("")
        self.steps = StepView(folder, parent=self)
        self.blank_screen = QWidget(self)
        self.content = QStackedWidget(self)  # the steps, or the hosted widget
        self.content.addWidget(self.steps)
        self.screen_stack = QStackedWidget(self)  # the content, or the blank screen
        self.screen_stack.addWidget(self.content)
        self.screen_stack.addWidget(self.blank_screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.screen_stack)
        self.hosted: QWidget | None = None
        controller.stepChanged.connect(self.show_current)
        controller.zoomChanged.connect(self.show_current)
        controller.blankChanged.connect(self.show_blank)
        self.set_look(self.look)
        self.retranslate_ui()
        self.show_current()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Presentation"))

    def set_look(self, look: Look) -> None:
        self.look = look
        paint(self, look)
        self.steps.set_look(look)

    def show_current(self, *_args: object) -> None:
        c = self.controller
        self.steps.show_step(c.step, c.second_step(), c.zoomed)
        self.setAccessibleName(c.step.title)

    def page(self, forward: bool) -> bool:
        """The next (previous) screenful of a step taller than the screen; False when there
        is none and the step itself should change."""
        return self.content.currentWidget() is self.steps and self.steps.page(forward)

    def show_blank(self, kind: Blank | None) -> None:
        if kind is None:
            self.screen_stack.setCurrentWidget(self.content)
            return
        paint(self.blank_screen, BLANK_COLOURS[kind])
        self.blank_screen.setAccessibleName(
            _("Black screen") if kind == Blank.BLACK else _("White screen")
        )
        self.screen_stack.setCurrentWidget(self.blank_screen)

    def show_widget(self, widget: QWidget) -> None:
        """Show ``widget`` (the classroom quiz's view) instead of the steps."""
        if self.hosted is not widget:
            self._let_go()
        self.hosted = widget
        self.content.addWidget(widget)
        self.content.setCurrentWidget(widget)

    def show_steps(self) -> None:
        """Back to the steps (the hosted widget is let go, not deleted)."""
        self._let_go()
        self.content.setCurrentWidget(self.steps)
        self.show_current()

    def _let_go(self) -> None:
        """The hosted widget out of this window altogether: what it showed (a revealed
        answer) is no longer among the room's widgets."""
        if self.hosted is not None:
            self.content.removeWidget(self.hosted)
            self.hosted.hide()
            self.hosted.setParent(None)
            self.hosted = None
