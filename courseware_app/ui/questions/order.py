"""Ordering: a list to drag, or to reorder with Move up / Move down (Ctrl+Up / Ctrl+Down)."""

from __future__ import annotations

import random
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from courseware_app.core.i18n import _
from courseware_app.core.questions import QuestionType
from courseware_app.core.scoring import shuffled_items
from courseware_app.ui.questions.base import QuestionInput, register_input, shortcut


class OrderInput(QuestionInput):
    """The response lists the items' original indices in the order shown."""

    def build(self, shuffle: bool, rng: random.Random) -> None:
        self.hint(
            _(
                "Put the items in the right order: drag them, or select one and use Move up / Move down (Ctrl+Up / Ctrl+Down)."
            )
        )
        self.list = QListWidget(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setAccessibleName(_("Items to order"))
        count = len(self.q.items)
        self.fill(self.arranged(count, lambda: shuffled_items(count, rng)))
        self.touched = False  # the order shown is always a response; a move is an answer
        self.list.model().rowsMoved.connect(lambda *_args: self._moved())  # dragged
        self.list.setCurrentRow(0)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * len(self.q.items) + 8)
        self.up_button = QPushButton(_("Move &up"), self)
        self.down_button = QPushButton(_("Move &down"), self)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        shortcut("Ctrl+Up", self.list, lambda: self.move_item(-1))
        shortcut("Ctrl+Down", self.list, lambda: self.move_item(1))
        row = QHBoxLayout()
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        row.addStretch(1)
        self.layout_.addWidget(self.list)
        self.layout_.addLayout(row)
        for widget in (self.list, self.up_button, self.down_button):
            self.watch(widget)

    def fill(self, indices: Iterable[int]) -> None:
        self.list.clear()
        for index in indices:
            item = QListWidgetItem(self.q.items[index])
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if self.locked or row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._moved()

    def _moved(self) -> None:
        self.touched = True
        self.changed.emit()

    def answered(self) -> bool:
        return self.touched

    def arrangement(self) -> list[int] | None:
        """The order shown now (the response itself)."""
        return self.response_order()

    def set_locked(self, locked: bool) -> None:
        """Read-only: no dragging, no moving; the list can still be scrolled and read."""
        self.locked = locked
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if locked
            else QAbstractItemView.DragDropMode.InternalMove
        )
        self.up_button.setVisible(not locked)
        self.down_button.setVisible(not locked)

    def response_order(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def response(self) -> object:
        return self.response_order()

    def set_response(self, response: object) -> None:
        if isinstance(response, Iterable):
            self.fill(int(index) for index in response)
            self.touched = True


register_input(QuestionType.ORDER, OrderInput)
