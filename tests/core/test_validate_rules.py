"""Issue 15, validator rules: links and images in every language and in quiz text, unused
assets, image variants missing for some languages, slides and minutes against the source."""

from pathlib import Path

import pytest

from courseware_app.core.course import Severity
from courseware_app.core.loader import load_course
from courseware_app.core.validate import validate_course
from tests.core.helpers import front, good_module, write_tree

FIRST = 19  # the line the extra body text of helpers.good_module starts on (in en.md)


def first(lang: str) -> int:
    """That line in ``lang``'s file: a translation's front matter has translated_from too."""
    return FIRST + (lang != "en")


SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"


def module_files(per_lang: dict[str, str], **extra: str) -> dict[str, str]:
    """m1 with each language's extra body text, m2 as it is, and extra files in m1's folder."""
    files = {**good_module("m1"), **good_module("m2")}
    for lang, snippet in per_lang.items():
        files.update(
            good_module("m1", snippet)
            and {f"modules/m1/{lang}.md": good_module("m1", snippet)[f"modules/m1/{lang}.md"]}
        )
    files.update({f"modules/m1/{name}": text for name, text in extra.items()})
    return files


def findings(tmp_path: Path, per_lang: dict[str, str], **extra: str):
    """(code, file name, line, severity) of every finding in m1's folder."""
    root = write_tree(tmp_path / "c", module_files(per_lang, **extra))
    return {
        (d.code, Path(d.file).name, d.line, d.severity)
        for d in validate_course(load_course(root))
        if Path(d.file).parent.name == "m1"
    }


def codes_of(found, name: str) -> set[tuple[str, int]]:
    return {(code, line) for code, file, line, _sev in found if file == name}


# ---------------------------------------------------------------- links in every language

DEAD_LINKS = [
    ("See [it](ghost).", "link-unknown-module", FIRST),
    ("See [it](m2#nope).", "link-unknown-section", FIRST),
    ("See [it](#nope).", "link-unknown-section", FIRST),
    ("See [it][r].\n\n[r]: module:ghost", "link-unknown-module", FIRST + 2),
    ("See [it][r].\n\n[r]: m2#nope", "link-unknown-section", FIRST + 2),
    ("![it](nothere.svg)", "image-missing", FIRST),
    ("![it][p]\n\n[p]: nothere.svg", "image-missing", FIRST + 2),
]


@pytest.mark.parametrize("lang", ["en", "ru", "fr"])
@pytest.mark.parametrize(("snippet", "code", "line"), DEAD_LINKS)
def test_dead_links_and_images_are_reported_in_every_language(tmp_path, lang, snippet, code, line):
    found = findings(tmp_path, {lang: snippet})
    assert (code, line - FIRST + first(lang)) in codes_of(found, f"{lang}.md")
    assert not any(
        c == code
        for other in {"en", "ru", "fr"} - {lang}
        for c, _ in codes_of(found, f"{other}.md")
    )


QUIZ = """\
::: quiz m1-quiz pass=70
? truefalse q1
It holds. See [the rule](ghost) and ![the chart](chart.svg).
answer: true
explanation: Because of [this section](m2#nope).
:::"""


def test_links_and_images_in_quiz_text_are_checked(tmp_path):
    found = codes_of(findings(tmp_path, {"en": QUIZ}), "en.md")
    assert {
        ("link-unknown-module", FIRST + 2),
        ("image-missing", FIRST + 2),
        ("link-unknown-section", FIRST + 4),
    } <= found


def test_a_quiz_image_that_exists_passes_and_is_an_asset_in_use(tmp_path):
    quiz = QUIZ.replace("[the rule](ghost)", "it").replace("[this section](m2#nope)", "that")
    found = findings(tmp_path, {lang: quiz for lang in ("en", "ru", "fr")}, **{"chart.svg": SVG})
    assert {c for c, *_ in found} == set()


def test_a_section_of_a_module_whose_translation_failed_is_still_known(tmp_path):
    files = module_files({"ru": "See [it](m2#two) and [that](m2#nope)."})
    files["modules/m2/ru.md"] = files["modules/m2/ru.md"].replace("More.", "## Bad heading")
    root = write_tree(tmp_path / "c", files)
    found = [d for d in validate_course(load_course(root)) if d.file.endswith("m1/ru.md")]
    assert [(d.code, d.message) for d in found] == [
        ("link-unknown-section", "module 'm2' has no section 'nope'")
    ]


# ---------------------------------------------------------------- assets


def test_a_file_no_language_uses_is_an_unused_asset(tmp_path):
    found = findings(
        tmp_path,
        {lang: "![Pic](pic.svg) [data](data.csv)" for lang in ("en", "ru", "fr")},
        **{"pic.svg": SVG, "data.csv": "a\n", "old.svg": SVG, ".hidden": "x", "de.md": "x"},
    )
    unused = {(file, line, sev) for code, file, line, sev in found if code == "asset-unused"}
    assert unused == {("old.svg", 1, Severity.WARNING), ("de.md", 1, Severity.WARNING)}


def test_a_language_variant_is_used_when_its_language_uses_the_image(tmp_path):
    found = findings(
        tmp_path,
        {"en": "![Pic](pic.svg)", "ru": "![Pic](pic.svg)"},
        **{"pic.svg": SVG, "pic.ru.svg": SVG, "pic.fr.svg": SVG},
    )
    unused = {file for code, file, *_ in found if code == "asset-unused"}
    assert unused == {"pic.fr.svg"}  # fr does not show pic.svg at all


def test_an_image_used_only_by_a_failed_file_is_not_called_unused(tmp_path):
    broken = "![Pic](pic.svg)\n\n## Bad heading"
    found = findings(tmp_path, {"ru": broken}, **{"pic.svg": SVG})
    assert "asset-unused" not in {c for c, *_ in found}
    assert ("section-no-id", first("ru") + 2) in codes_of(found, "ru.md")


# ---------------------------------------------------------------- image variants


def test_an_image_variant_missing_for_a_language_is_a_warning_where_it_shows(tmp_path):
    uses = {lang: "Text.\n\n![Pic](pic.svg)" for lang in ("en", "ru", "fr")}
    found = findings(tmp_path, uses, **{"pic.svg": SVG, "pic.ru.svg": SVG})
    variants = {
        (file, line, sev) for code, file, line, sev in found if code == "image-variant-missing"
    }
    assert variants == {("fr.md", first("fr") + 2, Severity.WARNING)}


def test_variants_for_every_translation_are_no_problem(tmp_path):
    uses = {lang: "![Pic](pic.svg)" for lang in ("en", "ru", "fr")}
    found = findings(tmp_path, uses, **{"pic.svg": SVG, "pic.ru.svg": SVG, "pic.fr.svg": SVG})
    assert found == set()


# ---------------------------------------------------------------- slides and minutes

SLIDE = '!!! slide "Points"\n    - First\n    - Second\n    - Third'
PICTURE = '!!! slide "Picture"\n    ![Pic](pic.svg)'


def test_a_slide_missing_in_a_translation_is_reported_on_its_section(tmp_path):
    found = findings(tmp_path, {"en": SLIDE, "fr": SLIDE})
    ru = codes_of(found, "ru.md")
    assert ru == {("presenting-differs", 16)}  # the line of '## Two {#two}'
    assert codes_of(found, "fr.md") == set() and codes_of(found, "en.md") == set()


def test_a_picture_slide_against_a_points_slide_is_reported(tmp_path):
    found = findings(tmp_path, {"en": SLIDE, "ru": PICTURE, "fr": SLIDE}, **{"pic.svg": SVG})
    assert ("presenting-differs", 16) in codes_of(found, "ru.md")


def test_minutes_that_differ_from_the_source_are_reported(tmp_path):
    files = {**good_module("m1"), **good_module("m2")}
    for lang, minutes in (("en", (10, 20)), ("ru", (10, 20)), ("fr", (15, 15))):
        text = files[f"modules/m1/{lang}.md"].replace("{#one}", f"{{#one minutes={minutes[0]}}}")
        files[f"modules/m1/{lang}.md"] = text.replace("{#two}", f"{{#two minutes={minutes[1]}}}")
    root = write_tree(tmp_path / "c", files)
    found = [
        (Path(d.file).name, d.line, d.code, d.severity)
        for d in validate_course(load_course(root))
        if d.code == "presenting-differs"
    ]
    assert found == [
        ("fr.md", 12, "presenting-differs", Severity.WARNING),
        ("fr.md", 16, "presenting-differs", Severity.WARNING),
    ]


def test_the_front_helper_line_numbers_hold():
    """The line numbers above: front() is 10 lines for a translation, 9 for the source."""
    assert front("ru").count("\n") == 10 and front("en").count("\n") == 9
