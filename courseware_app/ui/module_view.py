"""The module view: a QTextBrowser that loads images only from the content tree."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser

from courseware_app.ui.images import ContentDocument, asset_path, content_image

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

__all__ = ["ModuleView", "asset_path"]


class ModuleView(QTextBrowser):
    """Shows rendered pages; never follows links itself and never fetches remote data."""

    sectionChanged = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, content_root: Path, parent=None):
        super().__init__(parent)
        self.content_root = content_root
        self.setDocument(ContentDocument(self.loadResource, self))  # reads nothing else
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setObjectName("moduleView")
        self._anchors: list[tuple[int, str]] = []
        self._current_section = ""
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        # Block positions change as the document is laid out (and on resize): measure again.
        self.document().documentLayout().documentSizeChanged.connect(self._forget_anchors)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        """Images from the content tree only (``ui.images``); nothing else, nothing remote."""
        return content_image(self.content_root, kind, url, self.devicePixelRatioF())

    def show_page(self, html: str, section_ids: list[str]) -> None:
        self._current_section = ""
        self._section_ids = section_ids
        self._anchors = []
        self._suppress = True  # loading a page is not the reader scrolling
        try:
            self.setHtml(html)
        finally:
            self._suppress = False
        self._anchors = []

    def _anchor_positions(self) -> list[tuple[int, str]]:
        if self._anchors:
            return self._anchors
        layout = self.document().documentLayout()
        wanted = set(getattr(self, "_section_ids", []))
        block = self.document().begin()
        out = []
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                names = it.fragment().charFormat().anchorNames()
                for name in names:
                    if name in wanted:
                        out.append((int(layout.blockBoundingRect(block).top()), name))
                it += 1
            block = block.next()
        self._anchors = out
        return out

    def current_section(self) -> str:
        """The section whose heading is the last at or above the top edge; at the very end of
        the page, the last one whose heading shows (short closing sections never reach the top)."""
        bar = self.verticalScrollBar()
        top = bar.value() + 8
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            top = bar.value() + bar.pageStep() - 8
        current = ""
        for y, name in self._anchor_positions():
            if y <= top:
                current = name
        if not current and self._anchor_positions():
            current = self._anchor_positions()[0][1]
        return current

    def go_to(self, section: str) -> None:
        """Scroll to a section (or the top) without reporting it as the reader's own scrolling."""
        self._suppress = True
        try:
            if section:
                self.scrollToAnchor(section)
            else:
                self.verticalScrollBar().setValue(0)
        finally:
            self._suppress = False
        self._current_section = section

    def _on_scroll(self, _value: int) -> None:
        if getattr(self, "_suppress", False):
            return
        section = self.current_section()
        if section != self._current_section:
            self._current_section = section
            self.sectionChanged.emit(section)

    def _forget_anchors(self, *_args) -> None:
        self._anchors = []

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        self._anchors = []
        super().resizeEvent(event)
