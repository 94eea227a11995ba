"""The dashboard's classroom sessions tab: what a trainer sees after presenting a module."""

from courseware_app.core.classroom import SectionTime, SessionStore, question_result
from courseware_app.ui.dashboard_sessions import SessionsView
from courseware_app.ui.themes import current
from tests.core.classroom.helpers import ORDER, SINGLE
from tests.ui.test_progress_ui import open_app  # noqa: F401 - the fixture


def texts(item):
    return [item.text(c) for c in range(item.columnCount())]


def present(store):
    """A finished session of alpha (English), two questions, one overrun section."""
    sessions = SessionStore(store)
    sid = sessions.start(
        module="alpha", module_version="1.0.0", lang="en", started_at="2025-03-01T09:00:00Z"
    )
    sessions.set_people(sid, place="Tashkent", trainer="Aigerim", mode="counts")
    sessions.record_question(sid, question_result(SINGLE, 0, {"A": 1, "B": 3}))
    sessions.record_question(sid, question_result(ORDER, 1, {"correct": 2, "incorrect": 2}))
    times = [SectionTime("intro", 10, 480.0), SectionTime("matrix", 20, 1920.0)]
    sessions.finish(sid, sections=times)


def test_the_tab_lists_sessions_with_their_delivery_record(open_app, qtbot):  # noqa: F811
    window, c = open_app()
    d = c.dialogs.show_dashboard()
    view = d.sessions
    assert d.tabs.indexOf(view) == 3 and d.tabs.tabText(3) == "Classroom &sessions"
    [empty] = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    assert "No classroom sessions yet" in empty.text(0)
    present(c.store)
    d.close()
    d = c.dialogs.show_dashboard()  # read again when shown
    assert view.topLevelItemCount() == 1
    row = view.topLevelItem(0)
    assert texts(row)[1:] == ["Alpha module", "Tashkent", "Aigerim", "2", "62.5%"]  # 5 of 8
    assert "2025" in row.text(0)
    intro, matrix = row.child(0), row.child(1)
    assert texts(intro)[1:4] == ["Introduction", "planned 10 min", "took 8 min"]
    assert texts(matrix)[1:4] == ["Risk matrix", "planned 20 min", "took 32 min (12 min over)"]
    assert matrix.font(3).bold() and not intro.font(3).bold()
    assert matrix.foreground(3).color().name() == current().bad.lower()
    assert view.accessibleName() == "Classroom sessions"


def test_a_session_of_a_module_not_in_the_course_shows_its_id(qtbot, tmp_path, open_app):  # noqa: F811
    window, c = open_app()
    sessions = SessionStore(c.store)
    sid = sessions.start(module="gone", module_version="1", lang="en")
    sessions.finish(sid, sections=[SectionTime("s1", None, 30.0)])
    view = SessionsView()
    qtbot.addWidget(view)
    view.fill(c.store, window.reader.course, "en")
    row = view.topLevelItem(0)
    assert texts(row)[1:] == ["gone", "", "", "0", "—"]
    assert texts(row.child(0))[1:4] == ["s1", "no time planned", "took under 1 min"]
