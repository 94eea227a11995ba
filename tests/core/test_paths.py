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
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # never the developer's own folders
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir(None) == paths.user_data_dir()
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "portable").write_text("")
    assert paths.data_dir(None) == tmp_path / "app" / "data"


def test_bundled_resources_resolve():
    assert (paths.content_dir() / "course.yaml").is_file()
    assert (paths.resources_dir() / "reader.css").is_file()
    assert paths.content_dir("x") == Path("x")


def test_per_user_folder_follows_each_platform(tmp_path):
    home = tmp_path / "home"
    linux = paths.user_data_dir({}, "linux", home)
    assert linux == home / ".local" / "share" / "courseware" / "courseware"
    xdg = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert paths.user_data_dir(xdg, "linux", home) == tmp_path / "xdg" / "courseware" / "courseware"
    assert paths.user_data_dir({"XDG_DATA_HOME": "rel"}, "linux", home) == linux
    roaming = {"APPDATA": str(tmp_path / "Roaming")}
    assert (
        paths.user_data_dir(roaming, "win32", home)
        == tmp_path / "Roaming" / "courseware" / "courseware"
    )
    mac = paths.user_data_dir({}, "darwin", home)
    assert mac == home / "Library" / "Application Support" / "courseware" / "courseware"


def test_without_options_the_per_user_folder_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSEWARE_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "package_dir", lambda: tmp_path / "app" / "courseware_app")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir(None) == paths.user_data_dir()


def test_the_old_command_line_folder_moves_once(monkeypatch, tmp_path):
    home = tmp_path / "home"
    old = paths.legacy_data_dir(home)
    (old / "cache").mkdir(parents=True)
    (old / "progress.sqlite3").write_text("db")
    new = paths.user_data_dir({}, "linux", home)  # inside the old folder on Linux
    assert paths.adopt_legacy_data(old, new)
    assert (new / "progress.sqlite3").read_text() == "db"
    assert (new / "cache").is_dir()
    assert sorted(p.name for p in old.iterdir()) == ["courseware"]
    (old / "settings.ini").write_text("later")
    assert not paths.adopt_legacy_data(old, new)  # the new folder exists: never again
    assert (old / "settings.ini").exists() and not (new / "settings.ini").exists()


def test_data_dir_adopts_the_old_folder_elsewhere(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSEWARE_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "package_dir", lambda: tmp_path / "app" / "courseware_app")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    old = paths.legacy_data_dir()
    old.mkdir(parents=True)
    (old / "progress.sqlite3").write_text("db")
    folder = paths.data_dir(None)
    assert folder == tmp_path / "xdg" / "courseware" / "courseware"
    assert (folder / "progress.sqlite3").read_text() == "db"
    assert not (old / "progress.sqlite3").exists()


def test_an_empty_old_folder_moves_nothing(tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    assert not paths.adopt_legacy_data(old, tmp_path / "new")
    assert not (tmp_path / "new").exists()
