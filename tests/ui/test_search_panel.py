"""Search in the window, driven from the keyboard and mouse: type, open, step, clear."""

import gc
import threading

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from courseware_app.core import i18n
from courseware_app.core import search as core_search
from courseware_app.core.history import Location
from courseware_app.ui.search import HIT_ROLE, SearchController, install_search
from tests.conftest import ROOT

SEARCH_CONTENT = ROOT / "tests" / "data" / "search"


@pytest.fixture
def searching(make_window, qtbot, tmp_path):
    """A window over the search test course with search installed and its index built."""
    controllers = []

    def make(trainer=False, debounce=20, index=None):
        w = make_window(content=SEARCH_CONTENT, trainer=trainer)
        c = install_search(w, index or tmp_path / "index.sqlite", start_delay_ms=0)
        controllers.append(c)
        with qtbot.waitSignal(c.indexReady, timeout=20000) as ready:
            pass
        c.stats = ready.args[0]
        c.timer.setInterval(debounce)
        return w, c

    yield make
    for c in controllers:
        c.shutdown()


def type_text(widget, text):
    """Key presses carrying each character (QTest's keyClicks knows ASCII only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def type_query(qtbot, c, text):
    c.box.setFocus()
    with qtbot.waitSignal(c.resultsShown, timeout=5000):
        type_text(c.box, text)


def hits_shown(c):
    return [item.data(0, HIT_ROLE) for item in c.results.hit_items()]


def current_match_text(w, c):
    cursor = c.highlights.matches[c.highlights.current].cursor
    return cursor.selectedText()


def test_ctrl_f_focuses_the_search_box(searching, qtbot):
    w, c = searching()
    assert not c.dock.isVisible()
    w.view.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(c.box.hasFocus)
    assert c.dock.isVisible()
    assert "Type a word" in c.dock.state.text()


def test_results_appear_as_you_type_and_enter_opens_with_highlights(searching, qtbot):
    w, c = searching()
    w.reader.set_content_language("ru")
    type_query(qtbot, c, "декларации")
    hits = hits_shown(c)
    assert hits and all(h.lang == "ru" for h in hits)
    assert {h.section for h in hits} >= {"declarations", "filing"}
    assert hits[0].section == "declarations"  # the title match first
    assert "3 sections found" in c.dock.state.text()
    qtbot.keyClick(c.box, Qt.Key.Key_Return)
    assert w.reader.location == Location("declarations", "declarations")
    assert len(c.highlights.matches) >= 4 and w.view.extraSelections()
    assert current_match_text(w, c) == "декларация"  # in the heading: the section's first match


def test_f3_and_shift_f3_step_through_matches(searching, qtbot):
    w, c = searching()
    type_query(qtbot, c, "declaration")
    c.open_hit(next(h for h in c.hits if h.section == "filing"))
    assert w.reader.location == Location("declarations", "filing")
    count, first = len(c.highlights.matches), c.highlights.current
    assert count >= 5
    qtbot.keyClick(w, Qt.Key.Key_F3)
    assert c.highlights.current == (first + 1) % count
    qtbot.keyClick(w, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert c.highlights.current == first
    for _ in range(count):
        c.step(1)
    assert c.highlights.current == first  # wraps round
    assert w.view.textCursor().position() == c.highlights.matches[first].cursor.selectionStart()


def test_click_on_a_result_opens_it(searching, qtbot):
    w, c = searching()
    type_query(qtbot, c, "released")
    items = c.results.hit_items()
    target = next(i for i in items if i.data(0, HIT_ROLE).section == "why")
    c.results.scrollToItem(target)
    rect = c.results.visualItemRect(target)
    qtbot.mouseClick(c.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.reader.location == Location("release", "why")
    assert current_match_text(w, c) == "released"


def test_down_then_enter_opens_the_selected_result(searching, qtbot):
    w, c = searching()
    type_query(qtbot, c, "release")
    qtbot.keyClick(c.box, Qt.Key.Key_Down)
    assert c.results.hasFocus()
    qtbot.keyClick(c.results, Qt.Key.Key_Down)
    hit = c.results.currentItem().data(0, HIT_ROLE)
    qtbot.keyClick(c.results, Qt.Key.Key_Return)
    assert w.reader.location == Location(hit.module, hit.section)


def test_escape_clears_box_results_and_highlights(searching, qtbot):
    w, c = searching()
    type_query(qtbot, c, "declaration")
    qtbot.keyClick(c.box, Qt.Key.Key_Return)
    assert c.highlights.matches
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert c.box.text() == "" and not c.highlights.matches and not w.view.extraSelections()
    assert c.results.topLevelItemCount() == 0
    assert "Type a word" in c.dock.state.text()


def test_typing_is_debounced(searching, qtbot):
    w, c = searching(debounce=150)
    runs = []
    c.resultsShown.connect(runs.append)
    c.box.setFocus()
    qtbot.keyClicks(c.box, "declaration")
    assert runs == []  # nothing while typing
    qtbot.waitUntil(lambda: len(runs) > 0, timeout=3000)
    assert not c.timer.isActive()  # no search is pending: the one run was the last
    assert len(runs) == 1


def test_no_result_state_says_what_to_try(searching, qtbot):
    w, c = searching()
    type_query(qtbot, c, "zzyzx")
    state = c.dock.state.text()
    assert "No section matches “zzyzx”" in state and "*" in state and "All languages" in state


def test_trainer_notes_only_in_trainer_mode(searching, qtbot):
    w, c = searching()
    type_query(qtbot, c, "saffron")
    assert hits_shown(c) == []
    with qtbot.waitSignal(c.resultsShown, timeout=3000):
        w.reader.set_trainer(True)
    hits = hits_shown(c)
    assert [(h.section, h.where) for h in hits] == [("profiles", "notes")]
    assert "Trainer notes" in c.results.hit_items()[0].data(0, HIT_ROLE + 1)


def test_all_languages_shows_each_language_and_opens_in_it(searching, qtbot):
    w, c = searching()
    c.dock.show()
    c.dock.all_languages.setChecked(True)
    type_query(qtbot, c, "mainlevee")
    hits = hits_shown(c)
    assert hits and {h.lang for h in hits} == {"fr"}
    assert "French" in c.results.hit_items()[0].data(0, HIT_ROLE + 1)
    c.open_hit(hits[0])
    assert w.reader.content_language == "fr"
    assert current_match_text(w, c).lower() == "mainlevée"


def test_as_you_type_the_last_word_is_a_prefix(searching, qtbot):
    w, c = searching()
    type_query(qtbot, c, "declar")
    assert any(h.section == "declarations" for h in hits_shown(c))


def test_index_is_built_off_the_ui_thread_with_progress(searching, qtbot, monkeypatch):
    threads = []
    real = core_search.SearchIndex.update

    def spy(self, course, progress=None):
        threads.append(threading.current_thread())
        return real(self, course, progress)

    monkeypatch.setattr(core_search.SearchIndex, "update", spy)
    w, c = searching()
    assert threads and threads[0] is not threading.main_thread()
    assert c.stats.full and len(c.stats.reindexed) == 6
    assert c.builder.progress == (6, 6)  # progress came back to the UI thread by signal
    assert not c.bar.isVisible() and not c.builder.building


def test_indexing_waits_for_the_first_page_or_the_first_search(make_window, qtbot, tmp_path):
    w = make_window(content=SEARCH_CONTENT)
    c = install_search(w, tmp_path / "index.sqlite", start_delay_ms=60_000)
    QApplication.processEvents()
    assert c.start_timer.isActive() and c.start_timer.remainingTime() > 50_000
    assert not c.builder.started
    with qtbot.waitSignal(c.indexReady, timeout=20000):
        qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    c.shutdown()


def test_second_start_reuses_the_index(searching, tmp_path):
    _w, c = searching(index=tmp_path / "shared.sqlite")
    assert c.stats.reindexed
    _w2, c2 = searching(index=tmp_path / "shared.sqlite")
    assert c2.stats.reindexed == [] and not c2.stats.full


def test_retranslates_on_language_change(searching, monkeypatch):
    w, c = searching()

    class Shouting:
        def gettext(self, message):
            return message.upper()

        def ngettext(self, singular, plural, n):
            return (singular if n == 1 else plural).upper()

    monkeypatch.setitem(i18n._state, "catalog", Shouting())
    QApplication.sendEvent(c.dock, QEvent(QEvent.Type.LanguageChange))
    assert c.box.placeholderText() == "SEARCH THE COURSE"
    assert c.dock.windowTitle() == "SEARCH RESULTS"
    assert c.act_next.text() == "NEXT &MATCH"


def test_actions_are_in_the_go_menu(searching):
    w, c = searching()
    names = [a.objectName() for a in w.menu("go").actions()]
    assert {"searchFind", "searchNext", "searchPrevious"} <= set(names)
    assert "F3" in [s.toString() for s in c.act_next.shortcuts()]


def test_the_window_keeps_search_alive_without_an_attribute_set_on_it(make_window, qtbot, tmp_path):
    w = make_window(content=SEARCH_CONTENT)
    install_search(w, tmp_path / "index.sqlite", start_delay_ms=60_000)  # the result dropped
    gc.collect()
    (c,) = w.findChildren(SearchController)
    assert not hasattr(w, "search_controller")
    with qtbot.waitSignal(c.indexReady, timeout=20000):
        qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert c.dock.isVisible() and c.box.hasFocus()
    c.shutdown()
