"""Multiple choice: check boxes; the response is the set of chosen option indices."""

from __future__ import annotations

import random
from collections.abc import Iterable

from courseware_app.core.i18n import _
from courseware_app.core.questions import QuestionType
from courseware_app.ui.questions.base import register_input
from courseware_app.ui.questions.choice import ChoiceInput


class MultipleInput(ChoiceInput):
    exclusive = False

    def build(self, shuffle: bool, rng: random.Random) -> None:
        self.hint(_("Select all that apply."))
        super().build(shuffle, rng)

    def response(self) -> object:
        chosen = {i for i, b in self.buttons.items() if b.isChecked()}
        return chosen or None

    def set_response(self, response: object) -> None:
        self.check_only(set(response) if isinstance(response, Iterable) else set())


register_input(QuestionType.MULTIPLE, MultipleInput)
