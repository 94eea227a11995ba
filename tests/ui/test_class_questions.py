"""How the class did per question, in the merge window: titles, most-missed first across attempts
and classroom sessions, and a question projected with its answer and explanation."""

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar

from courseware_app.core.classroom import (
    ClassroomSession,
    SessionStore,
    question_result,
    write_sessions,
)
from courseware_app.core.progress import ProgressStore
from courseware_app.core.results import write_export
from courseware_app.core.results.per_question import questions_of
from courseware_app.ui.class_questions import SMALLEST_PX
from courseware_app.ui.progress_ui import install_progress
from tests.ui.test_accessibility import unnamed


@pytest.fixture
def app(make_window, tmp_path):
    """A window with its progress controller, and the test course's alpha questions."""
    data = tmp_path / "data"
    window = make_window(start=False, settings_path=data / "settings.ini")
    controller = install_progress(window, ProgressStore.open(data), data, pick=False)
    window.reader.open_start()
    questions = {q.id: q for q in questions_of(window.reader.course.modules["alpha"].best("en"))}
    return window, controller, questions


def attempt(**points):
    """An exported attempt at alpha with per-question results (points out of 1)."""
    return {
        "attempt_id": str(uuid.uuid4()),
        "profile": "Айгерим",
        "module": "alpha",
        "module_version": "1.2.0",
        "lang": "ru",
        "score": 50.0,
        "passed": False,
        "finished_at": "2026-12-01T10:00:00Z",
        "results": {
            q: {"points": p, "max_points": 1.0, "correct": p == 1, "feedback": []}
            for q, p in points.items()
        },
    }


def session(questions, **counts):
    """A classroom session at alpha: question -> the room's counts per letter."""
    results = tuple(question_result(questions[q], i, c) for i, (q, c) in enumerate(counts.items()))
    return ClassroomSession(
        str(uuid.uuid4()), "2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z", "Ош", "Бекзат",
        "alpha", "1.2.0", "ru", "counts", results,
    )  # fmt: skip


def class_files(tmp_path, questions):
    """Two laptops' attempts (JSON: with answers) and one room's session export.
    q-single: 0 of 2; q-tf: 2 of 2 by attempts but 0 of 10 in the room; q-multi: 1 of 2."""
    attempts = tmp_path / "laptop.json"
    write_export([attempt(**{"q-single": 0, "q-tf": 1, "q-multi": 1})], attempts, "json")
    more = tmp_path / "laptop-2.json"
    write_export([attempt(**{"q-single": 0.5, "q-tf": 1, "q-multi": 0})], more, "json")
    room = tmp_path / "room.csv"
    write_sessions([session(questions, **{"q-tf": {"A": 10, "B": 0}})], room, "csv")
    return [attempts, more, room]


def rows(panel):
    return [
        [panel.table.item(r, c).text() for c in range(4)] for r in range(panel.table.rowCount())
    ]


def test_headers_are_module_titles_in_the_content_language(app, tmp_path):
    window, controller, questions = app
    window.reader.set_content_language("ru")
    dialog = controller.dialogs.merge_results()
    dialog.add_files(class_files(tmp_path, questions))
    header = dialog.table.horizontalHeaderItem(0)
    assert (header.text(), header.toolTip()) == ("Модуль альфа", "alpha")
    panel = dialog.questions
    assert panel.module_box.currentText() == "Модуль альфа"
    assert panel.table.item(0, 0).text() == "Какой вариант верен?"  # the Russian question
    dialog.close()


def test_questions_come_most_missed_first_across_attempts_and_sessions(app, tmp_path):
    window, controller, questions = app
    dialog = controller.dialogs.merge_results()
    dialog.add_files(class_files(tmp_path, questions))
    assert dialog.files.topLevelItem(2).text(1) == "1 classroom session"
    assert "3 files · 2 attempts" in dialog.summary.text()
    assert "1 classroom session" in dialog.summary.text()
    assert rows(dialog.questions) == [
        ["Which one is right?", "2", "0", "0%"],  # half points is not right
        ["Release equals clearance.", "12", "2", "16.7%"],  # 2 of 2 attempts, 0 of 10 in the room
        ["Pick two.", "2", "1", "50%"],
    ]
    bar = dialog.questions.table.cellWidget(2, 4)
    assert isinstance(bar, QProgressBar) and bar.value() == 500
    assert bar.accessibleName() == "50%"
    dialog.remove_selected()  # nothing chosen: nothing removed
    dialog.files.setCurrentItem(dialog.files.topLevelItem(2))
    dialog.remove_selected()  # the room's file
    assert rows(dialog.questions)[1] == ["Pick two.", "2", "1", "50%"]
    dialog.close()


def test_this_computers_sessions_count_too(app, tmp_path):
    window, controller, questions = app
    sessions = SessionStore(controller.store)
    started = sessions.start(module="alpha", module_version="1.2.0", lang="en", mode="counts")
    sessions.record_question(started, question_result(questions["q-tf"], 0, {"A": 3, "B": 1}))
    dialog = controller.dialogs.merge_results()
    assert dialog.files.topLevelItem(0).text(0) == "This computer"
    assert rows(dialog.questions) == [["Release equals clearance.", "4", "1", "25%"]]
    dialog.files.setCurrentItem(dialog.files.topLevelItem(0))
    dialog.remove_selected()  # this computer's row is not a file: it stays
    assert dialog.files.topLevelItemCount() == 1
    dialog.close()


def test_csv_results_carry_no_answers_and_the_panel_says_so(app, tmp_path):
    window, controller, _questions = app
    export = tmp_path / "plain.csv"
    write_export([attempt(**{"q-single": 1})], export, "csv")  # CSV: no per-question results
    dialog = controller.dialogs.merge_results()
    dialog.add_files([export])
    panel = dialog.questions
    assert dialog.table.rowCount() == 1 and panel.table.rowCount() == 0
    assert not panel.module_box.isEnabled()
    assert "CSV exports do not carry them" in panel.hint.text()
    dialog.close()


def test_a_click_projects_the_question_with_its_answer_and_explanation(app, tmp_path, qtbot):
    window, controller, questions = app
    dialog = controller.dialogs.merge_results()
    dialog.add_files(class_files(tmp_path, questions))
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitExposed(dialog)
    panel = dialog.questions
    assert unnamed(dialog) == []
    table = panel.table
    where = table.visualItemRect(table.item(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    projection = panel.projection
    assert projection is not None and projection.isVisible()
    qtbot.waitExposed(projection)
    assert "Which one is right?" in projection.text.toPlainText()
    assert projection.answer.text() == "✔ Correct answer: Right one"
    assert "SECRET-EXPLANATION because." in projection.explanation.toPlainText()
    assert projection.class_line.text() == "The class: 0 of 2 answers correct (0%)"
    assert "most missed: 1 of 3" in projection.heading.text()
    assert projection.text.font().pixelSize() >= SMALLEST_PX * 1.2 - 1
    assert projection.answer.font().pixelSize() >= SMALLEST_PX
    assert unnamed(projection) == []
    qtbot.keyClick(projection, Qt.Key.Key_Right)  # the next most missed
    assert "Release equals clearance." in projection.text.toPlainText()
    assert projection.answer.text() == "✔ Correct answer: False"
    assert " ".join(projection.explanation.toPlainText().split()) == "Explanation: No."
    qtbot.keyClick(projection, Qt.Key.Key_Left)
    assert projection.current_question().share.question == "q-single"
    projection.close()
    dialog.close()


def test_the_projection_goes_full_screen_and_its_type_grows(app, tmp_path, qtbot):
    window, controller, questions = app
    dialog = controller.dialogs.merge_results()
    dialog.add_files(class_files(tmp_path, questions))
    projection = dialog.questions.open_row(2)
    assert projection is not None and projection.current_question().share.question == "q-multi"
    assert projection.previous_button.isEnabled()  # row 3 of 3: a previous one
    assert not projection.next_button.isEnabled()  # the last row
    qtbot.waitExposed(projection)
    projection.resize(800, 500)
    qtbot.waitUntil(lambda: projection.body_pixels() == SMALLEST_PX)  # never smaller
    small = projection.text.font().pixelSize()
    projection.resize(1400, 1080)
    qtbot.waitUntil(lambda: projection.text.font().pixelSize() > small)
    assert projection.body_pixels() == 45  # a 1080-pixel-high picture
    qtbot.keyClick(projection, Qt.Key.Key_F11)
    qtbot.waitUntil(projection.isFullScreen)
    assert projection.full_button.isChecked()
    qtbot.keyClick(projection, Qt.Key.Key_Escape)  # leaves full screen, keeps the window
    qtbot.waitUntil(lambda: not projection.isFullScreen())
    assert projection.isVisible() and not projection.full_button.isChecked()
    projection.full_button.click()  # the button does the same
    qtbot.waitUntil(projection.isFullScreen)
    projection.close()
    dialog.close()


def test_a_question_the_course_no_longer_has_is_still_listed(app, tmp_path, qtbot):
    window, controller, _questions = app
    export = tmp_path / "old.json"
    write_export([attempt(**{"q-<b>gone</b>": 0, "q-tf": 1})], export, "json")
    dialog = controller.dialogs.merge_results()
    dialog.add_files([export])
    assert rows(dialog.questions)[0] == ["q-<b>gone</b>", "1", "0", "0%"]
    projection = dialog.questions.open_row(0)
    assert "Question q-<b>gone</b> is not in the course" in projection.text.toPlainText()
    assert not projection.answer.isVisibleTo(projection)
    assert not projection.explanation.isVisibleTo(projection)
    projection.close()
    dialog.close()
