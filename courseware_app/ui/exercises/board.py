"""The risk matrix as a board: a 5x5 grid with its scale labels (likelihood rows from 5 at the
top down to 1, consequence columns 1 to 5) and a tray of cards beside it. Cards are dragged onto
cells, or moved by keys: Tab or the arrow keys choose a card, Enter or Space picks it up (a card
in the tray goes to the middle cell), the arrow keys move it, Enter or Space puts it down,
Escape puts it back, Delete returns it to the tray. After Submit the board shows the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.exercises import CardResult, ExerciseResult
from courseware_app.core.i18n import Words, _
from courseware_app.ui.exercises.chips import CardChip, Cell, DropBox
from courseware_app.ui.exercises.overlay import RevealOverlay
from courseware_app.ui.exercises.placements import CENTRE, SIDE, Placements, clamped
from courseware_app.ui.exercises.scales import fit_to_width
from courseware_app.ui.exercises.texts import (
    card_text,
    cards_count_words,
    distance_words,
    place_words,
    say,
    verdict_words,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QResizeEvent

K = Qt.Key
MOVES: dict[K, Cell] = {
    K.Key_Up: (1, 0),
    K.Key_Down: (-1, 0),
    K.Key_Right: (0, 1),
    K.Key_Left: (0, -1),
}
HOLD_KEYS = (K.Key_Return, K.Key_Enter, K.Key_Space)
TRAY_KEYS = (K.Key_Delete, K.Key_Backspace)
LABEL_EMS = 6  # a likelihood label is at most this many of its text's heights wide
NOT_OURS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def bold_font() -> QFont:
    """Bold, and nothing else set: the size still comes from the parent's font."""
    font = QFont()
    font.setBold(True)
    return font


class MatrixBoard(QWidget):
    """Shows ``placements`` and changes them (by mouse and keys, while ``editable``)."""

    said = Signal(str)  # a sentence saying what a key or a drop did (for the status line)

    def __init__(
        self,
        placements: Placements,
        module: str = "",
        parent: QWidget | None = None,
        tray: bool = True,
        words: Words | None = None,
    ) -> None:
        super().__init__(parent)
        self.placements = placements
        self.words = words  # the scales' titles and the cells' names in this catalog
        self.has_tray = tray  # False: the cards in the tray are shown elsewhere (a legend)
        self.exercise = ex = placements.exercise
        self.editable = True
        self.result: ExerciseResult | None = None
        self.held: str | None = None
        self._held_from: Cell | None = None
        self._moving = False
        self.chips = {
            c.id: CardChip(self, c.id, n, card_text(ex, c.id, module))
            for n, c in enumerate(ex.cards, 1)
        }
        self.grid_area = QWidget(self)
        self.cells: dict[Cell, DropBox] = {}
        self.likelihood_labels: list[QLabel] = []
        self.consequence_labels: list[QLabel] = []
        self.scale_px = 0  # 0: the scales' labels at most as large as the board's own text
        self._build_grid()
        self.tray_caption = QLabel(self)
        self.tray = DropBox(self, None, self)
        self.tray_column = QWidget(self)
        column = QVBoxLayout(self.tray_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tray_caption)
        self.tray_scroll = QScrollArea(self.tray_column)  # ten long cards may not fit
        self.tray_scroll.setWidgetResizable(True)
        self.tray_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tray_scroll.setWidget(self.tray)
        column.addWidget(self.tray_scroll, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid_area, 3)
        layout.addWidget(self.tray_column, 1)
        self.tray_column.setVisible(tray)
        self.tray_column.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.overlay = RevealOverlay(self)
        placements.changed.connect(self.relayout)
        self.retranslate_ui()
        self.relayout()

    def _build_grid(self) -> None:
        grid = QGridLayout(self.grid_area)
        grid.setSpacing(0)
        self.likelihood_title, self.consequence_title = QLabel(self), QLabel(self)
        for title in (self.likelihood_title, self.consequence_title):
            title.setFont(bold_font())
        grid.addWidget(self.likelihood_title, 0, 0)
        for row, lik in enumerate(range(SIDE, 0, -1), 1):
            label = self._scale(lik, self.exercise.likelihood)
            self.likelihood_labels.append(label)
            grid.addWidget(label, row, 0)
            grid.setRowStretch(row, 1)
            for con in range(1, SIDE + 1):
                self.cells[(lik, con)] = cell = DropBox(self, (lik, con), self.grid_area)
                grid.addWidget(cell, row, con)
        for con in range(1, SIDE + 1):
            label = self._scale(con, self.exercise.consequence, "\n")
            self.consequence_labels.append(label)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            grid.addWidget(label, SIDE + 1, con)
            grid.setColumnStretch(con, 1)
        grid.addWidget(self.consequence_title, SIDE + 2, 1, 1, SIDE, Qt.AlignmentFlag.AlignHCenter)

    def _scale(self, value: int, labels: tuple[str, ...], gap: str = " ") -> QLabel:
        """'4 Likely' (wrapped), or with ``gap`` a new line, the number above its label."""
        label = QLabel(f"{value}{gap}{labels[value - 1]}", self.grid_area)
        label.setWordWrap(gap == " ")
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def retranslate_ui(self) -> None:
        w = say(self.words)
        self.likelihood_title.setText(w.gettext("Likelihood ↑"))
        self.consequence_title.setText(w.gettext("Consequence →"))
        for cell, box in self.cells.items():
            box.setAccessibleName(place_words(self.exercise, cell, self.words))
        self.tray.setAccessibleName(_("Card tray"))
        self.relayout()

    # ------------------------------------------------------------ showing

    def relayout(self, _card: str = "") -> None:
        """Every card where the placements say, in the exercise's order."""
        focus = QApplication.focusWidget()
        p = self.placements
        self._moving = True  # a card that changes box loses the focus for a moment
        for cell, box in self.cells.items():
            box.hold([self.chips[c] for c in p.cards_in(cell)])
        self.tray.hold([self.chips[c] for c in p.in_tray()])
        ordered = [self.chips[c] for c in p.order]
        for first, second in zip(ordered, ordered[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for chip in ordered:
            chip.held = chip.card == self.held
            chip.setAccessibleDescription(self._description(chip.card))
            chip.update()
        if isinstance(focus, CardChip) and focus in ordered and not focus.hasFocus():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._moving = False
        left = len(p.in_tray())
        self.tray_caption.setText(_("Risk cards") + " — " + cards_count_words(left))
        self.overlay.update()

    def _description(self, card: str) -> str:
        words = [place_words(self.exercise, self.placements.cell_of(card))]
        if card == self.held:
            words.append(_("picked up"))
        found = self._result_of(card)
        if found is not None:
            model = place_words(self.exercise, found.model)
            model_card = self.exercise.card(card)
            why = model_card.why if model_card is not None else ""
            words += [verdict_words(found), _("model: {place}").format(place=model)]
            words += [distance_words(found.distance), why]
        return "; ".join(w for w in words if w)

    def _result_of(self, card: str) -> CardResult | None:
        cards = self.result.cards if self.result is not None else ()
        return next((r for r in cards if r.card == card), None)

    def show_result(self, result: ExerciseResult | None) -> None:
        """The model answer over the board (None: back to placing cards)."""
        self.result = result
        self.editable = result is None
        self.held = None
        for chip in self.chips.values():
            found = self._result_of(chip.card)
            chip.mark = verdict_words(found).split(" ")[0] if found is not None else ""
            chip.show_text()
        shown = self.has_tray and (result is None or bool(self.placements.in_tray()))
        self.tray_column.setVisible(shown)
        self.overlay.setVisible(result is not None)
        self.relayout()

    def set_scale_px(self, px: int) -> None:
        """The scales' labels ``px`` pixels high, or smaller where a word would not fit: a
        likelihood label in LABEL_EMS of it, a consequence label in its column."""
        self.scale_px = px
        self._fit_scales()

    def _fit_scales(self) -> None:
        px = self.scale_px or QFontInfo(self.font()).pixelSize()
        if self.scale_px:  # a size asked for (the projector's): the rows' labels kept narrow
            for label in self.likelihood_labels:
                label.setMaximumWidth(px * LABEL_EMS)
            fit_to_width(self.likelihood_labels, px, [px * LABEL_EMS] * SIDE)
        widths = [self.cells[(1, con)].width() for con in range(1, SIDE + 1)]
        fit_to_width(self.consequence_labels, px, widths)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_scales()
        self.overlay.setGeometry(self.rect())
        self.overlay.raise_()

    # ------------------------------------------------------------ changing (Host)

    def card_focused(self, card: str) -> None:
        """Another card chosen puts the one picked up down where it is."""
        if self.held is not None and self.held != card and not self._moving:
            self._put_down(self.held)

    def dropped(self, card: str, cell: Cell | None) -> None:
        self.held = None
        if cell is None:
            self.placements.unplace(card)
        else:
            self.placements.place(card, cell)
        self._say_place(card)

    def card_key(self, card: str, event: QKeyEvent) -> bool:
        """A key pressed on a card; False when it is not the board's."""
        if event.modifiers() & NOT_OURS:
            return False
        key = K(event.key())
        if key in MOVES:
            if self.held == card:
                self._move(card, MOVES[key])
            else:
                self._focus_near(card, forward=key in (K.Key_Right, K.Key_Down))
            return True
        if not self.editable:
            return False
        if key in HOLD_KEYS:
            self._put_down(card) if self.held == card else self._pick_up(card)
        elif key in TRAY_KEYS:
            self.dropped(card, None)
        elif key == K.Key_Escape and self.held == card:
            self.held = None
            self.dropped(card, self._held_from)
        else:
            return False
        return True

    def _focus_near(self, card: str, forward: bool) -> None:
        order = self.placements.order
        at = max(0, min(len(order) - 1, order.index(card) + (1 if forward else -1)))
        self.chips[order[at]].setFocus(Qt.FocusReason.TabFocusReason)

    def _pick_up(self, card: str) -> None:
        self.held = card
        self._held_from = here = self.placements.cell_of(card)
        self.placements.place(card, here or CENTRE)
        self.relayout()
        number = self.placements.number(card)
        self.said.emit(
            _(
                "Card {n} picked up: {place}. The arrow keys move it, Enter puts it down, "
                "Escape puts it back."
            ).format(n=number, place=place_words(self.exercise, self.placements.cell_of(card)))
        )

    def _put_down(self, card: str) -> None:
        self.held = None
        self.relayout()
        self._say_place(card)

    def _move(self, card: str, step: Cell) -> None:
        here = self.placements.cell_of(card) or CENTRE
        self.placements.place(card, clamped((here[0] + step[0], here[1] + step[1])))
        self.said.emit(place_words(self.exercise, self.placements.cell_of(card)))

    def _say_place(self, card: str) -> None:
        self.said.emit(
            _("Card {n}: {place}").format(
                n=self.placements.number(card),
                place=place_words(self.exercise, self.placements.cell_of(card)),
            )
        )
