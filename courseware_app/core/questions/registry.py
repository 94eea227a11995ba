"""The registry of question kinds: type name -> QuestionKind."""

from __future__ import annotations

from courseware_app.core.questions.base import QuestionKind
from courseware_app.core.questions.types import QuestionType

_KINDS: dict[str, QuestionKind] = {}


def register(kind: QuestionKind) -> QuestionKind:
    """Make ``kind`` the one for its type (a later registration replaces an earlier one)."""
    _KINDS[str(kind.type)] = kind
    return kind


def unregister(kind: QuestionKind) -> None:
    """Remove ``kind`` (tests that register a toy type clean up with this)."""
    if _KINDS.get(str(kind.type)) is kind:
        del _KINDS[str(kind.type)]


def _kinds() -> dict[str, QuestionKind]:
    # The built-in kinds import the course model, which imports this package for
    # QuestionType; so they load on first use rather than when this package does. (A plain
    # import statement, not importlib: PyInstaller finds the modules a bundle needs by these.)
    from courseware_app.core.questions import builtin  # noqa: F401 - registers the kinds

    return _KINDS


def find_kind(name: str) -> QuestionKind | None:
    """The kind for a type name as written in a quiz, or None when there is none."""
    return _kinds().get(name)


def kind_for(qtype: str) -> QuestionKind:
    """The kind of a question type (a QuestionType, or its name); KeyError when unknown."""
    return _kinds()[str(qtype)]


def type_names() -> list[str]:
    """The registered type names: QuestionType's order, then any others as registered."""
    kinds = _kinds()
    known = [str(t) for t in QuestionType if str(t) in kinds]
    return known + [name for name in kinds if name not in known]


def gift_kinds() -> list[QuestionKind]:
    """The kinds that read GIFT answer blocks, in the order they are offered one."""
    ranked = [k for k in _kinds().values() if k.gift_rank is not None]
    return sorted(ranked, key=lambda k: k.gift_rank or 0)
