"""On a small screen the page keeps room to be read, with search open and after it closes."""

from PySide6.QtWidgets import QDockWidget, QLabel

from courseware_app.ui.reading_room import MIN_READING_WIDTH


def open_dock(w, qtbot):
    dock = QDockWidget("Results", w)
    dock.setObjectName("testDock")
    label = QLabel("a list of results " * 5)
    label.setWordWrap(True)
    dock.setWidget(label)
    w.add_dock(dock)
    dock.show()
    return dock


def test_at_1024_the_page_keeps_its_width_with_a_dock_open(make_window, qtbot):
    w = make_window()
    w.showNormal()
    w.resize(1024, 768)
    dock = open_dock(w, qtbot)
    qtbot.waitUntil(lambda: w.view.width() >= MIN_READING_WIDTH)
    assert dock.width() <= 360
    dock.hide()
    qtbot.waitUntil(lambda: w.outline.isVisible() and w.outline.width() >= 300)
    qtbot.waitUntil(lambda: w.view.width() >= MIN_READING_WIDTH)


def test_a_narrow_window_puts_the_outline_aside_then_brings_it_back(make_window, qtbot):
    w = make_window()
    w.showNormal()
    w.resize(700, 600)
    qtbot.waitUntil(lambda: not w.outline.isVisible() and w.view.width() >= MIN_READING_WIDTH)
    w.resize(1200, 700)
    qtbot.waitUntil(lambda: w.outline.isVisible() and w.view.width() >= MIN_READING_WIDTH)


def test_the_outline_width_the_reader_chose_comes_back(make_window, qtbot):
    w = make_window()
    w.showNormal()
    w.resize(1300, 700)
    qtbot.waitUntil(lambda: w.outline.isVisible())
    w.splitter.moveSplitter(420, 1)
    qtbot.waitUntil(lambda: abs(w.outline.width() - 420) < 8)
    w.resize(800, 700)
    qtbot.waitUntil(lambda: w.outline.width() < 420 or not w.outline.isVisible())
    w.resize(1300, 700)
    qtbot.waitUntil(lambda: abs(w.outline.width() - 420) < 8)
