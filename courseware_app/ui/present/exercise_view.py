"""The risk-matrix exercise as the room sees it: the grid in the projector's look, each card
on it by its number, and beside it a legend of every card (number and text) at the largest
size that fits; never the model until the trainer reveals it. Then the model is drawn over the
grid and the legend says each card's verdict in words, under the score. The exercise step
shows it with no card placed; the console's panel drives the live one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from courseware_app.core.exercises import ExerciseResult, RiskMatrix
from courseware_app.core.i18n import Words, translator
from courseware_app.ui.exercises.board import MatrixBoard
from courseware_app.ui.exercises.placements import Placements
from courseware_app.ui.exercises.results import empty
from courseware_app.ui.exercises.texts import card_text, score_words, verdict_line
from courseware_app.ui.present.look import (
    BODY_PX,
    DARK_NAME,
    LIGHT_NAME,
    POINT_SHARE,
    SECOND_SHARE,
    Look,
    body_px,
    look_named,
    paint,
    pixel_font,
    scaled,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from courseware_app.ui.present.controller import PresenterController


@dataclass(frozen=True)
class RoomExercise:
    """An exercise in the language the room reads it in."""

    exercise: RiskMatrix
    lang: str


Finder = Callable[[str], RoomExercise | None]
FIT_STEP = 0.9  # the legend is tried this much smaller until it fits...
FIT_FLOOR = 0.45  # ... down to this share of the body text
GRID_SHARE, LEGEND_SHARE = 3, 2  # the widths of the grid and the legend


def exercise_finder(controller: PresenterController) -> Finder:
    """Finds an exercise by its id in the module, in the room's language of the moment."""

    def find(exercise_id: str) -> RoomExercise | None:
        tr = controller.module.translations.get(controller.audience_lang)
        found = next((e for e in tr.exercises if e.id == exercise_id), None) if tr else None
        return RoomExercise(found, tr.lang) if found is not None and tr is not None else None

    return find


class Legend(QWidget):
    """Every card's number and text (after Reveal, its verdict too), fitted to its height."""

    def __init__(self, exercise: RiskMatrix, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise, self.words = exercise, words
        self.result: ExerciseResult | None = None
        self.px = BODY_PX
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.labels: list[QLabel] = []
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.refill()

    def lines(self) -> list[str]:
        result = self.result
        lines = [score_words(result, self.words)] if result is not None else []
        for n, card in enumerate(self.exercise.cards, 1):
            text = f"{n}. {card_text(self.exercise, card.id)}"
            if result is not None:
                found = result.cards[n - 1]
                text += "\n" + verdict_line(found, self.words)
            lines.append(text)
        return lines

    def show_result(self, result: ExerciseResult | None) -> None:
        self.result = result
        self.refill()

    def set_px(self, px: int) -> None:
        self.px = px
        self.refill()

    def refill(self) -> None:
        """The lines at the body size, or smaller until they fit this widget's height."""
        empty(self.box)
        self.labels = []
        for text in self.lines():
            label = QLabel(text, self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.box.addWidget(label)
            self.labels.append(label)
        self.box.addStretch(1)
        self.fit()
        self.setAccessibleName(" ".join(self.lines()))

    def fit(self) -> None:
        px, floor = self.px, self.px * FIT_FLOOR
        while True:
            for label in self.labels:
                label.setFont(pixel_font(px))
            if self._height() <= self.height() or px * FIT_STEP < floor:
                return
            px = round(px * FIT_STEP)

    def _height(self) -> int:
        width = max(1, self.width())
        gap = self.box.spacing()
        return sum(label.heightForWidth(width) + gap for label in self.labels)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()


class ExerciseProjection(QWidget):
    """The board of ``placements`` for the room (no focus, no drops) and its legend. ``px``:
    the body text size; 0 follows this widget's own height (the projector's window)."""

    def __init__(
        self,
        placements: Placements,
        look: Look,
        lang: str,
        px: int = 0,
        title: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.placements = placements
        if placements.parent() is None:
            placements.setParent(self)  # kept as long as the view that shows them
        self.fixed_px = px
        self.look = look
        self.title = QLabel(placements.exercise.title, self)
        self.title.setWordWrap(True)
        self.title.setVisible(title)
        words = translator(lang)  # the room's language, not the console's
        self.board = MatrixBoard(placements, parent=self, tray=False, words=words)
        self.board.editable = False
        for chip in self.board.chips.values():
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.board.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.legend = Legend(placements.exercise, words, self)
        middle = QHBoxLayout()
        middle.addWidget(self.board, GRID_SHARE)
        middle.addWidget(self.legend, LEGEND_SHARE)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addLayout(middle, 1)
        self.set_look(look)
        self.apply_size(px or BODY_PX)

    @property
    def revealed(self) -> bool:
        return self.board.result is not None

    def set_look(self, look: Look) -> None:
        self.look = look
        paint(self, look)
        paint(self.title, look, look.title)
        self.title.setAutoFillBackground(False)

    def set_dark(self, dark: bool) -> None:
        self.set_look(look_named(DARK_NAME if dark else LIGHT_NAME))

    def apply_size(self, px: int) -> None:
        self.setFont(pixel_font(px))
        self.title.setFont(pixel_font(scaled(px, POINT_SHARE), bold=True))
        self.board.set_scale_px(scaled(px, SECOND_SHARE))
        margin = px // 2 if self.title.isVisible() else 0
        self.box.setContentsMargins(margin, margin, margin, margin)
        self.legend.set_px(px)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self.fixed_px:
            self.apply_size(body_px(min(self.height(), round(self.width() * 3 / 4))))

    def show_result(self, result: ExerciseResult | None) -> None:
        """The model over the board and each card's verdict in the legend (None: hidden)."""
        self.board.show_result(result)
        self.legend.show_result(result)


def step_board(found: RoomExercise, look: Look, px: int, parent: QWidget) -> ExerciseProjection:
    """The exercise step's board: no card placed yet, at the step's text size (its title is
    the step's own)."""
    placements = Placements(found.exercise)
    return ExerciseProjection(placements, look, found.lang, px, title=False, parent=parent)
