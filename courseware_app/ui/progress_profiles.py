"""Profiles in the GUI: the first start, the picker, switching, adding, renaming and deleting."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from courseware_app.core.i18n import _, current_language, ngettext
from courseware_app.core.progress import Profile, ProfileError


def profile_error_text(error: ProfileError) -> str:
    return {
        "empty": _("Please type a name."),
        "too-long": _("That name is too long."),
        "bad-start": _("A name cannot start with = + - or @."),
        "control": _("A name cannot contain control characters."),
        "duplicate": _("There is already a profile with that name."),
    }.get(error.code, str(error))


class ProfileManager:
    """Chooses, switches and edits the controller's profiles; switching re-applies the new
    profile's preferences and redraws what depends on the profile."""

    def __init__(self, controller):
        self.controller = controller

    # ------------------------------------------------------------ start and switch

    def start(self, pick: bool = True) -> bool:
        """Purge profiles deleted in an earlier session; open the only profile, or ask who is
        studying when there are several (``pick``; else open the last one). False when the
        person asked chose nobody: no profile is open, and the application quits."""
        c = self.controller
        c.store.purge_deleted()
        if not self.profiles():  # the first start: one profile, keeping today's place
            profile = c.store.create_profile(_("Learner"))
            c.profile_prefs.seed(profile.id)
        self.note_shared()
        if pick and len(self.profiles()) > 1:
            chosen = self._pick_at_start()
        else:
            last = c.store.profile(c.store.last_profile_id() or "")
            chosen = last if last and not last.deleted_at else self.profiles()[0]
        if chosen is not None:
            self.switch_to(chosen, initial=True)
        return chosen is not None

    def _pick_at_start(self) -> Profile | None:
        """Ask who is studying over the course's title page, nobody preselected."""
        from courseware_app.core.startpage import cover_html, cover_of
        from courseware_app.ui.profiles_dialog import ProfilesDialog

        c = self.controller
        w = c.window
        w.reader.show_cover(cover_html(cover_of(w.reader.course), current_language()))
        w.show()  # the title page behind the question, never the last person's page
        dialog = ProfilesDialog(c, w, startup=True)
        picked = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if picked is None:
            return None
        current = c.store.profile(picked.id)  # renamed in the picker since listed?
        return current if current is not None and not current.deleted_at else None

    def note_shared(self) -> None:
        """Tell the start record whether this laptop is shared (two or more profiles): then
        the next start paints nobody's page (core.startpage)."""
        start_pages = self.controller.window.start_pages
        if start_pages is not None:
            start_pages.shared = len(self.profiles()) > 1

    def _first_or_new(self) -> Profile:
        """The first profile, or a new "Learner" when there is none left."""
        profiles = self.profiles()
        if profiles:
            return profiles[0]
        created = self.create(_("Learner"))
        if created is None:
            raise RuntimeError("no profile could be created")
        return created

    def profiles(self) -> list[Profile]:
        return self.controller.store.profiles()

    def recently_deleted(self) -> list[Profile]:
        """Deleted in this session (older ones were purged when it started)."""
        return self.controller.store.profiles(deleted=True)

    def switch_to(self, profile: Profile, *, initial: bool = False) -> None:
        c = self.controller
        if c.profile is not None:
            c.recorder.commit_time()
            c.profile_prefs.save()
        c.recorder.forget()
        c.profile = profile
        c.marks.invalidate()
        c.store.set_last_profile(profile.id)
        c.profile_prefs.apply(c.profile_prefs.settings(), initial)
        c.menus.update_profile_button()
        if initial:
            c.marks.refresh_later()
        else:
            c.marks.refresh()
        c.annotations.update_action()
        c.profileChanged.emit(profile)

    def choose(self) -> None:
        """The profile picker; switches to the profile chosen there."""
        from courseware_app.ui.profiles_dialog import ProfilesDialog

        c = self.controller
        dialog = ProfilesDialog(c, c.window)
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if chosen is not None and (c.profile is None or chosen.id != c.profile.id):
            self.switch_to(c.store.profile(chosen.id) or chosen)

    # ------------------------------------------------------------ add, rename, delete

    def _ask_name(self, parent, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(parent or self.controller.window, title, label, text=text)
        return name if ok else None

    def create(self, name: str | None = None, parent=None) -> Profile | None:
        """Add a profile (asking for its name when not given); does not switch to it."""
        ask = name is None
        while True:
            if ask:
                name = self._ask_name(parent, _("New profile"), _("Name of the person:"))
                if name is None:
                    return None
            try:
                profile = self.controller.store.create_profile(name)
            except ProfileError as exc:
                self.controller.warn(parent, _("New profile"), profile_error_text(exc))
                if ask:
                    continue
                return None
            self.controller.profile_prefs.set_empty(profile.id)
            self.note_shared()
            return profile

    def new(self, name: str | None = None) -> Profile | None:
        """Add a profile and switch to it."""
        profile = self.create(name)
        if profile is not None:
            self.switch_to(profile)
        return profile

    def rename(self, profile: Profile | None = None, name=None, parent=None):
        c = self.controller
        profile = profile or c.profile
        if name is None:
            name = self._ask_name(parent, _("Rename profile"), _("New name:"), profile.name)
            if name is None:
                return None
        try:
            renamed = c.store.rename_profile(profile, name)
        except ProfileError as exc:
            c.warn(parent, _("Rename profile"), profile_error_text(exc))
            return None
        if c.profile and c.profile.id == profile.id:
            c.profile = renamed
            c.menus.update_profile_button()
            c.profileChanged.emit(renamed)
        return renamed

    def delete(self, profile: Profile | None = None, parent=None, confirm=True) -> bool:
        c = self.controller
        profile = profile or c.profile
        if confirm and not self._confirm_delete(profile, parent):
            return False
        c.store.delete_profile(profile)
        self.note_shared()
        if c.profile and c.profile.id == profile.id:
            c.profile = None
            c.recorder.forget()
            self.switch_to(self._first_or_new())
        return True

    def _confirm_delete(self, profile: Profile, parent) -> bool:
        count = len(self.controller.store.attempts([profile.id]))
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
            parent or self.controller.window,
            _("Delete profile"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, profile: Profile) -> Profile:
        restored = self.controller.store.restore_profile(profile)
        self.note_shared()
        return restored
