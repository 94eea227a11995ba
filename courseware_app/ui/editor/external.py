"""Opening a file at a line in the editor's own text editor (a command from the settings, else
the first known editor on PATH, else the system's default application for the file)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QProcess, QSettings, QUrl
from PySide6.QtGui import QDesktopServices

from courseware_app.core.editor.external import default_command, editor_argv

log = logging.getLogger(__name__)
COMMAND_KEY = "editor/command"  # in the settings file, beside the reader's own choices


class ExternalEditor:
    """The command (``{file}`` and ``{line}`` filled in) kept in ``settings``."""

    def __init__(self, settings: QSettings | None) -> None:
        self.settings = settings

    @property
    def command(self) -> str:
        """The command chosen, else the first known editor found on PATH ("" for neither)."""
        chosen = self.settings.value(COMMAND_KEY, "") if self.settings else ""
        return str(chosen or "") or default_command(shutil.which)

    def set_command(self, command: str) -> None:
        if self.settings is not None:
            self.settings.setValue(COMMAND_KEY, command.strip())
            self.settings.sync()

    def open(self, file: Path, line: int) -> bool:
        """Start the editor on ``file`` at ``line`` (never waited for); False if it did not start."""
        argv = editor_argv(self.command, file, line) if self.command else []
        if not argv:
            return QDesktopServices.openUrl(QUrl.fromLocalFile(str(file)))
        started, _pid = QProcess.startDetached(argv[0], argv[1:])
        if not started:
            log.warning("could not start the editor: %s", argv)
        return bool(started)
