"""Two languages side by side and the translation matrix: their part of the main window.

View › Side by side and View › Translation matrix; the panel and the window themselves are
imported when first used, never at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from courseware_app.core.i18n import _

if TYPE_CHECKING:
    from courseware_app.ui.side_by_side import SideBySide
    from courseware_app.ui.translation_matrix import TranslationMatrix
    from courseware_app.ui.window_api import WindowApi


class ParityPart(QObject):
    """The two actions, the side-by-side panel and the matrix window (each built once)."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__()
        self.window = window
        self.side_by_side: SideBySide | None = None
        self.matrix: TranslationMatrix | None = None
        self.toggle = QAction(self)
        self.toggle.setObjectName("sideBySide")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.set_side_by_side)
        self.open_matrix = QAction(self)
        self.open_matrix.setObjectName("translationMatrix")
        self.open_matrix.triggered.connect(self.show_matrix)
        view = window.menu("view")
        view.addSeparator()
        view.addAction(self.toggle)
        window.menu("tools").addAction(self.open_matrix)  # an editor's and translator's tool
        for action in (self.toggle, self.open_matrix):
            window.add_action(action)
        window.reader.add_page_decorator(self._decorate)
        window.add_part(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.toggle.setText(_("&Side by side"))
        self.toggle.setToolTip(_("Show the page in a second language beside it"))
        self.open_matrix.setText(_("Translation &matrix"))
        self.open_matrix.setToolTip(_("Every module in every language: versions, counts, problems"))
        for part in (self.side_by_side, self.matrix):
            if part is not None:
                part.retranslate_ui()

    def shutdown(self) -> None:
        if self.matrix is not None:
            self.matrix.close()

    # ------------------------------------------------------------ side by side

    def set_side_by_side(self, on: bool) -> None:
        if on and self.side_by_side is None:
            from courseware_app.ui.side_by_side import SideBySide

            self.side_by_side = SideBySide(self.window)
            self.side_by_side.closed.connect(lambda: self.toggle.setChecked(False))
            self.window.add_dock(self.side_by_side)
            _share_width(self.side_by_side)
        if self.side_by_side is not None and self.side_by_side.active != on:
            self.side_by_side.set_active(on)
            self.window.reader.redraw()  # the page's marks come or go

    def open_side_by_side(self, module_id: str, lang: str) -> None:
        """Open ``module_id`` in the reader with ``lang`` beside it (the source language when
        ``lang`` is the reader's own)."""
        from courseware_app.core.history import Location

        reader = self.window.reader
        location = reader.location
        if location is None or location.module != module_id:
            reader.navigate(Location(module_id, ""))
        self.toggle.setChecked(True)
        if self.side_by_side is not None:
            self.side_by_side.set_second_language(lang)
            self.side_by_side.choose_other_language()

    def _decorate(self, page: str, module_id: str) -> str:
        return page if self.side_by_side is None else self.side_by_side.decorate(page, module_id)

    # ------------------------------------------------------------ the matrix

    def show_matrix(self) -> None:
        if self.matrix is None:
            from courseware_app.ui.translation_matrix import TranslationMatrix

            self.matrix = TranslationMatrix(lambda: self.window.reader.course)
            self.matrix.openRequested.connect(self._open_from_matrix)
        self.matrix.refresh()  # the content may have changed since
        self.matrix.show()
        self.matrix.activateWindow()  # brought forward when it was open behind

    def _open_from_matrix(self, module_id: str, lang: str) -> None:
        self.open_side_by_side(module_id, lang)
        self.window.view.window().activateWindow()


def _share_width(dock: SideBySide) -> None:
    """Give the panel a third of the window, about half of the reading area."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMainWindow

    main = dock.parentWidget()
    if isinstance(main, QMainWindow):
        main.resizeDocks([dock], [main.width() // 3], Qt.Orientation.Horizontal)


def install_parity(window: WindowApi) -> ParityPart:
    """Add View › Side by side and the translation matrix to ``window`` (a WindowApi)."""
    return ParityPart(window)
