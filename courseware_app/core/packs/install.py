"""Install a verified pack all or nothing: extract to staging inside the data folder, check
every file on disk, then switch the active content with one atomic write."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

from courseware_app.core.atomic import _fsync_folder  # the one folder fsync rule
from courseware_app.core.i18n import _
from courseware_app.core.packs.active import active_name, default_bundled, prune
from courseware_app.core.packs.archive import CHUNK, copy_entry
from courseware_app.core.packs.model import MANIFEST_NAME, SIGNATURE_NAME, PackError, PackInfo
from courseware_app.core.packs.store import (
    KEEP_PREVIOUS,
    STAGING_PREFIX,
    State,
    packs_root,
    read_state,
    version_folder,
    write_state,
)
from courseware_app.core.packs.verify import Verified, hash_mismatch, open_verified

Progress = Callable[[int, int], None]
_FLAGS: Final = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def install_pack(
    path: Path,
    data_dir: Path,
    *,
    allow_downgrade: bool = False,
    progress: Progress | None = None,
    bundled: Path | None = None,
) -> PackInfo:
    """Verify the pack, install it and make it the active content; what it changed.
    PackError (nothing changed) when it is refused or cannot be written."""
    bundled = default_bundled() if bundled is None else bundled
    verified = open_verified(path, data_dir, bundled=bundled)
    try:
        info = verified.info
        if info.downgrade and not allow_downgrade:
            message = _(
                "the pack would replace modules with older versions; "
                "install it with --allow-downgrade if that is what you want"
            )
            raise PackError(message)
        name = version_name(verified)
        with _cleaned_on_failure(data_dir):
            _put_in_place(verified, data_dir, name, progress)
            _switch(data_dir, bundled, name, pinned=allow_downgrade and info.downgrade)
    finally:
        verified.zf.close()
    prune(data_dir)
    return info


def _switch(data_dir: Path, bundled: Path, name: str, *, pinned: bool) -> None:
    """Make ``name`` the active version, the one in use now kept for rollback."""
    old = active_name(data_dir, bundled)
    state = read_state(data_dir)
    history = state.history if old == name else (*state.history, old)
    write_state(data_dir, State(name, history[-KEEP_PREVIOUS:], pinned))


def version_name(verified: Verified) -> str:
    """The installed version's folder name: its course version and manifest's digest."""
    version = "".join(c if c.isalnum() or c in ".+-" else "_" for c in verified.info.course_version)
    return f"{version[:40]}-{hashlib.sha256(verified.raw_manifest).hexdigest()[:12]}"


@contextlib.contextmanager
def _cleaned_on_failure(data_dir: Path) -> Iterator[None]:
    """On any failure, remove staging, a version folder that did not become active, and the
    packs folder when it was new."""
    root = packs_root(data_dir)
    existed = root.exists()
    try:
        yield
    except BaseException as exc:
        prune(data_dir)
        if not existed:
            with contextlib.suppress(OSError):
                root.rmdir()
        if isinstance(exc, OSError):
            raise _write_failed(exc) from exc
        raise


def _write_failed(exc: OSError) -> PackError:
    reason = exc.strerror or os.strerror(exc.errno or errno.EIO)
    where = exc.filename or ""
    message = _("cannot install the pack: {reason} ({path}); nothing was changed")
    return PackError(message.format(reason=reason, path=where))


def _put_in_place(verified: Verified, data_dir: Path, name: str, progress: Progress | None) -> None:
    """The version's folder, whole and checked: kept when it is there already, else
    extracted to staging, checked on disk and renamed into place."""
    target = version_folder(data_dir, name)
    if target.is_dir() and _on_disk_matches(verified, target):
        return
    root = packs_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f"{STAGING_PREFIX}{os.urandom(6).hex()}"
    staging.mkdir()
    _extract(verified, staging, progress)
    if not _on_disk_matches(verified, staging):
        raise hash_mismatch(str(staging))
    if target.exists():
        shutil.rmtree(target)
    os.rename(staging, target)
    _fsync_folder(root)


def _extract(verified: Verified, staging: Path, progress: Progress | None) -> None:
    files = verified.manifest["files"]
    _write(staging / MANIFEST_NAME, [verified.raw_manifest])
    _write(staging / SIGNATURE_NAME, [verified.signature])
    base = staging.resolve()
    for done, item in enumerate(files, 1):
        dest = staging / item["path"]
        if not dest.resolve().is_relative_to(base):
            raise PackError(_("entry '{name}' leads out of its folder").format(name=item["path"]))
        dest.parent.mkdir(parents=True, exist_ok=True)
        _write_entry(verified, item["path"], dest)
        if progress is not None:
            progress(done, len(files))


def _write(dest: Path, chunks: list[bytes]) -> None:
    fd = os.open(dest, _FLAGS, 0o666)
    with os.fdopen(fd, "wb") as f:
        for chunk in chunks:
            f.write(chunk)
        f.flush()
        os.fsync(f.fileno())


def _write_entry(verified: Verified, name: str, dest: Path) -> None:
    fd = os.open(dest, _FLAGS, 0o666)
    with os.fdopen(fd, "wb") as f:
        copy_entry(verified.zf, verified.entries[name], verified.info.path, f.write)
        f.flush()
        os.fsync(f.fileno())


def _on_disk_matches(verified: Verified, folder: Path) -> bool:
    """Every file of the manifest in ``folder`` has its size and SHA-256, and the manifest
    kept there is the one verified."""
    try:
        if (folder / MANIFEST_NAME).read_bytes() != verified.raw_manifest:
            return False
        return all(
            _file_sha256(folder / item["path"]) == item["sha256"]
            for item in verified.manifest["files"]
        )
    except OSError:
        return False


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
