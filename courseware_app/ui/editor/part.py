"""The workbench's part of the main window: View › Editor mode and what it attaches.

Light at attach time: two actions; the watcher, the problems panel and the validator are
imported when editor mode is switched on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction

from courseware_app.core.i18n import _

if TYPE_CHECKING:
    from courseware_app.ui.editor.workbench import Workbench
    from courseware_app.ui.window_api import WindowApi


class EditorPart(QObject):
    """View › Editor mode (not remembered: a trainee's laptop never starts in it) and View ›
    Text editor command…; the workbench while editor mode is on."""

    def __init__(self, window: WindowApi, data: Path | None) -> None:
        super().__init__()
        self.window = window
        ini = QSettings.Format.IniFormat
        self.settings = QSettings(str(data / "settings.ini"), ini) if data else None
        self.workbench: Workbench | None = None
        self.mode = QAction(self)
        self.mode.setObjectName("editorMode")
        self.mode.setCheckable(True)
        self.mode.toggled.connect(self.set_editor_mode)
        self.command = QAction(self)
        self.command.setObjectName("editorCommand")
        self.command.triggered.connect(self.ask_command)
        menu = window.menu("view")
        menu.addSeparator()
        for action in (self.mode, self.command):
            menu.addAction(action)
            window.add_action(action)
        window.reader.add_page_decorator(self.decorate)
        window.add_part(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.mode.setText(_("&Editor mode"))
        self.mode.setToolTip(_("Show each saved change at once, with the course's problems"))
        self.command.setText(_("Text editor command…"))
        if self.workbench is not None:
            self.workbench.retranslate_ui()

    def shutdown(self) -> None:
        if self.workbench is not None:
            self.workbench.close()
            self.workbench = None

    def set_editor_mode(self, on: bool) -> None:
        if on == (self.workbench is not None):
            return
        if on:
            from courseware_app.ui.editor.workbench import Workbench

            self.workbench = Workbench(self.window, self.settings)
        else:
            self.shutdown()
        self.mode.setChecked(on)
        self.window.reader.redraw()

    def decorate(self, page: str, module_id: str) -> str:
        return page if self.workbench is None else self.workbench.decorate(page, module_id)

    def ask_command(self) -> None:
        """Ask for the command that opens a file at a line ({file} and {line} filled in)."""
        from PySide6.QtWidgets import QInputDialog, QWidget

        from courseware_app.ui.editor.external import ExternalEditor

        editor = ExternalEditor(self.settings)
        parent = self.window if isinstance(self.window, QWidget) else None
        text, ok = QInputDialog.getText(
            parent,
            _("Text editor command"),
            _("The command that opens {file} at {line}, e.g. code -g {file}:{line}"),
            text=editor.command,
        )
        if ok:
            editor.set_command(text)


def install_editor(window: WindowApi, data: Path | None, editor: bool = False) -> EditorPart:
    """Add View › Editor mode to ``window`` (a WindowApi); ``editor``: start in it."""
    part = EditorPart(window, data)
    if editor:
        part.set_editor_mode(True)
    return part
