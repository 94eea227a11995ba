"""The classroom quiz run from the presenter's console: the panel in the console, its view on
the projector, the clicker driving its questions, the session keeping what was revealed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from courseware_app.core.classroom import TEAMS, SessionStore
from courseware_app.core.loader import load_course
from courseware_app.core.present.steps import StepKind
from courseware_app.ui.present.classroom import ClassroomPanel
from courseware_app.ui.present.session import Presenter, PresentOptions
from courseware_app.ui.settings import Settings
from tests.conftest import BUNDLED_CONTENT


@pytest.fixture
def presenter(qtbot, tmp_path):
    module = load_course(BUNDLED_CONTENT).modules["rm-02"]
    shown = Presenter(module, PresentOptions(audience_lang="en", data_dir=tmp_path / "data"))
    qtbot.addWidget(shown.audience)
    qtbot.addWidget(shown.console)
    shown.start()
    yield shown
    shown.controller.end()


def open_quiz(presenter: Presenter) -> ClassroomPanel:
    c = presenter.controller
    c.go(next(i for i, s in enumerate(c.presentation.steps) if s.kind == StepKind.QUIZ))
    presenter.console.quiz_button.click()
    panel = presenter.console.panel
    assert isinstance(panel, ClassroomPanel)
    return panel


def test_a_quiz_runs_from_the_console_and_is_kept_with_the_session(qtbot, presenter, tmp_path):
    panel = open_quiz(presenter)
    audience = presenter.audience
    assert audience.content.currentWidget() is audience.steps  # the room waits for Start
    panel.setup.place.setText("Tbilisi")
    panel.setup.trainer.setText("Nino")
    panel.setup.start_button.click()
    assert audience.content.currentWidget() is panel.view
    step = presenter.controller.index
    qtbot.keyClick(presenter.console, Qt.Key.Key_PageDown)  # the clicker: the next question
    assert (panel.index, presenter.controller.index) == (1, step)
    qtbot.keyClick(presenter.console, Qt.Key.Key_PageUp)
    assert panel.index == 0
    panel.counts_editor.boxes["correct"].setValue(6)
    panel.reveal_button.click()
    assert panel.view.revealed
    panel.finish_button.click()
    assert presenter.console.panel is None
    assert audience.content.currentWidget() is audience.steps
    assert panel.view.parent() is None  # the revealed answer has left the room's window
    sid = presenter.controller.session_id
    presenter.controller.end()
    sessions = SessionStore.open(tmp_path / "data")
    try:
        session = sessions.session(sid)
    finally:
        sessions.close()
    assert (session.place, session.trainer, session.mode) == ("Tbilisi", "Nino", "counts")
    assert [(q.question, q.counts["correct"]) for q in session.questions] == [("q-steps", 6)]
    remembered = Settings(tmp_path / "data" / "settings.ini")
    assert remembered.qs.value("classroom/place") == "Tbilisi"


def test_the_quiz_view_follows_the_console_light_and_dark(presenter):
    panel = open_quiz(presenter)
    panel.setup.teams_mode.setChecked(True)
    panel.setup.start_button.click()
    assert panel.mode == TEAMS
    dark = presenter.console.languages.dark
    dark.setChecked(False)
    assert panel.view.dark is False
    dark.setChecked(True)
    assert panel.view.dark is True
