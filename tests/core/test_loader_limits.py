"""Hostile content: YAML bombs, wrong types and pathological Markdown are refused quickly,
each with a diagnostic on its line (issue 20 #3, #10, #16)."""

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from courseware_app.core import limits
from courseware_app.core.loader import load_course
from courseware_app.core.render import module_page
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


FRONT_TYPES = [
    ("title: Title en", "title: {a: [1, 2]}", 4),
    ("title: Title en", "title: 12", 4),
    ("summary: Summary", "summary: [a, b]", 5),
    ("duration_minutes: 30", "duration_minutes: 1234567890123456789012", 6),
    ("duration_minutes: 30", "duration_minutes: 30.5", 6),
    ('version: "1.0.0"', "version: [1, 0]", 3),
    ("id: m1", "id: [m1]", 2),
    ("  - Do a thing", "  - {a: b}", 7),
]


@pytest.mark.parametrize(("old", "new", "line"), FRONT_TYPES, ids=[f[1] for f in FRONT_TYPES])
def test_wrong_front_matter_types_are_errors_on_their_line(tmp_path, old, new, line):
    text = front().replace(old, new) + "\n## A {#a}\n"
    assert new in text
    course = load_course(_tree(tmp_path, text))
    assert line in {no for _, no in _codes(course)}, [d.format() for d in course.diagnostics]
    assert "en" in course.modules["m1"].failed


def test_a_huge_integer_in_front_matter_is_a_diagnostic(tmp_path):
    text = front().replace("duration_minutes: 30", "duration_minutes: " + "9" * 5000)
    course = load_course(_tree(tmp_path, text + "\n## A {#a}\n"))
    assert "en" in course.modules["m1"].failed


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FRONT_KEYS = ["id", "version", "title", "summary", "duration_minutes", "objectives", "x"]


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    return write_tree(
        tmp_path_factory.mktemp("front") / "c", {**good_module("m1"), **good_module("m2")}
    )


def _loads_typed_and_fast(root: Path, text: str) -> None:
    (root / "modules" / "m1" / "en.md").write_text(text, encoding="utf-8")
    course, seconds = _timed_load(root)
    assert seconds < 2
    tr = course.modules["m1"].translations.get("en")
    if tr is not None:
        assert all(isinstance(v, str) for v in (tr.title, tr.summary, tr.version))
        assert isinstance(tr.duration_minutes, int)
        assert all(isinstance(o, str) for o in tr.objectives)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(FRONT_KEYS), VALUES))
def test_any_front_matter_values_load_without_raising(tree, fields):
    good = yaml.safe_load(front()[4:-4])
    text = "---\n" + yaml.safe_dump({**good, **fields}, allow_unicode=True) + "---\n"
    _loads_typed_and_fast(tree, text + "\n## A {#a}\n")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_front_matter_loads_without_raising(tree, text):
    _loads_typed_and_fast(tree, "---\n" + text + "\n---\n\n## A {#a}\n")


# ---------------------------------------------------------------- pathological Markdown

SECTION = "\n## A {#a}\n\n"


def _nested_list(depth: int) -> str:
    return "".join("    " * i + "- x\n" for i in range(depth))


def _nested_emphasis(depth: int) -> str:
    return "*a " * depth + "x" + " a*" * depth + "\n"


def _footnotes(count: int) -> str:
    refs = "".join(f"t[^{i}] " for i in range(count))
    return refs + "\n\n" + "".join(f"[^{i}]: note {i}\n\n" for i in range(count))


def _table(columns: int) -> str:
    return "|" + "a|" * columns + "\n|" + "-|" * columns + "\n|" + "1|" * columns + "\n"


def _quotes(depth: int) -> str:
    return "> " * depth + "x\n"


CASES = [
    # (name, body for n, limit, diagnostic code, line of the first excess)
    ("list", _nested_list, limits.MAX_NESTING, "limit-nesting", 13 + limits.MAX_NESTING),
    ("quote", _quotes, limits.MAX_NESTING, "limit-nesting", 13),
    ("emphasis", _nested_emphasis, limits.MAX_INLINE_NESTING, "limit-inline-nesting", 13),
    (
        "footnotes",
        _footnotes,
        limits.MAX_FOOTNOTES,
        "limit-footnotes",
        15 + 2 * limits.MAX_FOOTNOTES,
    ),
    ("table", _table, limits.MAX_TABLE_COLUMNS, "limit-table-columns", 13),
    ("line", lambda n: "x" * n + "\n", limits.MAX_LINE_CHARS, "limit-line-length", 13),
]


@pytest.mark.parametrize(
    ("name", "make", "limit", "code", "line"), CASES, ids=[c[0] for c in CASES]
)
def test_just_over_a_limit_is_refused_quickly(tmp_path, name, make, limit, code, line):
    course, seconds = _timed_load(_tree(tmp_path, front() + SECTION + make(limit + 1)))
    assert seconds < 2
    assert (code, line) in _codes(course), [d.format() for d in course.diagnostics]
    page, rendered = module_page(course, "m1", "en")
    assert rendered is None and code in page


@pytest.mark.parametrize(
    ("name", "make", "limit", "code", "line"), CASES, ids=[c[0] for c in CASES]
)
def test_just_under_a_limit_renders(tmp_path, name, make, limit, code, line):
    course = load_course(_tree(tmp_path, front() + SECTION + make(limit)))
    assert _codes(course) == set(), [d.format() for d in course.diagnostics]
    page, rendered = module_page(course, "m1", "en")
    assert rendered is not None


def test_a_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path):
    line = "Text " * 100 + "\n"
    text = front() + SECTION + line * (limits.MAX_MODULE_BYTES // len(line) + 10)
    course, seconds = _timed_load(_tree(tmp_path, text))
    assert seconds < 2
    expected = text.encode()[: limits.MAX_MODULE_BYTES].count(b"\n") + 1
    assert _codes(course) == {("limit-file-size", expected)}


@pytest.mark.parametrize(
    "body",
    [
        "x" * 10_000_000,
        _nested_emphasis(50_000),
        _footnotes(20_000),
        _table(20_000),
        _nested_list(5_000),
    ],
    ids=["10MB-token", "50000-emphasis", "20000-footnotes", "20000-columns", "5000-list"],
)
def test_the_issues_cases_are_refused_in_under_two_seconds(tmp_path, body):
    course, seconds = _timed_load(_tree(tmp_path, front() + SECTION + body))
    assert seconds < 2
    assert "en" in course.modules["m1"].failed


MARKDOWN = st.text(alphabet=" \t\n*_[]()`>|-+1.!#^:{}\\ax", max_size=400)


@settings(max_examples=100, deadline=None)
@given(MARKDOWN)
def test_any_body_loads_and_renders_without_raising(tree, text):
    root = tree
    (root / "modules" / "m1" / "en.md").write_text(front() + SECTION + text, encoding="utf-8")
    start = time.perf_counter()
    course = load_course(root)
    module_page(course, "m1", "en")
    assert time.perf_counter() - start < 2
