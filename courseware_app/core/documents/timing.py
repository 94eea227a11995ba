"""A module's time on paper: each section's planned minutes (or a share of the module's
duration, marked estimated), with the activities its trainer notes name and its materials."""

from __future__ import annotations

from dataclasses import dataclass

from courseware_app.core.course import ModuleTranslation, Section
from courseware_app.core.i18n import ngettext
from courseware_app.core.loader.presenting import SOURCES_SECTION
from courseware_app.core.syntax import CALLOUT_RE, QUIZ_OPEN_RE, TRAINER_RE, Fences

ROUND_TO = 5  # estimated slots are rounded to five minutes


@dataclass(frozen=True)
class Slot:
    """One section's place in the plan."""

    section: str
    title: str
    minutes: int
    estimated: bool  # split from the module's duration: the section plans no time
    activities: tuple[str, ...]  # the titles of its trainer notes
    materials: tuple[str, ...]


def module_slots(tr: ModuleTranslation) -> tuple[Slot, ...]:
    """The sections of ``tr`` that take time (not its sources), in order."""
    sections = [s for s in tr.sections if s.id != SOURCES_SECTION]
    if not sections:
        return ()
    planned = any(s.minutes is not None for s in sections)
    share = _share(tr.duration_minutes, len(sections))
    notes, quizzes = _scan(tr, sections)
    return tuple(
        Slot(
            s.id,
            s.title,
            (s.minutes or 0) if planned else share,
            not planned,
            tuple(notes.get(s.id, ())),
            _materials(tr, s.id, quizzes.get(s.id, 0)),
        )
        for s in sections
    )


def _share(duration: int, count: int) -> int:
    raw = max(duration, 0) / count
    return max(ROUND_TO, int(round(raw / ROUND_TO)) * ROUND_TO) if duration > 0 else 0


def _scan(
    tr: ModuleTranslation, sections: list[Section]
) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Per section id: the titles of its trainer notes (at the margin) and its quiz count."""
    lines = tr.body.split("\n")
    starts = sorted((s.line - tr.body_line, s.id) for s in tr.sections)
    wanted = {s.id for s in sections}
    notes: dict[str, list[str]] = {}
    quizzes: dict[str, int] = {}
    fences = Fences()
    for i, line in enumerate(lines):
        if fences.inside(line):
            continue
        section = next((sid for start, sid in reversed(starts) if start < i), "")
        if section not in wanted:
            continue
        if TRAINER_RE.match(line):
            m = CALLOUT_RE.match(line)
            title = (m.group(2) or "").strip() if m else ""
            if title:
                notes.setdefault(section, []).append(title)
        elif QUIZ_OPEN_RE.match(line):
            quizzes[section] = quizzes.get(section, 0) + 1
    return notes, quizzes


def _materials(tr: ModuleTranslation, section: str, quizzes: int) -> tuple[str, ...]:
    slides = sum(1 for s in tr.slides if s.section == section)
    pictures = len({s.image for s in tr.slides if s.section == section and s.image})
    found = []
    if slides:
        found.append(ngettext("{count} slide", "{count} slides", slides).format(count=slides))
    if pictures:
        found.append(
            ngettext("{count} diagram", "{count} diagrams", pictures).format(count=pictures)
        )
    if quizzes:
        found.append(ngettext("{count} quiz", "{count} quizzes", quizzes).format(count=quizzes))
    return tuple(found)
