"""Build a signed pack from a content tree that passes ``validate --strict``."""

from __future__ import annotations

import hashlib
import os
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from courseware_app import __version__
from courseware_app.core.course import Course, Diagnostic
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.packs.keys import SigningKey
from courseware_app.core.packs.manifest import manifest_bytes
from courseware_app.core.packs.model import (
    CONTENT_PREFIX,
    MANIFEST_NAME,
    PACK_FORMAT,
    SIGNATURE_NAME,
    Manifest,
    ManifestFile,
    ManifestModule,
    PackError,
)
from courseware_app.core.packs.store import release_notes

SKIPPED = frozenset({"__pycache__", ".git", ".svn", ".hg"})


class CourseRefused(PackError):
    """The course fails ``validate --strict``: its problems, to print."""

    def __init__(self, message: str, problems: list[Diagnostic]) -> None:
        super().__init__(message)
        self.problems = problems


def strict_problems(course: Course) -> list[Diagnostic]:
    """What ``courseware validate --strict`` would fail on: every error and warning."""
    from courseware_app.core.validate import validate_course

    return validate_course(course)


def content_files(content_dir: Path) -> Iterator[tuple[str, Path]]:
    """(name in the pack, file) for every file of the tree, sorted; hidden files and version
    control folders are left out, a link refused."""
    for folder, dirs, files in os.walk(content_dir):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED and not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                message = _("{path} is a link or a special file; a pack holds plain files only")
                raise PackError(message.format(path=path))
            yield CONTENT_PREFIX + path.relative_to(content_dir).as_posix(), path


def pack_manifest(course: Course, files: list[ManifestFile], key: SigningKey) -> Manifest:
    modules = {
        m.id: ManifestModule(version=m.version, languages=sorted(m.translations))
        for m in sorted(course.modules.values(), key=lambda m: m.id)
    }
    notes = {m: release_notes(course.root, m, entry["version"]) for m, entry in modules.items()}
    return Manifest(
        format=PACK_FORMAT,
        course_id=course.id,
        course_version=course.version,
        min_app=__version__,
        created_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        key_id=key.public.key_id,
        files=files,
        modules=modules,
        release_notes={m: text for m, text in notes.items() if text},
    )


def build_pack(course: Course, key: SigningKey, output: Path) -> Manifest:
    """Write ``output`` (atomically): the course's tree, its manifest and the signature.
    PackError when the course fails ``validate --strict``."""
    problems = strict_problems(course)
    if problems:
        message = ngettext(
            "the course fails validate --strict ({count} problem); no pack was written",
            "the course fails validate --strict ({count} problems); no pack was written",
            len(problems),
        )
        raise CourseRefused(message.format(count=len(problems)), problems)
    contents = [(name, path.read_bytes()) for name, path in content_files(course.root)]
    files = [
        ManifestFile(path=name, size=len(data), sha256=hashlib.sha256(data).hexdigest())
        for name, data in contents
    ]
    manifest = pack_manifest(course, files, key)
    raw = manifest_bytes(manifest)
    write_zip(output, [(MANIFEST_NAME, raw), (SIGNATURE_NAME, key.sign(raw)), *contents])
    return manifest


def write_zip(output: Path, entries: list[tuple[str, bytes]]) -> None:
    """A zip of plain files (mode 644), written beside ``output`` and renamed over it."""
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
