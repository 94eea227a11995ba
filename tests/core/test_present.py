"""The presenter's model: steps for the room (never a trainer note or an answer), timing, and
the classroom quiz's cards."""

import re
from pathlib import Path

import pytest

from courseware_app.core.course import Question
from courseware_app.core.loader import load_course
from courseware_app.core.present.cards import question_card, reveal_card
from courseware_app.core.present.steps import (
    StepKind,
    build_presentation,
    pair_steps,
    plain_text,
)
from courseware_app.core.present.timing import SessionClock, TimeState, clock_text, time_state
from courseware_app.core.questions.types import QuestionType
from courseware_app.core.render import trainer_notes_html

CONTENT = Path(__file__).parents[2] / "content"
COURSE = load_course(CONTENT)
TRANSLATIONS = [(m.id, lang) for m in COURSE.ordered_modules() for lang in sorted(m.translations)]


def sentences(fragment: str) -> list[str]:
    """The text's sentences of six words or more: long enough to belong to one place only."""
    parts = re.split(r"(?<=[.!?…:;])\s+", plain_text(fragment))
    return [p.strip() for p in parts if len(p.split()) >= 6]


def secret_texts(module_id: str, lang: str) -> list[str]:
    """Every trainer note's sentences, every explanation and every option's feedback."""
    tr = COURSE.modules[module_id].translations[lang]
    notes = trainer_notes_html(tr.body, module_id=module_id, lang=lang)
    secrets = sentences(notes)
    for quiz in tr.quizzes:
        for q in quiz.questions:
            secrets += sentences(q.explanation) + [
                s for o in q.options for s in sentences(o.feedback)
            ]
    return secrets


@pytest.mark.parametrize(("module_id", "lang"), TRANSLATIONS)
def test_no_step_shows_the_room_a_trainer_note_or_an_answer(module_id, lang):
    tr = COURSE.modules[module_id].translations[lang]
    shown = " ".join(s.text for s in build_presentation(tr).steps)
    secrets = secret_texts(module_id, lang)
    assert secrets, "the check needs something to look for"
    leaked = [s for s in secrets if s in shown]
    assert leaked == []


@pytest.mark.parametrize(("module_id", "lang"), TRANSLATIONS)
def test_every_section_but_sources_opens_with_a_title_card(module_id, lang):
    tr = COURSE.modules[module_id].translations[lang]
    p = build_presentation(tr)
    assert p.steps[0].kind == StepKind.OPENING
    assert [plain_text(o) for o in p.steps[0].points] == [
        " ".join(o.split()) for o in tr.objectives
    ]
    cards = [s.section for s in p.steps if s.kind == StepKind.SECTION]
    assert cards == [s.id for s in tr.sections if s.id != "sources"]
    for i, step in enumerate(p.steps[1:], 1):
        if step.kind != StepKind.SECTION:  # the steps of a section follow its card
            assert p.steps[i - 1].section == step.section


def test_a_section_shows_its_slides_then_its_projectable_blocks():
    p = build_presentation(COURSE.modules["rm-02"].translations["en"])
    process = [s for s in p.steps if s.section == "process"]
    kinds = [s.kind for s in process]
    assert kinds[0] == StepKind.SECTION
    assert kinds[1:3] == [StepKind.SLIDE, StepKind.SLIDE]
    assert StepKind.BLOCK in kinds[3:]
    picture = process[1]
    assert picture.image == "process.svg" and picture.points == ()
    assert picture.speaker  # its own trainer note, for the console
    ru = build_presentation(COURSE.modules["rm-02"].translations["ru"])
    assert [s for s in ru.steps if s.section == "process"][1].image == "process.ru.svg"


def test_a_slides_speaker_note_is_for_the_console_and_not_in_the_section_notes():
    p = build_presentation(COURSE.modules["rm-02"].translations["en"])
    slide = next(s for s in p.steps if s.kind == StepKind.SLIDE and s.speaker)
    speaker = plain_text(slide.speaker)
    assert speaker and speaker not in slide.text
    assert speaker not in plain_text(p.notes[slide.section])
    assert p.notes["why"]  # the section's own notes are there


def test_the_quiz_section_has_a_quiz_step_with_the_question_count():
    tr = COURSE.modules["rm-02"].translations["en"]
    quiz = next(s for s in build_presentation(tr).steps if s.kind == StepKind.QUIZ)
    assert quiz.quiz == tr.quizzes[0].id
    assert f"{len(tr.quizzes[0].questions)} questions" in quiz.text


def test_planned_minutes_and_the_first_step_of_a_section():
    p = build_presentation(COURSE.modules["rm-02"].translations["fr"])
    assert p.planned("analysis-matrix") == 35
    assert p.steps[p.first_step("analysis-matrix")].kind == StepKind.SECTION
    assert sum(s.minutes or 0 for s in p.sections) == 240


@pytest.mark.parametrize("module_id", ["rm-02", "trs-01"])
def test_two_languages_pair_every_step_and_every_bullet(module_id):
    module = COURSE.modules[module_id]
    ru, en = (build_presentation(module.translations[lang]) for lang in ("ru", "en"))
    pairs = pair_steps(ru, en)
    assert len(pairs) == len(ru.steps)
    for step, other in zip(ru.steps, pairs, strict=True):
        assert other is not None and other.key == step.key
        assert len(other.points) == len(step.points)


def test_a_step_missing_in_the_second_language_pairs_with_nothing():
    en = build_presentation(COURSE.modules["rm-02"].translations["en"])
    other = build_presentation(COURSE.modules["rm-05"].translations["en"])
    assert None in pair_steps(en, other)


# ---------------------------------------------------------------- timing


@pytest.mark.parametrize(
    ("seconds", "planned", "state"),
    [
        (0, 10, TimeState.OK),
        (479, 10, TimeState.OK),
        (480, 10, TimeState.AMBER),
        (600, 10, TimeState.AMBER),
        (601, 10, TimeState.RED),
        (601, None, TimeState.UNPLANNED),
    ],
)
def test_a_section_turns_amber_then_red(seconds, planned, state):
    assert time_state(seconds, planned) == state


def test_the_clock_counts_each_section_and_stops_when_told():
    clock = SessionClock()
    clock.start("why", 100.0)
    clock.enter("why", 150.0)  # another step of the same section
    clock.enter("process", 160.0)
    assert clock.in_section(170.0) == 10.0
    clock.enter("why", 200.0)  # back again: its time adds up
    clock.stop(205.0)
    assert clock.actual(500.0) == {"why": 65.0, "process": 40.0}
    assert clock.elapsed(500.0) == 105.0 and not clock.running
    assert clock_text(65) == "01:05" and clock_text(3725) == "1:02:05"


# ---------------------------------------------------------------- classroom cards


def all_questions() -> list[tuple[str, Question]]:
    return [
        (m.id, q)
        for m in COURSE.ordered_modules()
        for tr in m.translations.values()
        for quiz in tr.quizzes
        for q in quiz.questions
    ]


@pytest.mark.parametrize(("module_id", "q"), all_questions()[::7])
def test_a_question_card_never_gives_the_answer_away(module_id, q):
    card = question_card(q, module_id)
    shown = card.text
    for secret in sentences(q.explanation) + [s for o in q.options for s in sentences(o.feedback)]:
        assert secret not in shown
    reveal = reveal_card(q, module_id)
    assert plain_text(reveal.answer)
    if q.type == QuestionType.ORDER:  # the items are not shown in their right order
        assert [plain_text(c.html) for c in card.choices] != [plain_text(i) for i in q.items]


def test_cards_letter_options_and_reveal_the_right_ones():
    tr = COURSE.modules["rm-02"].translations["en"]
    q = next(q for q in tr.quizzes[0].questions if q.type == QuestionType.MULTIPLE)
    card = question_card(q, "rm-02")
    assert [c.letter for c in card.choices] == list("ABCDE")[: len(q.options)]
    reveal = reveal_card(q, "rm-02")
    right = [c.letter for c, o in zip(card.choices, q.options, strict=True) if o.correct]
    assert all(f"{letter}. " in reveal.answer for letter in right)
    assert plain_text(reveal.explanation) == plain_text(q.explanation)


def test_the_rooms_words_are_in_the_rooms_language_whatever_the_interface_says():
    from courseware_app.core.i18n import current_language

    assert current_language() == "en"  # the console's language in this test
    ru = build_presentation(COURSE.modules["rm-02"].translations["ru"])
    assert ru.steps[0].caption == "Цели обучения"
    quiz = next(s for s in ru.steps if s.kind == StepKind.QUIZ)
    assert "вопрос" in quiz.text
    tf = next(q for _m, q in all_questions() if q.type == QuestionType.TRUEFALSE)
    assert [c.html for c in question_card(tf, lang="fr").choices] == ["Vrai", "Faux"]
