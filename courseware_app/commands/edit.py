"""courseware edit: (being built)."""

from __future__ import annotations


def register(sub, common) -> None:
    """Registers nothing yet."""
