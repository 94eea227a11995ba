"""Comfort of the window: geometry fitted to the screen, full screen, focus mode, the outline's
versions, and Help (every shortcut, first steps) in the interface language."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from courseware_app.core import i18n
from courseware_app.core.languages import LANGUAGES
from courseware_app.ui.geometry import fitted
from courseware_app.ui.help import (
    FirstStepsDialog,
    ShortcutsDialog,
    first_steps_file,
    shortcut_rows,
)
from courseware_app.ui.settings import Settings


def test_a_saved_window_is_moved_and_shrunk_onto_the_screen():
    screen = QRect(0, 0, 1024, 768)
    assert fitted(QRect(900, 700, 1366, 768), screen) == QRect(0, 0, 1024, 768)
    assert fitted(QRect(-300, 50, 800, 600), screen) == QRect(0, 50, 800, 600)
    assert fitted(QRect(10, 10, 900, 600), screen) == QRect(10, 10, 900, 600)  # already fits


def test_a_tiny_saved_window_is_not_kept():
    assert fitted(QRect(0, 0, 567, 295), QRect(0, 0, 1024, 768)) is None


def test_a_window_saved_on_a_larger_screen_opens_inside_this_one(make_window, tmp_path):
    settings = tmp_path / "settings.ini"
    w = make_window(settings_path=settings)
    w.showNormal()
    w.setGeometry(QRect(2000, 1500, 2600, 1600))  # as on a 4K screen or a projector
    w.close()
    again = make_window(settings_path=settings)
    available = again.screen().availableGeometry()
    assert available.contains(again.frameGeometry()) or again.isMaximized()


def test_a_tiny_saved_window_opens_at_the_default_size(make_window, tmp_path):
    settings = tmp_path / "settings.ini"
    w = make_window(settings_path=settings)
    w.showNormal()
    w.setGeometry(QRect(0, 0, 567, 295))
    w.close()
    again = make_window(settings_path=settings)
    assert again.isMaximized() or again.width() > 567 and again.height() > 295


def test_full_screen_and_back(make_window, qtbot):
    w = make_window()
    w.actions_["fullScreen"].trigger()
    qtbot.waitUntil(w.isFullScreen)
    w.actions_["fullScreen"].trigger()
    qtbot.waitUntil(lambda: not w.isFullScreen())
    assert w.actions_["fullScreen"].shortcuts()  # F11


def test_focus_mode_leaves_only_the_text(make_window):
    w = make_window()
    w.actions_["focusMode"].trigger()
    assert not w.outline.isVisible() and not w.toolbar.isVisible() and w.view.isVisible()
    w.actions_["focusMode"].trigger()
    assert w.outline.isVisible() and w.toolbar.isVisible()


def test_versions_are_a_view_option_and_always_a_tooltip(make_window, tmp_path):
    settings = tmp_path / "settings.ini"
    w = make_window(settings_path=settings)
    alpha = w.outline.item_for("alpha")
    version = w.reader.course.modules["alpha"].version
    assert alpha.text(1) == "" and version in alpha.toolTip(0)
    w.actions_["showVersions"].trigger()
    assert alpha.text(1) == version
    w.close()
    assert Settings(settings).load().show_versions
    again = make_window(settings_path=settings)
    assert again.outline.item_for("alpha").text(1) == version


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_lists_every_shortcut_from_the_actions_in_the_interface_language(
    make_window, languages, lang, qtbot
):
    languages.switch(lang)
    w = make_window()
    rows = dict(shortcut_rows(w))
    for action_id in ("nextSection", "trainerMode", "takeQuiz", "zoomIn", "fullScreen", "quit"):
        action = w.actions_[action_id]
        label = action.text().replace("&", "").rstrip("…").strip()
        assert label in rows, (action_id, sorted(rows))
        assert (
            action.shortcut().toString(action.shortcut().SequenceFormat.NativeText) in rows[label]
        )
    assert i18n._("&Next section").replace("&", "") in rows  # the catalog's words, not English
    dialog = ShortcutsDialog(w)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows) >= 15
    assert dialog.windowTitle() == i18n._("Keyboard shortcuts")


def test_help_is_on_f1(make_window):
    w = make_window()
    keys = [k.toString() for k in w.actions_["shortcuts"].shortcuts()]
    assert "F1" in keys


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_steps_exist_in_every_language(make_window, languages, lang, qtbot):
    languages.switch(lang)
    page = first_steps_file()
    assert page.name == f"first-steps.{lang}.md"
    w = make_window()
    dialog = FirstStepsDialog(w)
    qtbot.addWidget(dialog)
    first_line = page.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
    assert first_line in dialog.text.toPlainText()
    assert "F1" in dialog.text.toPlainText()


@pytest.fixture
def languages(qapp):
    from courseware_app.ui.retranslate import LanguageController

    controller = LanguageController(qapp, None)
    yield controller
    controller.switch("en")
    QApplication.processEvents()
