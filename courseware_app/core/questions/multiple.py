"""Multiple choice: any options marked [x]; the response is the set of chosen indices."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from courseware_app.core.course import Question
from courseware_app.core.questions.base import Draft, Report, Result
from courseware_app.core.questions.choice import ChoiceKind
from courseware_app.core.questions.registry import register
from courseware_app.core.questions.types import QuestionType


class MultipleKind(ChoiceKind):
    """Read from GIFT by the single-choice kind, which picks this type when it fits."""

    type: ClassVar[QuestionType] = QuestionType.MULTIPLE

    def check(self, d: Draft, q: Question, report: Report) -> Question:
        return replace(q, options=self.options(d, report))

    def score(self, q: Question, response: object) -> Result:
        """Partial credit: (right chosen − wrong chosen) / number of right options, at least 0."""
        given = response if isinstance(response, set | frozenset | list | tuple) else ()
        chosen = {i for i in given if isinstance(i, int) and 0 <= i < len(q.options)}
        right = set(q.correct_positions)
        share = max(0.0, (len(chosen & right) - len(chosen - right)) / len(right)) if right else 0.0
        fb = tuple(q.options[i].feedback for i in sorted(chosen) if q.options[i].feedback)
        return Result(round(q.points * share, 4), q.points, chosen == right, fb)

    def key_response(self, q: Question) -> object:
        return set(q.correct_positions)


register(MultipleKind())
