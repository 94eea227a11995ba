"""A quiz is never finished by accident, nor lost by closing it; a review is readable; the quiz
follows the reader's text size."""

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from courseware_app.core.results import export_records
from tests.ui import test_progress_ui, test_quiz_widget
from tests.ui.test_progress_ui import RIGHT, settle
from tests.ui.test_quiz_widget import card

# the fixtures: a window with progress over a data folder; the test quiz; a dialog playing it
open_app, quiz, dialog = test_progress_ui.open_app, test_quiz_widget.quiz, test_quiz_widget.dialog

PROMPTS = "courseware_app.ui.questions.prompts"


def answer_box(button_text: str, seen: list[str]) -> None:
    """When a message box comes up, note its text and press the button named ``button_text``."""

    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        button.click()

    QTimer.singleShot(0, press)


# ---------------------------------------------------------------- Enter never finishes


def test_no_button_of_the_quiz_is_a_default_button(dialog):
    d = dialog(one_per_page=False)
    buttons = d.findChildren(QPushButton)
    assert d.submit_button in buttons
    assert not any(b.isDefault() or b.autoDefault() for b in buttons)


@pytest.mark.parametrize("qid", ["q-short", "q-num"])
def test_enter_in_a_line_goes_to_the_next_question_and_never_finishes(dialog, qtbot, qid):
    d = dialog(one_per_page=True)
    position = next(i for i, c in enumerate(d.cards) if c.q.id == qid)
    d.show_question(position)
    edit = card(d, qid).input.edit
    qtbot.keyClicks(edit, "50")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert d.attempt is None and d.index == position + 1
    assert d.cards[position + 1].isVisible() and not d.cards[position].isVisible()
    qtbot.keyClick(d, Qt.Key.Key_Enter)  # the keypad's Enter, on the dialog itself
    d.submit_button.setFocus()
    qtbot.keyClick(d.submit_button, Qt.Key.Key_Return)  # even on the Finish button
    assert d.attempt is None


def test_enter_in_the_last_question_does_nothing(dialog, qtbot, quiz):
    d = dialog(one_per_page=False)
    last = d.cards[-1]
    d.cards[-1] = card(d, "q-short")  # as if the short answer came last
    d.cards[d.cards.index(card(d, "q-short"))] = last
    qtbot.keyClick(card(d, "q-short").input.edit, Qt.Key.Key_Return)
    assert d.attempt is None


def test_enter_on_a_page_of_all_questions_moves_the_focus_on(dialog, qtbot):
    d = dialog(one_per_page=False)
    edit = card(d, "q-short").input.edit
    qtbot.keyClicks(edit, "PCA")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    following = d.cards[d.cards.index(card(d, "q-short")) + 1]
    assert following.inputs[0].hasFocus() and d.attempt is None


# ---------------------------------------------------------------- finishing asks first


def test_finishing_with_questions_unanswered_asks_first(dialog, qtbot):
    d = dialog(one_per_page=True)
    card(d, "q-single").set_response(1)
    seen: list[str] = []
    answer_box("Keep answering", seen)
    qtbot.mouseClick(d.submit_button, Qt.MouseButton.LeftButton)
    assert seen == ["Finish with 6 questions unanswered?"]
    assert d.attempt is None and d.index == 1  # the first question without an answer
    answer_box("Finish anyway", seen)
    d.windowHandle().requestActivate()
    qtbot.waitUntil(d.isActiveWindow)
    qtbot.keyClick(d, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert d.attempt is not None and not d.attempt.passed


def test_one_unanswered_question_is_named_in_the_singular(dialog, qtbot):
    d = dialog(one_per_page=False)
    for c in d.cards:
        if c.q.id != "q-tf":
            c.set_response(RIGHT[c.q.id])
    seen: list[str] = []
    answer_box("Keep answering", seen)
    d.finish()
    assert seen == ["Finish with 1 question unanswered?"] and d.attempt is None


def test_nothing_is_asked_when_everything_is_answered(dialog, monkeypatch):
    monkeypatch.setattr("courseware_app.ui.quiz_widget.confirm_finish", pytest.fail)
    d = dialog(one_per_page=False)
    for c in d.cards:
        c.set_response(RIGHT[c.q.id])
    assert d.finish().passed


# ---------------------------------------------------------------- closing keeps the answers


def leave_quiz_half_done(w, qtbot):
    """Open the quiz, answer two questions, go to the fourth one, close it with Esc."""
    w.reader.open_quiz("alpha", "alpha-quiz")
    d = w.reader.quiz_dialog
    d.set_one_per_page(True)
    card(d, "q-multi").input.buttons[1].click()
    qtbot.keyClicks(card(d, "q-short").input.edit, "PCA")
    d.show_question(3)
    shown = {c.q.id: c.input.arrangement() for c in d.cards}
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert not d.isVisible()
    return shown


def test_closing_a_quiz_keeps_its_answers_across_a_restart_and_offers_them_back(
    open_app, qtbot, monkeypatch, tmp_path
):
    w, c = open_app()
    shown = leave_quiz_half_done(w, qtbot)
    assert "Your answers are kept" in w.statusBar().currentMessage()
    settle(qtbot, c)
    assert c.store.attempts() == [] and export_records(c.store) == []  # not an attempt
    w.close()
    offered = []
    monkeypatch.setattr(f"{PROMPTS}.offer_resume", lambda _p, kept, n: offered.append(n) or True)
    w2, c2 = open_app(data=tmp_path / "data")
    w2.reader.open_quiz("alpha", "alpha-quiz")
    d = w2.reader.quiz_dialog
    assert offered == [7]
    assert {q.q.id: q.input.arrangement() for q in d.cards} == shown  # the same shuffle
    assert card(d, "q-short").input.edit.text() == "PCA"
    assert card(d, "q-multi").response() == {1}
    assert d.index == 3 and d.cards[3].isVisible()
    assert c2.dialogs.show_dashboard() and c2.marks.progress()["alpha"].attempts == 0
    c2.dialogs.dashboard.close()
    for q in d.cards:
        q.set_response(RIGHT[q.q.id])
    d.finish()
    d.close()
    settle(qtbot, c2)
    assert c2.store.unfinished(c2.profile.id, "alpha", "alpha-quiz") is None
    assert [a.score for a in c2.store.attempts()] == [100.0]


def test_starting_again_discards_the_unfinished_answers(open_app, qtbot, monkeypatch):
    w, c = open_app()
    leave_quiz_half_done(w, qtbot)
    seen: list[str] = []
    answer_box("Start again", seen)
    w.reader.open_quiz("alpha", "alpha-quiz")
    d = w.reader.quiz_dialog
    assert seen == ["You left this quiz unfinished with 2 of 7 questions answered."]
    assert card(d, "q-short").input.edit.text() == "" and d.index == 0
    settle(qtbot, c)
    assert c.store.unfinished(c.profile.id, "alpha", "alpha-quiz") is None
    d.close()


def test_answers_are_kept_while_the_quiz_is_open(open_app, qtbot):
    w, c = open_app()
    w.reader.open_quiz("alpha", "alpha-quiz")
    d = w.reader.quiz_dialog
    qtbot.keyClicks(card(d, "q-num").input.edit, "50")
    kept = []

    def saved() -> bool:
        c.store.flush()
        kept[:] = [c.store.unfinished(c.profile.id, "alpha", "alpha-quiz")]
        return kept[0] is not None

    qtbot.waitUntil(saved, timeout=3000)
    assert kept[0].responses["q-num"] == "50" and kept[0].answered == 1
    d.close()


def test_the_window_closing_keeps_the_open_quiz(open_app, qtbot, tmp_path):
    w, c = open_app()
    w.reader.open_quiz("alpha", "alpha-quiz")
    card(w.reader.quiz_dialog, "q-tf").input.true_button.click()
    c.shutdown()  # what closing the window does, before the dialog has a chance to close
    store = c.store.open(tmp_path / "data")
    try:
        kept = store.unfinished(c.profile.id, "alpha", "alpha-quiz")
        assert kept is not None and kept.responses["q-tf"] is True
    finally:
        store.close()


def test_the_quiz_toggle_is_saved_to_the_profile_at_once(open_app, qtbot):
    w, c = open_app()
    w.reader.open_quiz("alpha", "alpha-quiz")
    w.reader.quiz_dialog.page_toggle.setChecked(False)
    w.reader.quiz_dialog.close()
    settle(qtbot, c)
    assert c.store.settings(c.profile.id).get("quiz_one_per_page") == "0"


# ---------------------------------------------------------------- review


def test_a_review_is_read_only_in_normal_colours_with_the_right_options_marked(dialog, qtbot):
    first = dialog(one_per_page=False)
    card(first, "q-single").set_response(0)  # wrong
    first.submit()
    review = dialog(one_per_page=False, review=first.attempt)
    single = card(review, "q-single").input
    right, wrong = single.buttons[1], single.buttons[0]
    assert right.isEnabled() and wrong.isEnabled() and wrong.isChecked()
    qtbot.mouseClick(right, Qt.MouseButton.LeftButton, pos=QPoint(8, right.height() // 2))
    qtbot.keyClick(right, Qt.Key.Key_Space)
    assert wrong.isChecked() and not right.isChecked()  # nothing changes
    assert right.text().endswith("✔") and "(correct answer)" in right.toolTip()
    assert right.palette().windowText().color().name() == "#1e7a3a" and right.font().bold()
    assert "✔" not in wrong.text() and not wrong.font().bold()
    assert right.accessibleName().endswith("(correct answer)")
    tf = card(review, "q-tf").input
    assert "✔" in tf.false_button.text() and "✔" not in tf.true_button.text()
    assert card(review, "q-short").input.edit.isReadOnly()


def test_a_review_opens_at_the_top(dialog, qtbot):
    first = dialog(one_per_page=False)
    first.submit()
    review = dialog(one_per_page=False, review=first.attempt)
    review.resize(600, 400)
    bar = review.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    QApplication.processEvents()
    assert bar.value() == 0


def test_accepted_short_answers_are_plain_text(dialog):
    first = dialog(one_per_page=False)
    first.submit()
    text = card(first, "q-short").feedback.text()
    assert "Accepted answers:" in text and "post-clearance audit or PCA" in text
    assert "|" not in text


# ---------------------------------------------------------------- zoom


def test_the_quiz_follows_the_reader_text_size(open_app, qtbot):
    w, c = open_app()
    normal = QApplication.font().pointSizeF()
    w.zoom(3)
    w.reader.open_quiz("alpha", "alpha-quiz")
    d = w.reader.quiz_dialog
    d.windowHandle().requestActivate()
    qtbot.waitUntil(d.isActiveWindow)
    assert d.font().pointSizeF() == normal + 3
    assert card(d, "q-single").input.buttons[0].font().pointSizeF() == normal + 3
    qtbot.keyClick(d, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert w.prefs.zoom == 0 and d.font().pointSizeF() == normal
    qtbot.keyClick(d, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.prefs.zoom == 1 and d.font().pointSizeF() == normal + 1
    d.close()


def test_every_text_of_a_scored_quiz_keeps_the_zoom(dialog):
    d = dialog(one_per_page=False, zoom=4)
    d.submit()
    size = QApplication.font().pointSizeF() + 4
    single = card(d, "q-single")
    assert single.text.document().defaultFont().pointSizeF() == size
    assert single.feedback.document().defaultFont().pointSizeF() == size
    assert single.heading.font().pointSizeF() == size
    assert {b.font().pointSizeF() for b in single.input.buttons.values()} == {size}
    assert single.input.buttons[1].font().bold()  # the right one
