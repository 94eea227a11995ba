"""A quiz on paper: each question with boxes to tick or lines to write on (the classroom cards,
so the order of items is the one the room sees), or with its answer for the trainer's key."""

from __future__ import annotations

from collections.abc import Iterable

from courseware_app.core.course import Question, Quiz
from courseware_app.core.documents.context import escape
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.present.cards import QuestionCard, question_card, reveal_card
from courseware_app.core.questions.types import QuestionType

BOX = "\u2610"  # ☐, a box to tick
BLANK = "________"
LINE = "_" * 60


def instruction(q: Question) -> str:
    """What the trainee is asked to do with pen and paper."""
    words = {
        QuestionType.SINGLE: _("Tick one box."),
        QuestionType.TRUEFALSE: _("Tick one box."),
        QuestionType.MULTIPLE: _("Tick every correct answer."),
        QuestionType.ORDER: _("Number the items in the right order (1 = first)."),
        QuestionType.MATCH: _("Write the matching letter beside each number."),
        QuestionType.NUMERIC: _("Write a number."),
        QuestionType.SHORT: _("Write your answer."),
    }
    return words.get(q.type, "")


def points_label(points: float) -> str:
    """ "2 points"; a fraction takes the form Russian gives fractions (that of 2)."""
    whole = points == int(points)
    label = ngettext("{points} point", "{points} points", int(points) if whole else 2)
    return label.format(points=int(points) if whole else points)


def _heading(n: int, q: Question, card: QuestionCard) -> str:
    points = escape(points_label(q.points))
    return f'<p class="question"><b>{n}.</b> {card.html} <span class="points">({points})</span></p>'


def _answer_space(q: Question, card: QuestionCard) -> str:
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE):
        return _rows((f"{BOX} {c.letter}.", c.html) for c in card.choices)
    if q.type == QuestionType.ORDER:
        return _rows((f"{BLANK} {c.letter}.", c.html) for c in card.choices)
    if q.type == QuestionType.MATCH:
        lefts = [(f"{p.letter}.", f"{p.html} → {BLANK}") for p in card.prompts]
        rights = [(f"{c.letter}.", c.html) for c in card.choices]
        return _rows(lefts) + _rows(rights)
    return f'<p class="write">{LINE}</p><p class="write">{LINE}</p>'


def _rows(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td class="mark">{mark}\u00a0</td><td>{text}</td></tr>' for mark, text in rows
    )
    return f'<table class="answers" cellpadding="3" cellspacing="0">{cells}</table>'


def paper_question(n: int, q: Question, module: str) -> str:
    card = question_card(q, module)
    hint = escape(instruction(q))
    return (
        _heading(n, q, card) + f'<p class="instruction"><i>{hint}</i></p>' + _answer_space(q, card)
    )


def key_question(n: int, q: Question, module: str) -> str:
    """The question as on paper, then its right answer and explanation."""
    card = question_card(q, module)
    reveal = reveal_card(q, module)
    answer = escape(_("Answer:"))
    parts = [
        _heading(n, q, card),
        _answer_space(q, card),
        f'<p class="answer"><b>{answer}</b> {reveal.answer}</p>',
    ]
    if reveal.explanation:
        label = escape(_("Explanation:"))
        parts.append(f'<p class="explanation"><b>{label}</b> {reveal.explanation}</p>')
    return "".join(parts)


def quiz_title(quiz: Quiz) -> str:
    return quiz.title or _("Quiz")


def quiz_questions(quiz: Quiz, module: str, *, key: bool) -> str:
    """Every question of ``quiz``, numbered from 1, with answers when ``key``."""
    make = key_question if key else paper_question
    return "".join(
        f'<div class="question-block">{make(n, q, module)}</div>'
        for n, q in enumerate(quiz.questions, start=1)
    )


def name_lines() -> str:
    """Where the trainee writes a name, the date and the post."""
    cells = "".join(
        f"<td>{escape(label)} {BLANK}{BLANK}</td>" for label in (_("Name:"), _("Date:"), _("Post:"))
    )
    return f'<table class="name-lines" width="100%" cellpadding="6"><tr>{cells}</tr></table>'
