"""Short answer: 'accept: answer | other answer'; the response is the text typed."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from babel.lists import format_list

from courseware_app.core.course import Question
from courseware_app.core.gift.text import clip, fmt_number
from courseware_app.core.i18n import _, current_language
from courseware_app.core.questions.base import (
    Draft,
    GiftBody,
    QuestionKind,
    Report,
    Result,
    full_or_nothing,
    with_explanation,
)
from courseware_app.core.questions.normalise import normalise_answer
from courseware_app.core.questions.registry import register
from courseware_app.core.questions.types import QuestionType

if TYPE_CHECKING:
    from courseware_app.core.gift.reader import AnswerBlock, GiftAnswer, GiftReader


class ShortKind(QuestionKind):
    type: ClassVar[QuestionType] = QuestionType.SHORT
    keys: ClassVar[frozenset[str]] = frozenset({"accept"})
    gift_rank: ClassVar[int | None] = 90  # what no other type claims

    def check(self, d: Draft, q: Question, report: Report) -> Question:
        value, _line = d.keys.get("accept", ("", d.line))
        accepted = tuple(a.strip() for a in value.split("|") if a.strip())
        if not accepted:
            report.error(
                d.line,
                "quiz-no-correct",
                f"question '{d.id}' needs 'accept: answer | other answer'",
            )
        return replace(q, accepted=accepted)

    def score(self, q: Question, response: object) -> Result:
        given = normalise_answer(response if isinstance(response, str) else "")
        return full_or_nothing(
            q, bool(given) and any(given == normalise_answer(a) for a in q.accepted)
        )

    def answer_text(self, q: Question) -> str:
        """The accepted answers as a list in the interface language: 'a, b or c'."""
        return format_list(list(q.accepted), style="or", locale=current_language())

    def key_parts(self, q: Question) -> tuple[str, ...]:
        return (" | ".join(q.accepted),)

    def key_response(self, q: Question) -> object:
        return q.accepted[0]

    def gift_claims(self, answer: str) -> bool:
        return True

    def from_gift(self, reader: GiftReader, block: AnswerBlock) -> GiftBody | None:
        accepted: list[str] = []
        kept: list[GiftAnswer] = []
        for a in reader.answers_with_lead(block.answer, block.at):
            text = _accepted_text(reader, a, block.fmt)
            if text is None:
                continue
            if text not in accepted:
                accepted.append(text)
            kept.append(a)
        if not accepted:
            reader.warn(
                block.line, _("a short-answer question has no fully correct answer; skipped")
            )
            return None
        explanation = reader.explanation_from(kept, block)
        return self.type, with_explanation([f"accept: {' | '.join(accepted)}"], explanation)


def _accepted_text(reader: GiftReader, a: GiftAnswer, fmt: str) -> str | None:
    """The text of a GIFT answer we can accept, or None (with a warning) when we cannot."""
    text = reader.option_text(a.text, fmt, a.line)
    if not text:
        reader.warn(a.line, _("an empty answer is left out"))
        return None
    if a.weight is not None and a.weight != 100:
        reader.warn(
            a.line,
            _(
                "answer '{answer}' is worth {weight} percent in GIFT; short-answer questions "
                "have no partial credit, so it is not accepted"
            ).format(answer=clip(text), weight=fmt_number(a.weight)),
        )
        return None
    if "|" in text:
        reader.warn(
            a.line,
            _("answer '{answer}' contains '|', which separates accepted answers; left out").format(
                answer=clip(text)
            ),
        )
        return None
    if "*" in text:
        reader.warn(
            a.line,
            _(
                "answer '{answer}': Moodle's '*' wildcard is not supported; it is "
                "kept as a literal '*'"
            ).format(answer=clip(text)),
        )
    return text


register(ShortKind())
