"""Small courses, keys and packs (well made or hostile) for the content-pack tests."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from courseware_app.core.packs.keys import SigningKey, trust_key
from courseware_app.core.packs.manifest import manifest_bytes
from courseware_app.core.packs.model import Manifest, ManifestFile, ManifestModule
from courseware_app.core.packs.store import module_versions

COURSE_ID = "test-course"
COURSE_YAML = """\
id: {course_id}
version: "{version}"
title: {{en: Test}}
source_language: en
languages: [en]
tracks:
  - id: t
    title: {{en: T}}
    modules: [{modules}]
"""


def write_course(
    root: Path, versions: dict[str, str], *, course_id: str = COURSE_ID, extra_files: int = 0
) -> Path:
    """A course tree: one English file per module with its version, a changelog, and
    ``extra_files`` more small files spread over the modules."""
    root.mkdir(parents=True, exist_ok=True)
    course_version = max(versions.values(), default="1.0.0")
    text = COURSE_YAML.format(
        course_id=course_id, version=course_version, modules=", ".join(versions)
    )
    (root / "course.yaml").write_text(text, encoding="utf-8")
    changelog = ["# Changelog", ""]
    for module, version in versions.items():
        folder = root / "modules" / module
        folder.mkdir(parents=True, exist_ok=True)
        front = f'---\nid: {module}\nversion: "{version}"\ntitle: {module}\n---\n'
        (folder / "en.md").write_text(front + f"\n## Part {{#p}}\n\n{module} at {version}.\n")
        changelog += [f"## {module} {version}", "", f"What changed in {module} {version}.", ""]
    (root / "CHANGELOG.md").write_text("\n".join(changelog), encoding="utf-8")
    names = sorted(versions)
    for i in range(extra_files):
        module = names[i % len(names)]
        note = f"{module} {versions[module]} file {i}\n"
        (root / "modules" / module / f"note-{i:03}.txt").write_text(note)
    return root


def tree_files(root: Path) -> dict[str, bytes]:
    """Every file of a tree by its name in a pack (``content/...``)."""
    return {
        "content/" + p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def key_named(name: str = "Test publisher") -> SigningKey:
    return SigningKey.generate(name)


def trusted(data: Path, name: str = "Test publisher") -> SigningKey:
    key = key_named(name)
    trust_key(key.public, data)
    return key


@dataclass
class Pack:
    """A pack to write: its files (name -> bytes), manifest values, and how to spoil it."""

    files: dict[str, bytes]
    key: SigningKey
    modules: dict[str, str] = field(default_factory=dict)
    course_id: str = COURSE_ID
    course_version: str = "1.0.0"
    min_app: str = "0.0.1"
    listed: dict[str, bytes] | None = None  # what the manifest says (default: ``files``)
    extra: list[tuple[zipfile.ZipInfo | str, bytes]] = field(default_factory=list)
    sign: bool = True
    alter: bool = False
    signer: SigningKey | None = None

    def manifest(self) -> Manifest:
        listed = self.files if self.listed is None else self.listed
        files = [
            ManifestFile(path=name, size=len(data), sha256=hashlib.sha256(data).hexdigest())
            for name, data in listed.items()
        ]
        modules = {m: ManifestModule(version=v, languages=["en"]) for m, v in self.modules.items()}
        return Manifest(
            format=1,
            course_id=self.course_id,
            course_version=self.course_version,
            min_app=self.min_app,
            created_at="2026-12-07T10:00:00Z",
            key_id=self.key.public.key_id,
            files=files,
            modules=modules,
            release_notes={m: f"notes of {m} {v}" for m, v in self.modules.items()},
        )

    def write(self, path: Path) -> Path:
        raw = manifest_bytes(self.manifest())
        signature = (self.signer or self.key).sign(raw)
        if self.alter:
            raw = raw.replace(b'"course_version": "', b'"course_version": "9', 1)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", raw)
            if self.sign:
                zf.writestr("manifest.sig", signature)
            for name, data in self.files.items():
                zf.writestr(name, data)
            for info, data in self.extra:
                zf.writestr(info, data)
        return path


def pack_of(root: Path, key: SigningKey, **kwargs: object) -> Pack:
    """A well-made pack of a course tree."""
    versions = module_versions(root)
    course_version = max(versions.values(), default="1.0.0")
    return Pack(tree_files(root), key, modules=versions, course_version=course_version, **kwargs)  # type: ignore[arg-type]


def special_entry(name: str, kind: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (kind | 0o777) << 16
    return info


def symlink_entry(name: str) -> zipfile.ZipInfo:
    return special_entry(name, stat.S_IFLNK)


def data_fingerprint(data: Path) -> dict[str, str]:
    """Every file and folder of the data folder (logs and caches aside) with its SHA-256."""
    out: dict[str, str] = {}
    for path in sorted(data.rglob("*")) if data.exists() else ():
        rel = path.relative_to(data).as_posix()
        if rel.split("/")[0] in ("logs", "cache"):
            continue
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return out


def content_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def manifest_of(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as zf:
        document = json.loads(zf.read("manifest.json"))
    assert isinstance(document, dict)
    return document
