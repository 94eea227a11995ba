"""The registry of exercise kinds: the name written after ``::: exercise`` -> ExerciseKind."""

from __future__ import annotations

from courseware_app.core.exercises.base import ExerciseKind

_KINDS: dict[str, ExerciseKind] = {}


def register(kind: ExerciseKind) -> ExerciseKind:
    """Make ``kind`` the one for its name (a later registration replaces an earlier one)."""
    _KINDS[kind.name] = kind
    return kind


def unregister(kind: ExerciseKind) -> None:
    """Remove ``kind`` (tests that register a toy kind clean up with this)."""
    if _KINDS.get(kind.name) is kind:
        del _KINDS[kind.name]


def _kinds() -> dict[str, ExerciseKind]:
    # The built-in kinds load on first use (a plain import, which PyInstaller follows).
    from courseware_app.core.exercises import builtin  # noqa: F401 - registers the kinds

    return _KINDS


def find_kind(name: str) -> ExerciseKind | None:
    """The kind of that name, or None when there is none."""
    return _kinds().get(name)


def keywords() -> frozenset[str]:
    """Every registered kind's ``key:`` words."""
    return frozenset(word for kind in _kinds().values() for word in kind.keywords)


def kind_names() -> list[str]:
    """The registered kinds' names, in the order they were registered."""
    return list(_kinds())
