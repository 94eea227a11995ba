"""Matches highlighted in the shown page, one of them current; F3 and Shift+F3 step through."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from courseware_app.core.i18n import _
from courseware_app.core.search import CompiledQuery, parse_query
from courseware_app.core.themes import Pair
from courseware_app.ui.themes import current

ShowStatus = Callable[[str, int], None]  # (message, milliseconds)


def utf16_offset(text: str, index: int) -> int:
    """A Python string index as a Qt (UTF-16) position: astral characters count twice."""
    if text.isascii():
        return index
    return index + sum(1 for c in text[:index] if ord(c) > 0xFFFF)


def anchor_position(doc: QTextDocument, name: str) -> int:
    """The document position of the anchor ``name`` (a section id), or 0."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if name in fragment.charFormat().anchorNames():
                return fragment.position()
            it += 1
        block = block.next()
    return 0


def paint(fmt: QTextCharFormat, colours: Pair) -> None:
    """A match in the theme's colours: its background and its text (readable on it)."""
    fmt.setBackground(QColor(colours.bg))
    fmt.setForeground(QColor(colours.fg))


def match_selections(doc: QTextDocument, compiled: CompiledQuery) -> list[QTextEdit.ExtraSelection]:
    """One extra selection per match of ``compiled`` in ``doc``, in document order."""
    fmt = QTextCharFormat()
    paint(fmt, current().mark)
    out = []
    block = doc.begin()
    while block.isValid():
        text = block.text()
        for start, end, _term in compiled.spans(text):
            cursor = QTextCursor(doc)
            cursor.setPosition(block.position() + utf16_offset(text, start))
            cursor.setPosition(
                block.position() + utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor
            )
            selection = QTextEdit.ExtraSelection()
            selection.cursor, selection.format = cursor, QTextCharFormat(fmt)
            out.append(selection)
        block = block.next()
    return out


class PageHighlights:
    """The matches of the last opened result in ``view``; ``current`` is the one shown."""

    def __init__(self, view: QTextEdit, show_status: ShowStatus):
        self.view = view
        self.show_status = show_status
        self.matches: list[QTextEdit.ExtraSelection] = []
        self.current = -1

    def show(self, query: str, lang: str, section: str = "") -> int:
        """Mark every match of ``query`` in the page; the current one is the first in
        ``section``. Returns the number of matches."""
        compiled = CompiledQuery(parse_query(query, prefix_last=True), lang)
        doc = self.view.document()
        self.matches = match_selections(doc, compiled)
        anchor = anchor_position(doc, section) if section else 0
        self.current = next(
            (i for i, m in enumerate(self.matches) if m.cursor.selectionStart() >= anchor),
            0 if self.matches else -1,
        )
        self._show_current()
        return len(self.matches)

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) match, wrapping round."""
        if self.matches:
            self.current = (self.current + direction) % len(self.matches)
            self._show_current()

    def _show_current(self) -> None:
        for i, selection in enumerate(self.matches):
            theme = current()
            paint(selection.format, theme.current_match if i == self.current else theme.mark)
        self.view.setExtraSelections(self.matches)
        if 0 <= self.current < len(self.matches):
            cursor = QTextCursor(self.matches[self.current].cursor)
            cursor.setPosition(cursor.selectionStart())  # no selection colour over ours
            self.view.setTextCursor(cursor)
            self.view.ensureCursorVisible()
            message = _("Match {current} of {count}").format(
                current=self.current + 1, count=len(self.matches)
            )
            self.show_status(message, 3000)

    def clear(self) -> None:
        if self.matches:
            self.matches, self.current = [], -1
            self.view.setExtraSelections([])
