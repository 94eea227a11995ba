"""The ``::: exercise KIND ID`` block: its opener read here, its body by its kind."""

from __future__ import annotations

from courseware_app.core.exercises.base import Header, Lines, Report
from courseware_app.core.exercises.model import Exercise
from courseware_app.core.exercises.registry import find_kind, kind_names
from courseware_app.core.i18n import _
from courseware_app.core.syntax import ID_RE, exercise_header


def parse_exercise(block: Lines, report: Report) -> Exercise | None:
    """The exercise of a block (its opener first, without the closing ``:::``), with every
    problem reported on its line; None when its opener names no known kind or no id."""
    if not block:
        return None
    line, opener = block[0]
    kind_name, exercise_id = exercise_header(opener)
    kind = find_kind(kind_name)
    if kind is None:
        message = _(
            "'{kind}' is not an exercise kind; write '::: exercise KIND ID' with KIND one of: {kinds}"
        )
        report.add(
            line, "exercise-syntax", message.format(kind=kind_name, kinds=", ".join(kind_names()))
        )
        return None
    if not ID_RE.match(exercise_id):
        message = _(
            "the exercise needs an id of lower-case letters, digits and hyphens: '::: exercise {kind} ID'"
        )
        report.add(line, "exercise-id", message.format(kind=kind_name))
        return None
    return kind.parse(Header(kind_name, exercise_id, line), block[1:], report)
