"""The module view: a QTextBrowser that loads images only from the content tree, keeps its text
to a comfortable measure, draws images at the text's zoom within the column, and opens a
diagram on its own when it is clicked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTextBrowser

from courseware_app.core.i18n import _
from courseware_app.core.images import CALLOUT_INSET, INSET_FRAGMENT, Fit
from courseware_app.ui.glossary_marks import GLOSS_MARK, style_marks
from courseware_app.ui.images import ContentDocument, asset_path, content_image
from courseware_app.ui.page_place import PlaceKeeper

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, QSizeF, QUrl
    from PySide6.QtGui import (
        QContextMenuEvent,
        QFocusEvent,
        QFont,
        QImage,
        QMouseEvent,
        QResizeEvent,
    )
    from PySide6.QtWidgets import QMenu

    from courseware_app.ui.image_viewer import ImageViewer

__all__ = ["ModuleView", "asset_path"]

# Start-up: this module is on the first paint's path; Qt classes needed only for images and
# menus are imported where they are used.

MEASURE_CHARS = 80  # a comfortable line: about 75 to 90 characters of the body font
IMAGE_LINK = "image:"  # an image's own link: clicked, or Enter on it, opens it on its own
SLIGHT_OVERFLOW = 2  # pixels past the page that show no scroll bar
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
        self._images_linked = True
        self._pressed_image = ""
        self._side = 0  # the margin on either side of the column
        self.place = PlaceKeeper(self)  # the reader's place, kept while the page is laid out
        self.setAutoFillBackground(True)  # the margins show the page's background
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the viewport's: no viewport() here (*)
        self._fit = Fit()
        self.image_viewer: ImageViewer | None = None
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_DELAY_MS)
        self._refit.timeout.connect(self._fit_images)
        self._scroll_bar = QTimer(self)
        self._scroll_bar.setSingleShot(True)
        self._scroll_bar.timeout.connect(self._fit_scroll_bar)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.anchorClicked.connect(self._open_image_link)
        # Block positions change as the document is laid out (and on resize): measure again.
        self.document().documentLayout().documentSizeChanged.connect(self.forget_anchors)
        self.document().documentLayout().documentSizeChanged.connect(self._overflow)
        self.document().documentLayout().documentSizeChanged.connect(self.place.hold)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        """Images from the content tree only (``ui.images``), drawn at the page's zoom within
        its column; nothing else, nothing remote."""
        fit = self._fit
        if (url if isinstance(url, str) else url.toString()).endswith(f"#{INSET_FRAGMENT}"):
            fit = fit._replace(max_width=max(1.0, fit.max_width - CALLOUT_INSET))
        return content_image(self.content_root, kind, url, fit)

    def show_page(self, html: str, section_ids: list[str]) -> None:
        self.place.forget()  # another page: nothing to keep in place
        self._current_section = ""
        self._section_ids = section_ids
        self._anchors = []
        self._suppress = True  # loading a page is not the reader scrolling
        self.content.forget_images(lambda name, _image: name in html)
        try:
            self.setHtml(html)
            if GLOSS_MARK in html:
                style_marks(
                    self.document(), self.palette().color(QPalette.ColorRole.PlaceholderText)
                )
            self._set_column()  # the measure is the page's body font's
            self._images_linked = "<img" not in html
            if self.hasFocus():
                self._link_images()
        finally:
            self._suppress = False
        self._anchors = []

    # ------------------------------------------------------------ measure and zoom

    def set_text_font(self, font: QFont, zoom: float) -> None:
        """The body text's font at ``zoom`` times its normal size; images follow the zoom."""
        self.place.keep()  # everything above grows or shrinks: keep the reader's place
        self._zoom = zoom
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._set_column()
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

    def _set_column(self) -> None:
        """Centre the text in a column no wider than the measure, the page around it (the
        view's margins, so that tables and images sized to the page fit the column)."""
        available = self.viewport_width() + 2 * self._side
        margins = 2 * self.document().documentMargin()
        side = int(max(0.0, (available - margins - self.measure()) / 2))
        if side != self._side:
            self._side = side
            self.setViewportMargins(side, 0, side, 0)
        QTimer.singleShot(0, self, self._keep_text_in_column)

    def _keep_text_in_column(self) -> None:
        """QTextEdit lays its text out again when it is resized, not when its viewport's margins
        change; so a page shown as the margins changed (the shared laptop's title page at
        start-up) could keep the old, wider text width, past the column."""
        width = self.viewport_width()
        if abs(self.document().textWidth() - width) > 1:
            self.document().setTextWidth(width)

    def column_width(self) -> float:
        """The width the text and images are laid out in, in logical pixels."""
        return self.viewport_width() - 2 * self.document().documentMargin()

    def viewport_width(self) -> int:
        """The viewport's width, without asking for the viewport (*): before the first paint,
        ``viewport()`` makes PySide build the Python type of every QWidget class (~10 ms).
        (*) tests/ui/test_startup.py keeps that path light."""
        bar = self.verticalScrollBar()
        scroll = bar.sizeHint().width() if bar.isVisible() else 0
        return self.maximumViewportSize().width() - scroll

    def event(self, event: QEvent) -> bool:
        """The wheel scrolls the page over the margins beside the column too."""
        if event.type() == QEvent.Type.Wheel:
            self.wheelEvent(event)  # type: ignore[arg-type]  # a QWheelEvent
            return True
        return super().event(event)

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
            self.place.keep()  # images above it change height
            doc.markContentsDirty(0, doc.characterCount())

    # ------------------------------------------------------------ images on their own

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._link_images()  # for the keyboard, once it is in the page
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._pressed_image = self.image_at(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """A click on an image opens it (one that is already a link opens as a link)."""
        pos = event.position().toPoint()
        super().mouseReleaseEvent(event)
        pressed, self._pressed_image = self._pressed_image, ""
        link = self.anchorAt(pos).startswith(IMAGE_LINK)
        selecting = self.textCursor().hasSelection()
        if pressed and not link and not selecting and pressed == self.image_at(pos):
            self.open_image(pressed)
            event.accept()

    def _link_images(self) -> None:
        """Every image that is not a link becomes its own ``image:`` link, reached by Tab (once
        per page, when the keyboard first comes into it: it costs ~10 ms on a long page)."""
        if not self._images_linked:
            self._images_linked = True
            from courseware_app.ui.image_viewer import link_images

            link_images(self.document(), IMAGE_LINK, _("Click to view the image full screen"))

    def image_at(self, pos: QPoint) -> str:
        """The image under ``pos`` in the viewport, or "" when there is none."""
        href = self.anchorAt(pos)
        if href.startswith(IMAGE_LINK):
            return href[len(IMAGE_LINK) :]
        from courseware_app.ui.image_viewer import image_at

        return image_at(self, pos)

    def _open_image_link(self, url: QUrl) -> None:
        if url.scheme() == IMAGE_LINK[:-1]:
            self.open_image(url.toString()[len(IMAGE_LINK) :])

    def open_image(self, name: str) -> ImageViewer | None:
        """Show the image ``name`` (an ``asset:`` URL of this page) full screen."""
        from PySide6.QtCore import QUrl

        from courseware_app.ui.image_viewer import ImageViewer, alt_text

        path = asset_path(self.content_root, QUrl(name))
        viewer = ImageViewer.for_file(path, alt_text(self.document(), name)) if path else None
        if viewer is None:
            return None
        if self.image_viewer is not None:
            self.image_viewer.close()
        self.image_viewer = viewer
        viewer.showFullScreen()
        return viewer

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

    def anchor_positions(self) -> list[tuple[int, str]]:
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
        for y, name in self.anchor_positions():
            if y <= top:
                current = name
        if not current and self.anchor_positions():
            current = self.anchor_positions()[0][1]
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

    def scroll_quietly(self, value: int) -> None:
        """Scroll to ``value`` without reporting it as the reader's own scrolling."""
        self._suppress = True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._suppress = False

    def _on_scroll(self, _value: int) -> None:
        if getattr(self, "_suppress", False):
            return
        section = self.current_section()
        if section != self._current_section:
            self._current_section = section
            self.sectionChanged.emit(section)

    def _overflow(self, _size: QSizeF) -> None:
        self._scroll_bar.start()  # after the paint: Qt's `Qt` namespace is not built before it

    def _fit_scroll_bar(self) -> None:
        """No horizontal scroll bar for the pixel or two a table's collapsed outer border
        reaches past the page (Qt's rounding); one for anything really wider."""
        from PySide6.QtCore import Qt

        width = self.document().size().width()
        slight = width <= self.viewport().width() + SLIGHT_OVERFLOW
        policy = Qt.ScrollBarPolicy
        self.setHorizontalScrollBarPolicy(
            policy.ScrollBarAlwaysOff if slight else policy.ScrollBarAsNeeded
        )

    def forget_anchors(self, *_args: object) -> None:
        self._anchors = []

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._anchors = []
        super().resizeEvent(event)
        self._set_column()
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
