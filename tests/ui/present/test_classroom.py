"""The classroom quiz: answers typed in the console, Reveal records them at once and shows the
answer and the room's distribution on the projector; nothing of the answer shows before."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QSpinBox, QTextEdit, QWidget
from shiboken6 import isValid

from courseware_app.core.classroom import COUNTS, TEAMS, SessionStore
from courseware_app.core.loader import load_course
from courseware_app.core.present.cards import question_card, reveal_card
from courseware_app.core.present.steps import plain_text
from courseware_app.ui.present.classroom import ClassroomPanel
from courseware_app.ui.present.quiz_view import AudienceQuizView
from courseware_app.ui.settings import Settings
from tests.conftest import BUNDLED_CONTENT

MODULE = "rm-02"


@pytest.fixture(scope="module")
def course():
    return load_course(BUNDLED_CONTENT)


@pytest.fixture
def store(tmp_path):
    sessions = SessionStore.open(tmp_path / "data")
    yield sessions
    sessions.close()


@pytest.fixture
def make_panel(qtbot, tmp_path, course, store):
    def make(mode: str = COUNTS, settings_path=None, start: bool = True):
        tr = course.modules[MODULE].translations["en"]
        sid = store.start(module=MODULE, module_version=tr.version, lang="en")
        view = AudienceQuizView(course.root)
        settings = Settings(settings_path or tmp_path / "settings.ini")
        panel = ClassroomPanel(tr.quizzes[0], tr, store, sid, view, settings=settings)
        qtbot.addWidget(view)
        qtbot.addWidget(panel)
        if start:
            panel.setup.teams_mode.setChecked(mode == TEAMS)
            panel.setup.counts_mode.setChecked(mode == COUNTS)
            panel.setup.start_button.click()
        return panel, sid

    return make


def index_of(panel: ClassroomPanel, question_id: str) -> int:
    return next(i for i, q in enumerate(panel.quiz.questions) if q.id == question_id)


def widget_texts(root: QWidget) -> list[str]:
    """Everything a person or a screen reader can read in ``root``'s widgets."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
    return [" ".join(t.split()) for t in texts if t]


# ---------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("question", "typed", "correct"),
    [
        ("q-area", {"A": 7, "B": 2, "C": 0, "D": 1}, ("A",)),
        ("q-context", {"A": 5, "B": 6, "C": 1, "D": 2, "E": 4}, ("A", "B", "E")),
        ("q-comm", {"A": 3, "B": 9}, None),
        ("q-steps", {"correct": 4, "incorrect": 8}, ("correct",)),
    ],
)
def test_counts_typed_then_revealed_are_in_the_store(
    qtbot, make_panel, store, question, typed, correct
):
    panel, sid = make_panel()
    panel.show_question(index_of(panel, question))
    boxes = panel.counts_editor.boxes
    assert list(boxes) == list(typed)
    for letter, count in typed.items():
        boxes[letter].lineEdit().selectAll()
        qtbot.keyClicks(boxes[letter], str(count))
    assert str(sum(typed.values())) in panel.counts_editor.total.text()
    assert store.session(sid).questions == ()  # nothing before Reveal
    panel.reveal_button.click()
    (recorded,) = store.session(sid).questions
    assert recorded.question == question
    assert recorded.counts == typed
    q = panel.quiz.questions[panel.index]
    expected = correct or (("A",) if q.answer_bool else ("B",))
    assert recorded.correct == expected


def test_tab_goes_from_one_count_to_the_next(qtbot, make_panel):
    panel, _sid = make_panel(start=False)
    panel.show()
    panel.windowHandle().requestActivate()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.setup.start_button.click()
    panel.show_question(index_of(panel, "q-area"))
    for digit in "3142":
        focused = QApplication.focusWidget()
        assert isinstance(focused, QSpinBox)
        qtbot.keyClicks(focused, digit)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert panel.counts_editor.counts() == {"A": 3, "B": 1, "C": 4, "D": 2}
    assert "10" in panel.counts_editor.total.text()


def test_next_without_reveal_records_nothing_and_keeps_what_was_typed(make_panel, store):
    panel, sid = make_panel()
    panel.counts_editor.boxes["correct"].setValue(5)
    panel.next_question()
    assert panel.index == 1
    assert store.session(sid).questions == ()
    assert panel.view.revealed is False
    panel.previous_question()
    assert panel.counts_editor.counts()["correct"] == 5


# ---------------------------------------------------------------- teams


def choose(panel: ClassroomPanel, team: str, *letters: str) -> None:
    row = next(r for r in panel.teams_editor.rows if r.team == team)
    for letter in letters:
        row.buttons[letter].click()


def test_teams_answers_are_recorded_and_the_scoreboard_adds_up(make_panel, store):
    panel, sid = make_panel(TEAMS)
    editor = panel.teams_editor
    for name in ("Red", "Blue", "Green"):
        editor.new_name.setText(name)
        editor.add_button.click()
    assert editor.add_team("red") is False  # the same team twice
    panel.show_question(index_of(panel, "q-area"))
    choose(panel, "Red", "A")
    choose(panel, "Blue", "B")
    panel.reveal_button.click()
    panel.show_question(index_of(panel, "q-context"))
    assert editor.teams == ["Red", "Blue", "Green"]  # kept for the next question
    choose(panel, "Red", "A", "B", "E")
    choose(panel, "Blue", "A", "B", "E")
    choose(panel, "Green", "A")
    panel.reveal_button.click()
    by_id = {q.question: q for q in store.session(sid).questions}
    assert by_id["q-area"].teams == {"Red": "A", "Blue": "B"}
    assert by_id["q-area"].counts == {"A": 1, "B": 1, "C": 0, "D": 0}
    assert by_id["q-context"].teams == {"Red": "A,B,E", "Blue": "A,B,E", "Green": "A"}
    assert editor.scoreboard.text().split("\n") == [
        "Red: 2 points",
        "Blue: 1 point",
        "Green: 0 points",
    ]
    assert "Red 2, Blue 1, Green 0" in panel.view.chart_title.text()


def test_a_team_removed_is_gone_from_the_next_answers(make_panel):
    panel, _sid = make_panel(TEAMS)
    for name in ("Red", "Blue"):
        panel.teams_editor.add_team(name)
    row = next(r for r in panel.teams_editor.rows if r.team == "Red")
    row.remove.click()
    assert panel.teams_editor.teams == ["Blue"]
    assert list(panel.teams_editor.answers()) == ["Blue"]


# ---------------------------------------------------------------- what the room sees


def test_reveal_shows_the_chart_with_the_room_numbers(make_panel):
    panel, _sid = make_panel()
    panel.show_question(index_of(panel, "q-area"))
    for letter, count in {"A": 3, "B": 9, "C": 0, "D": 0}.items():
        panel.counts_editor.boxes[letter].setValue(count)
    panel.reveal_button.click()
    view = panel.view
    summary = view.chart.summary()
    assert summary == (
        "A: 3 answers (25%) (correct answer); B: 9 answers (75%); "
        "C: 0 answers (0%); D: 0 answers (0%)"
    )
    assert view.chart.label_texts() == [
        "3 · 25%",
        "A ✔",
        "9 · 75%",
        "B",
        "0 · 0%",
        "C",
        "0 · 0%",
        "D",
    ]
    assert view.chart_title.text() == "12 answers"
    assert view.chart.isVisibleTo(view)
    explanation = plain_text(reveal_card(panel.quiz.questions[panel.index]).explanation)
    assert explanation in " ".join(widget_texts(view))
    assert "A (correct answer)" in widget_texts(view)  # the right option marked in words


def test_a_judged_question_reveals_its_answer_in_words(make_panel):
    panel, _sid = make_panel()
    panel.show_question(index_of(panel, "q-steps"))
    panel.counts_editor.boxes["correct"].setValue(2)
    panel.counts_editor.boxes["incorrect"].setValue(6)
    panel.reveal_button.click()
    q = panel.quiz.questions[panel.index]
    answer = plain_text(reveal_card(q, MODULE).answer)
    assert answer in widget_texts(panel.view)
    assert panel.view.chart.summary() == (
        "Correct: 2 answers (25%) (correct answer); Incorrect: 6 answers (75%)"
    )


def hidden_parts(q, module: str) -> list[str]:
    """What only Reveal may show of ``q``: its explanation, its answer, option feedback."""
    reveal = reveal_card(q, module)
    card_text = question_card(q, module).text
    parts = [plain_text(reveal.explanation), *(plain_text(o.feedback) for o in q.options)]
    answer = plain_text(reveal.answer)
    if answer not in card_text:  # a true/false's "True" is one of its cards, for one
        parts.append(answer)
    return [p for p in parts if p and p not in card_text]


PROGRESS_RE = re.compile(r"\d+ (?:of|из|sur) \d+")


def test_nothing_of_the_answer_shows_before_reveal_in_any_quiz(qtbot, course):
    view = AudienceQuizView(course.root)
    qtbot.addWidget(view)
    kinds = set()
    for module in course.modules.values():
        for tr in module.translations.values():
            for quiz in tr.quizzes:
                for number, q in enumerate(quiz.questions, 1):
                    kinds.add(str(q.type))
                    view.show_card(question_card(q, module.id), number, len(quiz.questions))
                    # the progress line ("Question 5 of 12") is no part of any answer
                    shown = " | ".join(PROGRESS_RE.sub("", t) for t in widget_texts(view))
                    assert "✔" not in shown
                    for part in hidden_parts(q, module.id):
                        assert part not in shown, (module.id, tr.lang, q.id)
    assert kinds >= {"single", "multiple", "truefalse", "order", "match", "short", "numeric"}


def test_the_next_question_takes_the_last_reveal_off_the_screen(make_panel):
    panel, _sid = make_panel()
    panel.reveal_button.click()
    revealed = plain_text(reveal_card(panel.quiz.questions[0], MODULE).explanation)
    assert revealed in " ".join(widget_texts(panel.view))
    panel.next_question()
    assert revealed not in " ".join(widget_texts(panel.view))
    assert panel.view.chart.summary() == ""


def test_the_view_scales_its_type_with_the_screen(qtbot, make_panel):
    panel, _sid = make_panel()
    view = panel.view
    view.resize(1024, 768)
    view.show()
    qtbot.waitExposed(view)
    small = view.choices.rows[0][1].font().pixelSize()
    assert small >= 28
    view.resize(1920, 1080)
    qtbot.waitUntil(lambda: view.choices.rows[0][1].font().pixelSize() > small)


def test_light_and_dark(make_panel):
    panel, _sid = make_panel()
    view = panel.view
    view.set_dark(True)
    assert view.palette().color(view.backgroundRole()).lightness() < 30
    view.set_dark(False)
    assert view.palette().color(view.backgroundRole()).lightness() > 225


# ---------------------------------------------------------------- remembered and kept


def test_place_and_trainer_are_remembered_between_runs(make_panel, tmp_path):
    path = tmp_path / "remembered" / "settings.ini"
    first, sid = make_panel(settings_path=path, start=False)
    first.setup.place.setText("Tashkent, Yallama post")
    first.setup.trainer.setText("Dilnoza")
    first.setup.teams_mode.setChecked(True)
    first.setup.start_button.click()
    stored = first.store.session(sid)
    assert (stored.place, stored.trainer, stored.mode) == (
        "Tashkent, Yallama post",
        "Dilnoza",
        TEAMS,
    )
    second, _sid = make_panel(settings_path=path, start=False)
    assert second.setup.place.text() == "Tashkent, Yallama post"
    assert second.setup.trainer.text() == "Dilnoza"
    assert second.setup.mode() == TEAMS


def test_a_revealed_question_is_kept_when_the_panel_dies_without_finish(
    qtbot, make_panel, store, tmp_path
):
    panel, sid = make_panel()
    panel.counts_editor.boxes["correct"].setValue(4)
    panel.reveal_button.click()
    panel.next_question()
    panel.counts_editor.boxes["A"].setValue(9)  # typed, never revealed
    first = panel.quiz.questions[0].id
    panel.deleteLater()
    qtbot.waitUntil(lambda: not isValid(panel))
    again = SessionStore.open(tmp_path / "data")
    try:
        (kept,) = again.session(sid).questions
    finally:
        again.close()
    assert (kept.question, kept.counts["correct"]) == (first, 4)


def test_finish_says_so(qtbot, make_panel):
    panel, _sid = make_panel()
    with qtbot.waitSignal(panel.finished):
        panel.finish_button.click()


def test_without_a_store_the_quiz_runs_and_says_it_is_not_saved(qtbot, course):
    tr = course.modules[MODULE].translations["en"]
    view = AudienceQuizView(course.root)
    panel = ClassroomPanel(tr.quizzes[0], tr, None, None, view)
    qtbot.addWidget(view)
    qtbot.addWidget(panel)
    panel.setup.start_button.click()
    panel.reveal_button.click()
    assert view.revealed
    assert "not being saved" in panel.status.text()
