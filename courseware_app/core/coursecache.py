"""The loaded course kept as JSON in the cache, keyed by every content file, for a fast start-up.

JSON rather than pickle: the data folder may live on a USB stick, and a cache must never be able
to run code. A cache that cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from courseware_app.core.course import (
    Course,
    Diagnostic,
    Module,
    ModuleTranslation,
    Option,
    Question,
    Quiz,
    Section,
    Severity,
    Track,
)
from courseware_app.core.paths import write_json_atomic
from courseware_app.core.stamps import content_stamp

log = logging.getLogger(__name__)


def load_course_cached(root: Path, cache: Path | None) -> Course:
    """``load_course(root)``, answered from the cache when no content file has changed."""
    root = Path(root)
    if cache is None or not root.is_dir():
        return _load(root)
    path = cache / f"course-{content_stamp(root)}.json"
    try:
        return course_from_dict(json.loads(path.read_text(encoding="utf-8")))
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
        write_json_atomic(path, course_to_dict(course))
    except OSError as exc:
        log.info("could not cache the course: %s", exc)


# ---------------------------------------------------------------- to and from plain data


def course_to_dict(course: Course) -> dict:
    return {
        "id": course.id,
        "version": course.version,
        "title": course.title,
        "source_language": course.source_language,
        "languages": list(course.languages),
        "tracks": [
            {"id": t.id, "title": t.title, "modules": list(t.modules)} for t in course.tracks
        ],
        "modules": [_module_to_dict(m) for m in course.modules.values()],
        "root": str(course.root),
        "diagnostics": [d.as_dict() for d in course.diagnostics],
    }


def _module_to_dict(m: Module) -> dict:
    return {
        "id": m.id,
        "track": m.track,
        "folder": str(m.folder),
        "source_language": m.source_language,
        "translations": [_translation_to_dict(t) for t in m.translations.values()],
        "failed": {lang: [d.as_dict() for d in ds] for lang, ds in m.failed.items()},
    }


def _translation_to_dict(t: ModuleTranslation) -> dict:
    return {
        "module_id": t.module_id,
        "lang": t.lang,
        "path": str(t.path),
        "version": t.version,
        "title": t.title,
        "summary": t.summary,
        "duration_minutes": t.duration_minutes,
        "objectives": list(t.objectives),
        "translated_from": t.translated_from,
        "body": t.body,
        "body_line": t.body_line,
        "trainer_notes": t.trainer_notes,
        "sections": [[s.id, s.title, s.line] for s in t.sections],
        "quizzes": [_quiz_to_dict(q) for q in t.quizzes],
    }


def _quiz_to_dict(q: Quiz) -> dict:
    return {
        "id": q.id,
        "line": q.line,
        "title": q.title,
        "pass_mark": q.pass_mark,
        "shuffle": q.shuffle,
        "questions": [
            {
                "id": x.id,
                "type": x.type,
                "text": x.text,
                "line": x.line,
                "points": x.points,
                "options": [[o.text, o.correct, o.feedback, o.line] for o in x.options],
                "answer_bool": x.answer_bool,
                "accepted": list(x.accepted),
                "numeric": list(x.numeric) if x.numeric else None,
                "items": list(x.items),
                "pairs": [list(p) for p in x.pairs],
                "explanation": x.explanation,
            }
            for x in q.questions
        ],
    }


def _diagnostic(d: dict) -> Diagnostic:
    return Diagnostic(d["file"], d["line"], Severity(d["severity"]), d["code"], d["message"])


def _question(x: dict) -> Question:
    return Question(
        id=x["id"],
        type=x["type"],
        text=x["text"],
        line=x["line"],
        points=x["points"],
        options=tuple(
            Option(text=o[0], correct=o[1], feedback=o[2], line=o[3]) for o in x["options"]
        ),
        answer_bool=x["answer_bool"],
        accepted=tuple(x["accepted"]),
        numeric=tuple(x["numeric"]) if x["numeric"] else None,
        items=tuple(x["items"]),
        pairs=tuple(tuple(p) for p in x["pairs"]),
        explanation=x["explanation"],
    )


def _quiz(q: dict) -> Quiz:
    return Quiz(
        id=q["id"],
        line=q["line"],
        title=q["title"],
        pass_mark=q["pass_mark"],
        shuffle=q["shuffle"],
        questions=tuple(_question(x) for x in q["questions"]),
    )


def _translation(t: dict) -> ModuleTranslation:
    return ModuleTranslation(
        module_id=t["module_id"],
        lang=t["lang"],
        path=Path(t["path"]),
        version=t["version"],
        title=t["title"],
        summary=t["summary"],
        duration_minutes=t["duration_minutes"],
        objectives=tuple(t["objectives"]),
        translated_from=t["translated_from"],
        body=t["body"],
        body_line=t["body_line"],
        sections=tuple(Section(*s) for s in t["sections"]),
        quizzes=tuple(_quiz(q) for q in t["quizzes"]),
        trainer_notes=t["trainer_notes"],
    )


def _module(m: dict) -> Module:
    return Module(
        id=m["id"],
        track=m["track"],
        folder=Path(m["folder"]),
        source_language=m["source_language"],
        translations={t["lang"]: _translation(t) for t in m["translations"]},
        failed={lang: tuple(_diagnostic(d) for d in ds) for lang, ds in m["failed"].items()},
    )


def course_from_dict(data: dict) -> Course:
    return Course(
        id=data["id"],
        version=data["version"],
        title=data["title"],
        source_language=data["source_language"],
        languages=tuple(data["languages"]),
        tracks=tuple(
            Track(id=t["id"], title=t["title"], modules=tuple(t["modules"])) for t in data["tracks"]
        ),
        modules={m["id"]: _module(m) for m in data["modules"]},
        root=Path(data["root"]),
        diagnostics=tuple(_diagnostic(d) for d in data["diagnostics"]),
    )
