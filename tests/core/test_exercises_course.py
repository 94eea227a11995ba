"""A risk-matrix exercise in a module: loaded with its errors, shown as a box, projected as a
step, kept out of search and handouts, and compared across languages by the validator."""

from __future__ import annotations

from pathlib import Path

from courseware_app.core.course import Severity
from courseware_app.core.loader import load_course
from courseware_app.core.present.steps import StepKind, build_presentation
from courseware_app.core.render import markdown_to_html, render_translation
from courseware_app.core.search.documents import translation_docs
from courseware_app.core.validate import validate_course
from tests.core.helpers import front, good_module, write_tree

FIRST = 19  # the line of en.md where the extra body text of helpers.good_module starts

CARDS = [
    ("c-reefer", "Cigarettes behind *refrigerated* loads", "4 4", "Two seizures last quarter."),
    ("c-transit", "Transit goods sold here", "3 4", "Diversion found twice."),
    ("c-value", "Undervalued electronics", "4 3", "Prices far below the market."),
    ("c-origin", "False origin on textiles", "2 3", "One case in three years."),
    ("c-drugs", "Drugs in a container of fruit", "1 5", "Rare, but the harm is severe."),
]


def exercise_text(
    lang: str = "en", cards=CARDS, exercise_id: str = "rm-matrix", close: bool = True
) -> str:
    words = {"en": "Score the risks", "ru": "Оцените риски", "fr": "Évaluez les risques"}
    lines = [
        f"::: exercise risk-matrix {exercise_id}",
        f"title: {words[lang]}",
        "instructions: Place each card on the grid.",
        "likelihood: Rare | Unlikely | Possible | Likely | Almost certain",
        "consequence: Insignificant | Minor | Moderate | Major | Severe",
        "",
    ]
    for card_id, text, place, why in cards:
        lines += [f"? card {card_id}", text, f"place: {place}", f"why: {why}", ""]
    return "\n".join(lines + ([":::"] if close else []))


def tree(tmp_path: Path, per_lang: dict[str, str] | None = None) -> Path:
    """m1 with an exercise in its second section in every language (or the text given)."""
    files = {**good_module("m1"), **good_module("m2")}
    for lang in ("en", "ru", "fr"):
        text = (per_lang or {}).get(lang, exercise_text(lang))
        files[f"modules/m1/{lang}.md"] = good_module("m1", text)[f"modules/m1/{lang}.md"]
    return write_tree(tmp_path / "c", files)


def m1_findings(root: Path) -> set[tuple[str, str, int]]:
    return {
        (d.code, Path(d.file).name, d.line)
        for d in validate_course(load_course(root))
        if Path(d.file).parent.name == "m1"
    }


# ---------------------------------------------------------------- the loader


def test_a_module_holds_its_exercise_with_real_line_numbers(tmp_path):
    course = load_course(tree(tmp_path))
    tr = course.modules["m1"].translations["en"]
    [exercise] = tr.exercises
    assert (exercise.id, exercise.kind, exercise.line) == ("rm-matrix", "risk-matrix", FIRST)
    assert [c.id for c in exercise.cards] == [c[0] for c in CARDS]
    assert exercise.cards[0].line == FIRST + 6 and exercise.cards[0].place == (4, 4)
    assert course.modules["m1"].translations["ru"].exercises[0].title == "Оцените риски"
    assert not [d for d in course.diagnostics if d.severity == Severity.ERROR]


def test_an_exercise_error_fails_the_module_like_a_quiz_error(tmp_path):
    broken = exercise_text(cards=CARDS[:4])
    course = load_course(tree(tmp_path, {"en": broken}))
    assert "en" in course.modules["m1"].failed
    codes = {(d.code, d.line) for d in course.modules["m1"].failed["en"]}
    assert ("exercise-cards", FIRST) in codes


def test_an_unclosed_exercise_and_a_repeated_id_are_errors(tmp_path):
    twice = exercise_text() + "\n\n" + exercise_text()
    root = tree(tmp_path, {"en": twice, "ru": exercise_text("ru", close=False)})
    course = load_course(root)
    en = {(d.code, d.line) for d in course.modules["m1"].failed["en"]}
    ru = {(d.code, d.line) for d in course.modules["m1"].failed["ru"]}
    assert ("exercise-duplicate-id", FIRST + 33) in en  # the second one's opener
    assert ("exercise-unclosed", FIRST + 1) in ru  # a translation has one more front-matter line


def test_an_exercise_in_fenced_code_is_only_code(tmp_path):
    fenced = "```markdown\n" + exercise_text(cards=CARDS[:1]) + "\n```"
    course = load_course(tree(tmp_path, {"en": fenced}))
    tr = course.modules["m1"].translations["en"]
    assert tr.exercises == ()
    html = render_translation(tr).html
    assert "::: exercise risk-matrix" in html and "exercise:m1/" not in html


# ---------------------------------------------------------------- what trainees see


def test_the_reading_view_shows_a_box_with_the_title_the_count_and_a_link(tmp_path):
    tr = load_course(tree(tmp_path)).modules["m1"].translations["en"]
    html = render_translation(tr).html
    assert 'href="exercise:m1/rm-matrix"' in html
    assert "Score the risks" in html and "5 risk cards" in html and "Start the exercise" in html
    assert 'class="callout quiz exercise"' in html
    assert "Two seizures" not in html and "place:" not in html and "refrigerated" not in html


def test_without_a_placeholder_the_block_is_left_out_entirely():
    source = "## A {#a}\n\n" + exercise_text() + "\n\nAfter the exercise."
    html = markdown_to_html(source)[0]
    assert "After the exercise." in html
    assert "exercise" not in html.replace("After the exercise.", "")
    assert "Two seizures" not in html


def test_search_never_holds_the_model_places_or_justifications(tmp_path):
    tr = load_course(tree(tmp_path)).modules["m1"].translations["en"]
    docs = translation_docs(tr)
    text = " ".join(f"{d.body} {d.notes}" for d in docs)
    assert "More." in text  # the section around it is indexed
    assert "Two seizures" not in text and "Diversion found twice" not in text
    assert "place: 4 4" not in text


# ---------------------------------------------------------------- the presenter


def test_the_presenter_has_an_exercise_step_after_the_sections_blocks(tmp_path):
    extra = "| a | b |\n|---|---|\n| 1 | 2 |\n\n" + exercise_text()
    course = load_course(tree(tmp_path, {"en": extra}))
    presentation = build_presentation(course.modules["m1"].translations["en"])
    two = [s for s in presentation.steps if s.section == "two"]
    assert [s.kind for s in two] == [StepKind.SECTION, StepKind.BLOCK, StepKind.EXERCISE]
    step = two[-1]
    assert (step.exercise, step.title, step.ordinal) == ("rm-matrix", "Score the risks", 0)
    assert "5 risk cards" in step.html and "Place each card on the grid." in step.html
    assert "Two seizures" not in step.text and "Cigarettes" not in step.text


def test_the_exercise_step_is_in_the_rooms_language_and_pairs_across_languages(tmp_path):
    course = load_course(tree(tmp_path))
    en = build_presentation(course.modules["m1"].translations["en"])
    fr = build_presentation(course.modules["m1"].translations["fr"])
    [en_step] = [s for s in en.steps if s.kind == StepKind.EXERCISE]
    [fr_step] = [s for s in fr.steps if s.kind == StepKind.EXERCISE]
    assert en_step.key == fr_step.key and fr_step.title == "Évaluez les risques"


# ---------------------------------------------------------------- the validator


def test_the_same_exercise_in_every_language_passes(tmp_path):
    found = m1_findings(tree(tmp_path))
    assert not {f for f in found if f[0].startswith("exercise-")}


def test_a_card_placed_elsewhere_or_missing_in_a_translation_is_a_mismatch(tmp_path):
    moved = [(*CARDS[0][:2], "2 4", CARDS[0][3]), *CARDS[1:4], CARDS[4]]
    renamed = [*CARDS[:4], ("c-other", "Other", "1 5", "Why.")]
    root = tree(tmp_path, {"ru": exercise_text("ru", moved), "fr": exercise_text("fr", renamed)})
    found = m1_findings(root)
    ru_first, fr_first = FIRST + 1, FIRST + 1
    assert ("exercise-mismatch", "ru.md", ru_first + 6) in found
    assert ("exercise-mismatch", "fr.md", fr_first + 26) in found  # c-other, on its line
    assert ("exercise-mismatch", "fr.md", fr_first) in found  # c-drugs missing, on the opener
    assert not {f for f in found if f[1] == "en.md" and f[0].startswith("exercise-")}


def test_an_exercise_missing_or_of_another_id_in_a_translation_is_a_mismatch(tmp_path):
    root = tree(tmp_path, {"ru": "Text.", "fr": exercise_text("fr", exercise_id="other")})
    found = m1_findings(root)
    body_line = load_course(root).modules["m1"].translations["ru"].body_line
    assert ("exercise-mismatch", "ru.md", body_line) in found  # missing: the body's first line
    assert ("exercise-mismatch", "fr.md", FIRST + 1) in found  # 'other' is not in English
    assert ("exercise-mismatch", "fr.md", body_line) in found  # 'rm-matrix' is missing


def test_a_broken_exercise_is_not_also_compared(tmp_path):
    root = tree(tmp_path, {"ru": exercise_text("ru", CARDS[:4])})
    found = m1_findings(root)
    assert ("exercise-cards", "ru.md", FIRST + 1) in found
    assert not {f for f in found if f[0] == "exercise-mismatch"}


def test_french_typography_skips_the_exercise_keywords_but_reads_its_text(tmp_path):
    cards = [*CARDS[:4], ("c-drugs", 'Des "drogues" dans les fruits', "1 5", "Rare.")]
    root = tree(tmp_path, {"fr": exercise_text("fr", cards)})
    found = {(code, line) for code, name, line in m1_findings(root) if name == "fr.md"}
    assert ("typo-straight-quotes", FIRST + 1 + 27) in found
    assert not {f for f in found if f[0] == "typo-nbsp"}


def test_front_helper_lines_hold():
    lines = (front() + "\n## One {#one}\n\nText.\n\n## Two {#two}\n\nMore.\n\n").split("\n")
    assert len(lines) == FIRST
