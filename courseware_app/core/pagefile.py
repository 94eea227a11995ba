"""A cached page's file, read on the start-up path before anything else is loaded.

Kept apart from core.pagecache, whose dataclasses would cost milliseconds before the first
paint. The file is ``{"page": "<full HTML>", "rendered": <RenderedModule as JSON>}``.
"""

from __future__ import annotations

import json
from pathlib import Path

HTML, RENDERED = "page", "rendered"


def read_page(path: Path) -> tuple[str, list[str]] | None:
    """A cached page's HTML and section ids, without the renderer; None if unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        html = data[HTML]
        ids = [str(entry[0]) for entry in data[RENDERED]["toc"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
    return (html, ids) if isinstance(html, str) else None
