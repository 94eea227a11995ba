"""The progress windows: dashboard, results export and merge, and the store's opening messages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from courseware_app.core.i18n import _
from courseware_app.core.progress import NewerSchemaError, ProgressStore, StoreError
from courseware_app.ui.dashboard import DashboardDialog


class ProgressDialogs:
    """Opens the dashboard (one, kept), the results dialogs and quiz reviews for ``controller``;
    remembers the folder last used for results files."""

    def __init__(self, controller):
        self.controller = controller
        self.dashboard: DashboardDialog | None = None
        self._folder: Path | None = None

    def show_dashboard(self) -> DashboardDialog:
        if self.dashboard is None:
            self.dashboard = DashboardDialog(self.controller, self.controller.window)
        self.dashboard.reload()
        self.dashboard.show()
        self.dashboard.activateWindow()
        return self.dashboard

    def export_results(self):
        from courseware_app.ui.results_dialog import ExportDialog

        dialog = ExportDialog(self.controller, self.controller.window)
        dialog.open()
        return dialog

    def merge_results(self):
        from courseware_app.ui.results_dialog import MergeDialog

        dialog = MergeDialog(self.controller, self.controller.window)
        dialog.open()
        return dialog

    def review_attempt(self, attempt_id: str) -> None:
        stored = self.controller.store.attempt(attempt_id)
        if stored is not None:
            self.controller.window.reader.open_quiz(
                stored.module, stored.quiz, review=stored.to_attempt()
            )

    def export_folder(self) -> Path:
        if self._folder is not None:
            return self._folder
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs else Path.home()

    def remember_folder(self, folder: Path) -> None:
        self._folder = folder


def open_store(data_dir: Path, parent=None) -> ProgressStore:
    """The store in ``data_dir``; tells the user when a damaged file was moved aside, and
    falls back to a temporary store when the file belongs to a newer Courseware."""
    try:
        store = ProgressStore.open(data_dir)
    except NewerSchemaError as exc:
        return _unavailable(
            parent,
            _(
                "Your progress file {path} was written by a newer version of Courseware. "
                "It has been left untouched.\n\nYou can keep reading, but progress from this "
                "session will not be kept. Please install the newer version."
            ).format(path=exc.path),
        )
    except StoreError as exc:
        return _unavailable(
            parent,
            _(
                "Your progress file cannot be opened:\n{error}\n\nYou can keep reading, but "
                "progress from this session will not be kept."
            ).format(error=exc),
        )
    if store.recovered is not None:
        QMessageBox.warning(
            parent,
            _("Progress file damaged"),
            _(
                "Your progress file could not be read, so a new one was started. The old file "
                "was kept, not deleted:\n{path}\n\nA trainer or technician may be able to "
                "recover it."
            ).format(path=store.recovered.moved_to),
        )
    return store


def _unavailable(parent, message: str) -> ProgressStore:
    """Say why this session's progress will not be kept; a temporary store stands in."""
    QMessageBox.warning(parent, _("Progress not available"), message)
    return ProgressStore.open_temporary()
