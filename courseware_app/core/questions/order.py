"""Ordering: numbered items in the right order; the response lists item indices as placed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import ClassVar

from courseware_app.core.course import Question
from courseware_app.core.questions.base import (
    Draft,
    QuestionKind,
    Report,
    Result,
    full_or_nothing,
    need_two,
)
from courseware_app.core.questions.registry import register
from courseware_app.core.questions.types import QuestionType

ORDER_RE = re.compile(r"^(\d+)[.)]\s+(.*)$")


class OrderKind(QuestionKind):
    """No GIFT form: GIFT has no ordering questions."""

    type: ClassVar[QuestionType] = QuestionType.ORDER

    def is_structure(self, line: str) -> bool:
        return bool(ORDER_RE.match(line))

    def read_line(self, draft: Draft, line: str) -> bool:
        m = ORDER_RE.match(line)
        if m:
            draft.items.append(m.group(2).strip())
        return m is not None

    def check(self, d: Draft, q: Question, report: Report) -> Question:
        need_two(
            d, d.items, report, f"ordering question '{d.id}' needs at least two numbered items"
        )
        return replace(q, items=tuple(d.items))

    def score(self, q: Question, response: object) -> Result:
        placed = list(response) if isinstance(response, Iterable) else []
        return full_or_nothing(q, placed == list(range(len(q.items))))

    def answer_text(self, q: Question) -> str:
        return " → ".join(q.items)

    def key_parts(self, q: Question) -> tuple[str, ...]:
        return q.items

    def key_response(self, q: Question) -> object:
        return list(range(len(q.items)))


register(OrderKind())
