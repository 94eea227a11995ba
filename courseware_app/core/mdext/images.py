"""The image files a module uses: where an image resolves as the reader resolves it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote


def asset_file(modules_root: Path, relative: str) -> Path | None:
    """``modules/<relative>`` when it is a file inside the modules folder once resolved
    (symbolic links followed), else None: the one rule for what the reader may read."""
    try:
        root = modules_root.resolve()
        path = (root / relative).resolve()
    except (OSError, ValueError, RuntimeError):  # a symbolic-link loop, a NUL in the name
        return None
    return path if root in path.parents and path.is_file() else None


def is_absolute_source(src: str) -> bool:
    """``/etc/x.png``, ``\\x.png``, ``C:/x.png``: a source that is not relative to the module."""
    name = unquote(src)
    return name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", name) is not None
