"""The search controller: wires the box, the results and the highlights to the window."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QProgressBar,
    QTreeWidgetItem,
)

from courseware_app.core.glossary import glossary_for
from courseware_app.core.history import Location
from courseware_app.core.i18n import _
from courseware_app.core.search import Hit, SearchIndex, UpdateStats
from courseware_app.ui.actions import key_sequences, set_action_texts
from courseware_app.ui.search.highlight import PageHighlights
from courseware_app.ui.search.indexing import IndexBuilder
from courseware_app.ui.search.widgets import HIT_ROLE, SearchBox, SearchDock, state_message

if TYPE_CHECKING:
    from courseware_app.ui.window_api import ReaderApi, WindowApi

log = logging.getLogger(__name__)
DEBOUNCE_MS = 250
RESULT_LIMIT = 50
Scope = tuple[str, tuple[str, ...] | None, bool]  # (query, languages or None for all, trainer)


class SearchController(QObject):
    """Search in a window: a box in the toolbar, a results dock, highlights in the text.

    Only ``attach`` and ``_reader`` touch the window; the window calls back only
    ``retranslate_ui`` and ``shutdown`` (a ``window_api.WindowPart``).
    """

    indexReady = Signal(object)  # noqa: N815 - core.search.UpdateStats, None on failure
    resultsShown = Signal(int)  # noqa: N815 - number of hits

    def __init__(self, window: WindowApi, index_path: Path | str):
        super().__init__()
        self.index_path = Path(index_path)
        self.index = SearchIndex(self.index_path)  # the UI thread's own connection
        self.hits: list[Hit] = []
        self._asked: Scope | None = None
        self.builder = IndexBuilder(self.index_path, self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.start_timer = QTimer(self)  # indexing starts when it fires, or at the first search
        self.start_timer.setSingleShot(True)
        self._build_widgets()
        self._build_actions()
        self.attach(window)
        self.retranslate_ui()
        self._connect()

    # ------------------------------------------------------------ building the UI

    def _build_widgets(self) -> None:
        self.box = SearchBox()
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(220)
        self.box.setMaximumWidth(420)
        self.dock = SearchDock()
        self.results = self.dock.results
        self.bar = QProgressBar()
        self.bar.setObjectName("searchIndexProgress")
        self.bar.setMaximumWidth(180)
        self.bar.hide()

    def _build_actions(self) -> None:
        self.act_find = self._action("searchFind", self.focus_box, key_sequences(["Find"]))
        self.act_next = self._action(
            "searchNext", lambda: self.step(1), key_sequences(["FindNext", "F3"])
        )
        self.act_prev = self._action(
            "searchPrevious", lambda: self.step(-1), key_sequences(["FindPrevious", "Shift+F3"])
        )
        self.act_clear = self._action("searchClear", self.clear, [QKeySequence("Esc")])
        self.act_clear.setEnabled(False)

    def _action(
        self, name: str, slot: Callable[[], None], shortcuts: list[QKeySequence]
    ) -> QAction:
        act = QAction(self)
        act.setObjectName(name)
        act.setShortcuts(shortcuts)
        act.triggered.connect(slot)
        return act

    def attach(self, window: WindowApi) -> None:
        """The one place that reaches into the window: places the widgets and actions, listens
        to the page and the place, and joins the window's parts (retranslated, shut down)."""
        self.setParent(cast(QObject, window))  # a QMainWindow: lives as long as the window
        self._window = window
        self._show_status: Callable[[str, int], None] = window.show_status
        window.toolbar.addSeparator()
        window.toolbar.addWidget(self.box)
        window.add_dock(self.dock)
        self.dock.hide()
        window.statusBar().addPermanentWidget(self.bar)
        go = window.menu("go")
        go.addSeparator()
        for act in (self.act_find, self.act_next, self.act_prev):
            go.addAction(act)
        window.menu("view").addAction(self.dock.toggleViewAction())
        for act in (self.act_find, self.act_next, self.act_prev, self.act_clear):
            window.add_action(act)
        self.highlights = PageHighlights(window.view, self._show_status)
        window.view.textChanged.connect(self.clear_highlights)
        window.locationChanged.connect(self._location_changed)
        window.courseReplaced.connect(self.reindex)
        window.add_part(self)

    def _reader(self) -> ReaderApi:
        """The course being read."""
        return self._window.reader

    def _connect(self) -> None:
        self.timer.timeout.connect(self.run_query)
        self.start_timer.timeout.connect(self.start_indexing)
        self.builder.progressed.connect(self._progress)
        self.builder.finished.connect(self._built)
        self.builder.failed.connect(self._build_failed)
        self.builder.warned.connect(lambda text: self._show_status(text, 15000))
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self.open_selected)
        self.box.downPressed.connect(self._focus_results)
        self.dock.all_languages.toggled.connect(lambda _on: self.run_query())
        self.dock.languageChanged.connect(self.retranslate_ui)
        self.results.itemActivated.connect(self._item_opened)
        self.results.itemClicked.connect(self._item_opened)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def retranslate_ui(self) -> None:
        texts = {
            # (set_action_texts adds each action's shortcut to its tip)
            self.act_find: (_("&Search…"), _("Search the course")),
            self.act_next: (_("Next &match"), _("Go to the next match in the text")),
            self.act_prev: (_("Previous m&atch"), _("Go to the previous match in the text")),
            self.act_clear: (_("Clear the search"), _("Clear the search and highlights")),
        }
        set_action_texts(texts)
        self.box.setPlaceholderText(_("Search the course"))
        self.box.setToolTip(_("Search the course (Ctrl+F)"))
        self.box.setAccessibleName(_("Search the course"))
        self.dock.setWindowTitle(_("Search results"))
        self.dock.all_languages.setText(_("All languages"))
        self.dock.all_languages.setToolTip(_("Search the course in every language at once"))
        self.results.setAccessibleName(_("Search results"))
        self.bar.setAccessibleName(_("Search index progress"))
        self._show_hits(self.hits)

    # ------------------------------------------------------------ the index

    def start_indexing_after(self, ms: int) -> None:
        """Index in ``ms`` milliseconds (once the first page is up), or at the first search."""
        self.start_timer.start(max(0, ms))

    def start_indexing(self) -> None:
        """Bring the index up to date off the UI thread; ``indexReady`` says when it is."""
        if self.builder.start(self._reader().course):
            self.bar.setRange(0, 0)
            self.bar.show()
            self._update_state()

    def reindex(self) -> None:
        """The course was read again (editor mode, a content update): index what changed."""
        if self.builder.rebuild(self._reader().course):
            self.bar.setRange(0, 0)
            self.bar.show()
            self._update_state()

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.bar.setFormat(
            _("Search index {percent}%").format(percent=round(100 * done / total) if total else 0)
        )
        self.bar.setTextVisible(True)
        self._update_state()

    def _built(self, stats: UpdateStats | None) -> None:
        self.bar.hide()
        if stats is None:  # cancelled
            return
        if stats.reindexed:
            self._show_status(_("The search index is ready."), 5000)
        self._asked = None
        self.run_query()
        self.indexReady.emit(stats)

    def _build_failed(self, _message: str) -> None:
        self.bar.hide()
        self._update_state()
        self.indexReady.emit(None)

    def shutdown(self) -> None:
        """Stop a running build and close the index (the window is closing)."""
        self.builder.stop()
        self.index.close()

    # ------------------------------------------------------------ queries

    def focus_box(self) -> None:
        self.start_indexing()
        self.dock.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _typed(self, text: str) -> None:
        self.start_indexing()
        self.act_clear.setEnabled(bool(text) or bool(self.highlights.matches))
        if text.strip():
            self.dock.show()
        self.timer.start()

    def _scope(self) -> Scope:
        reader = self._reader()
        langs = None if self.dock.all_languages.isChecked() else (reader.content_language,)
        return self.box.text(), langs, bool(reader.trainer)

    def run_query(self) -> None:
        """Search now (the debounce timer calls this); shows results or what to try."""
        self.timer.stop()
        asked = self._scope()
        if asked == self._asked:
            return
        self._asked = asked
        text, langs, trainer = asked
        glossary = glossary_for(self._reader().course.root) if langs is None else None
        hits = self.index.search(
            text, langs, trainer=trainer, limit=RESULT_LIMIT, prefix_last=True, glossary=glossary
        )
        self._show_hits(hits)
        self.resultsShown.emit(len(hits))

    def _location_changed(self, _module: str, _section: str) -> None:
        """A trainer-mode or content-language switch re-renders the page: search again."""
        if self.box.text().strip() and self._scope() != self._asked:
            self.timer.start()

    def _show_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.results.show_hits(hits, self.dock.all_languages.isChecked())
        self._update_state()

    def _update_state(self) -> None:
        builder = self.builder
        building = builder.progress if builder.building else None
        text = self.box.text().strip()
        self.dock.state.setText(state_message(text, len(self.hits), builder.error, building))

    # ------------------------------------------------------------ opening results

    def _focus_results(self) -> None:
        items = self.results.hit_items()
        if items:
            self.results.setCurrentItem(items[0])
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_selected(self) -> None:
        """Enter in the box: open the selected result, else the best one."""
        self.run_query()
        item = self.results.currentItem()
        hit = item.data(0, HIT_ROLE) if item is not None else None
        if hit is None and self.hits:
            hit = self.hits[0]
        if hit is not None:
            self.open_hit(hit)

    def _item_opened(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.open_hit(hit)

    def open_hit(self, hit: Hit) -> None:
        """Show the hit's section in its language, with the matched words highlighted."""
        reader = self._reader()
        if hit.lang != reader.content_language:
            reader.set_content_language(hit.lang)
        reader.navigate(Location(hit.module, hit.section))
        self.highlight(self.box.text(), hit.lang, hit.section)

    # ------------------------------------------------------------ highlights

    def highlight(self, query: str, lang: str, section: str = "") -> int:
        """Mark every match of ``query`` in the shown page; the current one is the first
        in ``section``. Returns the number of matches."""
        count = self.highlights.show(query, lang, section)
        self.act_clear.setEnabled(True)
        return count

    def step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous match, wrapping round; with no highlights,
        open the first result."""
        if self.highlights.matches:
            self.highlights.step(direction)
        elif self.hits:
            self.open_selected()

    def clear_highlights(self) -> None:
        self.highlights.clear()
        self.act_clear.setEnabled(bool(self.box.text()))

    def clear(self) -> None:
        """Esc: empty the box, the results and the highlights; back to the text."""
        self.timer.stop()
        self.box.clear()
        self.clear_highlights()
        self._asked = None
        self._show_hits([])
        self.act_clear.setEnabled(False)
        self.highlights.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
