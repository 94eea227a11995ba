"""The loader on good and broken trees: every diagnostic, on the right line."""

from pathlib import Path

import pytest

from courseware_app.core.course import Severity, Status
from courseware_app.core.loader import load_course
from courseware_app.core.validate import validate_course, validate_path
from tests.conftest import TEST_CONTENT
from tests.core.helpers import COURSE, body, front, good_module, write_tree


def codes(diags):
    return {(d.code, Path(d.file).name, d.line) for d in diags}


def test_test_tree_loads_with_statuses():
    course = load_course(TEST_CONTENT)
    assert [t.id for t in course.tracks] == ["risk-management", "time-release-study"]
    alpha = course.modules["alpha"]
    assert alpha.status("en") == Status.OK
    assert alpha.status("ru") == Status.OK
    assert alpha.status("fr") == Status.OUTDATED  # follows 1.0.0, source is 1.2.0
    assert course.modules["beta"].status("ru") == Status.MISSING
    assert course.modules["gamma"].status("en") == Status.ERROR
    assert [s.id for s in alpha.source.sections] == ["intro", "matrix", "quiz"]
    assert alpha.source.trainer_notes == 1
    assert len(alpha.source.quiz.questions) == 7


def test_broken_module_does_not_stop_the_others():
    course = load_course(TEST_CONTENT)
    assert {"alpha", "beta", "gamma"} <= set(course.modules)
    errors = [d for d in course.errors if "gamma" in d.file]
    assert errors and errors[0].code == "version-not-string" and errors[0].line == 3


def test_good_tree_has_no_diagnostics(tmp_path):
    root = write_tree(tmp_path / "c", {**good_module("m1"), **good_module("m2")})
    assert validate_course(load_course(root)) == []


FRONT_CASES = [
    # (text of en.md, code, line)
    ("no front matter\n## A {#a}\n", "frontmatter-missing", 1),
    ("---\nid: m1\n", "frontmatter-unclosed", 1),
    ("---\nid: m1\ntitle: [unclosed\n---\n## A {#a}\n", "frontmatter-yaml", 3),
    (front(extra="").replace("summary: Summary\n", "") + body(), "frontmatter-field", 1),
    (front(version="1.10") + body(), "version-not-string", 3),
    (front(version='"1.0"') + body(), "version-invalid", 3),
    (front().replace("id: m1", "id: other") + body(), "id-mismatch", 2),
    (front(extra='\ntranslated_from: "1.0.0"') + body(), "translated-from-in-source", 9),
    (
        front().replace("duration_minutes: 30", "duration_minutes: soon") + body(),
        "frontmatter-field",
        6,
    ),
    (front() + "\n## No id here\n", "section-no-id", 11),
    (front() + "\n## Bad {#Bad_Id}\n", "section-bad-id", 11),
    (front() + "\n## A {#a}\n\n## B {#a}\n", "section-duplicate-id", 13),
    (front() + "\nIntro text\n\n## A {#a}\n", "content-before-section", 11),
    (front() + "\n# Heading one\n\n## A {#a}\n", "h1-in-body", 11),
    (front() + "\nJust text, no sections.\n", "no-sections", 10),
    (front() + "\n## A {#a}\n\n```python\nx = 1\n", "fence-unclosed", 15),
    (
        front()
        + "\n## A {#a}\n\n::: quiz q1\n? single a\nText?\n- [x] yes\n- [ ] no\nexplanation: e\n",
        "quiz-unclosed",
        13,
    ),
]


@pytest.mark.parametrize(("text", "code", "line"), FRONT_CASES, ids=[c[1] for c in FRONT_CASES])
def test_each_file_diagnostic_on_its_line(tmp_path, text, code, line):
    files = good_module("m1")
    files["modules/m1/en.md"] = text
    diags = load_course(write_tree(tmp_path / "c", {**files, **good_module("m2")})).diagnostics
    assert (code, "en.md", line) in codes(diags), [d.format() for d in diags]


def test_translation_without_translated_from_is_an_error(tmp_path):
    files = good_module("m1")
    files["modules/m1/ru.md"] = front("ru").replace('translated_from: "1.0.0"\n', "") + body()
    diags = load_course(write_tree(tmp_path / "c", {**files, **good_module("m2")})).diagnostics
    assert ("translated-from-missing", "ru.md", 1) in codes(diags)


def test_not_utf8_is_reported_with_line(tmp_path):
    files = good_module("m1")
    files["modules/m1/en.md"] = (front() + body()).encode() + b"\n\xff\xfe broken\n"
    diags = load_course(write_tree(tmp_path / "c", {**files, **good_module("m2")})).diagnostics
    bad = [d for d in diags if d.code == "file-encoding"]
    assert bad and bad[0].line == 19


def test_manifest_problems(tmp_path):
    assert ("course-missing", "course.yaml", 1) in codes(load_course(tmp_path).diagnostics)
    root = write_tree(tmp_path / "a", {}, course="id: x\ntracks: [\n")
    assert any(d.code == "course-yaml" for d in load_course(root).diagnostics)
    root = write_tree(tmp_path / "b", good_module("m1"), course=COURSE.replace('"1.0.0"', "1.0"))
    assert ("version-not-string", "course.yaml", 2) in codes(load_course(root).diagnostics)
    root = write_tree(tmp_path / "c", good_module("m1"))
    assert any(d.code == "module-not-found" for d in load_course(root).diagnostics)
    root = write_tree(
        tmp_path / "d", {**good_module("m1"), **good_module("m2"), **good_module("extra")}
    )
    assert any(d.code == "module-not-listed" for d in load_course(root).diagnostics)
    root = write_tree(
        tmp_path / "e",
        {**good_module("m1"), **good_module("m2")},
        course=COURSE.replace("modules: [m1, m2]", "modules: [m1, m2, m1]"),
    )
    assert any(d.code == "module-duplicate" for d in load_course(root).diagnostics)
    root = write_tree(
        tmp_path / "f",
        {**good_module("m1"), **good_module("m2")},
        course=COURSE.replace("{en: RM, ru: УР, fr: GR}", "{en: RM}"),
    )
    assert any(
        d.code == "course-title-missing" and d.severity == Severity.WARNING
        for d in load_course(root).diagnostics
    )


def test_missing_translation_is_a_warning_and_missing_source_an_error(tmp_path):
    files = {**good_module("m1"), **good_module("m2")}
    del files["modules/m1/fr.md"]
    del files["modules/m2/en.md"]
    diags = load_course(write_tree(tmp_path / "c", files)).diagnostics
    by_file = {
        (Path(d.file).parent.name, Path(d.file).name): d
        for d in diags
        if d.code == "translation-missing"
    }
    assert by_file[("m1", "fr.md")].severity == Severity.WARNING
    assert by_file[("m2", "en.md")].severity == Severity.ERROR


CROSS_CASES = [
    ("[x](nowhere)", "link-unknown-module"),
    ("[x](m2#nope)", "link-unknown-section"),
    ("[x](data.csv)", "link-missing-file"),
    ("[x](../up/file.txt)", "link-unknown"),
    ("![x](missing.svg)", "image-missing"),
    ("![x](https://example.org/a.png)", "image-remote"),
]


@pytest.mark.parametrize(("snippet", "code"), CROSS_CASES, ids=[c[1] for c in CROSS_CASES])
def test_links_and_images_checked_with_line(tmp_path, snippet, code):
    files = {**good_module("m1", extra_body=snippet), **good_module("m2")}
    diags = validate_course(load_course(write_tree(tmp_path / "c", files)))
    hits = [d for d in diags if d.code == code and Path(d.file).name == "en.md"]
    assert hits and hits[0].line == 19, [d.format() for d in diags]


def test_good_links_pass(tmp_path):
    snippet = "[a](m2) [b](m2#two) [c](#one) [d](data.csv) [e](https://example.org) ![f](pic.svg)"
    files = {
        **good_module("m1", extra_body=snippet),
        **good_module("m2"),
        "modules/m1/data.csv": "a,b\n",
        "modules/m1/pic.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    }
    diags = validate_course(load_course(write_tree(tmp_path / "c", files)))
    assert [d for d in diags if d.code.startswith(("link", "image"))] == []


def test_sections_must_match_the_source(tmp_path):
    files = {**good_module("m1"), **good_module("m2")}
    files["modules/m1/ru.md"] = front("ru") + "\n## Один {#one}\n\nТекст.\n\n## Три {#three}\n"
    diags = validate_course(load_course(write_tree(tmp_path / "c", files)))
    hit = [d for d in diags if d.code == "sections-differ"]
    assert hit and "two" in hit[0].message and "three" in hit[0].message


def test_outdated_translation_is_reported(tmp_path):
    files = {**good_module("m1"), **good_module("m2")}
    files["modules/m1/en.md"] = front(version='"1.1.0"') + body()
    course = load_course(write_tree(tmp_path / "c", files))
    assert course.modules["m1"].status("ru") == Status.OUTDATED
    assert any(d.code == "translation-outdated" for d in validate_course(course))
    files["modules/m1/en.md"] = front(version='"1.0.3"') + body()
    course = load_course(write_tree(tmp_path / "d", files))
    assert course.modules["m1"].status("ru") == Status.OK  # a patch does not count


def test_typography_warnings_for_ru_and_fr(tmp_path):
    files = {**good_module("m1"), **good_module("m2")}
    files["modules/m1/ru.md"] = front("ru") + body('Так называемый "коридор".')
    files["modules/m1/fr.md"] = front("fr") + body(
        "Pourquoi? Voici la liste: « ok » et «mal».\n\nÀ 10:30 ; bien\u00a0!"
    )
    diags = validate_course(load_course(write_tree(tmp_path / "c", files)))
    found = codes(diags)
    assert ("typo-straight-quotes", "ru.md", 20) in found
    assert ("typo-nbsp", "fr.md", 20) in found
    assert ("typo-nbsp", "fr.md", 22) in found  # " ;" with an ordinary space
    clean = {
        **good_module("m1", "Pourquoi\u00a0? Voici\u00a0: «\u00a0ok\u00a0» à 10:30."),
        **good_module("m2"),
    }
    diags = validate_course(load_course(write_tree(tmp_path / "d", clean)))
    assert [d for d in diags if d.code.startswith("typo")] == []


def test_validate_single_file(tmp_path):
    root = write_tree(tmp_path / "c", {**good_module("m1"), **good_module("m2")})
    assert validate_path(root / "modules" / "m1" / "en.md") == []
    (root / "modules" / "m1" / "en.md").write_text(front() + "\n## X\n", encoding="utf-8")
    assert {d.code for d in validate_path(root / "modules" / "m1" / "en.md")} == {
        "section-no-id",
        "no-sections",
    }
