"""The install dialog of a content pack: what it is and who signed it, what it would change with
the release notes, the question, then the install with its progress."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.i18n import _
from courseware_app.core.packs.changes import pack_changes_html
from courseware_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from courseware_app.core.course import Course
    from courseware_app.core.packs.model import PackError, PackInfo


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while the UI thread works (verifying a pack takes a moment)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class _Progress(QObject):
    """Carries the installer's progress from the worker to the dialog (queued)."""

    step = Signal(int, int)  # (done, total)


class InstallDialog(QDialog):
    """Window-modal; ``installed(PackInfo)`` once the pack is the active content."""

    installed = Signal(object)

    def __init__(
        self,
        info: PackInfo,
        folders: tuple[Path, Path],
        course: Course,
        lang: str,
        parent: QWidget | None,
    ):
        super().__init__(parent)
        self.setObjectName("installContentDialog")
        self.info = info
        self.data, self.bundled = folders  # the data folder, the bundled content
        self.outcome: PackInfo | PackError | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.changes = QTextBrowser(self)
        self.changes.setObjectName("packChanges")
        self.changes.setOpenLinks(False)
        self.changes.setHtml(pack_changes_html(info, course, lang))
        self.downgrade = QCheckBox(self)
        self.downgrade.setVisible(info.downgrade)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.install_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.install)
        self.buttons.rejected.connect(self.reject)
        self.downgrade.toggled.connect(self._allow)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.changes, self.downgrade, self.progress, self.buttons):
            layout.addWidget(widget)
        self._steps = _Progress(self)
        self._steps.step.connect(self._show_step)
        self.tasks = TaskRunner(self)
        self.tasks.done.connect(self._done)
        self.tasks.failed.connect(self._failed)
        self._allow(False)
        self.retranslate_ui()
        self.resize(560, 480)

    def retranslate_ui(self) -> None:
        info = self.info
        self.setWindowTitle(_("Install content update"))
        self.summary.setText(
            _(
                "Course version {version}, made on {date}, signed by {publisher}. "
                "Install it? The content now in use is kept, to roll back to."
            ).format(
                version=info.course_version,
                date=info.created_at[:10],
                publisher=info.publisher or info.key_id,
            )
        )
        self.downgrade.setText(_("Install it although it goes back to older versions"))
        self.install_button.setText(_("&Install"))

    def _allow(self, downgrade: bool) -> None:
        self.install_button.setEnabled(downgrade or not self.info.downgrade)

    def install(self) -> None:
        """Install off the UI thread; the dialog shows the progress and closes when done."""
        from courseware_app.core.packs import PackError, install_pack

        self.buttons.setEnabled(False)
        self.downgrade.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        allow, path, data, step = self.downgrade.isChecked(), self.info.path, self.data, self._steps
        bundled = self.bundled

        def work() -> PackInfo | PackError:
            try:
                return install_pack(
                    path, data, allow_downgrade=allow, progress=step.step.emit, bundled=bundled
                )
            except PackError as exc:
                return exc

        self.tasks.submit("install", work)

    def _show_step(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, _key: object, outcome: PackInfo | PackError) -> None:
        from courseware_app.core.packs import PackError

        self.outcome = outcome
        if isinstance(outcome, PackError):
            self._failed(None, str(outcome))
            return
        self.installed.emit(outcome)
        self.accept()

    def _failed(self, _key: object, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.progress.setVisible(False)
        self.buttons.setEnabled(True)
        QMessageBox.warning(self, _("The content update was not installed"), message)

    def stop(self) -> None:
        """The window is closing: wait for an install under way (it is all or nothing)."""
        self.tasks.wait()
