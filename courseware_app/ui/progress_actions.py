"""The progress actions and menus: the Profile menu, File's results entries, the profile button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QToolButton

from courseware_app.core.i18n import _
from courseware_app.ui.actions import ActionSet, ActionSpec

if TYPE_CHECKING:
    from courseware_app.ui.progress_ui import ProgressController

# fmt: off
PROGRESS_ACTIONS: tuple[ActionSpec[ProgressController], ...] = (
    ActionSpec("switchProfile", lambda: _("&Switch profile…"), lambda: _("Choose who is studying"),
               lambda c, _k: c.profile_manager.choose(), menu="profile"),
    ActionSpec("newProfile", lambda: _("&New profile…"), lambda: _("Add a profile for a new person"),
               lambda c, _k: c.profile_manager.new(), menu="profile"),
    ActionSpec("renameProfile", lambda: _("&Rename profile…"),
               lambda: _("Change the name of this profile"),
               lambda c, _k: c.profile_manager.rename(), menu="profile"),
    ActionSpec("deleteProfile", lambda: _("De&lete profile…"),
               lambda: _("Delete this profile and its progress"),
               lambda c, _k: c.profile_manager.delete(), menu="profile"),
    ActionSpec("dashboard", lambda: _("&Dashboard"), lambda: _("Your progress per module"),
               lambda c, _k: c.dialogs.show_dashboard(), ("Ctrl+Shift+D",), menu="profile",
               group=1),
    ActionSpec("bookmark", lambda: _("&Bookmark this section"), lambda: _("Bookmark or un-bookmark"),
               lambda c, on: c.annotations.toggle_bookmark(on), ("Ctrl+D",), menu="profile",
               group=2, checkable=True),
    ActionSpec("note", lambda: _("N&ote for this section…"), lambda: _("Write a personal note"),
               lambda c, _k: c.annotations.edit_note(), ("Ctrl+Shift+N",), menu="profile",
               group=2),
    ActionSpec("exportResults", lambda: _("&Export results…"),
               lambda: _("Save quiz results to a file for a trainer"),
               lambda c, _k: c.dialogs.export_results(), menu="file"),
    ActionSpec("mergeResults", lambda: _("&Merge results…"),
               lambda: _("Combine results files from several laptops"),
               lambda c, _k: c.dialogs.merge_results(), menu="file"),
)
# fmt: on


class ProgressMenus:
    """Builds the actions, menus and profile button that drive ``controller``; translates them."""

    def __init__(self, controller: ProgressController):
        self.controller = controller
        self.window = controller.window
        self.actions = ActionSet(self.window, PROGRESS_ACTIONS, controller)
        self.actions.set_shortcuts()
        self._build_profile_menu()
        self._insert_menus()
        self._build_profile_button()

    def _build_profile_menu(self) -> None:
        self.menu_profile = QMenu(self.window.menuBar())
        self.menu_bookmarks = QMenu(self.menu_profile)
        for action in self.actions.in_menu("profile"):
            self.menu_profile.addSeparator() if action is None else self.menu_profile.addAction(
                action
            )
        self.menu_profile.addMenu(self.menu_bookmarks)

    def _insert_menus(self) -> None:
        """Profile goes right after Go; export and merge go first in File."""
        bar = self.window.menuBar()
        actions = bar.actions()
        go = actions.index(self.window.menu("go").menuAction())
        if go + 1 < len(actions):
            bar.insertMenu(actions[go + 1], self.menu_profile)
        else:
            bar.addMenu(self.menu_profile)
        menu_file = self.window.menu("file")
        first = menu_file.actions()[0]  # Quit
        results = [a for a in self.actions.in_menu("file") if a is not None]
        menu_file.insertActions(first, results)
        menu_file.insertSeparator(first)

    def _build_profile_button(self) -> None:
        self.profile_button = QToolButton(self.window)
        self.profile_button.setObjectName("profileButton")
        self.profile_button.setAutoRaise(True)
        self.profile_button.clicked.connect(lambda: self.controller.profile_manager.choose())
        self.window.statusBar().addPermanentWidget(self.profile_button)

    def retranslate_ui(self) -> None:
        self.actions.retranslate_ui()
        self.menu_profile.setTitle(_("&Profile"))
        self.menu_bookmarks.setTitle(_("Book&marks"))
        self.update_profile_button()

    def update_profile_button(self) -> None:
        profile = self.controller.profile
        name = profile.name if profile else "—"
        self.profile_button.setText(_("Profile: {name}").format(name=name).replace("&", "&&"))
        self.profile_button.setToolTip(_("Switch profile"))
