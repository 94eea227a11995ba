"""The module header's "what changed": after a content update, a box under the module's meta
line with the release notes of its version and the sections added, changed or removed since the
previous version this computer had (core.packs.changes). A page decorator of the reader, so the
cached pages stay the same."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from courseware_app.core import paths
from courseware_app.core.render import after_meta

if TYPE_CHECKING:
    from collections.abc import Mapping

    from courseware_app.ui.window_api import WindowApi

Candidates = list[tuple[Path, "Mapping[str, str]"]]


class WhatChanged:
    """Decorates a module's page; what it shows is computed once per module and language."""

    def __init__(self, window: WindowApi, data: Path, bundled: Path) -> None:
        self.window, self.data, self.bundled = window, data, bundled
        self._boxes: dict[tuple[str, str], str] = {}
        self._candidates: Candidates | None = None

    def forget(self) -> None:
        """The content changed (installed, rolled back): compute everything again."""
        self._boxes.clear()
        self._candidates = None

    def decorate(self, html: str, module_id: str) -> str:
        return after_meta(html, self.box(module_id))

    def box(self, module_id: str) -> str:
        """The box's HTML for the module in the reader's content language ("" when the
        module did not change since a version this computer had)."""
        key = (module_id, self.window.reader.content_language)
        if key not in self._boxes:
            self._boxes[key] = self._compute(*key)
        return self._boxes[key]

    def candidates(self) -> Candidates:
        """The other content trees (bundled, installed), when the reader's course is one of
        them (a course opened with --content has no previous versions)."""
        if self._candidates is None:
            self._candidates = []
            if (self.data / paths.PACKS_DIR).is_dir():  # else core.packs is not even loaded
                from courseware_app.core.packs import content_versions

                versions = content_versions(self.data, self.bundled)
                root = self.window.reader.course.root.resolve()
                if any(v.path.resolve() == root for v in versions):
                    self._candidates = [
                        (v.path, v.modules) for v in versions if v.path.resolve() != root
                    ]
        return self._candidates

    def _compute(self, module_id: str, lang: str) -> str:
        module = self.window.reader.course.modules.get(module_id)
        new = module.best(lang) if module is not None else None
        candidates = self.candidates()
        if module is None or new is None or not candidates:
            return ""
        from courseware_app.core.packs import release_notes
        from courseware_app.core.packs.changes import (
            old_translation,
            previous_content,
            section_changes,
            what_changed_html,
        )

        found = previous_content(candidates, module_id, module.version)
        if found is None:
            return ""
        root, version = found
        old = old_translation(root, module_id, new.lang, module.source_language)
        sections = section_changes(old, new) if old is not None else ()
        course_root = self.window.reader.course.root
        notes = release_notes(course_root, module_id, module.version)
        return what_changed_html(version, module.version, notes, sections)
