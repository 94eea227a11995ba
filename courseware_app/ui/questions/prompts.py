"""The quiz player's questions to the trainee: finish with questions unanswered, continue a
quiz left unfinished. Enter and Esc always choose the answer that loses nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from courseware_app.core.formats import format_number, format_when
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.progress import UnfinishedAttempt, parse_iso


def confirm_finish(parent: QWidget, unanswered: int) -> bool:
    """Whether to finish with ``unanswered`` questions unanswered (default: keep answering)."""
    box = QMessageBox(QMessageBox.Icon.Question, _("Finish the quiz?"), "", parent=parent)
    box.setText(
        ngettext(
            "Finish with {count} question unanswered?",
            "Finish with {count} questions unanswered?",
            unanswered,
        ).format(count=format_number(unanswered))
    )
    box.setInformativeText(_("Unanswered questions score no points."))
    finish = box.addButton(_("&Finish anyway"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(_("&Keep answering"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is finish


def offer_resume(parent: QWidget, kept: UnfinishedAttempt, total: int) -> bool:
    """Continue the quiz left unfinished (True), or start again (False)? Esc continues."""
    box = QMessageBox(QMessageBox.Icon.Question, _("Unfinished quiz"), "", parent=parent)
    box.setText(
        ngettext(
            "You left this quiz unfinished with {answered} of {total} question answered.",
            "You left this quiz unfinished with {answered} of {total} questions answered.",
            total,
        ).format(answered=format_number(kept.answered), total=format_number(total))
    )
    when = format_when(parse_iso(kept.saved_at or kept.started_at))
    box.setInformativeText(
        _("Last saved: {when}. Starting again discards those answers.").format(when=when)
    )
    resume = box.addButton(_("&Continue where you left off"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("&Start again"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(resume)
    box.setEscapeButton(resume)
    box.exec()
    return box.clickedButton() is resume
