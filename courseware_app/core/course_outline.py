"""The course as a plain dict for ``courseware outline --json`` and for tools."""

from __future__ import annotations

from typing import NotRequired, TypedDict

from courseware_app.core.course import Course, Module, Status
from courseware_app.core.render import trainee_words


class LanguageEntry(TypedDict):
    """One module in one language; version and duration only when the file is usable."""

    title: str
    status: str
    translated_from: str | None
    sections: list[str]
    words: int
    quiz_questions: int
    trainer_notes: int
    version: NotRequired[str]
    duration_minutes: NotRequired[int]


class ModuleEntry(TypedDict):
    id: str
    version: str
    track: str
    languages: dict[str, LanguageEntry]


class TrackEntry(TypedDict):
    id: str
    title: dict[str, str]
    modules: list[str]


class CourseEntry(TypedDict):
    id: str
    version: str
    languages: list[str]
    source_language: str
    title: dict[str, str]


class Outline(TypedDict):
    course: CourseEntry
    tracks: list[TrackEntry]
    modules: list[ModuleEntry]


def language_entry(module: Module, lang: str) -> LanguageEntry:
    status = module.status(lang)
    tr = module.translations.get(lang)
    if tr is None or status in (Status.MISSING, Status.ERROR):
        return {
            "title": "",
            "status": str(status),
            "translated_from": None,
            "sections": [],
            "words": 0,
            "quiz_questions": 0,
            "trainer_notes": 0,
        }
    return {
        "title": tr.title,
        "status": str(status),
        "translated_from": tr.translated_from,
        "version": tr.version,
        "sections": [s.id for s in tr.sections],
        "words": trainee_words(tr),
        "quiz_questions": sum(len(q.questions) for q in tr.quizzes),
        "trainer_notes": tr.trainer_notes,
        "duration_minutes": tr.duration_minutes,
    }


def course_outline(course: Course) -> Outline:
    return {
        "course": {
            "id": course.id,
            "version": course.version,
            "languages": list(course.languages),
            "source_language": course.source_language,
            "title": dict(course.title),
        },
        "tracks": [
            {"id": t.id, "title": dict(t.title), "modules": list(t.modules)} for t in course.tracks
        ],
        "modules": [
            {
                "id": m.id,
                "version": m.version,
                "track": m.track,
                "languages": {lang: language_entry(m, lang) for lang in course.languages},
            }
            for m in course.ordered_modules()
        ],
    }
