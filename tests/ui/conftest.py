"""GUI fixtures: a test QApplication identity and main windows over the test content."""

import pytest
from PySide6.QtCore import QStandardPaths

from courseware_app.core.loader import load_course
from tests.conftest import TEST_CONTENT


@pytest.fixture(scope="session", autouse=True)
def _qt_identity(qapp):
    QStandardPaths.setTestModeEnabled(True)
    qapp.setOrganizationName("courseware-tests")
    qapp.setApplicationName("courseware-tests")
    yield


@pytest.fixture
def make_window(qtbot, tmp_path):
    from courseware_app.ui.main_window import MainWindow
    from courseware_app.ui.settings import Settings

    def make(content=TEST_CONTENT, trainer=False, settings_path=None, start=True, languages=None):
        course = load_course(content)
        settings = Settings(settings_path or tmp_path / "settings.ini")
        window = MainWindow(course, settings, trainer=trainer, languages=languages)
        qtbot.addWidget(window)
        window.show()
        window.windowHandle().requestActivate()
        qtbot.waitUntil(window.isActiveWindow)
        if start:
            window.reader.open_start()
        return window

    return make


@pytest.fixture(autouse=True)
def _english_after_each_test(qapp):
    """A test that switches the interface language leaves English behind it (Qt's translators
    are the whole application's)."""
    yield
    from courseware_app.core import i18n
    from courseware_app.ui.retranslate import INSTALLED, LanguageController

    if INSTALLED or i18n.current_language() != "en":
        LanguageController(qapp, None).switch("en")


@pytest.fixture(autouse=True)
def _theme_after_each_test(qapp):
    """A test that chooses a theme leaves the application as it found it: the theme's colours
    are the whole application's (palette, style sheet, ui.themes.current())."""
    from courseware_app.ui import themes

    palette, sheet, theme = qapp.palette(), qapp.styleSheet(), themes.current()
    style = qapp.style().name()
    yield
    if themes.current() is not theme or qapp.styleSheet() != sheet:
        themes._Current.theme = theme
        qapp.setStyleSheet(sheet)
        if qapp.style().name() != style:
            qapp.setStyle(style)
        qapp.setPalette(palette)
