"""The progress actions and menus: the Profile menu, File's results entries, the profile button."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from courseware_app.core.i18n import _
from courseware_app.ui.actions import set_action_texts


class ProgressMenus:
    """Builds the actions, menus and profile button that drive ``controller``; translates them."""

    def __init__(self, controller):
        self.controller = controller
        self.window = controller.window
        self._build_actions()
        self._build_profile_menu()
        self._insert_menus()
        self._build_profile_button()

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
        c = self.controller
        self.act_switch = self._action("switchProfile", lambda: c.choose_profile())
        self.act_new = self._action("newProfile", lambda: c.new_profile())
        self.act_rename = self._action("renameProfile", lambda: c.rename_profile())
        self.act_delete = self._action("deleteProfile", lambda: c.delete_profile())
        self.act_dashboard = self._action("dashboard", c.show_dashboard, "Ctrl+Shift+D")
        self.act_bookmark = self._action("bookmark", c.toggle_bookmark, "Ctrl+D", checkable=True)
        self.act_note = self._action("note", lambda: c.edit_note(), "Ctrl+Shift+N")
        self.act_export = self._action("exportResults", c.export_results)
        self.act_merge = self._action("mergeResults", c.merge_results)

    def _build_profile_menu(self) -> None:
        self.menu_profile = QMenu(self.window.menuBar())
        self.menu_bookmarks = QMenu(self.menu_profile)
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

    def _insert_menus(self) -> None:
        """Profile goes right after Go; export and merge go first in File."""
        bar = self.window.menuBar()
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

    def _build_profile_button(self) -> None:
        self.profile_button = QToolButton(self.window)
        self.profile_button.setObjectName("profileButton")
        self.profile_button.setAutoRaise(True)
        self.profile_button.clicked.connect(lambda: self.controller.choose_profile())
        self.window.statusBar().addPermanentWidget(self.profile_button)

    def _texts(self) -> dict[QAction, tuple[str, str]]:
        return {
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

    def retranslate_ui(self) -> None:
        set_action_texts(self._texts())
        self.menu_profile.setTitle(_("&Profile"))
        self.menu_bookmarks.setTitle(_("Book&marks"))
        self.update_profile_button()

    def update_profile_button(self) -> None:
        profile = self.controller.profile
        name = profile.name if profile else "—"
        self.profile_button.setText(_("Profile: {name}").format(name=name).replace("&", "&&"))
        self.profile_button.setToolTip(_("Switch profile"))
