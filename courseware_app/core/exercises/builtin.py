"""Registers the exercise kinds that come with the app."""

from courseware_app.core.exercises.registry import register
from courseware_app.core.exercises.risk_matrix import RiskMatrixKind

register(RiskMatrixKind())
