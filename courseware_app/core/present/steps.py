"""A module as a presenter shows it: a sequence of steps per section (a title card, the section's
slides, then its projectable blocks, its exercises and its quizzes), each rendered for the room, which never sees a trainer
note. The trainer's notes are kept beside the steps, per section, for the console."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from courseware_app.core.course import ModuleTranslation, Section
from courseware_app.core.i18n import translator
from courseware_app.core.loader.presenting import SOURCES_SECTION
from courseware_app.core.mdext.tree import image_variant
from courseware_app.core.render import markdown_to_html, trainer_notes_html
from courseware_app.core.slides import PICTURE_RE, parse_slide
from courseware_app.core.syntax import (
    CALLOUT_RE,
    EXERCISE_OPEN_RE,
    PROJECTED_KINDS,
    QUIZ_OPEN_RE,
    SLIDE_KIND,
    TRAINER_KIND,
    Fences,
    callout_end,
    exercise_id,
    iter_link_uses,
    opens_colon_block,
    quiz_end,
    quiz_id,
)

SUBHEADING_RE = re.compile(r"^###\s+(.*?)\s*(?:\{[^}]*\})?\s*$")
TABLE_RE = re.compile(r"^\s{0,3}\|")
TAG_RE = re.compile(r"<[^>]+>")


class StepKind(StrEnum):
    OPENING = "opening"  # the module's title and objectives
    SECTION = "section"  # a section's title card
    SLIDE = "slide"
    BLOCK = "block"  # a diagram, a table, a case study, an example or an exercise
    QUIZ = "quiz"  # the quiz's card: the classroom quiz starts from it
    EXERCISE = "exercise"  # an exercise's card: the presenter projects the exercise from it


@dataclass(frozen=True)
class Step:
    """One screen of the presentation. ``title``, ``html``, ``points`` and ``caption`` are what
    the room sees (sanitised, never a trainer note or an answer); ``speaker`` is the console's."""

    kind: StepKind
    section: str  # the section's id ("" for the opening)
    title: str
    html: str = ""
    points: tuple[str, ...] = ()  # a slide's bullet points (HTML), the objectives
    image: str = ""  # a picture slide's or a diagram's file, in the module folder
    caption: str = ""
    speaker: str = ""  # a slide's own trainer note (HTML): the console shows it, never the room
    quiz: str = ""  # the quiz id of a QUIZ step
    exercise: str = ""  # the exercise id of an EXERCISE step
    ordinal: int = 0  # its place among its section's steps of the same kind

    @property
    def key(self) -> tuple[str, StepKind, int]:
        """What the same step is called in every language (for two languages on the screen)."""
        return self.section, self.kind, self.ordinal

    @property
    def text(self) -> str:
        """Everything the room sees, as plain text."""
        parts = [self.title, *self.points, self.html, self.caption]
        return " ".join(plain_text(p) for p in parts if p).strip()


@dataclass(frozen=True)
class PlannedSection:
    id: str
    title: str
    minutes: int | None


@dataclass(frozen=True)
class Presentation:
    """A module's steps in one language, its sections' plan and their trainer notes."""

    module: str
    lang: str
    version: str
    title: str
    steps: tuple[Step, ...]
    sections: tuple[PlannedSection, ...]
    notes: dict[str, str] = field(default_factory=dict)  # section id -> trainer notes HTML

    def first_step(self, section: str) -> int:
        """The index of the section's title card (0 when there is no such section)."""
        return next((i for i, s in enumerate(self.steps) if s.section == section), 0)

    def planned(self, section: str) -> int | None:
        return next((s.minutes for s in self.sections if s.id == section), None)


def plain_text(fragment: str) -> str:
    return " ".join(html.unescape(TAG_RE.sub(" ", fragment)).split())


def build_presentation(tr: ModuleTranslation) -> Presentation:
    """The steps of ``tr`` (a module in one language)."""
    lines = tr.body.split("\n")
    builder = _Builder(tr, lines)
    steps = [_opening(tr)]
    notes: dict[str, str] = {}
    sections = [s for s in tr.sections if s.id != SOURCES_SECTION]
    for section, (start, end) in zip(sections, _ranges(tr, sections, len(lines)), strict=True):
        steps.append(Step(StepKind.SECTION, section.id, section.title))
        steps.extend(builder.section_steps(section, start, end))
        notes[section.id] = builder.notes(start, end)
    planned = tuple(PlannedSection(s.id, s.title, s.minutes) for s in sections)
    return Presentation(tr.module_id, tr.lang, tr.version, tr.title, tuple(steps), planned, notes)


def pair_steps(primary: Presentation, second: Presentation) -> tuple[Step | None, ...]:
    """For each step of ``primary``, the same step of ``second`` (None when it has none)."""
    by_key = {s.key: s for s in second.steps}
    return tuple(by_key.get(s.key) for s in primary.steps)


def _opening(tr: ModuleTranslation) -> Step:
    objectives = tuple(html.escape(o) for o in tr.objectives)
    summary = f"<p>{html.escape(tr.summary)}</p>"
    caption = translator(tr.lang).gettext("Learning objectives")  # in the room's language
    return Step(StepKind.OPENING, "", tr.title, summary, objectives, caption=caption)


def _ranges(
    tr: ModuleTranslation, sections: list[Section], count: int
) -> Iterator[tuple[int, int]]:
    """Each section's lines (its heading excluded), as indices into the body's lines."""
    starts = [s.line - tr.body_line for s in tr.sections]
    for section in sections:
        start = section.line - tr.body_line
        end = next((s for s in starts if s > start), count)
        yield start + 1, end


class _Builder:
    def __init__(self, tr: ModuleTranslation, lines: list[str]):
        self.tr, self.lines = tr, lines
        self.folder = tr.path.parent

    def render(self, source: list[str]) -> str:
        """Markdown for the room: no trainer note survives (the trainee audience)."""
        text = "\n".join(source)
        folder, module, lang = self.folder, self.tr.module_id, self.tr.lang
        return markdown_to_html(text, module_id=module, lang=lang, folder=folder)[0].strip()

    def inline(self, text: str) -> str:
        fragment = self.render([text])
        return (
            fragment[3:-4] if fragment.startswith("<p>") and fragment.endswith("</p>") else fragment
        )

    def picture(self, line: str) -> str:
        target = next((u.target or "" for u in iter_link_uses(line) if u.image), "")
        return image_variant(self.folder, target, self.tr.lang) if target else ""

    def section_steps(self, section: Section, start: int, end: int) -> list[Step]:
        slides: list[Step] = []
        blocks: list[Step] = []
        quizzes: list[Step] = []
        exercises: list[Step] = []
        subheading, fences, i = section.title, Fences(), start
        while i < end:
            line = self.lines[i]
            if fences.inside(line):
                i += 1
                continue
            if heading := SUBHEADING_RE.match(line):
                subheading = heading.group(1)
            if opens_colon_block(line):
                if QUIZ_OPEN_RE.match(line):
                    quizzes.append(self._quiz(section, quiz_id(line), len(quizzes)))
                elif EXERCISE_OPEN_RE.match(line):
                    exercises.append(self._exercise(section, exercise_id(line), len(exercises)))
                closed = quiz_end(self.lines, i)
                i = end if closed is None else closed + 1
                continue
            callout = CALLOUT_RE.match(line)
            if callout and callout.group(1) == SLIDE_KIND:
                slides.append(self._slide(section, i, len(slides)))
            elif callout and callout.group(1) in PROJECTED_KINDS:
                stop = callout_end(self.lines, i)
                title = callout.group(2) or subheading
                body = self.render(self.lines[i:stop])
                blocks.append(Step(StepKind.BLOCK, section.id, title, body, ordinal=len(blocks)))
            elif PICTURE_RE.match(line):
                image = self.picture(line)
                body = self.render([line])
                blocks.append(
                    Step(
                        StepKind.BLOCK,
                        section.id,
                        subheading,
                        body,
                        image=image,
                        ordinal=len(blocks),
                    )
                )
            elif TABLE_RE.match(line):
                stop = next((j for j in range(i, end) if not TABLE_RE.match(self.lines[j])), end)
                body = self.render(self.lines[i:stop])
                blocks.append(
                    Step(StepKind.BLOCK, section.id, subheading, body, ordinal=len(blocks))
                )
                i = stop
                continue
            i = callout_end(self.lines, i) if callout else i + 1
        return [*slides, *blocks, *exercises, *quizzes]

    def _slide(self, section: Section, start: int, ordinal: int) -> Step:
        source = parse_slide(self.lines, start)
        points = tuple(self.inline(p) for p in source.points)
        image = self.picture(f"![]({source.image})") if source.image else ""
        speaker_lines = source.speaker(self.lines)
        speaker = self._notes(speaker_lines) if speaker_lines else ""
        body = self.render([f"![{source.title}]({source.image})"]) if source.image else ""
        caption = self.inline(source.caption) if source.caption else ""
        return Step(
            StepKind.SLIDE,
            section.id,
            source.title,
            body,
            points,
            image,
            caption,
            speaker,
            ordinal=ordinal,
        )

    def _quiz(self, section: Section, quiz: str, ordinal: int) -> Step:
        found = next((q for q in self.tr.quizzes if q.id == quiz), None)
        count = len(found.questions) if found else 0
        words = translator(self.tr.lang)  # the room's language, not the console's
        title = found.title if found and found.title else words.gettext("Quiz")
        label = words.ngettext("{count} question", "{count} questions", count).format(count=count)
        body = f"<p>{html.escape(label)}</p>"
        return Step(StepKind.QUIZ, section.id, title, body, quiz=quiz, ordinal=ordinal)

    def _exercise(self, section: Section, exercise: str, ordinal: int) -> Step:
        """The exercise's card: its title, instructions and size, never a model place."""
        found = next((e for e in self.tr.exercises if e.id == exercise), None)
        count = len(found.cards) if found else 0
        words = translator(self.tr.lang)  # the room's language, not the console's
        title = found.title if found and found.title else words.gettext("Exercise")
        label = words.ngettext("{count} risk card", "{count} risk cards", count)
        instructions = self.render([found.instructions]) if found and found.instructions else ""
        body = f"{instructions}<p>{html.escape(label.format(count=count))}</p>"
        return Step(StepKind.EXERCISE, section.id, title, body, exercise=exercise, ordinal=ordinal)

    def notes(self, start: int, end: int) -> str:
        """The section's trainer notes, without its slides' speaker notes (shown with them)."""
        kept: list[str] = []
        fences, i = Fences(), start
        while i < end:
            line = self.lines[i]
            callout = None if fences.inside(line) else CALLOUT_RE.match(line)
            if callout and callout.group(1) == SLIDE_KIND:
                i = callout_end(self.lines, i)
                continue
            kept.append(line)
            i += 1
        return self._notes(kept) if any(TRAINER_KIND in line for line in kept) else ""

    def _notes(self, source: list[str]) -> str:
        text = "\n".join(source)
        module, lang, folder = self.tr.module_id, self.tr.lang, self.folder
        return trainer_notes_html(text, module_id=module, lang=lang, folder=folder).strip()
