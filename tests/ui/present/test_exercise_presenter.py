"""The risk-matrix exercise in the presenter: its step shows the grid to the room, the console
places cards live (mouse or keys) on the board the room sees, and Reveal shows the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from courseware_app.core.i18n import translator
from courseware_app.core.loader import load_course
from courseware_app.core.present.steps import StepKind
from courseware_app.ui.present.exercise_panel import ExercisePanel
from courseware_app.ui.present.exercise_view import ExerciseProjection
from courseware_app.ui.present.session import Presenter, PresentOptions
from tests.ui.test_exercise_window import MODEL, exercise_tree


@pytest.fixture
def presenter(qtbot, tmp_path):
    module = load_course(exercise_tree(tmp_path / "content")).modules["m1"]
    shown = Presenter(module, PresentOptions(audience_lang="en"))
    qtbot.addWidget(shown.audience)
    qtbot.addWidget(shown.console)
    shown.start()
    yield shown
    shown.controller.end()


def go_to_exercise(presenter: Presenter) -> int:
    c = presenter.controller
    index = next(i for i, s in enumerate(c.presentation.steps) if s.kind == StepKind.EXERCISE)
    c.go(index)
    return index


def open_panel(presenter: Presenter) -> ExercisePanel:
    go_to_exercise(presenter)
    presenter.console.exercise_button.click()
    panel = presenter.console.panel
    assert isinstance(panel, ExercisePanel)
    return panel


def test_the_exercise_step_shows_the_grid_and_every_card_and_no_model(presenter):
    assert not presenter.console.exercise_button.isVisibleTo(presenter.console)
    go_to_exercise(presenter)
    assert presenter.console.exercise_button.isVisibleTo(presenter.console)
    [board] = presenter.audience.steps.findChildren(ExerciseProjection)
    assert len(board.board.cells) == 25 and not board.revealed
    legend = board.legend.accessibleName()
    assert all(f"Risk {card}" in legend for card in MODEL)
    assert "Placed well" not in legend and "W c-1" not in legend  # no verdict, no why


def test_the_console_places_cards_live_on_the_room_board_and_reveals(qtbot, presenter):
    panel = open_panel(presenter)
    audience = presenter.audience
    view = audience.content.currentWidget()
    assert view is panel.view
    for card, cell in MODEL.items():
        panel.board.dropped(card, cell)
    panel.board.dropped("c-2", (3, 5))
    assert view.board.chips["c-2"].parentWidget() is view.board.cells[(3, 5)]
    panel.reveal_button.click()
    assert view.revealed and view.board.overlay.isVisible()
    assert "4 of 5 cards placed well" in view.legend.accessibleName()
    assert "✘ Not placed well (2 cells away)" in view.legend.accessibleName()
    assert "Why: W c-2." in panel.results.text()  # the justification on the console
    panel.again_button.click()
    assert not view.revealed and view.placements.in_tray() == list(MODEL)
    panel.finish_button.click()
    assert presenter.console.panel is None
    assert audience.content.currentWidget() is audience.steps
    assert view.parent() is None  # the board has left the room's window


def test_keys_on_a_console_card_move_it_not_the_presentation(qtbot, presenter):
    panel = open_panel(presenter)
    step = presenter.controller.index
    presenter.console.activateWindow()
    qtbot.waitUntil(presenter.console.isActiveWindow)
    chip = panel.board.chips["c-1"]
    chip.setFocus()
    qtbot.waitUntil(chip.hasFocus)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Right, Qt.Key.Key_Space):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert panel.placements.cell_of("c-1") == (3, 4)
    assert presenter.controller.index == step
    assert panel.view.board.chips["c-1"].parentWidget() is panel.view.board.cells[(3, 4)]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)  # the clicker still works
    assert presenter.controller.index == step - 1
    assert presenter.console.panel is None  # another step: back to the slides
    assert presenter.audience.content.currentWidget() is presenter.audience.steps


def test_the_room_board_follows_the_console_light_and_dark(presenter):
    panel = open_panel(presenter)
    dark = presenter.console.languages.dark
    dark.setChecked(False)
    assert panel.view.look.name == "light"
    dark.setChecked(True)
    assert panel.view.look.name == "dark"


def test_the_room_board_speaks_the_room_language_whatever_the_console(qtbot, tmp_path):
    module = load_course(exercise_tree(tmp_path / "content")).modules["m1"]
    shown = Presenter(module, PresentOptions(audience_lang="ru", console_lang="en"))
    qtbot.addWidget(shown.audience)
    qtbot.addWidget(shown.console)
    shown.start()
    try:
        panel = open_panel(shown)
        assert panel.view.board.words is translator("ru")
        assert panel.view.legend.words is translator("ru")
        assert panel.board.words is None  # the console's board: the interface's language
    finally:
        shown.controller.end()
