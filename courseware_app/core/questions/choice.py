"""What single- and multiple-choice questions share: '- [x] option' lines, and GIFT '{=a ~b}'."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from courseware_app.core.course import Option, Question
from courseware_app.core.i18n import _
from courseware_app.core.questions.base import (
    Draft,
    GiftBody,
    QuestionKind,
    Report,
    with_explanation,
)
from courseware_app.core.questions.types import QuestionType

if TYPE_CHECKING:
    from courseware_app.core.gift.reader import AnswerBlock, GiftAnswer, GiftReader


class ChoiceKind(QuestionKind):
    """Options marked [x] or [ ]; at least two of them, at least one right."""

    takes_options: ClassVar[bool] = True

    def options(self, d: Draft, report: Report) -> tuple[Option, ...]:
        """The draft's options, reported when fewer than two or none marked [x]."""
        opts = tuple(Option(o.text, o.correct, o.feedback, o.line, o.credit) for o in d.options)
        if len(opts) < 2:
            report.error(d.line, "quiz-options", f"question '{d.id}' needs at least two options")
        if not any(o.correct for o in opts):
            report.error(d.line, "quiz-no-correct", f"question '{d.id}' has no option marked [x]")
        return opts

    def answer_text(self, q: Question) -> str:
        return "; ".join(q.options[i].text for i in q.correct_positions)

    def key_parts(self, q: Question) -> tuple[str, ...]:
        return tuple(
            p for o in q.options for p in (("✓ " if o.correct else "") + o.text, o.feedback)
        )


# ---------------------------------------------------------------- GIFT '{=right ~wrong}'

_Choice = tuple[str, bool, str, "GiftAnswer"]  # (text, correct, feedback, answer)


def _read_options(reader: GiftReader, block: AnswerBlock) -> tuple[list[_Choice], bool]:
    """(options, whether any answer has a %weight%); empty answers are left out."""
    lead, answers = reader.answers(block.answer, "=~", block.at)
    reader.lead(lead, block.at)
    options: list[_Choice] = []
    weighted = False
    for a in answers:
        text = reader.option_text(a.text, block.fmt, a.line)
        if not text:
            reader.warn(a.line, _("an empty answer is left out"))
            continue
        weighted = weighted or a.weight is not None
        correct = a.marker == "=" or (a.weight is not None and a.weight > 0)
        feedback = reader.option_text(a.feedback, block.fmt, a.line) if a.feedback else ""
        options.append((text, correct, feedback, a))
    return options, weighted


def _usable(reader: GiftReader, options: list[_Choice], line: int) -> bool:
    if len(options) < 2:
        reader.warn(line, _("a multiple-choice question needs at least two answers; skipped"))
        return False
    if not any(o[1] for o in options):
        reader.warn(
            line,
            _("no correct answer (mark one with '=' or give it a positive %weight%); skipped"),
        )
        return False
    return True


def _warn_weights(reader: GiftReader, options: list[_Choice], line: int) -> None:
    """Unequal positive weights cannot be kept: every right option counts the same."""
    correct = [o for o in options if o[1]]
    weights = [o[3].weight if o[3].weight is not None else Decimal(100) for o in correct]
    share = Decimal(100) / len(correct)
    if any(abs(w - share) > Decimal("0.01") for w in weights):
        reader.warn(
            line,
            _(
                "answer weights are approximated: every answer with a positive weight "
                "counts as correct, scored as a 'multiple' question"
            ),
        )


def _is_full(a: GiftAnswer) -> bool:
    """Worth all the points: '=' without a weight, or a weight of 100 %."""
    return a.weight == 100 if a.weight is not None else a.marker == "="


def _option_lines(text: str, ok: bool, feedback: str, credit: Decimal | None = None) -> list[str]:
    lines = [f"- [{'x' if ok else ' '}] {text}"]
    if credit is not None and 0 < credit < 100:
        lines.append(f"  credit: {credit.normalize():f}%")
    if feedback:
        lines.append(f"  feedback: {feedback}")
    return lines


def choice_from_gift(reader: GiftReader, block: AnswerBlock) -> GiftBody | None:
    """Single choice when exactly one answer is worth 100 % (as Moodle scores it): the others'
    positive weights become their ``credit:``. Else multiple choice, every answer with a
    positive weight marked right."""
    options, weighted = _read_options(reader, block)
    if not _usable(reader, options, block.line):
        return None
    full = [o for o in options if _is_full(o[3])]
    body: list[str] = []
    if len(full) == 1:
        for text, _ok, feedback, a in options:
            body += _option_lines(text, a is full[0][3], feedback, a.weight)
        return QuestionType.SINGLE, with_explanation(body, block.explanation)
    if weighted:
        _warn_weights(reader, options, block.line)
    for text, ok, feedback, _a in options:
        body += _option_lines(text, ok, feedback)
    return QuestionType.MULTIPLE, with_explanation(body, block.explanation)
