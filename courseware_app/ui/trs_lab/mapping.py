"""The column mapping: each header of the file, the milestone recognised in it, and a choice of
what it is (a milestone, the identifier, a segment column, or unused), with each milestone's
timestamp form as detected (an ambiguous one said so) or forced."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from courseware_app.core.i18n import _
from courseware_app.core.trs import DateFormat, Extract, Milestone, Plan, Role, role_of
from courseware_app.core.trs.headers import recognise_id
from courseware_app.core.trs.timestamps import detect_format

UNUSED, IDENTIFIER, SEGMENT = "unused", "id", "by"
MAX_BY = 2
SEGMENT_VALUES = range(2, 21)  # a column with this many values is a likely segment


def role_name(role: Role) -> str:
    names = {
        Role.ARRIVAL: _("Arrival"),
        Role.DECLARATION: _("Declaration lodged"),
        Role.REGISTRATION: _("Registration"),
        Role.INSPECTION_START: _("Inspection start"),
        Role.INSPECTION_END: _("Inspection end"),
        Role.PAYMENT: _("Payment"),
        Role.RELEASE: _("Release"),
        Role.EXIT: _("Exit"),
    }
    return names[role]


def form_name(fmt: DateFormat) -> str:
    return {
        DateFormat.ISO: _("ISO 8601 (2025-03-10T07:40)"),
        DateFormat.DMY_DOT: "dd.mm.yyyy HH:MM",
        DateFormat.DMY_SLASH: "dd/mm/yyyy HH:MM",
        DateFormat.MDY_SLASH: "mm/dd/yyyy HH:MM",
    }[fmt]


def suggested_by(extract: Extract, taken: Sequence[str]) -> tuple[str, ...]:
    """The first column besides ``taken`` whose values are few (a channel, a mode): the
    segment a first analysis shows."""
    for column in extract.header:
        if column not in taken and len(set(extract.values(column))) in SEGMENT_VALUES:
            return (column,)
    return ()


def initial_plan(extract: Extract, plan: Plan | None) -> tuple[dict[str, str], Plan | None]:
    """What each column is used as (a Role's value, IDENTIFIER, SEGMENT or UNUSED)."""
    uses = {h: UNUSED for h in extract.header}
    if plan is None:
        for h in extract.header:
            role = role_of(h)
            uses[h] = role.value if role is not None else UNUSED
        taken = [h for h, use in uses.items() if use != UNUSED]
        ident = recognise_id(extract.header, taken)
        if ident is not None:
            uses[ident] = IDENTIFIER
        return uses, None
    for m in plan.milestones:
        uses[m.column] = (m.role or Role.ARRIVAL).value
    for column in plan.by:
        uses[column] = SEGMENT
    if plan.id_column:
        uses[plan.id_column] = IDENTIFIER
    return uses, plan


class MappingDialog(QDialog):
    """Asks what each column of ``extract`` is; ``plan()`` is the answer (None: not valid)."""

    COLUMNS = 5

    def __init__(self, extract: Extract, plan: Plan | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trsMapping")
        self.extract = extract
        uses, current = initial_plan(extract, plan)
        self.forced = dict(current.formats) if current else {}
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(extract.header), self.COLUMNS, self)
        self.use_boxes: list[QComboBox] = []
        self.form_boxes: list[QComboBox] = []
        self.detections = {h: detect_format(h, extract.values(h)) for h in extract.header}
        for row, header in enumerate(extract.header):
            self._fill_row(row, header, uses[header])
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.table, self.problem, self.buttons):
            layout.addWidget(widget)
        self.resize(900, 420)
        self.retranslate_ui()

    def _fill_row(self, row: int, header: str, use: str) -> None:
        example = next((v for v in self.extract.values(header)[:50] if v.strip()), "")
        for column, text in ((0, header), (1, example)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
            self.table.setItem(row, column, item)
        use_box, form_box = QComboBox(self.table), QComboBox(self.table)
        use_box.setProperty("use", use)
        form_box.setProperty("form", self.forced.get(header))
        use_box.currentIndexChanged.connect(self._validate)
        self.table.setCellWidget(row, 3, use_box)
        self.table.setCellWidget(row, 4, form_box)
        self.use_boxes.append(use_box)
        self.form_boxes.append(form_box)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Columns of the extract"))
        self.intro.setText(
            _(
                "Say what each column holds. Milestones are taken in process order "
                "(arrival first); choose the identifier and up to two segment columns "
                "(such as the channel or the mode of transport)."
            )
        )
        headings = [_("Column"), _("Example"), _("Recognised as"), _("Use as"), _("Timestamps")]
        self.table.setHorizontalHeaderLabels(headings)
        for row, header in enumerate(self.extract.header):
            role = role_of(header)
            recognised = role_name(role) if role else _("nothing")
            self.table.setItem(row, 2, QTableWidgetItem(recognised))
            self._fill_use_box(self.use_boxes[row])
            self._fill_form_box(self.form_boxes[row], header)
        self.table.resizeColumnsToContents()
        self._validate()

    def _fill_use_box(self, box: QComboBox) -> None:
        use = box.currentData() if box.count() else box.property("use")
        box.blockSignals(True)
        box.clear()
        box.addItem(_("Not used"), UNUSED)
        box.addItem(_("Identifier"), IDENTIFIER)
        box.addItem(_("Segment"), SEGMENT)
        for role in Role:
            box.addItem(_("Milestone: {name}").format(name=role_name(role)), role.value)
        box.setCurrentIndex(max(box.findData(use), 0))
        box.blockSignals(False)

    def _fill_form_box(self, box: QComboBox, header: str) -> None:
        form = box.currentData() if box.count() else box.property("form")
        detection = self.detections[header]
        box.clear()
        if detection.format is None:
            box.addItem(_("no timestamps found"), None)
        elif detection.ambiguous:
            text = _("Detected: {form}, ambiguous").format(form=form_name(detection.format))
            box.addItem(text, None)
        else:
            box.addItem(_("Detected: {form}").format(form=form_name(detection.format)), None)
        for fmt in DateFormat:
            box.addItem(form_name(fmt), fmt)
        box.setCurrentIndex(max(box.findData(form), 0) if form is not None else 0)
        if detection.ambiguous:
            box.setToolTip(detection.warning() or "")

    def uses(self) -> dict[str, str]:
        pairs = zip(self.extract.header, self.use_boxes, strict=True)
        return {h: str(b.currentData()) for h, b in pairs}

    def milestones(self) -> dict[str, str]:
        """The milestone columns chosen, by role value."""
        return {
            use: h for h, use in self.uses().items() if use not in (UNUSED, IDENTIFIER, SEGMENT)
        }

    def problem_text(self) -> str:
        """Why the choices make no plan, or ""."""
        uses = list(self.uses().values())
        roles = [u for u in uses if u not in (UNUSED, IDENTIFIER, SEGMENT)]
        if len(set(roles)) < len(roles):
            return _("Two columns are the same milestone; choose one.")
        if len(roles) < 2:
            return _("Choose at least two milestone columns.")
        if uses.count(SEGMENT) > MAX_BY:
            return _("Choose at most two segment columns.")
        if uses.count(IDENTIFIER) > 1:
            return _("Choose one identifier column at most.")
        return ""

    def plan(self) -> Plan | None:
        """The plan the choices make, or None when they make none (``problem`` says why)."""
        if self.problem_text():
            return None
        uses, chosen = self.uses(), self.milestones()
        milestones = tuple(Milestone(chosen[r.value], r) for r in Role if r.value in chosen)
        by = tuple(h for h, use in uses.items() if use == SEGMENT)
        ident = next((h for h, use in uses.items() if use == IDENTIFIER), None)
        forms = zip(self.extract.header, self.form_boxes, strict=True)
        formats = {
            h: b.currentData()
            for h, b in forms
            if isinstance(b.currentData(), DateFormat) and h in chosen.values()
        }
        return Plan(milestones, ident, by, formats)

    def _validate(self) -> None:
        message = self.problem_text()
        chosen = set(self.milestones().values())
        warnings = [
            w for d in self.detections.values() if d.column in chosen and (w := d.warning())
        ]
        self.problem.setText("\n".join([message, *warnings]).strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not message)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
