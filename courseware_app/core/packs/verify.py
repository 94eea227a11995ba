"""Verify a pack before anything is written: its zip, its signature by a trusted key, every
file against the manifest, and whether it fits this app and this course."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from courseware_app import __version__
from courseware_app.core import limits
from courseware_app.core.i18n import _
from courseware_app.core.packs.active import active_name, default_bundled
from courseware_app.core.packs.archive import checked_entries, copy_entry, open_zip, read_entry
from courseware_app.core.packs.keys import PublicKey, trusted_keys
from courseware_app.core.packs.manifest import parse_manifest
from courseware_app.core.packs.model import (
    CONTENT_PREFIX,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
    ModuleChange,
    PackError,
    PackInfo,
)
from courseware_app.core.packs.store import (
    installed_manifest,
    module_versions,
    older_modules,
    version_key,
)

SIGNATURE_BYTES = 64


@dataclass
class Verified:
    """A verified pack with its zip still open (the caller closes it)."""

    info: PackInfo
    manifest: Manifest
    raw_manifest: bytes
    signature: bytes
    zf: zipfile.ZipFile
    entries: dict[str, zipfile.ZipInfo]


def shipped_keys() -> Path:
    from courseware_app.core.paths import resources_dir

    return resources_dir() / "keys"


def verify_pack(path: Path, data_dir: Path, *, bundled: Path | None = None) -> PackInfo:
    """What the pack is and would change; PackError saying exactly why it is refused."""
    verified = open_verified(path, data_dir, bundled=bundled)
    verified.zf.close()
    return verified.info


def open_verified(path: Path, data_dir: Path, *, bundled: Path | None = None) -> Verified:
    bundled = default_bundled() if bundled is None else bundled
    zf = open_zip(path)
    try:
        entries = checked_entries(zf)
        raw, signature = _signed_parts(zf, entries, path)
        key = _signer(raw, signature, trusted_keys(data_dir, shipped_keys()))
        manifest = parse_manifest(raw)
        _check_listed(entries, manifest)
        _check_files(zf, entries, manifest, path)
        info = _info(path, manifest, key, data_dir, bundled)
        _check_fit(manifest, _active_course_id(data_dir, bundled))
    except BaseException:
        zf.close()
        raise
    return Verified(info, manifest, raw, signature, zf, entries)


def _signed_parts(
    zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], path: Path
) -> tuple[bytes, bytes]:
    if MANIFEST_NAME not in entries:
        raise PackError(
            _("{path} is not a content pack: it has no manifest.json").format(path=path)
        )
    if SIGNATURE_NAME not in entries:
        raise PackError(_("the pack is not signed (it has no manifest.sig)"))
    raw = read_entry(zf, entries[MANIFEST_NAME], limits.MAX_PACK_MANIFEST_BYTES, path)
    signature = read_entry(zf, entries[SIGNATURE_NAME], SIGNATURE_BYTES, path)
    return raw, signature


def _signer(raw: bytes, signature: bytes, keys: dict[str, PublicKey]) -> PublicKey:
    """The trusted key whose signature of the manifest's exact bytes this is."""
    for key in keys.values():
        if key.verifies(raw, signature):
            return key
    try:
        claimed = parse_manifest(raw)["key_id"]
    except PackError:
        claimed = ""
    if claimed in keys:
        raise PackError(
            _("the manifest was altered after it was signed (the signature does not match)")
        )
    message = _(
        "the pack is signed by a key this computer does not trust (key id {key_id}); "
        "trust the publisher's key first with courseware pack trust"
    )
    raise PackError(message.format(key_id=claimed or "?"))


def _check_listed(entries: dict[str, zipfile.ZipInfo], manifest: Manifest) -> None:
    """The zip holds exactly the manifest's files, the manifest and its signature."""
    listed = {f["path"] for f in manifest["files"]}
    if len(listed) != len(manifest["files"]):
        raise PackError(_("the pack's manifest lists a file twice"))
    for name in entries:
        if name not in listed and name not in (MANIFEST_NAME, SIGNATURE_NAME):
            raise PackError(_("entry '{name}' is not in the manifest").format(name=name))
    for name in sorted(listed - entries.keys()):
        raise PackError(_("'{name}' is in the manifest but not in the pack").format(name=name))
    if f"{CONTENT_PREFIX}course.yaml" not in listed:
        raise PackError(_("the pack holds no content/course.yaml"))


def hash_mismatch(name: str) -> PackError:
    return PackError(
        _("'{name}' does not match the manifest (its SHA-256 differs)").format(name=name)
    )


def _check_files(
    zf: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], manifest: Manifest, path: Path
) -> None:
    """Every file's size and SHA-256, as the zip holds it, against the manifest."""
    for item in manifest["files"]:
        info = entries[item["path"]]
        if info.file_size != item["size"]:
            raise hash_mismatch(item["path"])
        if copy_entry(zf, info, path, lambda _chunk: None) != item["sha256"]:
            raise hash_mismatch(item["path"])


def active_versions(data_dir: Path, bundled: Path) -> dict[str, str]:
    """The module versions of the content the app uses now."""
    name = active_name(data_dir, bundled)
    manifest = installed_manifest(data_dir, name) if name is not None else None
    if manifest is None:
        return module_versions(bundled)
    return {m: entry["version"] for m, entry in manifest["modules"].items()}


def changes(old: dict[str, str], new: dict[str, str]) -> tuple[ModuleChange, ...]:
    """Modules added, updated (to any other version) and removed, by id."""
    return tuple(
        ModuleChange(m, old.get(m), new.get(m))
        for m in sorted(old.keys() | new.keys())
        if old.get(m) != new.get(m)
    )


def _info(
    path: Path, manifest: Manifest, key: PublicKey, data_dir: Path, bundled: Path
) -> PackInfo:
    old = active_versions(data_dir, bundled)
    new = {m: entry["version"] for m, entry in manifest["modules"].items()}
    return PackInfo(
        path=path,
        course_id=manifest["course_id"],
        course_version=manifest["course_version"],
        min_app=manifest["min_app"],
        created_at=manifest["created_at"],
        key_id=key.key_id,
        publisher=key.name or None,
        modules=new,
        changes=changes(old, new),
        notes=dict(manifest["release_notes"]),
        downgrade=bool(older_modules(new, old)),
    )


def _active_course_id(data_dir: Path, bundled: Path) -> str:
    from courseware_app.core.loader.manifest import load_manifest
    from courseware_app.core.packs.active import active_content

    return load_manifest(active_content(data_dir, bundled))[0].id


def _check_fit(manifest: Manifest, course_id: str) -> None:
    if manifest["course_id"] != course_id:
        message = _("the pack is for the course '{pack}', not '{ours}'")
        raise PackError(message.format(pack=manifest["course_id"], ours=course_id))
    if version_key(manifest["min_app"]) > version_key(__version__):
        message = _("the pack needs Courseware {needed} or newer; this is {version}")
        raise PackError(message.format(needed=manifest["min_app"], version=__version__))
