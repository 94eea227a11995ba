"""Installed content in the data folder: which version is active, the ones kept for rollback,
and the module versions of a content tree."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from courseware_app.core import atomic, paths
from courseware_app.core.course import parse_semver
from courseware_app.core.packs.manifest import parse_manifest
from courseware_app.core.packs.model import MANIFEST_NAME, Manifest, PackError

PACKS_DIR: Final = paths.PACKS_DIR
STATE_NAME: Final = "active.json"
STAGING_PREFIX: Final = ".staging-"
KEEP_PREVIOUS: Final = 2
CHANGELOG: Final = "CHANGELOG.md"
FRONT_VERSION_RE: Final = re.compile(r"^version:\s*[\"']?([^\"'\s#]+)", re.MULTILINE)
SOURCE_LANG_RE: Final = re.compile(r"^source_language:\s*[\"']?([A-Za-z-]+)", re.MULTILINE)
HEADING_RE: Final = re.compile(r"^##\s+(\S+)\s+(\S+)")


@dataclass(frozen=True)
class State:
    """``content-packs/active.json``: the active installed version (None: the bundled content),
    the previous ones, oldest first, and whether the choice stands against newer bundled
    content (a downgrade asked for, a rollback)."""

    active: str | None = None
    history: tuple[str | None, ...] = ()
    pinned: bool = False


def packs_root(data_dir: Path) -> Path:
    return data_dir / PACKS_DIR


def version_folder(data_dir: Path, name: str) -> Path:
    return packs_root(data_dir) / name


def read_state(data_dir: Path) -> State:
    """The recorded state; the bundled content when there is none or it cannot be read."""
    try:
        document = json.loads((packs_root(data_dir) / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return State()
    if not isinstance(document, dict):
        return State()
    active = document.get("active")
    history = document.get("history")
    names = [h for h in history if h is None or _plain(h)] if isinstance(history, list) else []
    return State(
        active if _plain(active) else None,
        tuple(names),
        document.get("pinned") is True,
    )


def _plain(name: object) -> bool:
    return isinstance(name, str) and re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.+_-]*", name) is not None


def write_state(data_dir: Path, state: State) -> None:
    """Switch the active content: one atomic write of ``active.json``."""
    document = {
        "format": 1,
        "active": state.active,
        "history": list(state.history),
        "pinned": state.pinned,
    }
    atomic.write_json(packs_root(data_dir) / STATE_NAME, document, parents=True)


def installed_manifest(data_dir: Path, name: str) -> Manifest | None:
    """The manifest kept beside an installed version; None when it is gone or unreadable."""
    try:
        raw = (version_folder(data_dir, name) / MANIFEST_NAME).read_bytes()
        return parse_manifest(raw)
    except (OSError, PackError):
        return None


def installed_content(data_dir: Path, name: str) -> Path:
    return version_folder(data_dir, name) / "content"


# ---------------------------------------------------------------- versions


def version_key(text: str) -> tuple[int, ...]:
    """A version as numbers to compare: semantic versions, else every number in it."""
    semver = parse_semver(text)
    if semver is not None:
        return semver
    return tuple(int(n) for n in re.findall(r"\d+", text.split("-")[0]))


def module_versions(content_dir: Path) -> dict[str, str]:
    """Each module's version in a content tree, from its source-language file's front matter
    (read without YAML: this runs at start-up)."""
    try:
        course = (content_dir / "course.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    found = SOURCE_LANG_RE.search(course)
    source = found.group(1) if found else "en"
    out: dict[str, str] = {}
    modules = content_dir / "modules"
    for folder in sorted(modules.iterdir()) if modules.is_dir() else ():
        version = _front_version(folder / f"{source}.md")
        if version is not None:
            out[folder.name] = version
    return out


def _front_version(path: Path) -> str | None:
    try:
        with path.open("r", encoding="utf-8") as f:
            head = f.read(4096)
    except (OSError, UnicodeDecodeError):
        return None
    if not head.startswith("---"):
        return None
    end = head.find("\n---", 3)
    found = FRONT_VERSION_RE.search(head[: end if end > 0 else len(head)])
    return found.group(1) if found else None


def older_modules(new: dict[str, str], old: dict[str, str]) -> list[str]:
    """The modules of both whose version in ``new`` is older than in ``old``."""
    return sorted(m for m in new.keys() & old.keys() if version_key(new[m]) < version_key(old[m]))


def supersedes(newer: dict[str, str], than: dict[str, str]) -> bool:
    """``newer`` has a module newer than ``than`` and none older."""
    return bool(older_modules(than, newer)) and not older_modules(newer, than)


def release_notes(content_dir: Path, module: str, version: str) -> str:
    """The text under ``## MODULE VERSION`` in the tree's CHANGELOG.md; '' when there is none."""
    try:
        lines = (content_dir / CHANGELOG).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    out: list[str] | None = None
    for line in lines:
        heading = HEADING_RE.match(line) if line.startswith("## ") else None
        if out is not None and (heading or line.startswith("# ")):
            break
        if heading and heading.groups() == (module, version):
            out = []
        elif out is not None:
            out.append(line)
    return "\n".join(out or []).strip()
