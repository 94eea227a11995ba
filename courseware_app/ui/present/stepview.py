"""One step as the room sees it, in widgets whose text a screen reader (and a test) can read:
title cards, slides (bullets or a picture), projected blocks, the quiz's card, an exercise's
board. With a second language, each title and bullet has its translation beneath it, smaller.
The audience window shows it full screen; the console shows the same at a small size as its
previews."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.present.steps import Step, StepKind, plain_text
from courseware_app.ui.present.exercise_view import Finder, step_board
from courseware_app.ui.present.look import (
    BODY_PX,
    CARD_SHARE,
    POINT_SHARE,
    SECOND_SHARE,
    TITLE_SHARE,
    Look,
    body_px,
    document_css,
    look_named,
    paint,
    pixel_font,
    scaled,
)
from courseware_app.ui.present.picture import Picture, module_picture
from courseware_app.ui.questions.rich_text import RichLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

FIT_STEP = 0.88  # a block too tall for the screen is tried again this much smaller
FIT_FLOOR = 0.5  # ... down to half the body size, never below the view's minimum; what still
# does not fit is paged: Next shows the rest a screen at a time before the next step
BULLET = "•"


class StepView(QWidget):
    """Shows a step (and its second-language twin) at a size that follows its own height.
    ``minimum``: the smallest body text in pixels (the projector's 28; a preview's less)."""

    def __init__(self, folder: Path, minimum: int = BODY_PX, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder  # the module's folder: pictures are read from it alone
        self.content_root = folder.parent.parent
        self.minimum = minimum
        self.look = look_named("")
        self.step: Step | None = None
        self.second: Step | None = None
        self.zoomed = False
        self.px = 0
        self.pager: QScrollArea | None = None  # a block taller than the screen, paged
        self.box = QVBoxLayout(self)
        # The screen's size decides the text's, never the other way round.
        self.box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        ignored = QSizePolicy.Policy.Ignored
        self.setSizePolicy(ignored, ignored)
        self._builders: dict[StepKind, Callable[[Step, Step | None], None]] = {
            StepKind.OPENING: self._opening,
            StepKind.SECTION: self._card,
            StepKind.SLIDE: self._slide,
            StepKind.BLOCK: self._block,
            StepKind.QUIZ: self._quiz,
            StepKind.EXERCISE: self._exercise,
        }
        self.find_exercise: Finder = lambda _id: None
        paint(self, self.look)

    def set_look(self, look: Look) -> None:
        self.look = look
        paint(self, look)
        self.rebuild()

    def set_exercises(self, find: Finder) -> None:
        """Where an exercise step finds its exercise (by id), to show its board."""
        self.find_exercise = find

    def show_step(self, step: Step, second: Step | None = None, zoomed: bool = False) -> None:
        self.step, self.second, self.zoomed = step, second, zoomed
        self.rebuild()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._body_px() != self.px:
            self.rebuild()

    def _body_px(self) -> int:
        """The body size for this view's height (and width, for a screen wider than 4:3's)."""
        height = min(self.height(), round(self.width() * 3 / 4))
        return body_px(height, self.minimum)

    # ------------------------------------------------------------ building

    def rebuild(self) -> None:
        self._clear()
        self.px = self._body_px()
        margin = self.px if self.minimum >= BODY_PX else max(4, self.px // 2)
        self.box.setContentsMargins(margin, margin, margin, margin)
        self.box.setSpacing(max(2, self.px // 3))
        if self.step is None:
            return
        if self.zoomed and self.step.image:
            self._picture(self.step)
            self._show_built()
            return
        self._builders[self.step.kind](self.step, self.second)
        self._show_built()

    def _show_built(self) -> None:
        """Shown now, not at the next turn of the event loop (a layout's own way)."""
        for i in range(self.box.count()):
            item = self.box.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.show()

    def page(self, forward: bool) -> bool:
        """Show the next (or previous) screenful of a block taller than the screen; False
        when there is none in that direction (the step changes instead)."""
        bar = self.pager.verticalScrollBar() if self.pager is not None else None
        if bar is None or bar.maximum() == 0:
            return False
        target = bar.value() + (1 if forward else -1) * max(1, bar.pageStep() - self.px * 2)
        if (forward and bar.value() >= bar.maximum()) or (not forward and bar.value() <= 0):
            return False
        bar.setValue(max(0, min(bar.maximum(), target)))
        return True

    def _clear(self) -> None:
        self.pager = None
        while self.box.count():
            item = self.box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from the children at once, not at the next loop
                widget.deleteLater()

    def _opening(self, step: Step, second: Step | None) -> None:
        self._titles(step, second, TITLE_SHARE)
        if step.caption:
            self.box.addWidget(self._label(plain_text(step.caption), self.px, self.look.title))
        self._points(step.points, second.points if second else (), 1.0)
        self.box.addStretch(1)

    def _card(self, step: Step, second: Step | None) -> None:
        self.box.addStretch(1)
        self._titles(step, second, CARD_SHARE, Qt.AlignmentFlag.AlignCenter)
        self.box.addStretch(1)

    def _slide(self, step: Step, second: Step | None) -> None:
        self._titles(step, second, TITLE_SHARE)
        if step.image:
            self._picture(step, second)
            return
        self._points(step.points, second.points if second else (), POINT_SHARE)
        self.box.addStretch(1)

    def _block(self, step: Step, second: Step | None) -> None:
        self._titles(step, second, TITLE_SHARE)
        if step.image:
            self._picture(step, second)
            return
        label = self._fitted(step.html)
        width, room = self._room()
        if self._height_at(label, width) <= room:
            self.box.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            self.box.addStretch(1)
            return
        self.pager = QScrollArea(self)  # pages of it, at a size the room can read
        self.pager.setFrameShape(QFrame.Shape.NoFrame)
        self.pager.setWidgetResizable(True)
        self.pager.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pager.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pager.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pager.setWidget(label)
        paint(self.pager.viewport(), self.look)
        self.box.addWidget(self.pager, 1)

    def _quiz(self, step: Step, second: Step | None) -> None:
        self.box.addStretch(1)
        self._titles(step, second, CARD_SHARE, Qt.AlignmentFlag.AlignCenter)
        self.box.addWidget(self._rich(step.html, scaled(self.px, TITLE_SHARE)))
        self.box.addStretch(1)

    def _exercise(self, step: Step, second: Step | None) -> None:
        self._titles(step, second, TITLE_SHARE)
        found = self.find_exercise(step.exercise)
        if found is None:
            self.box.addWidget(self._rich(step.html, self.px))
            self.box.addStretch(1)
            return
        self.box.addWidget(step_board(found, self.look, self.px, self), 1)

    def _titles(
        self,
        step: Step,
        second: Step | None,
        share: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        title = self._label(step.title, scaled(self.px, share), self.look.title, bold=True)
        title.setAlignment(align)
        self.box.addWidget(title)
        if second is not None and second.title:
            px = scaled(self.px, share * SECOND_SHARE)
            below = self._label(second.title, px, self.look.second)
            below.setAlignment(align)
            self.box.addWidget(below)

    def _picture(self, step: Step, second: Step | None = None) -> None:
        picture = Picture(module_picture(self.folder, step.image), step.title, self)
        picture.setAccessibleDescription(plain_text(step.caption))
        self.box.addWidget(picture, 1)
        if step.caption and not self.zoomed:
            self.box.addWidget(self._rich(step.caption, self.px))
        if second is not None and second.caption and not self.zoomed:
            small = scaled(self.px, SECOND_SHARE)
            self.box.addWidget(self._rich(second.caption, small, self.look.second))

    def _points(self, points: tuple[str, ...], seconds: tuple[str, ...], share: float) -> None:
        """One row per bullet (the room's language, the second language beneath it), at
        ``share`` of the body size, or smaller until the rows fit below the title."""
        width, room = self._room()
        px = scaled(self.px, share)
        while True:
            rows, height = self._rows(points, seconds, px, width)
            if height <= room or px <= self.px * FIT_FLOOR:
                break
            rows.setParent(None)
            rows.deleteLater()
            px = round(px * FIT_STEP)
        self.box.addWidget(rows)

    def _rows(
        self, points: tuple[str, ...], seconds: tuple[str, ...], px: int, width: int
    ) -> tuple[QWidget, float]:
        """The bullets' grid at ``px``, and how tall it is at ``width``."""
        rows = QWidget(self)
        grid = QGridLayout(rows)
        gap, small = max(1, px // (4 if seconds else 2)), scaled(px, SECOND_SHARE)
        grid.setContentsMargins(0, px // 2, 0, 0)
        grid.setHorizontalSpacing(px // 2)
        grid.setVerticalSpacing(gap)
        text_width = width - 2 * px
        height = float(px // 2)
        for i in range(max(len(points), len(seconds))):
            mark = self._label(BULLET, px, self.look.title)
            grid.addWidget(mark, 2 * i, 0, Qt.AlignmentFlag.AlignTop)
            texts = [(points, px, None, 0), (seconds, small, self.look.second, 1)]
            for source, size, colour, row in texts:
                if i < len(source):
                    label = self._rich(source[i], size, colour)
                    grid.addWidget(label, 2 * i + row, 1)
                    height += self._height_at(label, text_width) + gap
        grid.setColumnStretch(1, 1)
        return rows, height

    def _room(self) -> tuple[int, int]:
        """The width inside the margins, and the height left below what is laid out so far."""
        m = self.box.contentsMargins()
        width = self.width() - m.left() - m.right()
        used = m.top() + m.bottom()
        for i in range(self.box.count()):
            item = self.box.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                used += widget.heightForWidth(width) if widget.hasHeightForWidth() else 0
                used += self.box.spacing()
        return max(1, width), self.height() - used

    # ------------------------------------------------------------ widgets

    def _label(self, text: str, px: int, colour: str, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setFont(pixel_font(px, bold))
        paint(label, self.look, colour)
        label.setAutoFillBackground(False)
        return label

    def _rich(self, html: str, px: int, colour: str | None = None) -> RichLabel:
        label = RichLabel(self.content_root, self)
        label.setFont(pixel_font(px))
        paint(label, self.look, colour)
        label.document().setDefaultStyleSheet(document_css(self.look, colour))
        label.setText(html)
        return label

    def _fitted(self, html: str) -> RichLabel:
        """A block's HTML at the body size, or smaller until it fits below its title."""
        room_w, room_h = self._room()
        px, floor = self.px, max(self.minimum, self.px * FIT_FLOOR)
        label = self._rich(html, px)
        while round(px * FIT_STEP) >= floor and self._height_at(label, room_w) > room_h:
            px = round(px * FIT_STEP)
            label.setFont(pixel_font(px))
            label.setText(html)
        return label

    @staticmethod
    def _height_at(label: RichLabel, width: int) -> float:
        document = label.document()
        document.setTextWidth(width)
        return document.size().height()
