"""What completes a module is said where a trainee looks: the page under the module header, the
outline's tooltip, the dashboard; and passing the quiz completes it there at once."""

from courseware_app.core.history import Location
from tests.ui import test_progress_ui
from tests.ui.test_progress_ui import RIGHT, module_row, settle, take_quiz

open_app = test_progress_ui.open_app  # the fixture: a window with progress over a data folder


def page_text(w) -> str:
    return w.view.document().toPlainText()


def test_the_page_says_what_completes_the_module_and_follows_a_pass(open_app, qtbot):
    w, c = open_app()
    w.reader.navigate(Location("alpha", "intro"))
    settle(qtbot, c, lambda: "In progress — " in page_text(w))  # once the visit is written
    lines = page_text(w).splitlines()
    meta = next(i for i, line in enumerate(lines) if line.startswith("Planned duration"))
    assert lines[meta + 1].startswith("In progress — 1 of 3 sections read.")
    take_quiz(w, RIGHT)  # passed, with two sections never opened
    settle(qtbot, c, lambda: "Completed — The quiz is passed." in page_text(w))
    assert w.outline.item_for("alpha").toolTip(1) == "Completed: The quiz is passed."
    assert w.reader.location == Location("alpha", "intro")


def test_a_module_without_a_quiz_asks_for_every_section(open_app, qtbot):
    w, c = open_app()
    w.reader.navigate(Location("beta", "overview"))
    qtbot.waitUntil(lambda: "Read every section to complete it." in page_text(w))
    w.reader.navigate(Location("beta", "data"))
    settle(qtbot, c, lambda: "Completed — Every section is read." in page_text(w))


def test_the_dashboard_states_the_rule_and_applies_it(open_app, qtbot):
    w, c = open_app()
    take_quiz(w, RIGHT)
    settle(qtbot, c)
    d = c.dialogs.show_dashboard()
    assert d.rule.isVisible()
    assert d.rule.text().startswith("A module with a quiz is completed when its quiz is passed")
    assert module_row(d, "alpha").text(1) == "Completed"
    assert module_row(d, "beta").toolTip(1) == "Not opened yet."
    assert module_row(d, "alpha").toolTip(1) == "The quiz is passed."
    d.close()
