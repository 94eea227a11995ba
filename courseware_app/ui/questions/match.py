"""Matching: a drop-down of right-hand items beside each left-hand item."""

from __future__ import annotations

import random
from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox, QFormLayout

from courseware_app.core.i18n import _
from courseware_app.core.questions import QuestionType
from courseware_app.ui.questions.base import QuestionInput, register_input
from courseware_app.ui.questions.rich_text import literal, wrapped_label


class MatchInput(QuestionInput):
    """The response maps left indices to the right indices chosen for them."""

    def build(self, shuffle: bool, rng: random.Random) -> None:
        form = QFormLayout()
        self.combos: list[QComboBox] = []
        count = len(self.q.pairs)
        self.rights = self.arranged(count, lambda: shuffled(count, rng))
        for left_index, (left, _right) in enumerate(self.q.pairs):
            combo = QComboBox(self)
            combo.addItem(_("— choose —"), None)
            for r in self.rights:
                combo.addItem(self.q.pairs[r][1], r)
            combo.setAccessibleName(left)
            label = wrapped_label(literal(left), self)  # its buddy would read "&" as a shortcut
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos.append(combo)
            self.watch(combo)
            combo.setProperty("left_index", left_index)
        self.layout_.addLayout(form)

    def arrangement(self) -> list[int] | None:
        return list(self.rights)

    def response(self) -> object:
        picked = {
            i: c.currentData() for i, c in enumerate(self.combos) if c.currentData() is not None
        }
        return picked or None

    def set_response(self, response: object) -> None:
        given = response if isinstance(response, Mapping) else {}
        pairs = {int(k): v for k, v in given.items()}
        for i, combo in enumerate(self.combos):
            combo.setCurrentIndex(max(0, combo.findData(pairs.get(i))))


def shuffled(count: int, rng: random.Random) -> list[int]:
    order = list(range(count))
    rng.shuffle(order)
    return order


register_input(QuestionType.MATCH, MatchInput)
