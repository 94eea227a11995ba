"""Fixtures for the print tests: the courses, a progress folder with a certified learner, and
PDF text as a reader extracts it."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from courseware_app.core.course import Course
from tests.conftest import BUNDLED_CONTENT, TEST_CONTENT

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def course() -> Course:
    from courseware_app.core.loader import load_course

    return load_course(TEST_CONTENT)


@pytest.fixture(scope="session")
def bundled() -> Course:
    from courseware_app.core.loader import load_course

    return load_course(BUNDLED_CONTENT)


def normal(text: str) -> str:
    """NFKC, whitespace runs as one space: text as written, whatever the extractor's spacing."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return normal(" ".join(page.extract_text() for page in PdfReader(path).pages))


def html_text(fragment: str) -> str:
    import html
    import re

    return normal(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def record_pass(data: Path, name: str, module: str, quiz: str, version: str, score: float) -> None:
    """A profile ``name`` in ``data`` that passed ``quiz`` of ``module`` with ``score`` (0..1)."""
    from courseware_app.core.progress import ProgressStore
    from courseware_app.core.scoring import Attempt

    store = ProgressStore.open(data)
    profile = store.find_profile(name) or store.create_profile(name)
    attempt = Attempt(
        module_id=module,
        module_version=version,
        lang="en",
        quiz_id=quiz,
        responses={},
        results={},
        points=score * 10,
        max_points=10.0,
        pass_mark=60.0,
        started_at=T0,
        finished_at=T0 + timedelta(minutes=12),
    )
    store.record_attempt(profile.id, attempt).result()
    store.close()


@pytest.fixture
def certified(tmp_path) -> Path:
    """A data folder where "Анна Петрова" passed alpha's quiz (85 %) and "Idle" did nothing."""
    from courseware_app.core.progress import ProgressStore

    data = tmp_path / "progress-data"
    data.mkdir()
    record_pass(data, "Анна Петрова", "alpha", "alpha-quiz", "1.2.0", 0.85)
    store = ProgressStore.open(data)
    store.create_profile("Idle")
    store.close()
    return data
