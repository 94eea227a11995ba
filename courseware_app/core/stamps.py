"""Cheap fingerprints of files and of the content tree, for the caches; imports nothing heavy."""

from __future__ import annotations

import os
from pathlib import Path

from courseware_app import __version__

FORMAT = 1  # bump when the course cache's JSON shape changes


def file_stamp(path: Path) -> str:
    """Name, modification time and size of one file ("name:-" when it is missing)."""
    try:
        st = path.stat()
    except OSError:
        return f"{path.name}:-"
    return f"{path.name}:{st.st_mtime_ns}:{st.st_size}"


def content_stamp(root: Path) -> str:
    """A hash of the name, size and modification time of every file in the content tree."""
    import hashlib

    return hashlib.sha1(content_listing(root).encode("utf-8")).hexdigest()


def content_listing(root: Path) -> str:
    """The name, size and modification time of every file in the content tree, one per line
    (what ``content_stamp`` hashes; compared as it is at start-up, where hashlib would cost
    more than the comparison)."""
    parts = [__version__, str(FORMAT), str(Path(root).resolve())]
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            st = os.stat(os.path.join(folder, name))
            parts.append(
                f"{os.path.relpath(os.path.join(folder, name), root)}:{st.st_size}:{st.st_mtime_ns}"
            )
    return "\n".join(parts)
