"""Two languages side by side and the translation matrix: their part of the main window."""

from __future__ import annotations


def install_parity(window) -> None:
    """Add View › Side by side and the translation matrix to ``window`` (a WindowApi)."""
