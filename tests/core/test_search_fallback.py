"""The search index when its file cannot be used: an index in memory and a one-line warning,
never a traceback (issue 20 #11).

What is simulated, honestly: tests run as root here, so chmod 0o555 does not stop writes.
"A folder that cannot be created" is a data folder under a regular file (mkdir fails with
ENOTDIR, as on a read-only stick); "a file that cannot be opened" is a folder where the index
file should be (SQLite: unable to open database file); "disk full" is the index's write step
patched to raise SQLite's own error, sqlite3.OperationalError("database or disk is full").
"""

import sqlite3

import pytest

from courseware_app.core.loader import load_course
from courseware_app.core.search import SearchIndex
from courseware_app.core.search import index as index_module
from tests.conftest import ROOT

SEARCH_CONTENT = ROOT / "tests" / "data" / "search"


@pytest.fixture(scope="module")
def course():
    return load_course(SEARCH_CONTENT)


def hits(index, query="declaration"):
    return index.search(query, None)


def unopenable_paths(tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "index.sqlite").mkdir()
    return {
        "under a file": tmp_path / "a-file" / "cache" / "search" / "index.sqlite",
        "a folder in its place": tmp_path / "index.sqlite",
    }


@pytest.mark.parametrize("case", ["under a file", "a folder in its place"])
def test_an_index_file_that_cannot_be_opened_falls_back_to_memory(tmp_path, course, case):
    path = unopenable_paths(tmp_path)[case]
    with SearchIndex(path) as index:
        stats = index.update(course)
        assert hits(index)
    assert str(path) in index.warning and "\n" not in index.warning
    assert stats.warning == index.warning


def test_a_full_disk_while_indexing_falls_back_to_memory(tmp_path, course, monkeypatch):
    real = SearchIndex._replace

    def full(self, conn, *args):
        if self.path != ":memory:" and "mode=memory" not in self.path:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, conn, *args)

    monkeypatch.setattr(SearchIndex, "_replace", full)
    path = tmp_path / "cache" / "index.sqlite"
    with SearchIndex(path) as index:
        stats = index.update(course)
        assert hits(index)
    assert "disk is full" in stats.warning and str(path) in stats.warning


def test_a_good_index_file_gives_no_warning(tmp_path, course):
    with SearchIndex(tmp_path / "index.sqlite") as index:
        assert index.update(course).warning == "" and index.warning == ""


def test_two_connections_to_one_unusable_file_share_the_memory_index(tmp_path, course):
    """The GUI builds the index on a worker thread and searches it on the UI thread."""
    path = unopenable_paths(tmp_path)["under a file"]
    reader = SearchIndex(path)
    try:
        with SearchIndex(path) as builder:
            builder.update(course)
        assert hits(reader)
    finally:
        reader.close()
    assert index_module.memory_uri(path) != index_module.memory_uri(tmp_path / "other")
