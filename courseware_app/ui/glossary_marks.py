"""Glossary terms on the page drawn subtly: a dotted underline in a muted colour (Qt's HTML
has no CSS for the underline's style or colour, so the document's formats are set directly)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

GLOSS_MARK = 'class="gloss"'  # what core.glossary.marks writes around a marked term


def style_marks(doc: QTextDocument, colour: QColor) -> int:
    """Give every run with a tooltip a dotted underline in ``colour``; returns how many."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(colour)
    runs = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().toolTip():
                runs.append((fragment.position(), fragment.length()))
            it += 1
        block = block.next()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()  # one layout for all of them, not one per run
    for start, length in runs:
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()
    return len(runs)
