"""Where each card of an exercise lies: on a cell of the grid, or in the tray. One object,
watched by every board that shows it (the console's and the projector's show the same)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from courseware_app.core.exercises import RiskMatrix

Cell = tuple[int, int]  # (likelihood, consequence), each 1-5
SIDE = 5
CENTRE: Cell = (3, 3)


def clamped(cell: Cell) -> Cell:
    """``cell`` kept on the grid."""
    return (max(1, min(SIDE, cell[0])), max(1, min(SIDE, cell[1])))


class Placements(QObject):
    """The cards' places; ``changed`` after every change, with the card's id ("" for all)."""

    changed = Signal(str)

    def __init__(self, exercise: RiskMatrix, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self.order = tuple(card.id for card in exercise.cards)
        self._places: dict[str, Cell] = {}

    def cell_of(self, card: str) -> Cell | None:
        return self._places.get(card)

    def cards_in(self, cell: Cell) -> list[str]:
        """The cards on ``cell``, in the exercise's order."""
        return [card for card in self.order if self._places.get(card) == cell]

    def in_tray(self) -> list[str]:
        return [card for card in self.order if card not in self._places]

    def place(self, card: str, cell: Cell) -> None:
        if card in self.order and self._places.get(card) != clamped(cell):
            self._places[card] = clamped(cell)
            self.changed.emit(card)

    def unplace(self, card: str) -> None:
        if self._places.pop(card, None) is not None:
            self.changed.emit(card)

    def clear(self) -> None:
        self._places.clear()
        self.changed.emit("")

    def all_placed(self) -> bool:
        return len(self._places) == len(self.order)

    def mapping(self) -> Mapping[str, Cell]:
        """A copy, as ``score_placements`` takes it."""
        return dict(self._places)

    def number(self, card: str) -> int:
        """The card's number on screen (1 for the first written)."""
        return self.order.index(card) + 1
