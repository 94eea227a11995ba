"""course.yaml: its shape is checked before any value is used (issue 20 #5, #6)."""

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from courseware_app.core.loader import load_course
from tests.core.helpers import COURSE, good_module, write_tree


def _load(tmp_path: Path, course: str, modules=("m1", "m2")):
    files = {k: v for m in modules for k, v in good_module(m).items()}
    return load_course(write_tree(tmp_path / "c", files, course=course))


def _found(course, code: str) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in course.diagnostics if d.code == code]


def test_module_ids_outside_the_tree_are_refused(tmp_path):
    outside = tmp_path / "outside-mod"
    outside.mkdir()
    for lang in ("en", "ru", "fr"):
        text = good_module("outside-mod")[f"modules/outside-mod/{lang}.md"]
        (outside / f"{lang}.md").write_text(text, encoding="utf-8")
    course_text = COURSE.replace("modules: [m1, m2]", "modules: [m1, ../../outside-mod, /etc, m2]")
    course = _load(tmp_path, course_text)
    assert set(course.modules) == {"m1", "m2"}
    bad = _found(course, "module-bad-id")
    assert [line for line, _ in bad] == [9, 9]
    assert "../../outside-mod" in bad[0][1] and "/etc" in bad[1][1]
    assert all(t.modules == ("m1", "m2") for t in course.tracks)


WRONG_TYPES = [
    # (replace, with, line of the diagnostic)
    ("modules: [m1, m2]", "modules: [m1, {a: b}, m2]", 9),
    ("modules: [m1, m2]", "modules: [m1, [x], m2]", 9),
    ("modules: [m1, m2]", "modules: 5", 9),
    ("modules: [m1, m2]", "modules: {m1: x}", 9),
    ("languages: [en, ru, fr]", "languages: 5", 5),
    ("languages: [en, ru, fr]", "languages: enrufr", 5),
    ("languages: [en, ru, fr]", "languages: [en, {a: 1}, fr]", 5),
    ("languages: [en, ru, fr]", "languages: [en, ../x, fr]", 5),
    ("source_language: en", "source_language: [en]", 4),
    ("source_language: en", "source_language: de", 4),
    ("id: t", "id: {a: b}", 1),
    ("id: t", "id: 12", 1),
    ('version: "1.0.0"', "version: [1]", 2),
    ("title: {en: T, ru: Т, fr: T}", "title: [T]", 3),
    ("title: {en: T, ru: Т, fr: T}", "title: {en: {a: b}, ru: Т, fr: T}", 3),
    ("  - id: risk-management", "  - id: {x: 1}", 7),
    ("    title: {en: RM, ru: УР, fr: GR}", "    title: 7", 8),
    ("tracks:\n", "tracks: 3\nx:\n", 6),
]


@pytest.mark.parametrize(("old", "new", "line"), WRONG_TYPES, ids=[w[1] for w in WRONG_TYPES])
def test_each_wrong_type_is_a_diagnostic_on_its_line(tmp_path, old, new, line):
    assert old in COURSE
    course = _load(tmp_path, COURSE.replace(old, new))
    errors = [d for d in course.errors if d.file.endswith("course.yaml")]
    assert errors, "no error reported"
    assert line in [d.line for d in errors], [d.format() for d in errors]
    assert all(d.code in ("course-field", "module-bad-id", "version-not-string") for d in errors)


def test_a_good_manifest_still_loads_everything(tmp_path):
    course = _load(tmp_path, COURSE)
    assert course.diagnostics == ()
    assert course.id == "t" and course.version == "1.0.0"
    assert course.languages == ("en", "ru", "fr")
    assert course.tracks[0].title == {"en": "RM", "ru": "УР", "fr": "GR"}
    assert set(course.modules) == {"m1", "m2"}


def test_a_module_missing_is_reported_on_its_own_line(tmp_path):
    text = COURSE.replace("modules: [m1, m2]", "modules:\n      - m1\n      - nowhere\n      - m2")
    course = _load(tmp_path, text)
    assert _found(course, "module-not-found") == [
        (11, "module 'nowhere' has no folder modules/nowhere")
    ]


# ---------------------------------------------------------------- any course.yaml at all

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=16,
)
TRACK = st.fixed_dictionaries(
    {"id": VALUES | st.just("risk-management"), "title": VALUES, "modules": st.lists(VALUES)}
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "id": VALUES,
        "version": VALUES,
        "title": VALUES,
        "source_language": VALUES | st.sampled_from(["en", "ru", "xx"]),
        "languages": VALUES | st.lists(st.sampled_from(["en", "ru", "fr", "../x", ""])),
        "tracks": VALUES | st.lists(TRACK, max_size=3),
    },
)


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    files = {**good_module("m1"), **good_module("m2")}
    return write_tree(tmp_path_factory.mktemp("prop") / "c", files)


def _never_raises_and_is_fast(root: Path, text: str) -> None:
    (root / "course.yaml").write_text(text, encoding="utf-8")
    start = time.perf_counter()
    course = load_course(root)
    assert time.perf_counter() - start < 2
    assert all(isinstance(m, str) and "/" not in m for t in course.tracks for m in t.modules)
    assert all(isinstance(v, str) for v in course.title.values())
    assert all(isinstance(lang, str) for lang in course.languages)


@settings(max_examples=150, deadline=None)
@given(FIELDS)
def test_any_manifest_shape_loads_without_raising(tree, fields):
    _never_raises_and_is_fast(tree, yaml.safe_dump(fields, allow_unicode=True))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_course_yaml_loads_without_raising(tree, text):
    _never_raises_and_is_fast(tree, text)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(COURSE.split("\n")), VALUES)
def test_any_value_in_place_of_a_good_one_loads_without_raising(tree, line, value):
    key = line.split(":")[0]
    replaced = (
        f"{key}: {yaml.safe_dump(value, default_flow_style=True).strip()}" if ":" in line else line
    )
    _never_raises_and_is_fast(tree, COURSE.replace(line, replaced, 1))
