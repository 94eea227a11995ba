"""Scoring: a pure function from (question, response) to points and feedback, and attempts."""

from __future__ import annotations

import random
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from courseware_app.core.course import Question, Quiz
from courseware_app.core.quiz import parse_number

EPSILON = 1e-9


@dataclass(frozen=True)
class Result:
    points: float
    max_points: float
    correct: bool
    feedback: tuple[str, ...] = ()


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


def _single(q: Question, response) -> Result:
    chosen = response if isinstance(response, int) else None
    ok = chosen is not None and 0 <= chosen < len(q.options) and q.options[chosen].correct
    fb = (
        (q.options[chosen].feedback,) if chosen is not None and 0 <= chosen < len(q.options) else ()
    )
    return Result(q.points if ok else 0.0, q.points, ok, tuple(f for f in fb if f))


def _multiple(q: Question, response) -> Result:
    """Partial credit: (right chosen − wrong chosen) / number of right options, at least 0."""
    chosen = {i for i in (response or ()) if isinstance(i, int) and 0 <= i < len(q.options)}
    right = set(q.correct_positions)
    share = max(0.0, (len(chosen & right) - len(chosen - right)) / len(right)) if right else 0.0
    fb = tuple(q.options[i].feedback for i in sorted(chosen) if q.options[i].feedback)
    return Result(round(q.points * share, 4), q.points, chosen == right, fb)


def _truefalse(q: Question, response) -> Result:
    ok = isinstance(response, bool) and response == q.answer_bool
    return Result(q.points if ok else 0.0, q.points, ok)


def _short(q: Question, response) -> Result:
    given = normalise(response if isinstance(response, str) else "")
    ok = bool(given) and any(given == normalise(a) for a in q.accepted)
    return Result(q.points if ok else 0.0, q.points, ok)


def _numeric(q: Question, response) -> Result:
    value = parse_number(response) if isinstance(response, str) else response
    if isinstance(value, bool) or not isinstance(value, int | float) or q.numeric is None:
        return Result(0.0, q.points, False)
    low, high = q.numeric
    ok = low - EPSILON <= float(value) <= high + EPSILON
    return Result(q.points if ok else 0.0, q.points, ok)


def _order(q: Question, response) -> Result:
    ok = list(response or ()) == list(range(len(q.items)))
    return Result(q.points if ok else 0.0, q.points, ok)


def _match(q: Question, response) -> Result:
    """Partial credit: the share of left items matched to their own right item."""
    pairs = dict(response or {})
    right = sum(1 for i in range(len(q.pairs)) if pairs.get(i) == i)
    share = right / len(q.pairs) if q.pairs else 0.0
    return Result(round(q.points * share, 4), q.points, right == len(q.pairs))


SCORERS = {
    "single": _single,
    "multiple": _multiple,
    "truefalse": _truefalse,
    "short": _short,
    "numeric": _numeric,
    "order": _order,
    "match": _match,
}


def score(question: Question, response) -> Result:
    """Score one response. Responses by type: single int; multiple set of ints; truefalse bool;
    short str; numeric str or number; order list of item indices (correct = 0..n-1);
    match dict of left index -> right index (correct = identity). None = unanswered."""
    if response is None:
        return Result(0.0, question.points, False)
    return SCORERS[question.type](question, response)


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
