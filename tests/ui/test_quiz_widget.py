"""The quiz player, driven by mouse and keyboard: every type, submit, feedback, retry, review."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt

from courseware_app.core.loader import load_course
from courseware_app.ui.questions.choice import ChoiceInput
from courseware_app.ui.quiz_widget import QuizDialog
from tests.conftest import TEST_CONTENT
from tests.ui.image_helpers import blue_pixels, blue_png


@pytest.fixture
def quiz():
    return load_course(TEST_CONTENT).modules["alpha"].source.quiz


@pytest.fixture
def dialog(qtbot, quiz):
    def make(**kw):
        d = QuizDialog(quiz, module_id="alpha", module_version="1.2.0", lang="en", seed=7, **kw)
        qtbot.addWidget(d)
        d.show()
        d.windowHandle().requestActivate()
        qtbot.waitUntil(d.isActiveWindow)
        return d

    return make


def card(d, qid):
    return next(c for c in d.cards if c.q.id == qid)


def click(qtbot, button):
    """Click on the indicator, where a person clicks (a stretched button is not hit at its centre)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def answer_all_correctly(d, qtbot):
    """Answer every question right, with the mouse where a person would click and keys elsewhere."""
    single = card(d, "q-single")
    click(qtbot, single.input.buttons[1])
    multi = card(d, "q-multi")
    for i in (0, 1):
        click(qtbot, multi.input.buttons[i])
    tf = card(d, "q-tf")
    tf.input.false_button.setFocus()
    qtbot.keyClick(tf.input.false_button, Qt.Key.Key_Space)
    qtbot.keyClicks(card(d, "q-short").input.edit, "Post-Clearance  audit")
    qtbot.keyClicks(card(d, "q-num").input.edit, "50,3")
    order = card(d, "q-order")
    current = [
        order.input.list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(order.input.list.count())
    ]
    for target, index in enumerate([0, 1, 2]):  # selection sort with Ctrl+Up
        row = current.index(index)
        order.input.list.setCurrentRow(row)
        order.input.list.setFocus()
        for _ in range(row - target):
            qtbot.keyClick(order.input.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
        current = [
            order.input.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(order.input.list.count())
        ]
    match = card(d, "q-match")
    for left, combo in enumerate(match.input.combos):
        combo.setFocus()
        while combo.currentData() != left:
            qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_every_type_answered_correctly_scores_full_marks(dialog, qtbot):
    d = dialog(one_per_page=False)
    answer_all_correctly(d, qtbot)
    with qtbot.waitSignal(d.attemptFinished) as signal:
        qtbot.mouseClick(d.submit_button, Qt.MouseButton.LeftButton)
    attempt = signal.args[0]
    assert attempt.score == 100.0 and attempt.passed
    assert all(r.correct for r in attempt.results.values())
    assert "Passed" in d.score_label.text()
    assert "SECRET-EXPLANATION" in card(d, "q-single").feedback.text()
    assert card(d, "q-short").input.edit.isReadOnly()  # read-only, not greyed out


def test_wrong_answers_show_feedback_and_correct_answer(dialog, qtbot, monkeypatch):
    monkeypatch.setattr("courseware_app.ui.quiz_widget.confirm_finish", lambda *_a: True)
    d = dialog(one_per_page=False)
    single = card(d, "q-single")
    single.input.buttons[0].setChecked(True)
    qtbot.keyClick(d, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert d.attempt is not None and not d.attempt.passed
    text = single.feedback.text()
    assert "Not correct" in text and "Not this." in text and "Right one" in text
    assert "Not passed yet" in d.score_label.text()


def test_one_question_at_a_time_with_keyboard(dialog, qtbot):
    d = dialog(one_per_page=True)
    visible = [c for c in d.cards if c.isVisible()]
    assert len(visible) == 1 and visible[0] is d.cards[0]
    qtbot.keyClick(d, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert d.index == 1 and d.cards[1].isVisible() and not d.cards[0].isVisible()
    d.page_toggle.setChecked(False)
    assert all(c.isVisible() for c in d.cards)


def test_retry_reshuffles_and_clears(dialog, qtbot):
    d = dialog(one_per_page=False)
    answer_all_correctly(d, qtbot)
    d.submit()
    orders = [c.input.order for c in d.cards if isinstance(c.input, ChoiceInput)]
    qtbot.mouseClick(d.retry_button, Qt.MouseButton.LeftButton)
    assert d.attempt is None and d.submit_button.isEnabled()
    short = card(d, "q-short").input.edit
    assert short.text() == "" and short.isEnabled() and not short.isReadOnly()
    assert not card(d, "q-single").feedback.isVisible()
    new_orders = [c.input.order for c in d.cards if isinstance(c.input, ChoiceInput)]
    assert orders != new_orders or len(orders[0]) < 3


def test_review_shows_a_past_attempt_read_only(dialog, qtbot, quiz):
    first = dialog(one_per_page=False)
    answer_all_correctly(first, qtbot)
    attempt = first.submit()
    review = dialog(one_per_page=False, review=attempt)
    assert card(review, "q-short").input.edit.text() == "Post-Clearance  audit"
    assert card(review, "q-single").input.buttons[1].isChecked()
    assert card(review, "q-single").input.locked  # read-only, not greyed out
    assert "100" in review.score_label.text()
    assert review.windowTitle().startswith("Review")


def test_answer_key_only_for_trainers(dialog):
    trainee = dialog(one_per_page=False)
    assert not trainee.key_button.isVisibleTo(trainee)
    trainer = dialog(one_per_page=False, trainer=True)
    assert trainer.key_button.isVisibleTo(trainer)
    trainer.key_button.setChecked(True)
    assert "Answer key" in card(trainer, "q-num").feedback.text()
    assert card(trainer, "q-single").input.buttons[1].font().bold()  # and a ✔ in words


def test_main_window_opens_the_quiz_from_the_page_link(make_window, qtbot):
    from PySide6.QtCore import QUrl

    w = make_window()
    w.view.anchorClicked.emit(QUrl("quiz:alpha/alpha-quiz"))
    assert w.reader.quiz_dialog.isVisible() and w.reader.quiz_dialog.quiz.id == "alpha-quiz"
    with qtbot.waitSignal(w.attemptRecorded):
        w.reader.quiz_dialog.submit()
    w.reader.quiz_dialog.close()


def test_question_images_come_from_the_module_folder_only(qtbot, quiz, tmp_path):
    folder = tmp_path / "content" / "modules" / "alpha"
    folder.mkdir(parents=True)
    blue_png(folder / "inside.png", 40, 40)
    outside = blue_png(tmp_path / "outside.png", 40, 40)
    texts = {
        "inside": "Look: ![a diagram](inside.png)",
        "raw": f'Look: <img src="{outside}">',
        "markdown": f"Look: ![escape]({outside})",
        "parent": "Look: ![escape](../../../outside.png)",
    }
    shown = {}
    for name, text in texts.items():
        question = replace(quiz.questions[0], text=text)
        d = QuizDialog(
            replace(quiz, questions=(question,)),
            module_id="alpha",
            module_version="1",
            lang="en",
            content_root=tmp_path / "content",
        )
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        shown[name] = blue_pixels(d.cards[0].grab().toImage())
    assert shown == {"inside": 1600, "raw": 0, "markdown": 0, "parent": 0}
