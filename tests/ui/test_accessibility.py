"""Screen-reader basics: every control has a name; the page's text and every action are
reachable without a mouse."""

from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

from courseware_app.core.progress import ProgressStore
from courseware_app.ui.help import FirstStepsDialog, ShortcutsDialog
from courseware_app.ui.profiles_dialog import ProfilesDialog
from courseware_app.ui.progress_ui import install_progress
from courseware_app.ui.results_dialog import ExportDialog, MergeDialog
from courseware_app.ui.search import install_search

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSpinBox,
    QSlider,
)
QT_INTERNALS = ("qt_tableview_cornerbutton",)  # a table's corner button, drawn by Qt


def buddies(top: QWidget) -> set[int]:
    return {id(label.buddy()) for label in top.findChildren(QLabel) if label.buddy() is not None}


def unnamed(top: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name."""
    named_by_label = buddies(top)
    out = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
            continue  # a view's header is announced with its view
        if widget.objectName() in QT_INTERNALS or not widget.isVisibleTo(top):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName() or text.replace("&", "").strip():
            continue
        if id(widget) not in named_by_label:
            out.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return out


def test_every_control_of_the_window_and_its_dialogs_has_a_name(make_window, tmp_path, qtbot):
    w = make_window()
    controller = install_progress(w, ProgressStore.open(tmp_path), tmp_path, pick=False)
    search = install_search(w, tmp_path / "index.sqlite", start_delay_ms=0)
    search.dock.show()
    assert unnamed(w) == []
    w.reader.open_current_quiz()
    quiz = w.reader.quiz_dialog
    assert quiz is not None and unnamed(quiz) == []
    quiz.submit()
    assert unnamed(quiz) == []  # the scored quiz too: feedback, explanations, the answer key
    quiz.close()
    dialogs = [
        controller.dialogs.show_dashboard(),
        ProfilesDialog(controller, w),
        ExportDialog(controller, w),
        MergeDialog(controller, w),
        ShortcutsDialog(w),
        FirstStepsDialog(w),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert unnamed(dialog) == [], type(dialog).__name__
    search.shutdown()
    controller.shutdown()


def test_the_page_text_is_there_for_a_screen_reader(make_window):
    w = make_window()
    interface = QAccessible.queryAccessibleInterface(w.view)
    assert interface is not None and interface.text(QAccessible.Text.Name)  # "Module text"
    text = interface.textInterface()
    assert text is not None
    page = text.text(0, text.characterCount())
    assert "Risk matrix" in page  # a section heading of the page shown, as text


def test_every_action_is_in_a_menu_so_the_keyboard_reaches_it(make_window, tmp_path):
    w = make_window()
    controller = install_progress(w, ProgressStore.open(tmp_path), tmp_path, pick=False)
    in_menus = {id(action) for menu in w.menuBar().findChildren(QMenu) for action in menu.actions()}
    for action in w.actions():
        if isinstance(action, QAction) and action.text() and not action.isSeparator():
            assert id(action) in in_menus or action.objectName() == "searchClear", action.text()
    controller.shutdown()


def test_every_action_names_its_shortcut_in_its_tooltip_once(make_window, tmp_path):
    """A tooltip says the key to press, once (the search actions said "(Ctrl+F) (Ctrl+F)")."""
    from PySide6.QtGui import QAction, QKeySequence

    from courseware_app.ui.glossary_part import install_glossary

    w = make_window()
    install_progress(w, ProgressStore.open(tmp_path), tmp_path, pick=False)
    search = install_search(w, tmp_path / "index.sqlite", start_delay_ms=0)
    install_glossary(w)
    checked = 0
    for action in w.findChildren(QAction) + search.findChildren(QAction):
        keys = action.shortcuts()
        if not keys or not action.toolTip():
            continue
        key = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        assert action.toolTip().count(f"({key})") == 1, action.toolTip()
        checked += 1
    assert checked >= 15
    search.shutdown()
