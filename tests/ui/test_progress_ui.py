"""Progress in the GUI, driven as a trainee and a trainer would."""

import csv
import io
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from courseware_app.core.history import Location
from courseware_app.core.i18n import UI_LANGUAGES, compile_catalog, set_language
from courseware_app.core.progress import DB_NAME, SCHEMA_VERSION, ProgressStore
from courseware_app.core.results import export_records, write_export
from courseware_app.ui.profiles_dialog import ProfilesDialog
from courseware_app.ui.progress_ui import NoteDialog, install_progress
from tests.core.test_progress import make_attempt
from tests.ui.test_shared_laptop import heading_top

RIGHT = {
    "q-single": 1,
    "q-multi": {0, 1},
    "q-tf": False,
    "q-short": "PCA",
    "q-num": "50",
    "q-order": [0, 1, 2],
    "q-match": {0: 0, 1: 1},
}


class FakeClock:
    """Stands in for the QElapsedTimer so that time spent is exact."""

    def __init__(self):
        self.ms, self.valid = 0, False

    def start(self):
        self.valid = True

    def isValid(self):  # noqa: N802 - QElapsedTimer's name
        return self.valid

    def restart(self):
        ms, self.ms = self.ms, 0
        return ms


@pytest.fixture
def open_app(make_window, tmp_path):
    def make(data=None, pick=False, store=True):
        data = data or tmp_path / "data"
        window = make_window(start=False, settings_path=data / "settings.ini")
        opened = ProgressStore.open(data) if store else None
        controller = install_progress(window, opened, data, pick=pick)
        window.reader.open_start()
        return window, controller

    return make


def settle(qtbot, controller, until=lambda: True):
    """Wait for the writer, then for its (queued) notifications to reach the UI."""
    controller.store.flush()
    qtbot.waitUntil(until, timeout=3000)
    QApplication.processEvents()


def take_quiz(window, answers):
    window.reader.open_quiz("alpha", "alpha-quiz")
    dialog = window.reader.quiz_dialog
    for card in dialog.cards:
        card.set_response(answers.get(card.q.id))
    attempt = dialog.submit()
    dialog.close()
    return attempt


def module_row(dashboard, module_id):
    tree = dashboard.modules
    for i in range(tree.topLevelItemCount()):
        track = tree.topLevelItem(i)
        for j in range(track.childCount()):
            if track.child(j).data(0, Qt.ItemDataRole.UserRole) == (module_id, ""):
                return track.child(j)
    return None


# ---------------------------------------------------------------- set-up


def test_first_start_makes_one_profile_and_adds_menus(open_app):
    w, c = open_app()
    assert [p.name for p in c.profile_manager.profiles()] == [
        "Learner"
    ] and c.profile.name == "Learner"
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles.index("&Profile") == titles.index("&Go") + 1
    file_actions = [a.objectName() for a in w.menu("file").actions() if not a.isSeparator()]
    assert file_actions == ["exportResults", "mergeResults", "quit"]
    assert c.menus.profile_button.text() == "Profile: Learner"
    assert c.menus.actions["bookmark"].shortcut().toString() == "Ctrl+D"
    assert w.reader.location == Location("alpha", "")


# ---------------------------------------------------------------- the trainee's flow


def test_visits_time_quiz_and_dashboard(open_app, qtbot):
    w, c = open_app()
    clock = c.recorder.clock = FakeClock()
    w.reader.navigate(Location("alpha", "intro"))
    clock.ms = 95_000
    w.reader.navigate(Location("alpha", "matrix"))
    clock.ms = 30 * 60_000  # half an hour on one section: only 20 minutes count
    w.reader.navigate(Location("alpha", "quiz"))
    for _minute in range(30):  # left open on the quiz section: the minute ticks stop at 20
        clock.ms = 60_000
        c.recorder.commit_time()
    take_quiz(w, RIGHT)  # 8 of 8
    take_quiz(w, {"q-single": 1})  # 2 of 8 = 25 %
    item = w.outline.item_for("alpha")
    settle(qtbot, c, lambda: item.toolTip(1).startswith("Completed:"))  # the outline follows
    visits = c.store.visits(c.profile.id)["alpha"]
    assert visits["intro"].seconds == 95 and visits["matrix"].seconds == 20 * 60
    assert visits["quiz"].seconds == 20 * 60
    assert set(visits) == {"intro", "matrix", "quiz"}
    stored = c.store.attempts([c.profile.id], answers=True)
    assert [a.score for a in stored] == [100.0, 25.0]
    assert stored[0].responses["q-multi"] == [0, 1] and stored[0].module_version == "1.2.0"
    assert w.outline.item_for("beta").toolTip(1).startswith("Not started")
    d = c.dialogs.show_dashboard()
    row = module_row(d, "alpha")
    assert [row.text(i) for i in range(5)] == ["Alpha module", "Completed", "100%", "25%", "42 min"]
    assert module_row(d, "beta").text(1) == "Not started"
    track = d.modules.topLevelItem(0)
    assert (track.text(0), track.text(1)) == ("Risk management", "1 of 2 completed")
    summary = d.summary.text()
    assert "1 of 3 modules completed" in summary and "2 quiz attempts" in summary
    assert "1 module started" in summary and "42 min" in summary
    qtbot.mouseClick(
        d.modules.viewport(),
        Qt.MouseButton.LeftButton,
        pos=d.modules.visualItemRect(module_row(d, "beta")).center(),
    )
    assert w.reader.location.module == "beta"
    d.modules.setCurrentItem(module_row(d, "alpha"))
    assert d.review_button.isEnabled()
    d.review_button.click()
    review = w.reader.quiz_dialog
    assert review.attempt.attempt_id == stored[1].attempt_id
    assert review.windowTitle().startswith("Review")
    review.close()
    d.close()


def test_dashboard_updates_when_a_write_lands(open_app, qtbot):
    w, c = open_app()
    d = c.dialogs.show_dashboard()
    assert module_row(d, "beta").text(1) == "Not started"
    w.reader.navigate(Location("beta", "data"))
    settle(qtbot, c, lambda: module_row(d, "beta").text(1) == "In progress")
    assert module_row(d, "beta").toolTip(1) == "1 of 2 sections read"
    d.close()


def heading_line(w, title):
    """The page's line that holds a heading, as shown."""
    return next(line for line in w.view.toPlainText().splitlines() if title in line)


def test_bookmarked_and_annotated_sections_are_marked_in_the_outline_and_the_page(open_app, qtbot):
    w, c = open_app()
    w.reader.navigate(Location("alpha", "matrix"))
    row = w.outline.item_for("alpha", "matrix")
    assert row.text(1) == "" and "★" not in heading_line(w, "Risk matrix")
    c.menus.actions["bookmark"].trigger()
    assert row.text(1) == "★" and row.toolTip(1) == "Bookmarked"
    assert heading_line(w, "Risk matrix").startswith("★")
    assert w.reader.location == Location("alpha", "matrix")  # still where the reader was
    c.annotations.edit_note("Ask about the scale")
    assert row.text(1) == "★✎" and row.toolTip(1) == "Bookmarked, Has a note"
    assert heading_line(w, "Risk matrix").startswith("★✎")
    assert "★" not in heading_line(w, "Introduction")  # only the marked section
    c.menus.actions["bookmark"].trigger()
    c.annotations.edit_note("")
    assert row.text(1) == "" and "★" not in heading_line(w, "Risk matrix")
    c.menus.actions["bookmark"].trigger()
    c.profile_manager.new("Second")  # another person sees none of it
    settle(qtbot, c)
    w.reader.navigate(Location("alpha", "matrix"))
    assert row.text(1) == "" and "★" not in heading_line(w, "Risk matrix")


def test_bookmark_and_note(open_app, qtbot, monkeypatch):
    w, c = open_app()
    w.reader.navigate(Location("alpha", "matrix"))
    qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert c.menus.actions["bookmark"].isChecked()
    w.reader.navigate(Location("beta", ""))  # the module's top counts as its first section
    c.menus.actions["bookmark"].trigger()

    def write(dialog):
        dialog.editor.setPlainText("Спросить тренера про PCA")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteDialog, "exec", write)
    c.menus.actions["note"].trigger()
    settle(qtbot, c)
    pid = c.profile.id
    assert c.store.bookmarks(pid) == [("alpha", "matrix"), ("beta", "overview")]
    assert c.store.notes(pid) == {("beta", "overview"): "Спросить тренера про PCA"}
    c.annotations.fill_menu()
    labels = [a.text() for a in c.menus.menu_bookmarks.actions()]
    assert labels == ["Alpha module — Risk matrix", "Beta module — Overview"]
    c.menus.menu_bookmarks.actions()[0].trigger()
    assert (
        w.reader.location == Location("alpha", "matrix") and c.menus.actions["bookmark"].isChecked()
    )
    qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # off again
    c.annotations.edit_note("")  # nothing happens: alpha/matrix has no note
    settle(qtbot, c)
    assert c.store.bookmarks(pid) == [("beta", "overview")]
    d = c.dialogs.show_dashboard()
    assert d.bookmarks.item(0).text() == "Beta module — Overview"
    note = d.notes.topLevelItem(0)
    assert (note.text(0), note.text(1)) == ("Beta module — Overview", "Спросить тренера про PCA")
    d.close()


def test_switching_profiles_restores_each_ones_place_and_zoom(open_app, qtbot):
    w, c = open_app()
    learner = c.profile
    w.reader.navigate(Location("alpha", "intro"))
    w.zoom(2)
    bar = w.view.verticalScrollBar()
    target = bar.value() + 60
    assert bar.maximum() > target
    bar.setValue(target)
    c.profile_prefs.save()  # what the scroll timer does once scrolling pauses
    place = w.reader.location
    bekzat = c.profile_manager.new("Бекзат")
    assert c.profile == bekzat and c.menus.profile_button.text() == "Profile: Бекзат"
    assert w.reader.location == Location("alpha", "") and w.prefs.zoom == 0
    w.reader.navigate(Location("beta", "data"))
    w.reader.set_content_language("ru")
    c.profile_manager.switch_to(learner)
    assert w.reader.location == place and w.prefs.zoom == 2 and w.prefs.content_language == ""
    # back at the start of the section read last, its heading at the top (not mid-section)
    section = place.section or "intro"
    qtbot.waitUntil(lambda: abs(bar.value() - heading_top(w.view, section)) <= 2)
    c.profile_manager.switch_to(c.store.profile(bekzat.id))
    assert w.reader.location == Location("beta", "data") and w.prefs.content_language == "ru"
    assert w.prefs.zoom == 0
    settle(qtbot, c)
    assert set(c.store.visits(bekzat.id)) == {"alpha", "beta"}
    assert set(c.store.visits(learner.id)) == {"alpha"}


def test_delete_needs_confirmation_and_can_be_undone_until_restart(open_app, qtbot, monkeypatch):
    w, c = open_app()
    learner = c.profile
    bekzat = c.profile_manager.new("Бекзат")
    take_quiz(w, RIGHT)
    answers = []

    def ask(parent, title, text, *rest):
        answers.append(text)
        return answers_to_give.pop(0)

    answers_to_give = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", ask)
    settle(qtbot, c)
    c.menus.actions["deleteProfile"].trigger()
    assert c.profile == bekzat and len(c.profile_manager.profiles()) == 2
    assert "Delete the profile “Бекзат”?" in answers[0] and "1 quiz attempt," in answers[0]
    c.menus.actions["deleteProfile"].trigger()
    assert c.profile.id == learner.id and [p.name for p in c.profile_manager.profiles()] == [
        "Learner"
    ]
    picker = ProfilesDialog(c, w)
    assert picker.deleted_box.isVisibleTo(picker)
    assert picker.deleted_list.item(0).text() == "Бекзат"
    picker.restore_button.click()
    assert [picker.list.item(i).text() for i in range(picker.list.count())] == [
        "Learner",
        "Бекзат",
    ]
    assert picker.chosen().id == bekzat.id and not picker.deleted_box.isVisibleTo(picker)
    picker.accept()
    c.profile_manager.delete(c.store.profile(bekzat.id), confirm=False)
    settle(qtbot, c)
    assert [p.name for p in c.store.profiles(deleted=True)] == ["Бекзат"]
    data = c.store.path.parent
    w.close()  # restart: the deleted profile is gone for good
    w2, c2 = open_app(data)
    settle(qtbot, c2)
    assert c2.profile_manager.recently_deleted() == [] and [
        p.name for p in c2.profile_manager.profiles()
    ] == ["Learner"]
    conn = sqlite3.connect(data / DB_NAME)
    assert conn.execute("SELECT count(*) FROM attempts").fetchone() == (0,)
    conn.close()


def test_rename_and_refused_names(open_app, monkeypatch):
    w, c = open_app()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    c.profile_manager.new("Бекзат")
    assert c.profile_manager.new("бекзат") is None
    assert warnings == ["There is already a profile with that name."]
    assert c.profile_manager.rename(name="Бекзат Н.").name == "Бекзат Н."
    assert c.menus.profile_button.text() == "Profile: Бекзат Н."
    assert c.profile_manager.rename(name="=SUM(A1)") is None
    assert warnings[-1] == "A name cannot start with = + - or @."


def test_restart_picks_a_profile_and_resumes(open_app, qtbot, monkeypatch, tmp_path):
    w, c = open_app()
    c.profile_manager.new("Бекзат")
    w.reader.navigate(Location("beta", "data"))
    take_quiz(w, RIGHT)
    bekzat = c.profile
    c.profile_manager.switch_to(
        next(p for p in c.profile_manager.profiles() if p.name == "Learner")
    )
    w.reader.navigate(Location("alpha", "quiz"))
    w.close()
    shown = []

    def pick(dialog):
        shown.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        assert dialog.chosen() is None  # nobody preselected: the next trainee picks themself
        dialog.list.setCurrentRow(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfilesDialog, "exec", pick)
    w2, c2 = open_app(tmp_path / "data", pick=True)
    assert shown == [["Learner", "Бекзат"]]
    assert c2.profile.id == bekzat.id and w2.reader.location == Location("beta", "data")
    settle(qtbot, c2)
    assert c2.marks.progress()["alpha"].best_score == 100.0


# ---------------------------------------------------------------- damaged and newer files


def test_a_damaged_file_is_reported_with_where_it_went(open_app, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).write_bytes(b"\x00garbage" * 100)
    (data / f"{DB_NAME}-wal").write_bytes(b"old wal")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    w, c = open_app(data, store=False)
    moved = c.store.recovered.moved_to
    assert len(said) == 1 and str(moved) in said[0] and "not deleted" in said[0]
    assert moved.read_bytes() == b"\x00garbage" * 100
    assert Path(f"{moved}-wal").read_bytes() == b"old wal"
    assert c.profile.name == "Learner"


def test_a_newer_file_is_left_alone_and_the_session_still_works(open_app, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = (data / DB_NAME).read_bytes()
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    w, c = open_app(data, store=False)
    assert len(said) == 1 and "newer version" in said[0] and str(data / DB_NAME) in said[0]
    assert c.store.temporary and c.store.path.parent != data
    w.reader.navigate(Location("beta", "data"))
    w.close()
    assert (data / DB_NAME).read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME, "settings.ini"]


# ---------------------------------------------------------------- results for trainers


def laptop(folder: Path, name: str, device: str, points: list[float]) -> Path:
    store = ProgressStore.open(folder)
    p = store.create_profile(name)
    for minute, score in enumerate(points):
        store.record_attempt(p.id, make_attempt(score_points=score, minute=minute), device=device)
    store.flush()
    out = folder / f"{device}.csv"
    write_export(export_records(store), out, "csv")
    store.close()
    return out


def test_export_dialog_writes_this_profile_or_everyone(open_app, qtbot, tmp_path):
    w, c = open_app()
    take_quiz(w, RIGHT)
    c.profile_manager.new("Бекзат")
    take_quiz(w, {"q-single": 1})
    settle(qtbot, c)
    dialog = c.dialogs.export_results()
    assert dialog.everyone.text() == "Everyone on this computer (2 profiles)"
    assert dialog.only_me.text() == "Only Бекзат"
    dialog.only_me.setChecked(True)
    assert dialog.export_to(tmp_path / "me.csv", "csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "me.csv").read_text("utf-8-sig"))))
    assert [(r[1], r[5], r[6]) for r in rows[1:]] == [("Бекзат", "25", "false")]
    dialog.everyone.setChecked(True)
    assert dialog.export_to(tmp_path / "all.xlsx", "xlsx")
    assert "Exported 2 attempts" in w.statusBar().currentMessage()
    dialog.close()


def test_merge_dialog_shows_the_class_and_saves_one_csv(open_app, tmp_path):
    w, c = open_app()
    one = laptop(tmp_path / "l1", "Айгерим", "ПОСТ-1", [7.0, 2.0])
    two = laptop(tmp_path / "l2", "Айгерим", "ПОСТ-2", [4.0])
    bad = tmp_path / "phones.csv"
    bad.write_text("name,phone\r\n", encoding="utf-8")
    dialog = c.dialogs.merge_results()
    dialog.add_files([one, two, one, bad])
    assert dialog.files.topLevelItemCount() == 3
    assert dialog.files.topLevelItem(2).text(1) == "not a results export"
    assert dialog.table.rowCount() == 2 and dialog.table.columnCount() == 1
    header = dialog.table.horizontalHeaderItem(0)
    assert (header.text(), header.toolTip()) == ("Alpha module", "alpha")  # title; id as tip
    people = [dialog.table.verticalHeaderItem(i).text() for i in range(2)]
    assert people == ["Айгерим (ПОСТ-1)", "Айгерим (ПОСТ-2)"]
    assert [dialog.table.item(i, 0).text() for i in range(2)] == ["✓ 87.5%", "50%"]
    summary = dialog.summary.text()
    assert "2 files · 3 attempts · 2 people · 0 duplicates removed" in summary
    assert "1 file is not a results export" in summary
    out = tmp_path / "class.csv"
    assert dialog.save_to(out, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfattempt_id,profile,module,module_version,lang,score")
    assert raw.decode("utf-8-sig").count("Айгерим") == 3
    dialog.close()


# ---------------------------------------------------------------- languages and looks


def tiny_catalog(tmp_path) -> Path:
    """A Russian catalog with a few of our strings, to see the live switch happen."""
    po = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "courseware.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
        'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "&Profile"\nmsgstr "&Профиль"\n\n'
        'msgid "Progress dashboard"\nmsgstr "Панель прогресса"\n\n'
        'msgid "Profiles"\nmsgstr "Профили"\n\n'
        'msgid "{count} quiz attempt"\nmsgid_plural "{count} quiz attempts"\n'
        'msgstr[0] "{count} попытка"\nmsgstr[1] "{count} попытки"\nmsgstr[2] "{count} попыток"\n',
        encoding="utf-8",
    )
    compile_catalog(po, po.with_suffix(".mo"))
    return tmp_path / "locales"


def test_live_language_switch_retranslates_everything(open_app, qtbot, tmp_path):
    w, c = open_app()
    for _n in range(5):
        take_quiz(w, RIGHT)
    settle(qtbot, c, lambda: c.marks.progress()["alpha"].attempts == 5)
    d = c.dialogs.show_dashboard()
    picker = ProfilesDialog(c, w)
    set_language("ru", locales=tiny_catalog(tmp_path))
    for widget in (w, d, picker):
        QApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert c.menus.menu_profile.title() == "&Профиль"
    assert d.windowTitle() == "Панель прогресса" and picker.windowTitle() == "Профили"
    assert "5 попыток" in d.summary.text()  # Russian plural for 5
    d.close()
    picker.close()


@pytest.mark.parametrize("lang", UI_LANGUAGES)
def test_dashboard_and_picker_fit_a_small_screen(open_app, qtbot, lang, tmp_path):
    w, c = open_app()
    take_quiz(w, RIGHT)
    c.profile_manager.create("Айгерим Сапарова")
    settle(qtbot, c, lambda: c.marks.progress()["alpha"].attempts == 1)
    set_language(lang)
    QApplication.sendEvent(w, QEvent(QEvent.Type.LanguageChange))
    d = c.dialogs.show_dashboard()
    picker = ProfilesDialog(c, w, startup=True)
    picker.show()
    qtbot.waitExposed(d)
    qtbot.waitExposed(picker)
    qtbot.waitUntil(lambda: not d.modules.horizontalScrollBar().isVisible())  # all columns fit
    shots = Path(os.environ.get("COURSEWARE_SHOTS", tmp_path))
    for name, widget in (("dashboard", d), ("picker", picker)):
        assert widget.width() <= 1366 and widget.height() <= 740
        image = widget.grab()
        assert not image.isNull()
        image.save(str(shots / f"{name}-{lang}.png"))
    d.close()
    picker.close()
