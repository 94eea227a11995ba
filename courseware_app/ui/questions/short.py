"""Short answer: a line of text."""

from __future__ import annotations

from courseware_app.core.i18n import _
from courseware_app.core.questions import QuestionType
from courseware_app.ui.questions.base import register_input
from courseware_app.ui.questions.text import TextInput


class ShortInput(TextInput):
    def placeholder(self) -> str:
        return _("Type your answer")


register_input(QuestionType.SHORT, ShortInput)
