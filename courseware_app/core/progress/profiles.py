"""Profile names (what makes two the same, which are refused) and the profiles kept in memory."""

from __future__ import annotations

import sqlite3
import threading
import unicodedata
from collections.abc import Iterable

from courseware_app.core.i18n import _
from courseware_app.core.limits import MAX_NAME_LENGTH
from courseware_app.core.progress.errors import ProfileError
from courseware_app.core.progress.records import Profile


def name_key(name: str) -> str:
    """What makes two profile names the same: case (Cyrillic too) and Unicode form ignored."""
    return unicodedata.normalize("NFC", name).casefold()


# Whitespace that a name may be typed or pasted with: collapsed into single spaces.
ORDINARY_SPACES = frozenset(" \t\n\r")


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control or format character (Unicode Cc or Cf: escapes, NUL,
    zero-width and direction marks), other than ordinary spaces."""
    return any(unicodedata.category(c) in ("Cc", "Cf") and c not in ORDINARY_SPACES for c in text)


def clean_name(name: str) -> str:
    """Collapse whitespace and check a profile name; raise ProfileError when it is refused."""
    if has_control(name or ""):  # before collapsing: split() would hide some of them
        raise ProfileError("control", _("a profile name cannot contain control characters"))
    name = " ".join(unicodedata.normalize("NFC", name or "").split())
    if not name:
        raise ProfileError("empty", _("a profile name cannot be empty"))
    if len(name) > MAX_NAME_LENGTH:
        message = _("a profile name has at most {limit} characters")
        raise ProfileError("too-long", message.format(limit=MAX_NAME_LENGTH))
    if name[0] in "=+-@":  # spreadsheets would read the exported name as a formula
        raise ProfileError("bad-start", _("a profile name cannot start with = + - or @"))
    return name


def profile_write_error(exc: sqlite3.Error) -> ProfileError:
    """Why the file refused a profile: a name taken (by another process: the UNIQUE index on
    the live names), or the file could not be written (full, read-only)."""
    if isinstance(exc, sqlite3.IntegrityError):
        return ProfileError("duplicate", _("A profile with this name already exists"))
    message = _("the profile could not be saved: {reason}").format(reason=exc)
    return ProfileError("unsaved", message)


class ProfileBook:
    """The store's profiles, read once at opening and then changed at once by the store, so
    that checks (a name already taken) never miss a write still on its way to the file."""

    def __init__(self, profiles: Iterable[Profile]):
        self._lock = threading.Lock()
        self._profiles = {p.id: p for p in profiles}

    def listed(self, *, deleted: bool = False) -> list[Profile]:
        """Live profiles (or the deleted ones not purged yet), by name."""
        with self._lock:
            found = [p for p in self._profiles.values() if (p.deleted_at is not None) == deleted]
        return sorted(found, key=lambda p: (name_key(p.name), p.created_at))

    def get(self, profile_id: str) -> Profile | None:
        with self._lock:
            return self._profiles.get(profile_id)

    def find(self, name: str) -> Profile | None:
        """The live profile called ``name`` (any case)."""
        key = name_key(" ".join((name or "").split()))
        return next((p for p in self.listed() if name_key(p.name) == key), None)

    def check_free(self, name: str, except_id: str | None = None) -> str:
        """The cleaned name, unless it is refused or another live profile has it."""
        name = clean_name(name)
        other = self.find(name)
        if other is not None and other.id != except_id:
            raise ProfileError("duplicate", f"there is already a profile called “{other.name}”")
        return name

    def free_variant(self, name: str) -> str:
        """``name``, or "name (2)", "name (3)"... whichever no live profile has."""
        taken = {name_key(p.name) for p in self.listed()}
        candidate, n = name, 2
        while name_key(candidate) in taken:
            candidate, n = f"{name} ({n})", n + 1
        return candidate

    def keep(self, profile: Profile) -> None:
        with self._lock:
            self._profiles[profile.id] = profile

    def drop(self, profile_id: str) -> None:
        with self._lock:
            self._profiles.pop(profile_id, None)
