"""Signed content packs (``FILE.cwpack``): build, verify, install all or nothing, roll back,
and which content the app uses. Qt-free; docs/updates.md tells editors and trainers.

Choosing the content (``active_content``) does not load PyNaCl; verifying and installing do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from courseware_app.core.packs.active import active_content, content_versions, rollback
from courseware_app.core.packs.model import (
    ContentVersion,
    ModuleChange,
    PackError,
    PackInfo,
)
from courseware_app.core.packs.store import release_notes


def verify_pack(path: Path, data_dir: Path, *, bundled: Path | None = None) -> PackInfo:
    """What the pack is and would change; PackError saying exactly why it is refused."""
    from courseware_app.core.packs.verify import verify_pack as verify

    return verify(path, data_dir, bundled=bundled)


def install_pack(
    path: Path,
    data_dir: Path,
    *,
    allow_downgrade: bool = False,
    progress: Callable[[int, int], None] | None = None,
    bundled: Path | None = None,
) -> PackInfo:
    """Verify, install and activate the pack, all or nothing; PackError when refused."""
    from courseware_app.core.packs.install import install_pack as install

    return install(
        path, data_dir, allow_downgrade=allow_downgrade, progress=progress, bundled=bundled
    )


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
