"""Matching: '- left -> right' pairs; the response maps left indices to right indices."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from courseware_app.core.course import Question
from courseware_app.core.gift.text import clip, restore, single_line, unescape_entities
from courseware_app.core.i18n import _
from courseware_app.core.questions.base import (
    Draft,
    GiftBody,
    QuestionKind,
    Report,
    Result,
    need_two,
    with_explanation,
)
from courseware_app.core.questions.registry import register
from courseware_app.core.questions.types import QuestionType

if TYPE_CHECKING:
    from courseware_app.core.gift.reader import AnswerBlock, GiftAnswer, GiftReader

PAIR_RE = re.compile(r"^[-*]\s+(.*?)\s+->\s+(.*)$")


class _Skip(Exception):
    """A GIFT pair that makes the whole question unusable."""


class MatchKind(QuestionKind):
    type: ClassVar[QuestionType] = QuestionType.MATCH
    gift_rank: ClassVar[int | None] = 30

    def is_structure(self, line: str) -> bool:
        return bool(PAIR_RE.match(line))

    def read_line(self, draft: Draft, line: str) -> bool:
        m = PAIR_RE.match(line)
        if m:
            draft.pairs.append((m.group(1).strip(), m.group(2).strip()))
        return m is not None

    def check(self, d: Draft, q: Question, report: Report) -> Question:
        message = f"matching question '{d.id}' needs at least two '- left -> right' pairs"
        need_two(d, d.pairs, report, message)
        return replace(q, pairs=tuple(d.pairs))

    def score(self, q: Question, response: object) -> Result:
        """Partial credit: the share of left items matched to their own right item."""
        pairs = dict(response) if isinstance(response, Mapping) else {}
        right = sum(1 for i in range(len(q.pairs)) if pairs.get(i) == i)
        share = right / len(q.pairs) if q.pairs else 0.0
        return Result(round(q.points * share, 4), q.points, right == len(q.pairs))

    def answer_text(self, q: Question) -> str:
        return "; ".join(f"{left} → {right}" for left, right in q.pairs)

    def key_parts(self, q: Question) -> tuple[str, ...]:
        return tuple(f"{a} → {b}" for a, b in q.pairs)

    def key_response(self, q: Question) -> object:
        return {i: i for i in range(len(q.pairs))}

    def gift_claims(self, answer: str) -> bool:
        return "=" in answer and "->" in answer

    def from_gift(self, reader: GiftReader, block: AnswerBlock) -> GiftBody | None:
        lead, answers = reader.answers(block.answer, "=", block.at)
        reader.lead(lead, block.at)
        try:
            pairs = [p for a in answers if (p := _pair(reader, a, block.fmt))]
        except _Skip:
            return None
        if len(pairs) < 2:
            reader.warn(block.line, _("a matching question needs at least two pairs; skipped"))
            return None
        return self.type, with_explanation(pairs, block.explanation)


def _pair(reader: GiftReader, a: GiftAnswer, fmt: str) -> str:
    """'- left -> right' for a GIFT pair, '' when it is left out; _Skip when unusable."""
    chunk = a.text + (f"#{a.feedback}" if a.feedback else "")  # '#' is literal here
    if a.weight is not None:
        reader.warn(a.line, _("a weight on a matching pair has no effect; ignored"))
    left_raw, arrow, right_raw = chunk.partition("->")
    if not arrow:
        reader.warn(a.line, _("a matching pair needs 'left -> right'; question skipped"))
        raise _Skip
    left = reader.option_text(left_raw, fmt, a.line)
    right = single_line(unescape_entities(restore(right_raw)))
    if not left:
        reader.warn(
            a.line,
            _(
                "an extra right-hand answer without a left side ('{right}') is not "
                "supported; left out"
            ).format(right=clip(right)),
        )
        return ""
    if not right:
        reader.warn(a.line, _("a matching pair without a right side is left out"))
        return ""
    return f"- {left} -> {right}"


register(MatchKind())
