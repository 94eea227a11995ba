"""The course cache returns exactly what the loader returns, and notices every change."""

import json
import os
import shutil

import pytest

from courseware_app.core import coursecache
from courseware_app.core.course import Course
from courseware_app.core.coursecache import load_course_cached
from courseware_app.core.fingerprint import Fingerprint
from courseware_app.core.loader import load_course
from courseware_app.core.serialise import from_json, to_json
from tests.conftest import BUNDLED_CONTENT, TEST_CONTENT
from tests.core.cache_helpers import edit, package_copy


@pytest.fixture(autouse=True)
def _caches_on(monkeypatch):
    monkeypatch.delenv("COURSEWARE_NO_CACHE", raising=False)


def test_round_trip_equals_the_loader(tmp_path):
    for root in (BUNDLED_CONTENT, TEST_CONTENT):
        fresh = load_course(root)
        first = load_course_cached(root, tmp_path / root.name)  # builds the cache
        second = load_course_cached(root, tmp_path / root.name)  # reads it
        assert first == fresh and second == fresh
        assert len(list((tmp_path / root.name).glob("course-*.json"))) == 1


def test_a_changed_file_is_noticed(tmp_path, content_copy):
    cache = tmp_path / "cache"
    before = load_course_cached(content_copy, cache)
    path = content_copy / "modules" / "beta" / "en.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Only in English.", "Changed."), encoding="utf-8"
    )
    os.utime(path, ns=(1, 1))  # even with an old modification time: the size changed
    after = load_course_cached(content_copy, cache)
    assert before.modules["beta"].source.summary == "Only in English."
    assert after.modules["beta"].source.summary == "Changed."
    assert len(list(cache.glob("course-*.json"))) == 1  # the stale cache is gone


def test_an_unreadable_cache_is_ignored_and_rebuilt(tmp_path, content_copy):
    cache = tmp_path / "cache"
    load_course_cached(content_copy, cache)
    (stale,) = cache.glob("course-*.json")
    stale.write_text('{"id": "x"', encoding="utf-8")
    assert load_course_cached(content_copy, cache) == load_course(content_copy)
    json.loads(stale.read_text(encoding="utf-8"))  # rewritten whole


def test_a_cache_hit_does_not_import_yaml(tmp_path):
    import subprocess
    import sys

    cache = tmp_path / "cache"
    load_course_cached(BUNDLED_CONTENT, cache)
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from courseware_app.core.coursecache import load_course_cached\n"
        f"c = load_course_cached(Path({str(BUNDLED_CONTENT)!r}), Path({str(cache)!r}))\n"
        "print(len(c.modules), 'yaml' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["12", "False"]


def test_no_cache_folder_means_a_plain_load(content_copy):
    assert load_course_cached(content_copy, None) == load_course(content_copy)
    shutil.rmtree(content_copy / "modules" / "gamma")
    assert "gamma" not in coursecache.load_course_cached(content_copy, None).modules


def test_the_whole_bundled_course_survives_the_serialiser():
    course = load_course(BUNDLED_CONTENT)
    data = json.loads(json.dumps(to_json(course)))
    assert from_json(Course, data) == course


def test_an_edit_of_the_model_or_loader_code_misses(tmp_path, content_copy):
    package, cache = package_copy(tmp_path / "package"), tmp_path / "cache"
    load_course_cached(content_copy, cache, Fingerprint(package=package))
    (kept,) = cache.glob("course-*.json")
    edit(package / "core" / "course.py", "\n# edited\n")
    load_course_cached(content_copy, cache, Fingerprint(package=package))
    assert [p.name for p in cache.glob("course-*.json")] != [kept.name]


def test_no_cache_switch_reads_and_writes_nothing(tmp_path, content_copy, monkeypatch):
    cache = tmp_path / "cache"
    load_course_cached(content_copy, cache)
    (kept,) = cache.glob("course-*.json")
    data = json.loads(kept.read_text(encoding="utf-8"))
    data["id"] = "stale"
    kept.write_text(json.dumps(data), encoding="utf-8")
    assert load_course_cached(content_copy, cache).id == "stale"  # the cache is used ...
    monkeypatch.setenv("COURSEWARE_NO_CACHE", "1")
    assert load_course_cached(content_copy, cache) == load_course(content_copy)  # ... not now
    assert list(cache.iterdir()) == [kept] and "stale" in kept.read_text(encoding="utf-8")
    empty = tmp_path / "empty"
    load_course_cached(content_copy, empty)
    assert not empty.exists()
