"""The presenter's part of the main window: View › Present (F5) from the section being read, and
View › Two languages on the projector. The windows themselves are imported when F5 is pressed,
never at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence

from courseware_app.core.i18n import _, current_language

if TYPE_CHECKING:
    from courseware_app.ui.present.session import Presenter
    from courseware_app.ui.window_api import WindowApi

GROUP = "presenter"  # the settings file's section for the presenter's choices


class PresenterPart(QObject):
    """The actions, the remembered choices, and the presentation running (if any)."""

    def __init__(self, window: WindowApi, data: Path | None) -> None:
        super().__init__()
        self.window = window
        self.data = data
        ini = QSettings.Format.IniFormat
        self.settings = QSettings(str(data / "settings.ini"), ini) if data else None
        self.presenter: Presenter | None = None
        self.present = QAction(self)
        self.present.setShortcut(QKeySequence("F5"))
        self.present.triggered.connect(self.start)
        self.bilingual = QAction(self)
        self.bilingual.setCheckable(True)
        self.bilingual.setChecked(self._value("bilingual") == "true")
        self.bilingual.toggled.connect(self._bilingual_toggled)
        menu = window.menu("view")
        menu.addSeparator()
        for action in (self.present, self.bilingual):
            menu.addAction(action)
            window.add_action(action)
        window.add_part(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.present.setText(_("&Present"))
        self.present.setToolTip(_("Show this section on the projector, with notes on this screen"))
        self.bilingual.setText(_("T&wo languages on the projector"))

    def shutdown(self) -> None:
        if self.presenter is not None:
            self.presenter.controller.end()

    def start(self) -> None:
        """Present the module being read, from the section being read."""
        location = self.window.reader.location
        if location is None or self.presenter is not None:
            return
        from courseware_app.ui.present.session import PresentOptions, open_presenter

        reader = self.window.reader
        module = reader.course.modules.get(location.module)
        if module is None or reader.content_language not in module.translations:
            return
        options = PresentOptions(
            section=location.section,
            audience_lang=reader.content_language,
            console_lang=current_language(),
            second_lang=self._second_language(reader.content_language),
            theme=self._value("theme") or "dark",
            data_dir=self.data,
        )
        self.presenter = open_presenter(module, options)
        self.presenter.controller.languageChanged.connect(self._remember_second)
        self.presenter.console.darkChanged.connect(
            lambda dark: self._remember("theme", "dark" if dark else "light")
        )
        self.presenter.finished.connect(self._finished)

    def _second_language(self, audience: str) -> str:
        """The second language remembered, when two languages are on."""
        if not self.bilingual.isChecked():
            return ""
        second = self._value("second_lang")
        return second if second and second != audience else ""

    def _bilingual_toggled(self, on: bool) -> None:
        self._remember("bilingual", "true" if on else "false")
        if self.presenter is not None:
            c = self.presenter.controller
            c.set_second_language(self._second_language(c.audience_lang) or None)

    def _remember_second(self) -> None:
        if self.presenter is not None and self.presenter.controller.second_lang:
            self._remember("second_lang", self.presenter.controller.second_lang)
            self.bilingual.setChecked(True)

    def _finished(self) -> None:
        self.presenter = None

    def _value(self, name: str) -> str:
        return str(self.settings.value(f"{GROUP}/{name}", "") or "") if self.settings else ""

    def _remember(self, name: str, value: str) -> None:
        if self.settings is not None:
            self.settings.setValue(f"{GROUP}/{name}", value)
            self.settings.sync()


def install_presenter(window: WindowApi, data: Path | None) -> PresenterPart:
    """Add the presenter's actions to ``window``; ``data`` is the data folder (the sessions'
    records and the presenter's choices are kept there)."""
    return PresenterPart(window, data)
