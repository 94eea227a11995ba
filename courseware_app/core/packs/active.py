"""Which content the app uses: the bundled tree or the active installed pack, whichever is
newer; the versions to list; rolling back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from courseware_app.core.i18n import _
from courseware_app.core.packs.model import ContentVersion, PackError
from courseware_app.core.packs.store import (
    STAGING_PREFIX,
    State,
    installed_content,
    installed_manifest,
    module_versions,
    packs_root,
    read_state,
    supersedes,
    write_state,
)

COURSE_VERSION_RE = re.compile(r"^version:\s*[\"']?([^\"'\s#]+)", re.MULTILINE)


def default_bundled() -> Path:
    from courseware_app.core.paths import resource_root

    return resource_root() / "content"


def _installed_versions(data_dir: Path, name: str) -> dict[str, str] | None:
    """An installed version's modules, or None when it is not whole (then it is not used)."""
    manifest = installed_manifest(data_dir, name)
    if manifest is None or not (installed_content(data_dir, name) / "course.yaml").is_file():
        return None
    return {m: entry["version"] for m, entry in manifest["modules"].items()}


def active_name(data_dir: Path, bundled: Path) -> str | None:
    """The installed version the app uses, or None for the bundled content: the recorded
    choice, unless the bundled content is newer (an app update with newer content wins) and
    the choice was not pinned by a downgrade or a rollback."""
    state = read_state(data_dir)
    if state.active is None:
        return None
    installed = _installed_versions(data_dir, state.active)
    if installed is None:
        return None
    if not state.pinned and supersedes(module_versions(bundled), installed):
        return None
    return state.active


def active_content(data_dir: Path, bundled: Path) -> Path:
    """The content folder the app uses (see :func:`active_name`)."""
    name = active_name(data_dir, bundled)
    return bundled if name is None else installed_content(data_dir, name)


def course_version(content_dir: Path) -> str:
    """course.yaml's version, read without YAML; '' when there is none."""
    try:
        text = (content_dir / "course.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    found = COURSE_VERSION_RE.search(text)
    return found.group(1) if found else ""


def content_versions(data_dir: Path, bundled: Path) -> list[ContentVersion]:
    """The bundled content, then each installed version kept (oldest first), the one in use
    marked active."""
    active = active_name(data_dir, bundled)
    state = read_state(data_dir)
    out = [
        ContentVersion(
            "bundled", course_version(bundled), module_versions(bundled), active is None, bundled
        )
    ]
    names = [n for n in (*state.history, state.active) if n is not None]
    for name in dict.fromkeys(names):
        manifest = installed_manifest(data_dir, name)
        if manifest is None:
            continue
        modules = {m: entry["version"] for m, entry in manifest["modules"].items()}
        folder = installed_content(data_dir, name)
        version = manifest["course_version"]
        out.append(ContentVersion("installed", version, modules, name == active, folder))
    return out


def rollback(data_dir: Path, *, bundled: Path | None = None) -> str:
    """Make the previous version active again (one atomic switch) and drop the one left;
    the course version now active. PackError when there is nothing to roll back to."""
    bundled = default_bundled() if bundled is None else bundled
    state = read_state(data_dir)
    if not state.history:
        raise PackError(_("there is no previous content version to roll back to"))
    previous = state.history[-1]
    write_state(data_dir, State(previous, state.history[:-1], pinned=previous is not None))
    prune(data_dir)
    if previous is None:
        return course_version(bundled)
    manifest = installed_manifest(data_dir, previous)
    return manifest["course_version"] if manifest is not None else ""


def prune(data_dir: Path) -> None:
    """Remove staging folders and versions neither active nor kept for rollback."""
    state = read_state(data_dir)
    keep = {n for n in (*state.history, state.active) if n is not None}
    root = packs_root(data_dir)
    for entry in sorted(root.iterdir()) if root.is_dir() else ():
        if entry.is_dir() and (entry.name.startswith(STAGING_PREFIX) or entry.name not in keep):
            shutil.rmtree(entry, ignore_errors=True)
