"""The input widgets of one question type, and the registry that finds them by type."""

from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from courseware_app.core.course import Question
from courseware_app.core.questions import QuestionType
from courseware_app.ui.questions.rich_text import wrapped_label

HINT_STYLE = "color: #5a5a5e;"


def shortcut(key: str, parent: QWidget, slot: Callable[[], object]) -> QShortcut:
    """A keyboard shortcut on ``parent`` (and its children) that calls ``slot``."""
    sc = QShortcut(QKeySequence(key), parent)
    sc.activated.connect(slot)
    return sc


class QuestionInput(QWidget):
    """What a person answers with: built for one question, read back as a response
    (the form ``QuestionKind.score`` takes), or filled from a stored one for review."""

    def __init__(
        self, question: Question, shuffle: bool, rng: random.Random, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.q = question
        self.inputs: list[QWidget] = []  # in tab order; locked after submission
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.build(shuffle, rng)

    def build(self, shuffle: bool, rng: random.Random) -> None:
        raise NotImplementedError

    def response(self) -> object:
        """The response as given, or None when unanswered."""
        raise NotImplementedError

    def set_response(self, response: object) -> None:
        """Show a stored response (not None)."""
        raise NotImplementedError

    def reveal_key(self, on: bool) -> None:
        """Trainer mode: mark the right answer in the inputs, when they can show it."""

    def hint(self, text: str) -> QLabel:
        label = wrapped_label(text, self)
        label.setStyleSheet(HINT_STYLE)
        self.layout_.addWidget(label)
        return label

    def add_input(self, widget: QWidget) -> None:
        self.layout_.addWidget(widget)
        self.inputs.append(widget)


_INPUTS: dict[str, type[QuestionInput]] = {}


def register_input(qtype: QuestionType, cls: type[QuestionInput]) -> None:
    """Make ``cls`` the input widget of questions of ``qtype``."""
    _INPUTS[str(qtype)] = cls


def unregister_input(qtype: QuestionType) -> None:
    _INPUTS.pop(str(qtype), None)


def input_class(qtype: str) -> type[QuestionInput]:
    """The input widget class of a question type; KeyError when none is registered."""
    return _INPUTS[str(qtype)]
