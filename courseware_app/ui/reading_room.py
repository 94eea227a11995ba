"""Room for reading: the page keeps at least MIN_READING_WIDTH pixels, whatever else is open.

On a 1024x768 laptop with the search results open, the outline and a dock would squeeze the
page to ~400 px with a horizontal scroll bar. So when the window or its docks change, the
outline gives up width first (down to MIN_OUTLINE_WIDTH), then steps aside altogether, and
comes back at the width the reader gave it once there is room again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from courseware_app.ui.frame import WindowFrame

MIN_READING_WIDTH = 560
MIN_OUTLINE_WIDTH = 200
DEFAULT_OUTLINE_WIDTH = 330
DOCK_SHARE = 4  # a dock opens at a quarter of the window's width (240 to 360 px)


class ReadingRoom(QObject):
    """Keeps the page readable as the window is resized and docks come and go."""

    def __init__(self, window: WindowFrame):
        super().__init__(window)
        self.window = window
        self.outline_width = DEFAULT_OUTLINE_WIDTH  # what the reader chose (splitter handle)
        self.stepped_aside = False  # the outline is hidden for lack of room, not by choice
        self._adjusting = False
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.fit)
        window.installEventFilter(self)
        window.splitter.splitterMoved.connect(self._moved)

    def remember_outline_width(self) -> None:
        """The outline's width as restored from the settings is the reader's choice."""
        width = self.window.splitter.sizes()[0]
        if width >= MIN_OUTLINE_WIDTH:
            self.outline_width = width

    def watch(self, dock: QDockWidget) -> None:
        """A dock that takes width from the page when it shows."""
        dock.visibilityChanged.connect(lambda visible: self._dock_shown(dock, visible))

    def _dock_shown(self, dock: QDockWidget, visible: bool) -> None:
        if visible and not dock.isFloating():
            from PySide6.QtCore import Qt

            width = max(240, min(360, self.window.width() // DOCK_SHARE))
            self.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        self._pending.start(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self._pending.start(0)
        return False

    def _moved(self, position: int, _index: int) -> None:
        if not self._adjusting and self.window.outline.isVisible():
            self.outline_width = max(MIN_OUTLINE_WIDTH, position)

    def fit(self) -> None:
        """Give the outline what is left once the page has its minimum."""
        w = self.window
        if w.view_modes.focus:
            return  # the reader hid the outline themselves
        room = w.splitter.width() - w.splitter.handleWidth()
        outline = min(self.outline_width, room - MIN_READING_WIDTH)
        self._adjusting = True
        try:
            if outline < MIN_OUTLINE_WIDTH:
                self.stepped_aside = True
                w.outline.hide()
            else:
                self.stepped_aside = False
                w.outline.show()
                w.splitter.setSizes([outline, room - outline])
        finally:
            self._adjusting = False
