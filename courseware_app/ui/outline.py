"""The outline: tracks -> modules (with version and translation status) -> sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from courseware_app.core.i18n import _

if TYPE_CHECKING:
    from courseware_app.core.course import Course, Status
    from courseware_app.ui.window_api import Decorator

# Qt.ItemDataRole.UserRole and AccessibleDescriptionRole as plain numbers: the window is built
# before its first paint, and the first touch of Qt's `Qt` namespace costs ~25 ms (its enums
# are made on demand), so nothing on that path names it. The outline fills in afterwards.
ROLE_TARGET = 0x0100  # (module id, section id)
ROLE_ACCESSIBLE_DESCRIPTION = 12


def status_tip(status: Status) -> str:
    from courseware_app.core.course import Status

    return {
        Status.MISSING: _("Not translated into this language yet: shown in the source language"),
        Status.OUTDATED: _("This translation follows an older version of the source"),
        Status.ERROR: _("This module has errors and cannot be shown"),
    }.get(status, "")


class OutlineTree(QTreeWidget):
    """Emits ``targetActivated(module, section)`` when the user picks an entry."""

    targetActivated = Signal(str, str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("outline")
        self.setColumnCount(2)
        self.setUniformRowHeights(True)
        self.setHeaderHidden(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self._items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._versions: dict[str, str] = {}
        self.versions_shown = False
        self._decorators: list[Decorator] = []

    def add_decorator(self, decorate: Decorator) -> None:
        """``decorate(item, module_id, section_id)`` adds marks (progress status, bookmarks...)
        to each row (``section_id`` "" on a module's row), now and whenever the outline is
        filled again."""
        self._decorators.append(decorate)
        self.redecorate(decorate)

    def redecorate(self, decorate: Decorator) -> None:
        """Run one decorator over every row again (its marks changed)."""
        for (module_id, section_id), item in self._items.items():
            decorate(item, module_id, section_id)

    def set_versions_shown(self, on: bool) -> None:
        """Module versions in the second column (they are always in the tooltips; the column
        itself stays for the marks that parts add, such as progress)."""
        self.versions_shown = on
        for (module_id, section_id), item in self._items.items():
            if not section_id:
                item.setText(1, self._versions.get(module_id, "") if on else "")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHeaderLabels([_("Contents"), _("Version") if self.versions_shown else ""])
        self.setAccessibleName(_("Course outline"))

    def populate(self, course: Course, lang: str) -> None:
        from PySide6.QtWidgets import QStyle

        from courseware_app.core.course import Status

        self.retranslate_ui()
        expanded = {k for k, it in self._items.items() if it.isExpanded()}
        self.clear()
        self._items = {}
        style = self.style()
        icons = {
            Status.MISSING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
            Status.OUTDATED: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            Status.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
        }
        for track in course.tracks:
            titem = QTreeWidgetItem(
                self, [track.title.get(lang) or track.title.get("en", track.id), ""]
            )
            titem.setFirstColumnSpanned(False)
            titem.setExpanded(True)
            font = titem.font(0)
            font.setBold(True)
            titem.setFont(0, font)
            for mid in track.modules:
                module = course.modules.get(mid)
                if module is None:
                    continue
                status = module.status(lang)
                self._versions[mid] = module.version
                shown = module.version if self.versions_shown else ""
                mitem = QTreeWidgetItem(titem, [module.title(lang), shown])
                mitem.setData(0, ROLE_TARGET, (mid, ""))
                version = _("Version {version}").format(version=module.version)
                mitem.setToolTip(0, f"{module.title(lang)}\n{version}")
                if status in icons:
                    mitem.setIcon(0, icons[status])
                    mitem.setToolTip(0, f"{module.title(lang)}\n{version}\n{status_tip(status)}")
                    mitem.setData(0, ROLE_ACCESSIBLE_DESCRIPTION, status_tip(status))
                self._items[(mid, "")] = mitem
                for decorate in self._decorators:
                    decorate(mitem, mid, "")
                tr = module.best(lang) if status != Status.ERROR else None
                for section in tr.sections if tr else ():
                    sitem = QTreeWidgetItem(mitem, [section.title, ""])
                    sitem.setData(0, ROLE_TARGET, (mid, section.id))
                    sitem.setToolTip(0, section.title)
                    self._items[(mid, section.id)] = sitem
                    for decorate in self._decorators:
                        decorate(sitem, mid, section.id)
                mitem.setExpanded((mid, "") in expanded)

    def item_for(self, module_id: str, section_id: str = "") -> QTreeWidgetItem | None:
        return self._items.get((module_id, section_id)) or self._items.get((module_id, ""))

    def select(self, module_id: str, section_id: str) -> None:
        item = self.item_for(module_id, section_id)
        if item is None:
            return
        parent = self._items.get((module_id, ""))
        if parent is not None:
            parent.setExpanded(True)
        self.blockSignals(True)
        self.setCurrentItem(item)
        self.blockSignals(False)
        self.scrollToItem(item)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, ROLE_TARGET)
        if target:
            self.targetActivated.emit(target[0], target[1])
