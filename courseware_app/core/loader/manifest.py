"""course.yaml, read through typed checks: each value of a wrong type or shape is a diagnostic
on its own line and is never used, so nothing after the manifest sees an unexpected type."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from courseware_app.core.course import ID_RE
from courseware_app.core.i18n import _
from courseware_app.core.languages import LANGUAGES, SOURCE_LANGUAGE
from courseware_app.core.limits import MAX_YAML_BYTES
from courseware_app.core.loader.files import (
    Report,
    YAMLError,
    display_path,
    parse_yaml_node,
    read_text,
    report_yaml_error,
    short_repr,
)
from courseware_app.core.loader.yaml_lines import NodeLines

LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")
T = TypeVar("T")
Path_ = tuple[str | int, ...]  # keys and indexes from the top of course.yaml to a value


@dataclass(frozen=True)
class TrackSpec:
    """One track as course.yaml lists it, with the line of each module id."""

    id: str
    title: dict[str, str]
    modules: tuple[str, ...]
    module_lines: tuple[int, ...]


@dataclass(frozen=True)
class Manifest:
    """What course.yaml says, every value of the type the model needs (defaults where not)."""

    id: str = "course"
    version: str = "0.0.0"
    title: dict[str, str] = field(default_factory=dict)
    source_language: str = SOURCE_LANGUAGE
    languages: tuple[str, ...] = LANGUAGES
    tracks: tuple[TrackSpec, ...] = ()


def load_manifest(root: Path) -> tuple[Manifest, Report]:
    """course.yaml's values and its report; the defaults when it is missing or unreadable."""
    path = root / "course.yaml"
    report = Report(path)
    if not path.is_file():
        report.add(1, "course-missing", f"no course.yaml in {display_path(root)}")
        return Manifest(), report
    text = read_text(path, report, MAX_YAML_BYTES)
    if text is None:
        return Manifest(), report
    try:
        data, node = parse_yaml_node(text)
    except YAMLError as exc:
        report_yaml_error(report, exc, 1 + exc.line, "course-yaml", "course.yaml")
        return Manifest(), report
    if not isinstance(data, dict):
        report.add(1, "course-yaml", "course.yaml must be a mapping")
        return Manifest(), report
    return _Shape(data, NodeLines(node), report).manifest(), report


class _Shape:
    """Reads each value of course.yaml through a check of its type."""

    def __init__(self, data: dict[object, object], lines: NodeLines, report: Report):
        self.data, self.lines, self.report = data, lines, report

    def wrong(self, path: Path_, message: str, code: str = "course-field") -> None:
        self.report.add(self.lines.line(*path), code, message)

    def manifest(self) -> Manifest:
        languages = self.languages()
        course_id = self.text(("id",), _("the course id"), ID_RE)
        if course_id is None and "id" not in self.data:
            self.wrong((), "course.yaml needs an id")
        source = self.text(("source_language",), _("source_language"), LANG_RE)
        if source is not None and source not in languages:
            self.wrong(("source_language",), _("source_language must be one of languages"))
        return Manifest(
            id=course_id or "course",
            version=self.version() or "0.0.0",
            title=self.titles(("title",), _("the course title"), languages, optional=True),
            source_language=source if source in languages else SOURCE_LANGUAGE,
            languages=languages,
            tracks=self.tracks(languages) if self.data else (),
        )

    def value(self, path: Path_) -> object:
        value: object = self.data
        for step in path:
            if isinstance(value, dict) and isinstance(step, str):
                value = value.get(step)
            elif isinstance(value, list) and isinstance(step, int) and step < len(value):
                value = value[step]
            else:
                return None
        return value

    def typed(
        self, path: Path_, kind: type[T], message: str, code: str = "course-field"
    ) -> T | None:
        """The value at ``path`` when it is a ``kind``, else None (reported when present)."""
        value = self.value(path)
        if value is None or isinstance(value, kind):
            return value
        self.wrong(path, message, code)
        return None

    def text(self, path: Path_, what: str, pattern: re.Pattern[str] | None = None) -> str | None:
        """The string at ``path``, or None (reported when present but not a fitting string)."""
        value = self.typed(path, str, _("{what} must be text").format(what=what))
        if value is not None and pattern is not None and not pattern.match(value):
            self.wrong(
                path,
                _("{what} '{value}' may only have lower-case letters, digits and hyphens").format(
                    what=what, value=value
                ),
            )
            return None
        return value

    def version(self) -> str | None:
        version = self.value(("version",))
        message = f"version must be a quoted string (YAML read {short_repr(version)})"
        return self.typed(("version",), str, message, "version-not-string")

    def items(self, path: Path_, what: str) -> list[object] | None:
        """The list at ``path``, or None (reported when present but not a list)."""
        return self.typed(path, list, _("{what} must be a list").format(what=what))

    def languages(self) -> tuple[str, ...]:
        found = self.items(("languages",), "languages") or []
        texts = [
            self.text(("languages", i), _("language code"), LANG_RE) for i in range(len(found))
        ]
        return tuple(t for t in texts if t is not None) or LANGUAGES

    def titles(
        self, path: Path_, what: str, languages: tuple[str, ...], optional: bool = False
    ) -> dict[str, str]:
        value = self.value(path)
        if value is None and optional:
            return {}
        if not isinstance(value, dict):
            self.wrong(
                path,
                f"{what} must be a mapping of language to text (en: ..., ru: ..., fr: ...)",
            )
            return {}
        titles = {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
        if len(titles) != len(value):
            self.wrong(path, _("{what}: each language's text must be text").format(what=what))
        missing = [lang for lang in languages if not titles.get(lang)]
        if missing:
            self.report.warn(
                self.lines.line(*path),
                "course-title-missing",
                f"{what} has no text for: {', '.join(missing)}",
            )
        return titles

    def tracks(self, languages: tuple[str, ...]) -> tuple[TrackSpec, ...]:
        found = self.items(("tracks",), "tracks")
        if not found:
            if found is not None or "tracks" not in self.data:
                self.wrong(("tracks",), "course.yaml needs a list of tracks")
            return ()
        seen: set[str] = set()
        tracks = (self.track(i, languages, seen) for i in range(len(found)))
        return tuple(t for t in tracks if t is not None)

    def track(self, index: int, languages: tuple[str, ...], seen: set[str]) -> TrackSpec | None:
        path: Path_ = ("tracks", index)
        entry = self.value(path)
        if not isinstance(entry, dict) or not entry.get("id"):
            self.wrong(path, "each track needs an id, a title and a list of modules")
            return None
        track_id = self.text((*path, "id"), _("the track id"), ID_RE)
        if track_id is None:
            return None
        title = self.titles((*path, "title"), f"track '{track_id}' title", languages)
        modules = self.modules(path, seen)
        return TrackSpec(
            track_id, title, tuple(m for m, _n in modules), tuple(n for _m, n in modules)
        )

    def modules(self, track: Path_, seen: set[str]) -> list[tuple[str, int]]:
        """(id, line) of each well-formed module id the track lists, each at most once."""
        path = (*track, "modules")
        found = self.items(path, _("a track's modules")) or []
        modules: list[tuple[str, int]] = []
        for i, item in enumerate(found):
            line = self.lines.line(*path, i)
            if not isinstance(item, str) or not ID_RE.match(item):
                self.report.add(line, "module-bad-id", _bad_module_id(item))
                continue
            if item in seen:
                self.report.add(
                    line, "module-duplicate", f"module '{item}' is listed in more than one place"
                )
            seen.add(item)
            modules.append((item, line))
        return modules


def _bad_module_id(item: object) -> str:
    return _(
        "module id {value} must be a folder name of lower-case letters, digits and hyphens"
    ).format(value=short_repr(item))
