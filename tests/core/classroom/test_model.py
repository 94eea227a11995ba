"""Letters per question kind, a question's result as the console collects it, and tallies."""

import pytest

from courseware_app.core.classroom import (
    CORRECT,
    INCORRECT,
    ClassroomSession,
    QuestionResult,
    SectionTime,
    correct_letters,
    option_letters,
    question_result,
    tallies,
)
from courseware_app.core.classroom.model import letter
from courseware_app.core.course import Question
from courseware_app.core.questions import QuestionType
from tests.core.classroom.helpers import MULTIPLE, ORDER, SINGLE, TRUEFALSE, options


def test_letters_of_each_kind():
    assert option_letters(SINGLE) == ("A", "B", "C", "D")
    assert correct_letters(SINGLE) == ("B",)
    assert (option_letters(MULTIPLE), correct_letters(MULTIPLE)) == (("A", "B", "C"), ("A", "C"))
    assert (option_letters(TRUEFALSE), correct_letters(TRUEFALSE)) == (("A", "B"), ("B",))
    true = Question("t", QuestionType.TRUEFALSE, "?", 1, answer_bool=True)
    assert correct_letters(true) == ("A",)
    for kind in (QuestionType.ORDER, QuestionType.MATCH, QuestionType.SHORT, QuestionType.NUMERIC):
        q = Question("x", kind, "?", 1)
        assert (option_letters(q), correct_letters(q)) == ((CORRECT, INCORRECT), (CORRECT,))


def test_letters_go_on_past_z():
    assert [letter(i) for i in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]
    many = Question("m", QuestionType.SINGLE, "?", 1, options=options(*[0] * 27, 1))
    assert option_letters(many)[-2:] == ("AA", "AB") and correct_letters(many) == ("AB",)


def test_counts_fill_every_letter_and_refuse_others():
    r = question_result(SINGLE, 3, {"B": 7})
    assert r == QuestionResult("q-single", 3, {"A": 0, "B": 7, "C": 0, "D": 0}, ("B",))
    with pytest.raises(ValueError):
        question_result(SINGLE, 0, {"E": 1})
    with pytest.raises(ValueError):
        question_result(SINGLE, 0, {"A": -1})


def test_teams_give_the_counts_and_clean_names():
    r = question_result(
        MULTIPLE, 0, teams={"Red; one": "C,A", "Blue": ("A",), "Green": "", "Gold": "A,B,C"}
    )
    assert r.teams == {"Red one": "A,C", "Blue": "A", "Gold": "A,B,C"}  # Green gave no answer
    assert r.counts == {"A": 3, "B": 1, "C": 2}
    assert (r.right, r.answered) == (1, 3)  # only Red chose exactly A and C
    with pytest.raises(ValueError):
        question_result(MULTIPLE, 0, teams={"Red": "D"})


def test_right_and_answered_per_kind():
    single = question_result(SINGLE, 0, {"A": 2, "B": 9, "C": 1})
    assert (single.right, single.answered) == (9, 12)
    # multiple choice: one card per letter; at most 6 raised both A and C, at least 8 answered
    multi = question_result(MULTIPLE, 1, {"A": 8, "B": 3, "C": 6})
    assert (multi.right, multi.answered) == (6, 8)
    judged = question_result(ORDER, 2, {"correct": 5, "incorrect": 6})
    assert (judged.right, judged.answered) == (5, 11)
    nobody = question_result(MULTIPLE, 3)
    assert (nobody.right, nobody.answered) == (0, 0)


def session(sid, module, *results, started="2025-03-01T09:00:00Z"):
    return ClassroomSession(sid, started, None, "", "", module, "1", "ru", "counts", results)


def test_tallies_sum_sessions_per_module_and_question_in_quiz_order():
    a = session(
        "a",
        "rm-02",
        question_result(SINGLE, 1, {"B": 9, "A": 3}),
        question_result(ORDER, 0, {"correct": 1, "incorrect": 1}),
    )
    b = session("b", "rm-02", question_result(SINGLE, 1, {"B": 1, "C": 3}))
    c = session("c", "alpha", question_result(TRUEFALSE, 0, {"B": 2}), question_result(MULTIPLE, 1))
    found = tallies([a, b, c])
    assert [tuple(t) for t in found] == [
        ("alpha", "q-tf", 2, 2),  # q-multi: nobody answered, left out
        ("rm-02", "q-order", 1, 2),
        ("rm-02", "q-single", 10, 16),
    ]


def test_session_share_and_overruns():
    s = session("a", "m", question_result(SINGLE, 0, {"B": 3, "A": 1}))
    assert s.share_correct == 0.75
    assert session("b", "m").share_correct is None
    assert SectionTime("x", 10, 601).overrun and not SectionTime("x", 10, 600).overrun
    assert not SectionTime("x", None, 5000).overrun
