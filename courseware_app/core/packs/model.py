"""The values a content pack is described by: its manifest, what it would change, the refusal."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypedDict

PACK_FORMAT: Final = 1
MANIFEST_NAME: Final = "manifest.json"
SIGNATURE_NAME: Final = "manifest.sig"
CONTENT_PREFIX: Final = "content/"
PACK_SUFFIX: Final = ".cwpack"


class PackError(Exception):
    """A pack refused, or a pack operation that could not be done: the message is translated
    and says why; nothing was changed."""


class ManifestFile(TypedDict):
    """One file of the pack: its path in the zip (under ``content/``), size and SHA-256."""

    path: str
    size: int
    sha256: str


class ManifestModule(TypedDict):
    version: str
    languages: list[str]


class Manifest(TypedDict):
    """``manifest.json``: what the signature covers."""

    format: int
    course_id: str
    course_version: str
    min_app: str
    created_at: str
    key_id: str
    files: list[ManifestFile]
    modules: dict[str, ManifestModule]
    release_notes: dict[str, str]  # module -> the notes of the version the pack carries


@dataclass(frozen=True)
class ModuleChange:
    """A module the pack adds (``old`` None), updates or removes (``new`` None)."""

    module: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class PackInfo:
    """A verified pack: what it is, who signed it, what it would change."""

    path: Path
    course_id: str
    course_version: str
    min_app: str
    created_at: str
    key_id: str
    publisher: str | None  # the trusted key's name
    modules: dict[str, str]  # module -> version
    changes: tuple[ModuleChange, ...]
    notes: dict[str, str]  # module -> release notes text
    downgrade: bool


@dataclass(frozen=True)
class ContentVersion:
    """The bundled content or one installed pack, and whether the app uses it."""

    source: str  # "bundled" | "installed"
    course_version: str
    modules: dict[str, str]
    active: bool
    path: Path
