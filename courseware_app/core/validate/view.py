"""The course as the validator checks it: every translation the files hold, even one whose
errors keep the reader from showing it (so one error does not hide a module's other problems)."""

from __future__ import annotations

from courseware_app.core.course import Course, Module, ModuleTranslation
from courseware_app.core.loader import load_for_checks


class CourseView:
    """The course's modules, each with its shown translations and its failed ones re-read."""

    def __init__(self, course: Course):
        self.course = course
        self._translations: dict[str, dict[str, ModuleTranslation]] = {}

    def translations(self, module: Module) -> dict[str, ModuleTranslation]:
        """Language -> translation, the failed languages included (read once, on first use)."""
        found = self._translations.get(module.id)
        if found is None:
            found = dict(module.translations)
            for lang in module.failed:
                tr = load_for_checks(module.folder / f"{lang}.md", module.id, lang)
                if tr is not None:
                    found[lang] = tr
            self._translations[module.id] = found
        return found

    def source(self, module: Module) -> ModuleTranslation | None:
        return self.translations(module).get(module.source_language)

    def best(self, module: Module, lang: str) -> ModuleTranslation | None:
        """The translation the reader falls back on for ``lang``: itself, else the source."""
        found = self.translations(module)
        return found.get(lang) or found.get(module.source_language)

    def broken(self, module: Module, lang: str, prefix: str | tuple[str, ...]) -> bool:
        """Whether ``lang``'s file failed with an error whose code starts with ``prefix``
        (its quiz or sections, then, are not what its author wrote: not compared)."""
        return any(d.code.startswith(prefix) for d in module.failed.get(lang, ()))
