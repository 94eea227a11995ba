"""core.parity: a translation's structure per section, and where two languages differ."""

import re

from courseware_app.core.loader import load_course
from courseware_app.core.parity import (
    MARK_SIGN,
    aligned_section,
    counterpart,
    differences,
    mark_lines,
    mark_page,
    marks_for,
    shape_of,
)
from courseware_app.core.render import module_page
from tests.conftest import BUNDLED_CONTENT
from tests.core.helpers import front, write_tree

SLIDE = '!!! slide "Three steps"\n    - Context\n    - Risks\n    - Analysis\n'
NOTE = '!!! trainer "Say"\n    Ask the room.\n'
QUIZ = (
    "::: quiz q pass=70\n? truefalse q-one\nTrue?\nanswer: true\n\n"
    "? truefalse q-two\nFalse?\nanswer: false\n:::\n"
)

EN = (
    "\n## One {#one}\n\nText.\n\n"
    '!!! warning "Common mistake"\n    Do not.\n\n'
    f"{SLIDE}\n{NOTE}\n"
    '```markdown\n!!! tip "Not a callout: code"\n```\n\n'
    "## Two {#two}\n\nMore.\n\n"
    "## Quiz {#quiz}\n\n" + QUIZ
)
RU = (
    "\n## Один {#one}\n\nТекст.\n\n"
    '!!! warning "Частая ошибка"\n    Не надо.\n\n'
    '!!! tip "На практике"\n    Так.\n\n'
    "## Тест {#quiz}\n\n" + QUIZ.replace("? truefalse q-two\nFalse?\nanswer: false\n", "")
)


def course(tmp_path):
    files = {
        "modules/m1/en.md": front("en") + EN,
        "modules/m1/ru.md": front("ru") + RU,
        "modules/m1/fr.md": front("fr") + EN,
        "modules/m2/en.md": front("en", module="m2") + "\n## One {#one}\n\nText.\n",
    }
    return load_course(write_tree(tmp_path / "c", files))


def test_a_shape_holds_each_sections_notes_callouts_slides_and_questions(tmp_path):
    shape = shape_of(course(tmp_path).modules["m1"].translations["en"])
    assert shape.ids() == ["one", "two", "quiz"]
    one = shape.section("one")
    assert one is not None
    assert [(i.kind, i.key, i.title) for i in one.items] == [
        ("callout", "warning 1", "Common mistake"),
        ("slide", "slide 1", "Three steps"),
        ("note", "trainer 1", "Say"),
    ]  # the callout in a code block is not one
    quiz = shape.section("quiz")
    assert quiz is not None
    assert [i.title for i in quiz.items] == ["q-one", "q-two"]


def test_differences_say_what_each_side_lacks_section_by_section(tmp_path):
    module = course(tmp_path).modules["m1"]
    en, ru = shape_of(module.translations["en"]), shape_of(module.translations["ru"])
    marks = {m.section: m for m in differences(en, ru)}
    assert [i.key for i in marks["one"].only_here] == ["slide 1", "trainer 1"]
    assert [i.key for i in marks["one"].missing_here] == ["tip 1"]
    assert [(i.kind, i.key) for i in marks["two"].only_here] == [("section", "two")]
    assert [i.title for i in marks["quiz"].only_here] == ["q-two"]
    back = {m.section: m for m in differences(ru, en)}
    # the section Russian lacks is marked at the one before it
    assert [i.key for i in back["one"].missing_here] == ["slide 1", "trainer 1", "two"]
    assert [i.title for i in back["quiz"].missing_here] == ["q-two"]


def test_trainees_are_not_told_about_trainer_notes(tmp_path):
    module = course(tmp_path).modules["m1"]
    marks = marks_for(module, "en", "ru", trainer=False)
    kinds = {i.kind for m in marks for i in (*m.only_here, *m.missing_here)}
    assert "note" not in kinds
    assert "slide" in kinds


def test_identical_languages_have_no_marks(tmp_path):
    module = course(tmp_path).modules["m1"]
    assert marks_for(module, "en", "fr", trainer=True) == []
    assert marks_for(module, "en", "en", trainer=True) == []
    assert marks_for(course(tmp_path).modules["m2"], "en", "ru", trainer=True) == []  # no ru


def test_the_bundled_course_has_the_same_structure_in_every_language():
    c = load_course(BUNDLED_CONTENT)
    for module in c.modules.values():
        for lang in ("ru", "fr"):
            assert marks_for(module, "en", lang, trainer=True) == [], (module.id, lang)


def test_a_section_missing_on_the_other_side_aligns_with_the_one_before_it(tmp_path):
    module = course(tmp_path).modules["m1"]
    en, ru = shape_of(module.translations["en"]), shape_of(module.translations["ru"])
    assert counterpart(en, ru, "one") == "one"
    assert counterpart(en, ru, "two") == "one"
    assert counterpart(en, ru, "quiz") == "quiz"
    assert counterpart(ru, en, "quiz") == "quiz"
    assert counterpart(en, ru, "") == ""
    assert aligned_section(module, "en", "ru", "two") == "one"
    assert aligned_section(course(tmp_path).modules["m2"], "en", "ru", "one") == "one"


def test_marks_are_sentences_under_each_sections_heading(tmp_path):
    c = course(tmp_path)
    module = c.modules["m1"]
    marks = marks_for(module, "ru", "en", trainer=True)
    lines = mark_lines(marks[0], "English")
    assert lines == [
        "Not in English: tip callout “На практике”.",
        "Only in English: slide “Three steps”, trainer note “Say”, section “Two”.",
    ]
    page, _rendered = module_page(c, "m1", "ru", trainer=True, theme=None)
    marked = mark_page(page, marks, "English")
    heading = re.search(r'<h2 id="one">.*?</h2>', marked, re.S)
    assert heading is not None
    after = marked[heading.end() :]
    assert after.index(f"{MARK_SIGN} Not in English") < after.index("Текст.")
    assert marked.count(MARK_SIGN) == 3  # two lines under "one", one under "quiz"
