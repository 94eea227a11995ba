"""The search widgets: the query box, the results dock and its tree of rich rows."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.i18n import _, ngettext
from courseware_app.core.render import language_name
from courseware_app.core.search import Hit, group_by_module
from courseware_app.ui.themes import current

HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def rich(fragment: str) -> str:
    """Core's <mark> as something QTextDocument draws (it knows no <mark>)."""
    mark = current().mark
    style = f'<span style="background-color: {mark.bg}; color: {mark.fg};">'
    return fragment.replace("<mark>", style).replace("</mark>", "</span>")


def _strip(fragment: str) -> str:
    return fragment.replace("<mark>", "").replace("</mark>", "")


def hit_html(hit: Hit, all_langs: bool) -> str:
    """A result row: the title in bold (with its language when several are shown), the snippet."""
    title = rich(hit.title_html or html.escape(hit.title))
    lang = f" <small>· {html.escape(language_name(hit.lang))}</small>" if all_langs else ""
    label = ""
    if hit.where == "notes":
        label = "<i>" + html.escape(_("Trainer notes:")) + "</i> "
    return f"<b>{title}</b>{lang}<br>{label}{rich(hit.snippet)}"


def state_message(query: str, found: int, error: str, building: tuple[int, int] | None) -> str:
    """The line above the results: what to type, what to try, or how many were found;
    ``building`` is (done, total) while the index is still being built."""
    if error:
        message = _("The search index could not be built: {error}").format(error=error)
    elif not query:
        message = _(
            "Type a word or two to search the course. Put a phrase in quotes "
            "(\u201crisk profile\u201d), end a word with * to find every word that starts "
            "with it (declar*). Accents and word endings do not matter."
        )
    elif not found:
        message = _(
            "No section matches \u201c{query}\u201d. Try fewer words, check the spelling, "
            "end a word with *, or tick \u201cAll languages\u201d."
        ).format(query=query)
    else:
        message = ngettext("{count} section found.", "{count} sections found.", found).format(
            count=found
        )
    if building is not None:
        done, total = building
        percent = round(100 * done / total) if total else 0
        message += " " + _(
            "The search index is still being built ({percent}%): results may be incomplete."
        ).format(percent=percent)
    return message


class HtmlDelegate(QStyledItemDelegate):
    """Paints items whose HTML_ROLE holds rich text (a title and a marked snippet)."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument | None:
        text = index.data(HTML_ROLE)
        if not text:
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(text)
        width = option.rect.width()
        view = option.widget
        if width <= 0 and isinstance(view, QTreeView):
            width = view.viewport().width() - view.indentation() * 2
        doc.setTextWidth(max(120, width))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        rect = opt.rect
        if opt.state & QStyle.StateFlag.State_Selected:
            colour = opt.palette.color(QPalette.ColorRole.HighlightedText)
            context.palette.setColor(QPalette.ColorRole.Text, colour)
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 - Qt override
        doc = self._document(option, index)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class ResultsTree(QTreeWidget):
    """Modules, each with its matching sections; re-lays out rich rows on resize."""

    def __init__(self, parent: QWidget | None = None):
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
        """The result rows (the sections), module by module."""
        items: list[QTreeWidgetItem] = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            children = [top.child(j) for j in range(top.childCount())] if top else []
            items.extend(child for child in children if child is not None)
        return items

    def show_hits(self, hits: list[Hit], all_langs: bool) -> None:
        """The hits grouped by module, best first, every group open."""
        self.clear()
        for module, group in group_by_module(hits):
            parent = QTreeWidgetItem(self)
            parent.setText(0, f"{group[0].module_title} ({len(group)})")
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            for hit in group:
                child = QTreeWidgetItem(parent)
                child.setData(0, HIT_ROLE, hit)
                child.setData(0, HTML_ROLE, hit_html(hit, all_langs))
                child.setText(0, f"{hit.title} — {html.unescape(_strip(hit.snippet))}")
                child.setToolTip(0, f"{module} #{hit.section}" if hit.section else module)
        self.expandAll()


class SearchBox(QLineEdit):
    """The query field: Down moves to the results."""

    downPressed = Signal()  # noqa: N815 - Qt signal naming

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class SearchDock(QDockWidget):
    """The results dock: a state line, the all-languages switch and the results."""

    languageChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None):
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.languageChanged.emit()
        super().changeEvent(event)
