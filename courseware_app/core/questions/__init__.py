"""Question types as a registry: one QuestionKind per type, one module per kind."""

from courseware_app.core.questions.base import (
    EPSILON,
    Draft,
    DraftOption,
    GiftBody,
    QuestionKind,
    Report,
    Result,
    full_or_nothing,
    parse_number,
)
from courseware_app.core.questions.registry import (
    find_kind,
    gift_kinds,
    kind_for,
    register,
    type_names,
    unregister,
)
from courseware_app.core.questions.types import QuestionType

__all__ = [
    "EPSILON",
    "Draft",
    "DraftOption",
    "GiftBody",
    "QuestionKind",
    "QuestionType",
    "Report",
    "Result",
    "find_kind",
    "full_or_nothing",
    "gift_kinds",
    "kind_for",
    "parse_number",
    "register",
    "type_names",
    "unregister",
]
