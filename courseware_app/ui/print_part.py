"""Printing's part of the main window: File › Print… and File › Export PDF….

Light at attach time (start-up budget, docs/packaging.md): the dialogs, the documents and
QtPrintSupport are imported when an action is triggered, not before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWidget

from courseware_app.core.i18n import _
from courseware_app.ui.actions import ActionSet, ActionSpec

if TYPE_CHECKING:
    from courseware_app.ui.print_dialog import DocumentDialog
    from courseware_app.ui.window_api import WindowApi

# fmt: off
PRINT_ACTIONS: tuple[ActionSpec[PrintPart], ...] = (
    ActionSpec("print", lambda: _("&Print…"),
               lambda: _("Print a handout, trainer guide, quiz, session plan or certificate"),
               lambda p, _c: p.open_dialog("print"), ("Print", "Ctrl+P"), menu="file"),
    ActionSpec("exportPdf", lambda: _("Export P&DF…"),
               lambda: _("Save a handout, trainer guide, quiz, session plan or certificate as PDF"),
               lambda p, _c: p.open_dialog("pdf"), ("Ctrl+Shift+E",), menu="file"),
)
# fmt: on


class PrintPart:
    """The two actions, placed before Quit, and the one dialog they open at a time."""

    def __init__(self, window: WindowApi, data_dir: Path | None):
        self.window, self.data_dir = window, data_dir
        self.dialog: DocumentDialog | None = None
        self.folder: Path | None = None  # where the last PDF went; the save dialog opens there
        self.actions = ActionSet(cast(QWidget, window), PRINT_ACTIONS, self)
        self.actions.set_shortcuts()
        self._place_in_file_menu()
        self.retranslate_ui()
        window.add_part(self)

    def _place_in_file_menu(self) -> None:
        """Print… and Export PDF… go just before Quit, between separators."""
        menu = self.window.menu("file")
        quit_action = next((a for a in menu.actions() if a.objectName() == "quit"), None)
        ours = [a for a in self.actions.in_menu("file") if a is not None]
        if quit_action is None:
            menu.addSeparator()
            menu.addActions(ours)
            return
        before = menu.actions()[: menu.actions().index(quit_action)]
        if before and not before[-1].isSeparator():
            menu.insertSeparator(quit_action)
        menu.insertActions(quit_action, ours)
        menu.insertSeparator(quit_action)

    def open_dialog(self, mode: str) -> DocumentDialog:
        """The print ("print") or export ("pdf") dialog, window-modal; one at a time."""
        from courseware_app.ui.print_dialog import DocumentDialog, documents_folder

        if self.dialog is not None:
            self.dialog.close()
        self.folder = self.folder or documents_folder()
        dialog = DocumentDialog(self.window, self.data_dir, mode, self.folder)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: DocumentDialog) -> None:
        self.folder = dialog.folder
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def retranslate_ui(self) -> None:
        self.actions.retranslate_ui()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.stop()


def install_print(window: WindowApi, data: Path | None) -> PrintPart:
    """Add the print actions to ``window`` (a WindowApi); ``data`` is the data folder."""
    return PrintPart(window, data)
