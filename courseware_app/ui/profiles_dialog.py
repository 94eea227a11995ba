"""The profile picker: choose, create, rename, delete, and restore recently deleted profiles."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from courseware_app.core.i18n import _
from courseware_app.core.progress import Profile
from courseware_app.ui.themes import current

ROLE_PROFILE = Qt.ItemDataRole.UserRole


class ProfilesDialog(QDialog):
    """Lists the controller's profiles; the buttons act through the controller at once.

    At start-up (``startup``) nobody is chosen until someone picks a name: Enter opens nobody's
    profile, and the reject button quits instead of opening the last person's profile."""

    def __init__(self, controller, parent=None, *, startup: bool = False, select=None):
        super().__init__(parent)
        self.controller = controller
        self.startup = startup
        self.setObjectName("profilesDialog")
        self.setModal(True)
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("profileList")
        self.list.itemActivated.connect(self._activated)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        row.addWidget(self.list, 1)
        column = QVBoxLayout()
        self.new_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        for button, slot in (
            (self.new_button, self.new_profile),
            (self.rename_button, self.rename_profile),
            (self.delete_button, self.delete_profile),
        ):
            button.clicked.connect(slot)
            column.addWidget(button)
        column.addStretch(1)
        row.addLayout(column)
        layout.addLayout(row, 1)
        self._build_deleted(layout)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {current().muted};")
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.reload(select=select or (controller.profile.id if controller.profile else None))

    def _build_deleted(self, layout) -> None:
        self.deleted_box = QGroupBox(self)
        box = QHBoxLayout(self.deleted_box)
        self.deleted_list = QListWidget(self.deleted_box)
        self.deleted_list.setMaximumHeight(90)
        self.restore_button = QPushButton(self.deleted_box)
        self.restore_button.clicked.connect(self.restore_profile)
        box.addWidget(self.deleted_list, 1)
        box.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.deleted_box)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Profiles"))
        self.intro.setText(
            _("Who is studying? Choose your profile.")
            if self.startup
            else _("Choose a profile, or add one for a new person.")
        )
        self.list.setAccessibleName(_("Profiles"))
        self.new_button.setText(_("&New…"))
        self.rename_button.setText(_("&Rename…"))
        self.delete_button.setText(_("&Delete…"))
        self.deleted_box.setTitle(_("Recently deleted (can be restored until Courseware restarts)"))
        self.deleted_list.setAccessibleName(_("Recently deleted profiles"))
        self.restore_button.setText(_("Re&store"))
        self.note.setText(
            _(
                "Profiles keep each person's progress apart on a shared computer. They have no "
                "password: anyone using this computer can open any profile."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Open"))
        if self.startup:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("&Quit"))

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------ lists

    def reload(self, select: str | None = None) -> None:
        current = self.controller.profile
        self.list.clear()
        for profile in self.controller.profile_manager.profiles():
            item = QListWidgetItem(profile.name, self.list)
            item.setData(ROLE_PROFILE, profile)
            if current is not None and profile.id == current.id:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(_("The profile in use now"))
            if profile.id == select:
                self.list.setCurrentItem(item)
        if not self.startup and self.chosen() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.deleted_list.clear()
        for profile in self.controller.profile_manager.recently_deleted():
            QListWidgetItem(profile.name, self.deleted_list).setData(ROLE_PROFILE, profile)
        if self.deleted_list.count():
            self.deleted_list.setCurrentRow(0)
        self.deleted_box.setVisible(self.deleted_list.count() > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.chosen() is not None
        for button in (self.rename_button, self.delete_button):
            button.setEnabled(chosen)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen)

    def chosen(self) -> Profile | None:
        """The profile picked: selected, not merely current (the list makes its first row
        current when it gets the focus, which picks nobody)."""
        items = self.list.selectedItems()
        return items[0].data(ROLE_PROFILE) if items else None

    def _activated(self, item: QListWidgetItem) -> None:
        """Double-click or Enter on a picked name opens it; Enter on nobody does nothing."""
        if item.isSelected():
            self.accept()

    # ------------------------------------------------------------ buttons

    def new_profile(self) -> None:
        profile = self.controller.profile_manager.create(parent=self)
        if profile is not None:
            self.reload(select=profile.id)

    def rename_profile(self) -> None:
        profile = self.chosen()
        if profile is not None:
            renamed = self.controller.profile_manager.rename(profile, parent=self)
            self.reload(select=(renamed or profile).id)

    def delete_profile(self) -> None:
        profile = self.chosen()
        if profile is not None and self.controller.profile_manager.delete(profile, parent=self):
            self.reload()

    def restore_profile(self) -> None:
        item = self.deleted_list.currentItem()
        if item is not None:
            restored = self.controller.profile_manager.restore(item.data(ROLE_PROFILE))
            self.reload(select=restored.id)
