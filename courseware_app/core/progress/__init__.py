"""The progress store: profiles, visits, quiz and exercise attempts, bookmarks and notes in one
SQLite file."""

from courseware_app.core.progress.db import DB_NAME, connect
from courseware_app.core.progress.errors import (
    NewerSchemaError,
    ProfileError,
    StoreError,
    StoreMissingError,
)
from courseware_app.core.progress.exercises import StoredExerciseAttempt
from courseware_app.core.progress.helpers import device_name, iso_utc, parse_iso, to_jsonable
from courseware_app.core.progress.records import Profile, StoredAttempt
from courseware_app.core.progress.schema import SCHEMA_VERSION, migrate
from courseware_app.core.progress.status import (
    CompletionRule,
    ModuleProgress,
    ModuleState,
    course_progress,
    totals,
)
from courseware_app.core.progress.store import ProgressStore
from courseware_app.core.progress.unfinished import UnfinishedAttempt

__all__ = [
    "CompletionRule",
    "DB_NAME",
    "SCHEMA_VERSION",
    "ModuleProgress",
    "ModuleState",
    "NewerSchemaError",
    "Profile",
    "ProfileError",
    "ProgressStore",
    "StoreError",
    "StoreMissingError",
    "StoredAttempt",
    "StoredExerciseAttempt",
    "UnfinishedAttempt",
    "connect",
    "course_progress",
    "device_name",
    "iso_utc",
    "migrate",
    "parse_iso",
    "to_jsonable",
    "totals",
]
