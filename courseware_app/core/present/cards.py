"""The classroom quiz's cards: a question as the room sees it (lettered, never its answer) and
what Reveal adds (the right answer and the explanation)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from courseware_app.core.course import Question
from courseware_app.core.i18n import current_language, translator
from courseware_app.core.questions.types import QuestionType
from courseware_app.core.render import markdown_to_html

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CHOICE_TYPES = (QuestionType.SINGLE, QuestionType.MULTIPLE)


@dataclass(frozen=True)
class Choice:
    letter: str  # "A", or "1" for the left side of a matching question
    html: str


@dataclass(frozen=True)
class QuestionCard:
    """What the projector shows before Reveal: the question and its lettered options (an
    ordering's items shuffled, a matching's right side shuffled), nothing that gives it away."""

    question: str  # the question's id
    type: QuestionType
    html: str
    choices: tuple[Choice, ...] = ()
    prompts: tuple[Choice, ...] = ()  # matching: the left side, numbered

    @property
    def text(self) -> str:
        from courseware_app.core.present.steps import plain_text

        parts = [self.html] + [f"{c.letter} {c.html}" for c in (*self.prompts, *self.choices)]
        return " ".join(plain_text(p) for p in parts)


@dataclass(frozen=True)
class RevealCard:
    """What Reveal adds: the right answer, in words, and the explanation."""

    answer: str  # HTML
    explanation: str  # HTML ("" when the question has none)


def _inline(text: str, module: str) -> str:
    fragment = markdown_to_html(text, module_id=module)[0].strip()
    if fragment.startswith("<p>") and fragment.endswith("</p>") and fragment.count("<p>") == 1:
        return fragment[3:-4]
    return fragment


def _shuffled(items: list[str], seed: str) -> list[int]:
    """A fixed order of ``items``' indices that is not the written one (when there are two or
    more different items): the room must not read the answer off the screen."""
    order = list(range(len(items)))
    if len(set(items)) < 2:
        return order
    rng = random.Random(seed)
    while order == sorted(order):
        rng.shuffle(order)
    return order


def question_card(q: Question, module: str = "", lang: str | None = None) -> QuestionCard:
    """The card of ``q``; its own words ("True", "False") in ``lang`` (the room's; default:
    the interface's)."""
    text = _inline(q.text, module)
    if q.type in CHOICE_TYPES:
        choices = tuple(
            Choice(LETTERS[i], _inline(o.text, module)) for i, o in enumerate(q.options)
        )
        return QuestionCard(q.id, q.type, text, choices)
    if q.type == QuestionType.TRUEFALSE:
        words = translator(lang or current_language())
        choices = (Choice("A", words.gettext("True")), Choice("B", words.gettext("False")))
        return QuestionCard(q.id, q.type, text, choices)
    if q.type == QuestionType.ORDER:
        order = _shuffled(list(q.items), q.id)
        items = tuple(Choice(LETTERS[n], _inline(q.items[i], module)) for n, i in enumerate(order))
        return QuestionCard(q.id, q.type, text, items)
    if q.type == QuestionType.MATCH:
        rights = [right for _left, right in q.pairs]
        order = _shuffled(rights, q.id)
        prompts = tuple(
            Choice(str(n + 1), _inline(left, module)) for n, (left, _r) in enumerate(q.pairs)
        )
        choices = tuple(Choice(LETTERS[n], _inline(rights[i], module)) for n, i in enumerate(order))
        return QuestionCard(q.id, q.type, text, choices, prompts)
    return QuestionCard(q.id, q.type, text)


def reveal_card(q: Question, module: str = "", lang: str | None = None) -> RevealCard:
    explanation = _inline(q.explanation, module) if q.explanation else ""
    return RevealCard(_answer(q, module, lang), explanation)


def _answer(q: Question, module: str, lang: str | None) -> str:
    card = question_card(q, module, lang)
    if q.type in CHOICE_TYPES:
        right = [
            f"{c.letter}. {c.html}"
            for c, o in zip(card.choices, q.options, strict=True)
            if o.correct
        ]
        return "<br>".join(right)
    if q.type == QuestionType.TRUEFALSE:
        return card.choices[0 if q.answer_bool else 1].html
    if q.type == QuestionType.ORDER:
        letter_of = {c.html: c.letter for c in card.choices}
        items = [_inline(item, module) for item in q.items]
        return " → ".join(f"{letter_of.get(i, '')}. {i}" for i in items)
    if q.type == QuestionType.MATCH:
        letter_of = {c.html: c.letter for c in card.choices}
        rows = [
            f"{p.letter} → {letter_of.get(_inline(right, module), '')}. {_inline(right, module)}"
            for p, (_left, right) in zip(card.prompts, q.pairs, strict=True)
        ]
        return "<br>".join(rows)
    if q.type == QuestionType.NUMERIC and q.numeric is not None:
        low, high = q.numeric
        return _number(low) if low == high else f"{_number(low)} – {_number(high)}"
    return " / ".join(_inline(a, module) for a in q.accepted)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
