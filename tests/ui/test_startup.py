"""Start-up: the page the last session ended on is painted before the course is loaded."""

import json
import os
import subprocess
import sys
from argparse import Namespace

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from courseware_app.app import after_first_paint, attach_everything, open_window
from courseware_app.core.history import Location
from courseware_app.ui.progress_ui import ProgressController
from tests.conftest import ROOT, TEST_CONTENT


@pytest.fixture
def start(qtbot, tmp_path):
    """start(**options) -> a window as `courseware` opens it (attach=False: the frame only)."""
    data = tmp_path / "data"
    windows = []

    def run(attach=True, **options):
        args = Namespace(
            lang="en", trainer=False, content=str(TEST_CONTENT), open=None, data_dir=None
        )
        for k, v in options.items():
            setattr(args, k, v)
        window, languages = open_window(args, QApplication.instance(), data)
        qtbot.addWidget(window)
        windows.append(window)
        if attach:
            attach_everything(window, args, data, languages, log_to_file=False)
            window.show()
            window.reader.open_start()
        window.args, window.languages = args, languages
        return window

    run.data = data
    yield run
    for w in windows:
        w.close()


def test_the_first_start_has_nothing_to_paint_early_and_records_its_page(start):
    w = start(attach=False)
    assert not w.start_page_shown
    w.close()
    w = start()
    record = json.loads((start.data / "cache" / "start.json").read_text(encoding="utf-8"))
    assert record["module"] == w.reader.location.module == "alpha"
    assert record["title"] == w.windowTitle()
    assert (start.data / "cache" / record["page"]).is_file()


def test_the_next_start_paints_the_last_page_then_attaches_without_redrawing_it(start, qtbot):
    first = start()
    first.reader.navigate(Location("beta", ""))
    title = first.windowTitle()
    first.close()

    w = start(attach=False)
    assert w.start_page_shown and not hasattr(w, "reader")
    assert "Beta module" in w.view.toPlainText()
    assert w.windowTitle() == title
    assert w.content_lang_box.count() == 4  # "same as interface" + en, ru, fr, as recorded
    assert not w.actions_["back"].icon().isNull()  # blank icons keep the toolbar's size
    assert w.actions_["trainerMode"].shortcuts() == []  # keys come with the course
    w.show()
    redrawn = []
    w.view.show_page = lambda html, ids: redrawn.append(html)
    attach_everything(w, w.args, start.data, w.languages, log_to_file=False)
    w.reader.open_start()
    assert w.reader.course is not None and not w.start_page_shown
    assert w.reader.location == Location("beta", "")
    assert redrawn == []  # the same page: not set again (no flicker, no lost scroll position)
    assert w.outline.topLevelItemCount() == 2
    assert w.actions_["nextModule"].isEnabled()
    assert w.actions_["trainerMode"].shortcut().toString() == "Ctrl+T"
    assert (
        w.actions_["back"].shortcuts() and w.actions_["quit"].shortcuts()
    )  # QKeySequence.StandardKey ones


def test_the_start_page_opens_at_the_section_read_last(start, qtbot):
    first = start()
    first.resize(900, 400)
    first.reader.navigate(Location("alpha", "matrix"))
    first.close()
    w = start(attach=False)
    w.resize(900, 400)
    w.show()
    assert w.view.verticalScrollBar().value() > 0  # before the first paint, not after attaching
    attach_everything(w, w.args, start.data, w.languages, log_to_file=False)
    w.reader.open_start()
    assert w.reader.location == Location("alpha", "matrix")


def test_nothing_is_painted_early_when_this_start_would_show_another_page(start):
    start().close()
    assert not start(attach=False, open="beta").start_page_shown
    assert not start(attach=False, trainer=True).start_page_shown
    assert not start(attach=False, lang="ru").start_page_shown
    assert start(attach=False, open="alpha#matrix").start_page_shown


def test_a_shared_laptop_paints_the_title_page_and_asks_over_it(start, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from courseware_app.ui.profiles_dialog import ProfilesDialog

    first = start()
    first.part(ProgressController).profile_manager.new(
        "Бекзат"
    )  # switches to it; "Learner" stays at alpha
    first.reader.navigate(Location("beta", ""))
    first.close()
    record = json.loads((start.data / "cache" / "start.json").read_text(encoding="utf-8"))
    assert record["shared"] is True and record["cover"]["title"]["en"] == "Test course"

    seen = []

    def pick(dialog):
        w = dialog.parent()
        seen.append((w.cover_shown, hasattr(w, "reader"), w.windowTitle(), w.view.toPlainText()))
        assert dialog.chosen() is None  # nobody preselected
        dialog.list.setCurrentRow(names(dialog).index("Learner"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfilesDialog, "exec", pick)
    w = start(attach=False)
    assert w.cover_shown and not w.start_page_shown  # painted early: nobody's page
    assert w.windowTitle() == "Courseware" and w.content_lang_box.count() == 4
    text = w.view.toPlainText()
    assert "Test course" in text and "Time Release Study" in text and "Beta" not in text
    assert attach_everything(w, w.args, start.data, w.languages, log_to_file=False)
    w.reader.open_start()
    assert len(seen) == 1
    cover, attached, title, behind = seen[0]
    assert attached and not cover and title == "Courseware"
    assert "Test course" in behind and "Beta" not in behind
    assert w.part(ProgressController).profile.name == "Learner"
    assert w.reader.location.module == "alpha"  # then Learner's own place opens
    assert "Alpha" in w.windowTitle() and "Alpha module" in w.view.toPlainText()


def names(dialog):
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_quit_in_the_picker_at_start_up_attaches_nobody(start, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from courseware_app.ui.profiles_dialog import ProfilesDialog

    first = start()
    first.part(ProgressController).profile_manager.new("Бекзат")
    first.close()
    monkeypatch.setattr(ProfilesDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    w = start(attach=False)
    assert not attach_everything(w, w.args, start.data, w.languages, log_to_file=False)
    assert w.part(ProgressController).profile is None
    assert "Test course" in w.view.toPlainText()


def test_a_laptop_no_longer_shared_paints_the_last_page_again(start, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from courseware_app.ui.profiles_dialog import ProfilesDialog

    first = start()
    first.part(ProgressController).profile_manager.create("Бекзат")
    first.close()
    assert start(attach=False).cover_shown

    def pick(dialog):
        dialog.list.setCurrentRow(names(dialog).index("Learner"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfilesDialog, "exec", pick)
    second = start()
    second.reader.navigate(Location("beta", ""))
    manager = second.part(ProgressController).profile_manager
    manager.delete(next(p for p in manager.profiles() if p.name == "Бекзат"), confirm=False)
    second.close()
    w = start(attach=False)
    assert w.start_page_shown and not w.cover_shown and "Beta module" in w.view.toPlainText()


def test_closing_in_trainer_mode_records_the_trainee_page_for_the_next_start(start):
    w = start()
    w.reader.set_trainer(True)  # Ctrl+T during the class; the trainee page was shown first
    w.close()
    record = json.loads((start.data / "cache" / "start.json").read_text(encoding="utf-8"))
    assert record["trainer"] is False and "Trainer" not in record["position"]
    nxt = start(attach=False)
    assert nxt.start_page_shown
    assert "SECRET-TRAINER-TEXT" not in nxt.view.toPlainText()


def test_the_interface_language_can_change_before_the_course_is_attached(start):
    start().close()
    w = start(attach=False)
    assert w.start_page_shown
    w.uiLanguageRequested.emit("fr")  # someone is quick with the Language menu
    assert w.menu("file").title() == "&Fichier"
    attach_everything(w, w.args, start.data, w.languages, log_to_file=False)
    w.reader.open_start()
    assert w.reader.location.module == "alpha"
    assert w.reader._shown.ui_lang == "fr"  # re-shown in French once the course is there
    w.uiLanguageRequested.emit("en")


def test_after_first_paint_calls_back_once_the_widget_has_painted(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls = []
    after_first_paint(widget, lambda: calls.append("painted"), fallback_ms=60_000)
    QApplication.processEvents()  # whatever is queued runs; nothing has painted
    assert calls == []  # not shown, not painted
    widget.show()
    qtbot.waitUntil(lambda: calls == ["painted"])
    widget.repaint()
    QApplication.processEvents()  # a second paint queues no second call
    assert calls == ["painted"]


def test_after_first_paint_falls_back_when_nothing_paints(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls = []
    after_first_paint(widget, lambda: calls.append("late"), fallback_ms=100)
    qtbot.waitUntil(lambda: calls == ["late"], timeout=2000)


def first_paint_modules(data) -> set[str]:
    env = dict(os.environ, COURSEWARE_BENCH_EXIT="modules", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "courseware_app", "--lang", "en", "--content", str(TEST_CONTENT)]
        + ["--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("LOADED")]
    assert lines, out.stderr[-2000:]
    return set(lines[0].split()[1:])


def test_the_first_paint_needs_neither_course_nor_progress_nor_qt_namespace(tmp_path):
    """What keeps start-up within budget (benchmarks/run.py measures it): the window's frame
    and the recorded page, and nothing else, before the first paint."""
    data = tmp_path / "data"
    first = first_paint_modules(data)  # no record yet: everything loads first
    assert "courseware_app.core.course" in first
    early = first_paint_modules(data)
    assert "courseware_app.ui.main_window" in early
    heavy = {
        "courseware_app.core.course",
        "courseware_app.core.render",
        "courseware_app.core.progress",
        "courseware_app.ui.progress_ui",
        "courseware_app.ui.search",
        "markdown",
        "yaml",
        "PySide6.QtCore.Qt",
    }
    assert early & heavy == set()
