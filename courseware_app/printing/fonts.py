"""The faces printed documents use (resources/fonts), loaded once when printing starts."""

from __future__ import annotations

import logging

from courseware_app.core.paths import resources_dir

log = logging.getLogger(__name__)
_loaded: list[str] = []


def load_fonts() -> list[str]:
    """Add the bundled faces to Qt's font database (once); the families they provide."""
    if _loaded:
        return _loaded
    from PySide6.QtGui import QFontDatabase

    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load the font %s", path)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _loaded:
                _loaded.append(family)
    return _loaded
