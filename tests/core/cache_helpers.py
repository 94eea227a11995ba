"""Shared set-up for the cache tests: a copy of the code that shapes cached output."""

from __future__ import annotations

import shutil
from pathlib import Path

from courseware_app.core import paths
from courseware_app.core.fingerprint import BUILD_FOLDERS


def package_copy(target: Path) -> Path:
    """core/ and resources/ of the package, copied (bytecode left out) so a test may edit them."""
    for name in BUILD_FOLDERS:
        shutil.copytree(
            paths.package_dir() / name,
            target / name,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    return target


def edit(path: Path, extra: str = "\n/* edited */\n") -> None:
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
