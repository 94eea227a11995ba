"""The TRS lab's part of the main window: "TRS lab…" in the Tools menu when the window has
one, else in the File menu after the print actions (before Quit). The lab itself (its window,
charts and QtSvg) is imported when it opens, never at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from courseware_app.core.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from courseware_app.ui.trs_lab.window import LabWindow
    from courseware_app.ui.window_api import WindowApi

DATASET = Path("modules") / "trs-02" / "consignments.csv"  # inside the content tree


class TrsLabPart(QObject):
    """The action and the lab window (one, made when first opened)."""

    def __init__(self, window: WindowApi, data: Path | None) -> None:
        super().__init__()
        self.window, self.data = window, data
        self.lab: LabWindow | None = None
        self.action = QAction(self)
        self.action.setObjectName("trsLab")
        self.action.triggered.connect(lambda _checked=False: self.open_lab())
        self._place(self._menu())
        window.add_part(self)
        self.retranslate_ui()

    def _menu(self) -> QMenu:
        return self.window.menu("tools")

    def _place(self, menu: QMenu) -> None:
        quit_action = next((a for a in menu.actions() if a.objectName() == "quit"), None)
        if quit_action is None:
            menu.addAction(self.action)
            return
        menu.insertAction(quit_action, self.action)
        menu.insertSeparator(quit_action)

    def dataset(self) -> Path | None:
        """trs-02's CSV in the course being read, if the course has it."""
        try:
            path = self.window.reader.course.root / DATASET
        except AttributeError:  # no course attached
            return None
        return path if path.is_file() else None

    def open_lab(self, path: Path | None = None) -> LabWindow:
        """The lab, shown and raised; with ``path``, that extract opened in it."""
        if self.lab is None:
            from courseware_app.ui.trs_lab.window import LabWindow

            self.lab = LabWindow(self.dataset())
        self.lab.show()
        self.lab.raise_()
        self.lab.activateWindow()
        if path is not None:
            self.lab.open_path(path)
        return self.lab

    def retranslate_ui(self) -> None:
        self.action.setText(_("TRS &lab…"))
        tip = _("Analyse milestone timestamps: intervals, medians, the bottleneck, pictures")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def shutdown(self) -> None:
        if self.lab is not None:
            self.lab.close()
            self.lab.deleteLater()
            self.lab = None


def install_trs_lab(window: WindowApi, data: Path | None) -> TrsLabPart:
    """Add Tools › TRS lab… (or File › TRS lab…) to ``window``; ``data`` is the data folder."""
    return TrsLabPart(window, data)
