"""The presenter: what the controller, the audience window and the console do with a bundled
module (rm-02), the time against the plan, and the session kept in the progress file."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel

from courseware_app.core.classroom import SessionStore
from courseware_app.core.present.steps import StepKind
from courseware_app.core.present.timing import TimeState
from courseware_app.ui.present.controller import Blank
from courseware_app.ui.present.look import BODY_PX
from courseware_app.ui.present.picture import Picture
from courseware_app.ui.present.screens import ScreenPlan
from tests.ui.present import test_presenter_helpers as helpers
from tests.ui.present.test_presenter_helpers import bundled_course, widget_text

clock, present = helpers.clock, helpers.present  # the fixtures


def test_opening_shows_the_module_title_and_objectives_in_the_rooms_language(present):
    p = present()
    text = widget_text(p.audience)
    tr = bundled_course().modules["rm-02"].translations["ru"]
    assert tr.title in text
    assert all(o in text for o in tr.objectives)


def test_next_and_previous_walk_the_steps(present):
    p = present()
    c = p.controller
    c.next()
    assert c.index == 1 and c.step.kind == StepKind.SECTION
    assert c.step.title in widget_text(p.audience)
    c.previous()
    assert c.index == 0
    c.last()
    assert c.step.kind == StepKind.QUIZ
    c.next()
    assert c.index == c.count - 1  # stays on the last step


def test_a_slide_shows_its_bullets_in_large_type(present):
    p = present()
    c = p.controller
    slide = next(i for i, s in enumerate(c.presentation.steps) if s.points and s.kind == "slide")
    c.go(slide)
    labels = p.audience.findChildren(QLabel)
    assert max(label.font().pixelSize() for label in labels) > BODY_PX
    text = widget_text(p.audience)
    assert all(" ".join(point.split()) in text for point in c.step.points)
    bodies = [w.font().pixelSize() for w in p.audience.steps.findChildren(type(p.audience.steps))]
    assert all(px >= BODY_PX for px in bodies)


def test_body_text_is_at_least_28_px_at_1024x768_and_grows_with_the_screen(present, qtbot):
    p = present()
    view = p.audience.steps
    assert view.px >= BODY_PX
    p.audience.resize(1920, 1080)
    qtbot.waitUntil(lambda: view.px > BODY_PX)
    assert view.px == round(BODY_PX * 1080 / 768)


def test_bilingual_bullets_put_the_second_language_beneath_each_first(present):
    p = present(second="en")
    c = p.controller
    slide = next(i for i, s in enumerate(c.presentation.steps) if s.kind == "slide" and s.points)
    c.go(slide)
    second = c.second_step()
    assert second is not None and len(second.points) == len(c.step.points)
    (layout,) = p.audience.steps.findChildren(QGridLayout)
    for i, (first, below) in enumerate(zip(c.step.points, second.points, strict=True)):
        top = layout.itemAtPosition(2 * i, 1).widget()
        under = layout.itemAtPosition(2 * i + 1, 1).widget()
        assert " ".join(top.toPlainText().split()) in " ".join(first.split())
        assert " ".join(under.toPlainText().split()) in " ".join(below.split())
        assert under.font().pixelSize() < top.font().pixelSize()


def test_a_picture_step_is_a_picture_with_its_title_as_accessible_name(present):
    p = present()
    c = p.controller
    c.go(next(i for i, s in enumerate(c.presentation.steps) if s.image))
    pictures = p.audience.findChildren(Picture)
    assert len(pictures) == 1 and pictures[0].picture is not None
    assert pictures[0].accessibleName() == c.step.title
    c.toggle_zoom()
    assert c.zoomed
    assert not [w for w in p.audience.steps.findChildren(QLabel) if w.isVisibleTo(p.audience)]


def test_blank_black_and_white_then_back(present):
    p = present()
    c = p.controller
    c.blank(Blank.BLACK)
    assert p.audience.screen_stack.currentWidget() is p.audience.blank_screen
    c.blank(Blank.BLACK)
    assert p.audience.screen_stack.currentWidget() is p.audience.content
    c.blank(Blank.WHITE)
    colour = p.audience.blank_screen.palette().window().color().name()
    assert colour == "#ffffff"


def test_section_time_turns_amber_then_red_in_colour_and_words(present, clock):
    p = present(section="why")
    c = p.controller
    planned = c.presentation.planned("why")
    assert planned == 15
    c.timeTick.emit()
    assert p.console.time.state == TimeState.OK
    assert "on time" in p.console.time.section.text()
    clock.advance(planned * 60 * 0.85)
    c.timeTick.emit()
    assert p.console.time.state == TimeState.AMBER
    assert "nearly over time" in p.console.time.section.text()
    clock.advance(planned * 60 * 0.2)
    c.timeTick.emit()
    assert p.console.time.state == TimeState.RED
    assert "over time" in p.console.time.section.text()
    assert p.console.time.section.palette().windowText().color().name() == "#c00000"


def test_the_session_is_recorded_at_start_and_finished_with_section_times(present, clock, tmp_path):
    p = present(section="why")
    c = p.controller
    session = c.session_id
    assert session and c.store is not None
    stored = SessionStore.open(tmp_path / "data")
    try:
        row = stored.session(session)
        assert row.module == "rm-02" and row.lang == "ru" and row.finished_at is None
        clock.advance(120)
        c.go(c.presentation.first_step("process"))
        clock.advance(30)
        c.end()
        row = stored.session(session)
    finally:
        stored.close()
    assert row.finished_at is not None
    times = {s.section: (s.planned_minutes, s.actual_seconds) for s in row.sections}
    assert times == {"why": (15, 120.0), "process": (30, 30.0)}
    assert not p.audience.isVisible() and not p.console.isVisible()


def test_a_data_folder_that_cannot_be_opened_still_presents_and_says_so(present, tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    p = present()
    assert p.controller.session_id is None
    assert p.audience.isVisible()
    assert "not being recorded" in p.console.status.text()


def test_console_shows_the_sections_notes_in_its_own_language(present):
    p = present(audience="ru", console="en", section="why")
    en = p.controller._built("en")
    assert en.notes["why"]
    notes = " ".join(p.console.notes.toPlainText().split())
    first_words = " ".join(p.console.notes.toPlainText().split()[:6])
    assert first_words and first_words in notes
    assert notes.split()[0] not in ("", None)
    from courseware_app.core.present.steps import plain_text

    assert plain_text(en.notes["why"])[:60] == notes[:60]


def test_console_next_preview_quiz_button_and_agenda_jump(present, qtbot):
    p = present()
    c = p.controller
    c.go(c.count - 1)
    assert c.step.kind == StepKind.QUIZ
    assert p.console.quiz_button.isVisible()
    with qtbot.waitSignal(p.console.classroomRequested) as asked:
        p.console.quiz_button.click()
    assert asked.args == [c.step.quiz]
    c.go(0)
    assert not p.console.quiz_button.isVisible()
    assert c.step_at(1).title in widget_text(p.console.upcoming)
    agenda = p.console.agenda
    section = agenda.topLevelItem(2)
    agenda.itemClicked.emit(section, 0)
    assert c.step.section == c.presentation.sections[2].id and c.step.kind == StepKind.SECTION


def test_mirrored_display_shows_the_warning(present):
    p = present()
    screen = p.console.screen()
    p.console.show_plan(ScreenPlan(screen, screen, True))
    assert p.console.banner.isVisibleTo(p.console)
    assert "Mirrored" in p.console.banner.text()
    p.console.show_plan(ScreenPlan(screen, screen, False))
    assert not p.console.banner.isVisibleTo(p.console)


def test_language_selectors_change_the_room_second_and_console_languages(present):
    p = present(audience="ru", console="en", section="why")
    c = p.controller
    c.next()
    key = c.step.key
    bar = p.console.languages
    bar.audience.activated.emit(bar.audience.findData("fr"))
    assert c.audience_lang == "fr" and c.step.key == key
    assert c.step.title in widget_text(p.audience)
    bar.second.activated.emit(bar.second.findData("en"))
    assert c.second_lang == "en"
    assert c.second_step().title in widget_text(p.audience)
    bar.console.activated.emit(bar.console.findData("ru"))
    assert c.console_lang == "ru"


def test_the_hosted_view_replaces_the_steps_and_leaves_with_show_steps(present):
    from PySide6.QtWidgets import QWidget

    p = present()
    view, panel = QLabel("quiz view"), QWidget()
    p.audience.show_widget(view)
    assert p.audience.content.currentWidget() is view
    p.audience.show_steps()
    assert p.audience.content.currentWidget() is p.audience.steps
    assert "quiz view" not in widget_text(p.audience)
    p.console.show_panel(panel)
    assert p.console.panel is panel and p.console.side.currentWidget() is panel
    p.console.hide_panel()
    assert p.console.panel is None


def test_dark_and_light_projector_looks(present):
    p = present()
    assert p.audience.steps.palette().window().color().name() == "#000000"
    p.console.languages.dark.setChecked(False)
    assert p.audience.steps.palette().window().color().name() == "#ffffff"
