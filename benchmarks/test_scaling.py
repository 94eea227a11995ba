"""Checks of the scaling benchmark's parts (not timings): run with
``python -m pytest -q -p no:cacheprovider benchmarks/test_scaling.py``."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.harness import ROOT, json_child
from benchmarks.scaling import CONTENT, make_course, parse_sizes, repeats_for, table
from courseware_app.core.languages import LANGUAGES
from courseware_app.core.loader import load_course


@pytest.fixture(scope="module")
def bundled():
    return load_course(CONTENT)


def test_a_course_of_n_modules_loads_without_a_diagnostic(tmp_path, bundled):
    course = load_course(make_course(tmp_path, 30))
    assert course.diagnostics == ()
    assert len(course.modules) == 30
    assert course.languages == LANGUAGES
    assert [t.id for t in course.tracks] == [t.id for t in bundled.tracks]
    assert all(set(m.translations) == set(LANGUAGES) for m in course.modules.values())


def test_copy_zero_is_the_bundled_curriculum(tmp_path, bundled):
    course = load_course(make_course(tmp_path, len(bundled.modules)))
    assert [m.id for m in course.ordered_modules()] == [m.id for m in bundled.ordered_modules()]
    for mid, module in course.modules.items():
        assert module.translations["en"].body == bundled.modules[mid].translations["en"].body


def test_copies_link_to_modules_of_their_own_copy(tmp_path):
    course = load_course(make_course(tmp_path, 24))
    body = course.modules["rm-01-x001"].translations["en"].body
    assert "](rm-02-x001)" in body
    assert "](rm-02)" not in body
    assert (tmp_path / "modules" / "rm-01-x001" / "framework.svg").is_file()


def test_sizes_are_parsed_and_checked():
    assert parse_sizes("12,120,1200") == [12, 120, 1200]
    for bad in ("12,x", "0,12", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            parse_sizes(bad)


def test_the_largest_courses_are_repeated_less_but_at_least_once():
    assert repeats_for(7, 12) == 7
    assert repeats_for(7, 120) == 3
    assert repeats_for(7, 1200) == 1
    assert repeats_for(3, 12000) == 1


def test_the_table_shows_each_size_and_the_growth_between_sizes():
    by_size = {"12": {"cold_load_s": 0.05}, "120": {"cold_load_s": 0.5}}
    lines = table({"sizes": [12, 120], "by_size": by_size, "seconds": 1.0})
    cold = next(line for line in lines if line.startswith("cold load"))
    assert "50 ms" in cold and "500 ms" in cold and "×10.0" in cold
    assert "12→120" in lines[0]


def test_a_child_reports_its_own_peak_rss_and_json():
    # Linux keeps, in a child's peak RSS, the pages it shared with its parent until exec: so
    # the check runs from a small parent of its own, as benchmarks/run.py runs (a long pytest
    # run is a large parent and would raise every child's floor).
    check = (
        "import sys; from benchmarks.harness import json_child, run_child\n"
        "grow = \"x = b'1' * (200 * 2**20); print('{\\\"a\\\": 1}')\"\n"
        "result, rss = json_child([sys.executable, '-c', grow])\n"
        "small = run_child([sys.executable, '-c', 'pass'], {})\n"
        "assert result == {'a': 1}, result\n"
        "assert rss > 200 and small.returncode == 0 and small.peak_rss_mib < 100, (rss, small)\n"
    )
    done = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_failing_child_raises_with_its_error():
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        json_child([sys.executable, "-c", "1 / 0"])


def test_the_manifest_names_every_generated_module(tmp_path):
    make_course(tmp_path, 13)
    folders = {p.name for p in (tmp_path / "modules").iterdir()}
    listed = {m for t in load_course(tmp_path).tracks for m in t.modules}
    assert folders == listed and len(folders) == 13
    assert Path(tmp_path / "course.yaml").read_text(encoding="utf-8").count("rm-01-x001") == 1
