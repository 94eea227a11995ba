"""The reader window, driven as a user would: outline, keys, links, languages, restart."""

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from courseware_app.core.history import Location


def text_of(window) -> str:
    return window.view.toPlainText()


def test_opens_first_module(make_window):
    w = make_window()
    assert w.reader.location == Location("alpha", "")
    assert "Alpha module" in text_of(w)
    assert w.windowTitle().startswith("Alpha module")


def test_outline_click_navigates(make_window, qtbot):
    w = make_window()
    item = w.outline.item_for("beta")
    rect = w.outline.visualItemRect(item)
    qtbot.mouseClick(w.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.reader.location.module == "beta"
    assert "Only in English" in text_of(w)


def test_next_previous_section_and_module_by_keyboard(make_window, qtbot):
    w = make_window()
    qtbot.keyClick(w, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert w.reader.location == Location("alpha", "intro")
    qtbot.keyClick(w, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert w.reader.location == Location("alpha", "matrix")
    w.reader.step_section(1)
    w.reader.step_section(1)  # past the last section: next module, first section
    assert w.reader.location == Location("beta", "overview")
    qtbot.keyClick(w, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert w.reader.location == Location("alpha", "quiz")
    qtbot.keyClick(w, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert w.reader.location == Location("beta", "")
    qtbot.keyClick(w, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert w.reader.location == Location("gamma", "")
    assert not w.actions_["nextModule"].isEnabled()


def test_history_back_and_forward(make_window, qtbot):
    w = make_window()
    w.reader.navigate(Location("beta", "data"))
    w.reader.navigate(Location("gamma"))
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.reader.location == Location("beta", "data")
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.reader.location == Location("alpha", "")
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert w.reader.location == Location("beta", "data")


def test_internal_link_to_another_module_section(make_window):
    w = make_window()
    w.view.anchorClicked.emit(QUrl("module:beta#data"))
    assert w.reader.location == Location("beta", "data")
    assert "Beta module" in text_of(w)
    w.view.anchorClicked.emit(QUrl("module:alpha#matrix"))
    assert w.reader.location == Location("alpha", "matrix")
    assert w.view.verticalScrollBar().value() > 0


def test_external_link_asks_first(make_window, monkeypatch):
    w = make_window()
    opened, asked = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No
    )
    w.view.anchorClicked.emit(QUrl("https://www.wcoomd.org"))
    assert asked and opened == []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.view.anchorClicked.emit(QUrl("https://www.wcoomd.org"))
    assert opened == [QUrl("https://www.wcoomd.org")]


def test_trainer_switch_shows_and_hides_notes(make_window, qtbot):
    w = make_window()
    assert "SECRET-TRAINER-TEXT" not in text_of(w)
    qtbot.keyClick(w, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert w.reader.trainer and "SECRET-TRAINER-TEXT" in text_of(w)
    w.actions_["trainerMode"].trigger()
    assert not w.reader.trainer and "SECRET-TRAINER-TEXT" not in text_of(w)


def test_content_language_switch_and_banners(make_window):
    w = make_window()
    w.reader.set_content_language("ru")
    assert "Модуль альфа" in text_of(w)
    assert "not yet available" not in text_of(w)
    w.reader.navigate(Location("beta"))
    assert "not yet available in Russian" in text_of(w)
    w.reader.set_content_language("fr")
    w.reader.navigate(Location("alpha"))
    assert "follows version 1.0.0" in text_of(w)
    outdated = w.outline.item_for("alpha")
    assert "older version" in outdated.toolTip(0)


def test_broken_module_shows_error_page(make_window):
    w = make_window()
    w.reader.navigate(Location("gamma"))
    text = text_of(w)
    assert "could not be loaded" in text and "gamma/en.md:3" in text
    assert w.outline.item_for("gamma").toolTip(0)


def test_images_load_from_the_content_tree_only(make_window):
    w = make_window()
    doc = w.view.document()
    from PySide6.QtGui import QTextDocument

    image = w.view.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("asset:alpha/diagram.svg")
    )
    assert image is not None and not image.isNull() and image.width() > 100
    assert (
        w.view.loadResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl("asset:alpha/../../course.yaml")
        )
        is None
    )
    assert (
        w.view.loadResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl("https://example.com/x.png")
        )
        is None
    )
    assert doc is not None


def test_zoom_keys(make_window, qtbot):
    w = make_window()
    base = w.view.document().defaultFont().pointSizeF()
    qtbot.keyClick(w, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert w.view.document().defaultFont().pointSizeF() > base
    qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert w.view.document().defaultFont().pointSizeF() == base


def test_state_restored_after_restart_but_not_trainer_mode(make_window, tmp_path):
    path = tmp_path / "state.ini"
    w = make_window(settings_path=path, trainer=True)
    w.reader.navigate(Location("beta", "data"))
    w.reader.set_content_language("fr")
    w.zoom(2)
    w.resize(700, 500)
    w.close()
    again = make_window(settings_path=path)
    assert again.reader.location == Location("beta", "data")
    assert again.prefs.content_language == "fr" and again.prefs.zoom == 2
    assert again.width() == 700
    assert not again.reader.trainer and not again.actions_["trainerMode"].isChecked()
    assert "SECRET-TRAINER-TEXT" not in text_of(again)


def test_scrolling_reports_the_section_under_the_top_edge(make_window, qtbot):
    w = make_window()
    w.resize(900, 400)
    w.reader.navigate(Location("alpha", "quiz"))
    quiz_top = w.view.verticalScrollBar().value()
    w.reader.navigate(Location("alpha", "matrix"))
    matrix_top = w.view.verticalScrollBar().value()
    assert matrix_top < quiz_top
    w.view.verticalScrollBar().setValue(matrix_top + 5)
    assert w.reader.location == Location("alpha", "matrix")
    w.view.verticalScrollBar().setValue(matrix_top - 40)
    assert w.reader.location == Location("alpha", "intro")


def test_at_the_end_of_a_page_the_last_section_showing_is_current(make_window):
    """The closing sections of a page are too short to reach the top edge."""
    w = make_window()
    w.resize(900, 400)
    w.reader.navigate(Location("alpha", "intro"))
    bar = w.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert w.reader.location == Location("alpha", "quiz")
    bar.setValue(bar.maximum() - 60)  # no longer at the end: the heading under the top edge
    assert w.reader.location.section != "quiz"


def test_prerendering_fills_the_cache_and_the_disk(make_window, tmp_path, qtbot):
    from courseware_app.core.pagecache import PageCache

    w = make_window()
    pages = w.reader.pages
    pages.disk = PageCache(tmp_path / "pages")
    pages.memory.clear()
    w.reader.prerender()
    qtbot.waitUntil(lambda: {k.module for k in pages.memory} >= {"alpha", "beta", "gamma"})
    pages.tasks.wait()
    # alpha and beta; gamma is an error page, never kept
    assert len(list((tmp_path / "pages").glob("*.json"))) == 2


def test_pages_rendered_across_a_language_switch_are_discarded(make_window, tmp_path):
    from courseware_app.core import i18n
    from courseware_app.ui.pages import _Job

    w = make_window()
    pages = w.reader.pages
    pages.memory.clear()
    key = w.reader.key("beta")
    started = i18n.generation()
    rendered = pages._render_off_thread(key)
    i18n.set_language("ru")
    pages._prerendered(_Job(key, started), rendered)
    assert key not in pages.memory
    i18n.set_language("en")
    pages._prerendered(_Job(w.reader.key("beta"), i18n.generation()), rendered)
    assert w.reader.key("beta") in pages.memory
