"""Signed content packs (``FILE.cwpack``): build, verify, install all or nothing, roll back,
and which content the app uses. Qt-free; docs/updates.md tells editors and trainers."""

from __future__ import annotations

from courseware_app.core.packs.active import active_content, content_versions, rollback
from courseware_app.core.packs.install import install_pack
from courseware_app.core.packs.model import (
    ContentVersion,
    ModuleChange,
    PackError,
    PackInfo,
)
from courseware_app.core.packs.store import release_notes
from courseware_app.core.packs.verify import verify_pack

__all__ = [
    "ContentVersion",
    "ModuleChange",
    "PackError",
    "PackInfo",
    "active_content",
    "content_versions",
    "install_pack",
    "release_notes",
    "rollback",
    "verify_pack",
]
