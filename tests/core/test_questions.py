"""The question-type registry: complete, string-compatible, and open to a new type in one place."""

import json
from dataclasses import replace
from enum import StrEnum
from typing import ClassVar

import pytest

from courseware_app.core.course import Question
from courseware_app.core.gift import import_gift
from courseware_app.core.i18n import set_language
from courseware_app.core.loader import load_course
from courseware_app.core.questions import (
    QuestionKind,
    QuestionType,
    Result,
    full_or_nothing,
    gift_kinds,
    kind_for,
    register,
    type_names,
    unregister,
)
from courseware_app.core.quiz import parse_quiz
from courseware_app.core.scoring import score
from courseware_app.core.serialise import from_json, to_json
from tests.conftest import TEST_CONTENT


@pytest.fixture(scope="module")
def questions():
    quiz = load_course(TEST_CONTENT).modules["alpha"].source.quiz
    return {q.type: q for q in quiz.questions}


def test_every_type_has_a_kind_of_its_own_type():
    for qtype in QuestionType:
        assert kind_for(qtype).type is qtype
        assert kind_for(str(qtype)) is kind_for(qtype)
    assert type_names() == [str(t) for t in QuestionType]


def test_the_type_is_its_old_string_in_files_and_json(questions):
    assert set(questions) == set(QuestionType)  # the test tree has one question of each type
    for qtype, q in questions.items():
        assert isinstance(q.type, QuestionType)
        assert json.loads(json.dumps({"type": q.type})) == {"type": qtype.value}
        assert QuestionType(json.loads(json.dumps(q.type))) is q.type


def test_the_course_cache_writes_the_string_and_reads_back_a_question_type(questions):
    for q in questions.values():
        data = to_json(q)
        assert data["type"] == q.type.value
        back = from_json(Question, json.loads(json.dumps(data)))
        assert back == q and isinstance(back.type, QuestionType)


def test_each_kinds_key_response_scores_full_marks(questions):
    for q in questions.values():
        result = score(q, kind_for(q.type).key_response(q))
        assert result.correct and result.points == q.points, q.type


def test_answer_text_is_plain_and_short_answers_read_as_a_list(questions):
    set_language("en")
    short = replace(
        questions[QuestionType.SHORT], accepted=("PCA", "post-clearance audit", "audit")
    )
    assert kind_for(QuestionType.SHORT).answer_text(short) == "PCA, post-clearance audit, or audit"
    assert kind_for(QuestionType.TRUEFALSE).answer_text(questions[QuestionType.TRUEFALSE]) in (
        "True",
        "False",
    )
    order = questions[QuestionType.ORDER]
    assert kind_for(QuestionType.ORDER).answer_text(order) == " → ".join(order.items)


def test_search_parts_hold_the_text_the_key_and_the_explanation(questions):
    match = questions[QuestionType.MATCH]
    parts = kind_for(QuestionType.MATCH).search_parts(match)
    assert parts[0] == match.text and parts[-1] == match.explanation
    assert [f"{a} → {b}" for a, b in match.pairs] == list(parts[1:-1])
    single = questions[QuestionType.SINGLE]
    right = single.options[single.correct_positions[0]].text
    assert "✓ " + right in kind_for(QuestionType.SINGLE).search_parts(single)


def test_gift_answer_blocks_are_offered_numeric_first_and_short_last():
    ranked = [k.type for k in gift_kinds()]
    assert ranked[0] == QuestionType.NUMERIC and ranked[-1] == QuestionType.SHORT
    assert QuestionType.ORDER not in ranked  # GIFT has no ordering questions


# ---------------------------------------------------------------- a toy type, added in one place


class ToyType(StrEnum):
    ECHO = "echo"


class EchoKind(QuestionKind):
    """Type back the word given by 'answer:'."""

    type: ClassVar = ToyType.ECHO
    keys: ClassVar = frozenset({"answer"})

    def check(self, d, q, report):
        value, _line = d.keys.get("answer", ("", d.line))
        if not value:
            report.error(d.line, "quiz-no-correct", f"question '{d.id}' needs 'answer: WORD'")
        return replace(q, accepted=(value,))

    def score(self, q: Question, response: object) -> Result:
        return full_or_nothing(q, response == q.accepted[0])

    def answer_text(self, q):
        return q.accepted[0]

    def key_parts(self, q):
        return q.accepted

    def key_response(self, q):
        return q.accepted[0]


@pytest.fixture
def echo():
    kind = register(EchoKind())
    yield kind
    unregister(kind)
    assert "echo" not in type_names()


def quiz_lines(text):
    return list(enumerate(text.strip().split("\n"), 1))


def test_a_new_type_registers_in_one_class_and_parses_and_scores(echo):
    text = """
::: quiz toy
? echo q1
Say hello.
answer: hello
explanation: Just echo it.

? echo q2
No answer here.
explanation: None.
"""
    quiz, diags = parse_quiz("toy.md", quiz_lines(text))
    assert [d.code for d in diags] == ["quiz-no-correct"] and diags[0].line == 7
    q1 = quiz.questions[0]
    assert q1.type == "echo" and q1.accepted == ("hello",)
    assert score(q1, "hello").correct and not score(q1, "bye").correct
    assert kind_for("echo").search_parts(q1) == ("Say hello.", "hello", "Just echo it.")
    assert "echo" in type_names()


def test_an_unknown_type_names_the_registered_ones(echo):
    _quiz, diags = parse_quiz("toy.md", quiz_lines("::: quiz toy\n? essay q1\nWrite.\n"))
    unknown = next(d for d in diags if d.code == "quiz-unknown-type")
    assert "single, multiple, truefalse, short, numeric, order, match, echo" in unknown.message


def test_a_type_without_a_gift_form_is_never_offered_a_gift_block(echo):
    result = import_gift("Say {=hello}\n", "en", "toy")
    assert "? short q1" in result.markdown  # not claimed by the toy type
