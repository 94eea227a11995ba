"""What a link in a page leads to outside the reader: web pages, course files, About."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from courseware_app import __version__
from courseware_app.core.i18n import _, current_language
from courseware_app.ui.module_view import asset_path

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from courseware_app.core.course import Course
    from courseware_app.ui.trs_part import TrsLabPart


def confirm_external(parent: QWidget, url: QUrl) -> None:
    """Ask before handing a web link to the system's browser (which needs a network)."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        _("Open a web page?"),
        _(
            "This link leads outside the course:\n{url}\n\nOpen it in your web browser? "
            "It needs an internet connection."
        ).format(url=url.toString()),
    )
    if answer == QMessageBox.StandardButton.Yes:
        QDesktopServices.openUrl(url)


def offer_file(parent: QWidget, content_root: Path, url: QUrl) -> None:
    """An ``asset:`` link: open the course file, or save a copy of it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    path = asset_path(content_root, url)
    if path is None:
        QMessageBox.warning(parent, _("File not found"), _("This file is not part of the course."))
        return
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _("Course file"),
        _("“{name}” is a file shipped with this module.").format(name=path.name),
        parent=parent,
    )
    open_button = box.addButton(_("Open"), QMessageBox.ButtonRole.AcceptRole)
    lab = _trs_lab(parent) if path.suffix.lower() == ".csv" else None
    lab_button = box.addButton(_("Open in the TRS lab"), QMessageBox.ButtonRole.ActionRole)
    lab_button.setVisible(lab is not None)  # an extract of trs-02 (or any course CSV)
    save_button = box.addButton(_("Save a copy…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if lab is not None and box.clickedButton() is lab_button:
        lab.open_lab(path)
    elif box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is save_button:
        save_copy(parent, path)


def _trs_lab(parent: QWidget) -> TrsLabPart | None:
    """The window's TRS lab part, which opens a course's CSV extract (trs-02's dataset)."""
    from courseware_app.ui.trs_part import TrsLabPart

    part = getattr(parent, "part", None)
    return part(TrsLabPart) if callable(part) else None


def save_copy(parent: QWidget, path: Path) -> Path | None:
    """Copy a course file where the user chooses; the copy's path, or None if cancelled."""
    from PySide6.QtWidgets import QFileDialog

    target, _filter = QFileDialog.getSaveFileName(
        parent, _("Save a copy"), str(Path.home() / path.name)
    )
    if not target:
        return None
    shutil.copyfile(path, target)
    return Path(target)


def show_about(parent: QWidget, course: Course) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        parent,
        _("About Courseware"),
        _(
            "Courseware {version}\n\nOffline courseware for customs risk management and Time "
            "Release Study training in Central Asia and the Caucasus.\n\nCourse: {course} {course_version}"
        ).format(
            version=__version__,
            course=course.title.get(current_language(), course.id),
            course_version=course.version,
        ),
    )
