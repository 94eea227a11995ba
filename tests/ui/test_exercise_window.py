"""The risk-matrix exercise window, driven by mouse and keys as a trainee would: placing cards,
submitting, seeing the model, and the attempt kept apart from quiz attempts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from courseware_app.core.loader import load_course
from courseware_app.core.progress import ProgressStore
from courseware_app.ui.exercises.chips import card_mime
from courseware_app.ui.exercises.opening import open_exercise
from courseware_app.ui.exercises.scales import fit_to_width, pixel_sized
from courseware_app.ui.exercises.window import ExerciseWindow
from courseware_app.ui.progress_ui import install_progress
from tests.core.helpers import good_module, write_tree

MODEL = {"c-1": (4, 4), "c-2": (1, 5), "c-3": (5, 1), "c-4": (2, 2), "c-5": (3, 3)}
EXERCISE = "\n".join(
    [
        "::: exercise risk-matrix m1-matrix",
        "title: Score the port's risks",
        "instructions: Place each risk card on the grid.",
        "likelihood: Rare | Unlikely | Possible | Likely | Almost certain",
        "consequence: Insignificant | Minor | Moderate | Major | Severe",
        "",
        *[
            line
            for card, (lik, con) in MODEL.items()
            for line in (
                f"? card {card}",
                f"Risk *{card}*",
                f"place: {lik} {con}",
                f"why: W {card}.",
                "",
            )
        ],
        ":::",
    ]
)


def exercise_tree(root: Path) -> Path:
    """A course whose module m1 has the exercise m1-matrix in en, ru and fr."""
    return write_tree(root, good_module("m1", EXERCISE) | good_module("m2"))


@pytest.fixture
def exercise(tmp_path):
    course = load_course(exercise_tree(tmp_path / "content"))
    return course.modules["m1"].translations["en"].exercises[0]


@pytest.fixture
def window(qtbot, exercise):
    shown = ExerciseWindow(exercise, module_id="m1", module_version="1.0.0", lang="en")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def press(qtbot, window, card, *keys):
    chip = window.board.chips[card]
    chip.setFocus()
    for key in keys:
        qtbot.keyClick(QApplication.focusWidget(), key)


def drop(target, card):
    """What Qt calls on the widget a card is dropped on (a real drag needs a mouse)."""
    data = card_mime(card)
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)
    return event.isAccepted()


def test_the_grid_has_likelihood_rows_from_5_down_and_consequence_columns_1_to_5(window):
    cells = window.board.cells
    assert cells[(5, 1)].y() < cells[(1, 1)].y()
    assert cells[(3, 1)].x() < cells[(3, 5)].x()
    assert cells[(4, 2)].accessibleName() == "Likelihood 4 (Likely), consequence 2 (Minor)"
    assert [c.parentWidget() for c in window.board.chips.values()] == [window.board.tray] * 5


def test_keys_pick_up_move_put_down_and_return_a_card(qtbot, window):
    K = Qt.Key
    p = window.placements
    press(qtbot, window, "c-1", K.Key_Return)  # from the tray to the middle, picked up
    assert p.cell_of("c-1") == (3, 3) and window.board.held == "c-1"
    for key in (K.Key_Up, K.Key_Right, K.Key_Right, K.Key_Right):  # stops at the edge
        qtbot.keyClick(window.board.chips["c-1"], key)
    assert p.cell_of("c-1") == (4, 5)
    qtbot.keyClick(window.board.chips["c-1"], K.Key_Space)  # put down
    assert window.board.held is None
    assert window.board.chips["c-1"].parentWidget() is window.board.cells[(4, 5)]
    assert window.board.chips["c-1"].hasFocus()
    assert "Likelihood 4 (Likely), consequence 5 (Severe)" in window.status.text()
    qtbot.keyClick(window.board.chips["c-1"], K.Key_Down)  # not held: the next card
    assert window.board.chips["c-2"].hasFocus() and p.cell_of("c-1") == (4, 5)
    press(qtbot, window, "c-1", K.Key_Return, K.Key_Down, K.Key_Escape)  # put back
    assert p.cell_of("c-1") == (4, 5)
    press(qtbot, window, "c-1", K.Key_Delete)
    assert p.cell_of("c-1") is None
    assert window.board.chips["c-1"].parentWidget() is window.board.tray


def test_cards_dropped_on_cells_and_on_the_tray(window):
    assert drop(window.board.cells[(2, 3)], "c-4")
    assert window.placements.cell_of("c-4") == (2, 3)
    assert window.board.chips["c-4"].parentWidget() is window.board.cells[(2, 3)]
    assert drop(window.board.tray, "c-4")
    assert window.placements.cell_of("c-4") is None
    assert not drop(window.board.cells[(2, 3)], "")  # not one of our cards


def test_submit_waits_for_every_card_then_shows_the_model_and_the_score(qtbot, window):
    attempts = []
    window.attemptFinished.connect(attempts.append)
    for card, cell in MODEL.items():
        drop(window.board.cells[cell], card)
    window.placements.place("c-2", (3, 5))  # 2 away: not placed well
    window.placements.place("c-3", (4, 2))  # 1 away diagonally: placed well
    assert window.submit_button.isEnabled()
    window.placements.unplace("c-5")
    assert not window.submit_button.isEnabled()
    assert "Place every card" in window.score.text()
    drop(window.board.cells[(3, 3)], "c-5")
    assert window.submit_button.isEnabled()
    window.submit_button.click()
    assert window.score.text() == "4 of 5 cards placed well — score 80%"
    text = window.results.text()
    assert "2. Risk c-2" in text
    assert "✘ Not placed well (2 cells away). Placed: likelihood 3 (Possible)" in text
    assert "✔ Placed well (1 cell away)" in text and "Why: W c-3." in text
    assert window.board.overlay.isVisible()
    markers = window.board.overlay.markers()
    assert (
        window.board.cells[(1, 5)]
        .geometry()
        .translated(window.board.grid_area.pos())
        .contains(markers["c-2"].center().toPoint())
    )
    chip = window.board.chips["c-2"]
    assert chip.mark == "✘" and "not placed well" in chip.accessibleDescription().lower()
    press(qtbot, window, "c-2", Qt.Key.Key_Return, Qt.Key.Key_Up)  # the board is locked now
    assert window.placements.cell_of("c-2") == (3, 5)
    assert not drop(window.board.cells[(1, 5)], "c-2")
    [attempt] = attempts
    assert (attempt.module, attempt.lang, attempt.result.good) == ("m1", "en", 4)
    assert attempt.started_at <= attempt.finished_at


def test_try_again_empties_the_grid_and_hides_the_model(window):
    for card, cell in MODEL.items():
        window.placements.place(card, cell)
    window.submit()
    window.again_button.click()
    assert window.placements.in_tray() == list(MODEL)
    assert not window.board.overlay.isVisible() and window.results_area.isHidden()
    assert window.submit_button.isVisible() and not window.submit_button.isEnabled()
    assert window.board.editable


def test_compact_cards_keep_their_number_when_their_text_is_cut(window):
    window.placements.place("c-3", (1, 1))
    chip = window.board.chips["c-3"]
    chip.resize(60, chip.height())
    chip.show_text()
    assert chip.label.text().startswith("3. ")
    assert chip.accessibleName() == "3. Risk c-3"


@pytest.fixture
def reading(make_window, tmp_path):
    content = exercise_tree(tmp_path / "content")
    window = make_window(content=content, start=False, settings_path=tmp_path / "data" / "s.ini")
    store = ProgressStore.open(tmp_path / "data")
    controller = install_progress(window, store, tmp_path / "data", pick=False)
    window.reader.open_start()
    return window, controller


def test_the_reader_link_opens_the_exercise_and_an_attempt_is_kept_apart(qtbot, reading):
    window, controller = reading
    window.reader.follow_link(QUrl("exercise:m1/m1-matrix"))
    dialog = window.findChild(ExerciseWindow)
    assert dialog is not None and dialog.isVisible()
    assert dialog.exercise.id == "m1-matrix" and dialog.lang == "en"
    for card, cell in MODEL.items():
        dialog.placements.place(card, cell)
    dialog.submit()
    controller.store.flush()
    [kept] = controller.store.exercise_attempts(controller.profile.id, "m1")
    assert (kept.exercise, kept.result.good, kept.result.total) == ("m1-matrix", 5, 5)
    assert controller.store.attempts([controller.profile.id]) == []  # not a quiz attempt
    dialog.close()


def test_a_link_to_no_exercise_says_so(reading):
    window, _controller = reading
    assert open_exercise(window.reader, "m1", "nothing") is None
    assert "cannot be found" in window.statusBar().currentMessage()
    assert window.findChild(ExerciseWindow) is None


def test_scale_labels_share_the_largest_size_at_which_every_word_fits(qtbot):
    labels = [QLabel("1 Insignificant"), QLabel("2 Minor")]
    fit_to_width(labels, 40, [200, 200])
    size = labels[0].font().pixelSize()
    assert labels[1].font().pixelSize() == size < 40
    wide = QFontMetrics(pixel_sized(labels[0].font(), size)).horizontalAdvance("Insignificant")
    wider = QFontMetrics(pixel_sized(labels[0].font(), size + 1)).horizontalAdvance("Insignificant")
    assert wide <= 200 - 4 < wider


def test_the_window_follows_a_language_switch(qtbot, window):
    from courseware_app.ui.retranslate import LanguageController

    LanguageController(QApplication.instance(), None).switch("ru")
    qtbot.waitUntil(lambda: window.close_button.text() == "За&крыть")
