"""Radio buttons or check boxes, one per option, in the presentation order."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QRadioButton

from courseware_app.core.scoring import presentation_order
from courseware_app.ui.questions.base import QuestionInput
from courseware_app.ui.questions.rich_text import literal

KEY_STYLE = "color: #7a5a00; font-weight: bold;"


class ChoiceInput(QuestionInput):
    """``buttons`` maps each option's original index to its button."""

    exclusive = True

    def build(self, shuffle: bool, rng: random.Random) -> None:
        self.order = presentation_order(len(self.q.options), shuffle, rng)
        self.group = QButtonGroup(self)
        self.group.setExclusive(self.exclusive)
        self.buttons: dict[int, QRadioButton | QCheckBox] = {}
        for shown, original in enumerate(self.order):
            option = self.q.options[original]
            button = QRadioButton(self) if self.exclusive else QCheckBox(self)
            button.setText(f"&{shown + 1}  {literal(option.text)}")  # as written, & included
            button.setAccessibleName(option.text)
            self.group.addButton(button, original)
            self.add_input(button)
            self.buttons[original] = button

    def check_only(self, chosen: set[int]) -> None:
        for i, button in self.buttons.items():
            button.setChecked(i in chosen)

    def reveal_key(self, on: bool) -> None:
        for i, button in self.buttons.items():
            button.setStyleSheet(KEY_STYLE if on and self.q.options[i].correct else "")
