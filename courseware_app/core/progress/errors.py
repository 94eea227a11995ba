"""Why the progress store refuses a file or a profile name."""

from __future__ import annotations

from pathlib import Path

from courseware_app.core.progress.schema import SCHEMA_VERSION


class StoreError(Exception):
    """The progress file cannot be used; the message says why and what to do."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Courseware; it is refused and left untouched."""

    def __init__(self, path: Path, found: int):
        self.path, self.found, self.supported = path, found, SCHEMA_VERSION
        super().__init__(
            f"{path} was written by a newer version of Courseware (progress schema {found}; "
            f"this version understands up to {SCHEMA_VERSION}). It was left untouched: "
            "update Courseware to use it."
        )


class StoreMissingError(StoreError):
    """There is no progress file yet (and the caller did not want one created)."""


class ProfileError(StoreError):
    """A profile name is refused: ``code`` is empty, too-long, bad-start, control, duplicate
    or unknown."""

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)
