"""What every question type provides: its parse-time checks, scoring, key, search text, GIFT form."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol

from courseware_app.core.questions.types import QuestionType

if TYPE_CHECKING:  # course.py imports QuestionType from this package: no import back at run time
    from courseware_app.core.course import Question
    from courseware_app.core.gift.reader import AnswerBlock, GiftReader

NUMBER_RE = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
EPSILON = 1e-9

GiftBody = tuple[QuestionType, list[str]]
"""A converted GIFT question: its type and the lines that follow its text."""


def parse_number(text: str) -> float | None:
    """Read '12.5', '12,5' or '1 234,5' (any kind of space as thousands separator)."""
    cleaned = re.sub(r"[\s\u00a0\u202f\u2009]", "", text or "")
    if not NUMBER_RE.match(cleaned):
        return None
    return float(cleaned.replace(",", "."))


@dataclass(frozen=True)
class Result:
    """The score of one response: points, whether fully right, and the feedback to show."""

    points: float
    max_points: float
    correct: bool
    feedback: tuple[str, ...] = ()


@dataclass
class DraftOption:
    """A '- [x] text' line being read, with its feedback."""

    text: str
    correct: bool
    feedback: str
    line: int
    credit: float = 0.0  # from an indented 'credit: 50%' line: a share of the points


@dataclass
class Draft:
    """A question being assembled by the quiz parser, line by line."""

    type: str  # as written after '?': maybe not a known type
    id: str
    line: int
    points: float = 1.0
    text: list[str] = field(default_factory=list)
    options: list[DraftOption] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    keys: dict[str, tuple[str, int]] = field(default_factory=dict)  # keyword -> (value, line)

    def has_body(self) -> bool:
        """True once options, items, pairs or keywords follow the question text."""
        return bool(self.options or self.items or self.pairs or self.keys)


class Report(Protocol):
    """Where a type's parse-time checks send their errors."""

    def error(self, line: int, code: str, message: str) -> None: ...


def with_explanation(body: list[str], explanation: str) -> list[str]:
    """A converted question's lines with its 'explanation:' line, when there is one."""
    return body + ([f"explanation: {explanation}"] if explanation else [])


def need_two(d: Draft, found: Sequence[object], report: Report, message: str) -> None:
    """A question of items or pairs needs at least two of them (``message`` says which)."""
    if len(found) < 2:
        report.error(d.line, "quiz-options", message)


def full_or_nothing(q: Question, ok: bool) -> Result:
    """All the question's points when ``ok``, else none."""
    return Result(q.points if ok else 0.0, q.points, ok)


class QuestionKind(ABC):
    """One question type. A subclass registered with ``register`` is all a new type needs
    in the core; its input widget registers in ``courseware_app.ui.questions``."""

    type: ClassVar[QuestionType]
    keys: ClassVar[frozenset[str]] = frozenset()  # keyword lines it takes, besides explanation
    takes_options: ClassVar[bool] = False  # '- [x] option' lines
    takes_credit: ClassVar[bool] = False  # 'credit: 50%' under a '- [ ]' option
    gift_rank: ClassVar[int | None] = None  # order in which GIFT answer blocks are offered

    def read_line(self, draft: Draft, line: str) -> bool:
        """Take a line of the question's own structure (items, pairs); False when it is not."""
        return False

    @abstractmethod
    def check(self, d: Draft, q: Question, report: Report) -> Question:
        """The question with its type's fields filled in from the draft; problems reported."""

    @abstractmethod
    def score(self, q: Question, response: object) -> Result:
        """Score a response that is not None (unanswered is scored before this)."""

    @abstractmethod
    def answer_text(self, q: Question) -> str:
        """The correct answer as plain text, for feedback and the answer key."""

    @abstractmethod
    def key_parts(self, q: Question) -> tuple[str, ...]:
        """The answer key as search paragraphs (options, accepted answers, items...)."""

    @abstractmethod
    def key_response(self, q: Question) -> object:
        """A response that scores full marks."""

    def search_parts(self, q: Question) -> tuple[str, ...]:
        """The question as searchable paragraphs: text, answer key, explanation."""
        return (q.text, *self.key_parts(q), q.explanation)

    def is_structure(self, line: str) -> bool:
        """Whether a line of question text would be read as this type's structure."""
        return False

    def gift_claims(self, answer: str) -> bool:
        """Whether a GIFT answer block ``{...}`` (stripped) is this type's."""
        return False

    def from_gift(self, reader: GiftReader, block: AnswerBlock) -> GiftBody | None:
        """Convert a claimed GIFT answer block; None (with a warning) when it is skipped."""
        raise NotImplementedError(f"{self.type} questions have no GIFT form")
