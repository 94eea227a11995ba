"""The workbench's part of the main window: View › Editor mode and what it attaches."""

from __future__ import annotations

from pathlib import Path


def install_editor(window, data: Path, editor: bool = False) -> None:
    """Add View › Editor mode to ``window`` (a WindowApi); ``editor``: start in it."""
