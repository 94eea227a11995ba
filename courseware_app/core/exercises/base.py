"""What every exercise kind provides: the parser of its block's body."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar, Protocol

from courseware_app.core.exercises.model import Exercise

Lines = list[tuple[int, str]]
"""A block's lines as (1-based line number in the file, text) pairs."""


class Report(Protocol):
    """Where the parser sends errors (the loader's per-file report is one)."""

    def add(self, line: int, code: str, message: str) -> None: ...


@dataclass(frozen=True)
class Header:
    """What the ``::: exercise KIND ID`` line says, and where it is."""

    kind: str
    id: str
    line: int


class ExerciseKind(ABC):
    """One exercise kind. A subclass registered with ``register`` is all a new kind needs in
    the core: it reads the block's body (the lines between the opener and ``:::``)."""

    name: ClassVar[str]
    keywords: ClassVar[tuple[str, ...]] = ()
    """The ``key:`` words its body's lines may start with (the validator's prose checks skip
    them)."""

    @abstractmethod
    def parse(self, header: Header, body: Lines, report: Report) -> Exercise | None:
        """The exercise, with every problem reported on its line; None when there is nothing
        to show (the module then fails, as it does for a broken quiz)."""
