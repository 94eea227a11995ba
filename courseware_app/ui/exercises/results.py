"""After Submit, beside the board: per card its verdict in words, where it was placed and where
the model puts it, the distance, and the model's justification."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from courseware_app.core.exercises import CardResult, ExerciseResult, RiskMatrix
from courseware_app.core.i18n import _
from courseware_app.ui.exercises.texts import card_text, cell_words, verdict_line
from courseware_app.ui.questions.rich_text import set_look, wrapped_label


def result_lines(exercise: RiskMatrix, found: CardResult, module: str = "") -> tuple[str, str, str]:
    """A card's heading, its verdict and places, and the model's justification."""
    card = exercise.card(found.card)
    number = exercise.cards.index(card) + 1 if card is not None else 0
    heading = f"{number}. {card_text(exercise, found.card, module)}"
    verdict = _("{verdict}. Placed: {placed}. Model: {model}.").format(
        verdict=verdict_line(found),
        placed=cell_words(exercise, found.placed) if found.placed else _("not placed"),
        model=cell_words(exercise, found.model),
    )
    why = _("Why: {why}").format(why=card.why) if card is not None and card.why else ""
    return heading, verdict, why


def empty(box: QLayout) -> None:
    """Every item out of ``box``, its widgets deleted."""
    while box.count():
        item = box.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


class ResultsList(QWidget):
    """The cards' results, one block each, in the exercise's order."""

    def __init__(self, exercise: RiskMatrix, module: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.exercise, self.module = exercise, module
        self.box = QVBoxLayout(self)
        self.labels: list[QLabel] = []

    def show_result(self, result: ExerciseResult) -> None:
        self.clear()
        for found in result.cards:
            heading, verdict, why = result_lines(self.exercise, found, self.module)
            for text, bold in ((heading, True), (verdict, False), (why, False)):
                if text:
                    label = wrapped_label(text, self)
                    set_look(label, bold=bold)
                    self.box.addWidget(label)
                    self.labels.append(label)
            self.box.addSpacing(self.fontMetrics().height() // 2)
        self.box.addStretch(1)

    def clear(self) -> None:
        empty(self.box)
        self.labels = []

    def text(self) -> str:
        """Everything the list says, as one text (what a screen reader reads of it)."""
        return "\n".join(label.text() for label in self.labels)
