"""True/false: two radio buttons; the response is a bool."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QButtonGroup, QRadioButton

from courseware_app.core.i18n import _
from courseware_app.core.questions import QuestionType
from courseware_app.ui.questions.base import QuestionInput, register_input
from courseware_app.ui.questions.choice import mark_button


class TrueFalseInput(QuestionInput):
    def build(self, shuffle: bool, rng: random.Random) -> None:
        self.group = QButtonGroup(self)
        self.true_button = QRadioButton(_("&True"), self)
        self.false_button = QRadioButton(_("&False"), self)
        for button in (self.true_button, self.false_button):
            self.group.addButton(button)
            self.add_input(button)

    def response(self) -> object:
        if self.true_button.isChecked():
            return True
        return False if self.false_button.isChecked() else None

    def set_response(self, response: object) -> None:
        (self.true_button if response else self.false_button).setChecked(True)

    def mark_answers(self, on: bool) -> None:
        pairs = ((self.true_button, _("&True"), True), (self.false_button, _("&False"), False))
        for button, label, value in pairs:
            right = on and self.q.answer_bool is value
            mark_button(button, label, label.replace("&", ""), right)


register_input(QuestionType.TRUEFALSE, TrueFalseInput)
