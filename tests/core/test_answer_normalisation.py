"""Typed answers are read as people type them: quotes, final punctuation, spaces, '%'."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courseware_app.core.course import Question
from courseware_app.core.loader import load_course
from courseware_app.core.questions import QuestionType
from courseware_app.core.questions.normalise import (
    FINAL_PUNCTUATION,
    QUOTES,
    normalise_answer,
    parse_typed_number,
)
from courseware_app.core.scoring import score
from tests.conftest import BUNDLED_CONTENT


def short(*accepted: str) -> Question:
    return Question(id="s", type=QuestionType.SHORT, text="?", line=1, accepted=accepted)


def numeric(low: float, high: float) -> Question:
    return Question(id="n", type=QuestionType.NUMERIC, text="?", line=1, numeric=(low, high))


BOTTLENECK_FR = short("goulet d'étranglement")
LEARNING_RU = short("уровень научения")


@pytest.mark.parametrize(
    "typed",
    [
        "« goulet d'étranglement »",
        "«goulet d’étranglement»",
        "„goulet d'étranglement“",
        '"goulet d\'étranglement".',
        "“Goulet d’étranglement”",
        "'goulet d'étranglement'",
        "‘goulet d'étranglement’",
        "goulet d'étranglement !",
        "goulet d'étranglement…",
        "goulet d'étranglement...",
        "  goulet\u00a0d'étranglement ;",
        "« goulet d'étranglement ».",
        "GOULET D'ETRANGLEMENT?",
        "ｇｏｕｌｅｔ d'étranglement",  # full-width letters: NFKC
    ],
)
def test_quotes_final_punctuation_spaces_and_case_are_ignored(typed):
    assert score(BOTTLENECK_FR, typed).correct


@pytest.mark.parametrize(
    "typed", ["«уровень научения»", "„Уровень научения“.", "уровень  научения!", "УРОВЕНЬ научения"]
)
def test_russian_quotes_and_punctuation_are_ignored(typed):
    assert score(LEARNING_RU, typed).correct


@pytest.mark.parametrize(
    "typed",
    [
        "goulet",
        "goulet détranglement",  # the apostrophe inside the answer counts
        "goulet d'étranglement, pas",
        "« »",
        "...",
        '""',
        "",
    ],
)
def test_inner_text_still_counts_and_only_marks_is_no_answer(typed):
    assert not score(BOTTLENECK_FR, typed).correct


def test_only_the_end_loses_its_punctuation():
    assert normalise_answer("?taux") == "?taux"
    assert normalise_answer("U.S.A.") == "u.s.a"
    assert normalise_answer("post‑clearance audit") == normalise_answer("post-clearance audit")


def test_accepted_answers_written_with_quotes_accept_the_bare_answer():
    assert score(short("« taux de constatation »"), "taux de constatation").correct


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("35", 35.0),
        ("35%", 35.0),
        ("35 %", 35.0),
        ("35\u00a0%", 35.0),
        ("35\u202f%", 35.0),
        ("12,5 %", 12.5),
        ("12.5%", 12.5),
        ("1 234,5", 1234.5),
        ("３５％", 35.0),
        ("−3", -3.0),
        (" 15 % ", 15.0),
    ],
)
def test_typed_numbers_with_percent_and_decimal_comma(typed, value):
    assert parse_typed_number(typed) == value


@pytest.mark.parametrize("typed", ["", "%", "35 kg", "35%%", "% 35", "about 35", "35 % of"])
def test_what_is_not_a_number(typed):
    assert parse_typed_number(typed) is None


def test_a_percent_answer_scores_with_or_without_the_sign():
    q = numeric(14.5, 15.5)
    for typed in ("15", "15%", "15 %", "15\u00a0%", "15,0 %"):
        assert score(q, typed).correct, typed
    assert not score(q, "0,15").correct  # the sign is a unit, not a scale


# ---------------------------------------------------------------- properties

WORDS = st.text(
    alphabet=st.characters(categories=("L",), exclude_characters="ʼ"), min_size=1, max_size=12
)
ANSWERS = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
MARKS = st.text(alphabet=QUOTES + " ", max_size=3)
ENDS = st.text(alphabet=QUOTES + FINAL_PUNCTUATION + " \u00a0", max_size=4)


@given(answer=ANSWERS, lead=MARKS, end=ENDS)
def test_any_answer_wrapped_in_quotes_and_punctuation_scores(answer, lead, end):
    assert score(short(answer), lead + answer + end).correct


@given(text=st.text(max_size=30))
def test_normalising_twice_changes_nothing(text):
    once = normalise_answer(text)
    assert normalise_answer(once) == once


@given(
    value=st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False),
    comma=st.booleans(),
    space=st.sampled_from(["", " ", "\u00a0", "\u202f"]),
)
def test_any_number_reads_back_with_a_percent_sign(value, comma, space):
    written = f"{value:f}".replace(".", "," if comma else ".")
    assert parse_typed_number(f"{written}{space}%") == pytest.approx(float(value))


# ---------------------------------------------------------------- the bundled curriculum

COURSE = load_course(BUNDLED_CONTENT)
SHORTS = [
    (module_id, lang, q)
    for module_id, module in COURSE.modules.items()
    for lang, tr in module.translations.items()
    for q in tr.quiz.questions
    if q.type == QuestionType.SHORT
]


@pytest.mark.parametrize(
    ("module_id", "lang", "q"), SHORTS, ids=[f"{m}-{lg}-{q.id}" for m, lg, q in SHORTS]
)
def test_every_bundled_short_answer_scores_quoted_and_punctuated(module_id, lang, q):
    for accepted in q.accepted:
        assert normalise_answer(accepted), accepted  # an answer someone can type
        for typed in (f"« {accepted} ».", f"“{accepted}”", f"{accepted} !", f'"{accepted}"'):
            assert score(q, typed).correct, typed
