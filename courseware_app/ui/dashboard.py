"""The progress dashboard: status, scores and time per track and module; bookmarks; notes."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from courseware_app.core.formats import format_duration, format_number, format_percentage
from courseware_app.core.history import Location
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.progress import CompletionRule, ModuleProgress, ModuleState, totals
from courseware_app.ui.dashboard_sessions import SessionsView
from courseware_app.ui.themes import current

ROLE_TARGET = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_icons: dict[tuple[str, ModuleState], QIcon] = {}  # by theme name and state


def state_colour(state: ModuleState) -> str:
    """The colour of a progress state in the current theme (core.themes.Theme.states)."""
    return current().states[state.name.lower()]


def _tick(painter: QPainter, colour: str, width: float) -> None:
    path = QPainterPath(QPointF(9, 16.5))
    path.lineTo(14, 21.5)
    path.lineTo(23, 11)
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def state_icon(state: ModuleState) -> QIcon:
    """Shapes differ, not only colours: ring, half disc, disc with tick, ring with tick."""
    key = (current().name, state)
    if key in _icons:
        return _icons[key]
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(state_colour(state))
    ring = QRectF(3, 3, 26, 26)
    painter.setPen(QPen(colour, 3))
    if state == ModuleState.COMPLETED:
        painter.setBrush(colour)
        painter.drawEllipse(ring)
        _tick(painter, current().page.bg, 3.5)  # the page's colour, cut out of the disc
    else:
        painter.drawEllipse(ring)
        if state == ModuleState.IN_PROGRESS:
            painter.setBrush(colour)
            painter.drawPie(ring, 90 * 16, 180 * 16)
        elif state == ModuleState.UPDATED:
            _tick(painter, state_colour(state), 3.5)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    _icons[key] = QIcon(pixmap)
    return _icons[key]


def state_text(p: ModuleProgress) -> tuple[str, str]:
    """A short status and a sentence explaining it (with what is left to complete it)."""
    if p.state == ModuleState.COMPLETED:
        if p.rule == CompletionRule.QUIZ:
            return _("Completed"), _("The quiz is passed.")
        return _("Completed"), _("Every section is read.")
    if p.state == ModuleState.UPDATED:
        return _("Updated since you completed it"), _(
            "Completed on version {old}; the module has since been updated to version {new}."
        ).format(old=p.passed_version, new=p.current_version)
    if p.state == ModuleState.IN_PROGRESS:
        read = ngettext(
            "{visited} of {count} section read",
            "{visited} of {count} sections read",
            p.sections_total,
        ).format(visited=format_number(p.sections_visited), count=format_number(p.sections_total))
        return _("In progress"), read
    return _("Not started"), _("Not opened yet.")


def requirement_text(p: ModuleProgress) -> str:
    """What completes this module (core.progress.status's rule); empty once it is completed."""
    if p.state in (ModuleState.COMPLETED, ModuleState.UPDATED):
        return ""
    if p.rule == CompletionRule.QUIZ:
        return _("Pass its quiz to complete it.")
    return _("Read every section to complete it.")


def completion_rule_text() -> str:
    """The completion rule for every module, in one sentence (under the dashboard's table)."""
    return _(
        "A module with a quiz is completed when its quiz is passed; a module without a quiz, "
        "when every section has been read. A module updated after it was completed shows as "
        "“Updated since you completed it”."
    )


def time_text(seconds: float) -> str:
    if seconds <= 0:
        return "—"
    if seconds < 60:
        return _("under 1 min")
    return format_duration(round(seconds / 60))


def score_text(score: float | None) -> str:
    return "—" if score is None else format_percentage(score / 100)


def summary_text(name: str, progress: list[ModuleProgress]) -> str:
    t = totals(progress)
    parts = [
        ngettext(
            "{completed} of {count} module completed",
            "{completed} of {count} modules completed",
            t.modules,
        ).format(completed=format_number(t.completed), count=format_number(t.modules)),
        ngettext("{count} module started", "{count} modules started", t.started).format(
            count=format_number(t.started)
        ),
        ngettext("{count} quiz attempt", "{count} quiz attempts", t.attempts).format(
            count=format_number(t.attempts)
        ),
        _("time spent: {time}").format(time=time_text(t.seconds)),
    ]
    title = _("Progress of {name}").format(name=html.escape(name))
    return f"<h3>{title}</h3><p>{' · '.join(parts)}</p>"


class DashboardDialog(QDialog):
    """Non-modal; follows the controller's changes; a click on a module goes there."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.window_ = controller.window
        self.setObjectName("dashboard")
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("dashboardSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.rule = QLabel(self)
        self.rule.setObjectName("completionRule")
        self.rule.setWordWrap(True)
        self.rule.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.rule)
        self.modules = self._tree(5)
        self.bookmarks = QListWidget(self)
        self.notes = self._tree(2)
        self.sessions = SessionsView(self)
        for widget in (self.modules, self.bookmarks, self.notes, self.sessions):
            self.tabs.addTab(widget, "")
        self.bookmarks.itemActivated.connect(self._go)
        self.bookmarks.itemClicked.connect(self._go)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.review_button = QPushButton(self)
        self.review_button.setObjectName("reviewAttempt")
        buttons.addButton(self.review_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.review_button.clicked.connect(self.review_last)
        self.modules.currentItemChanged.connect(lambda *_a: self._update_review())
        layout.addWidget(buttons)
        controller.changed.connect(self._follow)
        controller.profileChanged.connect(self._follow)
        self.retranslate_ui()

    def _tree(self, columns: int) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setColumnCount(columns)
        tree.setRootIsDecorated(columns == 5)
        tree.setUniformRowHeights(True)
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, columns):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        tree.itemActivated.connect(self._go)
        tree.itemClicked.connect(self._go)
        return tree

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Progress dashboard"))
        self.tabs.setTabText(0, _("&Modules"))
        self.tabs.setTabText(1, _("&Bookmarks"))
        self.tabs.setTabText(2, _("&Notes"))
        self.tabs.setTabText(3, _("Classroom &sessions"))
        self.sessions.retranslate_ui()
        self.modules.setHeaderLabels(
            [_("Module"), _("Status"), _("Best score"), _("Last score"), _("Time spent")]
        )
        self.notes.setHeaderLabels([_("Section"), _("Note")])
        self.modules.setAccessibleName(_("Progress per module"))
        self.bookmarks.setAccessibleName(_("Bookmarked sections"))
        self.notes.setAccessibleName(_("Your notes"))
        self.rule.setText(completion_rule_text())
        self.review_button.setText(_("&Review last attempt"))
        self.review_button.setToolTip(_("Show your last quiz attempt in the selected module"))
        self.reload()

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------ filling

    def _follow(self, *_args) -> None:
        if self.isVisible():
            self.reload()

    def reload(self, *_args) -> None:
        progress = self.controller.marks.progress()
        name = self.controller.profile.name if self.controller.profile else ""
        self.summary.setText(summary_text(name, list(progress.values())))
        self._fill_modules(progress)
        self._fill_bookmarks()
        self._fill_notes()
        reader = self.window_.reader
        self.sessions.fill(self.controller.store, reader.course, reader.content_language)
        self._update_review()

    def _fill_modules(self, progress: dict[str, ModuleProgress]) -> None:
        current = self.modules.currentItem()
        selected = current.data(0, ROLE_TARGET) if current else None
        course, lang = self.window_.reader.course, self.window_.reader.content_language
        self.modules.clear()
        for track in course.tracks:
            rows = [progress[m] for m in track.modules if m in progress]
            t = totals(rows)
            item = QTreeWidgetItem(self.modules, [track.title.get(lang) or track.id])
            item.setText(
                1,
                ngettext(
                    "{completed} of {count} completed",
                    "{completed} of {count} completed",
                    t.modules,
                ).format(completed=format_number(t.completed), count=format_number(t.modules)),
            )
            item.setText(4, time_text(t.seconds))
            item.setTextAlignment(4, RIGHT)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            for p in rows:
                self._module_row(item, p, course.modules[p.module_id].title(lang))
            item.setExpanded(True)
        if selected:
            self._select(selected)

    def _module_row(self, parent: QTreeWidgetItem, p: ModuleProgress, title: str) -> None:
        short, long = state_text(p)
        row = QTreeWidgetItem(
            parent,
            [
                title,
                short,
                score_text(p.best_score),
                score_text(p.last_score),
                time_text(p.seconds),
            ],
        )
        row.setData(0, ROLE_TARGET, (p.module_id, ""))
        row.setIcon(1, state_icon(p.state))
        row.setToolTip(1, long)
        row.setToolTip(0, _("{title} (click to go there)").format(title=title))
        for col in (2, 3, 4):
            row.setTextAlignment(col, RIGHT)

    def _select(self, target) -> None:
        for i in range(self.modules.topLevelItemCount()):
            track = self.modules.topLevelItem(i)
            children = [track.child(j) for j in range(track.childCount())] if track else []
            for child in children:
                if child is not None and child.data(0, ROLE_TARGET) == target:
                    self.modules.setCurrentItem(child)

    def _fill_bookmarks(self) -> None:
        self.bookmarks.clear()
        for module, section in self.controller.annotations.bookmarks():
            item = QListWidgetItem(
                self.controller.annotations.place_title(module, section), self.bookmarks
            )
            item.setData(ROLE_TARGET, (module, section))
        if not self.bookmarks.count():
            empty = QListWidgetItem(
                _("No bookmarks yet: press Ctrl+D on a section to bookmark it."), self.bookmarks
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)

    def _fill_notes(self) -> None:
        self.notes.clear()
        for (module, section), text in self.controller.annotations.notes().items():
            first = text.strip().splitlines()[0] if text.strip() else ""
            item = QTreeWidgetItem(
                self.notes, [self.controller.annotations.place_title(module, section), first]
            )
            item.setData(0, ROLE_TARGET, (module, section))
            item.setToolTip(1, text)

    # ------------------------------------------------------------ actions

    def _go(self, item, _column: int = 0) -> None:
        data = (
            item.data(ROLE_TARGET)
            if isinstance(item, QListWidgetItem)
            else item.data(0, ROLE_TARGET)
        )
        if data:
            self.window_.reader.navigate(Location(data[0], data[1]))

    def _selected_progress(self) -> ModuleProgress | None:
        item = self.modules.currentItem()
        target = item.data(0, ROLE_TARGET) if item else None
        return self.controller.marks.progress().get(target[0]) if target else None

    def _update_review(self) -> None:
        p = self._selected_progress()
        self.review_button.setEnabled(bool(p and p.last_attempt_id))

    def review_last(self) -> None:
        p = self._selected_progress()
        if p is not None and p.last_attempt_id:
            self.controller.dialogs.review_attempt(p.last_attempt_id)
