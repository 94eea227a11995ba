"""The module view: a QTextBrowser that loads images only from the content tree, keeps its text
to a comfortable measure, draws images at the text's zoom within the column, and opens a
diagram on its own when it is clicked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QTextBrowser

from courseware_app.core.i18n import _
from courseware_app.core.images import Fit
from courseware_app.ui.images import ContentDocument, asset_path, content_image

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, QUrl
    from PySide6.QtGui import QContextMenuEvent, QFont, QImage, QResizeEvent
    from PySide6.QtWidgets import QMenu

    from courseware_app.ui.image_viewer import ImageViewer

__all__ = ["ModuleView", "asset_path"]

# Start-up: this module is on the first paint's path; Qt classes needed only for images and
# menus are imported where they are used.

MEASURE_CHARS = 80  # a comfortable line: about 75 to 90 characters of the body font
IMAGE_LINK = "image:"  # an image's own link: clicked, or Enter on it, opens it on its own
REFIT_DELAY_MS = 150  # images are drawn again for a new width once resizing pauses


class ModuleView(QTextBrowser):
    """Shows rendered pages; never follows links itself and never fetches remote data."""

    sectionChanged = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, content_root: Path, parent=None):
        super().__init__(parent)
        self.content_root = content_root
        self.content = ContentDocument(self.loadResource, self)  # reads nothing else
        self.setDocument(self.content)
        self.content.setUndoRedoEnabled(False)  # read only: image links are not undone
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setObjectName("moduleView")
        self._anchors: list[tuple[int, str]] = []
        self._current_section = ""
        self._zoom = 1.0
        self._fit = Fit()
        self.image_viewer: ImageViewer | None = None
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_DELAY_MS)
        self._refit.timeout.connect(self._fit_images)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.anchorClicked.connect(self._open_image_link)
        # Block positions change as the document is laid out (and on resize): measure again.
        self.document().documentLayout().documentSizeChanged.connect(self._forget_anchors)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        """Images from the content tree only (``ui.images``), drawn at the page's zoom within
        its column; nothing else, nothing remote."""
        return content_image(self.content_root, kind, url, self._fit)

    def show_page(self, html: str, section_ids: list[str]) -> None:
        self._current_section = ""
        self._section_ids = section_ids
        self._anchors = []
        self._suppress = True  # loading a page is not the reader scrolling
        self.content.forget_images(lambda name, _image: name in html)
        try:
            self.setHtml(html)
            self._set_column(self.viewport().width())
            if "<img" in html:
                self._link_images()
        finally:
            self._suppress = False
        self._anchors = []

    # ------------------------------------------------------------ measure and zoom

    def set_text_font(self, font: QFont, zoom: float) -> None:
        """The body text's font at ``zoom`` times its normal size; images follow the zoom."""
        self._zoom = zoom
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._set_column(self.viewport().width())
        self._fit_images()

    def measure(self) -> float:
        """The widest the text column gets: MEASURE_CHARS characters of the body font."""
        from PySide6.QtGui import QFont, QFontMetricsF

        doc = self.document()
        font = QFont(doc.defaultFont())
        families = doc.begin().charFormat().fontFamilies()  # the page's body font, if it has one
        if families:
            font.setFamilies(families)
        return MEASURE_CHARS * QFontMetricsF(font).averageCharWidth()

    def _set_column(self, viewport_width: int) -> None:
        """Centre the text in a column no wider than the measure, the page around it."""
        doc = self.document()
        margin = doc.documentMargin()
        side = margin + max(0.0, (viewport_width - 2 * margin - self.measure()) / 2)
        root = doc.rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) >= 0.5 or abs(fmt.rightMargin() - side) >= 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def column_width(self) -> float:
        """The width the text and images are laid out in, in logical pixels."""
        fmt = self.document().rootFrame().frameFormat()
        return self.viewport().width() - fmt.leftMargin() - fmt.rightMargin()

    def _fit_images(self) -> None:
        """Draw again the images whose size changes with the zoom or the column's width."""
        fit = Fit(self._zoom, max(1.0, self.column_width() - 2), self.devicePixelRatioF())
        if fit == self._fit:
            return
        old, self._fit = self._fit, fit
        doc = self.content

        def unchanged(_name: str, image: object) -> bool:
            return fit.zoom == old.zoom and _fits_both(image, old, fit)

        before = len(doc.image_names())
        doc.forget_images(unchanged)
        if len(doc.image_names()) != before:
            doc.markContentsDirty(0, doc.characterCount())

    # ------------------------------------------------------------ images on their own

    def _link_images(self) -> None:
        """Make every image that is not a link its own ``image:`` link (reached by Tab)."""
        from PySide6.QtGui import QTextCharFormat, QTextCursor

        doc, spans = self.document(), []
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat() and not fmt.isAnchor():
                    spans.append((fragment.position(), fragment.length(), fmt))
                it += 1
            block = block.next()
        cursor = QTextCursor(doc)
        for position, length, fmt in spans:
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            link = QTextCharFormat()
            link.setAnchor(True)
            link.setAnchorHref(IMAGE_LINK + fmt.toImageFormat().name())
            link.setToolTip(_("Click to view the image full screen"))
            cursor.mergeCharFormat(link)

    def _open_image_link(self, url: QUrl) -> None:
        if url.scheme() == IMAGE_LINK[:-1]:
            self.open_image(url.toString()[len(IMAGE_LINK) :])

    def image_at(self, pos: QPoint) -> str:
        """The image under ``pos`` in the viewport, or "" when there is none."""
        href = self.anchorAt(pos)
        if href.startswith(IMAGE_LINK):
            return href[len(IMAGE_LINK) :]
        from PySide6.QtGui import QTextFormat

        cursor = self.cursorForPosition(pos)
        for offset in (0, 1):  # the character after the point, or before it
            cursor.setPosition(max(0, cursor.position() + offset))
            fmt = cursor.charFormat()
            if fmt.isImageFormat() and self.cursorRect(cursor).contains(pos):
                return str(fmt.property(QTextFormat.Property.ImageName))
        return ""

    def open_image(self, name: str) -> ImageViewer | None:
        """Show the image ``name`` (an ``asset:`` URL of this page) full screen."""
        from PySide6.QtCore import QUrl

        from courseware_app.ui.image_viewer import ImageViewer

        path = asset_path(self.content_root, QUrl(name))
        viewer = ImageViewer.for_file(path, self._alt_text(name)) if path else None
        if viewer is None:
            return None
        if self.image_viewer is not None:
            self.image_viewer.close()
        self.image_viewer = viewer
        viewer.showFullScreen()
        return viewer

    def _alt_text(self, name: str) -> str:
        from PySide6.QtGui import QTextFormat

        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat() and fmt.toImageFormat().name() == name:
                    return str(fmt.property(QTextFormat.Property.ImageAltText) or "")
                it += 1
            block = block.next()
        return ""

    def context_menu(self, pos: QPoint, keyboard: bool = False) -> QMenu:
        """The standard menu, with "View image" first when ``pos`` is on an image (or, from the
        keyboard, when an image link has the focus)."""
        menu = self.createStandardContextMenu(pos)
        href = self.textCursor().charFormat().anchorHref() if keyboard else ""
        name = href[len(IMAGE_LINK) :] if href.startswith(IMAGE_LINK) else self.image_at(pos)
        if name:
            from PySide6.QtGui import QAction

            action = QAction(_("&View image full screen"), menu)
            action.setObjectName("viewImage")
            action.triggered.connect(lambda _checked=False: self.open_image(name))
            first = menu.actions()[0] if menu.actions() else None
            if first is None:
                menu.addAction(action)
            else:
                menu.insertAction(first, action)
                menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        keyboard = event.reason() == event.Reason.Keyboard
        menu = self.context_menu(event.pos(), keyboard)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # ------------------------------------------------------------ sections

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

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._anchors = []
        chrome = self.width() - self.viewport().width()  # frame and scroll bar
        self._set_column(event.size().width() - chrome)  # before the text is laid out again
        super().resizeEvent(event)
        if self.content.image_names():
            self._refit.start()  # drawing images again waits until resizing pauses
        else:
            self._fit_images()


def _fits_both(image: object, old: Fit, new: Fit) -> bool:
    """Whether an image drawn for ``old`` is drawn the same for ``new``: it was narrower than
    both columns (so neither narrowed it)."""
    from PySide6.QtGui import QImage

    if not isinstance(image, QImage) or image.isNull():
        return True
    shown: QImage = image
    return shown.deviceIndependentSize().width() < min(old.max_width, new.max_width) - 1
