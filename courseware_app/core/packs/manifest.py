"""manifest.json: written with sorted keys, read back value by value (a pack is hostile until
proven otherwise)."""

from __future__ import annotations

import json
import re
from typing import Final

from courseware_app.core.i18n import _
from courseware_app.core.packs.model import (
    CONTENT_PREFIX,
    PACK_FORMAT,
    Manifest,
    ManifestFile,
    ManifestModule,
    PackError,
)

SHA256_RE: Final = re.compile(r"^[0-9a-f]{64}$")
TEXT_FIELDS: Final = ("course_id", "course_version", "min_app", "created_at", "key_id")


def manifest_bytes(manifest: Manifest) -> bytes:
    """The exact bytes that are signed and stored: sorted keys, UTF-8, one final newline."""
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return text.encode("utf-8")


def _invalid(detail: str) -> PackError:
    return PackError(_("the pack's manifest is not valid: {detail}").format(detail=detail))


def parse_manifest(raw: bytes) -> Manifest:
    """The manifest in ``raw``; PackError naming the first value that is wrong."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _invalid(_("it is not JSON")) from exc
    if not isinstance(document, dict):
        raise _invalid(_("it is not a JSON object"))
    if document.get("format") != PACK_FORMAT:
        message = _("this app reads pack format {format}; the pack is of another format")
        raise PackError(message.format(format=PACK_FORMAT))
    texts = {key: document.get(key) for key in TEXT_FIELDS}
    for key, value in texts.items():
        if not isinstance(value, str) or not value:
            raise _invalid(_("'{key}' must be text").format(key=key))
    return Manifest(
        format=PACK_FORMAT,
        course_id=str(texts["course_id"]),
        course_version=str(texts["course_version"]),
        min_app=str(texts["min_app"]),
        created_at=str(texts["created_at"]),
        key_id=str(texts["key_id"]),
        files=_files(document.get("files")),
        modules=_modules(document.get("modules")),
        release_notes=_notes(document.get("release_notes", {})),
    )


def _files(value: object) -> list[ManifestFile]:
    if not isinstance(value, list):
        raise _invalid(_("'files' must be a list"))
    out: list[ManifestFile] = []
    for item in value:
        path = item.get("path") if isinstance(item, dict) else None
        size = item.get("size") if isinstance(item, dict) else None
        sha = item.get("sha256") if isinstance(item, dict) else None
        if not (isinstance(path, str) and path.startswith(CONTENT_PREFIX)):
            raise _invalid(_("every file must have a path under content/"))
        if not (isinstance(size, int) and size >= 0 and isinstance(sha, str)):
            raise _invalid(_("file '{path}' needs a size and a sha256").format(path=path))
        if not SHA256_RE.match(sha):
            raise _invalid(_("file '{path}' needs a size and a sha256").format(path=path))
        out.append(ManifestFile(path=path, size=size, sha256=sha))
    return out


def _modules(value: object) -> dict[str, ManifestModule]:
    if not isinstance(value, dict):
        raise _invalid(_("'modules' must be a table"))
    out: dict[str, ManifestModule] = {}
    for module, entry in value.items():
        version = entry.get("version") if isinstance(entry, dict) else None
        languages = entry.get("languages") if isinstance(entry, dict) else None
        if not isinstance(version, str) or not isinstance(languages, list):
            message = _("module '{module}' needs a version and languages")
            raise _invalid(message.format(module=module))
        out[str(module)] = ManifestModule(version=version, languages=[str(x) for x in languages])
    return out


def _notes(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise _invalid(_("'release_notes' must be a table of texts"))
    return {str(k): v for k, v in value.items()}
