"""Issue 15, honest checks: one file is checked as the folder checks it, and a quiz error does
not hide the rest of a module's problems."""

from pathlib import Path

from courseware_app.core.course import Status
from courseware_app.core.loader import display_path, load_course
from courseware_app.core.validate import validate_course, validate_file, validate_path
from tests.core.helpers import COURSE, good_module, write_tree

SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"


def front(lang: str, version: str = "1.1.0", follows: str = "1.1.0") -> str:
    tf = f'\ntranslated_from: "{follows}"' if lang != "en" else ""
    return (
        f'---\nid: m1\nversion: "{version}"\ntitle: Title {lang}\nsummary: Summary\n'
        f"duration_minutes: 30\nobjectives:\n  - Do a thing{tf}\n---\n"
    )


QUIZ = """\
::: quiz m1-quiz pass=70
? truefalse q1
Is it so?
answer: {answer}
explanation: Because.
:::
"""

SOURCE = (
    front("en")
    + "\n## One {#one minutes=10}\n\nText.\n\n"
    + '!!! slide "Points"\n    - First\n    - Second\n    - Third\n'
    + "\n## Two {#two minutes=10}\n\n![A picture](pic.svg)\n"
    + "\n## Three {#three minutes=10}\n\n"
    + QUIZ.format(answer="true")
)

# Every problem the validator can find in one translation (one per line, after the body).
RU_PROBLEMS = {
    "link-unknown-module": "См. [модуль](ghost).",
    "link-unknown-section": "См. [раздел][r].\n\n[r]: m2#nope",
    "image-missing": "![Нет](nothere.svg)",
    "typo-straight-quotes": 'Слово "в кавычках".',
    "trainer-note-spelling": '!!! Trainer "План"\n    Текст.',
}
RU = (
    front("ru", follows="1.0.0")  # translation-outdated
    + "\n## Один {#one minutes=10}\n\nТекст.\n"  # no slide: presenting-differs
    + "\n## Два {#two minutes=20}\n\n![Рисунок](pic.svg)\n\n"  # image-variant-missing
    + "\n\n".join(RU_PROBLEMS.values())
    + "\n\n"
    + QUIZ.format(answer="false")  # quiz-mismatch; and section 'three' is missing
)
EXPECTED = {
    *RU_PROBLEMS,
    "translation-outdated",
    "presenting-differs",
    "image-variant-missing",
    "quiz-mismatch",
    "sections-differ",
}


def tree(tmp_path: Path, ru: str = RU) -> Path:
    files = {
        **good_module("m2"),
        "modules/m1/en.md": SOURCE,
        "modules/m1/ru.md": ru,
        "modules/m1/fr.md": SOURCE.replace(front("en"), front("fr")),
        "modules/m1/pic.svg": SVG,
        "modules/m1/pic.fr.svg": SVG,
    }
    return write_tree(tmp_path / "c", files, COURSE)


def for_file(diags, path: Path):
    return [d for d in diags if d.file == display_path(path)]


def test_one_file_reports_what_the_folder_reports_for_it(tmp_path):
    root = tree(tmp_path)
    ru = root / "modules" / "m1" / "ru.md"
    folder = for_file(validate_course(load_course(root)), ru)
    assert {d.code for d in folder} == EXPECTED
    assert validate_file(ru) == folder
    assert validate_path(ru) == folder


def test_each_file_of_the_module_matches_the_folder(tmp_path):
    root = tree(tmp_path)
    everything = validate_path(root)
    for lang in ("en", "ru", "fr"):
        path = root / "modules" / "m1" / f"{lang}.md"
        assert validate_file(path) == for_file(everything, path), lang


def test_a_file_named_from_inside_its_module_folder(tmp_path, monkeypatch):
    root = tree(tmp_path)
    expected = for_file(validate_path(root), root / "modules" / "m1" / "ru.md")
    monkeypatch.chdir(root / "modules" / "m1")
    found = validate_file(Path("ru.md"))
    assert [(d.file, d.code, d.line) for d in found] == [
        ("ru.md", d.code, d.line) for d in expected
    ]


def test_a_file_of_an_unlisted_module_is_still_checked_against_the_course(tmp_path):
    root = tree(tmp_path)
    (root / "modules" / "m3").mkdir()
    text = front("ru").replace("id: m1", "id: m3") + "\n## A {#a}\n\nSee [x](ghost).\n"
    (root / "modules" / "m3" / "ru.md").write_text(text, encoding="utf-8")
    found = {(d.code, d.line) for d in validate_file(root / "modules" / "m3" / "ru.md")}
    assert ("link-unknown-module", 14) in found


def test_a_quiz_error_does_not_hide_the_module_s_other_problems(tmp_path):
    broken_quiz = "::: quiz m1-quiz pass=70\n? single q1\nWhich?\n- [ ] No right answer\n:::\n"
    ru = RU.replace(QUIZ.format(answer="false"), broken_quiz)
    root = tree(tmp_path, ru)
    path = root / "modules" / "m1" / "ru.md"
    course = load_course(root)
    assert course.modules["m1"].status("ru") == Status.ERROR  # the reader still refuses it
    assert "ru" not in course.modules["m1"].translations
    codes = {d.code for d in for_file(validate_course(course), path)}
    assert {"quiz-no-correct", *RU_PROBLEMS, "translation-outdated", "sections-differ"} <= codes
    assert "quiz-mismatch" not in codes  # its quiz is not what was written: not compared
    assert {d.code for d in validate_file(path)} == codes


def test_a_broken_source_quiz_still_checks_the_translations(tmp_path):
    root = tree(tmp_path)
    source = root / "modules" / "m1" / "en.md"
    source.write_text(SOURCE.replace("answer: true", "answer: maybe"), encoding="utf-8")
    diags = validate_path(root)
    ru = {d.code for d in for_file(diags, root / "modules" / "m1" / "ru.md")}
    assert {"translation-outdated", "sections-differ", "presenting-differs"} <= ru
    assert "quiz-mismatch" not in ru
    assert "quiz-answer-not-option" in {d.code for d in for_file(diags, source)}


def test_a_garbled_front_matter_field_does_not_hide_the_body_s_problems(tmp_path):
    ru = RU.replace("duration_minutes: 30", "duration_minutes: lots")
    root = tree(tmp_path, ru)
    codes = {d.code for d in validate_file(root / "modules" / "m1" / "ru.md")}
    assert {"frontmatter-field", "link-unknown-module", "image-missing"} <= codes
