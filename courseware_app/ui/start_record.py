"""The record of the page the reader shows, for painting it first at the next start."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courseware_app.core.startpage import StartPages, StartRecord
    from courseware_app.ui.reader import Reader


def remember(reader: Reader, start_pages: StartPages, closing: bool = False) -> None:
    """Record the page now shown (see core.startpage). On closing in trainer mode, record the
    trainee's version of the page when it is cached instead: trainer mode is off at the next
    start unless asked for."""
    from courseware_app.ui.reader import position_text

    loc, key = reader.location, reader.shown
    if loc is None or key is None:
        return
    page = reader.pages.cached(key)
    disk = reader.pages.disk
    path = None if page is None or page.is_error else disk.path(reader.course, key)
    if closing and key.trainer and path is not None:
        trainee = replace(key, trainer=False)
        trainee_path = disk.path(reader.course, trainee)
        if trainee_path is not None and trainee_path.is_file():
            key, path = trainee, trainee_path
    module = reader.course.modules.get(loc.module)
    record: StartRecord = {
        "ui_language": key.ui_lang,
        "content_preference": reader.prefs.content_language,
        "content_language": key.content_lang,
        "trainer": key.trainer,
        "module": loc.module,
        "section": loc.section,
        "zoom": reader.prefs.zoom,
        "languages": list(reader.course.languages),
        "title": reader.window.windowTitle(),
        "position": position_text(module, key.trainer) if module else "",
    }
    start_pages.save(record, path)
