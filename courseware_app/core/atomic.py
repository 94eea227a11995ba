"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import json
import os
from pathlib import Path

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_bytes(path: Path, data: bytes, *, parents: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush and fsync it, rename it over
    ``path`` and fsync the folder (where the OS allows). The file gets the user's umask, like
    any file the user creates; on failure the temporary file is removed and the error raised.
    ``parents`` creates missing folders first."""
    path = Path(path)
    folder = path.parent
    if parents:
        folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    fd = os.open(tmp, _FLAGS, 0o666)  # the umask applies, as to any file the user creates
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def write_text(path: Path, text: str, *, encoding: str = "utf-8", parents: bool = False) -> None:
    write_bytes(path, text.encode(encoding), parents=parents)


def write_json(path: Path, data: object, *, parents: bool = False) -> None:
    """``data`` (anything ``json.dumps`` takes) as JSON in UTF-8, non-ASCII characters kept."""
    write_text(path, json.dumps(data, ensure_ascii=False), parents=parents)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Windows cannot open a folder, and some file systems
    (network shares, FAT on a USB stick) refuse: the file is written either way."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
