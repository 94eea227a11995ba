"""The input widgets of one question type, and the registry that finds them by type."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from courseware_app.core.course import Question
from courseware_app.core.questions import QuestionType
from courseware_app.ui.questions.rich_text import set_look, wrapped_label
from courseware_app.ui.themes import current

# What a read-only input still takes: moving the focus on, so that it can be read.
_PASSING_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab}
_BLOCKED_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.Shortcut,  # a mnemonic such as Alt+1
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
}


def shortcut(key: str | QKeySequence, parent: QWidget, slot: Callable[[], object]) -> QShortcut:
    """A keyboard shortcut on ``parent`` (and its children) that calls ``slot``."""
    sc = QShortcut(QKeySequence(key), parent)
    sc.activated.connect(slot)
    return sc


class ReadOnlyFilter(QObject):
    """Makes the widgets it watches read-only without greying them out: clicks, keys (but
    Tab), the wheel and mnemonics are swallowed; the focus still reaches them."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() not in _BLOCKED_EVENTS:
            return False
        return not (isinstance(event, QKeyEvent) and event.key() in _PASSING_KEYS)


class QuestionInput(QWidget):
    """What a person answers with: built for one question, read back as a response
    (the form ``QuestionKind.score`` takes), or filled from a stored one for review.

    ``arrangement`` is the order its options or items were shown in before (a quiz being
    continued); when it does not fit the question, a fresh one is drawn from ``rng``."""

    changed = Signal()  # the response may have changed
    advanceRequested = Signal()  # noqa: N815 - Enter in a line: go on to the next question

    def __init__(
        self,
        question: Question,
        shuffle: bool,
        rng: random.Random,
        parent: QWidget | None = None,
        arrangement: Sequence[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.q = question
        self.inputs: list[QWidget] = []  # in tab order; read-only after submission
        self.locked = False
        self._preset = list(arrangement) if arrangement is not None else None
        self._read_only = ReadOnlyFilter(self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.build(shuffle, rng)

    def arranged(self, count: int, draw: Callable[[], list[int]]) -> list[int]:
        """The arrangement given, when it orders exactly ``count`` things, else ``draw()``."""
        if self._preset is not None and sorted(self._preset) == list(range(count)):
            return list(self._preset)
        return draw()

    def arrangement(self) -> list[int] | None:
        """The order its options or items are shown in (None: nothing is shuffled)."""
        return None

    def build(self, shuffle: bool, rng: random.Random) -> None:
        raise NotImplementedError

    def response(self) -> object:
        """The response as given, or None when unanswered."""
        raise NotImplementedError

    def set_response(self, response: object) -> None:
        """Show a stored response (not None)."""
        raise NotImplementedError

    def answered(self) -> bool:
        """Whether the trainee has answered (a response can be there without one)."""
        return self.response() is not None

    def reveal_key(self, on: bool) -> None:
        """Trainer mode: mark the right answer in the inputs, when they can show it."""
        self.mark_answers(on)

    def mark_answers(self, on: bool) -> None:
        """Mark the right options in the inputs (colour and text), when they can show them."""

    def set_locked(self, locked: bool) -> None:
        """Read-only after submission and in a review, in the normal colours."""
        self.locked = locked
        for widget in self.inputs:
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(locked)
            elif locked:
                widget.installEventFilter(self._read_only)
            else:
                widget.removeEventFilter(self._read_only)

    def hint(self, text: str) -> QLabel:
        label = wrapped_label(text, self)
        set_look(label, current().muted)
        self.layout_.addWidget(label)
        return label

    def add_input(self, widget: QWidget) -> None:
        self.layout_.addWidget(widget)
        self.watch(widget)

    def watch(self, widget: QWidget) -> None:
        """Count ``widget`` among the inputs and report its changes as ``changed``."""
        self.inputs.append(widget)
        if isinstance(widget, QAbstractButton):
            widget.toggled.connect(lambda _on: self.changed.emit())
        elif isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _text: self.changed.emit())
            widget.returnPressed.connect(self.advanceRequested.emit)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: self.changed.emit())


_INPUTS: dict[str, type[QuestionInput]] = {}


def register_input(qtype: QuestionType, cls: type[QuestionInput]) -> None:
    """Make ``cls`` the input widget of questions of ``qtype``."""
    _INPUTS[str(qtype)] = cls


def unregister_input(qtype: QuestionType) -> None:
    _INPUTS.pop(str(qtype), None)


def input_class(qtype: str) -> type[QuestionInput]:
    """The input widget class of a question type; KeyError when none is registered."""
    return _INPUTS[str(qtype)]
