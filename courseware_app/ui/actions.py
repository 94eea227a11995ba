"""Helpers shared by every widget that owns QActions."""

from __future__ import annotations


def set_action_texts(texts: dict) -> None:
    """Give each action its (translated) text, and the same tip as tooltip and status tip."""
    for action, (text, tip) in texts.items():
        action.setText(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)
