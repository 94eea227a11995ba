"""Radio buttons or check boxes, one per option, in the presentation order."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QCheckBox, QRadioButton

from courseware_app.core.scoring import presentation_order
from courseware_app.ui.questions.base import QuestionInput
from courseware_app.ui.questions.rich_text import (
    literal,
    mark_right,
    right_answer_words,
    set_look,
)
from courseware_app.ui.themes import current


class ChoiceInput(QuestionInput):
    """``buttons`` maps each option's original index to its button."""

    exclusive = True

    def build(self, shuffle: bool, rng: random.Random) -> None:
        count = len(self.q.options)
        self.order = self.arranged(count, lambda: presentation_order(count, shuffle, rng))
        self.group = QButtonGroup(self)
        self.group.setExclusive(self.exclusive)
        self.buttons: dict[int, QRadioButton | QCheckBox] = {}
        self.labels: dict[int, str] = {}
        for shown, original in enumerate(self.order):
            option = self.q.options[original]
            button = QRadioButton(self) if self.exclusive else QCheckBox(self)
            self.labels[original] = f"&{shown + 1}  {literal(option.text)}"  # & included
            button.setText(self.labels[original])
            button.setAccessibleName(option.text)
            self.group.addButton(button, original)
            self.add_input(button)
            self.buttons[original] = button

    def arrangement(self) -> list[int] | None:
        return list(self.order)

    def check_only(self, chosen: set[int]) -> None:
        for i, button in self.buttons.items():
            button.setChecked(i in chosen)

    def mark_answers(self, on: bool) -> None:
        for i, button in self.buttons.items():
            right = on and self.q.options[i].correct
            mark_button(button, self.labels[i], self.q.options[i].text, right)


def mark_button(button: QAbstractButton, label: str, name: str, right: bool) -> None:
    """Show ``button`` as a right answer (colour, a ✔ and words) or as it was."""
    button.setText(mark_right(label) if right else label)
    button.setAccessibleName(right_answer_words(name) if right else name)
    button.setToolTip(right_answer_words(name) if right else "")
    set_look(button, current().ok if right else None, bold=right)  # and a mark in words
