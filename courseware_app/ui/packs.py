"""Content updates in the window: File › Install content update… (what it would change, with the
release notes; asked, installed with progress, the course reloaded in place) and File › Roll back
content update….

Light at attach time (start-up budget): two actions and the page's "what changed" box; the pack
machinery (core.packs, PyNaCl) is imported when an action is triggered or a page needs it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from courseware_app.core.i18n import _
from courseware_app.ui.actions import ActionSet, ActionSpec
from courseware_app.ui.packs_header import WhatChanged

if TYPE_CHECKING:
    from courseware_app.core.packs.model import PackInfo
    from courseware_app.ui.packs_dialog import InstallDialog
    from courseware_app.ui.window_api import WindowApi

log = logging.getLogger(__name__)

# fmt: off
PACK_ACTIONS: tuple[ActionSpec[PacksPart], ...] = (
    ActionSpec("installContent", lambda: _("Install content &update…"),
               lambda: _("Install a signed content pack, from a USB stick for example"),
               lambda p, _c: p.ask_install(), menu="file", needs_course=True),
    ActionSpec("rollbackContent", lambda: _("&Roll back content update…"),
               lambda: _("Go back to the content that was in use before the last update"),
               lambda p, _c: p.ask_rollback(), menu="file", needs_course=True),
)
# fmt: on


class PacksPart(QObject):
    """The two actions, the install dialog (one at a time) and the reload after a change."""

    reloaded = Signal(str)  # noqa: N815 - the course was replaced; its version

    def __init__(self, window: WindowApi, data: Path, bundled: Path) -> None:
        super().__init__()
        self.window, self.data, self.bundled = window, data, bundled
        self.dialog: InstallDialog | None = None
        self.folder: Path | None = None  # where the last pack came from
        self.actions = ActionSet(cast(QWidget, window), PACK_ACTIONS, self)
        self.actions.enable_course_actions()
        self._place_in_file_menu()
        self.header = WhatChanged(window, data, bundled)
        window.reader.add_page_decorator(self.header.decorate)
        self.retranslate_ui()
        window.add_part(self)

    def _place_in_file_menu(self) -> None:
        """At the top of the file menu, then a separator."""
        menu = self.window.menu("file")
        ours = [a for a in self.actions.in_menu("file") if a is not None]
        first = next(iter(menu.actions()), None)
        if first is None:
            menu.addActions(ours)
            return
        menu.insertActions(first, ours)
        menu.insertSeparator(first)

    def retranslate_ui(self) -> None:
        self.actions.retranslate_ui()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.stop()

    # ------------------------------------------------------------ install

    def ask_install(self) -> None:
        """Choose a pack file, then offer it."""
        start = str(self.folder or Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            cast(QWidget, self.window),
            _("Install content update"),
            start,
            _("Content packs (*.cwpack)"),
        )
        if name:
            self.folder = Path(name).parent
            self.offer(Path(name))

    def offer(self, path: Path) -> InstallDialog | None:
        """Verify ``path``; refused, say why; else show what it would change and ask."""
        from courseware_app.core.packs import PackError, verify_pack
        from courseware_app.ui.packs_dialog import InstallDialog, busy

        try:
            with busy():
                info = verify_pack(path, self.data, bundled=self.bundled)
        except PackError as exc:
            self._refused(_("This content pack cannot be installed"), str(exc))
            return None
        if self.dialog is not None:
            self.dialog.close()
        reader = self.window.reader
        folders = (self.data, self.bundled)
        parent = cast(QWidget, self.window)
        dialog = InstallDialog(info, folders, reader.course, reader.content_language, parent)
        dialog.installed.connect(self._installed)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: InstallDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _installed(self, info: PackInfo) -> None:
        self.reload()
        self.window.show_status(
            _("Content updated to version {version}").format(version=info.course_version)
        )

    # ------------------------------------------------------------ rollback

    def ask_rollback(self) -> None:
        answer = QMessageBox.question(
            cast(QWidget, self.window),
            _("Roll back content update"),
            _(
                "Go back to the content that was in use before the last update? "
                "Progress is kept; the update can be installed again later."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.roll_back()

    def roll_back(self) -> str | None:
        """Back to the previous content, reloaded in place; None (and a message) when there is
        nothing to go back to."""
        from courseware_app.core.packs import PackError, rollback

        try:
            version = rollback(self.data, bundled=self.bundled)
        except PackError as exc:
            self._refused(_("Nothing was rolled back"), str(exc))
            return None
        self.reload()
        self.window.show_status(
            _("Content rolled back to version {version}").format(version=version)
        )
        return version

    # ------------------------------------------------------------ the course, in place

    def reload(self) -> None:
        """Read the active content and show it where the reader is."""
        from courseware_app.core.loader import load_course
        from courseware_app.core.packs import active_content
        from courseware_app.ui.progress_ui import ProgressController

        course = load_course(active_content(self.data, self.bundled))
        for d in course.errors:
            log.warning("content: %s", d.format())
        progress = self.window.part(ProgressController)
        if progress is not None:
            progress.marks.invalidate()  # per module, of the course being replaced
        self.header.forget()
        self.window.reader.replace_course(course, None)
        if progress is not None:
            progress.changed.emit("content")  # the page's line and the dashboard follow
        self.reloaded.emit(course.version)

    def _refused(self, title: str, message: str) -> None:
        QMessageBox.warning(cast(QWidget, self.window), title, message)


def install_packs(window: WindowApi, data: Path, bundled: Path | None = None) -> PacksPart:
    """Add the content update actions to ``window`` (a WindowApi); ``data`` is the data folder,
    ``bundled`` the content shipped with the app (by default the one the paths name)."""
    from courseware_app.core import paths

    return PacksPart(window, data, bundled or paths.resource_root() / "content")
