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
results, opening the store). ``ProgressController`` holds what they share and attaches them to
the window as one part (``window_api.WindowPart``); the rest of the app and the tests talk to
the parts themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from courseware_app.core.progress import Profile, ProgressStore
from courseware_app.ui.progress_actions import ProgressMenus
from courseware_app.ui.progress_bookmarks import Annotations, NoteDialog
from courseware_app.ui.progress_completion import CompletionLine
from courseware_app.ui.progress_dialogs import ProgressDialogs, open_store
from courseware_app.ui.progress_marks import DATA_KINDS, MARKS_DELAY_MS, REFRESH_MS, StatusMarks
from courseware_app.ui.progress_prefs import SCROLL_SAVE_MS, ProfilePrefs
from courseware_app.ui.progress_profiles import ProfileManager, profile_error_text
from courseware_app.ui.progress_recording import IDLE_CAP_S, TICK_MS, QuizDrafts, Recorder

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from courseware_app.ui.main_window import MainWindow

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

    Holds what its parts share (window, store, current profile, closed) and the parts:
    ``menus``, ``profile_manager``, ``profile_prefs``, ``recorder``, ``marks``, ``annotations``
    and ``dialogs``."""

    changed = Signal(str)  # noqa: N815 - a write committed (its kind); on the UI thread
    profileChanged = Signal(object)  # noqa: N815 - the new Profile
    menus: ProgressMenus
    profile_manager: ProfileManager
    profile_prefs: ProfilePrefs
    recorder: Recorder
    marks: StatusMarks
    annotations: Annotations
    dialogs: ProgressDialogs
    completion: CompletionLine
    drafts: QuizDrafts

    def __init__(
        self,
        window: MainWindow,
        store: ProgressStore,
        data_dir: Path | None = None,
        *,
        ui_language_locked: bool = False,
    ):
        super().__init__(window)
        self.window, self.store = window, store
        self.data_dir = Path(data_dir) if data_dir else store.path.parent
        self.ui_language_locked = ui_language_locked
        self.profile: Profile | None = None
        self.closed = False
        self.menus = ProgressMenus(self)
        self.profile_manager = ProfileManager(self)
        self.profile_prefs = ProfilePrefs(self)
        self.recorder = Recorder(self)
        self.marks = StatusMarks(self)
        self.annotations = Annotations(self)
        self.dialogs = ProgressDialogs(self)
        self.completion = CompletionLine(self)  # the module's status on its page
        self.drafts = QuizDrafts(self)  # quizzes left unfinished, kept and offered again
        self._connect()
        self.retranslate_ui()
        window.add_part(self)
        window.add_part(self.drafts)  # found by the reader when a quiz opens

    def _connect(self) -> None:
        w = self.window
        w.locationChanged.connect(self.recorder.on_location)
        w.attemptRecorded.connect(self.recorder.on_attempt)
        w.view.verticalScrollBar().valueChanged.connect(lambda _v: self.profile_prefs.save_soon())
        w.outline.add_decorator(self.marks.decorate)
        self.menus.menu_bookmarks.aboutToShow.connect(self.annotations.fill_menu)
        self.annotations.section_marks.install()
        self.completion.install()
        self.profileChanged.connect(lambda _p: self.annotations.section_marks.changed())
        self.marks.listen()

    def retranslate_ui(self) -> None:
        self.menus.retranslate_ui()

    def shutdown(self) -> None:
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

    def status(self, message: str) -> None:
        self.window.show_status(message, 8000)

    def warn(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.warning(parent or self.window, title, message)


def install_progress(
    window: MainWindow,
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
    Call before ``window.reader.open_start()``."""
    if store is None:
        if data_dir is None:
            raise ValueError("install_progress needs a store or a data folder")
        store = open_store(Path(data_dir), window)
    controller = ProgressController(window, store, data_dir, ui_language_locked=ui_language_locked)
    controller.profile_manager.start(pick)
    return controller
