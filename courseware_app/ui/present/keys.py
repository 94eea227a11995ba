"""The presenter's keys, one table for both windows and for the usual clickers (which send
PageDown/PageUp, and sometimes F5, Esc, B or .). While a console text field or spin box has the
focus (the classroom panel's counts, a team's name, the step number), the keys that type or move
in it do that instead."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from courseware_app.ui.present.controller import Blank, PresenterController

K = Qt.Key
IGNORED_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class Command(StrEnum):
    NEXT = "next"
    PREVIOUS = "previous"
    FIRST = "first"
    LAST = "last"
    BLACK = "black"
    WHITE = "white"
    RESTART = "restart"  # F5: from the beginning
    RESUME = "resume"  # Shift+F5: from the step shown
    END = "end"
    LANGUAGE = "language"
    GOTO = "goto"
    ZOOM = "zoom"


KEYS: dict[K, Command] = {
    K.Key_Right: Command.NEXT,
    K.Key_Down: Command.NEXT,
    K.Key_PageDown: Command.NEXT,
    K.Key_Space: Command.NEXT,
    K.Key_Return: Command.NEXT,
    K.Key_Enter: Command.NEXT,
    K.Key_Left: Command.PREVIOUS,
    K.Key_Up: Command.PREVIOUS,
    K.Key_PageUp: Command.PREVIOUS,
    K.Key_Backspace: Command.PREVIOUS,
    K.Key_Home: Command.FIRST,
    K.Key_End: Command.LAST,
    K.Key_B: Command.BLACK,
    K.Key_Period: Command.BLACK,
    K.Key_W: Command.WHITE,
    K.Key_F5: Command.RESTART,
    K.Key_Escape: Command.END,
    K.Key_L: Command.LANGUAGE,
    K.Key_G: Command.GOTO,
    K.Key_Z: Command.ZOOM,
}
SHIFTED: dict[K, Command] = {K.Key_F5: Command.RESUME}
# Keys that still act while a text field has the focus: the clicker's, and F5.
OVER_FIELDS = frozenset({K.Key_PageDown, K.Key_PageUp, K.Key_F5})


def command_for(event: QKeyEvent) -> Command | None:
    """The command a key press gives, or None (a key with Ctrl, Alt or Meta is never ours)."""
    modifiers = event.modifiers()
    if modifiers & IGNORED_MODIFIERS:
        return None
    key = K(event.key())
    if modifiers & Qt.KeyboardModifier.ShiftModifier and key in SHIFTED:
        return SHIFTED[key]
    return KEYS.get(key)


def is_text_field(widget: QWidget | None) -> bool:
    """A field that takes typed text or numbers (an editable one)."""
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return True
    return isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()


@runtime_checkable
class QuestionStepper(Protocol):
    """A hosted panel that takes over Next and Previous (the classroom quiz's questions)."""

    def next_question(self) -> None: ...

    def previous_question(self) -> None: ...


class ConsoleKeys(Protocol):
    """What the keys need of the console."""

    panel: QWidget | None

    def focus_goto(self) -> None: ...


class AppKeyFilter(QObject):
    """An application-wide event filter (a key acts whichever widget has the focus), put in
    place with ``install`` and taken out with ``uninstall``."""

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class PresenterKeys(AppKeyFilter):
    """Watches key presses in the presenter's windows (an application event filter, so a key
    acts whichever of their widgets has the focus) and runs the table's commands."""

    def __init__(
        self,
        controller: PresenterController,
        console: ConsoleKeys,
        windows: list[QWidget],
        pager: Callable[[bool], bool] | None = None,
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.pager = pager  # pages a step taller than the screen before the step changes
        self.console = console
        self.windows = windows
        c = controller
        self.actions: dict[Command, Callable[[], None]] = {
            Command.NEXT: lambda: self._step(forward=True),
            Command.PREVIOUS: lambda: self._step(forward=False),
            Command.FIRST: c.first,
            Command.LAST: c.last,
            Command.BLACK: lambda: c.blank(Blank.BLACK),
            Command.WHITE: lambda: c.blank(Blank.WHITE),
            Command.RESTART: lambda: c.start(0),
            Command.RESUME: lambda: c.start(c.index),
            Command.END: c.end,
            Command.LANGUAGE: c.cycle_language,
            Command.GOTO: console.focus_goto,
            Command.ZOOM: c.toggle_zoom,
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() not in self.windows or not isinstance(event, QKeyEvent):
            return False
        return self.handle(event)

    def handle(self, event: QKeyEvent) -> bool:
        """Run the key's command; False when the key is not ours here (it goes on)."""
        command = command_for(event)
        if command is None:
            return False
        focus = QApplication.focusWidget()
        if is_text_field(focus) and K(event.key()) not in OVER_FIELDS:
            if command == Command.END and focus is not None:
                focus.clearFocus()  # Esc leaves the field; a second Esc ends
                return True
            return False
        self.actions[command]()
        return True

    def _step(self, forward: bool) -> None:
        panel = self.console.panel
        if isinstance(panel, QuestionStepper):
            (panel.next_question if forward else panel.previous_question)()
        elif self.pager is not None and self.pager(forward):
            return
        elif forward:
            self.controller.next()
        else:
            self.controller.previous()
