"""Questions of each kind, and a store with a recorded session, for the classroom tests."""

from __future__ import annotations

from courseware_app.core.classroom import SectionTime, SessionStore, question_result
from courseware_app.core.course import Option, Question
from courseware_app.core.questions import QuestionType

SESSION_ID = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"


def options(*correct: bool) -> tuple[Option, ...]:
    return tuple(Option(f"option {i}", c, "", i + 1) for i, c in enumerate(correct))


SINGLE = Question("q-single", QuestionType.SINGLE, "Which?", 1, options=options(0, 1, 0, 0))
MULTIPLE = Question("q-multi", QuestionType.MULTIPLE, "Which ones?", 5, options=options(1, 0, 1))
TRUEFALSE = Question("q-tf", QuestionType.TRUEFALSE, "True?", 9, answer_bool=False)
ORDER = Question("q-order", QuestionType.ORDER, "Order them", 12, items=("a", "b", "c"))


def record_session(store: SessionStore, started_at: str = "2025-03-01T09:00:00Z") -> str:
    """A finished counts-mode session of module rm-02 with one question of each kind."""
    sid = store.start(module="rm-02", module_version="1.2.0", lang="ru", started_at=started_at)
    store.set_people(sid, place="Ташкент", trainer="=Иван", mode="counts")
    store.record_question(sid, question_result(SINGLE, 0, {"A": 2, "B": 9, "C": 1}))
    store.record_question(sid, question_result(MULTIPLE, 1, {"A": 8, "B": 3, "C": 6}))
    store.record_question(sid, question_result(TRUEFALSE, 2, {"A": 4, "B": 7}))
    store.record_question(sid, question_result(ORDER, 3, {"correct": 5, "incorrect": 6}))
    sections = [SectionTime("intro", 10, 540.0), SectionTime("matrix", 30, 2400.0)]
    store.finish(sid, sections=sections, finished_at="2025-03-01T10:05:00Z")
    return sid
