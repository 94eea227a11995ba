"""What changed in a content tree since the last look: a listing of every file's size and time."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

Stamp = tuple[int, int]  # (size, modification time in ns)


def snapshot(root: Path) -> dict[Path, Stamp]:
    """Every file under ``root`` (hidden files and folders left out: editors' swap files)."""
    found: dict[Path, Stamp] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or name.endswith("~"):
                continue
            path = Path(folder, name)
            try:
                st = path.stat()
            except OSError:
                continue  # gone between the listing and the look
            found[path] = (st.st_size, st.st_mtime_ns)
    return found


def folders(root: Path) -> list[Path]:
    """``root`` and every folder under it that ``snapshot`` looks into."""
    out = [root]
    for folder, dirs, _files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(folder, d) for d in dirs)
    return out


def changed(
    old: Mapping[Path, Stamp], new: Mapping[Path, Stamp], named: Iterable[Path] = ()
) -> set[Path]:
    """Files added, removed or rewritten between two snapshots, and the files a watcher
    ``named`` (a save within the clock's resolution keeps size and time)."""
    out = {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}
    out.update(p for p in named if p in new or p in old)
    return out
