"""The data folder is resolved in one order: option, environment, portable marker, standard."""

from pathlib import Path

from courseware_app.core import paths


def test_option_wins_then_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSEWARE_DATA_DIR", str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "opt") == tmp_path / "opt"
    assert paths.data_dir(None) == tmp_path / "env"


def test_portable_marker_then_standard(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSEWARE_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "package_dir", lambda: tmp_path / "app" / "courseware_app")
    assert paths.data_dir(None, lambda: str(tmp_path / "std")) == tmp_path / "std"
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "portable").write_text("")
    assert paths.data_dir(None, lambda: str(tmp_path / "std")) == tmp_path / "app" / "data"


def test_bundled_resources_resolve():
    assert (paths.content_dir() / "course.yaml").is_file()
    assert (paths.resources_dir() / "reader.css").is_file()
    assert paths.content_dir("x") == Path("x")
