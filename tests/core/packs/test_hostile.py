"""Hostile packs are refused with a clear message, and the data folder (logs and caches
aside) is left exactly as it was: installed content, trusted keys, progress, no staging."""

from __future__ import annotations

import errno
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from courseware_app.core import limits
from courseware_app.core.packs import PackError, active_content, install_pack, verify_pack
from courseware_app.core.packs import install as install_module
from tests.core.packs.helpers import (
    Pack,
    data_fingerprint,
    key_named,
    pack_of,
    special_entry,
    symlink_entry,
    trusted,
    write_course,
)


@dataclass
class World:
    tmp: Path
    bundled: Path
    data: Path
    pack: Pack  # a good pack, one version up from the installed one

    def refused(self, path: Path, message: str, **kwargs: bool) -> None:
        """Installing ``path`` fails with ``message``, changing nothing in the data folder."""
        before = data_fingerprint(self.data)
        active = active_content(self.data, self.bundled)
        with pytest.raises(PackError, match=re.escape(message)):
            install_pack(path, self.data, bundled=self.bundled, **kwargs)
        assert data_fingerprint(self.data) == before
        assert active_content(self.data, self.bundled) == active
        with pytest.raises(PackError, match=re.escape(message)):
            verify_pack(path, self.data, bundled=self.bundled)


@pytest.fixture
def world(tmp_path: Path) -> World:
    bundled = write_course(tmp_path / "bundled", {"m-01": "1.0.0", "m-02": "1.0.0"})
    data = tmp_path / "data"
    data.mkdir()
    (data / "progress.sqlite3").write_bytes(b"progress recorded before")
    (data / "logs").mkdir()
    key = trusted(data)
    installed = write_course(tmp_path / "v11", {"m-01": "1.1.0", "m-02": "1.0.0"})
    install_pack(pack_of(installed, key).write(tmp_path / "v11.cwpack"), data, bundled=bundled)
    newer = write_course(tmp_path / "v12", {"m-01": "1.2.0", "m-02": "1.1.0"}, extra_files=3)
    return World(tmp_path, bundled, data, pack_of(newer, key))


def test_the_good_pack_installs(world: World) -> None:
    info = install_pack(
        world.pack.write(world.tmp / "good.cwpack"), world.data, bundled=world.bundled
    )
    assert info.modules == {"m-01": "1.2.0", "m-02": "1.1.0"}
    assert "1.2.0" in (active_content(world.data, world.bundled) / "modules/m-01/en.md").read_text()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("content/../../evil.txt", "leads out of its folder ('..')"),
        ("../evil.txt", "leads out of its folder ('..')"),
        ("/etc/evil.txt", "has an absolute path"),
        ("content\\..\\evil.txt", "has an absolute path"),
        ("C:/Windows/evil.txt", "names a drive"),
        ("content//evil.txt", "is not a plain file name"),
    ],
    ids=["dotdot-inside", "dotdot", "absolute", "backslash", "drive-letter", "empty-part"],
)
def test_an_unsafe_path_is_refused(world: World, name: str, message: str) -> None:
    world.pack.files[name] = b"evil"
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_a_symlink_entry_is_refused(world: World) -> None:
    world.pack.extra.append((symlink_entry("content/modules/m-01/link.md"), b"/etc/passwd"))
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), "is a symbolic link")


@pytest.mark.parametrize(
    "kind", [stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO], ids=["chr", "blk", "fifo"]
)
def test_a_device_entry_is_refused(world: World, kind: int) -> None:
    world.pack.extra.append((special_entry("content/dev", kind), b""))
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), "is a device or special file")


def test_duplicate_names_are_refused(world: World) -> None:
    name = "content/modules/m-01/en.md"
    world.pack.extra.append((name, b"the second one wins on extraction"))
    with pytest.warns(UserWarning, match="Duplicate name"):
        path = world.pack.write(world.tmp / "bad.cwpack")
    world.refused(path, f"entry '{name}' appears twice")


def test_names_differing_only_in_case_are_refused(world: World) -> None:
    world.pack.files["content/modules/m-01/EN.md"] = b"collides on Windows"
    message = (
        "entries 'content/modules/m-01/EN.md' and 'content/modules/m-01/en.md' differ only in case"
    )
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_a_file_whose_hash_differs_is_refused(world: World) -> None:
    world.pack.listed = dict(world.pack.files)
    world.pack.files["content/modules/m-01/en.md"] = b"---\nversion: 9.9.9\n---\nswapped\n"
    message = "'content/modules/m-01/en.md' does not match the manifest (its SHA-256 differs)"
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_a_file_of_the_same_size_but_other_bytes_is_refused(world: World) -> None:
    name = "content/modules/m-01/en.md"
    world.pack.listed = dict(world.pack.files)
    original = world.pack.files[name]
    world.pack.files[name] = original.replace(b"1.2.0", b"6.6.6")
    assert len(world.pack.files[name]) == len(original)
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), "its SHA-256 differs")


def test_an_entry_not_in_the_manifest_is_refused(world: World) -> None:
    world.pack.extra.append(("content/modules/m-01/smuggled.md", b"not listed"))
    message = "entry 'content/modules/m-01/smuggled.md' is not in the manifest"
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_a_listed_file_missing_from_the_zip_is_refused(world: World) -> None:
    world.pack.listed = dict(world.pack.files)
    del world.pack.files["content/CHANGELOG.md"]
    message = "'content/CHANGELOG.md' is in the manifest but not in the pack"
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_an_altered_manifest_is_refused(world: World) -> None:
    world.pack.alter = True
    message = "the manifest was altered after it was signed (the signature does not match)"
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_an_unsigned_pack_is_refused(world: World) -> None:
    world.pack.sign = False
    world.refused(
        world.pack.write(world.tmp / "bad.cwpack"),
        "the pack is not signed (it has no manifest.sig)",
    )


def test_a_signature_by_an_untrusted_key_is_refused(world: World) -> None:
    stranger = key_named("Stranger")
    world.pack.key = stranger  # the manifest names the stranger's key id, which signs it
    message = f"signed by a key this computer does not trust (key id {stranger.public.key_id})"
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_a_truncated_zip_is_refused(world: World) -> None:
    path = world.pack.write(world.tmp / "bad.cwpack")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    world.refused(path, "is not a complete pack (a truncated or damaged zip)")


def test_a_zip_whose_entries_are_damaged_is_refused(world: World) -> None:
    path = world.pack.write(world.tmp / "bad.cwpack")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("content/course.yaml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 2
    data[start] ^= 0xFF  # inside the compressed bytes: the CRC no longer matches
    path.write_bytes(bytes(data))
    world.refused(path, "is not a complete pack (a truncated or damaged zip)")


def test_a_zip_bomb_entry_is_refused(world: World) -> None:
    world.pack.files["content/modules/m-01/bomb.txt"] = bytes(20_000_000)
    message = f"entry 'content/modules/m-01/bomb.txt' expands more than {limits.MAX_PACK_RATIO} times (a zip bomb)"
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_a_pack_larger_than_the_cap_is_refused(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PACK_BYTES", 1_000)
    world.pack.files["content/modules/m-01/big.txt"] = b"x" * 2_000
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), "at most 1000 are allowed")


def test_many_small_bomb_entries_are_refused(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(30):
        world.pack.files[f"content/modules/m-01/z{i}.txt"] = bytes(900_000)
    message = f"the pack expands more than {limits.MAX_PACK_RATIO} times (a zip bomb)"
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_more_files_than_the_cap_are_refused(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PACK_FILES", 5)
    count = len(world.pack.files) + 2
    world.refused(
        world.pack.write(world.tmp / "bad.cwpack"),
        f"the pack holds {count} entries; at most 5 are allowed",
    )


def test_a_pack_for_another_course_is_refused(world: World) -> None:
    world.pack.course_id = "another-course"
    message = "the pack is for the course 'another-course', not 'test-course'"
    world.refused(world.pack.write(world.tmp / "bad.cwpack"), message)


def test_a_pack_needing_a_newer_app_is_refused(world: World) -> None:
    world.pack.min_app = "99.0.0"
    world.refused(
        world.pack.write(world.tmp / "bad.cwpack"), "the pack needs Courseware 99.0.0 or newer"
    )


def test_a_downgrade_without_the_flag_is_refused(world: World) -> None:
    older = write_course(world.tmp / "v10", {"m-01": "1.0.5", "m-02": "1.0.0"})
    path = pack_of(older, world.pack.key).write(world.tmp / "old.cwpack")
    before = data_fingerprint(world.data)
    assert verify_pack(path, world.data, bundled=world.bundled).downgrade
    with pytest.raises(PackError, match="older versions; install it with --allow-downgrade"):
        install_pack(path, world.data, bundled=world.bundled)
    assert data_fingerprint(world.data) == before


def test_a_full_disk_during_extraction_is_refused(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = install_module._write_entry
    calls = []

    def write_then_full(verified, name, dest):
        calls.append(name)
        if len(calls) == 3:
            dest.write_bytes(b"half a fi")
            raise OSError(errno.ENOSPC, "No space left on device", str(dest))
        real(verified, name, dest)

    monkeypatch.setattr(install_module, "_write_entry", write_then_full)
    path = world.pack.write(world.tmp / "good.cwpack")
    before = data_fingerprint(world.data)
    with pytest.raises(
        PackError, match="cannot install the pack: No space left on device .*nothing was changed"
    ):
        install_pack(path, world.data, bundled=world.bundled)
    assert len(calls) == 3
    assert data_fingerprint(world.data) == before
    assert not list((world.data / "content-packs").glob(".staging-*"))


def test_a_full_disk_on_a_first_install_leaves_no_packs_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = write_course(tmp_path / "bundled", {"m-01": "1.0.0"})
    data = tmp_path / "data"
    key = trusted(data)
    newer = write_course(tmp_path / "new", {"m-01": "1.1.0"})

    def full(verified, name, dest):
        raise OSError(errno.ENOSPC, "No space left on device", str(dest))

    monkeypatch.setattr(install_module, "_write_entry", full)
    before = data_fingerprint(data)
    with pytest.raises(PackError, match="No space left on device"):
        install_pack(pack_of(newer, key).write(tmp_path / "p.cwpack"), data, bundled=bundled)
    assert data_fingerprint(data) == before
    assert not (data / "content-packs").exists()


def test_a_file_that_is_not_a_zip_is_refused(world: World) -> None:
    path = world.tmp / "notes.cwpack"
    path.write_text("just text")
    world.refused(path, "is not a complete pack")


def test_a_full_disk_at_the_switch_leaves_the_old_content(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(data_dir, state):
        raise OSError(errno.ENOSPC, "No space left on device", "active.json")

    monkeypatch.setattr(install_module, "write_state", full)
    path = world.pack.write(world.tmp / "good.cwpack")
    before = data_fingerprint(world.data)
    active = active_content(world.data, world.bundled)
    with pytest.raises(PackError, match="No space left on device .*nothing was changed"):
        install_pack(path, world.data, bundled=world.bundled)
    assert data_fingerprint(world.data) == before
    assert active_content(world.data, world.bundled) == active
