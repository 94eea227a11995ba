"""The quiz block parser: every type, every error with its line, never an exception."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courseware_app.core.loader import load_course
from courseware_app.core.quiz import parse_number, parse_quiz
from tests.conftest import TEST_CONTENT


def parse(text: str, first_line: int = 10):
    lines = [(first_line + i, line) for i, line in enumerate(text.split("\n"))]
    return parse_quiz("f.md", lines)


def test_every_type_parses_from_the_test_tree():
    quiz = load_course(TEST_CONTENT).modules["alpha"].source.quiz
    assert (quiz.id, quiz.pass_mark, quiz.shuffle, quiz.title) == (
        "alpha-quiz",
        60,
        True,
        "Check yourself",
    )
    q = {x.id: x for x in quiz.questions}
    assert q["q-single"].points == 2 and q["q-single"].correct_positions == (1,)
    assert q["q-single"].options[0].feedback == "Not this."
    assert q["q-multi"].correct_positions == (0, 1)
    assert q["q-tf"].answer_bool is False
    assert q["q-short"].accepted == ("post-clearance audit", "PCA")
    assert q["q-num"].numeric == (49.5, 50.5)
    assert q["q-order"].items == ("Context", "Identify", "Analyse")
    assert q["q-match"].pairs == (("Likelihood", "How probable"), ("Consequence", "How serious"))
    assert q["q-single"].explanation == "SECRET-EXPLANATION because."
    assert quiz.max_points == 8


def test_continuation_lines_and_multiline_text():
    quiz, diags = parse(
        "::: quiz q\n? single a\nFirst line\nsecond line\n- [x] yes\n  feedback: long\n    feedback\n- [ ] no\n"
        "explanation: one\n  two"
    )
    assert diags == []
    q = quiz.questions[0]
    assert q.text == "First line\nsecond line"
    assert q.options[0].feedback == "long feedback"
    assert q.explanation == "one two"


def test_numeric_range_and_decimal_comma():
    quiz, diags = parse(
        "::: quiz q\n? numeric n\nHow long?\nanswer: 10..15\nexplanation: e\n? numeric m\nx\nanswer: 12,5\ntolerance: 0,5\nexplanation: e"
    )
    assert diags == []
    assert quiz.questions[0].numeric == (10, 15)
    assert quiz.questions[1].numeric == (12.0, 13.0)
    assert parse_number("1 234,5") == 1234.5 and parse_number("abc") is None


ERRORS = [
    ("::: quiz q\n? essay e\nWrite.\nexplanation: x", "quiz-unknown-type", 11),
    ("::: quiz q\n? single s\nPick.\n- [ ] a\n- [ ] b\nexplanation: x", "quiz-no-correct", 11),
    (
        "::: quiz q\n? single s\nPick.\n- [x] a\n- [x] b\nexplanation: x",
        "quiz-too-many-correct",
        11,
    ),
    (
        "::: quiz q\n? single s\nPick.\n- [x] a\n- [ ] b\nanswer: b\nexplanation: x",
        "quiz-answer-not-option",
        15,
    ),
    (
        "::: quiz q\n? truefalse t\nTrue?\nanswer: maybe\nexplanation: x",
        "quiz-answer-not-option",
        13,
    ),
    ("::: quiz q\n? numeric n\nHow many?\nanswer: lots\nexplanation: x", "quiz-bad-answer", 13),
    ("::: quiz q\n? short s\nName it.\nexplanation: x", "quiz-no-correct", 11),
    (
        "::: quiz q\n? single a\nA?\n- [x] y\n- [ ] n\nexplanation: x\n? single a\nB?\n- [x] y\n- [ ] n\nexplanation: x",
        "quiz-duplicate-id",
        16,
    ),
    ("::: quiz q pass=120\n? truefalse t\nT?\nanswer: true\nexplanation: x", "quiz-pass-mark", 10),
    ("::: quiz q\n? single s\nOnly one.\n- [x] a\nexplanation: x", "quiz-options", 11),
    ("::: quiz q\n? order o\nOrder.\n1. only\nexplanation: x", "quiz-options", 11),
    ("::: quiz q\n? match m\nMatch.\n- a -> b\nexplanation: x", "quiz-options", 11),
    ("::: quiz q\n? truefalse t\n\nanswer: true\nexplanation: x", "quiz-no-text", 11),
    ("::: quiz q\n? truefalse t\nT?\nanswer: true", "quiz-no-explanation", 11),
    ("::: quiz q\nstray text\n? truefalse t\nT?\nanswer: true\nexplanation: x", "quiz-syntax", 11),
    ("::: quiz\n? truefalse t\nT?\nanswer: true\nexplanation: x", "quiz-id", 10),
    ("::: quiz q\n? truefalse\nT?\nanswer: true\nexplanation: x", "quiz-id", 11),
    ("::: quiz q\n? single s points=0\nP?\n- [x] a\n- [ ] b\nexplanation: x", "quiz-points", 11),
    (
        "::: quiz q colour=red\n? truefalse t\nT?\nanswer: true\nexplanation: x",
        "quiz-attribute",
        10,
    ),
    ("::: quiz q", "quiz-empty", 10),
]


@pytest.mark.parametrize(
    ("text", "code", "line"), ERRORS, ids=[f"{c[1]}-{i}" for i, c in enumerate(ERRORS)]
)
def test_errors_with_their_line(text, code, line):
    _quiz, diags = parse(text)
    assert (code, line) in {(d.code, d.line) for d in diags}, [d.format() for d in diags]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=25))
def test_arbitrary_text_in_a_quiz_block_gives_diagnostics_not_exceptions(lines):
    quiz, diags = parse("\n".join(["::: quiz q", *lines]))
    assert quiz is not None or diags
    for d in diags:
        assert d.file == "f.md" and d.line >= 10


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "? single a",
                "? multiple b",
                "? truefalse c",
                "- [x] yes",
                "- [ ] no",
                "answer: true",
                "answer: 1..",
                "accept: a | b",
                "1. x",
                "- a -> b",
                "  feedback: f",
                "explanation: e",
                "tolerance: -1",
                "",
                "text",
            ]
        ),
        max_size=30,
    )
)
def test_arbitrary_structure_never_raises(lines):
    _quiz, diags = parse("\n".join(["::: quiz q", *lines]))
    assert all(d.code != "quiz-internal" for d in diags)


# ---------------------------------------------------------------- option credit (issue 20 #15)


def test_single_choice_options_take_a_credit():
    quiz, diags = parse(
        "::: quiz q\n? single a\nWhich?\n- [ ] half\n  credit: 50%\n  feedback: close\n"
        "- [x] right\n- [ ] quarter\n  feedback: far\n  credit: 25\n- [ ] wrong\nexplanation: e\n"
    )
    assert diags == []
    (q,) = quiz.questions
    assert [o.credit for o in q.options] == [0.5, 0.0, 0.25, 0.0]
    assert [o.feedback for o in q.options] == ["close", "", "far", ""]
    assert q.correct_positions == (1,)


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("- [ ] a\n  credit: 150%\n- [x] b\n", 14),  # not below 100 %
        ("- [ ] a\n  credit: 0%\n- [x] b\n", 14),  # above 0 %
        ("- [ ] a\n  credit: half\n- [x] b\n", 14),
        ("- [x] a\n  credit: 50%\n- [ ] b\n", 14),  # the right option earns all
        ("credit: 50%\n- [ ] a\n- [x] b\n", 13),  # not under an option
        ("- [ ] a\ncredit: 50%\n- [x] b\n", 14),  # not indented
    ],
)
def test_a_wrong_credit_is_an_error_with_its_line(body, line):
    _quiz, diags = parse(f"::: quiz q\n? single a\nWhich?\n{body}explanation: e\n")
    assert [(d.line, d.code) for d in diags] == [(line, "quiz-credit")], diags


def test_credit_is_for_single_choice_only():
    _quiz, diags = parse(
        "::: quiz q\n? multiple a\nWhich?\n- [x] a\n- [ ] b\n  credit: 50%\nexplanation: e\n"
    )
    assert [(d.line, d.code) for d in diags] == [(15, "quiz-credit")]
