"""Bookmarks and personal notes on sections, per profile; the note dialog."""

from __future__ import annotations

from html import escape as html_escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTreeWidgetItem,
    QVBoxLayout,
)

from courseware_app.core.history import Location
from courseware_app.core.i18n import _
from courseware_app.ui.progress_recording import section_to_record
from courseware_app.ui.themes import current


class NoteDialog(QDialog):
    """A personal note on one section; saving blank text removes the note."""

    def __init__(self, place: str, text: str, parent=None):
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.place = place
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        self.label.setBuddy(self.editor)
        layout.addWidget(self.editor, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Note"))
        self.label.setText(
            _("Your note on “{place}” (only in your profile; leave it empty to remove it):").format(
                place=self.place
            )
        )
        self.editor.setAccessibleName(_("Note text"))

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def text(self) -> str:
        return self.editor.toPlainText()


class Annotations:
    """The current profile's bookmarks and notes; what this session changed is kept here, so
    the UI never reads back a write still in flight."""

    def __init__(self, controller):
        self.controller = controller
        self._bookmarks: dict[str, list[tuple[str, str]]] = {}
        self._notes: dict[str, dict[tuple[str, str], str]] = {}
        self.section_marks = SectionMarks(self)

    def place(self) -> tuple[str, str] | None:
        window = self.controller.window
        loc = window.reader.location
        return (loc.module, section_to_record(window, loc.module, loc.section)) if loc else None

    def place_title(self, module_id: str, section_id: str) -> str:
        window = self.controller.window
        module = window.reader.course.modules.get(module_id)
        if module is None:
            return f"{module_id} — {section_id}"
        tr = module.best(window.reader.content_language)
        section = (
            next((s.title for s in tr.sections if s.id == section_id), section_id) if tr else ""
        )
        return (
            f"{module.title(window.reader.content_language)} — {section}"
            if section
            else module.title(window.reader.content_language)
        )

    def bookmarks(self) -> list[tuple[str, str]]:
        pid = self.controller.profile.id
        if pid not in self._bookmarks:
            self._bookmarks[pid] = self.controller.store.bookmarks(pid)
        return self._bookmarks[pid]

    def notes(self) -> dict[tuple[str, str], str]:
        pid = self.controller.profile.id
        if pid not in self._notes:
            self._notes[pid] = self.controller.store.notes(pid)
        return self._notes[pid]

    def update_action(self) -> None:
        """Check the bookmark action when the place shown is bookmarked."""
        place, profile = self.place(), self.controller.profile
        checked = bool(place and profile and place in self.bookmarks())
        self.controller.menus.actions["bookmark"].setChecked(checked)

    def toggle_bookmark(self, on: bool | None = None) -> None:
        c = self.controller
        place = self.place()
        if place is None or c.profile is None:
            return
        marks = self.bookmarks()
        on = (place not in marks) if on is None else bool(on)
        if on and place not in marks:
            marks.append(place)
        elif not on and place in marks:
            marks.remove(place)
        c.store.set_bookmark(c.profile.id, *place, on)
        self.section_marks.changed()
        c.menus.actions["bookmark"].setChecked(on)
        message = _("Bookmarked “{place}”") if on else _("Bookmark removed from “{place}”")
        c.status(message.format(place=self.place_title(*place)))

    def fill_menu(self) -> None:
        """The Bookmarks menu, filled as it opens: one entry per bookmark, in order."""
        c = self.controller
        menu = c.menus.menu_bookmarks
        menu.clear()
        for module, section in self.bookmarks() if c.profile else []:
            action = menu.addAction(self.place_title(module, section).replace("&", "&&"))
            action.triggered.connect(
                lambda _c=False, m=module, s=section: c.window.reader.navigate(Location(m, s))
            )
        if menu.isEmpty():
            menu.addAction(_("No bookmarks yet")).setEnabled(False)

    def edit_note(self, text: str | None = None) -> None:
        """Ask for the note on the place shown (unless ``text`` is given); save or remove it."""
        c = self.controller
        place = self.place()
        if place is None or c.profile is None:
            return
        notes = self.notes()
        if text is None:
            dialog = NoteDialog(self.place_title(*place), notes.get(place, ""), c.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            text = dialog.text()
        if text.strip():
            notes[place] = text
        else:
            notes.pop(place, None)
        c.store.set_note(c.profile.id, *place, text)
        self.section_marks.changed()


BOOKMARK_MARK, NOTE_MARK = "\u2605", "\u270e"  # ★ and ✎ (in DejaVu and every system font)


def mark_text(bookmarked: bool, noted: bool) -> str:
    return (BOOKMARK_MARK if bookmarked else "") + (NOTE_MARK if noted else "")


def mark_description(bookmarked: bool, noted: bool) -> str:
    parts = ([_("Bookmarked")] if bookmarked else []) + ([_("Has a note")] if noted else [])
    return ", ".join(parts)


class SectionMarks:
    """Bookmarked and annotated sections marked in the outline and beside their heading."""

    def __init__(self, annotations: Annotations):
        self.annotations = annotations
        self.window = annotations.controller.window

    def install(self) -> None:
        self.window.outline.add_decorator(self.decorate_row)
        self.window.reader.add_page_decorator(self.decorate_page)

    def marks(self, module_id: str, section_id: str) -> tuple[bool, bool]:
        a = self.annotations
        if a.controller.profile is None:
            return False, False
        place = (module_id, section_id)
        return place in a.bookmarks(), place in a.notes()

    def decorate_row(self, item: QTreeWidgetItem, module_id: str, section_id: str) -> None:
        if not section_id:
            return
        bookmarked, noted = self.marks(module_id, section_id)
        item.setText(1, mark_text(bookmarked, noted))
        item.setToolTip(1, mark_description(bookmarked, noted))
        item.setData(
            1, Qt.ItemDataRole.AccessibleDescriptionRole, mark_description(bookmarked, noted)
        )

    def decorate_page(self, html: str, module_id: str) -> str:
        """The mark goes right after each marked section's anchor, inside its heading."""
        for section in self._marked_sections(module_id):
            bookmarked, noted = self.marks(module_id, section)
            anchor = f'<a name="{html_escape(section)}"></a>'
            mark = (
                f'<span style="color: {current().bookmark};" title="{html_escape(mark_description(bookmarked, noted))}">'
                f"{mark_text(bookmarked, noted)}</span>&nbsp;"
            )
            html = html.replace(anchor, anchor + mark, 1)
        return html

    def _marked_sections(self, module_id: str) -> set[str]:
        a = self.annotations
        if a.controller.profile is None:
            return set()
        places = set(a.bookmarks()) | set(a.notes())
        return {section for mid, section in places if mid == module_id and section}

    def changed(self) -> None:
        """A bookmark or note changed: mark again (outline rows and the page shown)."""
        self.window.outline.redecorate(self.decorate_row)
        self.window.reader.redraw()
