"""How the rooms did per question, across classroom sessions, in the shape attempts share."""

from __future__ import annotations

from collections.abc import Iterable

from courseware_app.core.classroom.model import ClassroomSession
from courseware_app.core.results.tally import QuestionTally


def tallies(sessions: Iterable[ClassroomSession]) -> list[QuestionTally]:
    """Per (module, question): right answers of all answers, summed over the sessions
    (QuestionResult.right and .answered say how a room's answers are counted). In order of
    module, then of the question's first position in a session; questions nobody answered
    are left out."""
    sums: dict[tuple[str, str], tuple[int, int]] = {}
    order: dict[tuple[str, str], int] = {}
    for session in sessions:
        for q in session.questions:
            key = (session.module, q.question)
            right, answered = sums.get(key, (0, 0))
            sums[key] = (right + q.right, answered + q.answered)
            order[key] = min(order.get(key, q.position), q.position)
    keys = sorted(sums, key=lambda k: (k[0], order[k], k[1]))
    return [QuestionTally(m, q, *sums[(m, q)]) for m, q in keys if sums[(m, q)][1]]
