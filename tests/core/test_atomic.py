"""Atomic writes: the content arrives whole, a failure leaves the old file and no temporary."""

import json
import os
import stat

import pytest

from courseware_app.core import atomic


def test_bytes_text_and_json_are_written(tmp_path):
    atomic.write_bytes(tmp_path / "a.bin", b"\x00\x01")
    atomic.write_text(tmp_path / "b.txt", "Таможня")
    atomic.write_json(tmp_path / "c.json", {"title": "Таможня", "n": [1, 2]})
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "Таможня"
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["title"] == "Таможня"
    assert "Таможня" in (tmp_path / "c.json").read_text(encoding="utf-8")  # not \u-escaped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "b.txt", "c.json"]


def test_an_existing_file_is_replaced(tmp_path):
    target = tmp_path / "x.txt"
    target.write_text("old")
    atomic.write_text(target, "new")
    assert target.read_text() == "new"
    assert list(tmp_path.iterdir()) == [target]


def test_missing_folders_are_made_only_when_asked(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic.write_text(tmp_path / "a" / "b" / "x.txt", "x")
    atomic.write_text(tmp_path / "a" / "b" / "x.txt", "x", parents=True)
    assert (tmp_path / "a" / "b" / "x.txt").read_text() == "x"


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "x.json"
    target.write_text('{"old": true}')

    def refuse(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        atomic.write_json(target, {"old": False})
    assert target.read_text() == '{"old": true}'
    assert list(tmp_path.iterdir()) == [target]


def test_unserialisable_data_writes_nothing(tmp_path):
    with pytest.raises(TypeError):
        atomic.write_json(tmp_path / "x.json", {"x": object()})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_the_mode_follows_the_umask(tmp_path, umask):
    old = os.umask(umask)
    try:
        atomic.write_text(tmp_path / "x.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.txt").stat().st_mode) == 0o666 & ~umask
