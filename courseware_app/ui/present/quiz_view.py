"""What the room sees during the classroom quiz: the question with its lettered options (never
its answer) and, after the console's Reveal, the right answer, the explanation and the room's
answers as a bar chart. Large type that grows with the screen; light or dark."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.classroom import CORRECT, INCORRECT, QuestionResult
from courseware_app.core.formats import format_number
from courseware_app.core.i18n import Words, current_language, in_language, translator
from courseware_app.core.present.cards import Choice, QuestionCard, RevealCard
from courseware_app.core.questions import QuestionType
from courseware_app.ui.present.chart import CHECK, Bar, DistributionChart, bar_colours
from courseware_app.ui.present.look import (
    BODY_PX,
    DARK_NAME,
    LIGHT_NAME,
    body_px,
    look_named,
    paint,
)
from courseware_app.ui.questions.rich_text import RichLabel, right_answer_words, wrapped_label

BARS_BESIDE = 3  # a chart with more bars goes below the explanation, across the screen
# Their right options are marked where they stand; other answers are said in words.
MARKED = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE)


def judged_label(letter: str, words: Words | None = None) -> str:
    """What a bar of a question the trainer judges is called (default: in the interface's
    language)."""
    words = words or translator(current_language())
    names = {CORRECT: words.gettext("Correct"), INCORRECT: words.gettext("Incorrect")}
    return names.get(letter, letter)


def instruction(kind: QuestionType, words: Words) -> str:
    """How the room answers a question of ``kind`` (nothing that gives the answer away)."""
    texts = {
        QuestionType.MULTIPLE: words.gettext("More than one answer may be right."),
        QuestionType.ORDER: words.gettext("Put the letters in the right order."),
        QuestionType.MATCH: words.gettext("Match each number with a letter."),
        QuestionType.SHORT: words.gettext("Answer in a few words."),
        QuestionType.NUMERIC: words.gettext("Answer with a number."),
    }
    return texts.get(kind, "")


class _ChoiceList(QWidget):
    """Lettered (or numbered) rows: the letter in bold, the option's rich text beside it."""

    def __init__(self, content_root: Path | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.content_root = content_root
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, RichLabel]] = []

    def set_choices(self, choices: Sequence[Choice]) -> None:
        for letter, text in self.rows:
            for widget in (letter, text):
                widget.setParent(None)
                widget.deleteLater()
        self.rows = []
        for i, choice in enumerate(choices):
            letter = QLabel(choice.letter, self)
            letter.setTextFormat(Qt.TextFormat.PlainText)
            letter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            text = RichLabel(self.content_root, self)
            text.setText(choice.html)
            self.grid.addWidget(letter, i, 0)
            self.grid.addWidget(text, i, 1)
            self.rows.append((letter, text))
        self.setVisible(bool(choices))

    def set_pixels(self, px: int) -> None:
        self.grid.setHorizontalSpacing(round(px * 0.8))
        self.grid.setVerticalSpacing(round(px * 0.3))
        for letter, text in self.rows:
            right = letter.text().startswith(CHECK)
            set_pixels(letter, px, bold=True)
            set_pixels(text, px, bold=right)

    def mark(self, letters: Sequence[str]) -> None:
        """Put a check sign before the right options (their text in bold): not colour alone."""
        for letter, _text in self.rows:
            if letter.text() in letters:
                letter.setAccessibleName(right_answer_words(letter.text()))
                letter.setText(f"{CHECK} {letter.text()}")


def set_pixels(widget: QWidget, px: int, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPixelSize(max(1, px))
    font.setBold(bold)
    widget.setFont(font)


class AudienceQuizView(QWidget):
    """The projected quiz: ``show_card`` for a question, ``reveal`` for its answer and the
    room's answers. Before ``reveal`` no widget holds anything of the answer or explanation.
    The reveal replaces the question's text (the room has read it) so that the options, the
    answer, the explanation and the chart fit on a 1024x768 projector in type it can read."""

    def __init__(
        self, content_root: Path | None, parent: QWidget | None = None, lang: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audienceQuiz")
        self.lang = lang or current_language()  # the room's: its words and its numbers
        self.words = translator(self.lang)
        self.dark = False
        self.revealed = False
        self.card: QuestionCard | None = None
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(self._page(content_root))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)
        self.set_dark(False)

    def _page(self, content_root: Path | None) -> QWidget:
        page = QWidget(self)
        page.setAutoFillBackground(False)
        column = self.column = QVBoxLayout(page)
        self.heading = wrapped_label("", page)
        self.text = RichLabel(content_root, page)
        self.hint = wrapped_label("", page)
        self.prompts = _ChoiceList(content_root, page)
        self.choices = _ChoiceList(content_root, page)
        lists = QHBoxLayout()
        lists.addWidget(self.prompts, 1)
        lists.addWidget(self.choices, 1)
        self.answer_title = wrapped_label("", page)
        self.answer = RichLabel(content_root, page)
        self.explanation = RichLabel(content_root, page)
        self.chart = DistributionChart(page)
        self.chart.set_words(self.words)
        self.chart_title = wrapped_label("", page)
        for widget in (self.heading, self.text, self.hint):
            column.addWidget(widget)
        column.addLayout(lists)
        column.addWidget(self.answer_title)
        column.addWidget(self.answer)  # the whole width: an ordering's or a matching's list
        column.addLayout(self._reveal_row(), 1)
        self._show_reveal(False)
        return page

    def _reveal_row(self) -> QBoxLayout:
        """The explanation, and the room's answers beside it (or below it when they have
        more bars than fit beside it)."""
        words = QVBoxLayout()
        words.addWidget(self.explanation)
        words.addStretch(1)
        chart = QVBoxLayout()
        chart.addWidget(self.chart, 1)
        chart.addWidget(self.chart_title)
        row = self.reveal_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.addLayout(words, 5)
        row.addLayout(chart, 3)
        return row

    # ------------------------------------------------------------ look

    def set_dark(self, dark: bool) -> None:
        """The projector's dark or light look (high contrast, no chrome)."""
        self.dark = dark
        paint(self, look_named(DARK_NAME if dark else LIGHT_NAME))
        right, other = bar_colours(dark)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Highlight, right)
        palette.setColor(QPalette.ColorRole.Mid, other)
        self.setPalette(palette)

    def body_pixels(self) -> int:
        return body_px(self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scale_text()

    def scale_text(self) -> None:
        """Type that grows with the screen, never below BODY_PX; options a little smaller
        once the answer is shown, so all of it fits on a 1024x768 projector."""
        px = self.body_pixels()
        self.column.setSpacing(round(px * 0.4))
        side, top = round(px * 1.5), round(px * 0.75)
        self.column.setContentsMargins(side, top, side, top)
        for widget, scale, bold in (
            (self.heading, 0.8, False),
            (self.text, 1.15, True),
            (self.hint, 0.9, False),
            (self.answer_title, 0.9, False),
            (self.answer, 0.95, True),
            (self.explanation, 0.9, False),
            (self.chart_title, 0.9, False),
            (self.chart, 0.9, False),
        ):
            set_pixels(widget, max(BODY_PX, round(px * scale)), bold)
        options = max(BODY_PX, round(px * (0.9 if self.revealed else 1.0)))
        self.prompts.set_pixels(options)
        self.choices.set_pixels(options)
        self.chart.setMinimumHeight(round(px * 4.5))

    # ------------------------------------------------------------ content

    def show_card(self, card: QuestionCard, number: int, total: int) -> None:
        """Question ``number`` of ``total``, as the room answers it: nothing of its answer."""
        with in_language(self.lang):  # numbers as the room writes them
            self._show_card(card, number, total)

    def _show_card(self, card: QuestionCard, number: int, total: int) -> None:
        self.card = card
        self.revealed = False
        self.heading.setText(
            self.words.gettext("Question {number} of {total}").format(
                number=format_number(number), total=format_number(total)
            )
        )
        self.text.setText(card.html)
        self.text.setVisible(True)
        self.hint.setText(instruction(card.type, self.words))
        self.hint.setVisible(bool(self.hint.text()))
        self.prompts.set_choices(card.prompts)
        self.choices.set_choices(card.choices)
        self._clear_reveal()
        self.scale_text()

    def reveal(
        self,
        card: QuestionCard,
        reveal: RevealCard,
        result: QuestionResult,
        scores: Sequence[tuple[str, int]] = (),
    ) -> None:
        """Add the right answer, the explanation and ``result`` (the room's answers, as the
        console recorded them) as a chart; in teams mode, ``scores`` (team, points) too."""
        if self.card != card:
            raise ValueError(f"reveal for {card.question}, but {self.card} is shown")
        self.revealed = True
        self._show_reveal(True)
        self._show_answer(card, reveal, result.correct)
        with in_language(self.lang):  # "64,7 %" for a Russian room, whatever the console reads
            self._show_chart(result, scores)
        self.scale_text()

    def _show_answer(self, card: QuestionCard, reveal: RevealCard, correct: Sequence[str]) -> None:
        """Options are marked where they stand; an ordering, a matching or a written answer
        is said in words (it lists the items again, so they are no longer shown above)."""
        self.text.setVisible(False)  # the room has read it: its answer needs the room
        self.hint.setVisible(False)
        marked = card.type in MARKED
        if marked:
            self.choices.mark(correct)
        else:
            self.answer_title.setText(f"{CHECK} {self.words.gettext('Correct answer:')}")
            self.answer.setText(reveal.answer)
            self.prompts.setVisible(False)
            self.choices.setVisible(False)
        self.answer_title.setVisible(not marked)
        self.answer.setVisible(not marked)
        self.explanation.setText(reveal.explanation)
        self.explanation.setVisible(bool(reveal.explanation))

    def _show_chart(self, result: QuestionResult, scores: Sequence[tuple[str, int]]) -> None:
        words = self.words
        bars = [
            Bar(judged_label(x, words), n, x in result.correct) for x, n in result.counts.items()
        ]
        total = len(result.teams) if result.teams else sum(result.counts.values())
        self.chart.set_bars(bars, total)
        beside = len(bars) <= BARS_BESIDE
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        self.reveal_row.setDirection(direction)
        self.reveal_row.setStretch(0, 5 if beside else 0)
        line = answers_line(total, bool(result.teams), words)
        if scores:
            points = words.gettext("Points: {scores}").format(scores=scoreboard_line(scores))
            line = f"{line}  ·  {points}"
        self.chart_title.setText(line)

    def _clear_reveal(self) -> None:
        for label in (self.answer_title, self.chart_title):
            label.setText("")
        for rich in (self.answer, self.explanation):
            rich.setText("")
        self.chart.clear()
        self._show_reveal(False)

    def _show_reveal(self, on: bool) -> None:
        for widget in (
            self.answer_title,
            self.answer,
            self.explanation,
            self.chart_title,
            self.chart,
        ):
            widget.setVisible(on)


def answers_line(total: int, teams: bool, words: Words) -> str:
    count = format_number(total)
    if teams:
        return words.ngettext("{count} team answered", "{count} teams answered", total).format(
            count=count
        )
    return words.ngettext("{count} answer", "{count} answers", total).format(count=count)


def scoreboard_line(scores: Sequence[tuple[str, int]]) -> str:
    """ "Blue 3, Red 2": the teams' points so far, best first."""
    ranked = sorted(scores, key=lambda s: (-s[1], s[0].casefold()))
    return ", ".join(f"{team} {format_number(points)}" for team, points in ranked)
