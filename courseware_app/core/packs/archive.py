"""The zip of a pack read with suspicion: every entry's name, type and size checked before
anything is read from it."""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO, Final

from courseware_app.core import limits
from courseware_app.core.i18n import _
from courseware_app.core.packs.model import PackError

CHUNK: Final = 1 << 16
DRIVE_RE: Final = re.compile(r"^[A-Za-z]:")
READ_ERRORS: Final = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)


def damaged(path: Path) -> PackError:
    return PackError(
        _("{path} is not a complete pack (a truncated or damaged zip)").format(path=path)
    )


def open_zip(path: Path) -> zipfile.ZipFile:
    """The pack's zip; PackError when it is missing, unreadable or not a whole zip."""
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise PackError(_("{path} does not exist").format(path=path)) from exc
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise PackError(_("cannot read {path}: {reason}").format(path=path, reason=reason)) from exc
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise damaged(path) from exc


def unsafe_name(name: str) -> str | None:
    """Why an entry's name may not be extracted, or None when it is a plain relative path."""
    if name.startswith("/") or "\\" in name:
        return _("entry '{name}' has an absolute path").format(name=name)
    if DRIVE_RE.match(name):
        return _("entry '{name}' names a drive").format(name=name)
    parts = name.split("/")
    if ".." in parts:
        return _("entry '{name}' leads out of its folder ('..')").format(name=name)
    if any(part in ("", ".") for part in parts) or "\0" in name:
        return _("entry '{name}' is not a plain file name").format(name=name)
    return None


def _kind_problem(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if info.is_dir() or kind == stat.S_IFDIR:
        return _("entry '{name}' is a folder, which a pack does not list").format(
            name=info.filename
        )
    if kind == stat.S_IFLNK:
        return _("entry '{name}' is a symbolic link").format(name=info.filename)
    if kind not in (0, stat.S_IFREG):
        return _("entry '{name}' is a device or special file").format(name=info.filename)
    if info.flag_bits & 0x1:
        return _("entry '{name}' is encrypted").format(name=info.filename)
    return None


def _size_problem(info: zipfile.ZipInfo) -> str | None:
    big = info.file_size >= limits.PACK_RATIO_FROM
    if big and info.file_size > limits.MAX_PACK_RATIO * max(info.compress_size, 1):
        message = _("entry '{name}' expands more than {ratio} times (a zip bomb)")
        return message.format(name=info.filename, ratio=limits.MAX_PACK_RATIO)
    return None


def checked_entries(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The zip's entries by name, after refusing (PackError) too many of them, an unsafe name,
    a duplicate, names that differ only in case, links and devices, and a zip bomb."""
    infos = zf.infolist()
    if len(infos) > limits.MAX_PACK_FILES:
        message = _("the pack holds {count} entries; at most {cap} are allowed")
        raise PackError(message.format(count=len(infos), cap=limits.MAX_PACK_FILES))
    entries: dict[str, zipfile.ZipInfo] = {}
    folded: dict[str, str] = {}
    for info in infos:
        name = info.filename
        problem = unsafe_name(name) or _kind_problem(info) or _size_problem(info)
        if problem is None and name in entries:
            problem = _("entry '{name}' appears twice").format(name=name)
        key = unicodedata.normalize("NFC", name).casefold()
        if problem is None and key in folded:
            message = _("entries '{name}' and '{other}' differ only in case")
            problem = message.format(name=name, other=folded[key])
        if problem is not None:
            raise PackError(problem)
        entries[name] = info
        folded[key] = name
    _check_totals(infos)
    return entries


def _check_totals(infos: list[zipfile.ZipInfo]) -> None:
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if total > limits.MAX_PACK_BYTES:
        message = _("the pack expands to {size} bytes; at most {cap} are allowed")
        raise PackError(message.format(size=total, cap=limits.MAX_PACK_BYTES))
    if total >= limits.PACK_RATIO_FROM and total > limits.MAX_PACK_RATIO * max(packed, 1):
        message = _("the pack expands more than {ratio} times (a zip bomb)")
        raise PackError(message.format(ratio=limits.MAX_PACK_RATIO))


def read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, pack: Path) -> bytes:
    """An entry's bytes (at most ``cap``); PackError when larger or damaged."""
    if info.file_size > cap:
        message = _("entry '{name}' is larger than {cap} bytes")
        raise PackError(message.format(name=info.filename, cap=cap))
    out = bytearray()
    copy_entry(zf, info, pack, out.extend)
    return bytes(out)


def copy_entry(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, pack: Path, write: Callable[[bytes], object]
) -> str:
    """Pass an entry's bytes to ``write`` chunk by chunk, never more than its declared size;
    their SHA-256. PackError when the zip is damaged there."""
    digest = hashlib.sha256()
    seen = 0
    try:
        with zf.open(info) as source:
            seen = _pump(source, write, digest, info.file_size)
    except READ_ERRORS as exc:
        raise damaged(pack) from exc
    if seen != info.file_size:
        raise damaged(pack)
    return digest.hexdigest()


def _pump(
    source: IO[bytes], write: Callable[[bytes], object], digest: hashlib._Hash, cap: int
) -> int:
    seen = 0
    while chunk := source.read(CHUNK):
        seen += len(chunk)
        if seen > cap:
            break
        digest.update(chunk)
        write(chunk)
    return seen
