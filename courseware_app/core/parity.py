"""The structure of a module translation per section (sections, trainer notes, callouts, slides,
questions) and the differences between two languages, as marks a page shows beside each section."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from courseware_app.core.course import Module, ModuleTranslation
from courseware_app.core.i18n import _
from courseware_app.core.syntax import (
    ADMONITION_RE,
    QUIZ_OPEN_RE,
    SLIDE_KIND,
    TRAINER_KIND,
    Fences,
    is_trainer_kind,
    quiz_end,
)

ItemKind = Literal["section", "note", "callout", "slide", "question"]


@dataclass(frozen=True)
class Item:
    """One structural element of a section."""

    kind: ItemKind
    key: str  # what matches it in another language: an id, else its kind and rank in the section
    title: str  # as written in its language ("" when it has none)
    line: int  # in its file, 1-based


@dataclass(frozen=True)
class SectionShape:
    id: str
    title: str
    line: int
    items: tuple[Item, ...] = ()

    def item_keys(self) -> set[str]:
        return {item.key for item in self.items}


@dataclass(frozen=True)
class Shape:
    """A translation's sections, in order, each with what it holds."""

    lang: str
    sections: tuple[SectionShape, ...]

    def ids(self) -> list[str]:
        return [s.id for s in self.sections]

    def section(self, section_id: str) -> SectionShape | None:
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True)
class SectionMarks:
    """What one side shows beside one of its sections."""

    section: str  # this side's section id
    only_here: tuple[Item, ...] = ()  # on this side and not on the other
    missing_here: tuple[Item, ...] = ()  # on the other side and not on this one

    def __bool__(self) -> bool:
        return bool(self.only_here or self.missing_here)


# ---------------------------------------------------------------- one translation


def shape_of(tr: ModuleTranslation) -> Shape:
    """The sections of ``tr`` with their notes, callouts, slides and questions, in order."""
    found: dict[str, list[Item]] = {s.id: [] for s in tr.sections}
    starts = [(s.line, s.id) for s in tr.sections]
    items = [*_callouts_and_notes(tr), *_slides(tr), *_questions(tr)]
    for item in sorted(items, key=lambda i: i.line):
        section = _section_at(starts, item.line)
        if section is not None:
            found[section].append(item)
    sections = (SectionShape(s.id, s.title, s.line, _ranked(found[s.id])) for s in tr.sections)
    return Shape(tr.lang, tuple(sections))


def _section_at(starts: list[tuple[int, str]], line: int) -> str | None:
    current = None
    for start, section in starts:
        if start <= line:
            current = section
    return current


def _callouts_and_notes(tr: ModuleTranslation) -> Iterator[Item]:
    """Trainer notes (nested ones too) and callouts outside code and quizzes; not slides (the
    model has them)."""
    lines = tr.body.split("\n")
    fences = Fences()
    i = 0
    while i < len(lines):
        line = lines[i]
        in_code = fences.inside(line)
        if not in_code and QUIZ_OPEN_RE.match(line):
            end = quiz_end(lines, i)
            i = len(lines) if end is None else end + 1
            continue
        m = None if in_code else _admonition(line)
        if m is not None and m[0] != SLIDE_KIND:
            if is_trainer_kind(m[0]):
                yield Item("note", TRAINER_KIND, m[1], tr.body_line + i)
            else:
                yield Item("callout", m[0].split()[0].lower(), m[1], tr.body_line + i)
        i += 1


def _admonition(line: str) -> tuple[str, str] | None:
    m = ADMONITION_RE.match(line.lstrip(" >"))
    return (m.group(1), m.group(2) or "") if m else None


def _slides(tr: ModuleTranslation) -> Iterator[Item]:
    for slide in tr.slides:
        yield Item("slide", SLIDE_KIND, slide.title, slide.line)


def _questions(tr: ModuleTranslation) -> Iterator[Item]:
    for quiz in tr.quizzes:
        for q in quiz.questions:
            yield Item("question", f"question {q.id}", q.id, q.line)


def _ranked(items: list[Item]) -> tuple[Item, ...]:
    """Give notes, callouts and slides their rank in the section as key ("warning 2"), since
    their titles are in their language; questions keep their ids."""
    seen: dict[str, int] = {}
    out = []
    for item in items:
        if item.kind == "question":
            out.append(item)
            continue
        seen[item.key] = seen.get(item.key, 0) + 1
        out.append(Item(item.kind, f"{item.key} {seen[item.key]}", item.title, item.line))
    return tuple(out)


# ---------------------------------------------------------------- two translations


@dataclass
class _Marks:
    only_here: list[Item] = field(default_factory=list)
    missing_here: list[Item] = field(default_factory=list)


def differences(this: Shape, other: Shape, trainer: bool = True) -> list[SectionMarks]:
    """The marks ``this`` side shows where ``other`` differs in structure, in ``this``'s section
    order. A section missing here is marked at the section before it (the first one when it
    comes first). Trainer notes count only when ``trainer`` (trainees see nothing of them)."""
    marks = {s.id: _Marks() for s in this.sections}
    theirs = {s.id: s for s in other.sections}
    for s in this.sections:
        twin = theirs.get(s.id)
        if twin is None:
            marks[s.id].only_here.append(Item("section", s.id, s.title, s.line))
            continue
        marks[s.id].only_here += [i for i in s.items if i.key not in twin.item_keys()]
        marks[s.id].missing_here += [i for i in twin.items if i.key not in s.item_keys()]
    for s in other.sections:
        if s.id not in marks and this.sections:
            place = counterpart(other, this, s.id) or this.sections[0].id
            marks[place].missing_here.append(Item("section", s.id, s.title, s.line))
    out = []
    for s in this.sections:
        shown = SectionMarks(
            s.id,
            tuple(i for i in marks[s.id].only_here if trainer or i.kind != "note"),
            tuple(i for i in marks[s.id].missing_here if trainer or i.kind != "note"),
        )
        if shown:
            out.append(shown)
    return out


def counterpart(this: Shape, other: Shape, section: str) -> str:
    """The section of ``other`` to bring to the top when ``this`` shows ``section``: the same
    one, else the nearest before it that ``other`` has; "" (the top) when there is none."""
    ids = this.ids()
    theirs = set(other.ids())
    if section not in ids:
        return section if section in theirs else ""
    for candidate in reversed(ids[: ids.index(section) + 1]):
        if candidate in theirs:
            return candidate
    return ""


# ---------------------------------------------------------------- as words and on the page


def describe(item: Item) -> str:
    """An item in words, e.g. 'slide “Three steps”'."""
    title = item.title or item.key
    if item.kind == "section":
        return _("section “{title}”").format(title=title)
    if item.kind == "note":
        return _("trainer note “{title}”").format(title=title) if item.title else _("trainer note")
    if item.kind == "slide":
        return _("slide “{title}”").format(title=title)
    if item.kind == "question":
        return _("question {id}").format(id=item.title)
    kind = item.key.rsplit(" ", 1)[0]
    if item.title:
        return _("{kind} callout “{title}”").format(kind=kind, title=item.title)
    return _("{kind} callout").format(kind=kind)


def mark_lines(marks: SectionMarks, other_language: str) -> list[str]:
    """The sentences a section's mark says, ``other_language`` being the other side's name."""
    lines = []
    if marks.only_here:
        items = ", ".join(describe(i) for i in marks.only_here)
        lines.append(_("Not in {language}: {items}.").format(language=other_language, items=items))
    if marks.missing_here:
        items = ", ".join(describe(i) for i in marks.missing_here)
        lines.append(_("Only in {language}: {items}.").format(language=other_language, items=items))
    return lines


MARK_SIGN = "⚑"  # begins every mark's sentence, in the text itself


def mark_page(page: str, marks: Sequence[SectionMarks], other_language: str) -> str:
    """``page`` (a rendered module) with each section's marks as a box right under its
    heading: words, not colour alone, so that a screen reader and a test read them."""
    from courseware_app.core.render import banner

    for mark in marks:
        heading = re.search(rf'<h2 id="{re.escape(mark.section)}"[^>]*>.*?</h2>', page, re.S)
        if heading is None:
            continue
        box = "".join(
            banner(f"{MARK_SIGN} {line}", "info") for line in mark_lines(mark, other_language)
        )
        page = page[: heading.end()] + box + page[heading.end() :]
    return page


# ---------------------------------------------------------------- a module in two languages


def shapes(module: Module, lang: str, other: str) -> tuple[Shape, Shape] | None:
    """The shapes of ``module`` in ``lang`` and in ``other``; None when either is missing."""
    this, that = module.translations.get(lang), module.translations.get(other)
    if this is None or that is None:
        return None
    return shape_of(this), shape_of(that)


def marks_for(module: Module, lang: str, other: str, trainer: bool) -> list[SectionMarks]:
    """The marks ``module`` shows in ``lang`` beside ``other``."""
    pair = shapes(module, lang, other)
    return [] if pair is None or lang == other else differences(*pair, trainer=trainer)


def aligned_section(module: Module, lang: str, other: str, section: str) -> str:
    """The section of ``other`` to show at the top while ``lang`` shows ``section``."""
    pair = shapes(module, lang, other)
    return section if pair is None else counterpart(*pair, section)
