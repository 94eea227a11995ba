"""The exercise model: a risk matrix's scales and cards, and the result of one attempt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

GRID_SIZE: Final = 5
"""Both scales run from 1 to 5: a 5 x 5 likelihood x consequence grid."""
CARD_COUNT: Final = (5, 10)
"""A risk matrix has 5 to 10 cards."""
GOOD_DISTANCE: Final = 1
"""A card is placed well when neither coordinate is more than this far from the model's."""

Place = tuple[int, int]
"""A cell of the grid: (likelihood, consequence), each from 1 to GRID_SIZE."""


@dataclass(frozen=True)
class Card:
    """A risk to place: its text (inline Markdown), the model's place and why it is there."""

    id: str
    text: str
    likelihood: int
    consequence: int
    why: str
    line: int

    @property
    def place(self) -> Place:
        return self.likelihood, self.consequence


@dataclass(frozen=True)
class RiskMatrix:
    """A ``::: exercise risk-matrix ID`` block: the grid's labels (1 to 5) and its cards."""

    id: str
    kind: str
    line: int
    title: str
    instructions: str
    likelihood: tuple[str, ...]
    consequence: tuple[str, ...]
    cards: tuple[Card, ...]

    def card(self, card_id: str) -> Card | None:
        return next((c for c in self.cards if c.id == card_id), None)


Exercise = RiskMatrix
"""Any exercise (one kind so far; a union when a second kind is registered)."""


@dataclass(frozen=True)
class CardResult:
    """One card of an attempt: where it was placed (None: not placed), the model's place, the
    distance between them (max of the two coordinates' differences) and whether it counts."""

    card: str
    placed: Place | None
    model: Place
    distance: int | None
    good: bool


@dataclass(frozen=True)
class ExerciseResult:
    """An attempt scored: per card, then ``good`` of ``total`` cards placed well, ``score`` in
    percent (0 to 100)."""

    cards: tuple[CardResult, ...]
    good: int
    total: int
    score: float
