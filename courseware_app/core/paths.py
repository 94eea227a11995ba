"""Where bundled content, translations, user data and caches live, resolved in one place."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from courseware_app import APP_ID, ORG_NAME

DATA_ENV = "COURSEWARE_DATA_DIR"
CONTENT_ENV = "COURSEWARE_CONTENT"
PORTABLE_MARKER = "portable"
PACKS_DIR = "content-packs"  # core.packs.store.PACKS_DIR
log = logging.getLogger(__name__)


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


def content_dir(
    option: str | os.PathLike[str] | None = None, data: str | os.PathLike[str] | None = None
) -> Path:
    """``--content``, else $COURSEWARE_CONTENT, else the newer of the bundled curriculum and
    the content pack installed in the data folder (``data`` as for :func:`data_dir`)."""
    if option:
        return Path(option)
    if os.environ.get(CONTENT_ENV):
        return Path(os.environ[CONTENT_ENV])
    bundled = resource_root() / "content"
    folder = data_dir(data)
    if not (folder / PACKS_DIR).is_dir():  # no pack ever installed: nothing more to read
        return bundled
    from courseware_app.core.packs.active import active_content

    return active_content(folder, bundled)


def portable_base() -> Path | None:
    """The folder beside the executable (or the package) holding a ``portable`` marker."""
    candidates = [Path(sys.executable).resolve().parent] if is_frozen() else []
    candidates.append(package_dir().parent)
    for base in candidates:
        if (base / PORTABLE_MARKER).is_file():
            return base
    return None


def data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else $COURSEWARE_DATA_DIR, else portable ``data/``, else per-user: the
    one rule for the GUI and the command line. The per-user folder is :func:`user_data_dir`,
    the one Qt's AppDataLocation names for the GUI."""
    if option:
        return Path(option)
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    base = portable_base()
    if base is not None:
        return base / "data"
    folder = user_data_dir()
    adopt_legacy_data(legacy_data_dir(), folder)
    return folder


def user_data_dir(
    environ: Mapping[str, str] | None = None, platform: str | None = None, home: Path | None = None
) -> Path:
    """The per-user data folder Qt's QStandardPaths.AppDataLocation gives our GUI, without Qt.

    Linux and other Unixes: $XDG_DATA_HOME (when absolute) or ~/.local/share; Windows:
    %APPDATA%; macOS: ~/Library/Application Support; then ``<ORG_NAME>/<APP_ID>``.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    home = Path.home() if home is None else home
    if platform == "win32":
        appdata = environ.get("APPDATA", "")
        base = Path(appdata) if appdata else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / ORG_NAME / APP_ID


def legacy_data_dir(home: Path | None = None) -> Path:
    """The command line's own per-user folder before it followed the GUI's rule."""
    return (Path.home() if home is None else home) / ".local" / "share" / "courseware"


def adopt_legacy_data(old: Path, new: Path) -> bool:
    """Move what ``old`` holds into ``new`` once, while ``new`` does not exist yet.

    ``new`` may lie inside ``old`` (``~/.local/share/courseware/courseware`` on Linux): the
    folders on its way stay where they are. True when something was moved.
    """
    if new.exists() or not old.is_dir() or old == new:
        return False
    entries = [entry for entry in old.iterdir() if not new.is_relative_to(entry)]
    if not entries:
        return False
    try:
        new.mkdir(parents=True)
        for entry in entries:
            import shutil  # once in a data folder's life: not on every start

            shutil.move(str(entry), str(new / entry.name))
    except OSError as exc:
        log.warning("could not move the data in %s to %s: %s", old, new, exc)
        return False
    return True


def cache_dir(data: Path) -> Path:
    """Caches (compiled catalogs, rendered pages, search index) live inside the data folder."""
    return data / "cache"
