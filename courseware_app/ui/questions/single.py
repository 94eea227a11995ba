"""Single choice: radio buttons; the response is the chosen option's index."""

from __future__ import annotations

from courseware_app.core.questions import QuestionType
from courseware_app.ui.questions.base import register_input
from courseware_app.ui.questions.choice import ChoiceInput


class SingleInput(ChoiceInput):
    exclusive = True

    def response(self) -> object:
        chosen = self.group.checkedId()
        return chosen if chosen >= 0 else None

    def set_response(self, response: object) -> None:
        self.check_only({response} if isinstance(response, int) else set())


register_input(QuestionType.SINGLE, SingleInput)
