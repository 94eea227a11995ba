"""Every presenter key does what it says, in both windows; typing keys stay with a console text
field or spin box while it has the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QSpinBox

from courseware_app.ui.present.controller import Blank
from tests.ui.present import test_presenter_helpers as helpers

clock, present = helpers.clock, helpers.present  # the fixtures

K = Qt.Key
NEXT_KEYS = [K.Key_Right, K.Key_Down, K.Key_PageDown, K.Key_Space, K.Key_Return, K.Key_Enter]
PREVIOUS_KEYS = [K.Key_Left, K.Key_Up, K.Key_PageUp, K.Key_Backspace]
WINDOWS = ["audience", "console"]


def press(p, where, key, modifier=Qt.KeyboardModifier.NoModifier):
    from pytestqt.qtbot import QtBot

    QtBot.keyClick(getattr(p, where), key, modifier)


@pytest.mark.parametrize("where", WINDOWS)
@pytest.mark.parametrize("key", NEXT_KEYS)
def test_next_keys(present, where, key):
    p = present()
    press(p, where, key)
    assert p.controller.index == 1


@pytest.mark.parametrize("where", WINDOWS)
@pytest.mark.parametrize("key", PREVIOUS_KEYS)
def test_previous_keys(present, where, key):
    p = present()
    p.controller.go(3)
    press(p, where, key)
    assert p.controller.index == 2


@pytest.mark.parametrize("where", WINDOWS)
def test_home_end_blank_language_zoom_and_end(present, where):
    p = present()
    c = p.controller
    press(p, where, K.Key_End)
    assert c.index == c.count - 1
    press(p, where, K.Key_Home)
    assert c.index == 0
    for key in (K.Key_B, K.Key_Period):
        press(p, where, key)
        assert c.blanked == Blank.BLACK
        press(p, where, key)
        assert c.blanked is None
    press(p, where, K.Key_W)
    assert c.blanked == Blank.WHITE
    press(p, where, K.Key_W)
    assert c.blanked is None
    press(p, where, K.Key_L)
    assert c.audience_lang == "fr"  # ru -> fr in the course's order (en, ru, fr)
    c.go(next(i for i, s in enumerate(c.presentation.steps) if s.image))
    press(p, where, K.Key_Z)
    assert c.zoomed
    press(p, where, K.Key_Z)
    assert not c.zoomed
    press(p, where, K.Key_Escape)
    assert c.finished and not p.audience.isVisible()


@pytest.mark.parametrize("where", WINDOWS)
def test_f5_starts_from_the_beginning_and_shift_f5_resumes(present, where, clock):
    p = present()
    c = p.controller
    c.go(5)
    press(p, where, K.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert c.index == 5
    press(p, where, K.Key_F5)
    assert c.index == 0


@pytest.mark.parametrize("where", WINDOWS)
def test_g_focuses_the_step_number_and_enter_goes_there(present, qtbot, where):
    p = present()
    p.console.activateWindow()
    qtbot.waitUntil(p.console.isActiveWindow)
    press(p, where, K.Key_G)
    qtbot.waitUntil(p.console.goto.hasFocus)
    qtbot.keyClicks(p.console.goto, "7")
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)
    assert p.controller.index == 6


@pytest.mark.parametrize("field", [QLineEdit, QSpinBox])
def test_typing_keys_stay_with_a_focused_console_field(present, qtbot, field):
    p = present()
    c = p.controller
    typed = field()
    p.console.show_panel(typed)
    p.console.activateWindow()
    qtbot.waitUntil(p.console.isActiveWindow)
    typed.setFocus()
    qtbot.waitUntil(typed.hasFocus)
    for key in (K.Key_B, K.Key_W, K.Key_L, K.Key_Z, K.Key_G, K.Key_Space, K.Key_Backspace):
        qtbot.keyClick(typed, key)
    typed.selectAll()
    qtbot.keyClicks(typed, "12")
    qtbot.keyClick(typed, K.Key_Return)
    assert (c.index, c.blanked, c.audience_lang, c.zoomed) == (0, None, "ru", False)
    assert typed.hasFocus() and not c.finished
    assert "12" in (typed.text() if isinstance(typed, QLineEdit) else typed.cleanText())
    qtbot.keyClick(typed, K.Key_PageDown)  # the clicker's key still moves on
    assert c.index == 1
    qtbot.keyClick(typed, K.Key_Escape)  # Esc leaves the field; it does not end the session
    assert not c.finished and not typed.hasFocus()


def test_next_and_previous_drive_a_hosted_quiz_panel(present):
    from PySide6.QtWidgets import QWidget

    class Panel(QWidget):
        moves: list[str] = []

        def next_question(self):
            self.moves.append("next")

        def previous_question(self):
            self.moves.append("previous")

    p = present()
    panel = Panel()
    p.console.show_panel(panel)
    press(p, "audience", K.Key_Right)
    press(p, "console", K.Key_PageUp)
    assert panel.moves == ["next", "previous"] and p.controller.index == 0
