"""A classroom session as values: the room's answers per question, and the time per section.

Letters name what the room can answer: "A", "B", ... one per option of a single or multiple
choice question (in the order written), "A" (true) and "B" (false) for a true/false question,
and the two words ``correct`` and ``incorrect`` for a question the room answers in words or
order (ordering, matching, short answer, numeric): the trainer judges those answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from courseware_app.core.course import Question

CORRECT: Final = "correct"
INCORRECT: Final = "incorrect"
JUDGED: Final = (CORRECT, INCORRECT)
COUNTS, TEAMS = "counts", "teams"  # the quiz's modes ("" for a presentation without a quiz)
MODES: Final = ("", COUNTS, TEAMS)
TEAM_SEPARATORS: Final = (";", ",")  # used by the files: never part of a team's name


def letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA": a spreadsheet's column names."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def option_letters(question: Question) -> tuple[str, ...]:
    """The answers a room can give to ``question``, as letters (or the two judged words)."""
    if question.options:
        return tuple(letter(i) for i in range(len(question.options)))
    if question.answer_bool is not None:
        return ("A", "B")
    return JUDGED


def correct_letters(question: Question) -> tuple[str, ...]:
    """The letter(s) of the right answer(s); ``(CORRECT,)`` for a judged question."""
    if question.options:
        return tuple(letter(i) for i in question.correct_positions)
    if question.answer_bool is not None:
        return ("A",) if question.answer_bool else ("B",)
    return (CORRECT,)


def is_multiple(question: Question) -> bool:
    """Whether a person may raise several cards for ``question`` (a multiple choice)."""
    return str(question.type) == "multiple"


@dataclass(frozen=True)
class QuestionResult:
    """How the room answered one question. ``counts``: letter -> people (counts mode) or
    teams (teams mode) who chose it, every letter present; ``teams``: team -> its letters
    ("A" or "A,C"), empty in counts mode; ``multiple``: a person could choose several."""

    question: str
    position: int
    counts: dict[str, int]
    correct: tuple[str, ...]
    teams: dict[str, str] = field(default_factory=dict)
    multiple: bool = False

    @property
    def answered(self) -> int:
        """How many answered: teams, or people (for a multiple choice, where a person raises
        one card per letter, at least the largest group behind one card)."""
        if self.teams:
            return len(self.teams)
        values = self.counts.values()
        return (max(values, default=0) if self.multiple else sum(values)) or 0

    @property
    def right(self) -> int:
        """How many answered correctly: teams whose letters are exactly the right ones; in
        counts mode the people behind the right card (for a multiple choice, at most as
        many as behind the least chosen right card: no more can have raised them all)."""
        if self.teams:
            wanted = set(self.correct)
            return sum(set(split_letters(v)) == wanted for v in self.teams.values())
        chosen = [self.counts.get(c, 0) for c in self.correct]
        if self.multiple:
            return min(chosen, default=0)
        return sum(chosen)


@dataclass(frozen=True)
class SectionTime:
    """The delivery record of one section: planned minutes (None: none planned) and the
    seconds it actually took."""

    section: str
    planned_minutes: int | None
    actual_seconds: float

    @property
    def overrun(self) -> bool:
        """Whether it took longer than planned."""
        return self.planned_minutes is not None and self.actual_seconds > self.planned_minutes * 60


@dataclass(frozen=True)
class ClassroomSession:
    """One run of a module in front of a room (times ISO 8601 UTC, as iso_utc writes them)."""

    id: str
    started_at: str
    finished_at: str | None
    place: str
    trainer: str
    module: str
    module_version: str
    lang: str
    mode: str  # "counts", "teams", or "" (a presentation without a quiz)
    questions: tuple[QuestionResult, ...] = ()
    sections: tuple[SectionTime, ...] = ()

    @property
    def right(self) -> int:
        return sum(q.right for q in self.questions)

    @property
    def answered(self) -> int:
        return sum(q.answered for q in self.questions)

    @property
    def share_correct(self) -> float | None:
        """Right answers over answers, 0..1; None when nobody answered."""
        return self.right / self.answered if self.answered else None


def split_letters(text: str) -> tuple[str, ...]:
    """ "A,C" -> ("A", "C")."""
    return tuple(p.strip() for p in text.split(",") if p.strip())


def team_name(name: str) -> str:
    """A team's name as kept: ';' and ',' (the files' separators) become spaces."""
    for sep in TEAM_SEPARATORS:
        name = name.replace(sep, " ")
    return " ".join(name.split())


def question_result(
    question: Question,
    position: int,
    counts: Mapping[str, int] | None = None,
    teams: Mapping[str, str | tuple[str, ...]] | None = None,
) -> QuestionResult:
    """The result of ``question`` as the console collected it: counts per letter (missing
    letters count 0), or each team's letter(s), from which the counts follow. ValueError for
    a letter the question does not have or a negative count."""
    letters = option_letters(question)
    picked = _teams(teams or {}, letters)
    if picked:
        tally = {x: sum(x in split_letters(v) for v in picked.values()) for x in letters}
    else:
        tally = {x: int((counts or {}).get(x, 0)) for x in letters}
        unknown = set(counts or {}) - set(letters)
        if unknown or any(n < 0 for n in tally.values()):
            raise ValueError(f"bad counts for {question.id}: {dict(counts or {})!r}")
    return QuestionResult(
        question.id, position, tally, correct_letters(question), picked, is_multiple(question)
    )


def _teams(teams: Mapping[str, str | tuple[str, ...]], letters: tuple[str, ...]) -> dict[str, str]:
    """Each team's letters as "A" or "A,C", in the question's order; ValueError for others."""
    out: dict[str, str] = {}
    for name, chosen in teams.items():
        parts = split_letters(chosen) if isinstance(chosen, str) else chosen
        if not parts:  # the team gave no answer
            continue
        if not set(parts) <= set(letters):
            raise ValueError(f"team {name!r} chose {chosen!r}, not one of {letters}")
        out[team_name(name)] = ",".join(x for x in letters if x in parts)
    return out
