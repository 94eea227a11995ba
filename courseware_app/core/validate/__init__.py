"""The rules behind ``courseware validate``: loader problems plus cross-file checks."""

from __future__ import annotations

from courseware_app.core.validate.common import body_lines
from courseware_app.core.validate.course_checks import check_module, validate_course
from courseware_app.core.validate.links import check_links, scan_links
from courseware_app.core.validate.parity import (
    check_exercises,
    check_presenting,
    check_quizzes,
    check_sections,
)
from courseware_app.core.validate.prose import check_trainer_notes, check_typography
from courseware_app.core.validate.single_file import validate_file, validate_path
from courseware_app.core.validate.view import CourseView

__all__ = [
    "CourseView",
    "body_lines",
    "check_exercises",
    "check_links",
    "check_module",
    "check_presenting",
    "check_quizzes",
    "check_sections",
    "check_trainer_notes",
    "check_typography",
    "scan_links",
    "validate_course",
    "validate_file",
    "validate_path",
]
