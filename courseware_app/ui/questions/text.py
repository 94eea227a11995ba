"""A line to type the answer in (short and numeric); the response is the text typed."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QLineEdit

from courseware_app.core.i18n import _
from courseware_app.ui.questions.base import QuestionInput


class TextInput(QuestionInput):
    def placeholder(self) -> str:
        raise NotImplementedError

    def build(self, shuffle: bool, rng: random.Random) -> None:
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.placeholder())
        self.edit.setAccessibleName(_("Your answer"))
        self.add_input(self.edit)

    def response(self) -> object:
        return self.edit.text().strip() or None

    def set_response(self, response: object) -> None:
        self.edit.setText(str(response))
