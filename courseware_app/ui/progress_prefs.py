"""Per-profile preferences: languages, text size, one question per page and the last place read,
saved and re-applied. A profile resumes at the start of the section it read last: its heading at
the top of the view (a pixel offset lands elsewhere once the width, zoom or images change)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from courseware_app.core.i18n import UI_LANGUAGES, current_language
from courseware_app.core.progress import Profile

SCROLL_SAVE_MS = 1500  # the section read is saved once scrolling pauses


class ProfilePrefs:
    """The preferences of each profile, as last written this session or read from the store."""

    def __init__(self, controller):
        self.controller = controller
        self.applying = False  # re-showing a profile's place is not a visit of that profile
        self._settings: dict[str, dict[str, str]] = {}
        self.scroll_timer = QTimer(controller)
        self.scroll_timer.setSingleShot(True)
        self.scroll_timer.setInterval(SCROLL_SAVE_MS)
        self.scroll_timer.timeout.connect(self.save)

    def settings(self, profile: Profile | None = None) -> dict[str, str]:
        c = self.controller
        pid = (profile or c.profile).id
        if pid not in self._settings:
            self._settings[pid] = c.store.settings(pid)
        return self._settings[pid]

    def seed(self, profile_id: str) -> None:
        """Give a profile today's preferences (the first start keeps today's place)."""
        self._settings[profile_id] = self.values()
        self.controller.store.set_settings(profile_id, self._settings[profile_id])

    def set_empty(self, profile_id: str) -> None:
        """A new profile has no preferences yet."""
        self._settings[profile_id] = {}

    def values(self) -> dict[str, str]:
        """The preferences as the window shows them now."""
        w = self.controller.window
        values = {
            "content_language": w.prefs.content_language,
            "zoom": str(w.prefs.zoom),
            "last_module": w.prefs.last_module,
            "last_section": w.prefs.last_section,
            "quiz_one_per_page": "1" if w.prefs.quiz_one_per_page else "0",
        }
        if not self.controller.ui_language_locked:
            values["ui_language"] = current_language()
        return values

    def save_soon(self) -> None:
        """Scrolling: save once it pauses."""
        self.scroll_timer.start()

    def save(self) -> None:
        """Write the preferences that changed since last written (nothing when none did)."""
        c = self.controller
        if c.profile is None or c.closed:
            return
        known = self.settings()
        changed = {k: v for k, v in self.values().items() if known.get(k) != v}
        if changed:
            known.update(changed)
            c.store.set_settings(c.profile.id, changed)

    def apply(self, values: dict[str, str], initial: bool) -> None:
        """Show the window as the profile left it: languages, text size, quizzes, then the start
        of the section it read last."""
        w = self.controller.window
        self.applying = True
        try:
            self._apply_looks(values)
        finally:
            self.applying = False
        w.prefs.quiz_one_per_page = values.get("quiz_one_per_page", "1") != "0"
        w.prefs.last_module = values.get("last_module", "")
        w.prefs.last_section = values.get("last_section", "")
        if not initial or w.reader.location is not None:
            w.reader.open_start()

    def _apply_looks(self, values: dict[str, str]) -> None:
        w = self.controller.window
        lang = values.get("ui_language", "")
        locked = self.controller.ui_language_locked
        if lang in UI_LANGUAGES and lang != current_language() and not locked:
            w.uiLanguageRequested.emit(lang)
        content = values.get("content_language", "")
        if content != w.prefs.content_language:
            w.reader.set_content_language(content)
        zoom = int(values.get("zoom", "0") or 0)
        if zoom != w.prefs.zoom:
            w.prefs.zoom = 0
            w.zoom(zoom)

    def arrived(self, _module: str, _section: str) -> None:
        """The reader is at a new place: save it."""
        self.save()

    def stop(self) -> None:
        self.scroll_timer.stop()
