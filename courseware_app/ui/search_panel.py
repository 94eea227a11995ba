"""Search in the main window: a box in the toolbar, a results dock, highlights in the text."""

from __future__ import annotations

import html
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QColor,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.history import Location
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.render import language_name
from courseware_app.core.search import (
    Cancelled,
    CompiledQuery,
    Hit,
    SearchIndex,
    group_by_module,
    parse_query,
)
from courseware_app.ui.actions import set_action_texts
from courseware_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
DEBOUNCE_MS = 250
RESULT_LIMIT = 50
HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_STYLE = '<span style="background-color: #ffe58f;">'
MATCH_COLOUR, CURRENT_COLOUR = QColor("#ffe58f"), QColor("#ffa940")


def rich(fragment: str) -> str:
    """Core's <mark> as something QTextDocument draws (it knows no <mark>)."""
    return fragment.replace("<mark>", MARK_STYLE).replace("</mark>", "</span>")


def key_sequences(standard: QKeySequence.StandardKey, *extra: str) -> list[QKeySequence]:
    """The platform's bindings plus ours, without duplicates (which would be ambiguous)."""
    seen, out = set(), []
    for seq in [*QKeySequence.keyBindings(standard), *(QKeySequence(e) for e in extra)]:
        if seq.toString() and seq.toString() not in seen:
            seen.add(seq.toString())
            out.append(seq)
    return out


def utf16_offset(text: str, index: int) -> int:
    """A Python string index as a Qt (UTF-16) position: astral characters count twice."""
    if text.isascii():
        return index
    return index + sum(1 for c in text[:index] if ord(c) > 0xFFFF)


# ---------------------------------------------------------------- widgets


class HtmlDelegate(QStyledItemDelegate):
    """Paints items whose HTML_ROLE holds rich text (a title and a marked snippet)."""

    def _document(self, option, index) -> QTextDocument | None:
        text = index.data(HTML_ROLE)
        if not text:
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(text)
        width = option.rect.width()
        view = option.widget
        if width <= 0 and view is not None:
            width = view.viewport().width() - view.indentation() * 2
        doc.setTextWidth(max(120, width))
        return doc

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            colour = opt.palette.color(QPalette.ColorRole.HighlightedText)
            context.palette.setColor(QPalette.ColorRole.Text, colour)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index):  # noqa: N802 - Qt override
        doc = self._document(option, index)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class ResultsTree(QTreeWidget):
    """Modules, each with its matching sections; re-lays out rich rows on resize."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(HtmlDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.doItemsLayout()

    def hit_items(self) -> list[QTreeWidgetItem]:
        return [
            self.topLevelItem(i).child(j)
            for i in range(self.topLevelItemCount())
            for j in range(self.topLevelItem(i).childCount())
        ]


class SearchBox(QLineEdit):
    """The query field: Down moves to the results."""

    downPressed = Signal()  # noqa: N815 - Qt signal naming

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class SearchDock(QDockWidget):
    """The results dock: a state line, the all-languages switch and the results."""

    languageChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("searchDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.all_languages = QCheckBox(body)
        self.all_languages.setObjectName("searchAllLanguages")
        self.state = QLabel(body)
        self.state.setObjectName("searchState")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.results = ResultsTree(body)
        layout.addWidget(self.all_languages)
        layout.addWidget(self.state)
        layout.addWidget(self.results, 1)
        self.setWidget(body)

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.languageChanged.emit()
        super().changeEvent(event)


# ---------------------------------------------------------------- the controller


class SearchController(QObject):
    """Wires search into a MainWindow through its public API only."""

    indexReady = Signal(object)  # noqa: N815 - core.search.UpdateStats
    resultsShown = Signal(int)  # noqa: N815 - number of hits

    def __init__(self, window, index_path: Path | str):
        super().__init__(window)
        self.window = window
        self.index_path = Path(index_path)
        self.index = SearchIndex(self.index_path)  # the UI thread's own connection
        self.hits: list[Hit] = []
        self.matches: list[QTextEdit.ExtraSelection] = []
        self.current = -1
        self.building = self.started = False
        self.progress = (0, 0)
        self._error = ""
        self._asked: tuple | None = None
        self._cancel = threading.Event()
        self.runner = TaskRunner(self)
        self.runner.done.connect(self._built)
        self.runner.failed.connect(self._build_failed)
        self.relay = _ProgressRelay()
        self.relay.progress.connect(self._progress)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_query)
        self._build_widgets()
        self._build_actions()
        self.retranslate_ui()
        self._connect()

    # ------------------------------------------------------------ building the UI

    def _build_widgets(self) -> None:
        w = self.window
        self.box = SearchBox(w)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(220)
        self.box.setMaximumWidth(420)
        w.toolbar.addSeparator()
        w.toolbar.addWidget(self.box)
        self.dock = SearchDock(w)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.results = self.dock.results
        self.bar = QProgressBar(w)
        self.bar.setObjectName("searchIndexProgress")
        self.bar.setMaximumWidth(180)
        self.bar.hide()
        w.statusBar().addPermanentWidget(self.bar)

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.act_find = self._action("searchFind", self.focus_box, key_sequences(keys.Find))
        self.act_next = self._action(
            "searchNext", lambda: self.step(1), key_sequences(keys.FindNext, "F3")
        )
        self.act_prev = self._action(
            "searchPrevious", lambda: self.step(-1), key_sequences(keys.FindPrevious, "Shift+F3")
        )
        self.act_clear = self._action("searchClear", self.clear, [QKeySequence("Esc")])
        self.act_clear.setEnabled(False)
        menu = self.window.menu_go
        menu.addSeparator()
        for act in (self.act_find, self.act_next, self.act_prev):
            menu.addAction(act)
        self.window.menu_view.addAction(self.dock.toggleViewAction())

    def _action(self, name: str, slot, shortcuts: list[QKeySequence]) -> QAction:
        act = QAction(self.window)
        act.setObjectName(name)
        act.setShortcuts(shortcuts)
        act.triggered.connect(slot)
        self.window.addAction(act)
        return act

    def _connect(self) -> None:
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self.open_selected)
        self.box.downPressed.connect(self._focus_results)
        self.dock.all_languages.toggled.connect(lambda _on: self.run_query())
        self.dock.languageChanged.connect(self.retranslate_ui)
        self.results.itemActivated.connect(self._item_opened)
        self.results.itemClicked.connect(self._item_opened)
        self.window.view.textChanged.connect(self.clear_highlights)
        self.window.locationChanged.connect(self._location_changed)
        self.window.uiLanguageRequested.connect(
            lambda _lang: QTimer.singleShot(0, self.retranslate_ui)
        )
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def retranslate_ui(self) -> None:
        texts = {
            self.act_find: (_("&Search…"), _("Search the course (Ctrl+F)")),
            self.act_next: (_("Next &match"), _("Go to the next match in the text (F3)")),
            self.act_prev: (
                _("Previous m&atch"),
                _("Go to the previous match in the text (Shift+F3)"),
            ),
            self.act_clear: (_("Clear the search"), _("Clear the search and highlights (Esc)")),
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

    def start_indexing(self) -> None:
        """Bring the index up to date off the UI thread; ``indexReady`` says when it is."""
        if self.building or self.started:
            return
        self.started = self.building = True
        self._error = ""
        self._cancel.clear()
        self.progress = (0, 0)
        self.bar.setRange(0, 0)
        self.bar.show()
        path, course, cancel, relay = self.index_path, self.window.course, self._cancel, self.relay

        def build():
            def report(done: int, total: int) -> None:
                if cancel.is_set():
                    raise Cancelled
                relay.progress.emit(done, total)

            try:
                with SearchIndex(path) as index:
                    return index.update(course, progress=report)
            except Cancelled:
                return None

        self.runner.submit("search-index", build)
        self._update_state()

    def _progress(self, done: int, total: int) -> None:
        self.progress = (done, total)
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.bar.setFormat(
            _("Search index {percent}%").format(percent=round(100 * done / total) if total else 0)
        )
        self.bar.setTextVisible(True)
        self._update_state()

    def _built(self, _key, stats) -> None:
        self.building = False
        self.bar.hide()
        if stats is None:  # cancelled
            return
        if stats.reindexed:
            self.window.statusBar().showMessage(_("The search index is ready."), 5000)
        self._asked = None
        self.run_query()
        self.indexReady.emit(stats)

    def _build_failed(self, _key, message: str) -> None:
        self.building = False
        self.bar.hide()
        self._error = message
        self._update_state()
        self.indexReady.emit(None)

    def shutdown(self) -> None:
        """Stop a running build and close the index (the window is closing)."""
        self._cancel.set()
        self.runner.wait()
        self.index.close()

    # ------------------------------------------------------------ queries

    def focus_box(self) -> None:
        self.start_indexing()
        self.dock.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _typed(self, text: str) -> None:
        self.start_indexing()
        self.act_clear.setEnabled(bool(text) or bool(self.matches))
        if text.strip():
            self.dock.show()
        self.timer.start()

    def _scope(self) -> tuple[str, tuple[str, ...] | None, bool]:
        langs = None if self.dock.all_languages.isChecked() else (self.window.content_language,)
        return self.box.text(), langs, bool(self.window.trainer)

    def run_query(self) -> None:
        """Search now (the debounce timer calls this); shows results or what to try."""
        self.timer.stop()
        asked = self._scope()
        if asked == self._asked:
            return
        self._asked = asked
        text, langs, trainer = asked
        hits = self.index.search(text, langs, trainer=trainer, limit=RESULT_LIMIT, prefix_last=True)
        self._show_hits(hits)
        self.resultsShown.emit(len(hits))

    def _location_changed(self, _module: str, _section: str) -> None:
        """A trainer-mode or content-language switch re-renders the page: search again."""
        if self.box.text().strip() and self._scope() != self._asked:
            self.timer.start()

    def _show_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.results.clear()
        all_langs = self.dock.all_languages.isChecked()
        for module, group in group_by_module(hits):
            parent = QTreeWidgetItem(self.results)
            parent.setText(0, f"{group[0].module_title} ({len(group)})")
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            for hit in group:
                child = QTreeWidgetItem(parent)
                child.setData(0, HIT_ROLE, hit)
                child.setData(0, HTML_ROLE, self._hit_html(hit, all_langs))
                child.setText(0, f"{hit.title} — {html.unescape(_strip(hit.snippet))}")
                child.setToolTip(0, f"{module} #{hit.section}" if hit.section else module)
        self.results.expandAll()
        self._update_state()

    def _hit_html(self, hit: Hit, all_langs: bool) -> str:
        title = rich(hit.title_html or html.escape(hit.title))
        lang = f" <small>· {html.escape(language_name(hit.lang))}</small>" if all_langs else ""
        label = ""
        if hit.where == "notes":
            label = "<i>" + html.escape(_("Trainer notes:")) + "</i> "
        return f"<b>{title}</b>{lang}<br>{label}{rich(hit.snippet)}"

    def _update_state(self) -> None:
        """The line above the results: what to type, what to try, or how many were found."""
        text = self.box.text().strip()
        if self._error:
            message = _("The search index could not be built: {error}").format(error=self._error)
        elif not text:
            message = _(
                "Type a word or two to search the course. Put a phrase in quotes "
                "(\u201crisk profile\u201d), end a word with * to find every word that starts "
                "with it (declar*). Accents and word endings do not matter."
            )
        elif not self.hits:
            message = _(
                "No section matches \u201c{query}\u201d. Try fewer words, check the spelling, "
                "end a word with *, or tick \u201cAll languages\u201d."
            ).format(query=text)
        else:
            count = len(self.hits)
            message = ngettext("{count} section found.", "{count} sections found.", count).format(
                count=count
            )
        if self.building:
            done, total = self.progress
            percent = round(100 * done / total) if total else 0
            message += " " + _(
                "The search index is still being built ({percent}%): results may be incomplete."
            ).format(percent=percent)
        self.dock.state.setText(message)

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
        w = self.window
        if hit.lang != w.content_language and hasattr(w, "set_content_language"):
            w.set_content_language(hit.lang)
        w.navigate(Location(hit.module, hit.section))
        self.highlight(self.box.text(), hit.lang, hit.section)

    # ------------------------------------------------------------ highlights

    def highlight(self, query: str, lang: str, section: str = "") -> int:
        """Mark every match of ``query`` in the shown page; the current one is the first
        in ``section``. Returns the number of matches."""
        view = self.window.view
        compiled = CompiledQuery(parse_query(query, prefix_last=True), lang)
        doc = view.document()
        fmt = QTextCharFormat()
        fmt.setBackground(MATCH_COLOUR)
        self.matches = []
        block = doc.begin()
        while block.isValid():
            text = block.text()
            for start, end, _term in compiled.spans(text):
                cursor = QTextCursor(doc)
                cursor.setPosition(block.position() + utf16_offset(text, start))
                cursor.setPosition(
                    block.position() + utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor
                )
                selection = QTextEdit.ExtraSelection()
                selection.cursor, selection.format = cursor, QTextCharFormat(fmt)
                self.matches.append(selection)
            block = block.next()
        anchor = anchor_position(doc, section) if section else 0
        self.current = next(
            (i for i, m in enumerate(self.matches) if m.cursor.selectionStart() >= anchor),
            0 if self.matches else -1,
        )
        self._show_current()
        self.act_clear.setEnabled(True)
        return len(self.matches)

    def step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous match, wrapping round; with no highlights,
        open the first result."""
        if not self.matches:
            if self.hits:
                self.open_selected()
            return
        self.current = (self.current + direction) % len(self.matches)
        self._show_current()

    def _show_current(self) -> None:
        for i, selection in enumerate(self.matches):
            selection.format.setBackground(CURRENT_COLOUR if i == self.current else MATCH_COLOUR)
        view = self.window.view
        view.setExtraSelections(self.matches)
        if 0 <= self.current < len(self.matches):
            cursor = QTextCursor(self.matches[self.current].cursor)
            cursor.setPosition(cursor.selectionStart())  # no selection colour over ours
            view.setTextCursor(cursor)
            view.ensureCursorVisible()
            self.window.statusBar().showMessage(
                _("Match {current} of {count}").format(
                    current=self.current + 1, count=len(self.matches)
                ),
                3000,
            )

    def clear_highlights(self) -> None:
        if self.matches:
            self.matches, self.current = [], -1
            self.window.view.setExtraSelections([])
        self.act_clear.setEnabled(bool(self.box.text()))

    def clear(self) -> None:
        """Esc: empty the box, the results and the highlights; back to the text."""
        self.timer.stop()
        self.box.clear()
        self.clear_highlights()
        self._asked = None
        self._show_hits([])
        self.act_clear.setEnabled(False)
        self.window.view.setFocus(Qt.FocusReason.ShortcutFocusReason)


class _ProgressRelay(QObject):
    """Carries progress from the indexing thread to the UI thread (queued by Qt)."""

    progress = Signal(int, int)


def _strip(fragment: str) -> str:
    return fragment.replace("<mark>", "").replace("</mark>", "")


def anchor_position(doc: QTextDocument, name: str) -> int:
    """The document position of the anchor ``name`` (a section id), or 0."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if name in fragment.charFormat().anchorNames():
                return fragment.position()
            it += 1
        block = block.next()
    return 0


def install_search(window, index_path: Path | str, start_delay_ms: int = 1500) -> SearchController:
    """Add search to ``window`` (a MainWindow); index its course in the background once the
    first page is up (or as soon as the user starts searching)."""
    controller = SearchController(window, index_path)
    window.search_controller = controller  # keep it alive with the window
    QTimer.singleShot(max(0, start_delay_ms), controller.start_indexing)
    return controller
