"""Where bundled content, translations, user data and caches live, resolved in one place."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

DATA_ENV = "COURSEWARE_DATA_DIR"
CONTENT_ENV = "COURSEWARE_CONTENT"
PORTABLE_MARKER = "portable"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_root() -> Path:
    """The folder holding content/, locales/ and the package: the bundle or the source tree."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[2]


def package_dir() -> Path:
    return Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    return resource_root() / "courseware_app" / "resources"


def locales_dir() -> Path:
    return resource_root() / "locales"


def content_dir(option: str | os.PathLike | None = None) -> Path:
    """``--content``, else $COURSEWARE_CONTENT, else the bundled curriculum."""
    if option:
        return Path(option)
    if os.environ.get(CONTENT_ENV):
        return Path(os.environ[CONTENT_ENV])
    return resource_root() / "content"


def portable_base() -> Path | None:
    """The folder beside the executable (or the package) holding a ``portable`` marker."""
    candidates = [Path(sys.executable).resolve().parent] if is_frozen() else []
    candidates.append(package_dir().parent)
    for base in candidates:
        if (base / PORTABLE_MARKER).is_file():
            return base
    return None


def data_dir(
    option: str | os.PathLike | None = None, standard: Callable[[], str] | None = None
) -> Path:
    """``--data-dir``, else $COURSEWARE_DATA_DIR, else portable ``data/``, else ``standard()``.

    ``standard`` is supplied by the caller (QStandardPaths' AppDataLocation) so that this
    module stays free of Qt; without it a per-user folder under the home directory is used.
    """
    if option:
        return Path(option)
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    base = portable_base()
    if base is not None:
        return base / "data"
    if standard is not None:
        location = standard()
        if location:
            return Path(location)
    return Path.home() / ".local" / "share" / "courseware"


def cache_dir(data: Path) -> Path:
    """Caches (compiled catalogs, rendered pages, search index) live inside the data folder."""
    return data / "cache"


def write_json_atomic(path: Path, data) -> None:
    """Write JSON to a temporary name beside ``path``, then rename: readers never see half a file."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
