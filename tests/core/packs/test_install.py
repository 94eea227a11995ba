"""Installing, listing and rolling back content packs; which content the app uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware_app.core import paths
from courseware_app.core.packs import (
    ModuleChange,
    PackError,
    active_content,
    content_versions,
    install_pack,
    release_notes,
    rollback,
    verify_pack,
)
from courseware_app.core.packs.keys import read_private_key, read_public_key, write_key_pair
from tests.core.packs.helpers import content_hashes, pack_of, trusted, write_course

V11 = {"m-01": "1.1.0", "m-02": "1.0.0"}


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return write_course(tmp_path / "bundled", {"m-01": "1.0.0", "m-02": "1.0.0"})


def pack_file(tmp_path: Path, key, versions: dict[str, str], name: str) -> Path:
    tree = write_course(tmp_path / name, versions)
    return pack_of(tree, key).write(tmp_path / f"{name}.cwpack")


def test_install_says_what_changed_and_makes_the_pack_active(tmp_path: Path, bundled: Path) -> None:
    data = tmp_path / "data"
    key = trusted(data)
    path = pack_file(tmp_path, key, {"m-01": "1.1.0", "m-03": "1.0.0"}, "v11")
    info = verify_pack(path, data, bundled=bundled)
    assert info.changes == (
        ModuleChange("m-01", "1.0.0", "1.1.0"),
        ModuleChange("m-02", "1.0.0", None),
        ModuleChange("m-03", None, "1.0.0"),
    )
    assert info.publisher == "Test publisher" and not info.downgrade
    assert info.notes["m-01"] == "notes of m-01 1.1.0"
    seen: list[tuple[int, int]] = []
    install_pack(
        path, data, bundled=bundled, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1][0] == seen[-1][1] == len(seen) == 4  # course.yaml, changelog, two modules
    active = active_content(data, bundled)
    assert active == data / "content-packs" / active.parent.name / "content"
    assert content_hashes(active) == content_hashes(tmp_path / "v11")
    assert verify_pack(path, data, bundled=bundled).changes == ()


def test_rollback_restores_the_previous_then_the_bundled_content(
    tmp_path: Path, bundled: Path
) -> None:
    data = tmp_path / "data"
    key = trusted(data)
    install_pack(pack_file(tmp_path, key, V11, "a"), data, bundled=bundled)
    first = active_content(data, bundled)
    install_pack(
        pack_file(tmp_path, key, {"m-01": "1.2.0", "m-02": "1.0.0"}, "b"), data, bundled=bundled
    )
    assert active_content(data, bundled) != first
    assert rollback(data, bundled=bundled) == "1.1.0"
    assert active_content(data, bundled) == first
    assert rollback(data, bundled=bundled) == "1.0.0"
    assert active_content(data, bundled) == bundled
    with pytest.raises(PackError, match="no previous content version to roll back to"):
        rollback(data, bundled=bundled)
    assert [p.name for p in (data / "content-packs").iterdir()] == ["active.json"]


def test_installing_the_same_versions_again_is_allowed_and_active(
    tmp_path: Path, bundled: Path
) -> None:
    data = tmp_path / "data"
    key = trusted(data)
    path = pack_file(tmp_path, key, {"m-01": "1.0.0", "m-02": "1.0.0"}, "same")
    assert verify_pack(path, data, bundled=bundled).changes == ()
    install_pack(path, data, bundled=bundled)
    assert active_content(data, bundled) != bundled
    install_pack(path, data, bundled=bundled)  # twice: still one version kept, one to go back to
    versions = content_versions(data, bundled)
    assert [(v.source, v.active) for v in versions] == [("bundled", False), ("installed", True)]
    rollback(data, bundled=bundled)
    assert active_content(data, bundled) == bundled


def test_a_downgrade_with_the_flag_stays_active_over_newer_bundled_content(
    tmp_path: Path, bundled: Path
) -> None:
    data = tmp_path / "data"
    key = trusted(data)
    path = pack_file(tmp_path, key, {"m-01": "0.9.0", "m-02": "1.0.0"}, "old")
    info = install_pack(path, data, bundled=bundled, allow_downgrade=True)
    assert info.downgrade
    assert (active_content(data, bundled) / "modules/m-01/en.md").read_text().count("0.9.0")


def test_an_app_update_with_newer_content_wins_over_an_older_installed_pack(
    tmp_path: Path, bundled: Path
) -> None:
    data = tmp_path / "data"
    key = trusted(data)
    install_pack(pack_file(tmp_path, key, V11, "v11"), data, bundled=bundled)
    assert active_content(data, bundled) != bundled
    updated_app = write_course(tmp_path / "app2", {"m-01": "1.2.0", "m-02": "1.0.0"})
    assert active_content(data, updated_app) == updated_app
    versions = content_versions(data, updated_app)
    assert [(v.source, v.course_version, v.active) for v in versions] == [
        ("bundled", "1.2.0", True),
        ("installed", "1.1.0", False),
    ]
    mixed = write_course(tmp_path / "app3", {"m-01": "1.0.0", "m-02": "1.5.0"})
    assert active_content(data, mixed) != mixed  # not newer in every module: the choice stands


def test_only_two_previous_versions_are_kept(tmp_path: Path, bundled: Path) -> None:
    data = tmp_path / "data"
    key = trusted(data)
    for minor in range(1, 5):
        versions = {"m-01": f"1.{minor}.0", "m-02": "1.0.0"}
        install_pack(pack_file(tmp_path, key, versions, f"v{minor}"), data, bundled=bundled)
    kept = sorted(p.name.split("-")[0] for p in (data / "content-packs").iterdir() if p.is_dir())
    assert kept == ["1.2.0", "1.3.0", "1.4.0"]


def test_the_content_folder_follows_the_installed_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = paths.resource_root() / "content"
    data = tmp_path / "data"
    assert paths.content_dir(None, data) == bundled  # nothing installed
    (data / "content-packs").mkdir(parents=True)
    monkeypatch.setattr("courseware_app.core.packs.active.active_content", lambda d, b: d / "x")
    assert paths.content_dir(None, data) == data / "x"
    assert paths.content_dir("given", data) == Path("given")
    monkeypatch.setenv("COURSEWARE_DATA_DIR", str(data))
    assert paths.content_dir() == data / "x"
    monkeypatch.setenv("COURSEWARE_CONTENT", str(tmp_path / "env"))
    assert paths.content_dir(None, data) == tmp_path / "env"


def test_release_notes_are_the_text_under_their_heading(tmp_path: Path) -> None:
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\n\nIntro.\n\n## rm-01 1.1.0 (2026-12-01)\n\nFixed the map.\n\n"
        "- and a list\n\n## rm-01 1.0.0\n\nFirst release.\n",
        encoding="utf-8",
    )
    assert release_notes(tmp_path, "rm-01", "1.1.0") == "Fixed the map.\n\n- and a list"
    assert release_notes(tmp_path, "rm-01", "1.0.0") == "First release."
    assert release_notes(tmp_path, "rm-02", "1.0.0") == ""
    assert release_notes(tmp_path / "none", "rm-01", "1.0.0") == ""


def test_keygen_writes_exactly_two_files_and_the_passphrase_unseals(tmp_path: Path) -> None:
    private, public = write_key_pair(tmp_path / "keys", "Editors", "correct horse")
    assert sorted(p.name for p in (tmp_path / "keys").iterdir()) == [
        "publisher.key",
        "publisher.pub",
    ]
    assert private.stat().st_mode & 0o077 == 0
    key = read_private_key(private, "correct horse")
    assert key.public == read_public_key(public)
    assert key.public.name == "Editors"
    assert b"correct" not in private.read_bytes() and key.seed not in private.read_bytes()
    with pytest.raises(PackError, match="wrong passphrase"):
        read_private_key(private, "wrong")
    with pytest.raises(PackError, match="exists already; give a new folder"):
        write_key_pair(tmp_path / "keys", "Editors", "again")
    with pytest.raises(PackError, match="is not a publisher public key"):
        read_public_key(private)
    with pytest.raises(PackError, match="is not a publisher private key"):
        read_private_key(public, "correct horse")


def test_the_keys_shipped_with_the_app_are_trusted(
    tmp_path: Path, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from courseware_app.core.packs import verify as verify_module
    from tests.core.packs.helpers import key_named

    data = tmp_path / "data"
    key = key_named("Shipped publisher")
    path = pack_file(tmp_path, key, V11, "v11")
    with pytest.raises(PackError, match="does not trust"):
        verify_pack(path, data, bundled=bundled)
    shipped = tmp_path / "resources-keys"
    shipped.mkdir()
    (shipped / "cac.pub").write_text(key.public.text())
    (shipped / "README.md").write_text("not a key")
    (shipped / "broken.pub").write_text("{}")
    monkeypatch.setattr(verify_module, "shipped_keys", lambda: shipped)
    assert verify_pack(path, data, bundled=bundled).publisher == "Shipped publisher"
    assert not data.exists()


def test_the_shipped_keys_folder_holds_public_keys_only() -> None:
    from courseware_app.core.packs.keys import PRIVATE_KIND
    from courseware_app.core.packs.verify import shipped_keys

    folder = shipped_keys()
    assert (folder / "README.md").is_file()
    for path in folder.iterdir():
        assert path.name == "README.md" or path.suffix == ".pub", path
        assert PRIVATE_KIND not in path.read_text(encoding="utf-8") or path.name == "README.md"
        if path.suffix == ".pub":
            read_public_key(path)
