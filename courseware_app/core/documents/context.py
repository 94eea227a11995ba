"""What every kind of document starts from: the modules asked for, in one language, checked."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from courseware_app.core.course import Course, Module, ModuleTranslation, Status
from courseware_app.core.documents.model import DocumentError, DocumentRequest
from courseware_app.core.i18n import _

ASSET_RE = re.compile(r'src="(asset:([^/"#]+)/([^"#]+)(?:#[^"]*)?)"')


@dataclass(frozen=True)
class Context:
    """The course, the request, and each module asked for with the translation to print."""

    course: Course
    request: DocumentRequest
    modules: tuple[tuple[Module, ModuleTranslation], ...]

    @property
    def lang(self) -> str:
        return self.request.lang

    @property
    def course_title(self) -> str:
        title = self.course.title
        return title.get(self.lang) or title.get(self.course.source_language) or self.course.id


def make_context(course: Course, request: DocumentRequest) -> Context:
    """The modules of ``request`` (all of them when it names none); DocumentError for an unknown
    language, an unknown module or one whose file in that language has errors."""
    if request.lang not in course.languages:
        message = _("the course has no language “{lang}” (languages: {languages})")
        raise DocumentError(
            message.format(lang=request.lang, languages=", ".join(course.languages))
        )
    ids = request.modules or tuple(m.id for m in course.ordered_modules())
    return Context(course, request, tuple(_checked(course, i, request.lang) for i in ids))


def _checked(course: Course, module_id: str, lang: str) -> tuple[Module, ModuleTranslation]:
    module = course.modules.get(module_id)
    if module is None:
        known = ", ".join(m.id for m in course.ordered_modules())
        message = _("no module “{module}” in the course (modules: {modules})")
        raise DocumentError(message.format(module=module_id, modules=known))
    tr = module.best(lang)
    if module.status(lang) == Status.ERROR or tr is None:
        message = _("the module “{module}” has errors in {lang}: run “courseware validate”")
        raise DocumentError(message.format(module=module_id, lang=lang))
    return module, tr


def today(lang: str) -> str:
    """Today's date, written as ``lang`` writes dates."""
    from babel.dates import format_date

    return format_date(date.today(), format="long", locale=lang)


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def assets(course: Course, parts: tuple[str, ...]) -> tuple[tuple[str, Path], ...]:
    """Every ``asset:MODULE/NAME`` image source in ``parts``, with the file it names."""
    found: dict[str, Path] = {}
    for part in parts:
        for src, module_id, name in ASSET_RE.findall(part):
            module = course.modules.get(module_id)
            if module is not None:
                found[html.unescape(src)] = module.folder / unquote(html.unescape(name))
    return tuple(found.items())
