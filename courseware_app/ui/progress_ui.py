"""Progress in the GUI: profiles, visits and time, attempts, bookmarks, notes, dashboard, results.

``install_progress(window, store, data_dir)`` attaches all of it to a MainWindow through its
public signals and menus. Writes go to the store's writer thread; the UI never waits on them
(except once, when the window closes). What this session changed is also kept in memory
(profiles, settings, bookmarks, notes), so the UI never reads back a write still in flight.

The work is shared out to parts, each in its own module: ``progress_actions`` (actions, menus,
their texts), ``progress_profiles`` (start, picker, switch, add/rename/delete),
``progress_prefs`` (per-profile preferences and the last place), ``progress_recording``
(visits, time, attempts), ``progress_marks`` (status per module, the outline's marks, following
the writes), ``progress_bookmarks`` (bookmarks and notes) and ``progress_dialogs`` (dashboard,
results, opening the store). ``ProgressController`` composes them and is the one API the rest of
the app uses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from courseware_app.core.progress import ModuleProgress, Profile, ProgressStore
from courseware_app.core.scoring import Attempt
from courseware_app.ui.dashboard import DashboardDialog
from courseware_app.ui.progress_actions import ProgressMenus
from courseware_app.ui.progress_bookmarks import Annotations, NoteDialog
from courseware_app.ui.progress_dialogs import ProgressDialogs, open_store
from courseware_app.ui.progress_marks import DATA_KINDS, MARKS_DELAY_MS, REFRESH_MS, StatusMarks
from courseware_app.ui.progress_prefs import SCROLL_SAVE_MS, ProfilePrefs
from courseware_app.ui.progress_profiles import ProfileManager, profile_error_text
from courseware_app.ui.progress_recording import IDLE_CAP_S, TICK_MS, Recorder

__all__ = [
    "DATA_KINDS",
    "IDLE_CAP_S",
    "MARKS_DELAY_MS",
    "REFRESH_MS",
    "SCROLL_SAVE_MS",
    "TICK_MS",
    "NoteDialog",
    "ProgressController",
    "install_progress",
    "open_store",
    "profile_error_text",
]


class ProgressController(QObject):
    """Records what the reader does in the current profile and shows it back.

    Holds what its parts share (window, store, current profile, closed) and delegates the work
    to them; dialogs and tests use only the methods and attributes of this class."""

    changed = Signal(str)  # noqa: N815 - a write committed (its kind); on the UI thread
    profileChanged = Signal(object)  # noqa: N815 - the new Profile

    def __init__(self, window, store: ProgressStore, data_dir: Path | None = None, **options):
        super().__init__(window)
        self.window, self.store = window, store
        self.data_dir = Path(data_dir) if data_dir else store.path.parent
        self.ui_language_locked = bool(options.get("ui_language_locked"))
        self.profile: Profile | None = None
        self.closed = False
        self.menus = ProgressMenus(self)
        self._expose_menus()
        self.profile_manager = ProfileManager(self)
        self.profile_prefs = ProfilePrefs(self)
        self.recorder = Recorder(self)
        self.marks = StatusMarks(self)
        self.annotations = Annotations(self)
        self.dialogs = ProgressDialogs(self)
        self._connect()
        self.retranslate_ui()

    def _expose_menus(self) -> None:
        """The actions, menus and profile button as attributes of the controller (the API)."""
        m = self.menus
        self.act_switch = m.act_switch
        self.act_new = m.act_new
        self.act_rename = m.act_rename
        self.act_delete = m.act_delete
        self.act_dashboard = m.act_dashboard
        self.act_bookmark = m.act_bookmark
        self.act_note = m.act_note
        self.act_export = m.act_export
        self.act_merge = m.act_merge
        self.menu_profile = m.menu_profile
        self.menu_bookmarks = m.menu_bookmarks
        self.profile_button = m.profile_button

    def _connect(self) -> None:
        w = self.window
        w.locationChanged.connect(self.on_location)
        w.attemptRecorded.connect(self.on_attempt)
        w.uiLanguageRequested.connect(lambda _lang: QTimer.singleShot(0, self.retranslate_ui))
        w.view.verticalScrollBar().valueChanged.connect(lambda _v: self.profile_prefs.save_soon())
        w.outline.decorate = self.decorate
        w.installEventFilter(self)
        self.menu_bookmarks.aboutToShow.connect(self._fill_bookmarks_menu)
        self.marks.listen()

    def retranslate_ui(self) -> None:
        self.menus.retranslate_ui()

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate_ui()
            elif event.type() == QEvent.Type.Close:
                self.close()
        return False

    def close(self) -> None:
        """Save time and place, then wait for the writer: the one time the UI waits."""
        if self.closed:
            return
        self.recorder.commit_time()
        self.profile_prefs.save()
        self.closed = True
        self.recorder.stop()
        self.profile_prefs.stop()
        self.marks.stop()  # and stops listening to the store
        self.store.close()

    # ------------------------------------------------------------ profiles

    def start(self, pick: bool = True) -> None:
        self.profile_manager.start(pick)

    def profiles(self) -> list[Profile]:
        return self.profile_manager.profiles()

    def recently_deleted(self) -> list[Profile]:
        return self.profile_manager.recently_deleted()

    def switch_to(self, profile: Profile, *, initial: bool = False) -> None:
        self.profile_manager.switch_to(profile, initial=initial)

    def choose_profile(self) -> None:
        self.profile_manager.choose()

    def create_profile(self, name: str | None = None, parent=None) -> Profile | None:
        return self.profile_manager.create(name, parent)

    def new_profile(self, name: str | None = None) -> Profile | None:
        return self.profile_manager.new(name)

    def rename_profile(self, profile: Profile | None = None, name=None, parent=None):
        return self.profile_manager.rename(profile, name, parent)

    def delete_profile(self, profile: Profile | None = None, parent=None, confirm=True) -> bool:
        return self.profile_manager.delete(profile, parent, confirm)

    def restore_profile(self, profile: Profile) -> Profile:
        return self.profile_manager.restore(profile)

    def settings(self, profile: Profile | None = None) -> dict[str, str]:
        return self.profile_prefs.settings(profile)

    def save_prefs(self) -> None:
        self.profile_prefs.save()

    # ------------------------------------------------------------ recording and status

    def on_location(self, module: str, section: str) -> None:
        self.recorder.on_location(module, section)

    def on_attempt(self, attempt: Attempt) -> None:
        self.recorder.on_attempt(attempt)

    def _commit_time(self) -> None:
        self.recorder.commit_time()

    @property
    def _clock(self):
        return self.recorder.clock

    @_clock.setter
    def _clock(self, clock) -> None:  # tests put in a clock of their own
        self.recorder.clock = clock

    def progress(self) -> dict[str, ModuleProgress]:
        return self.marks.progress()

    def decorate(self, item, module_id: str) -> None:
        self.marks.decorate(item, module_id)

    # ------------------------------------------------------------ bookmarks and notes

    def place(self) -> tuple[str, str] | None:
        return self.annotations.place()

    def place_title(self, module_id: str, section_id: str) -> str:
        return self.annotations.place_title(module_id, section_id)

    def bookmarks(self) -> list[tuple[str, str]]:
        return self.annotations.bookmarks()

    def notes(self) -> dict[tuple[str, str], str]:
        return self.annotations.notes()

    def toggle_bookmark(self, on: bool | None = None) -> None:
        self.annotations.toggle_bookmark(on)

    def _fill_bookmarks_menu(self) -> None:
        self.annotations.fill_menu()

    def edit_note(self, text: str | None = None) -> None:
        self.annotations.edit_note(text)

    # ------------------------------------------------------------ dialogs and messages

    @property
    def dashboard(self) -> DashboardDialog | None:
        return self.dialogs.dashboard

    def show_dashboard(self) -> DashboardDialog:
        return self.dialogs.show_dashboard()

    def export_results(self):
        return self.dialogs.export_results()

    def merge_results(self):
        return self.dialogs.merge_results()

    def review_attempt(self, attempt_id: str) -> None:
        self.dialogs.review_attempt(attempt_id)

    def export_folder(self) -> Path:
        return self.dialogs.export_folder()

    def remember_folder(self, folder: Path) -> None:
        self.dialogs.remember_folder(folder)

    def status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def warn(self, parent, title: str, message: str) -> None:
        QMessageBox.warning(parent or self.window, title, message)


def install_progress(
    window,
    store: ProgressStore | None,
    data_dir: Path | None,
    *,
    pick: bool = True,
    ui_language_locked: bool = False,
) -> ProgressController:
    """Attach profiles, progress, the dashboard and results to ``window``.

    ``store`` None opens ``data_dir/progress.sqlite3`` (with messages for a damaged or newer
    file). ``pick`` shows the profile picker when there are several profiles;
    ``ui_language_locked`` (``--lang`` given) keeps the profiles' languages from overriding it.
    Call before ``window.open_start()``."""
    if store is None:
        store = open_store(Path(data_dir), window)
    controller = ProgressController(window, store, data_dir, ui_language_locked=ui_language_locked)
    controller.start(pick=pick)
    return controller
