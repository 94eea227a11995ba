"""The dashboard's classroom sessions: one row per session, its delivery record beneath it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from courseware_app.core.classroom import ClassroomSession, SectionTime, SessionStore
from courseware_app.core.course import Course
from courseware_app.core.formats import (
    format_duration,
    format_number,
    format_percentage,
    format_when,
)
from courseware_app.core.i18n import _
from courseware_app.core.progress import ProgressStore, parse_iso
from courseware_app.ui.themes import current

COLUMNS = 6  # date, module, place, trainer, questions run, share correct
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def share_text(session: ClassroomSession) -> str:
    share = session.share_correct
    return "—" if share is None else format_percentage(share)


def minutes_text(seconds: float) -> str:
    """Whole minutes; "under 1 min" rather than "0 min"."""
    return _("under 1 min") if seconds < 60 else format_duration(round(seconds / 60))


def section_texts(t: SectionTime) -> tuple[str, str]:
    """'planned 30 min' and 'took 42 min (12 min over)': an overrun said, not only coloured."""
    planned = (
        _("no time planned")
        if t.planned_minutes is None
        else _("planned {time}").format(time=format_duration(t.planned_minutes))
    )
    took = _("took {time}").format(time=minutes_text(t.actual_seconds))
    if t.overrun and t.planned_minutes is not None:
        over = minutes_text(t.actual_seconds - t.planned_minutes * 60)
        took = _("took {time} ({over} over)").format(time=minutes_text(t.actual_seconds), over=over)
    return planned, took


class SessionsView(QTreeWidget):
    """Classroom sessions run on this laptop, newest first; expand one for its sections."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("classroomSessions")
        self.setColumnCount(COLUMNS)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHeaderLabels(
            [_("Date"), _("Module"), _("Place"), _("Trainer"), _("Questions"), _("Correct answers")]
        )
        self.setAccessibleName(_("Classroom sessions"))

    def fill(self, store: ProgressStore, course: Course, lang: str) -> None:
        """Show the sessions in ``store``, with titles from ``course`` in ``lang``."""
        self.clear()
        sessions = SessionStore(store).sessions()
        for session in sessions:
            self._session_row(session, course, lang)
        if not sessions:
            empty = QTreeWidgetItem(self, [_("No classroom sessions yet: present a module (F5).")])
            empty.setFirstColumnSpanned(True)

    def _session_row(self, s: ClassroomSession, course: Course, lang: str) -> None:
        module = course.modules.get(s.module)
        title = module.title(lang) if module is not None else s.module
        when = format_when(parse_iso(s.started_at).astimezone())
        row = QTreeWidgetItem(
            self,
            [when, title, s.place, s.trainer, format_number(len(s.questions)), share_text(s)],
        )
        for col in (4, 5):
            row.setTextAlignment(col, RIGHT)
        names = _section_titles(course, s.module, lang)
        for t in s.sections:
            self._section_row(row, t, names.get(t.section, t.section))

    def _section_row(self, parent: QTreeWidgetItem, t: SectionTime, name: str) -> None:
        planned, took = section_texts(t)
        row = QTreeWidgetItem(parent, ["", name, planned, took])
        if t.overrun:
            brush = QBrush(QColor(current().bad))
            font = row.font(3)
            font.setBold(True)
            row.setForeground(3, brush)
            row.setFont(3, font)


def _section_titles(course: Course, module_id: str, lang: str) -> dict[str, str]:
    module = course.modules.get(module_id)
    if module is None:
        return {}
    translation = module.translations.get(lang) or module.source
    return {s.id: s.title for s in translation.sections} if translation else {}
