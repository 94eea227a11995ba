"""The reader's place on a page, kept while the page is laid out again (zoom, new image sizes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from courseware_app.ui.module_view import ModuleView

SETTLE_MS = 400  # the place is kept this long after the last change of layout


class PlaceKeeper(QObject):
    """Keeps the section at the top of the view there while the page is laid out again: its
    text and then its images (drawn at their new size as they show) change height. The first
    place asked for wins until the layout settles (several zoom steps in a row)."""

    def __init__(self, view: ModuleView):
        super().__init__(view)
        self.view = view
        self.kept: tuple[str, int] | None = None  # (section, pixels past its heading)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self._let_go)

    def keep(self) -> None:
        if self.kept is None and self.view.document().characterCount() > 1:
            self.kept = self._section_at_top()
        if self.kept is not None:
            self.settle.start()  # restarted by each change; the place is let go after it
            QTimer.singleShot(0, self, self.hold)

    def hold(self, *_args: object) -> None:
        if self.kept is not None:
            self._put_section_at(*self.kept)

    def forget(self) -> None:
        self.kept = None
        self.settle.stop()

    def _let_go(self) -> None:
        self.hold()
        self.kept = None

    def _heading_top(self, section: str) -> int | None:
        return {name: top for top, name in self.view.anchor_positions()}.get(section)

    def _section_at_top(self) -> tuple[str, int] | None:
        section = self.view.current_section()
        y = self._heading_top(section)
        return None if y is None else (section, self.view.verticalScrollBar().value() - y)

    def _put_section_at(self, section: str, offset: int) -> None:
        self.view.forget_anchors()  # measured again, in the new layout
        y = self._heading_top(section)
        if y is not None:
            self.view.scroll_quietly(y + offset)
