"""True/false: 'answer: true' or 'answer: false'; the response is a bool."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from courseware_app.core.course import Question
from courseware_app.core.gift.text import clip
from courseware_app.core.i18n import _
from courseware_app.core.questions.base import (
    Draft,
    GiftBody,
    QuestionKind,
    Report,
    Result,
    full_or_nothing,
    with_explanation,
)
from courseware_app.core.questions.registry import register
from courseware_app.core.questions.types import QuestionType

if TYPE_CHECKING:
    from courseware_app.core.gift.reader import AnswerBlock, GiftReader

TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}  # GIFT's spellings


class TrueFalseKind(QuestionKind):
    type: ClassVar[QuestionType] = QuestionType.TRUEFALSE
    keys: ClassVar[frozenset[str]] = frozenset({"answer"})
    gift_rank: ClassVar[int | None] = 40

    def check(self, d: Draft, q: Question, report: Report) -> Question:
        value, line = d.keys.get("answer", ("", d.line))
        if not value:
            report.error(
                d.line,
                "quiz-no-correct",
                f"question '{d.id}' needs 'answer: true' or 'answer: false'",
            )
            return q
        if value.lower() not in ("true", "false"):
            report.error(line, "quiz-answer-not-option", f"answer '{value}' must be true or false")
            return q
        return replace(q, answer_bool=value.lower() == "true")

    def score(self, q: Question, response: object) -> Result:
        return full_or_nothing(q, isinstance(response, bool) and response == q.answer_bool)

    def answer_text(self, q: Question) -> str:
        return _("True") if q.answer_bool else _("False")

    def key_parts(self, q: Question) -> tuple[str, ...]:
        return (str(q.answer_bool).lower(),) if q.answer_bool is not None else ()

    def key_response(self, q: Question) -> object:
        return q.answer_bool

    def gift_claims(self, answer: str) -> bool:
        return answer.split("#", 1)[0].strip().upper() in TRUE_FALSE

    def from_gift(self, reader: GiftReader, block: AnswerBlock) -> GiftBody | None:
        value, wrong, right = ([*block.answer.split("#", 2), "", ""])[:3]
        truth = TRUE_FALSE[value.strip().upper()]
        wrong_text = reader.option_text(wrong, block.fmt, block.line)
        right_text = reader.option_text(right, block.fmt, block.line)
        explanation = block.explanation
        if not explanation and right_text:
            explanation, right_text = right_text, ""
        if right_text:
            reader.warn(block.line, _lost_right(right_text))
        if wrong_text:
            reader.warn(block.line, _lost_wrong(wrong_text))
        body = [f"answer: {'true' if truth else 'false'}"]
        return self.type, with_explanation(body, explanation)


def _lost_right(text: str) -> str:
    return _(
        "feedback for the right answer is left out: a true/false question has "
        "no per-answer feedback ({text})"
    ).format(text=clip(text))


def _lost_wrong(text: str) -> str:
    return _(
        "feedback for the wrong answer is left out: a true/false question has "
        "no per-answer feedback ({text})"
    ).format(text=clip(text))


register(TrueFalseKind())
