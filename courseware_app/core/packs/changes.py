"""What changed in a module between two versions: which sections were added, changed or removed,
found by comparing the old and new section texts (a module header's "what changed")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Literal

from courseware_app.core.course import Course, ModuleTranslation, parse_semver
from courseware_app.core.i18n import _
from courseware_app.core.loader.module_file import load_translation
from courseware_app.core.packs.model import ModuleChange, PackInfo

ChangeKind = Literal["added", "changed", "removed"]


@dataclass(frozen=True)
class SectionChange:
    """One section of the new version (or of the old one, when it was removed)."""

    section: str  # its id
    title: str  # as written in the version that has it (the new one when both do)
    kind: ChangeKind


def section_texts(tr: ModuleTranslation) -> dict[str, str]:
    """Each section's text, its heading included, by section id; whitespace at line ends and
    blank lines around a section do not count (a re-wrapped file changes nothing)."""
    lines = tr.body.splitlines()
    starts = [max(0, s.line - tr.body_line) for s in tr.sections]
    ends = [*starts[1:], len(lines)]
    return {
        s.id: "\n".join(line.rstrip() for line in lines[start:end]).strip()
        for s, start, end in zip(tr.sections, starts, ends, strict=True)
    }


def section_changes(old: ModuleTranslation, new: ModuleTranslation) -> tuple[SectionChange, ...]:
    """The sections of ``new`` added or changed since ``old`` (in the new order), then those
    ``old`` had and ``new`` has not (in the old order). Sections are matched by id."""
    before, after = section_texts(old), section_texts(new)
    changes = [
        SectionChange(s.id, s.title, "added" if s.id not in before else "changed")
        for s in new.sections
        if before.get(s.id) != after[s.id]
    ]
    changes += [SectionChange(s.id, s.title, "removed") for s in old.sections if s.id not in after]
    return tuple(changes)


def _older(version: str, than: str) -> bool:
    ours, theirs = parse_semver(version), parse_semver(than)
    return ours is not None and theirs is not None and ours < theirs


def previous_content(
    candidates: Iterable[tuple[Path, Mapping[str, str]]], module: str, version: str
) -> tuple[Path, str] | None:
    """Among content trees other than the active one, each given as (its root, module ->
    version), the one holding the newest version of ``module`` older than ``version``:
    (its root, that version); None when none holds an older version."""
    older = [
        (root, versions[module])
        for root, versions in candidates
        if module in versions and _older(versions[module], version)
    ]
    if not older:
        return None
    return max(older, key=lambda item: parse_semver(item[1]) or (0, 0, 0))


def old_translation(
    content_root: Path, module: str, lang: str, source: str
) -> ModuleTranslation | None:
    """``module``'s ``lang`` file in another content tree; None when it is not there or does
    not load (a page compares a language with itself only)."""
    path = content_root / "modules" / module / f"{lang}.md"
    if not path.is_file():
        return None
    tr, _diagnostics = load_translation(path, module, lang, source)
    return tr


def _paragraphs(text: str) -> str:
    """Release notes as written in CHANGELOG.md: plain paragraphs, escaped."""
    return "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in text.split("\n\n") if p.strip())


def section_change_text(change: SectionChange) -> str:
    """One line of the list: the section's title and what happened to it."""
    kinds = {
        "added": _("{title} (new)"),
        "changed": _("{title} (changed)"),
        "removed": _("{title} (removed)"),
    }
    return kinds[change.kind].format(title=change.title)


def what_changed_html(
    old: str, new: str, notes: str, sections: Sequence[SectionChange], anchors: bool = True
) -> str:
    """The module header's box: what changed from version ``old`` to ``new``, its release
    notes and the sections added, changed or removed (linked to them when ``anchors``)."""
    title = _("What changed since version {old} (now {new})").format(old=old, new=new)
    items = []
    for change in sections:
        text = escape(section_change_text(change))
        if anchors and change.kind != "removed":
            text = f'<a href="#{escape(change.section)}">{text}</a>'
        items.append(f"<li>{text}</li>")
    unchanged = _("No section changed.")  # (outside the f-string: the extractor reads it there)
    listed = f"<ul>{''.join(items)}</ul>" if items else f"<p>{escape(unchanged)}</p>"
    return (
        f'<div class="what-changed"><p><b>{escape(title)}</b></p>{_paragraphs(notes)}{listed}</div>'
    )


def module_change_text(change: ModuleChange, title: str) -> str:
    """One module of a pack's changes: added, updated from → to, or removed."""
    if change.old is None:
        return _("{title}: added, version {new}").format(title=title, new=change.new)
    if change.new is None:
        return _("{title}: removed (was version {old})").format(title=title, old=change.old)
    return _("{title}: version {old} → {new}").format(title=title, old=change.old, new=change.new)


def pack_changes_html(info: PackInfo, course: Course, lang: str) -> str:
    """What installing a pack would change, module by module (titles as ``course`` has them in
    ``lang``, else the module id), each with the release notes the pack carries for it."""
    if not info.changes:
        same = _("Every module is already at the version this pack carries.")
        return f"<p>{escape(same)}</p>"
    parts = []
    for change in info.changes:
        module = course.modules.get(change.module)
        title = module.title(lang) if module is not None else change.module
        notes = info.notes.get(change.module, "") if change.new is not None else ""
        parts.append(f"<h3>{escape(module_change_text(change, title))}</h3>{_paragraphs(notes)}")
    return "".join(parts)
