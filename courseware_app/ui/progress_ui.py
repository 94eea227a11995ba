"""Progress in the GUI: profiles, visits and time, attempts, bookmarks, notes, dashboard, results.

``install_progress(window, store, data_dir)`` attaches all of it to a MainWindow through its
public signals and menus. Writes go to the store's writer thread; the UI never waits on them
(except once, when the window closes). What this session changed is also kept in memory
(profiles, settings, bookmarks, notes), so the UI never reads back a write still in flight.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
)

from courseware_app.core.history import Location
from courseware_app.core.i18n import UI_LANGUAGES, _, current_language, ngettext
from courseware_app.core.progress import (
    ModuleProgress,
    NewerSchemaError,
    Profile,
    ProfileError,
    ProgressStore,
    StoreError,
    course_progress,
)
from courseware_app.core.scoring import Attempt
from courseware_app.ui.dashboard import DashboardDialog, state_icon, state_text

log = logging.getLogger(__name__)
MARKS_DELAY_MS = 250
IDLE_CAP_S = 20 * 60  # one stay on a section counts at most this long (a laptop left open)
TICK_MS = 60_000  # time on the current section is saved every minute
SCROLL_SAVE_MS = 1500  # the scroll position is saved once scrolling pauses
REFRESH_MS = 100  # status marks and the dashboard follow the writes at most this late
DATA_KINDS = ("visit", "time", "attempt", "bookmark", "note", "profile")


def profile_error_text(error: ProfileError) -> str:
    return {
        "empty": _("Please type a name."),
        "too-long": _("That name is too long."),
        "bad-start": _("A name cannot start with = + - or @."),
        "duplicate": _("There is already a profile with that name."),
    }.get(error.code, str(error))


class NoteDialog(QDialog):
    """A personal note on one section; saving blank text removes the note."""

    def __init__(self, place: str, text: str, parent=None):
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.place = place
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        self.label.setBuddy(self.editor)
        layout.addWidget(self.editor, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Note"))
        self.label.setText(
            _("Your note on “{place}” (only in your profile; leave it empty to remove it):").format(
                place=self.place
            )
        )
        self.editor.setAccessibleName(_("Note text"))

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def text(self) -> str:
        return self.editor.toPlainText()


class ProgressController(QObject):
    """Records what the reader does in the current profile and shows it back."""

    changed = Signal(str)  # noqa: N815 - a write committed (its kind); on the UI thread
    profileChanged = Signal(object)  # noqa: N815 - the new Profile
    _committed = Signal(str, object)  # from the writer thread, delivered queued

    def __init__(self, window, store: ProgressStore, data_dir: Path | None = None, **options):
        super().__init__(window)
        self.window, self.store = window, store
        self.data_dir = Path(data_dir) if data_dir else store.path.parent
        self.ui_language_locked = bool(options.get("ui_language_locked"))
        self.profile: Profile | None = None
        self._settings: dict[str, dict[str, str]] = {}
        self._bookmarks: dict[str, list[tuple[str, str]]] = {}
        self._notes: dict[str, dict[tuple[str, str], str]] = {}
        self._progress: tuple[tuple, dict[str, ModuleProgress]] | None = None
        self._here: tuple[str, str] | None = None  # the section being read, and since when
        self._stay = 0.0
        self._clock = QElapsedTimer()
        self._pending_scroll: tuple[str, str, int] | None = None
        self._folder: Path | None = None
        self.dashboard: DashboardDialog | None = None
        self.closed = self._applying = False
        self._build_actions()
        self._build_menus()
        self._build_timers()
        self._connect()
        self.retranslate_ui()

    # ------------------------------------------------------------ building

    def _action(self, name: str, slot, shortcut: str | None = None, checkable=False) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_switch = self._action("switchProfile", lambda: self.choose_profile())
        self.act_new = self._action("newProfile", lambda: self.new_profile())
        self.act_rename = self._action("renameProfile", lambda: self.rename_profile())
        self.act_delete = self._action("deleteProfile", lambda: self.delete_profile())
        self.act_dashboard = self._action("dashboard", self.show_dashboard, "Ctrl+Shift+D")
        self.act_bookmark = self._action("bookmark", self.toggle_bookmark, "Ctrl+D", checkable=True)
        self.act_note = self._action("note", lambda: self.edit_note(), "Ctrl+Shift+N")
        self.act_export = self._action("exportResults", self.export_results)
        self.act_merge = self._action("mergeResults", self.merge_results)

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        self.menu_profile = QMenu(bar)
        self.menu_bookmarks = QMenu(self.menu_profile)
        self.menu_bookmarks.aboutToShow.connect(self._fill_bookmarks_menu)
        for item in (
            self.act_switch,
            self.act_new,
            self.act_rename,
            self.act_delete,
            None,
            self.act_dashboard,
            None,
            self.act_bookmark,
            self.act_note,
            self.menu_bookmarks,
        ):
            if item is None:
                self.menu_profile.addSeparator()
            elif isinstance(item, QMenu):
                self.menu_profile.addMenu(item)
            else:
                self.menu_profile.addAction(item)
        actions = bar.actions()
        go = actions.index(self.window.menu_go.menuAction())
        if go + 1 < len(actions):
            bar.insertMenu(actions[go + 1], self.menu_profile)
        else:
            bar.addMenu(self.menu_profile)
        menu_file = self.window.menu_file
        first = menu_file.actions()[0] if menu_file.actions() else None
        menu_file.insertActions(first, [self.act_export, self.act_merge])
        menu_file.insertSeparator(first)
        self.profile_button = QToolButton(self.window)
        self.profile_button.setObjectName("profileButton")
        self.profile_button.setAutoRaise(True)
        self.profile_button.clicked.connect(lambda: self.choose_profile())
        self.window.statusBar().addPermanentWidget(self.profile_button)

    def _build_timers(self) -> None:
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._commit_time)
        self._tick.start()
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(SCROLL_SAVE_MS)
        self._scroll_timer.timeout.connect(self.save_prefs)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_after_writes)
        self._last_kind = ""

    def _connect(self) -> None:
        w = self.window
        w.locationChanged.connect(self.on_location)
        w.attemptRecorded.connect(self.on_attempt)
        w.uiLanguageRequested.connect(lambda _lang: QTimer.singleShot(0, self.retranslate_ui))
        w.view.verticalScrollBar().valueChanged.connect(lambda _v: self._scroll_timer.start())
        w.outline.decorate = self.decorate
        w.installEventFilter(self)
        self._committed.connect(self._after_write)
        self.store.add_listener(self._from_writer)

    def retranslate_ui(self) -> None:
        texts = {
            self.act_switch: (_("&Switch profile…"), _("Choose who is studying")),
            self.act_new: (_("&New profile…"), _("Add a profile for a new person")),
            self.act_rename: (_("&Rename profile…"), _("Change the name of this profile")),
            self.act_delete: (_("&Delete profile…"), _("Delete this profile and its progress")),
            self.act_dashboard: (_("&Dashboard"), _("Your progress per module (Ctrl+Shift+D)")),
            self.act_bookmark: (_("&Bookmark this section"), _("Bookmark or un-bookmark (Ctrl+D)")),
            self.act_note: (
                _("N&ote for this section…"),
                _("Write a personal note (Ctrl+Shift+N)"),
            ),
            self.act_export: (
                _("&Export results…"),
                _("Save quiz results to a file for a trainer"),
            ),
            self.act_merge: (_("&Merge results…"), _("Combine results files from several laptops")),
        }
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setToolTip(tip)
            act.setStatusTip(tip)
        self.menu_profile.setTitle(_("&Profile"))
        self.menu_bookmarks.setTitle(_("Book&marks"))
        self._update_profile_button()

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate_ui()
            elif event.type() == QEvent.Type.Close:
                self.close()
        return False

    # ------------------------------------------------------------ start and profiles

    def start(self, pick: bool = True) -> None:
        """Purge profiles deleted in an earlier session; open the last profile (or ask)."""
        self.store.purge_deleted()
        if not self.profiles():  # the first start: one profile, keeping today's place
            profile = self.store.create_profile(_("Learner"))
            self._settings[profile.id] = self._pref_values()
            self.store.set_settings(profile.id, self._settings[profile.id])
        last = self.store.profile(self.store.last_profile_id() or "")
        chosen = last if last and not last.deleted_at else self.profiles()[0]
        if pick and len(self.profiles()) > 1:
            from courseware_app.ui.profiles_dialog import ProfilesDialog

            dialog = ProfilesDialog(self, self.window, startup=True, select=chosen.id)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen() is not None:
                chosen = dialog.chosen()
            chosen = self.store.profile(chosen.id)  # renamed or deleted in the picker?
            if chosen is None or chosen.deleted_at:
                chosen = (
                    self.profiles()[0] if self.profiles() else self.create_profile(_("Learner"))
                )
        self.switch_to(chosen, initial=True)

    def profiles(self) -> list[Profile]:
        return self.store.profiles()

    def recently_deleted(self) -> list[Profile]:
        """Deleted in this session (older ones were purged when it started)."""
        return self.store.profiles(deleted=True)

    def switch_to(self, profile: Profile, *, initial: bool = False) -> None:
        if self.profile is not None:
            self._commit_time()
            self.save_prefs()
        self._here = None
        self.profile = profile
        self._progress = None
        self.store.set_last_profile(profile.id)
        self._apply_prefs(self.settings(), initial)
        self._update_profile_button()
        if initial:  # status marks need Babel's locale data: draw them after the first page
            QTimer.singleShot(MARKS_DELAY_MS, self, self._refresh_marks)
        else:
            self._refresh_marks()
        self._update_bookmark_action()
        self.profileChanged.emit(profile)

    def choose_profile(self) -> None:
        from courseware_app.ui.profiles_dialog import ProfilesDialog

        dialog = ProfilesDialog(self, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen() is not None:
            chosen = dialog.chosen()
            if chosen.id != self.profile.id:
                self.switch_to(self.store.profile(chosen.id) or chosen)

    def _ask_name(self, parent, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(parent or self.window, title, label, text=text)
        return name if ok else None

    def create_profile(self, name: str | None = None, parent=None) -> Profile | None:
        """Add a profile (asking for its name when not given); does not switch to it."""
        ask = name is None
        while True:
            if ask:
                name = self._ask_name(parent, _("New profile"), _("Name of the person:"))
                if name is None:
                    return None
            try:
                profile = self.store.create_profile(name)
            except ProfileError as exc:
                self.warn(parent, _("New profile"), profile_error_text(exc))
                if ask:
                    continue
                return None
            self._settings[profile.id] = {}
            return profile

    def new_profile(self, name: str | None = None) -> Profile | None:
        profile = self.create_profile(name)
        if profile is not None:
            self.switch_to(profile)
        return profile

    def rename_profile(self, profile: Profile | None = None, name=None, parent=None):
        profile = profile or self.profile
        if name is None:
            name = self._ask_name(parent, _("Rename profile"), _("New name:"), profile.name)
            if name is None:
                return None
        try:
            renamed = self.store.rename_profile(profile, name)
        except ProfileError as exc:
            self.warn(parent, _("Rename profile"), profile_error_text(exc))
            return None
        if self.profile and self.profile.id == profile.id:
            self.profile = renamed
            self._update_profile_button()
            self.profileChanged.emit(renamed)
        return renamed

    def delete_profile(self, profile: Profile | None = None, parent=None, confirm=True) -> bool:
        profile = profile or self.profile
        if confirm and not self._confirm_delete(profile, parent):
            return False
        self.store.delete_profile(profile)
        if self.profile and self.profile.id == profile.id:
            others = self.profiles()
            self.profile = None
            self._here = None
            self.switch_to(others[0] if others else self.create_profile(_("Learner")))
        return True

    def _confirm_delete(self, profile: Profile, parent) -> bool:
        count = len(self.store.attempts([profile.id]))
        text = (
            _("Delete the profile “{name}”?").format(name=profile.name)
            + "\n\n"
            + ngettext(
                "Its progress, {count} quiz attempt, bookmarks and notes go with it.",
                "Its progress, {count} quiz attempts, bookmarks and notes go with it.",
                count,
            ).format(count=count)
            + " "
            + _("You can restore it from the profile list until Courseware is restarted.")
        )
        answer = QMessageBox.question(
            parent or self.window,
            _("Delete profile"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_profile(self, profile: Profile) -> Profile:
        return self.store.restore_profile(profile)

    def _update_profile_button(self) -> None:
        name = self.profile.name if self.profile else "—"
        self.profile_button.setText(_("Profile: {name}").format(name=name).replace("&", "&&"))
        self.profile_button.setToolTip(_("Switch profile"))

    # ------------------------------------------------------------ per-profile preferences

    def settings(self, profile: Profile | None = None) -> dict[str, str]:
        pid = (profile or self.profile).id
        if pid not in self._settings:
            self._settings[pid] = self.store.settings(pid)
        return self._settings[pid]

    def _pref_values(self) -> dict[str, str]:
        w = self.window
        values = {
            "content_language": w.prefs.content_language,
            "zoom": str(w.prefs.zoom),
            "last_module": w.prefs.last_module,
            "last_section": w.prefs.last_section,
            "last_scroll": str(w.view.verticalScrollBar().value()),
        }
        if not self.ui_language_locked:
            values["ui_language"] = current_language()
        return values

    def save_prefs(self) -> None:
        """Write the preferences that changed since last written (nothing when none did)."""
        if self.profile is None or self.closed:
            return
        known = self.settings()
        changed = {k: v for k, v in self._pref_values().items() if known.get(k) != v}
        if changed:
            known.update(changed)
            self.store.set_settings(self.profile.id, changed)

    def _apply_prefs(self, values: dict[str, str], initial: bool) -> None:
        w = self.window
        self._applying = True  # re-showing the old place is not a visit of the new profile
        try:
            lang = values.get("ui_language", "")
            if lang in UI_LANGUAGES and lang != current_language() and not self.ui_language_locked:
                w.uiLanguageRequested.emit(lang)
            content = values.get("content_language", "")
            if content != w.prefs.content_language:
                w.set_content_language(content)
            zoom = int(values.get("zoom", "0") or 0)
            if zoom != w.prefs.zoom:
                w.prefs.zoom = 0
                w.zoom(zoom)
        finally:
            self._applying = False
        w.prefs.last_module = values.get("last_module", "")
        w.prefs.last_section = values.get("last_section", "")
        scroll = int(values.get("last_scroll", "0") or 0)
        self._pending_scroll = (w.prefs.last_module, w.prefs.last_section, scroll)
        if not initial or w.location is not None:
            w.open_start()

    def _restore_scroll(self) -> None:
        pending, self._pending_scroll = self._pending_scroll, None
        if pending and pending[2]:
            self.window.view.verticalScrollBar().setValue(pending[2])

    # ------------------------------------------------------------ recording

    def _section(self, module_id: str, section: str) -> str:
        """The section to record: the module's top counts as its first section, and an id
        the module does not have (a stale anchor) is not recorded as a section."""
        module = self.window.course.modules.get(module_id)
        tr = module.best(self.window.content_language) if module else None
        ids = [s.id for s in tr.sections] if tr else []
        return section if section in ids or not ids else ids[0]

    def on_location(self, module: str, section: str) -> None:
        if self.profile is None or self.closed or self._applying:
            return
        self._commit_time()
        here = (module, self._section(module, section))
        if here != self._here:
            self.store.record_visit(self.profile.id, *here)
            self._stay = 0.0
        self._here = here
        self._clock.start()
        self._update_bookmark_action()
        if self._pending_scroll and self._pending_scroll[:2] == (module, section):
            QTimer.singleShot(0, self._restore_scroll)
        else:
            self._pending_scroll = None
            self.save_prefs()

    def _commit_time(self) -> None:
        """Add the time since the last commit to the current section; one stay on a section
        counts at most IDLE_CAP_S in all (a laptop left open is not study time)."""
        if self._here is None or self.profile is None or not self._clock.isValid():
            return
        seconds = max(0.0, min(self._clock.restart() / 1000.0, IDLE_CAP_S - self._stay))
        self._stay += seconds
        if seconds >= 1:
            self.store.add_time(self.profile.id, *self._here, seconds)

    def on_attempt(self, attempt: Attempt) -> None:
        if self.profile is not None and not self.closed:
            self.store.record_attempt(self.profile.id, attempt)

    def _from_writer(self, kind: str, error) -> None:  # on the writer thread
        self._committed.emit(kind, error)

    def _after_write(self, kind: str, error) -> None:
        if self.closed:
            return
        if error is not None:
            self.status(_("Your progress could not be saved: {error}").format(error=error))
        elif kind in DATA_KINDS:
            self._progress = None
            self._last_kind = kind
            self._refresh_timer.start()  # one refresh for a burst of writes

    def _refresh_after_writes(self) -> None:
        if not self.closed:
            self._refresh_marks()
            self.changed.emit(self._last_kind)

    # ------------------------------------------------------------ status and the outline

    def progress(self) -> dict[str, ModuleProgress]:
        """Status per module for the current profile (cached until the next write)."""
        if self.profile is None:
            return {}
        key = (self.profile.id, self.window.content_language)
        if self._progress is None or self._progress[0] != key:
            summary = self.store.summary(self.profile.id)
            self._progress = (key, course_progress(self.window.course, summary, key[1]))
        return self._progress[1]

    def decorate(self, item, module_id: str) -> None:
        p = self.progress().get(module_id)
        if p is None:
            return
        short, long = state_text(p)
        item.setIcon(1, state_icon(p.state))
        item.setToolTip(1, f"{short}: {long}")
        item.setData(1, Qt.ItemDataRole.AccessibleDescriptionRole, short)

    def _refresh_marks(self) -> None:
        for module in self.window.course.ordered_modules():
            item = self.window.outline.item_for(module.id)
            if item is not None:
                self.decorate(item, module.id)

    # ------------------------------------------------------------ bookmarks and notes

    def place(self) -> tuple[str, str] | None:
        loc = self.window.location
        return (loc.module, self._section(loc.module, loc.section)) if loc else None

    def place_title(self, module_id: str, section_id: str) -> str:
        module = self.window.course.modules.get(module_id)
        if module is None:
            return f"{module_id} — {section_id}"
        tr = module.best(self.window.content_language)
        section = (
            next((s.title for s in tr.sections if s.id == section_id), section_id) if tr else ""
        )
        return (
            f"{module.title(self.window.content_language)} — {section}"
            if section
            else module.title(self.window.content_language)
        )

    def bookmarks(self) -> list[tuple[str, str]]:
        pid = self.profile.id
        if pid not in self._bookmarks:
            self._bookmarks[pid] = self.store.bookmarks(pid)
        return self._bookmarks[pid]

    def notes(self) -> dict[tuple[str, str], str]:
        pid = self.profile.id
        if pid not in self._notes:
            self._notes[pid] = self.store.notes(pid)
        return self._notes[pid]

    def _update_bookmark_action(self) -> None:
        place = self.place()
        self.act_bookmark.setChecked(bool(place and self.profile and place in self.bookmarks()))

    def toggle_bookmark(self, on: bool | None = None) -> None:
        place = self.place()
        if place is None or self.profile is None:
            return
        marks = self.bookmarks()
        on = (place not in marks) if on is None else bool(on)
        if on and place not in marks:
            marks.append(place)
        elif not on and place in marks:
            marks.remove(place)
        self.store.set_bookmark(self.profile.id, *place, on)
        self.act_bookmark.setChecked(on)
        message = _("Bookmarked “{place}”") if on else _("Bookmark removed from “{place}”")
        self.status(message.format(place=self.place_title(*place)))

    def _fill_bookmarks_menu(self) -> None:
        self.menu_bookmarks.clear()
        for module, section in self.bookmarks() if self.profile else []:
            action = self.menu_bookmarks.addAction(
                self.place_title(module, section).replace("&", "&&")
            )
            action.triggered.connect(
                lambda _c=False, m=module, s=section: self.window.navigate(Location(m, s))
            )
        if self.menu_bookmarks.isEmpty():
            self.menu_bookmarks.addAction(_("No bookmarks yet")).setEnabled(False)

    def edit_note(self, text: str | None = None) -> None:
        place = self.place()
        if place is None or self.profile is None:
            return
        notes = self.notes()
        if text is None:
            dialog = NoteDialog(self.place_title(*place), notes.get(place, ""), self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            text = dialog.text()
        if text.strip():
            notes[place] = text
        else:
            notes.pop(place, None)
        self.store.set_note(self.profile.id, *place, text)

    def review_attempt(self, attempt_id: str) -> None:
        stored = self.store.attempt(attempt_id)
        if stored is not None:
            self.window.open_quiz(stored.module, stored.quiz, review=stored.to_attempt())

    # ------------------------------------------------------------ dialogs

    def show_dashboard(self) -> DashboardDialog:
        if self.dashboard is None:
            self.dashboard = DashboardDialog(self, self.window)
        self.dashboard.reload()
        self.dashboard.show()
        self.dashboard.activateWindow()
        return self.dashboard

    def export_results(self):
        from courseware_app.ui.results_dialog import ExportDialog

        dialog = ExportDialog(self, self.window)
        dialog.open()
        return dialog

    def merge_results(self):
        from courseware_app.ui.results_dialog import MergeDialog

        dialog = MergeDialog(self, self.window)
        dialog.open()
        return dialog

    def export_folder(self) -> Path:
        if self._folder is not None:
            return self._folder
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs else Path.home()

    def remember_folder(self, folder: Path) -> None:
        self._folder = folder

    def status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def warn(self, parent, title: str, message: str) -> None:
        QMessageBox.warning(parent or self.window, title, message)

    # ------------------------------------------------------------ closing

    def close(self) -> None:
        """Save time and place, then wait for the writer: the one time the UI waits."""
        if self.closed:
            return
        self._commit_time()
        self.save_prefs()
        self.closed = True
        for timer in (self._tick, self._scroll_timer, self._refresh_timer):
            timer.stop()
        self.store.remove_listener(self._from_writer)
        self.store.close()


# ---------------------------------------------------------------- wiring


def open_store(data_dir: Path, parent=None) -> ProgressStore:
    """The store in ``data_dir``; tells the user when a damaged file was moved aside, and
    falls back to a temporary store when the file belongs to a newer Courseware."""
    try:
        store = ProgressStore.open(data_dir)
    except NewerSchemaError as exc:
        QMessageBox.warning(
            parent,
            _("Progress not available"),
            _(
                "Your progress file {path} was written by a newer version of Courseware. "
                "It has been left untouched.\n\nYou can keep reading, but progress from this "
                "session will not be kept. Please install the newer version."
            ).format(path=exc.path),
        )
        return ProgressStore.open_temporary()
    except StoreError as exc:
        QMessageBox.warning(
            parent,
            _("Progress not available"),
            _(
                "Your progress file cannot be opened:\n{error}\n\nYou can keep reading, but "
                "progress from this session will not be kept."
            ).format(error=exc),
        )
        return ProgressStore.open_temporary()
    if store.recovered is not None:
        QMessageBox.warning(
            parent,
            _("Progress file damaged"),
            _(
                "Your progress file could not be read, so a new one was started. The old file "
                "was kept, not deleted:\n{path}\n\nA trainer or technician may be able to "
                "recover it."
            ).format(path=store.recovered.moved_to),
        )
    return store


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
