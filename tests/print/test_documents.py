"""core.documents: what each kind holds, decided without Qt (HTML parts)."""

from __future__ import annotations

import re

import pytest

from courseware_app.core.documents import (
    KINDS,
    TRAINEE_KINDS,
    DocumentError,
    DocumentRequest,
    build_document,
)
from courseware_app.core.documents.registry import KIND_CLASSES
from courseware_app.core.render import trainer_notes_html
from tests.print.conftest import html_text

SECRET_NOTE = "SECRET-TRAINER-TEXT"
SECRET_EXPLANATION = "SECRET-EXPLANATION"


def text_of(course, kind, modules=("alpha",), lang="en", **kw) -> str:
    document = build_document(course, DocumentRequest(kind, modules, lang, **kw))
    return html_text(" ".join(document.parts))


def test_every_kind_is_one_registered_class(course):
    build_document(course, DocumentRequest("handout", ("alpha",), "en"))
    assert set(KIND_CLASSES) == set(KINDS)


@pytest.mark.parametrize("kind", ["handout", "quiz"])
def test_trainee_kinds_hold_no_note_answer_explanation_or_feedback(course, kind):
    text = text_of(course, kind)
    assert SECRET_NOTE not in text
    assert SECRET_EXPLANATION not in text
    assert "Not this." not in text  # an option's feedback
    assert "Answer:" not in text


def test_the_handout_has_the_trainee_text_tables_and_the_quiz_named(course):
    text = text_of(course, "handout")
    assert "Release is not clearance." in text  # a callout
    assert "Likelihood Consequence Level" in text  # a table's header
    assert "Check yourself — 7 questions" in text
    assert "Which one is right?" not in text  # the questions are the paper quiz's


def test_the_trainer_guide_has_notes_timing_and_answer_keys(course):
    text = text_of(course, "trainer-guide")
    assert SECRET_NOTE in text
    assert SECRET_EXPLANATION in text
    assert "Timing" in text and "Group exercise — 20 min" in text
    assert "Answer: B. Right one" in text


def test_the_answer_key_has_answers_points_and_explanations(course):
    text = text_of(course, "answer-key")
    assert "Answer: B. Right one" in text
    assert "(2 points)" in text and "Total: 8 points" in text
    assert SECRET_EXPLANATION in text
    assert "post-clearance audit / PCA" in text


def test_the_paper_quiz_has_lines_boxes_and_shuffled_orders(course):
    document = build_document(course, DocumentRequest("quiz", ("alpha",), "en"))
    text = html_text(document.parts[0])
    assert "Name: ____" in text and "Date: ____" in text and "Post: ____" in text
    assert text.count("\u2610") == 2 + 3 + 2  # single, multiple, true/false boxes
    order = re.search(r"Order the steps\..*?A\. (\w+)", text)
    assert order is not None and order.group(1) != "Context"  # not the answer's order


def test_several_modules_get_a_contents_list_and_headers_per_module(course):
    document = build_document(course, DocumentRequest("handout", ("alpha", "beta"), "en"))
    assert "Contents" in html_text(document.parts[0])
    assert document.part_titles[1:] == ("Alpha module", "Beta module")
    assert document.header(2) == "Beta module"


def test_the_whole_course_is_refused_while_a_module_has_errors(course):
    with pytest.raises(DocumentError, match="“gamma” has errors in en"):
        build_document(course, DocumentRequest("handout", (), "en"))


def test_a_module_missing_in_the_language_comes_in_its_source_with_a_banner(course):
    document = build_document(course, DocumentRequest("handout", ("beta",), "ru"))
    assert "Only in English." in html_text(document.parts[1])
    assert 'class="banner' in document.parts[1]


def test_pictures_are_listed_with_their_files(course):
    document = build_document(course, DocumentRequest("handout", ("alpha",), "ru"))
    files = dict(document.assets)
    assert files["asset:alpha/diagram.ru.svg"].is_file()


def test_the_page_label_is_in_the_document_language(course):
    from courseware_app.core.i18n import current_language

    document = build_document(course, DocumentRequest("handout", ("alpha",), "ru"))
    assert "{page}" in document.page_label and "{pages}" in document.page_label
    assert current_language() == "en"  # switched back after building


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        (DocumentRequest("handout", ("nope",), "en"), "no module “nope”"),
        (DocumentRequest("handout", ("alpha",), "de"), "no language “de”"),
        (DocumentRequest("poster", ("alpha",), "en"), "unknown kind “poster”"),
        (DocumentRequest("handout", ("alpha",), "en", paper="a3"), "unknown paper “a3”"),
        (DocumentRequest("quiz", ("beta",), "en"), "has a quiz"),
        (DocumentRequest("session-plan", ("alpha",), "en", start="9h"), "not HH:MM"),
        (DocumentRequest("certificate", ("alpha",), "en"), "needs a profile"),
    ],
)
def test_bad_requests_are_refused_with_a_reason(course, request_, words):
    with pytest.raises(DocumentError, match=words):
        build_document(course, request_)


def test_a_module_with_errors_is_refused(content_copy):
    from courseware_app.core.loader import load_course

    path = content_copy / "modules" / "alpha" / "ru.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("duration_minutes: 95", "duration_minutes: ["),
        encoding="utf-8",
    )
    broken = load_course(content_copy)
    with pytest.raises(DocumentError, match="“alpha” has errors in ru"):
        build_document(broken, DocumentRequest("handout", ("alpha",), "ru"))


# ---------------------------------------------------------------- session plan


def test_the_session_plan_slots_sections_from_the_start_time(course):
    text = text_of(course, "session-plan", ("alpha", "beta"), "en", start="08:30")
    assert "08:30–" in text
    assert "Introduction" in text and "Overview" in text
    assert "estimated from the module’s duration" in text  # no section plans minutes here


def test_session_plan_breaks_come_and_go_with_the_option(bundled):
    with_breaks = text_of(bundled, "session-plan", ("rm-02",), "en")
    without = text_of(bundled, "session-plan", ("rm-02",), "en", breaks=False)
    assert "Break" in with_breaks and "Break" not in without
    assert "09:00–09:15" in with_breaks  # rm-02's first section plans 15 minutes
    assert "Opening — 15 min, plenary" in with_breaks  # an activity, named by its note
    assert "estimated" not in with_breaks


def test_a_long_plan_runs_over_several_days(bundled):
    text = text_of(bundled, "session-plan", (), "en")
    assert "Day 1" in text and "Day 3" in text
    assert "Lunch" in text


# ---------------------------------------------------------------- certificate


def test_the_certificate_names_the_learner_modules_date_and_score(course, certified):
    document = build_document(
        course,
        DocumentRequest("certificate", ("alpha", "beta"), "fr", profile="Анна Петрова"),
        certified,
    )
    text = html_text(" ".join(document.parts))
    assert "Анна Петрова" in text and "alpha" in text.lower()
    assert "2 novembre 2026" in text and "85 %" in text.replace("\u202f", " ").replace("\xa0", " ")
    assert "beta" not in text.lower()
    assert len(document.parts) == 1


def test_a_certificate_with_nothing_completed_is_refused(course, certified):
    with pytest.raises(DocumentError, match="completed no module"):
        build_document(
            course, DocumentRequest("certificate", ("alpha",), "en", profile="Idle"), certified
        )


def test_a_certificate_for_an_unknown_profile_is_refused(course, certified, tmp_path):
    with pytest.raises(DocumentError, match="no profile “Zed”"):
        build_document(
            course, DocumentRequest("certificate", ("alpha",), "en", profile="Zed"), certified
        )
    with pytest.raises(DocumentError, match="no profile"):  # no progress recorded at all
        build_document(
            course,
            DocumentRequest("certificate", ("alpha",), "en", profile="Zed"),
            tmp_path / "empty",
        )


# ---------------------------------------------------------------- every kind, module, language


def _secrets(module, tr, feedback: bool = False) -> list[str]:
    """Phrases only a trainer may see: a sentence of each trainer note, each explanation
    (those the trainee's own text does not also say)."""
    from courseware_app.core.render import render_translation

    trainee = html_text(render_translation(tr, trainer=False).html)
    notes = trainer_notes_html(tr.body, module_id=module.id, lang=tr.lang, folder=tr.path.parent)
    found = [p for p in re.findall(r"<p>(.*?)</p>", notes, re.S) if len(p) > 40][:5]
    for quiz in tr.quizzes:
        found += [q.explanation for q in quiz.questions if len(q.explanation) > 30]
        if feedback:
            found += [o.feedback for q in quiz.questions for o in q.options if len(o.feedback) > 30]
    phrases = [html_text(f)[:60] for f in found]
    return [p for p in phrases if p not in trainee]


@pytest.mark.parametrize("lang", ["en", "ru", "fr"])
def test_matrix_trainee_kinds_never_leak_and_trainer_kinds_do_hold_them(bundled, lang):
    for module in bundled.ordered_modules():
        tr = module.best(lang)
        secrets = _secrets(module, tr)
        hidden = _secrets(module, tr, feedback=True)
        assert secrets, module.id
        for kind in KINDS:
            if kind == "certificate" or (kind in ("quiz", "answer-key") and not tr.quizzes):
                continue
            text = text_of(bundled, kind, (module.id,), lang)
            if kind in TRAINEE_KINDS:
                leaked = [s for s in hidden if s in text]
                assert not leaked, (kind, module.id, leaked)
            elif kind == "trainer-guide":
                missing = [s for s in secrets if s not in text]
                assert not missing, (module.id, missing)
