"""What every cache depends on: the application build, the content tree, the UI catalog.

Light to import and quick to take (stat() listings, no hashing of files): the start-up path
compares a fingerprint before its first paint. The build part is the version plus the name,
size and modification time of every file under ``courseware_app/core`` and
``courseware_app/resources`` (the code and styles that shape cached output); a frozen bundle
has no .py files, so there it is the ``build-id`` that ``courseware_app.build`` writes into the
bundle, a hash of those same files. ``COURSEWARE_NO_CACHE=1`` turns every cache off.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from courseware_app import __version__
from courseware_app.core import paths
from courseware_app.core.i18n import catalog_po

NO_CACHE_ENV = "COURSEWARE_NO_CACHE"
BUILD_ID_FILE = "build-id"  # beside the bundle's resources folder: courseware_app/build-id
BUILD_FOLDERS = ("core", "resources")  # under the package: what shapes cached output


def caches_enabled() -> bool:
    """False when $COURSEWARE_NO_CACHE is set to anything but "0": no cached course, page or
    start record is then read or written (for editors checking a change, and for support)."""
    return os.environ.get(NO_CACHE_ENV, "") in ("", "0")


def build_files(package: Path) -> Iterator[Path]:
    """Every file under the package's core/ and resources/, in a stable order (no bytecode)."""
    for name in BUILD_FOLDERS:
        for folder, dirs, files in os.walk(package / name):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for file in sorted(files):
                if not file.endswith((".pyc", ".pyo")):
                    yield Path(folder, file)


def build_listing(package: Path | None = None) -> str:
    """The application build: the version, then the bundle's build id when frozen, else each
    file that shapes cached output as ``path:size:mtime_ns``."""
    package = package or paths.package_dir()
    build_id = paths.resources_dir().parent / BUILD_ID_FILE
    if paths.is_frozen() and build_id.is_file():
        return f"{__version__}\n{build_id.read_text(encoding='utf-8').strip()}"
    lines = [__version__]
    for path in build_files(package):
        st = path.stat()
        lines.append(f"{path.relative_to(package).as_posix()}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(lines)


def content_listing(root: Path) -> str:
    """The content tree: its place, then every file as ``path:size:mtime_ns``."""
    root = Path(root)
    lines = [str(root.resolve())]
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            st = os.stat(path)
            lines.append(f"{os.path.relpath(path, root)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(lines)


def file_stamp(path: Path) -> str:
    """Name, modification time and size of one file ("name:-" when it is missing)."""
    try:
        st = path.stat()
    except OSError:
        return f"{path.name}:-"
    return f"{path.name}:{st.st_mtime_ns}:{st.st_size}"


def digest(text: str) -> str:
    """A short name for a fingerprint, for file names (hashlib is imported only here)."""
    import hashlib

    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Fingerprint:
    """The parts, each taken once: code and content loaded at the start of a session stay what
    that session renders, so an edit made meanwhile must miss at the next start, not now."""

    def __init__(self, catalogs: Path | None = None, package: Path | None = None) -> None:
        self.catalogs = catalogs
        self.package = package
        self._build: str | None = None
        self._contents: dict[Path, str] = {}

    def build(self) -> str:
        if self._build is None:
            self._build = build_listing(self.package)
        return self._build

    def content(self, root: Path) -> str:
        root = Path(root)
        if root not in self._contents:
            self._contents[root] = content_listing(root) if root.is_dir() else "-"
        return self._contents[root]

    def catalog(self, ui_language: str) -> str:
        """The UI catalog (.po) of the language, looked at each time (a switch reads it anew)."""
        if self.catalogs is None:
            return ui_language
        return f"{ui_language}\n{file_stamp(catalog_po(self.catalogs, ui_language))}"

    def of(self, root: Path, ui_language: str | None = None) -> str:
        """Build and content, and the catalog when ``ui_language`` is given."""
        parts = [self.build(), self.content(root)]
        if ui_language is not None:
            parts.append(self.catalog(ui_language))
        return "\n".join(parts)
