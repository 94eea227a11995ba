"""Release checks: versions.lock (what was shipped), the changelog, and stub text left unfinished."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypedDict, TypeGuard
from urllib.parse import unquote

from courseware_app.core import atomic
from courseware_app.core.course import Course, Diagnostic, Module, ModuleTranslation, Severity
from courseware_app.core.i18n import _
from courseware_app.core.loader.files import display_path
from courseware_app.core.mdext.images import asset_file
from courseware_app.core.mdext.tree import image_variant
from courseware_app.core.syntax import (
    Fences,
    is_remote,
    iter_link_uses,
    parse_reference_definition,
    raw_image_sources,
)

LOCK_NAME: Final = "versions.lock"
CHANGELOG_NAME: Final = "CHANGELOG.md"
LOCK_FORMAT: Final = 1
TEXT_SUFFIXES: Final = frozenset({".md", ".svg", ".txt", ".csv", ".json", ".yaml", ".yml"})
CHANGELOG_HEADING_RE: Final = re.compile(r"^##\s+([a-z0-9][a-z0-9-]*)\s+(\S+)")
"""``## rm-02 1.1.0`` (anything after the version, such as a date, is allowed)."""
VERSION_KEY_RE: Final = re.compile(r"^version\s*:")
STUB_MARK: Final = "TODO"
STUB_RE: Final = re.compile(rf"\b{STUB_MARK}\b")


class LockEntry(TypedDict):
    """One language file of a module as it was locked."""

    version: str
    sha256: str
    assets: dict[str, str]  # file name (relative to the module folder) -> SHA-256


LockModules = dict[str, dict[str, LockEntry]]  # module id -> language -> entry


class LockError(ValueError):
    """versions.lock exists but cannot be read as a lock."""


# ---------------------------------------------------------------- fingerprints


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file; a text file's CRLF line ends count as LF, so a Windows
    checkout (git's autocrlf) locks and checks the same as any other."""
    data = path.read_bytes()
    if path.suffix.lower() in TEXT_SUFFIXES:
        data = data.replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


def _destinations(tr: ModuleTranslation) -> Iterator[tuple[str, bool]]:
    """(destination, is an image) of every link, image and reference definition of the body
    outside fenced code: everything the file may show or open."""
    fences = Fences()
    for line in tr.body.split("\n"):
        if fences.inside(line):
            continue
        definition = parse_reference_definition(line)
        if definition is not None:
            yield definition.destination, True
            continue
        for use in iter_link_uses(line):
            if use.target is not None:
                yield use.target, use.image
        for src in raw_image_sources(line):
            yield src, True


def used_assets(module: Module, tr: ModuleTranslation) -> dict[str, Path]:
    """The files of the modules folder this translation uses, by name relative to its module
    folder (an image as the reader picks it: its language variant when there is one)."""
    root = module.folder.parent
    found: dict[str, Path] = {}
    for destination, image in _destinations(tr):
        if is_remote(destination):
            continue
        name = unquote(destination.split("#")[0].split("?")[0])
        if not name or name.startswith(("/", "\\")):
            continue
        if image:
            name = image_variant(module.folder, name, tr.lang)
        path = asset_file(root, f"{module.folder.name}/{name}")
        if path is not None and path.suffix.lower() != ".md":
            rel = os.path.relpath(path, module.folder.resolve())
            found[Path(rel).as_posix()] = path
    return found


def lock_entry(module: Module, tr: ModuleTranslation) -> LockEntry:
    """The version and fingerprints of one language file as it is now."""
    assets = {name: file_sha256(path) for name, path in sorted(used_assets(module, tr).items())}
    return LockEntry(version=tr.version, sha256=file_sha256(tr.path), assets=assets)


def course_lock(course: Course) -> LockModules:
    """Every loaded language file of every module, fingerprinted."""
    return {
        module.id: {
            lang: lock_entry(module, tr) for lang, tr in sorted(module.translations.items())
        }
        for module in sorted(course.modules.values(), key=lambda m: m.id)
        if module.translations
    }


# ---------------------------------------------------------------- the lock file


def lock_text(modules: LockModules) -> str:
    """The lock as JSON with sorted keys, one value a line: a diff shows what changed."""
    document = {"format": LOCK_FORMAT, "modules": modules}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_lock(course: Course, content_dir: Path) -> Path:
    """Write ``content_dir/versions.lock`` for the course as it is now; its path."""
    path = content_dir / LOCK_NAME
    atomic.write_text(path, lock_text(course_lock(course)))
    return path


def read_lock(content_dir: Path) -> LockModules | None:
    """The locked modules, or None when there is no lock; LockError when it is not one."""
    path = content_dir / LOCK_NAME
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LockError(str(exc)) from exc
    return _lock_modules(document)


def _lock_modules(document: object) -> LockModules:
    """The ``modules`` table of a parsed lock, checked value by value."""
    modules = document.get("modules") if isinstance(document, dict) else None
    if not isinstance(modules, dict):
        raise LockError(_("it has no 'modules' table"))
    out: LockModules = {}
    for module_id, languages in modules.items():
        if not isinstance(languages, dict):
            raise LockError(_("module '{module}' is not a table").format(module=module_id))
        out[str(module_id)] = {
            str(lang): _entry(module_id, lang, value) for lang, value in languages.items()
        }
    return out


def _entry(module_id: str, lang: str, value: object) -> LockEntry:
    if isinstance(value, dict):
        version, sha, assets = value.get("version"), value.get("sha256"), value.get("assets", {})
        if isinstance(version, str) and isinstance(sha, str) and _names_to_hashes(assets):
            return LockEntry(version=version, sha256=sha, assets=dict(assets))
    message = _("the entry for {module} ({lang}) needs a version, a sha256 and assets")
    raise LockError(message.format(module=module_id, lang=lang))


def _names_to_hashes(value: object) -> TypeGuard[dict[str, str]]:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


# ---------------------------------------------------------------- the changelog


def changelog_entries(content_dir: Path) -> set[tuple[str, str]]:
    """(module id, version) of every ``## ID VERSION`` heading of CHANGELOG.md; empty when
    there is no changelog."""
    try:
        text = (content_dir / CHANGELOG_NAME).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {
        (m.group(1), m.group(2))
        for m in (CHANGELOG_HEADING_RE.match(line) for line in text.splitlines())
        if m
    }


# ---------------------------------------------------------------- the checks


@dataclass(frozen=True)
class _Place:
    """Where a translation's diagnostics point: its file and its ``version:`` line."""

    file: str
    line: int

    @classmethod
    def of(cls, tr: ModuleTranslation) -> _Place:
        return cls(display_path(tr.path), version_line(tr))

    def warn(self, code: str, message: str) -> Diagnostic:
        return Diagnostic(self.file, self.line, Severity.WARNING, code, message)


def version_line(tr: ModuleTranslation) -> int:
    """The 1-based line of ``version:`` in the front matter (1 when it cannot be found)."""
    for no, line in _file_lines(tr):
        if no >= tr.body_line:
            break
        if VERSION_KEY_RE.match(line):
            return no
    return 1


def check_release(course: Course, content_dir: Path) -> list[Diagnostic]:
    """``version-not-bumped`` for each locked language file whose text or assets changed while
    its version did not, ``changelog-missing`` for each locked module whose version has no
    ``## ID VERSION`` heading in CHANGELOG.md; warnings. A module absent from the lock (or a
    course without a lock) is not checked; a lock that cannot be read is one warning."""
    try:
        locked = read_lock(content_dir)
    except LockError as exc:
        message = _("{name} cannot be read: {problem}; run courseware lock").format(
            name=LOCK_NAME, problem=exc
        )
        file = display_path(content_dir / LOCK_NAME)
        return [Diagnostic(file, 1, Severity.WARNING, "lock-invalid", message)]
    if not locked:
        return []
    entries = changelog_entries(content_dir)
    out: list[Diagnostic] = []
    for module in course.modules.values():
        if module.id in locked:
            out.extend(_check_module(module, locked[module.id], entries, content_dir))
    return out


def _check_module(
    module: Module,
    locked: Mapping[str, LockEntry],
    entries: set[tuple[str, str]],
    content_dir: Path,
) -> list[Diagnostic]:
    out = [
        problem
        for lang, tr in sorted(module.translations.items())
        if lang in locked
        for problem in _check_bumped(module, tr, locked[lang])
    ]
    source = module.source
    if source is not None and (module.id, source.version) not in entries:
        message = _("{module} {version} has no '## {module} {version}' heading in {file}")
        changelog = display_path(content_dir / CHANGELOG_NAME)
        text = message.format(module=module.id, version=source.version, file=changelog)
        out.append(_Place.of(source).warn("changelog-missing", text))
    return out


def _check_bumped(module: Module, tr: ModuleTranslation, locked: LockEntry) -> list[Diagnostic]:
    if tr.version != locked["version"]:
        return []
    try:
        now = lock_entry(module, tr)
    except OSError:
        return []  # the loader reports a file it cannot read
    changed = changed_files(now, locked, tr.path.name)
    if not changed:
        return []
    message = _("{files} changed since {lock} but the version is still {version}; raise it")
    text = message.format(files=", ".join(changed), lock=LOCK_NAME, version=tr.version)
    return [_Place.of(tr).warn("version-not-bumped", text)]


def changed_files(now: LockEntry, locked: LockEntry, file_name: str) -> list[str]:
    """The names of the language file and assets whose fingerprints differ from the lock
    (an asset added or no longer used counts as changed)."""
    changed = [file_name] if now["sha256"] != locked["sha256"] else []
    names = sorted(set(now["assets"]) | set(locked["assets"]))
    changed += [n for n in names if now["assets"].get(n) != locked["assets"].get(n)]
    return changed


def _file_lines(tr: ModuleTranslation) -> Iterator[tuple[int, str]]:
    """(1-based line, text) of the whole file as on disk; the body alone if it cannot be read."""
    try:
        lines = tr.path.read_text(encoding="utf-8").splitlines()
        first = 1
    except (OSError, UnicodeDecodeError):
        lines, first = tr.body.split("\n"), tr.body_line
    yield from enumerate(lines, start=first)


def check_stubs(tr: ModuleTranslation) -> list[Diagnostic]:
    """``stub-text`` for each line (front matter included, fenced code not) still holding
    the TODO text that ``courseware new-module`` writes: a warning, so --strict refuses to
    ship an unfinished module."""
    file, fences, out = display_path(tr.path), Fences(), []
    message = _("stub text ({mark}) left from new-module: write the real text").format(
        mark=STUB_MARK
    )
    for no, line in _file_lines(tr):
        if no >= tr.body_line and fences.inside(line):
            continue
        if STUB_RE.search(line):
            out.append(Diagnostic(file, no, Severity.WARNING, "stub-text", message))
    return out
