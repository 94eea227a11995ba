"""Printing's part of the main window: File › Print… and File › Export PDF…."""

from __future__ import annotations

from pathlib import Path


def install_print(window, data: Path) -> None:
    """Add the print actions to ``window`` (a WindowApi); ``data`` is the data folder."""
