"""Help: every keyboard shortcut (made from the actions themselves) and a first-steps page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core import paths
from courseware_app.core.i18n import _, current_language
from courseware_app.core.languages import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from pathlib import Path


def action_label(action: QAction) -> str:
    """An action's text as a person reads it: no mnemonic ampersands, no trailing ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window and its parts that has a shortcut, in the
    order they were made, each action once; keys as the platform writes them."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if not keys or id(action) in seen or not action_label(action):
            continue
        seen.add(id(action))
        rows.append((action_label(action), ", ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    """A table of every shortcut, in the interface language (Help › Keyboard shortcuts, F1)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([_("Action"), _("Keys")])
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, min(640, 90 + 30 * len(rows)))


def first_steps_file(lang: str | None = None) -> Path:
    """The first-steps page in ``lang`` (the interface language), else in English."""
    folder = paths.resources_dir() / "help"
    page = folder / f"first-steps.{lang or current_language()}.md"
    return page if page.is_file() else folder / f"first-steps.{SOURCE_LANGUAGE}.md"


class FirstStepsDialog(QDialog):
    """A short guide to the reader, in the interface language (Help › First steps)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("firstStepsDialog")
        self.setWindowTitle(_("First steps"))
        self.text = QTextBrowser(self)
        self.text.setObjectName("firstStepsText")
        self.text.setAccessibleName(_("First steps"))
        self.text.setOpenLinks(False)
        self.text.setMarkdown(first_steps_file().read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 560)
