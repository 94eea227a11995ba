"""Scoring: a pure function from (question, response) to points and feedback, and attempts."""

from __future__ import annotations

import random
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from courseware_app.core.course import Question, Quiz
from courseware_app.core.questions import EPSILON, Result, kind_for

__all__ = [
    "EPSILON",
    "Attempt",
    "Result",
    "grade",
    "normalise",
    "now_utc",
    "presentation_order",
    "score",
    "shuffled_items",
]


def _strip_latin_accents(text: str) -> str:
    """mainlevée -> mainlevee, but leave Cyrillic letters such as й intact."""
    out = []
    for ch in text:
        if ord(ch) < 0x250:
            decomposed = unicodedata.normalize("NFD", ch)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
        else:
            out.append(ch)
    return "".join(out)


def normalise(text: str) -> str:
    """Case, surrounding and repeated spaces, NFC, ё = е, optional Latin accents."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    text = text.replace("ё", "е")
    text = _strip_latin_accents(text)
    text = text.replace("’", "'").replace("‑", "-")
    return " ".join(text.split())


def score(question: Question, response: object) -> Result:
    """Score one response; None is unanswered. What a response is depends on the type (its
    ``QuestionKind.score``): single int; multiple set of ints; truefalse bool; short str;
    numeric str or number; order list of item indices (correct = 0..n-1); match dict of
    left index -> right index (correct = identity)."""
    if response is None:
        return Result(0.0, question.points, False)
    return kind_for(question.type).score(question, response)


# ---------------------------------------------------------------- attempts


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Attempt:
    """One finished attempt at a quiz: what the progress store records."""

    module_id: str
    module_version: str
    lang: str
    quiz_id: str
    responses: dict[str, object]
    results: dict[str, Result]
    points: float
    max_points: float
    pass_mark: float
    started_at: datetime
    finished_at: datetime
    attempt_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def score(self) -> float:
        """Percentage, one decimal."""
        return round(100.0 * self.points / self.max_points, 1) if self.max_points else 0.0

    @property
    def passed(self) -> bool:
        return self.score + EPSILON >= self.pass_mark


def grade(
    quiz: Quiz,
    responses: dict[str, object],
    *,
    module_id: str,
    module_version: str,
    lang: str,
    started_at: datetime | None = None,
) -> Attempt:
    results = {q.id: score(q, responses.get(q.id)) for q in quiz.questions}
    return Attempt(
        module_id=module_id,
        module_version=module_version,
        lang=lang,
        quiz_id=quiz.id,
        responses=dict(responses),
        results=results,
        points=round(sum(r.points for r in results.values()), 4),
        max_points=quiz.max_points,
        pass_mark=quiz.pass_mark,
        started_at=started_at or now_utc(),
        finished_at=now_utc(),
    )


def presentation_order(count: int, shuffle: bool, rng: random.Random) -> list[int]:
    """The order in which to show ``count`` options (original indices)."""
    order = list(range(count))
    if shuffle:
        rng.shuffle(order)
    return order


def shuffled_items(count: int, rng: random.Random) -> list[int]:
    """A shuffled order for an ordering question that is never already correct (when count > 1)."""
    order = list(range(count))
    if count < 2:
        return order
    while order == sorted(order):
        rng.shuffle(order)
    return order
