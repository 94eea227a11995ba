"""The classroom quiz in the presenter's console: place and trainer asked once (remembered), then
question by question the room's answers typed in (counts per option, or teams), Reveal to show
the answer and the room's distribution on the projector.

A question is recorded when it is revealed, and only then (committed at once, so a laptop that
dies a moment later keeps it); moving on without Reveal records nothing for that question."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.classroom import (
    CORRECT,
    COUNTS,
    INCORRECT,
    TEAMS,
    QuestionResult,
    SessionStore,
    option_letters,
    question_result,
)
from courseware_app.core.classroom.model import is_multiple, split_letters
from courseware_app.core.course import ModuleTranslation, Question, Quiz
from courseware_app.core.formats import format_number
from courseware_app.core.i18n import _
from courseware_app.core.present.cards import QuestionCard, question_card, reveal_card
from courseware_app.core.present.steps import plain_text
from courseware_app.core.progress import StoreError
from courseware_app.ui.present.audience import AudienceWindow
from courseware_app.ui.present.classroom_inputs import CountsEditor, Option, TeamsEditor
from courseware_app.ui.present.console import ConsoleWindow
from courseware_app.ui.present.controller import PresenterController
from courseware_app.ui.present.quiz_view import AudienceQuizView, judged_label
from courseware_app.ui.questions.rich_text import wrapped_label
from courseware_app.ui.settings import Settings

SHORT_TEXT = 80  # characters of an option's text beside its spin box


class People:
    """Place, trainer and mode of the last classroom quiz, kept in the settings file's
    [classroom] group (apart from the reader's preferences)."""

    KEYS = ("place", "trainer", "mode")

    def __init__(self, settings: Settings | None) -> None:
        self.settings = settings

    def load(self) -> tuple[str, str, str]:
        if self.settings is None:
            return "", "", COUNTS
        place, trainer, mode = (
            str(self.settings.qs.value(f"classroom/{key}", "") or "") for key in self.KEYS
        )
        return place, trainer, mode if mode in (COUNTS, TEAMS) else COUNTS

    def save(self, place: str, trainer: str, mode: str) -> None:
        if self.settings is None:
            return
        for key, value in zip(self.KEYS, (place, trainer, mode), strict=True):
            self.settings.qs.setValue(f"classroom/{key}", value)
        self.settings.qs.sync()


def options_of(question: Question, card: QuestionCard) -> tuple[Option, ...]:
    """The answers the room can give, named as the console shows them."""
    texts = {c.letter: shortened(plain_text(c.html)) for c in card.choices}
    letters = option_letters(question)
    if letters == (CORRECT, INCORRECT):
        return tuple(Option(x, judged_label(x)) for x in letters)
    return tuple(Option(x, x, texts.get(x, "")) for x in letters)


def shortened(text: str) -> str:
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1].rstrip() + "…"


def team_scores(teams: Sequence[str], results: Sequence[QuestionResult]) -> list[tuple[str, int]]:
    """Each team's points: one per revealed question it answered exactly right."""
    return [
        (team, sum(set(split_letters(r.teams.get(team, ""))) == set(r.correct) for r in results))
        for team in teams
    ]


class SetupPage(QWidget):
    """Place, trainer name and mode, asked inside the panel (never a modal dialog)."""

    accepted = Signal(str, str, str)  # place, trainer, mode

    def __init__(self, people: People, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        place, trainer, mode = people.load()
        self.place = QLineEdit(place, self)
        self.trainer = QLineEdit(trainer, self)
        self.counts_mode = QRadioButton(self)
        self.teams_mode = QRadioButton(self)
        (self.teams_mode if mode == TEAMS else self.counts_mode).setChecked(True)
        self.start_button = QPushButton(self)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.accept)
        self.place.returnPressed.connect(self.trainer.setFocus)
        self.trainer.returnPressed.connect(self.accept)
        self.form = QFormLayout(self)
        self.place_label, self.trainer_label = QLabel(self), QLabel(self)
        self.place_label.setBuddy(self.place)
        self.trainer_label.setBuddy(self.trainer)
        self.form.addRow(self.place_label, self.place)
        self.form.addRow(self.trainer_label, self.trainer)
        self.form.addRow(self.counts_mode)
        self.form.addRow(self.teams_mode)
        self.form.addRow(self.start_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.place_label.setText(_("&Place:"))
        self.trainer_label.setText(_("T&rainer:"))
        self.counts_mode.setText(_("&Count per option"))
        self.teams_mode.setText(_("T&eams"))
        self.start_button.setText(_("&Start the quiz"))

    def mode(self) -> str:
        return TEAMS if self.teams_mode.isChecked() else COUNTS

    def accept(self) -> None:
        self.accepted.emit(self.place.text().strip(), self.trainer.text().strip(), self.mode())


class ClassroomPanel(QWidget):
    """The quiz for the whole room, driven from the console; ``view`` is what the room sees."""

    started = Signal()
    revealed = Signal(int)  # the question's index, recorded (or not: see ``status``)
    finished = Signal()

    def __init__(
        self,
        quiz: Quiz,
        translation: ModuleTranslation,
        store: SessionStore | None,
        session_id: str | None,
        view: AudienceQuizView,
        *,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("classroomPanel")
        self.quiz, self.translation, self.view = quiz, translation, view
        self.store, self.session_id = store, session_id
        self.people = People(settings)
        self.cards = [
            question_card(q, translation.module_id, translation.lang) for q in quiz.questions
        ]
        self.mode = COUNTS
        self.index = 0
        self.counts: dict[int, dict[str, int]] = {}
        self.answers: dict[int, dict[str, tuple[str, ...]]] = {}
        self.results: dict[int, QuestionResult] = {}
        self.pages = QStackedWidget(self)
        self.setup = SetupPage(self.people, self)
        self.setup.accepted.connect(self.start)
        self.pages.addWidget(self.setup)
        self.pages.addWidget(self._question_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.retranslate_ui()

    def _question_page(self) -> QWidget:
        page = QWidget(self)
        self.heading = wrapped_label("", page)
        self.question_text = wrapped_label("", page)
        self.answer_text = wrapped_label("", page)  # the console's own: the trainer judges by it
        self.counts_editor = CountsEditor(page)
        self.teams_editor = TeamsEditor(page)
        self.counts_editor.changed.connect(self._keep_entry)
        self.teams_editor.changed.connect(self._keep_entry)
        self.status = wrapped_label("", page)
        column = QVBoxLayout(page)
        for widget in (self.heading, self.question_text, self.answer_text):
            column.addWidget(widget)
        column.addWidget(self.counts_editor)
        column.addWidget(self.teams_editor)
        column.addWidget(self.status)
        column.addStretch(1)
        column.addLayout(self._buttons(page))
        return page

    def _buttons(self, page: QWidget) -> QHBoxLayout:
        self.previous_button = QPushButton(page)
        self.reveal_button = QPushButton(page)
        self.next_button = QPushButton(page)
        self.finish_button = QPushButton(page)
        row = QHBoxLayout()
        for button, slot in (
            (self.previous_button, self.previous_question),
            (self.reveal_button, self.reveal),
            (self.next_button, self.next_question),
            (self.finish_button, self.finish),
        ):
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def retranslate_ui(self) -> None:
        self.previous_button.setText(_("&Previous question"))
        self.reveal_button.setText(_("&Reveal"))
        self.next_button.setText(_("&Next question"))
        self.finish_button.setText(_("&Finish"))
        self.setup.retranslate_ui()
        if self.running:  # the console's own lines (the room's screen is left as it is)
            self.heading.setText(self._position_text())
            self.status.setText(self._recorded_text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------ starting

    def start(self, place: str, trainer: str, mode: str) -> None:
        """Remember place and trainer, note them with the session, show the first question."""
        self.mode = mode
        self.people.save(place, trainer, mode)
        self.counts_editor.setVisible(mode == COUNTS)
        self.teams_editor.setVisible(mode == TEAMS)
        self.pages.setCurrentIndex(1)
        if self.store is not None and self.session_id:
            self._store(
                self.store.set_people, self.session_id, place=place, trainer=trainer, mode=mode
            )
        self.started.emit()
        self.show_question(0)

    @property
    def running(self) -> bool:
        return self.pages.currentIndex() == 1

    # ------------------------------------------------------------ questions

    def show_question(self, index: int) -> None:
        """Question ``index`` on the projector, unrevealed, and its inputs in the console."""
        if not self.cards:
            return
        self.index = max(0, min(index, len(self.cards) - 1))
        q, card = self.quiz.questions[self.index], self.cards[self.index]
        self.view.show_card(card, self.index + 1, len(self.cards))
        self.heading.setText(self._position_text())
        self.question_text.setText(plain_text(card.html))
        answer = plain_text(
            reveal_card(q, self.translation.module_id, self.translation.lang).answer
        )
        self.answer_text.setText(_("Answer (for you): {answer}").format(answer=answer))
        options = options_of(q, card)
        self.counts_editor.set_options(options, self.counts.get(self.index, {}))
        answers = self.answers.get(self.index, {})
        self.teams_editor.set_options(options, is_multiple(q), answers)
        self._show_scores()
        self.status.setText(self._recorded_text())
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.cards) - 1)
        if self.mode == COUNTS:
            self.counts_editor.focus_first()

    def next_question(self) -> None:
        """The next question (never a reveal: what was typed is kept, not recorded)."""
        if self.running and self.index < len(self.cards) - 1:
            self.show_question(self.index + 1)

    def previous_question(self) -> None:
        if self.running and self.index > 0:
            self.show_question(self.index - 1)

    def reveal(self) -> None:
        """Record the room's answers at once, then show the answer and the chart."""
        if not self.running or not self.cards:
            return
        q, card = self.quiz.questions[self.index], self.cards[self.index]
        result = self._result(q)
        self.results[self.index] = result
        saved = self.store is not None and self.session_id is not None
        if self.store is not None and self.session_id is not None:
            saved = self._store(self.store.record_question, self.session_id, result)
        scores = self._show_scores() if self.mode == TEAMS else []
        reveal = reveal_card(q, self.translation.module_id, self.translation.lang)
        self.view.reveal(card, reveal, result, scores)
        if saved:
            self.status.setText(self._recorded_text())
        self.revealed.emit(self.index)

    def finish(self) -> None:
        """Back to the presentation (what was revealed is already kept)."""
        self.finished.emit()

    # ------------------------------------------------------------ helpers

    def _result(self, q: Question) -> QuestionResult:
        if self.mode == TEAMS:
            return question_result(q, self.index, teams=self.teams_editor.answers())
        return question_result(q, self.index, counts=self.counts_editor.counts())

    def _keep_entry(self) -> None:
        self.counts[self.index] = self.counts_editor.counts()
        self.answers[self.index] = self.teams_editor.answers()

    def _show_scores(self) -> list[tuple[str, int]]:
        ordered = [self.results[i] for i in sorted(self.results)]
        scores = team_scores(self.teams_editor.teams, ordered)
        self.teams_editor.show_scores(scores)
        return scores

    def _store(self, call: Callable[..., None], *args: object, **kwargs: str) -> bool:
        """Run a store call; a failure is said in the status line (never a dialog)."""
        try:
            call(*args, **kwargs)
        except StoreError as exc:
            self.status.setText(_("Not saved: {reason}").format(reason=str(exc)))
            return False
        return True

    def _position_text(self) -> str:
        return _("Question {number} of {total}").format(
            number=format_number(self.index + 1), total=format_number(len(self.cards))
        )

    def _recorded_text(self) -> str:
        if self.store is None or self.session_id is None:
            return _("This quiz is not being saved (the progress file could not be opened).")
        if self.index in self.results:
            return _("Revealed and saved.")
        return _("Not revealed yet: nothing is saved for this question until you reveal it.")


def start_classroom(
    controller: PresenterController,
    console: ConsoleWindow,
    audience: AudienceWindow,
    quiz_id: str,
) -> ClassroomPanel:
    """Open the classroom quiz ``quiz_id`` (of the module in the room's language) in the
    console; the room sees it once the trainer starts it, and the steps again after Finish.
    Place and trainer are remembered in the settings of the data folder the session is kept in."""
    translation = controller.module.translations[controller.audience_lang]
    quiz = next(q for q in translation.quizzes if q.id == quiz_id)
    view = AudienceQuizView(controller.module.folder.parent.parent, lang=translation.lang)
    view.set_dark(console.languages.dark.isChecked())
    console.darkChanged.connect(view.set_dark)
    store = controller.store
    settings = Settings(store.progress.path.parent / "settings.ini") if store else None
    panel = ClassroomPanel(quiz, translation, store, controller.session_id, view, settings=settings)
    panel.started.connect(lambda: audience.show_widget(view))

    def back() -> None:
        console.darkChanged.disconnect(view.set_dark)
        console.hide_panel()
        audience.show_steps()

    panel.finished.connect(back)
    console.show_panel(panel)
    return panel
