"""``courseware new-module``: a new module's files, its place in course.yaml and its changelog stub."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from courseware_app.core import atomic
from courseware_app.core.course import ID_RE
from courseware_app.core.i18n import _
from courseware_app.core.languages import LANGUAGES, SOURCE_LANGUAGE
from courseware_app.core.release import CHANGELOG_NAME, STUB_MARK

FIRST_VERSION: Final = "0.1.0"
STUB: Final = f"{STUB_MARK} —"  # every stub line starts so; validate warns (stub-text)


@dataclass(frozen=True)
class Words:
    """What a new module's file says in its own language (the stubs stay in English)."""

    sections: tuple[tuple[str, str], ...]  # (id, heading), four, the same ids everywhere
    trainer: str  # the trainer note's title
    quiz: str  # the quiz's title


WORDS: Final = {
    "en": Words(
        (
            ("introduction", "Introduction"),
            ("key-ideas", "Key ideas"),
            ("practice", "In practice"),
            ("quiz", "Check your understanding"),
        ),
        "Running this module",
        "Check your understanding",
    ),
    "ru": Words(
        (
            ("introduction", "Введение"),
            ("key-ideas", "Основные понятия"),
            ("practice", "На практике"),
            ("quiz", "Проверьте себя"),
        ),
        "Как вести этот модуль",
        "Проверьте себя",
    ),
    "fr": Words(
        (
            ("introduction", "Introduction"),
            ("key-ideas", "Notions clés"),
            ("practice", "En pratique"),
            ("quiz", "Vérifiez vos connaissances"),
        ),
        "Animer ce module",
        "Vérifiez vos connaissances",
    ),
}

SECTION_STUBS: Final = (
    "what this module is about and why it matters to the trainee.",
    "the ideas, rules and instruments the trainee must know.",
    "a case, an example or an exercise from the trainee's daily work.",
    "",
)


class ScaffoldError(ValueError):
    """The module cannot be created; the message says why, in the interface language."""


class ScaffoldRefused(ScaffoldError):
    """The request itself is wrong: a bad or existing id, an unknown track, no title."""


# ---------------------------------------------------------------- the module files


def front_matter(module_id: str, title: str, lang: str) -> str:
    lines = [
        "---",
        f"id: {module_id}",
        f'version: "{FIRST_VERSION}"',
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"summary: {STUB} one or two sentences for the outline and the dashboard",
        "duration_minutes: 60",
        "objectives:",
        f"  - {STUB} what a trainee can do after this module",
    ]
    if lang != SOURCE_LANGUAGE:
        lines.append(f'translated_from: "{FIRST_VERSION}"')
    return "\n".join([*lines, "---", ""])


def quiz_block(module_id: str, words: Words) -> str:
    return "\n".join(
        [
            f"::: quiz {module_id}-quiz",
            f"title: {words.quiz}",
            "",
            "? single q-1",
            f"{STUB} the question.",
            f"- [x] {STUB} the right answer",
            f"- [ ] {STUB} a wrong answer",
            f"explanation: {STUB} why the right answer is right.",
            ":::",
        ]
    )


def module_text(module_id: str, title: str, lang: str) -> str:
    """One language file: front matter, four sections, a trainer note and a one-question quiz."""
    words = WORDS[lang]
    parts = [front_matter(module_id, title, lang)]
    for (section_id, heading), stub in zip(words.sections, SECTION_STUBS, strict=True):
        parts.append(f"## {heading} {{#{section_id}}}\n")
        parts.append(f"{STUB} {stub}\n" if stub else quiz_block(module_id, words) + "\n")
        if section_id == "introduction":
            parts.append(f'!!! trainer "{words.trainer}"\n    {STUB} what the trainer does here.\n')
    return "\n".join(parts)


# ---------------------------------------------------------------- course.yaml


def add_to_track(text: str, track: str, module_id: str) -> str:
    """course.yaml's text with ``module_id`` added at the end of ``track``'s modules, every
    other character (comments, order, quoting) kept; ScaffoldError when it cannot be done."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        message = _("course.yaml is not valid YAML: {problem}").format(problem=exc)
        raise ScaffoldError(message) from None
    modules = _track_modules(root, track)
    edited = _insert_item(text, modules, module_id)
    if _listed(yaml.safe_load(edited), track) != [*_listed(yaml.safe_load(text), track), module_id]:
        raise ScaffoldError(_("course.yaml could not be edited; add the module by hand"))
    return edited


def _track_modules(root: object, track: str) -> object:
    """The node of the ``modules`` list of the track with id ``track``."""
    import yaml

    tracks = _value(root, "tracks")
    for item in tracks.value if isinstance(tracks, yaml.SequenceNode) else []:
        track_id = _value(item, "id")
        if isinstance(track_id, yaml.ScalarNode) and track_id.value == track:
            modules = _value(item, "modules")
            if isinstance(modules, yaml.SequenceNode):
                return modules
            raise ScaffoldError(_("track '{track}' has no modules list").format(track=track))
    raise ScaffoldError(_("course.yaml has no track '{track}'").format(track=track))


def _value(node: object, key: str) -> object:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _insert_item(text: str, modules: object, module_id: str) -> str:
    """Add ``module_id`` to a flow list (``[a, b]``) or a block list (``- a`` lines)."""
    import yaml

    assert isinstance(modules, yaml.SequenceNode)
    lines = text.splitlines(keepends=True)
    if modules.flow_style:
        end = modules.end_mark  # just after the closing bracket
        line = lines[end.line]
        item = f", {module_id}" if modules.value else module_id
        lines[end.line] = line[: end.column - 1] + item + line[end.column - 1 :]
    else:
        last = modules.value[-1].end_mark.line
        newline = "\r\n" if lines[last].endswith("\r\n") else "\n"
        if not lines[last].endswith(("\n", "\r")):
            lines[last] += newline
        lines.insert(last + 1, " " * modules.start_mark.column + f"- {module_id}{newline}")
    return "".join(lines)


def _listed(data: object, track: str) -> list[object]:
    for item in _tracks(data):
        if item.get("id") == track:
            return list(_listed_in(item))
    return []


# ---------------------------------------------------------------- CHANGELOG.md

CHANGELOG_INTRO: Final = (
    "# Changelog\n\n"
    "One heading per module version, `## MODULE VERSION`, newest first; "
    "`courseware validate` warns (changelog-missing) about a locked module whose "
    "version has none.\n"
)


def add_changelog_entry(text: str | None, module_id: str, note: str) -> str:
    """The changelog with ``## ID 0.1.0`` and its note before the first entry (a new
    changelog when ``text`` is None), in the file's own line ends."""
    nl = "\r\n" if text and "\r\n" in text else "\n"
    entry = f"## {module_id} {FIRST_VERSION}{nl}{nl}{note}{nl}"
    if text is None:
        return f"{CHANGELOG_INTRO}\n{entry}"
    lines = text.splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if line.startswith("## ")), None)
    if first is None:
        return text.rstrip("\r\n") + nl + nl + entry
    return "".join(lines[:first]) + entry + nl + "".join(lines[first:])


# ---------------------------------------------------------------- the whole


@dataclass(frozen=True)
class NewModule:
    """What ``courseware new-module`` was asked to create."""

    module_id: str
    track: str
    title: str

    def refusal(self, content_dir: Path, course_text: str) -> str | None:
        """Why this module cannot be created in ``content_dir``, or None."""
        data = _safe_load(course_text)
        if not ID_RE.match(self.module_id):
            message = _("'{id}' is not a module id: lower-case letters, digits and hyphens")
            return message.format(id=self.module_id)
        if (
            self.module_id in _all_listed(data)
            or (content_dir / "modules" / self.module_id).exists()
        ):
            return _("module '{id}' already exists").format(id=self.module_id)
        if self.track not in {str(t.get("id")) for t in _tracks(data)}:
            return _("course.yaml has no track '{track}'").format(track=self.track)
        if not self.title.strip() or any(c in self.title for c in "\r\n\t"):
            return _("the title must be one line of text")
        return None


def create_module(content_dir: Path, request: NewModule) -> list[Path]:
    """Write the module's files, add it to its track and to the changelog; the paths written.
    ScaffoldError (nothing written) when the request is refused."""
    yaml_path = content_dir / "course.yaml"
    course_text = _read_text(yaml_path)
    refusal = request.refusal(content_dir, course_text)
    if refusal:
        raise ScaffoldRefused(refusal)
    edited = add_to_track(course_text, request.track, request.module_id)
    changelog = content_dir / CHANGELOG_NAME
    old_log = _read_text(changelog) if changelog.is_file() else None
    folder = content_dir / "modules" / request.module_id
    written = []
    for lang in LANGUAGES:
        path = folder / f"{lang}.md"
        atomic.write_text(path, module_text(request.module_id, request.title, lang), parents=True)
        written.append(path)
    atomic.write_text(yaml_path, edited)
    note = f"{STUB} what this first version holds."
    atomic.write_text(changelog, add_changelog_entry(old_log, request.module_id, note))
    return [*written, yaml_path, changelog]


def _read_text(path: Path) -> str:
    """The file's text as it is (line ends kept); ScaffoldError when it is not UTF-8."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        message = _("{path} is not valid UTF-8; save it as UTF-8").format(path=path)
        raise ScaffoldError(message) from None


def _safe_load(text: str) -> object:
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None  # add_to_track says why


def _tracks(data: object) -> list[dict[object, object]]:
    tracks = data.get("tracks") if isinstance(data, dict) else None
    return [t for t in tracks if isinstance(t, dict)] if isinstance(tracks, list) else []


def _all_listed(data: object) -> set[str]:
    """Every module id any track of course.yaml lists."""
    return {str(m) for t in _tracks(data) for m in _listed_in(t)}


def _listed_in(track: object) -> list[object]:
    modules = track.get("modules") if isinstance(track, dict) else None
    return modules if isinstance(modules, list) else []
