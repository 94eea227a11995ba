"""Numeric: 'answer: 12.5', a range '10..15', maybe 'tolerance:'; the response is the text typed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from courseware_app.core.course import Question
from courseware_app.core.formats import format_number
from courseware_app.core.gift.text import clip, fmt_number, gift_number, restore, single_line
from courseware_app.core.i18n import _
from courseware_app.core.questions.base import (
    EPSILON,
    Draft,
    GiftBody,
    QuestionKind,
    Report,
    Result,
    full_or_nothing,
    parse_number,
    with_explanation,
)
from courseware_app.core.questions.normalise import parse_typed_number
from courseware_app.core.questions.registry import register
from courseware_app.core.questions.types import QuestionType

if TYPE_CHECKING:
    from courseware_app.core.gift.reader import AnswerBlock, GiftAnswer, GiftReader

Span = tuple[Decimal, Decimal, Decimal]  # GIFT (low, high, tolerance)


class NumericKind(QuestionKind):
    type: ClassVar[QuestionType] = QuestionType.NUMERIC
    keys: ClassVar[frozenset[str]] = frozenset({"answer", "tolerance"})
    gift_rank: ClassVar[int | None] = 10

    def check(self, d: Draft, q: Question, report: Report) -> Question:
        value, line = d.keys.get("answer", ("", d.line))
        if not value:
            report.error(d.line, "quiz-no-correct", f"question '{d.id}' needs 'answer: NUMBER'")
            return q
        low, _sep, high = value.partition("..")
        lo, hi = parse_number(low), parse_number(high) if high else parse_number(low)
        if lo is None or hi is None or hi < lo:
            report.error(
                line, "quiz-bad-answer", f"answer '{value}' is not a number or a range LOW..HIGH"
            )
            return q
        tol_text, tol_line = d.keys.get("tolerance", ("0", d.line))
        tol = parse_number(tol_text)
        if tol is None or tol < 0:
            report.error(
                tol_line, "quiz-bad-answer", f"tolerance '{tol_text}' must be a number ≥ 0"
            )
            tol = 0.0
        return replace(q, numeric=(lo - tol, hi + tol))

    def score(self, q: Question, response: object) -> Result:
        value = parse_typed_number(response) if isinstance(response, str) else response
        if isinstance(value, bool) or not isinstance(value, int | float) or q.numeric is None:
            return Result(0.0, q.points, False)
        low, high = q.numeric
        return full_or_nothing(q, low - EPSILON <= float(value) <= high + EPSILON)

    def answer_text(self, q: Question) -> str:
        if q.numeric is None:
            return ""
        low, high = q.numeric
        if low == high:
            return format_number(low)
        return _("from {low} to {high}").format(low=format_number(low), high=format_number(high))

    def key_parts(self, q: Question) -> tuple[str, ...]:
        if q.numeric is None:
            return ()
        low, high = q.numeric
        return (f"{low:g}" if low == high else f"{low:g}..{high:g}",)

    def key_response(self, q: Question) -> object:
        return sum(q.numeric) / 2 if q.numeric else None

    def gift_claims(self, answer: str) -> bool:
        return answer.startswith("#")

    def from_gift(self, reader: GiftReader, block: AnswerBlock) -> GiftBody | None:
        rest, _tilde, wrong = block.answer[1:].partition("~")
        answers = reader.answers_with_lead(rest, lambda off: block.at(off + 1))
        parsed = [(a, v) for a in answers if (v := _span(reader, restore(a.text), a.line))]
        full = [(a, v) for a, v in parsed if a.weight is None or a.weight == 100]
        if not full:
            reader.warn(
                block.line, _("a numeric question has no valid full-credit answer; skipped")
            )
            return None
        chosen, (low, high, tol) = full[0]
        _warn_left_out(reader, [a for a, _v in parsed if a is not chosen])
        _warn_wrong_feedback(reader, wrong, block)
        explanation = reader.explanation_from([chosen], block)
        if low != high:
            body = [f"answer: {fmt_number(low)}..{fmt_number(high)}"]
        else:
            body = [f"answer: {fmt_number(low)}"] + (
                [f"tolerance: {fmt_number(tol)}"] if tol else []
            )
        return self.type, with_explanation(body, explanation)


def _warn_left_out(reader: GiftReader, answers: list[GiftAnswer]) -> None:
    for a in answers:
        weight = fmt_number(a.weight) if a.weight is not None else "100"
        reader.warn(
            a.line,
            _(
                "numeric answer '{answer}' ({weight}%) is left out: our numeric "
                "questions take one answer, the first full-credit one"
            ).format(answer=single_line(restore(a.text)), weight=weight),
        )


def _warn_wrong_feedback(reader: GiftReader, wrong: str, block: AnswerBlock) -> None:
    """Feedback after '~' (for any wrong answer) has nowhere to go."""
    if not wrong.strip():
        return
    feedback = reader.option_text(wrong.partition("#")[2], block.fmt, block.line)
    if feedback:
        reader.warn(
            block.line,
            _(
                "feedback for wrong answers is left out: a numeric question has no "
                "per-answer feedback ({text})"
            ).format(text=clip(feedback)),
        )


def _span(reader: GiftReader, text: str, line: int) -> Span | None:
    """(low, high, tolerance) from '12.5', '12.5:0.5' or '10..15'; None with a warning."""
    text = text.strip()
    if text == "*":
        reader.warn(line, _("a numeric answer '*' (any value) is not supported; left out"))
        return None
    if text.find("..") > 0:
        low_text, _sep, high_text = text.partition("..")
        low, high = gift_number(low_text), gift_number(high_text)
        if low is None or high is None or high < low:
            reader.warn(
                line, _("numeric range '{value}' is not LOW..HIGH; left out").format(value=text)
            )
            return None
        return low, high, Decimal(0)
    value_text, _sep, tol_text = text.partition(":") if text.find(":") > 0 else (text, "", "")
    value = gift_number(value_text)
    tol = gift_number(tol_text) if tol_text.strip() else Decimal(0)
    if value is None or tol is None or tol < 0:
        reader.warn(
            line,
            _(
                "numeric answer '{value}' is not NUMBER, NUMBER:TOLERANCE or LOW..HIGH; left out"
            ).format(value=text),
        )
        return None
    return value, value, tol


register(NumericKind())
