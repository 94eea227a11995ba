"""How the class did per question: attempts counted into QuestionTally, tallies from attempts and
classroom sessions added up, and a module's questions listed most-missed first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from courseware_app.core.course import ModuleTranslation, Question
from courseware_app.core.progress.helpers import JSONValue
from courseware_app.core.questions import EPSILON
from courseware_app.core.render import markdown_to_html
from courseware_app.core.results.records import AttemptRecord
from courseware_app.core.results.tally import QuestionTally
from courseware_app.core.search.documents import html_text


class QuestionShare(NamedTuple):
    """``correct`` of ``answered`` answers to ``question`` were right; ``share`` is 0..1
    (0 when nobody answered it)."""

    question: str
    correct: int
    answered: int
    share: float


def full_points(result: JSONValue) -> bool | None:
    """Whether one stored answer scored its full points (an export's ``results`` entry); the
    ``correct`` flag when the points are missing; None when the entry says neither."""
    if not isinstance(result, dict):
        return None
    points, most = _number(result.get("points")), _number(result.get("max_points"))
    if points is not None and most is not None:
        return points + EPSILON >= most
    correct = result.get("correct")
    return correct if isinstance(correct, bool) else None


def _number(value: JSONValue) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def tally_attempts(records: Iterable[AttemptRecord]) -> list[QuestionTally]:
    """Per module and question, how many attempts answered it and how many scored full points.
    Records without per-question results (a CSV export) count for nothing."""
    found: list[QuestionTally] = []
    for rec in records:
        results = rec.get("results")
        if not isinstance(results, dict):
            continue
        for question, result in results.items():
            right = full_points(result)
            if right is not None:
                found.append(QuestionTally(rec["module"], question, int(right), 1))
    return combine(found)


def combine(tallies: Iterable[QuestionTally]) -> list[QuestionTally]:
    """One tally per module and question, the counts summed, in the order first seen."""
    summed: dict[tuple[str, str], QuestionTally] = {}
    for t in tallies:
        key = (t.module, t.question)
        before = summed.get(key)
        if before is not None:
            t = t._replace(
                correct=before.correct + t.correct, answered=before.answered + t.answered
            )
        summed[key] = t
    return list(summed.values())


def most_missed(
    tallies: Iterable[QuestionTally], module: str, order: Sequence[str] = ()
) -> list[QuestionShare]:
    """``module``'s questions, the lowest share of correct answers first; ties in ``order`` (the
    questions' order in the module), then in the order first seen. Unanswered ones come last."""
    mine = [t for t in combine(tallies) if t.module == module]
    rank = {q: i for i, q in enumerate(order)}
    shares = [
        QuestionShare(t.question, t.correct, t.answered, _share(t.correct, t.answered))
        for t in mine
    ]
    seen = {s.question: i for i, s in enumerate(shares)}
    return sorted(
        shares,
        key=lambda s: (
            s.answered == 0,
            s.share,
            rank.get(s.question, len(rank)),
            seen[s.question],
        ),
    )


def _share(correct: int, answered: int) -> float:
    return min(1.0, max(0.0, correct / answered)) if answered > 0 else 0.0


def modules_of(tallies: Iterable[QuestionTally]) -> list[str]:
    """The modules the tallies are about, each once, in the order first seen."""
    return list(dict.fromkeys(t.module for t in tallies))


# ---------------------------------------------------------------- the questions themselves


def questions_of(tr: ModuleTranslation | None) -> list[Question]:
    """Every question of a module's translation, quiz after quiz."""
    return [q for quiz in tr.quizzes for q in quiz.questions] if tr is not None else []


def question_in(tr: ModuleTranslation | None, question_id: str) -> Question | None:
    return next((q for q in questions_of(tr) if q.id == question_id), None)


def plain_text(markdown: str, module_id: str = "") -> str:
    """A question's Markdown as one line of plain text."""
    if not markdown.strip():
        return ""
    body, _links, _images = markdown_to_html(markdown, module_id=module_id)
    return html_text(body)


def shortened(text: str, limit: int = 90) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    head = cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut
    return head.rstrip(" ,;:.") + "…"
