"""Classroom sessions: a module run in front of a room, its quiz answered by the whole room
(counts per option, or teams), the time each section took; stored, exported and merged."""

from courseware_app.core.classroom.files import (
    CSV_COLUMNS,
    JSON_FORMAT,
    JSON_VERSION,
    REQUIRED_COLUMNS,
    SECTION_COLUMNS,
    sessions_csv_bytes,
    sessions_json_bytes,
    sessions_xlsx_bytes,
    write_sessions,
)
from courseware_app.core.classroom.model import (
    CORRECT,
    COUNTS,
    INCORRECT,
    MODES,
    TEAMS,
    ClassroomSession,
    QuestionResult,
    SectionTime,
    correct_letters,
    option_letters,
    question_result,
    team_name,
)
from courseware_app.core.classroom.reading import merge_sessions, read_sessions
from courseware_app.core.classroom.store import SessionStore
from courseware_app.core.classroom.tally import tallies

__all__ = [
    "CORRECT",
    "COUNTS",
    "CSV_COLUMNS",
    "INCORRECT",
    "JSON_FORMAT",
    "JSON_VERSION",
    "MODES",
    "REQUIRED_COLUMNS",
    "SECTION_COLUMNS",
    "TEAMS",
    "ClassroomSession",
    "QuestionResult",
    "SectionTime",
    "SessionStore",
    "correct_letters",
    "merge_sessions",
    "option_letters",
    "question_result",
    "read_sessions",
    "sessions_csv_bytes",
    "sessions_json_bytes",
    "sessions_xlsx_bytes",
    "tallies",
    "team_name",
    "write_sessions",
]
