"""Single choice: one option marked [x]; the response is the chosen option's index."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from courseware_app.core.course import Question
from courseware_app.core.i18n import _
from courseware_app.core.questions.base import Draft, GiftBody, Report, Result
from courseware_app.core.questions.choice import ChoiceKind, choice_from_gift
from courseware_app.core.questions.registry import register
from courseware_app.core.questions.types import QuestionType


def percent(share: float) -> str:
    """0.5 -> "50%" (at most two decimals, no trailing zeros)."""
    return _("{number}%").format(number=f"{share * 100:.2f}".rstrip("0").rstrip("."))


if TYPE_CHECKING:
    from courseware_app.core.gift.reader import AnswerBlock, GiftReader


class SingleKind(ChoiceKind):
    type: ClassVar[QuestionType] = QuestionType.SINGLE
    gift_rank: ClassVar[int | None] = 20  # reads every '~' block, single or multiple
    takes_credit: ClassVar[bool] = True

    def check(self, d: Draft, q: Question, report: Report) -> Question:
        opts = self.options(d, report)
        correct = sum(o.correct for o in opts)
        if correct > 1:
            report.error(
                d.line,
                "quiz-too-many-correct",
                f"single-choice question '{d.id}' has {correct} options marked [x]; use 'multiple'",
            )
        return replace(q, options=opts)

    def score(self, q: Question, response: object) -> Result:
        """All the points for the right option, its ``credit`` share for another one."""
        chosen = response if isinstance(response, int) else None
        if chosen is None or not 0 <= chosen < len(q.options):
            return Result(0.0, q.points, False)
        option = q.options[chosen]
        share = 1.0 if option.correct else option.credit
        feedback: tuple[str, ...] = (option.feedback,) if option.feedback else ()
        if 0 < share < 1:  # the review says what the option earned
            feedback += (
                _("This answer earns {percent} of the points.").format(
                    percent=percent(option.credit)
                ),
            )
        return Result(round(q.points * share, 4), q.points, option.correct, feedback)

    def answer_text(self, q: Question) -> str:
        """The right option, then the options that earn part of the points."""
        right = super().answer_text(q)
        partly = [f"{o.text} ({percent(o.credit)})" for o in q.options if o.credit > 0]
        if not partly:
            return right
        return _("{right}; partly right: {partly}").format(right=right, partly="; ".join(partly))

    def key_response(self, q: Question) -> object:
        return q.correct_positions[0]

    def gift_claims(self, answer: str) -> bool:
        return "~" in answer

    def from_gift(self, reader: GiftReader, block: AnswerBlock) -> GiftBody | None:
        return choice_from_gift(reader, block)


register(SingleKind())
