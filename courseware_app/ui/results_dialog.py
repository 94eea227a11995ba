"""Results for trainers in the GUI: export this computer's attempts; merge files from laptops."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.classroom import (
    ClassroomSession,
    SessionStore,
    merge_sessions,
    read_sessions,
    tallies,
)
from courseware_app.core.formats import format_number, format_percentage, format_when
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.progress import ProgressStore, StoreError, parse_iso
from courseware_app.core.results import (
    Export,
    ExportError,
    Record,
    class_summary,
    export_records,
    format_for,
    merge,
    read_export,
    write_export,
    write_merged,
)
from courseware_app.core.results.per_question import combine, tally_attempts
from courseware_app.ui.class_questions import ClassQuestionsPanel, in_course_order, module_title
from courseware_app.ui.themes import current


@contextmanager
def busy():
    """A wait cursor while a large export is written (xlsx: about 1 s per 1,000 attempts)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def written(
    parent: QWidget, title: str, write: Callable[[], object], failed: Callable[[Exception], str]
) -> bool:
    """Run ``write`` under a wait cursor; when it fails, show ``failed(error)`` and say False."""
    try:
        with busy():
            write()
    except (OSError, ExportError) as exc:
        QMessageBox.warning(parent, title, failed(exc))
        return False
    return True


def file_filters() -> dict[str, str]:
    return {
        "csv": _("CSV for spreadsheets (*.csv)"),
        "xlsx": _("Excel workbook (*.xlsx)"),
        "json": _("JSON with every answer (*.json)"),
    }


def ask_save_path(
    parent, title: str, suggested: Path, formats: list[str]
) -> tuple[Path, str] | None:
    """A save dialog; returns the path (with the right suffix) and its format."""
    filters = file_filters()
    chosen, selected = QFileDialog.getSaveFileName(
        parent, title, str(suggested), ";;".join(filters[f] for f in formats)
    )
    if not chosen:
        return None
    fmt = format_for(chosen) or next((f for f in formats if filters[f] == selected), formats[0])
    path = Path(chosen)
    return (path if path.suffix.lower() == f".{fmt}" else path.with_suffix(f".{fmt}")), fmt


def attempts_text(count: int) -> str:
    return ngettext("{count} attempt", "{count} attempts", count).format(count=format_number(count))


def sessions_text(count: int) -> str:
    return ngettext("{count} classroom session", "{count} classroom sessions", count).format(
        count=format_number(count)
    )


def stored_sessions(store: ProgressStore) -> list[ClassroomSession]:
    """This computer's classroom sessions; none when its progress file cannot give them."""
    try:
        return SessionStore(store).sessions()
    except (StoreError, sqlite3.Error):
        return []


class ExportDialog(QDialog):
    """Whose results and which format; then a file name."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("exportDialog")
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.only_me = QRadioButton(self)
        self.everyone = QRadioButton(self)
        self.scope = QButtonGroup(self)
        for button in (self.only_me, self.everyone):
            self.scope.addButton(button)
        self.everyone.setChecked(True)
        scope_box = QVBoxLayout()
        scope_box.addWidget(self.only_me)
        scope_box.addWidget(self.everyone)
        self.scope_label = QLabel(self)
        form.addRow(self.scope_label, scope_box)
        self.format_box = QComboBox(self)
        self.format_label = QLabel(self)
        self.format_label.setBuddy(self.format_box)
        form.addRow(self.format_label, self.format_box)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Export results"))
        self.intro.setText(
            _("Write the quiz results kept on this computer to a file, for example on a USB stick.")
        )
        self.scope_label.setText(_("Whose results:"))
        name = self.controller.profile.name if self.controller.profile else ""
        self.only_me.setText(_("Only {name}").format(name=name).replace("&", "&&"))
        count = len(self.controller.profile_manager.profiles())
        self.everyone.setText(
            ngettext(
                "Everyone on this computer ({count} profile)",
                "Everyone on this computer ({count} profiles)",
                count,
            ).format(count=format_number(count))
        )
        self.format_label.setText(_("&Format:"))
        current = self.format_box.currentData() or "csv"
        self.format_box.clear()
        for fmt, text in file_filters().items():
            self.format_box.addItem(text, fmt)
        self.format_box.setCurrentIndex(self.format_box.findData(current))
        self.export_button.setText(_("&Export…"))

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def choose_file(self) -> None:
        fmt = self.format_box.currentData()
        device = self.controller.store.device
        name = f"courseware-results-{device}-{date.today().isoformat()}.{fmt}"
        answer = ask_save_path(
            self, _("Export results"), self.controller.dialogs.export_folder() / name, [fmt]
        )
        if answer is not None and self.export_to(*answer):
            self.accept()

    def export_to(self, path: Path, fmt: str) -> bool:
        ids = [self.controller.profile.id] if self.only_me.isChecked() else None
        store = self.controller.store
        records: list[Record] = []

        def write() -> None:
            records.extend(export_records(store, ids, responses=fmt == "json"))
            write_export(records, path, fmt, device=store.device)

        if not written(
            self,
            _("Export results"),
            write,
            lambda exc: _("The results could not be written to {path}:\n{error}").format(
                path=path, error=exc
            ),
        ):
            return False
        self.controller.dialogs.remember_folder(path.parent)
        self.controller.status(
            ngettext(
                "Exported {count} attempt to {path}",
                "Exported {count} attempts to {path}",
                len(records),
            ).format(count=format_number(len(records)), path=path)
        )
        return True


class MergeDialog(QDialog):
    """Add exports from several laptops (attempts or classroom sessions), see the class at a
    glance and per question, save one merged results file."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.course = controller.window.reader.course
        self.exports: list[Export] = []
        self.session_files: list[tuple[Path, list[ClassroomSession]]] = []
        self.problems: list[tuple[Path, str]] = []
        self.stored_sessions = stored_sessions(controller.store)  # this laptop's own
        self.setObjectName("mergeDialog")
        self.resize(980, 600)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._files_panel())
        splitter.addWidget(self._views())
        splitter.setSizes([170, 380])
        layout.addWidget(splitter, 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.choose_output)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def _files_panel(self) -> QWidget:
        panel = QWidget(self)
        row = QHBoxLayout(panel)
        row.setContentsMargins(0, 0, 0, 0)
        self.files = QTreeWidget(panel)
        self.files.setColumnCount(2)
        self.files.setRootIsDecorated(False)
        self.files.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        row.addWidget(self.files, 1)
        column = QVBoxLayout()
        self.add_button = QPushButton(panel)
        self.remove_button = QPushButton(panel)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        column.addWidget(self.add_button)
        column.addWidget(self.remove_button)
        column.addStretch(1)
        row.addLayout(column)
        return panel

    def _views(self) -> QTabWidget:
        """The class at a glance (people x modules) and per question, one tab each."""
        self.tabs = QTabWidget(self)
        self.table = QTableWidget(self.tabs)
        self.table.setObjectName("classSummary")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        reader = self.controller.window.reader
        self.questions = ClassQuestionsPanel(self.course, lambda: reader.content_language, self)
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(self.questions, "")
        return self.tabs

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Merge results"))
        self.intro.setText(
            _(
                "Add the results files exported on each laptop (CSV or JSON), and classroom "
                "session exports. Attempts and sessions that appear in several files are "
                "counted once; this computer's classroom sessions are included."
            )
        )
        self.files.setHeaderLabels([_("File"), _("What it holds")])
        self.files.setAccessibleName(_("Files to merge"))
        self.table.setAccessibleName(_("Best score per person and module"))
        self.tabs.setTabText(0, _("People and modules"))
        self.tabs.setTabText(1, _("Per question"))
        self.add_button.setText(_("&Add files…"))
        self.remove_button.setText(_("&Remove"))
        self.save_button.setText(_("&Save merged file…"))
        self.refresh()

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------ files

    def choose_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Add results files"),
            str(self.controller.dialogs.export_folder()),
            _("Results and classroom session exports (*.csv *.json)"),
        )
        self.add_files([Path(c) for c in chosen])

    def _known(self) -> set[Path]:
        paths = [e.path for e in self.exports] + [p for p, _s in self.session_files]
        return {p.resolve() for p in paths + [p for p, _m in self.problems]}

    def add_files(self, paths: list[Path]) -> None:
        """Each file as a results export, else as a classroom sessions export, else a problem."""
        known = self._known()
        for path in paths:
            if path.resolve() in known:
                continue
            known.add(path.resolve())
            try:
                self.exports.append(read_export(path))
            except ExportError as exc:
                self._add_sessions(path, exc)
        if paths:
            self.controller.dialogs.remember_folder(paths[-1].parent)
        self.refresh()

    def _add_sessions(self, path: Path, not_attempts: ExportError) -> None:
        try:
            self.session_files.append((path, read_sessions(path)))
        except ExportError as exc:
            self.problems.append((path, f"{not_attempts}\n{exc}"))

    def remove_selected(self) -> None:
        item = self.files.currentItem()
        path = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if path is None:  # nothing chosen, or this computer's own sessions
            return
        self.exports = [e for e in self.exports if e.path != path]
        self.session_files = [(p, s) for p, s in self.session_files if p != path]
        self.problems = [(p, m) for p, m in self.problems if p != path]
        self.refresh()

    # ------------------------------------------------------------ showing

    def refresh(self) -> None:
        self._fill_files()
        self.merged = merge(self.exports)
        self.sessions = merge_sessions([self.stored_sessions, *(s for _p, s in self.session_files)])
        self._fill_table()
        self.questions.set_tallies(
            combine([*tally_attempts(self.merged.records), *tallies(self.sessions)])
        )
        self._fill_summary()
        self.save_button.setEnabled(bool(self.exports))
        self.remove_button.setEnabled(bool(self.exports or self.session_files or self.problems))

    def _fill_files(self) -> None:
        self.files.clear()
        for export in self.exports:
            self._file_row(export.path, attempts_text(len(export.records)))
        for path, sessions in self.session_files:
            self._file_row(path, sessions_text(len(sessions)))
        for path, message in self.problems:
            item = self._file_row(path, _("not a results export"))
            item.setForeground(1, QColor(current().bad))
            item.setToolTip(1, message)
        if self.stored_sessions:
            QTreeWidgetItem(
                self.files, [_("This computer"), sessions_text(len(self.stored_sessions))]
            )

    def _file_row(self, path: Path, contents: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.files, [path.name, contents])
        item.setData(0, Qt.ItemDataRole.UserRole, path)
        item.setToolTip(0, str(path))
        return item

    def _fill_summary(self) -> None:
        m = self.merged
        files = len(self.exports) + len(self.session_files)
        parts = [
            ngettext("{count} file", "{count} files", files).format(count=format_number(files)),
            attempts_text(len(m.records)),
            ngettext("{count} person", "{count} people", m.profiles).format(
                count=format_number(m.profiles)
            ),
            ngettext(
                "{count} duplicate removed", "{count} duplicates removed", m.duplicates
            ).format(count=format_number(m.duplicates)),
        ]
        if self.sessions:
            parts.append(sessions_text(len(self.sessions)))
        text = " · ".join(parts)
        if self.problems:
            text += (
                f"<br><span style='color:{current().bad}'>"
                + ngettext(
                    "{count} file is not a results export and is left out.",
                    "{count} files are not results exports and are left out.",
                    len(self.problems),
                ).format(count=format_number(len(self.problems)))
                + "</span>"
            )
        self.summary.setText(text)

    def _fill_table(self) -> None:
        summary = class_summary(self.merged.records)
        modules = in_course_order(self.course, summary.modules)
        lang = self.controller.window.reader.content_language
        self.table.clear()
        self.table.setRowCount(len(summary.people))
        self.table.setColumnCount(len(modules))
        self.table.setHorizontalHeaderLabels([module_title(self.course, m, lang) for m in modules])
        for col, module in enumerate(modules):
            header = self.table.horizontalHeaderItem(col)
            if header is not None:
                header.setToolTip(module)
        self.table.setVerticalHeaderLabels([p.label for p in summary.people])
        for row, person in enumerate(summary.people):
            for col, module in enumerate(modules):
                cell = summary.cells.get((person.key, module))
                if cell is not None:
                    self.table.setItem(row, col, self._cell_item(cell))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _cell_item(self, cell) -> QTableWidgetItem:
        mark = "✓ " if cell.passed else ""
        item = QTableWidgetItem(mark + format_percentage(cell.best / 100))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        theme = current()  # the row's text is the palette's: readable on either background
        item.setBackground(QColor(theme.pass_row if cell.passed else theme.fail_row))
        item.setToolTip(
            (_("Passed") if cell.passed else _("Not passed yet"))
            + "\n"
            + _("Best {best}, last {last}").format(
                best=format_percentage(cell.best / 100), last=format_percentage(cell.last / 100)
            )
            + "\n"
            + ngettext(
                "{count} attempt, the last on {when}",
                "{count} attempts, the last on {when}",
                cell.attempts,
            ).format(count=format_number(cell.attempts), when=format_when(parse_iso(cell.last_at)))
        )
        return item

    # ------------------------------------------------------------ saving

    def choose_output(self) -> None:
        formats = ["csv", "xlsx"] + (["json"] if self.merged.kinds == {"json"} else [])
        suggested = (
            self.controller.dialogs.export_folder()
            / f"courseware-results-merged-{date.today().isoformat()}.csv"
        )
        answer = ask_save_path(self, _("Save merged results"), suggested, formats)
        if answer is not None:
            self.save_to(*answer)

    def save_to(self, path: Path, fmt: str = "csv") -> bool:
        sources = [e.path.name for e in self.exports]
        if not written(
            self,
            _("Save merged results"),
            lambda: write_merged(self.merged, path, fmt, sources),
            lambda exc: _("The merged results could not be written to {path}:\n{error}").format(
                path=path, error=exc
            ),
        ):
            return False
        self.controller.status(
            ngettext(
                "Saved {count} attempt to {path}",
                "Saved {count} attempts to {path}",
                len(self.merged.records),
            ).format(count=format_number(len(self.merged.records)), path=path)
        )
        return True
