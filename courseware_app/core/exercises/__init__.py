"""Exercises as a registry: one ExerciseKind per kind (``risk-matrix`` so far), one module each."""

from courseware_app.core.exercises.base import ExerciseKind, Header, Lines, Report
from courseware_app.core.exercises.model import (
    CARD_COUNT,
    GOOD_DISTANCE,
    GRID_SIZE,
    Card,
    CardResult,
    Exercise,
    ExerciseResult,
    Place,
    RiskMatrix,
)
from courseware_app.core.exercises.registry import (
    find_kind,
    keywords,
    kind_names,
    register,
    unregister,
)
from courseware_app.core.exercises.scoring import distance, on_grid, score_card, score_placements

__all__ = [
    "CARD_COUNT",
    "GOOD_DISTANCE",
    "GRID_SIZE",
    "Card",
    "CardResult",
    "Exercise",
    "ExerciseKind",
    "ExerciseResult",
    "Header",
    "Lines",
    "Place",
    "Report",
    "RiskMatrix",
    "distance",
    "find_kind",
    "keywords",
    "kind_names",
    "on_grid",
    "register",
    "score_card",
    "score_placements",
    "unregister",
]
