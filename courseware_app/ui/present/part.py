"""The presenter's part of the main window: View › Present (F5) and its options."""

from __future__ import annotations

from pathlib import Path


def install_presenter(window, data: Path) -> None:
    """Add the presenter's actions to ``window`` (a WindowApi); ``data`` is the data folder."""
