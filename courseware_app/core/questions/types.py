"""The question types: their names are the words the quiz syntax, caches and exports use."""

from __future__ import annotations

from enum import StrEnum


class QuestionType(StrEnum):
    """A question's type; ``QuestionType("single")`` reads one back from a file or cache."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUEFALSE = "truefalse"
    SHORT = "short"
    NUMERIC = "numeric"
    ORDER = "order"
    MATCH = "match"
