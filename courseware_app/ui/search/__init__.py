"""Search in the main window: a box in the toolbar, a results dock, highlights in the text.

widgets: the box, the dock and its results; highlight: matches in the page and F3;
indexing: the background index build; controller: the wiring, through ``attach(window)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from courseware_app.ui.search.controller import SearchController
from courseware_app.ui.search.widgets import HIT_ROLE, HTML_ROLE

if TYPE_CHECKING:
    from courseware_app.ui.window_api import WindowApi

__all__ = [
    "HIT_ROLE",
    "HTML_ROLE",
    "SearchController",
    "install_search",
]


def install_search(
    window: WindowApi, index_path: Path | str, start_delay_ms: int = 1500
) -> SearchController:
    """Add search to ``window`` (a MainWindow, which keeps it); index its course in the
    background once the first page is up (or as soon as the user starts searching)."""
    controller = SearchController(window, index_path)
    controller.start_indexing_after(start_delay_ms)
    return controller
