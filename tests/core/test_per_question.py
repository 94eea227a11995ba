"""How the class did per question: attempts tallied, tallies combined, most-missed first."""

import uuid

from courseware_app.core.loader import load_course
from courseware_app.core.results.per_question import (
    QuestionShare,
    combine,
    full_points,
    modules_of,
    most_missed,
    plain_text,
    question_in,
    questions_of,
    shortened,
    tally_attempts,
)
from courseware_app.core.results.records import AttemptRecord
from courseware_app.core.results.tally import QuestionTally
from tests.conftest import TEST_CONTENT


def result(points, max_points=1.0, correct=None):
    return {
        "points": points,
        "max_points": max_points,
        "correct": points >= max_points if correct is None else correct,
        "feedback": [],
    }


def attempt(module, results=None, **points):
    """An exported attempt of ``module``; ``points`` maps question -> points out of 1."""
    rec: AttemptRecord = {
        "attempt_id": str(uuid.uuid4()),
        "profile": "Айгерим",
        "module": module,
        "module_version": "1.0.0",
        "lang": "ru",
        "score": 50.0,
        "passed": False,
        "finished_at": "2026-12-01T10:00:00Z",
    }
    if results is not None or points:
        rec["results"] = (
            results if results is not None else {q: result(p) for q, p in points.items()}
        )
    return rec


def test_a_question_everyone_got_wrong_comes_first():
    records = [
        attempt("rm-02", q1=1, q2=0, q3=1),
        attempt("rm-02", q1=1, q2=0, q3=0),
        attempt("rm-02", q1=0, q2=0, q3=1),
    ]
    shares = most_missed(tally_attempts(records), "rm-02")
    assert shares == [
        QuestionShare("q2", 0, 3, 0.0),
        QuestionShare("q1", 2, 3, 2 / 3),
        QuestionShare("q3", 2, 3, 2 / 3),
    ]


def test_ties_follow_the_questions_order_in_the_module():
    records = [attempt("m", a=1, b=0, c=0, d=1), attempt("m", a=0, b=1, c=1, d=0)]
    shares = most_missed(tally_attempts(records), "m", order=["d", "c", "b", "a"])
    assert [s.question for s in shares] == ["d", "c", "b", "a"]  # all 50 %: module order
    assert {s.share for s in shares} == {0.5}
    unordered = most_missed(tally_attempts(records), "m")
    assert [s.question for s in unordered] == ["a", "b", "c", "d"]  # the order first seen


def test_only_full_points_count_as_correct():
    partial = {"q": result(0.5, 1.0, correct=False), "r": result(2.0, 2.0)}
    tallies = tally_attempts([attempt("m", results=partial)])
    assert tallies == [QuestionTally("m", "q", 0, 1), QuestionTally("m", "r", 1, 1)]
    assert full_points({"points": 1.9999999999, "max_points": 2}) is True  # rounding
    assert full_points({"correct": True}) is True  # points missing: the flag decides
    assert full_points({"points": True, "max_points": 1, "correct": False}) is False
    assert full_points("hostile") is None and full_points({"feedback": []}) is None


def test_attempts_without_per_question_results_count_for_nothing():
    csv_row = attempt("m")  # a CSV export has no results
    odd = attempt("m", results=["not", "a", "mapping"])
    hostile = attempt("m", results={"q": "x", "r": None, "s": result(1.0)})
    assert tally_attempts([csv_row, odd, hostile]) == [QuestionTally("m", "s", 1, 1)]


def test_attempts_and_classroom_sessions_combine_per_module_and_question():
    from_attempts = tally_attempts([attempt("m", q1=1, q2=1), attempt("n", q1=0)])
    from_room = [QuestionTally("m", "q2", 3, 20), QuestionTally("m", "q1", 18, 20)]
    combined = combine([*from_attempts, *from_room])
    assert combined == [
        QuestionTally("m", "q1", 19, 21),
        QuestionTally("m", "q2", 4, 21),
        QuestionTally("n", "q1", 0, 1),
    ]
    assert [s.question for s in most_missed(combined, "m")] == ["q2", "q1"]
    assert most_missed([*from_attempts, *from_room], "m") == most_missed(combined, "m")
    assert modules_of(combined) == ["m", "n"]


def test_a_question_nobody_answered_comes_last_and_shares_stay_in_range():
    tallies = [
        QuestionTally("m", "empty", 0, 0),
        QuestionTally("m", "some", 1, 4),
        QuestionTally("m", "odd", 9, 4),  # a hand-edited file: more right than answered
    ]
    shares = most_missed(tallies, "m")
    assert [(s.question, s.share) for s in shares] == [("some", 0.25), ("odd", 1.0), ("empty", 0.0)]
    assert most_missed(tallies, "other") == []


def test_the_questions_text_comes_from_the_course():
    course = load_course(TEST_CONTENT)
    tr = course.modules["alpha"].best("en")
    ids = [q.id for q in questions_of(tr)]
    assert ids[:3] == ["q-single", "q-multi", "q-tf"]
    question = question_in(tr, "q-single")
    assert question is not None and "SECRET-EXPLANATION" in question.explanation
    assert question_in(tr, "nope") is None and questions_of(None) == []
    assert plain_text("Which **one** is [right](x)?") == "Which one is right?"


def test_long_question_text_is_shortened_at_a_word():
    text = "How many days may pass between the release of goods and the audit that follows it?"
    short = shortened(text, 40)
    assert short.endswith("…") and len(short) <= 40
    assert text.startswith(short[:-1]) and not short[:-1].endswith(" ")
    assert shortened("Short.", 40) == "Short."
