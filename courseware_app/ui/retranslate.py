"""Live language switching: our gettext catalog plus Qt's own qtbase translations."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from courseware_app.core import i18n

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

log = logging.getLogger(__name__)
INSTALLED: list[QTranslator] = []  # Qt's translators installed now (see LanguageController)
REGION_LOCALES = ("kk", "ky", "uz", "tg", "tk", "az", "hy", "ka", "be", "uk")


def suggested_language(locale_name: str | None = None) -> str:
    """The system locale if it is ours; Russian for the region's other locales; else English."""
    name = (locale_name or QLocale.system().name()).lower()
    code = name.split("_")[0].split("-")[0]
    if code in i18n.UI_LANGUAGES:
        return code
    if code in REGION_LOCALES:
        return "ru"
    return "en"


class LanguageController:
    """Switches the UI language for the whole application at once."""

    def __init__(self, app: QApplication, cache: Path | None = None):
        self.app = app
        self.cache = cache
        # Qt's translators are the application's, whichever controller installed them: one
        # list for all, so that a switch never leaves another language's translator behind
        self.qt_translators = INSTALLED

    def switch(self, lang: str) -> None:
        i18n.set_language(lang, cache=self.cache)
        QLocale.setDefault(QLocale(lang))
        for old in self.qt_translators:
            self.app.removeTranslator(old)
        self.qt_translators.clear()
        if lang != "en":
            from PySide6.QtCore import QLibraryInfo, QTranslator

            from courseware_app.ui.qt_supplement import SupplementTranslator

            translator = QTranslator(self.app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if translator.load(f"qtbase_{lang}", folder):
                self.qt_translators.append(translator)
            else:
                log.warning("Qt's own %s translations not found in %s", lang, folder)
            self.qt_translators.append(SupplementTranslator(lang, self.app))
            for installed in self.qt_translators:
                self.app.installTranslator(installed)
