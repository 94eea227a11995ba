"""Tools › Glossary: the curriculum's terms in English, Russian and French, searchable in any of
them, with each entry's definitions, variants, variants to avoid and source.

Keyboard: type to search (in any language, any form of a word); Down or Enter goes to the list;
Up and Down choose an entry; Ctrl+F or Ctrl+L comes back to the search box; Esc closes."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.glossary import LANGUAGES, Entry, Glossary
from courseware_app.core.glossary.match import matching
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.languages import native_name

ENTRY_ID = Qt.ItemDataRole.UserRole


class GlossaryWindow(QWidget):
    """A window of its own (beside the reader, or on a second screen in a mixed room)."""

    def __init__(self, glossary: Callable[[], Glossary], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("glossaryWindow")
        self._glossary = glossary
        self.search = QLineEdit(self)
        self.search.setObjectName("glossarySearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refill)
        self.search.returnPressed.connect(self._to_list)
        self.count = QLabel(self)
        self.count.setObjectName("glossaryCount")
        self.list = QTreeWidget(self)
        self.list.setObjectName("glossaryList")
        self.list.setColumnCount(len(LANGUAGES))
        self.list.setHeaderLabels([native_name(lang) for lang in LANGUAGES])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        # the three languages side by side, always all in view (a long term is elided; its
        # entry shows it whole)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.list.currentItemChanged.connect(self._show_current)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("glossaryDetail")
        self.detail.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setSizes([520, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(split, 1)
        self.search.installEventFilter(self)
        self.resize(980, 560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Glossary"))
        self.search.setPlaceholderText(_("Search the glossary in any language"))
        self.search.setAccessibleName(_("Search the glossary"))
        self.list.setAccessibleName(_("Glossary terms"))
        self.detail.setAccessibleName(_("Glossary entry"))
        self.refill()

    @property
    def glossary(self) -> Glossary:
        return self._glossary()

    def refill(self) -> None:
        """The entries that match the search box, the first of them shown."""
        entries = matching(self.glossary, self.search.text())
        self.list.clear()
        for entry in entries:
            cells = [w.term if (w := entry.wording(lang)) else "" for lang in LANGUAGES]
            item = QTreeWidgetItem(cells)
            item.setData(0, ENTRY_ID, entry.id)
            self.list.addTopLevelItem(item)
        n = len(entries)
        self.count.setText(ngettext("{n} term", "{n} terms", n).format(n=n))
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            none = html.escape(_("No term matches the search."))
            self.detail.setHtml(f"<p>{none}</p>")

    def show_entry(self, entry_id: str) -> bool:
        """Select ``entry_id`` (clearing the search when it hides it)."""
        if self._item(entry_id) is None:
            self.search.clear()
        item = self._item(entry_id)
        if item is not None:
            self.list.setCurrentItem(item)
        return item is not None

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current_entry(self) -> Entry | None:
        item = self.list.currentItem()
        return None if item is None else self.glossary.entry(str(item.data(0, ENTRY_ID)))

    def _item(self, entry_id: str) -> QTreeWidgetItem | None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, ENTRY_ID) == entry_id:
                return item
        return None

    def _show_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.detail.setHtml(entry_html(entry))

    def _to_list(self) -> None:
        if self.list.topLevelItemCount():
            self.list.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Keys the list and the box leave alone: Ctrl+F or Ctrl+L to search, Esc to close."""
        if event.matches(QKeySequence.StandardKey.Find) or event.keyCombination() == (
            Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_L
        ):
            self.focus_search()
        elif event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        down = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
        if watched is self.search and down and event.type() == QEvent.Type.KeyPress:
            self._to_list()
            return True
        return False


def entry_html(entry: Entry) -> str:
    """One entry: per language the term, its variants, what to avoid and why, the definition;
    then the source."""
    parts = []
    for lang in LANGUAGES:
        w = entry.wording(lang)
        if w is None:
            continue
        esc = html.escape
        heading = _("{language}: {term}").format(language=native_name(lang), term=w.term)
        parts.append(f'<h3 lang="{lang}">{esc(heading)}</h3>')
        parts.append(f'<p lang="{lang}">{esc(w.definition)}</p>')
        if w.variants:
            label = esc(_("Also:"))
            parts.append(f"<p><i>{label}</i> {esc(', '.join(w.variants))}</p>")
        for avoid in w.avoid:
            label = esc(_("Avoid:"))
            parts.append(f"<p><i>{label}</i> <s>{esc(avoid.term)}</s> — {esc(avoid.reason)}</p>")
        if w.eaeu:
            label = esc(_("In the EAEU:"))
            parts.append(f"<p><i>{label}</i> {esc(w.eaeu)}</p>")
    label = html.escape(_("Source:"))
    parts.append(f"<p><small>{label} {html.escape(entry.source)}</small></p>")
    return "".join(parts)
