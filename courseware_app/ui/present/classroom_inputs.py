"""What the trainer types during the classroom quiz: the count per option (one spin box per
letter, Tab between them, the total beside), or each team's answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.classroom import team_name
from courseware_app.core.formats import format_number
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.limits import MAX_COUNT


@dataclass(frozen=True)
class Option:
    """One answer the room can give, as the console names it: its letter (or ``correct``),
    the word or letter shown, and the option's text (shortened) beside it."""

    letter: str
    name: str
    text: str = ""


def clear_layout(layout: QGridLayout | QVBoxLayout | QHBoxLayout) -> None:
    """Remove and delete every widget of ``layout`` (and of the layouts inside it)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        if widget := item.widget():
            widget.setParent(None)
            widget.deleteLater()
        elif inner := item.layout():
            clear_layout(inner)  # type: ignore[arg-type]


class CountsEditor(QWidget):
    """One spin box per option; typing digits and Tab fills them in order."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout()
        self.boxes: dict[str, QSpinBox] = {}
        self.total = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.total)
        self.grid.setColumnStretch(2, 1)

    def set_options(self, options: Sequence[Option], counts: Mapping[str, int]) -> None:
        clear_layout(self.grid)
        self.boxes = {}
        previous: QWidget | None = None
        for row, option in enumerate(options):
            box = QSpinBox(self)
            box.setRange(0, MAX_COUNT)
            box.setValue(int(counts.get(option.letter, 0)))
            box.setAccessibleName(_("How many chose {option}").format(option=option.name))
            box.valueChanged.connect(self._changed)
            name = QLabel(option.name, self)
            name.setBuddy(box)
            text = QLabel(option.text, self)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            for column, widget in enumerate((name, box, text)):
                self.grid.addWidget(widget, row, column)
                widget.show()  # now, not when the layout gets to it: the box takes the focus
            if previous is not None:
                QWidget.setTabOrder(previous, box)
            previous = box
            self.boxes[option.letter] = box
        self._show_total()

    def counts(self) -> dict[str, int]:
        return {letter: box.value() for letter, box in self.boxes.items()}

    def focus_first(self) -> None:
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)
            first.selectAll()

    def _changed(self) -> None:
        self._show_total()
        self.changed.emit()

    def _show_total(self) -> None:
        total = sum(self.counts().values())
        self.total.setText(
            ngettext("Total: {count} answer", "Total: {count} answers", total).format(
                count=format_number(total)
            )
        )


class _TeamRow:
    """A team's name, a button per option (one choice, or several for a multiple choice) and
    a button that removes the team."""

    def __init__(
        self, team: str, options: Sequence[Option], multiple: bool, parent: QWidget
    ) -> None:
        self.team = team
        self.name = QLabel(team, parent)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.group = QButtonGroup(parent)
        self.group.setExclusive(not multiple)
        self.buttons: dict[str, QPushButton] = {}
        for option in options:
            button = QPushButton(option.name, parent)
            button.setCheckable(True)
            button.setAccessibleName(
                _("{team} chose {option}").format(team=team, option=option.name)
            )
            self.group.addButton(button)
            self.buttons[option.letter] = button
        self.remove = QPushButton(_("Remove"), parent)
        self.remove.setAccessibleName(_("Remove the team {team}").format(team=team))

    def widgets(self) -> list[QWidget]:
        return [self.name, *self.buttons.values(), self.remove]

    def chosen(self) -> tuple[str, ...]:
        return tuple(x for x, b in self.buttons.items() if b.isChecked())

    def choose(self, letters: Sequence[str]) -> None:
        for letter, button in self.buttons.items():
            button.setChecked(letter in letters)


class TeamsEditor(QWidget):
    """Team names (added and removed here, kept from question to question), each team's answer
    to the current question, and the scoreboard the panel fills in."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.teams: list[str] = []
        self.rows: list[_TeamRow] = []
        self.options: tuple[Option, ...] = ()
        self.multiple = False
        self.grid = QGridLayout()
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(_("Team name"))
        self.new_name.setAccessibleName(_("Team name"))
        self.new_name.returnPressed.connect(self.add_from_field)
        self.add_button = QPushButton(_("Add team"), self)
        self.add_button.clicked.connect(self.add_from_field)
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(self.add_button)
        self.scoreboard = QLabel(self)
        self.scoreboard.setWordWrap(True)
        self.scoreboard.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addLayout(adding)
        layout.addWidget(self.scoreboard)

    def set_options(
        self, options: Sequence[Option], multiple: bool, answers: Mapping[str, Sequence[str]]
    ) -> None:
        """The current question's options; ``answers``: what each team chose so far."""
        self.options, self.multiple = tuple(options), multiple
        self._rebuild(answers)

    def add_from_field(self) -> None:
        if self.add_team(self.new_name.text()):
            self.new_name.clear()

    def add_team(self, name: str) -> bool:
        """Add a team (its name as kept: no separators); False for an empty or known name."""
        name = team_name(name)
        if not name or name.casefold() in (t.casefold() for t in self.teams):
            return False
        answers = self.answers()
        self.teams.append(name)
        self._rebuild(answers)
        self.changed.emit()
        return True

    def remove_team(self, name: str) -> None:
        answers = self.answers()
        self.teams = [t for t in self.teams if t != name]
        self._rebuild(answers)
        self.changed.emit()

    def answers(self) -> dict[str, tuple[str, ...]]:
        """Each team's letter(s) for the current question (empty: no answer yet)."""
        return {row.team: row.chosen() for row in self.rows}

    def _rebuild(self, answers: Mapping[str, Sequence[str]]) -> None:
        clear_layout(self.grid)
        self.rows = []
        for i, team in enumerate(self.teams):
            row = _TeamRow(team, self.options, self.multiple, self)
            row.choose(answers.get(team, ()))
            row.group.buttonToggled.connect(self._toggled)
            row.remove.clicked.connect(lambda _c=False, t=team: self.remove_team(t))
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, i, column)
                widget.show()
            self.rows.append(row)

    def _toggled(self, _button: QAbstractButton, _checked: bool) -> None:
        self.changed.emit()

    def show_scores(self, scores: Sequence[tuple[str, int]]) -> None:
        lines = [
            ngettext("{team}: {count} point", "{team}: {count} points", points).format(
                team=team, count=format_number(points)
            )
            for team, points in scores
        ]
        self.scoreboard.setText("\n".join(lines))
