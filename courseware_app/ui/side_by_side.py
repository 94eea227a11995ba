"""Two languages of one module side by side: a read-only second pane beside the reader's page,
scrolled section by section with it, and both marked where their structure differs."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDockWidget, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from courseware_app.core.history import Location
from courseware_app.core.i18n import _, current_language
from courseware_app.core.languages import native_name
from courseware_app.core.parity import aligned_section, mark_page, marks_for
from courseware_app.core.render import language_name, module_page
from courseware_app.core.themes import Theme, page_css
from courseware_app.ui import themes
from courseware_app.ui.module_view import ModuleView

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QCloseEvent

    from courseware_app.core.course import Course, Module
    from courseware_app.ui.window_api import WindowApi


class _Shown(NamedTuple):
    """What the second pane shows: it is drawn again when any of it changes."""

    module: str
    first: str  # the reader's content language
    second: str
    trainer: bool
    theme: Theme
    ui_lang: str
    key_points: bool
    glossary: bool


class SideBySide(QDockWidget):
    """The second pane, its language and the marks; ``active`` while View › Side by side is on."""

    closed = Signal()  # the person closed the panel

    def __init__(self, window: WindowApi) -> None:
        super().__init__()
        self.setObjectName("sideBySide")
        self.main = window
        self.active = False
        self._shown: _Shown | None = None
        self._syncing = False  # the second pane is moving the reader's page
        self.pane = ModuleView(window.reader.course.root, self)
        self.pane.setObjectName("sideBySideView")
        self.language = QComboBox(self)
        self.language.setObjectName("sideBySideLanguage")
        for lang in self.course.languages:
            self.language.addItem(native_name(lang), lang)
        self.label = QLabel(self)
        self.label.setBuddy(self.language)
        self.setWidget(self._body())
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.pane.sectionChanged.connect(self._lead)
        self.pane.anchorClicked.connect(self._follow_link)
        window.locationChanged.connect(self._follow)
        self.retranslate_ui()

    def _body(self) -> QWidget:
        body = QWidget(self)
        row = QHBoxLayout()
        row.addWidget(self.label)
        row.addWidget(self.language, 1)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.pane, 1)
        return body

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Side by side"))
        self.label.setText(_("&Second language:"))
        self.language.setToolTip(_("The language shown beside the page"))
        self.pane.setAccessibleName(_("The page in the second language"))
        if self.active:
            self.show_place()  # the marks are sentences in the interface's language

    # ------------------------------------------------------------ state

    @property
    def course(self) -> Course:
        """The reader's course (editor mode loads it again when a file is saved)."""
        return self.main.reader.course

    @property
    def first_language(self) -> str:
        return self.main.reader.content_language

    @property
    def second_language(self) -> str:
        return str(self.language.currentData())

    def set_second_language(self, lang: str) -> None:
        index = self.language.findData(lang)
        if index >= 0:
            self.language.setCurrentIndex(index)

    def choose_other_language(self) -> None:
        """A second language other than the reader's: the source language, else the first."""
        first = self.first_language
        if self.second_language != first:
            return
        others = [lang for lang in self.course.languages if lang != first]
        if others:
            source = self.course.source_language
            self.set_second_language(source if source in others else others[0])

    def set_active(self, on: bool) -> None:
        self.active = on
        self.setVisible(on)
        if on:
            self.choose_other_language()
            self._shown = None
            self.show_place()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        super().closeEvent(event)
        self.closed.emit()

    # ------------------------------------------------------------ the two pages

    def decorate(self, page: str, module_id: str) -> str:
        """The reader's page with its marks, while side by side is on."""
        module = self.course.modules.get(module_id)
        if not self.active or module is None:
            return page
        first, second = self.first_language, self.second_language
        marks = marks_for(module, first, second, self.main.reader.trainer)
        return mark_page(page, marks, language_name(second))

    def show_place(self) -> None:
        loc = self.main.reader.location
        if loc is not None:
            self._follow(loc.module, loc.section)

    def _follow(self, module_id: str, section: str) -> None:
        """The reader moved: show the same module and bring the same section to the top."""
        module = self.course.modules.get(module_id)
        if not self.active or self._syncing or module is None:
            return
        self._show(module)
        self.pane.go_to(aligned_section(module, self.first_language, self.second_language, section))

    def _show(self, module: Module) -> None:
        reader = self.main.reader
        shown = _Shown(
            module.id,
            self.first_language,
            self.second_language,
            reader.trainer,
            themes.current(),
            current_language(),
            reader.key_points,
            reader.glossary_terms,
        )
        font = self.main.view.font()
        if self.pane.font() != font:
            self.pane.set_text_font(font, 1.0)
        if shown == self._shown:
            return
        self._shown = shown
        page, rendered = module_page(
            self.course,
            module.id,
            shown.second,
            shown.trainer,
            None,
            shown.key_points,
            shown.glossary,
        )
        marks = marks_for(module, shown.second, shown.first, shown.trainer)
        self.pane.document().setDefaultStyleSheet(page_css(shown.theme))
        sections = [sid for sid, _title in rendered.toc] if rendered else []
        self.pane.show_page(mark_page(page, marks, language_name(shown.first)), sections)

    def _lead(self, section: str) -> None:
        """The second pane was scrolled to ``section``: bring its counterpart to the top of the
        reader's page (the reader records the place as its own)."""
        loc = self.main.reader.location
        module = self.course.modules.get(loc.module) if loc else None
        if module is None:
            return
        target = aligned_section(module, self.second_language, self.first_language, section)
        view = self.main.view
        self._syncing = True
        try:
            if target:
                view.scrollToAnchor(target)
            else:
                view.verticalScrollBar().setValue(0)
        finally:
            self._syncing = False

    def _language_chosen(self, _index: int) -> None:
        if self.active:
            self.show_place()
            self.main.reader.redraw()  # the reader's marks compare with another language

    def _follow_link(self, url: QUrl) -> None:
        """A link to a module or section opens it in the reader (and so here too)."""
        if url.scheme() == "module":
            self.main.reader.navigate(Location(url.path(), url.fragment()))
