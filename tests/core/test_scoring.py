"""Scoring of every type, with normalisation edge cases in Russian and French."""

import random

import pytest

from courseware_app.core.course import Option, Question, Quiz
from courseware_app.core.questions import QuestionType
from courseware_app.core.scoring import grade, normalise, score, shuffled_items


def opts(*flags):
    return tuple(
        Option(text=f"o{i}", correct=f, feedback=f"fb{i}", line=1) for i, f in enumerate(flags)
    )


SINGLE = Question(
    id="s", type=QuestionType.SINGLE, text="?", line=1, points=2, options=opts(False, True, False)
)
MULTI = Question(
    id="m",
    type=QuestionType.MULTIPLE,
    text="?",
    line=1,
    points=1,
    options=opts(True, True, False, False),
)
TF = Question(id="t", type=QuestionType.TRUEFALSE, text="?", line=1, answer_bool=False)
SHORT_RU = Question(
    id="r", type=QuestionType.SHORT, text="?", line=1, accepted=("Таможенный досмотр", "досмотр")
)
SHORT_FR = Question(
    id="f",
    type=QuestionType.SHORT,
    text="?",
    line=1,
    accepted=("mainlevée", "contrôle a posteriori"),
)
NUM = Question(id="n", type=QuestionType.NUMERIC, text="?", line=1, numeric=(12.0, 13.0))
ORDER = Question(id="o", type=QuestionType.ORDER, text="?", line=1, items=("a", "b", "c"))
MATCH = Question(
    id="x",
    type=QuestionType.MATCH,
    text="?",
    line=1,
    points=4,
    pairs=(("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")),
)


def test_single_choice_and_feedback():
    assert score(SINGLE, 1).points == 2 and score(SINGLE, 1).correct
    wrong = score(SINGLE, 0)
    assert wrong.points == 0 and not wrong.correct and wrong.feedback == ("fb0",)
    assert score(SINGLE, None).points == 0 and score(SINGLE, 99).points == 0


@pytest.mark.parametrize(
    ("chosen", "points", "correct"),
    [
        ({0, 1}, 1.0, True),
        ({0}, 0.5, False),
        ({0, 2}, 0.0, False),
        ({0, 1, 2}, 0.5, False),
        ({2, 3}, 0.0, False),
        (set(), 0.0, False),
    ],
)
def test_multiple_partial_credit(chosen, points, correct):
    result = score(MULTI, chosen)
    assert (result.points, result.correct) == (points, correct)


def test_true_false():
    assert (
        score(TF, False).correct and not score(TF, True).correct and not score(TF, "false").correct
    )


@pytest.mark.parametrize(
    "answer", ["таможенный досмотр", "  ТАМОЖЕННЫЙ   досмотр ", "Досмотр", "досмотр\n"]
)
def test_short_answer_russian_normalisation(answer):
    assert score(SHORT_RU, answer).correct


def test_yo_equals_ye():
    q = Question(id="y", type=QuestionType.SHORT, text="?", line=1, accepted=("учёт",))
    assert score(q, "учет").correct and score(q, "УЧЁТ").correct
    assert normalise("Ёлка") == normalise("елка")


@pytest.mark.parametrize(
    "answer",
    [
        "mainlevée",
        "mainlevee",
        "MAINLEVÉE",
        "Contrôle a posteriori",
        "controle a posteriori",
        "mainleve\u0301e",
    ],
)  # the last one is NFD: e + combining acute
def test_short_answer_french_accents_optional(answer):
    assert score(SHORT_FR, answer).correct


def test_short_answer_keeps_cyrillic_letters_distinct():
    q = Question(id="k", type=QuestionType.SHORT, text="?", line=1, accepted=("мой",))
    assert not score(q, "мои").correct  # й is not и with an accent to strip
    assert not score(SHORT_RU, "").correct


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("12.5", True),
        ("12,5", True),
        ("13", True),
        (" 12 ", True),
        ("13.01", False),
        ("11,99", False),
        ("abc", False),
        ("", False),
        (12.5, True),
    ],
)
def test_numeric_tolerance_and_decimal_comma(answer, ok):
    assert score(NUM, answer).correct is ok


def test_order_all_or_nothing():
    assert score(ORDER, [0, 1, 2]).correct
    assert score(ORDER, [1, 0, 2]).points == 0


def test_match_partial_credit():
    assert score(MATCH, {0: 0, 1: 1, 2: 2, 3: 3}).points == 4
    half = score(MATCH, {0: 0, 1: 1, 2: 3, 3: 2})
    assert half.points == 2 and not half.correct


def test_grade_attempt_score_and_pass_mark():
    quiz = Quiz(id="q", line=1, pass_mark=70, questions=(SINGLE, MULTI, TF, NUM))  # 5 points
    attempt = grade(
        quiz,
        {"s": 1, "m": {0}, "t": False, "n": "20"},
        module_id="m1",
        module_version="1.0.0",
        lang="ru",
    )
    assert attempt.points == 3.5 and attempt.max_points == 5
    assert attempt.score == 70.0 and attempt.passed
    failed = grade(quiz, {"s": 1}, module_id="m1", module_version="1.0.0", lang="ru")
    assert failed.score == 40.0 and not failed.passed
    assert attempt.attempt_id != failed.attempt_id and len(attempt.attempt_id) == 36


def test_ordering_is_never_presented_already_solved():
    rng = random.Random(3)
    for _ in range(50):
        assert shuffled_items(3, rng) != [0, 1, 2]


def test_single_choice_partial_credit_per_option():
    options = tuple(
        Option(text=f"o{i}", correct=i == 1, feedback="", line=1, credit=c)
        for i, c in enumerate((0.5, 0.0, 0.0))
    )
    q = Question(id="s", type=QuestionType.SINGLE, text="?", line=1, points=2, options=options)
    right, half, wrong = score(q, 1), score(q, 0), score(q, 2)
    assert (right.points, right.correct) == (2, True)
    assert (half.points, half.correct) == (1, False)
    assert any("50" in fb for fb in half.feedback)  # the review says what the option earned
    assert (wrong.points, wrong.correct, wrong.feedback) == (0, False, ())
