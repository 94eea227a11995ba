"""A shared laptop: nobody's place shown to the next person, preferences per profile, resuming at
the start of the section read last, and no blank band below a diagram."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from courseware_app.core.history import Location
from courseware_app.core.progress import ProgressStore
from courseware_app.ui.profiles_dialog import ProfilesDialog
from courseware_app.ui.progress_ui import install_progress


@pytest.fixture
def laptop(make_window, tmp_path):
    """laptop(data, pick) -> (window, progress controller), as a start opens them."""

    def start(data=None, pick=False):
        data = data or tmp_path / "data"
        window = make_window(start=False, settings_path=data / "settings.ini")
        controller = install_progress(window, ProgressStore.open(data), data, pick=pick)
        window.reader.open_start()
        return window, controller

    return start


def image_block_and_next(view):
    """The first block holding only an image, and the block after it."""
    block = view.document().begin()
    while block.isValid():
        if block.text() == "\ufffc":
            return block, block.next()
        block = block.next()
    raise AssertionError("no image block on the page")


def test_a_diagram_is_followed_by_the_next_block_without_a_blank_band(make_window, qtbot):
    w = make_window()
    w.resize(1024, 768)
    w.reader.navigate(Location("alpha", "intro"))
    QApplication.processEvents()
    view = w.view
    image, after = image_block_and_next(view)
    layout = view.document().documentLayout()
    qtbot.waitUntil(
        lambda: layout.blockBoundingRect(image).height() >= 60
    )  # the SVG (200 x 60), drawn
    drawn = image.layout().lineAt(0).height()
    box = layout.blockBoundingRect(image)
    assert abs(box.height() - drawn) < 1  # the line is as high as the image, no more
    margins = image.blockFormat().bottomMargin() + after.blockFormat().topMargin()
    gap = layout.blockBoundingRect(after).top() - (box.top() + drawn)
    assert 0 <= gap <= margins + 1


# ---------------------------------------------------------------- nobody's place at the start


def names(dialog):
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def two_profiles(laptop):
    """A laptop where Learner read alpha and then Бекзат read beta, last."""
    w, c = laptop()
    w.reader.navigate(Location("alpha", "matrix"))
    c.profile_manager.new("Бекзат")
    w.reader.navigate(Location("beta", "data"))
    data = c.store.path.parent
    w.close()
    return data


def test_the_picker_preselects_nobody_and_enter_opens_nobody(laptop, qtbot, monkeypatch):
    data = two_profiles(laptop)
    seen = {}

    def pick(dialog):
        window = dialog.parent()
        seen["behind"] = (window.windowTitle(), window.view.toPlainText())
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.list.setFocus()  # makes the first row current, which must pick nobody
        seen["chosen"] = dialog.chosen()
        seen["open enabled"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        seen["after enter"] = dialog.isVisible() and dialog.result() == 0
        dialog.list.setCurrentRow(names(dialog).index("Learner"))
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(ProfilesDialog, "exec", pick)
    w, c = laptop(data, pick=True)
    assert seen["chosen"] is None and not seen["open enabled"] and seen["after enter"]
    title, text = seen["behind"]
    assert title == "Courseware"  # the course's title page behind the picker, nobody's place
    assert "Test course" in text and "Risk management" in text and "Choose your profile" in text
    assert "Beta module" not in text and "Alpha module" not in text
    assert c.profile.name == "Learner" and w.reader.location == Location("alpha", "matrix")


def test_quit_in_the_picker_opens_nobody(laptop, monkeypatch):
    data = two_profiles(laptop)
    monkeypatch.setattr(ProfilesDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    w, c = laptop(data, pick=True)
    assert c.profile is None
    assert (
        ProfilesDialog(c, w, startup=True)
        .buttons.button(QDialogButtonBox.StandardButton.Cancel)
        .text()
        == "&Quit"
    )


def test_one_profile_is_opened_without_asking(laptop, monkeypatch):
    asked = []
    monkeypatch.setattr(ProfilesDialog, "exec", lambda d: asked.append(d) or 1)
    w, c = laptop()
    w.reader.navigate(Location("beta", "data"))
    data = c.store.path.parent
    w.close()
    w, c = laptop(data, pick=True)
    assert asked == [] and c.profile.name == "Learner"
    assert w.reader.location == Location("beta", "data")


# ---------------------------------------------------------------- preferences per profile


def test_text_size_and_one_question_per_page_are_each_profiles_own(laptop, qtbot):
    w, c = laptop()
    learner = c.profile
    w.zoom(3)
    w.prefs.quiz_one_per_page = False  # what the quiz's own switch sets
    bekzat = c.profile_manager.new("Бекзат")
    assert w.prefs.zoom == 0 and w.prefs.quiz_one_per_page is True
    w.zoom(-1)
    c.profile_manager.switch_to(learner)
    assert w.prefs.zoom == 3 and w.prefs.quiz_one_per_page is False
    w.reader.open_quiz("alpha", "alpha-quiz")
    assert not w.reader.quiz_dialog.one_per_page
    w.reader.quiz_dialog.close()
    c.profile_manager.switch_to(c.store.profile(bekzat.id))
    data = c.store.path.parent
    w.close()  # and after a restart, in Бекзат's profile (the last one)
    w, c = laptop(data)
    assert c.profile.id == bekzat.id and w.prefs.zoom == -1 and w.prefs.quiz_one_per_page


# ---------------------------------------------------------------- resuming


def heading_top(view, anchor):
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if anchor in it.fragment().charFormat().anchorNames():
                return view.document().documentLayout().blockBoundingRect(block).top()
            it += 1
        block = block.next()
    raise AssertionError(f"no anchor {anchor}")


def test_a_profile_resumes_with_the_section_heading_at_the_top(laptop, qtbot):
    w, c = laptop()
    w.resize(900, 420)
    learner = c.profile
    w.reader.navigate(Location("alpha", "intro"))
    bar = w.view.verticalScrollBar()
    top = heading_top(w.view, "intro")
    on = min(40, bar.maximum() - bar.value())
    assert abs(bar.value() - top) <= 2 and on > 10
    bar.setValue(bar.value() + on)  # read on, in the middle of the section
    c.profile_prefs.save()
    c.profile_manager.new("Бекзат")
    w.reader.navigate(Location("beta", ""))
    c.profile_manager.switch_to(learner)
    QApplication.processEvents()
    assert w.reader.location == Location("alpha", "intro")
    QApplication.processEvents()  # a restored pixel offset would arrive in a queued call
    assert abs(bar.value() - heading_top(w.view, "intro")) <= 2
