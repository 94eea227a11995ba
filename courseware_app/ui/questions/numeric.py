"""Numeric: a line for a number, with either decimal separator."""

from __future__ import annotations

from courseware_app.core.i18n import _
from courseware_app.core.questions import QuestionType
from courseware_app.ui.questions.base import register_input
from courseware_app.ui.questions.text import TextInput


class NumericInput(TextInput):
    def placeholder(self) -> str:
        return _("A number, for example 12.5 or 12,5")


register_input(QuestionType.NUMERIC, NumericInput)
