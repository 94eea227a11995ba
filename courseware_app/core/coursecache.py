"""The loaded course kept as JSON in the cache, keyed by the app build and every content file,
for a fast start-up.

JSON rather than pickle: the data folder may live on a USB stick, and a cache must never be able
to run code. A cache that cannot be read is ignored and rebuilt. The JSON follows the model's
dataclass fields (core.serialise); a change to the model changes the build fingerprint, so an
old cache is never read with a new shape.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from courseware_app.core import atomic
from courseware_app.core.course import Course
from courseware_app.core.fingerprint import Fingerprint, caches_enabled, digest
from courseware_app.core.serialise import from_json, to_json

log = logging.getLogger(__name__)


def load_course_cached(
    root: Path, cache: Path | None, fingerprint: Fingerprint | None = None
) -> Course:
    """``load_course(root)``, answered from the cache when neither a content file nor the app
    build has changed. ``fingerprint``: one shared with the other caches of this session."""
    root = Path(root)
    if cache is None or not caches_enabled() or not root.is_dir():
        return _load(root)
    fingerprint = fingerprint or Fingerprint()
    path = cache / f"course-{digest(fingerprint.of(root))}.json"
    try:
        return from_json(Course, json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.info("ignoring an unreadable course cache %s: %s", path, exc)
    course = _load(root)
    _store(path, course)
    return course


def _load(root: Path) -> Course:
    from courseware_app.core.loader import load_course  # imports YAML only when really loading

    return load_course(root)


def _store(path: Path, course: Course) -> None:
    try:
        for stale in path.parent.glob("course-*.json"):
            stale.unlink(missing_ok=True)
        atomic.write_json(path, to_json(course), parents=True)
    except OSError as exc:
        log.info("could not cache the course: %s", exc)
