"""The glossary's part of the main window: Tools › Glossary (Ctrl+Shift+G) and View › Glossary
terms on the page (the first use of each term in a section marked, with a tooltip that names it
in the other languages). The window is imported when first opened, never at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from courseware_app.core.glossary import Glossary, glossary_for
from courseware_app.core.i18n import _
from courseware_app.ui.actions import set_action_texts

if TYPE_CHECKING:
    from courseware_app.ui.glossary_window import GlossaryWindow
    from courseware_app.ui.window_api import WindowApi

SHORTCUT = "Ctrl+Shift+G"


class GlossaryPart(QObject):
    def __init__(self, window: WindowApi) -> None:
        super().__init__()
        self.window = window
        self.glossary_window: GlossaryWindow | None = None
        self.open_glossary = QAction(self)
        self.open_glossary.setObjectName("glossary")
        self.open_glossary.setShortcut(QKeySequence(SHORTCUT))
        self.open_glossary.triggered.connect(self.show_glossary)
        self.marks = QAction(self)
        self.marks.setObjectName("glossaryTerms")
        self.marks.setCheckable(True)
        self.marks.setChecked(window.reader.glossary_terms)
        self.marks.toggled.connect(window.reader.set_glossary_terms)
        window.menu("view").addAction(self.marks)
        window.menu("tools").addAction(self.open_glossary)
        for action in (self.open_glossary, self.marks):
            window.add_action(action)
        window.add_part(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        set_action_texts(
            {
                self.open_glossary: (
                    _("&Glossary…"),
                    _("The curriculum's terms in English, Russian and French"),
                ),
                self.marks: (
                    _("&Glossary terms on the page"),
                    _(
                        "Mark the first use of each glossary term in a section, with its translations"
                    ),
                ),
            }
        )
        if self.glossary_window is not None:
            self.glossary_window.retranslate_ui()

    def glossary(self) -> Glossary:
        return glossary_for(self.window.reader.course.root)

    def show_glossary(self) -> None:
        if self.glossary_window is None:
            from courseware_app.ui.glossary_window import GlossaryWindow

            self.glossary_window = GlossaryWindow(self.glossary)
        self.glossary_window.refill()  # the content may have changed since
        self.glossary_window.show()
        self.glossary_window.activateWindow()
        self.glossary_window.focus_search()

    def shutdown(self) -> None:
        if self.glossary_window is not None:
            self.glossary_window.close()


def install_glossary(window: WindowApi) -> GlossaryPart:
    """Add Tools › Glossary and View › Glossary terms on the page to ``window``."""
    return GlossaryPart(window)
