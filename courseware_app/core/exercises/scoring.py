"""Scoring a risk matrix: a card is placed well within one cell of the model, in both scales."""

from __future__ import annotations

from collections.abc import Mapping

from courseware_app.core.exercises.model import (
    GOOD_DISTANCE,
    GRID_SIZE,
    Card,
    CardResult,
    ExerciseResult,
    Place,
    RiskMatrix,
)


def on_grid(place: Place) -> bool:
    """True when both coordinates are from 1 to GRID_SIZE."""
    return all(1 <= value <= GRID_SIZE for value in place)


def distance(a: Place, b: Place) -> int:
    """How many cells apart two places are, diagonals counting one: max(|dL|, |dC|)."""
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]))


def score_card(card: Card, placed: Place | None) -> CardResult:
    """One card against the model (a card not placed is not placed well)."""
    if placed is None:
        return CardResult(card.id, None, card.place, None, False)
    apart = distance(placed, card.place)
    return CardResult(card.id, placed, card.place, apart, apart <= GOOD_DISTANCE)


def score_placements(exercise: RiskMatrix, placed: Mapping[str, Place]) -> ExerciseResult:
    """The attempt that put each card id of ``placed`` on its cell; ids that are not cards of
    the exercise are ignored. ValueError for a place off the grid."""
    for card_id, place in placed.items():
        if not on_grid(place):
            raise ValueError(f"card {card_id!r} placed off the grid at {place}")
    cards = tuple(score_card(c, placed.get(c.id)) for c in exercise.cards)
    good = sum(c.good for c in cards)
    total = len(cards)
    return ExerciseResult(cards, good, total, 100.0 * good / total if total else 0.0)
