"""The module's status and what completes it, on the page: one line under the module header
(its meta line), for the current profile; drawn again when that status changes."""

from __future__ import annotations

from html import escape

from courseware_app.core.render import after_meta
from courseware_app.ui.dashboard import requirement_text, state_text


class CompletionLine:
    """A page decorator of the reader (the line never enters the cached page)."""

    def __init__(self, controller):
        self.controller = controller
        self._drawn: tuple[str, str] | None = None  # (module, line) on the page shown

    def install(self) -> None:
        self.controller.window.reader.add_page_decorator(self.decorate)
        self.controller.changed.connect(self.follow)
        self.controller.profileChanged.connect(self.follow)

    def line(self, module_id: str) -> str:
        """The line's HTML: status in bold, then what it means or what is left to do."""
        p = self.controller.marks.progress().get(module_id)
        if p is None:
            return ""
        short, long = state_text(p)
        long = ". ".join(t.rstrip(".") for t in (long, requirement_text(p)) if t) + "."
        return f'<p class="completion"><b>{escape(short)}</b> — {escape(long)}</p>'

    def decorate(self, html: str, module_id: str) -> str:
        line = self.line(module_id)
        self._drawn = (module_id, line)
        return after_meta(html, line)

    def follow(self, *_args: object) -> None:
        """A write landed or the profile changed: draw the page again if its line changed."""
        reader = self.controller.window.reader
        loc = reader.location
        if loc is None or self._drawn is None or self._drawn[0] != loc.module:
            return
        if self.line(loc.module) != self._drawn[1]:
            reader.redraw()
