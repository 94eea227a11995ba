"""The TRS lab window: open trs-02's dataset or a working group's own extract, map its columns,
analyse it off the UI thread (progress, Cancel), show tables and pictures, export the report."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.i18n import _, current_language
from courseware_app.core.trs import (
    Analysis,
    Extract,
    Plan,
    TrsError,
    analyse,
    make_plan,
    read_extract,
)
from courseware_app.ui.actions import ActionSet, ActionSpec
from courseware_app.ui.trs_lab import export
from courseware_app.ui.trs_lab.charts import Drawing
from courseware_app.ui.trs_lab.jobs import LabJob
from courseware_app.ui.trs_lab.mapping import MappingDialog, suggested_by
from courseware_app.ui.trs_lab.results import ResultsView

if TYPE_CHECKING:
    from courseware_app.ui.print_export import DocumentJob, Outcome

# fmt: off
LAB_ACTIONS: tuple[ActionSpec[LabWindow], ...] = (
    ActionSpec("openDataset", lambda: _("Open trs-02's &dataset"),
               lambda: _("Analyse the synthetic consignments of module trs-02"),
               lambda w, _c: w.open_dataset(), menu="file", toolbar=0),
    ActionSpec("openFile", lambda: _("&Open an extract…"),
               lambda: _("Analyse your own CSV extract of milestone timestamps"),
               lambda w, _c: w.choose_file(), ("Open", "Ctrl+O"), menu="file", toolbar=0),
    ActionSpec("columns", lambda: _("&Columns…"),
               lambda: _("Say which column is which milestone, the identifier and the segments"),
               lambda w, _c: w.edit_columns(), menu="file", toolbar=0),
    ActionSpec("exportCsv", lambda: _("Export the tables as &CSV…"),
               lambda: _("Save every table in a CSV file a spreadsheet opens"),
               lambda w, _c: w.export_csv(), menu="file", group=1, toolbar=1),
    ActionSpec("exportPdf", lambda: _("Export the report as &PDF…"),
               lambda: _("Save the tables, the pictures and the cleaning log as a PDF"),
               lambda w, _c: w.export_pdf(), menu="file", group=1, toolbar=1),
    ActionSpec("close", lambda: _("C&lose"), lambda: _("Close the TRS lab"),
               lambda w, _c: w.close(), ("Close", "Ctrl+W"), menu="file", group=2),
)
# fmt: on
EXPORTS = ("exportCsv", "exportPdf", "columns")


def documents_folder() -> Path:
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(location) or Path.home())


class LabWindow(QMainWindow):
    """One extract at a time: its analysis, the pictures of the chosen segment, the exports."""

    def __init__(self, dataset: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trsLab")
        self.dataset = dataset if dataset is not None and dataset.is_file() else None
        self.extract: Extract | None = None
        self.plan: Plan | None = None
        self.analysis: Analysis | None = None
        self.folder = documents_folder()
        self.job = LabJob(self)
        self.job.progress.connect(self._progress)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(lambda: self._say(_("The analysis was cancelled.")))
        self.pdf_job: DocumentJob | None = None  # made when a PDF is first asked for
        self.actions_ = ActionSet(self, LAB_ACTIONS, self)
        self.actions_.set_shortcuts()
        self._build()
        self.job.idle.connect(lambda: self.busy.setVisible(False))
        self._enable()
        self.retranslate_ui()
        self.resize(1200, 800)

    def _build(self) -> None:
        menu = self.menuBar().addMenu("")
        self.file_menu = menu
        for action in self.actions_.in_menu("file"):
            menu.addSeparator() if action is None else menu.addAction(action)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("trsToolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        for group in (0, 1):
            self.toolbar.addActions(self.actions_.in_toolbar(group))
            self.toolbar.addSeparator()
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("trsMessage")
        self.message.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.job.cancel)
        self.busy = QWidget(self)
        row = QHBoxLayout(self.busy)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.busy.setVisible(False)
        self.results = ResultsView(self)
        self.results.pictureSaveRequested.connect(self.save_picture)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        for widget in (self.about, self.message, self.busy):
            layout.addWidget(widget)
        layout.addWidget(self.results, 1)
        self.setCentralWidget(central)

    def _enable(self) -> None:
        self.actions_["openDataset"].setEnabled(self.dataset is not None)
        for action_id in EXPORTS:
            self.actions_[action_id].setEnabled(
                self.analysis is not None or (action_id == "columns" and self.extract is not None)
            )

    # ------------------------------------------------------------ opening and analysing

    def open_dataset(self) -> None:
        if self.dataset is not None:
            self.open_path(self.dataset)

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Open an extract"), str(self.folder),
            _("CSV extracts (*.csv *.txt);;All files (*)"),
        )  # fmt: skip
        if chosen:
            self.folder = Path(chosen).parent
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> None:
        """Read ``path`` off the UI thread, then analyse it as its headers suggest (or ask)."""
        self._say(_("Reading {name}…").format(name=path.name))
        self.busy.setVisible(True)
        self.job.start(lambda _p, _c: read_extract(path), self._read)

    def _read(self, extract: Extract) -> None:
        self.extract, self.plan, self.analysis = extract, None, None
        self._enable()
        try:
            plan = make_plan(extract)
        except TrsError as exc:
            self._say(str(exc))
            self.edit_columns()
            return
        taken = [m.column for m in plan.milestones] + [plan.id_column or ""]
        self.run(replace(plan, by=suggested_by(extract, taken)))

    def run(self, plan: Plan) -> None:
        """Analyse the extract under ``plan`` off the UI thread, with progress and Cancel."""
        extract = self.extract
        if extract is None:
            return
        self.plan = plan
        self._say(_("Analysing {count} rows…").format(count=len(extract)))
        self.bar.setValue(0)
        self.busy.setVisible(True)
        self.job.start(lambda p, c: analyse(extract, plan, progress=p, cancelled=c), self._shown)

    def _shown(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.results.show_analysis(analysis)
        self._describe()
        self._say(" ".join(analysis.warnings))
        self._enable()

    def edit_columns(self) -> MappingDialog | None:
        """The mapping dialog (window-modal); its plan is analysed when it is accepted."""
        if self.extract is None:
            return None
        dialog = MappingDialog(self.extract, self.plan, self)
        dialog.accepted.connect(lambda: self._mapped(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _mapped(self, dialog: MappingDialog) -> None:
        plan = dialog.plan()
        if plan is not None:
            self.run(plan)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _failed(self, message: str) -> None:
        self._say(message)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _describe(self) -> None:
        a = self.analysis
        if a is None:
            self.about.setText(_("Open trs-02's dataset or your own extract (a CSV file)."))
            return
        self.about.setText(
            _("{file}: {rows} rows, {used} consignments with every milestone; "
              "milestones {milestones}; {excluded} lines in the cleaning log.").format(
                file=Path(a.file).name, rows=a.rows, used=a.used,
                milestones=" → ".join(a.milestones), excluded=len(a.excluded))
        )  # fmt: skip

    # ------------------------------------------------------------ exporting

    def _ask(self, title: str, name: str, kinds: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(self, title, str(self.folder / name), kinds)
        if not chosen:
            return None
        self.folder = Path(chosen).parent
        return Path(chosen)

    def _stem(self) -> str:
        return Path(self.analysis.file).stem if self.analysis else "trs"

    def export_csv(self, path: Path | None = None) -> None:
        if self.analysis is None:
            return
        path = path or self._ask(_("Export the tables"), f"{self._stem()}-report.csv",
                                 _("CSV files (*.csv)"))  # fmt: skip
        if path is not None:
            analysis = self.analysis
            self._written(path, lambda: export.save_csv(analysis, path))

    def save_picture(self, drawing: Drawing, suffix: str, path: Path | None = None) -> None:
        kinds = _("PNG pictures (*.png)") if suffix == ".png" else _("SVG pictures (*.svg)")
        path = path or self._ask(_("Save the picture"), f"{self._stem()}-chart{suffix}", kinds)
        if path is not None:
            self._written(path, lambda: export.save_picture(drawing, path))

    def _written(self, path: Path, write: Callable[[], None]) -> None:
        try:
            write()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self._say(_("The file {path} could not be written: {reason}").format(
                path=path, reason=reason))  # fmt: skip
            return
        self._say(_("Saved {path}").format(path=path))

    def export_pdf(self, path: Path | None = None) -> None:
        """The report as a PDF, written off the UI thread (the pictures drawn first)."""
        if self.analysis is None:
            return
        path = path or self._ask(_("Export the report"), f"{self._stem()}-report.pdf",
                                 _("PDF documents (*.pdf)"))  # fmt: skip
        if path is None:
            return
        from courseware_app.printing import write_pdf
        from courseware_app.ui.print_export import DocumentJob, file_error

        folder = tempfile.TemporaryDirectory(prefix="trs-lab-")
        pictures = [(d, Path(folder.name) / f"{n}.svg") for n, d in
                    enumerate(self.results.drawings())]  # fmt: skip
        document = export.pdf_document(self.analysis, current_language(), pictures)
        job = DocumentJob(self)
        self.pdf_job = job
        job.progress.connect(self._progress)
        job.finished.connect(lambda outcome: self._pdf_done(outcome, path, folder))
        self.busy.setVisible(True)
        job.start(document, lambda d, p, c: write_pdf(d, path, progress=p, cancelled=c),
                  file_error(path))  # fmt: skip

    def _pdf_done(
        self, outcome: Outcome, path: Path, folder: tempfile.TemporaryDirectory[str]
    ) -> None:
        folder.cleanup()
        self.busy.setVisible(False)
        self._say(outcome.error or _("Saved {path}").format(path=path))

    # ------------------------------------------------------------ texts and closing

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("TRS lab"))
        self.file_menu.setTitle(_("&File"))
        self.toolbar.setWindowTitle(_("TRS lab"))
        self.actions_.retranslate_ui()
        self.cancel_button.setText(_("Cancel"))
        self.bar.setAccessibleName(_("Progress of the analysis"))
        self._describe()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.job.wait()
        if self.pdf_job is not None:
            self.pdf_job.wait()
        super().closeEvent(event)
