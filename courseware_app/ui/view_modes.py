"""Ways of looking at the page: full screen (F11), focus mode (only the text), the outline's
version column."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courseware_app.ui.frame import WindowFrame


class ViewModes:
    """Full screen and focus mode are independent; leaving full screen restores what the window
    was before (maximised or not)."""

    def __init__(self, window: WindowFrame):
        self.window = window
        self.focus = False
        self._was_maximized = False

    def set_full_screen(self, on: bool) -> None:
        w = self.window
        if on and not w.isFullScreen():
            self._was_maximized = w.isMaximized()
            w.showFullScreen()
        elif not on and w.isFullScreen():
            w.showMaximized() if self._was_maximized else w.showNormal()
        w.actions_["fullScreen"].setChecked(on)

    def set_focus_mode(self, on: bool) -> None:
        """Only the page: no outline, toolbar or docks (menus stay, so does every shortcut)."""
        w = self.window
        self.focus = on
        w.outline.setVisible(not on)
        w.toolbar.setVisible(not on)
        w.actions_["focusMode"].setChecked(on)
        if on:
            w.view.setFocus()
        else:
            w.reading_room.fit()  # the outline comes back only if there is room for it

    def set_key_points(self, on: bool) -> None:
        """Slides as key-points boxes on the page, or not (the presenter shows them anyway)."""
        w = self.window
        w.prefs.key_points = on
        w.actions_["keyPoints"].setChecked(on)
        w.reader.refresh()

    def set_versions_shown(self, on: bool) -> None:
        w = self.window
        w.prefs.show_versions = on
        w.outline.set_versions_shown(on)
        w.actions_["showVersions"].setChecked(on)
