"""How often a question was answered correctly: the one shape that quiz attempts and classroom
sessions are counted in, so a trainer sees how the class did per question."""

from __future__ import annotations

from typing import NamedTuple


class QuestionTally(NamedTuple):
    """``correct`` of ``answered`` answers to question ``question`` of module ``module`` were
    right (a classroom session counts each person's show of hands; an attempt counts once)."""

    module: str
    question: str
    correct: int
    answered: int
