"""Hostile content: YAML bombs, wrong types and pathological Markdown are refused quickly,
each with a diagnostic on its line (issue 20 #3, #10, #16)."""

import time
from pathlib import Path

from courseware_app.core import limits
from courseware_app.core.loader import load_course
from tests.core.helpers import COURSE, front, good_module, write_tree

BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [
        f"{c}: &{c} [{','.join(['*' + p] * 9)}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
)


def _tree(tmp_path: Path, en: str | bytes | None = None, course: str = COURSE) -> Path:
    files = {**good_module("m1"), **good_module("m2")}
    if en is not None:
        files["modules/m1/en.md"] = en
    return write_tree(tmp_path / "c", files, course=course)


def _timed_load(root: Path):
    start = time.perf_counter()
    course = load_course(root)
    return course, time.perf_counter() - start


def _codes(course, name="en.md"):
    return {(d.code, d.line) for d in course.errors if Path(d.file).name == name}


def test_billion_laughs_in_front_matter_is_refused_at_once(tmp_path):
    text = front(extra="\n" + BOMB + "\nsee: *i") + "\n## A {#a}\n"
    course, seconds = _timed_load(_tree(tmp_path, text))
    assert seconds < 1
    assert ("yaml-alias", 9) in _codes(course)
    assert "en" in course.modules["m1"].failed


def test_billion_laughs_in_course_yaml_is_refused_at_once(tmp_path):
    course, seconds = _timed_load(_tree(tmp_path, course=COURSE + BOMB + "\n"))
    assert seconds < 1
    assert ("yaml-alias", 10) in _codes(course, "course.yaml")


def test_a_single_anchor_is_refused_too(tmp_path):
    text = front().replace("summary: Summary", "summary: &s Summary") + "\n## A {#a}\n"
    course = load_course(_tree(tmp_path, text))
    assert ("yaml-alias", 5) in _codes(course)


def test_yaml_over_the_size_limit_is_refused(tmp_path):
    padding = "# " + "x" * 70 + "\n"
    big = padding * (limits.MAX_YAML_BYTES // len(padding) + 1)
    course = load_course(_tree(tmp_path, course=COURSE + big))
    assert any(code == "limit-file-size" for code, _ in _codes(course, "course.yaml"))
    text = front(extra="\n" + big) + "\n## A {#a}\n"
    course = load_course(_tree(tmp_path, text))
    assert any(code == "limit-yaml-size" for code, _ in _codes(course))
