"""File › Print… and File › Export PDF…: choose a document, see it, print it or save it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.documents import Document, DocumentError, DocumentRequest, build_document
from courseware_app.core.i18n import _, ngettext
from courseware_app.printing import print_to, write_pdf
from courseware_app.ui.print_choices import ChoiceDefaults, DocumentChoices, kind_name, named
from courseware_app.ui.print_export import (
    Cancelled,
    DocumentJob,
    Failure,
    Outcome,
    Progress,
    Writer,
    file_error,
    printer_error,
)
from courseware_app.ui.print_preview import DocumentPreview, set_paper

if TYPE_CHECKING:
    from courseware_app.core.course import Course
    from courseware_app.ui.window_api import WindowApi

PREVIEW_DELAY_MS = 300
MODES = ("print", "pdf")


def choice_defaults(window: WindowApi) -> ChoiceDefaults:
    """The module being read, the content language, and the profiles (when progress is on)."""
    from courseware_app.ui.progress_ui import ProgressController

    reader = window.reader
    location = reader.location
    module = location.module if location else reader.course.ordered_modules()[0].id
    progress = window.part(ProgressController)
    if progress is None:
        return ChoiceDefaults(module, reader.content_language)
    names = [p.name for p in progress.store.profiles()]
    current = progress.profile.name if progress.profile else None
    return ChoiceDefaults(module, reader.content_language, names, current)


def file_name(request: DocumentRequest, course: Course) -> str:
    """A name for the PDF: kind, module (or course) and language."""
    what = request.modules[0] if len(request.modules) == 1 else course.id
    return f"{request.kind}-{what}-{request.lang}.pdf"


def ask_printer(parent: QWidget, paper: str) -> QPrinter | None:
    """The system print dialog; the printer it set up, or None when the person cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_paper(printer, paper)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


class DocumentDialog(QDialog):
    """The choices, a preview, and one button: Print… (``mode`` "print") or Export PDF…
    ("pdf"). The document is built on the UI thread (the catalog switches language while it
    is built) and written or printed on a worker thread, with a progress bar and Cancel."""

    def __init__(self, window: WindowApi, data_dir: Path | None, mode: str, folder: Path):
        super().__init__(window if isinstance(window, QWidget) else None)
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.setObjectName("printDialog" if mode == "print" else "exportPdfDialog")
        self.window_api, self.data_dir, self.mode, self.folder = window, data_dir, mode, folder
        self.course = window.reader.course
        self._built: tuple[DocumentRequest, Document] | None = None
        self.target: Path | None = None  # the PDF being written (None: a printer)
        self.job = DocumentJob(self)
        self.choices = DocumentChoices(self.course, choice_defaults(window), self)
        self.preview = DocumentPreview(self)
        self._build_buttons()
        self._lay_out()
        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self.choices.changed.connect(self.timer.start)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.retranslate_ui()
        self.resize(980, 680)
        self.refresh_preview()

    def _build_buttons(self) -> None:
        self.bar = named(QProgressBar(self), "printProgress")
        self.cancel_button = named(QPushButton(self), "printCancel")
        self.cancel_button.clicked.connect(self.job.cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.go_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_button.setObjectName("printGo")
        self.go_button.setDefault(True)
        self.buttons.accepted.connect(self.go)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.choices)
        top.addWidget(self.preview, 1)
        running = QHBoxLayout()
        running.addWidget(self.bar, 1)
        running.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(running)
        layout.addWidget(self.buttons)
        self._show_running(False)

    # ------------------------------------------------------------ the document

    def document(self, request: DocumentRequest) -> Document:
        """The document ``request`` asks for (the one previewed, when it is the same)."""
        if self._built is None or self._built[0] != request:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                built = build_document(self.course, request, self.data_dir)
            finally:
                QApplication.restoreOverrideCursor()
            self._built = (request, built)
        return self._built[1]

    def refresh_preview(self) -> None:
        request = self.choices.request()
        self.go_button.setEnabled(self.choices.complete and not self.job.running)
        if not self.choices.complete:
            self.preview.show_message(_("Choose at least one module."))
            return
        try:
            document = self.document(request)
        except DocumentError as exc:
            self.preview.show_message(str(exc))
            return
        self.preview.show_document(document, request.paper)

    # ------------------------------------------------------------ printing, saving

    def go(self) -> None:
        """Print… or Export PDF…: ask where, then write on the worker thread."""
        request = self.choices.request()
        try:
            document = self.document(request)
        except DocumentError as exc:
            self._warn(str(exc))
            return
        job = self._pdf_writer(request) if self.mode == "pdf" else self._printer(request)
        if job is not None:
            self._show_running(True)
            self.job.start(document, *job)

    def _pdf_writer(self, request: DocumentRequest) -> tuple[Writer, Failure] | None:
        start = str(self.folder / file_name(request, self.course))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Export PDF"), start, _("PDF documents (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(f"{chosen}.pdf")
        self.folder, self.target = path.parent, path

        def write(doc: Document, progress: Progress, cancelled: Cancelled) -> int:
            return write_pdf(doc, path, request.paper, progress, cancelled)

        return write, file_error(path)

    def _printer(self, request: DocumentRequest) -> tuple[Writer, Failure] | None:
        printer = ask_printer(self, request.paper)
        if printer is None:
            return None
        self.target = None

        def write(doc: Document, progress: Progress, cancelled: Cancelled) -> int:
            return print_to(doc, printer, progress, cancelled)

        return write, printer_error

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(_("Page {done} of {total}").format(done=done, total=total))

    def _finished(self, outcome: Outcome) -> None:
        self._show_running(False)
        if outcome.error:
            self._warn(outcome.error)
        elif outcome.cancelled:
            self.window_api.show_status(_("Cancelled: nothing was written."))
        else:
            self.window_api.show_status(self._done_message(outcome.pages), 8000)
            self.accept()

    def _done_message(self, pages: int) -> str:
        if self.target is None:
            return ngettext(
                "Sent {pages} page to the printer.", "Sent {pages} pages to the printer.", pages
            ).format(pages=pages)
        return ngettext(
            "Saved {path} ({pages} page).", "Saved {path} ({pages} pages).", pages
        ).format(path=self.target, pages=pages)

    def _warn(self, message: str) -> None:
        title = _("Print") if self.mode == "print" else _("Export PDF")
        QMessageBox.warning(self, title, message)

    def _show_running(self, running: bool) -> None:
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.choices.setEnabled(not running)
        self.go_button.setEnabled(not running)
        if running:
            self.bar.setRange(0, 0)  # busy until the first page is laid out
            self.bar.setFormat("")

    def stop(self) -> None:
        """Cancel a write in progress and wait for its thread."""
        if self.job.running:
            self.job.wait()

    def reject(self) -> None:
        self.stop()
        super().reject()

    # ------------------------------------------------------------ texts

    def retranslate_ui(self) -> None:
        if self.mode == "print":
            self.setWindowTitle(_("Print"))
            self.go_button.setText(_("&Print…"))
        else:
            self.setWindowTitle(_("Export PDF"))
            self.go_button.setText(_("&Export PDF…"))
        self.cancel_button.setText(_("Cancel"))
        self.cancel_button.setToolTip(_("Stop; nothing is written"))
        self.bar.setAccessibleName(_("Progress"))
        self.choices.retranslate_ui()
        self.preview.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def documents_folder() -> Path:
    """Where the first save dialog opens: the person's documents folder."""
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(location) or Path.home())


__all__ = ["DocumentDialog", "documents_folder", "kind_name"]
