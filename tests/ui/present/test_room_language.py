"""The projector speaks the room's language — words and numbers — while the console (and the
rest of the interface) stays in the trainer's."""

from __future__ import annotations

from courseware_app.core.classroom import SessionStore
from courseware_app.core.i18n import current_language
from courseware_app.core.loader import load_course
from courseware_app.ui.present.classroom import ClassroomPanel
from courseware_app.ui.present.quiz_view import AudienceQuizView
from courseware_app.ui.settings import Settings
from tests.conftest import BUNDLED_CONTENT


def test_a_russian_room_reads_russian_words_and_numbers_on_an_english_console(qtbot, tmp_path):
    assert current_language() == "en"
    course = load_course(BUNDLED_CONTENT)
    tr = course.modules["rm-02"].translations["ru"]
    store = SessionStore.open(tmp_path / "data")
    sid = store.start(module="rm-02", module_version=tr.version, lang="ru")
    view = AudienceQuizView(course.root, lang="ru")
    panel = ClassroomPanel(
        tr.quizzes[0], tr, store, sid, view, settings=Settings(tmp_path / "s.ini")
    )
    for widget in (view, panel):
        qtbot.addWidget(widget)
    panel.setup.start_button.click()
    panel.show_question(next(i for i, q in enumerate(tr.quizzes[0].questions) if q.id == "q-area"))
    assert view.heading.text().startswith("Вопрос ")
    for letter, count in {"A": 1, "B": 2, "C": 0, "D": 0}.items():
        panel.counts_editor.boxes[letter].setValue(count)
    panel.reveal_button.click()
    assert view.chart_title.text() == "3 ответа"
    assert "33,3\u00a0%" in view.chart.summary() and "ответ" in view.chart.summary()
    assert panel.reveal_button.text() == "&Reveal"  # the console stays in English
    assert current_language() == "en"
    store.close()
