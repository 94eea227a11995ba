"""The bundled curriculum meets the course's own standards, in every language."""

import re
from collections import Counter

import pytest

from courseware_app.core.course_outline import course_outline
from courseware_app.core.loader import load_course
from courseware_app.core.scoring import grade
from tests.conftest import BUNDLED_CONTENT

COURSE = load_course(BUNDLED_CONTENT)
OUTLINE = course_outline(COURSE)
EXPECTED = [
    "rm-01",
    "rm-02",
    "rm-03",
    "rm-04",
    "rm-05",
    "rm-06",
    "rm-07",
    "rm-08",
    "rm-09",
    "trs-01",
    "trs-02",
    "mt-01",
]
CELLS = [
    (m["id"], lang, m["languages"][lang]) for m in OUTLINE["modules"] for lang in ("en", "ru", "fr")
]


def test_twelve_modules_in_three_tracks():
    assert [m["id"] for m in OUTLINE["modules"]] == EXPECTED
    assert Counter(m["track"] for m in OUTLINE["modules"]) == {
        "risk-management": 9,
        "time-release-study": 2,
        "master-trainer": 1,
    }


@pytest.mark.parametrize(
    ("module", "lang", "cell"), CELLS, ids=[f"{m}-{lg}" for m, lg, _c in CELLS]
)
def test_each_module_and_language_meets_the_floor(module, lang, cell):
    assert cell["status"] == "ok"
    assert cell["words"] >= 1800
    assert 4 <= len(cell["sections"]) <= 8
    assert cell["trainer_notes"] >= 3
    assert cell["quiz_questions"] >= 8
    tr = COURSE.modules[module].translations[lang]
    assert len({q.type for q in tr.quiz.questions}) >= 3
    assert all(q.explanation for q in tr.quiz.questions)
    assert 3 <= len(tr.objectives) <= 6
    source = COURSE.modules[module].translations["en"]
    assert tr.version == source.version  # every language in step with the English source
    assert lang == "en" or tr.translated_from == source.version


def correct_responses(quiz):
    """The answer key as responses, built from the parsed questions."""
    out = {}
    for q in quiz.questions:
        if q.type == "single":
            out[q.id] = q.correct_positions[0]
        elif q.type == "multiple":
            out[q.id] = set(q.correct_positions)
        elif q.type == "truefalse":
            out[q.id] = q.answer_bool
        elif q.type == "short":
            out[q.id] = q.accepted[0]
        elif q.type == "numeric":
            out[q.id] = str(sum(q.numeric) / 2).replace(".", ",")
        elif q.type == "order":
            out[q.id] = list(range(len(q.items)))
        else:
            out[q.id] = {i: i for i in range(len(q.pairs))}
    return out


@pytest.mark.parametrize(("module", "lang"), [(m, lg) for m, lg, _c in CELLS])
def test_every_quiz_scores_full_marks_with_its_key_and_zero_when_blank(module, lang):
    tr = COURSE.modules[module].translations[lang]
    full = grade(
        tr.quiz, correct_responses(tr.quiz), module_id=module, module_version=tr.version, lang=lang
    )
    assert full.score == 100.0 and full.passed
    blank = grade(tr.quiz, {}, module_id=module, module_version=tr.version, lang=lang)
    assert blank.score == 0.0 and not blank.passed


IMAGE_RE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def test_at_least_four_diagrams_each_with_russian_and_french_labels(qapp):
    from PySide6.QtSvg import QSvgRenderer

    diagrams = set()
    for module in COURSE.modules.values():
        for name in IMAGE_RE.findall(module.source.body):
            if name.endswith(".svg"):
                diagrams.add((module.folder, name))
    assert len(diagrams) >= 4
    for folder, name in diagrams:
        stem = name[: -len(".svg")]
        for variant in (name, f"{stem}.ru.svg", f"{stem}.fr.svg"):
            renderer = QSvgRenderer(str(folder / variant))
            assert renderer.isValid(), folder / variant
            assert renderer.defaultSize().width() >= 300


# ---------------------------------------------------------------- curriculum 1.1 (issue 17)

SOURCES = "sources"
SELECT_ALL = re.compile(
    r"select all|all that apply|выберите все|все подходящие|все верные|все правильные"
    r"|toutes les (bonnes )?réponses|tout ce qui s.applique|cochez tout",
    re.IGNORECASE,
)


def _section_of(tr, line: int) -> str:
    """The id of the section holding ``line``."""
    return [s.id for s in tr.sections if s.line <= line][-1]


@pytest.mark.parametrize(("module", "lang"), [(m, lg) for m, lg, _c in CELLS])
def test_every_module_is_at_least_1_1_with_slides_and_minutes_in_every_section(module, lang):
    tr = COURSE.modules[module].translations[lang]
    major, minor, _patch = (int(n) for n in tr.version.split("."))
    assert (major, minor) >= (1, 1)
    planned = [s for s in tr.sections if s.id != SOURCES]
    assert all(s.minutes for s in planned), [s.id for s in planned if not s.minutes]
    assert sum(s.minutes or 0 for s in planned) == tr.duration_minutes
    quiz_section = _section_of(tr, tr.quiz.line)
    slides = Counter(slide.section for slide in tr.slides)
    for s in planned:
        if s.id != quiz_section:
            assert 2 <= slides[s.id] <= 4, (s.id, slides[s.id])
    assert slides[quiz_section] == 0 and slides[SOURCES] == 0
    for slide in tr.slides:
        assert slide.image or 3 <= len(slide.points) <= 6, slide.title


@pytest.mark.parametrize(("module", "lang"), [(m, lg) for m, lg, _c in CELLS])
def test_question_texts_leave_select_all_that_apply_to_the_interface(module, lang):
    quiz = COURSE.modules[module].translations[lang].quiz
    assert [q.id for q in quiz.questions if SELECT_ALL.search(q.text)] == []


def test_the_glossary_has_at_least_120_complete_entries():
    from courseware_app.core.glossary import LANGUAGES, glossary_for

    glossary = glossary_for(BUNDLED_CONTENT)
    assert glossary.diagnostics == ()
    assert len(glossary) >= 120
    for entry in glossary.entries:
        assert entry.source
        for lang in LANGUAGES:
            wording = entry.wording(lang)
            assert wording is not None and wording.term, (entry.id, lang)
            assert wording.definition.endswith((".", "»", ")")), (entry.id, lang)
            assert all(a.reason for a in wording.avoid), (entry.id, lang)
