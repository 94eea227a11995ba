"""What a presenter relies on in a module file: its slides' shape and its sections' minutes."""

from __future__ import annotations

from courseware_app.core.course import Section, Slide
from courseware_app.core.i18n import _
from courseware_app.core.limits import MAX_DURATION_MINUTES, MAX_SLIDE_POINT_WORDS, SLIDE_POINTS
from courseware_app.core.loader.files import Report
from courseware_app.core.slides import SlideSource, iter_slides
from courseware_app.core.syntax import heading_minutes, visible_text

SOURCES_SECTION = "sources"  # the one section that plans no time


def section_minutes(text: str, line: int, report: Report) -> int | None:
    """The minutes a heading plans, or None (a value that is not a whole number of minutes is
    reported and ignored)."""
    raw = heading_minutes(text)
    if raw is None:
        return None
    if raw.isdigit() and 0 < int(raw) <= MAX_DURATION_MINUTES:
        return int(raw)
    message = _("'minutes={value}' must be a whole number of minutes from 1 to {most}")
    report.warn(line, "section-bad-minutes", message.format(value=raw, most=MAX_DURATION_MINUTES))
    return None


def check_minutes(sections: list[Section], duration: int | None, report: Report) -> None:
    """A module that plans minutes plans them for every section but Sources, and they add up
    to its duration; a module that plans none is not checked."""
    if not any(s.minutes is not None for s in sections):
        return
    for s in sections:
        if s.minutes is None and s.id != SOURCES_SECTION:
            message = _("section '{id}' plans no time: add minutes=N to its heading")
            report.warn(s.line, "minutes-missing", message.format(id=s.id))
    total = sum(s.minutes or 0 for s in sections)
    if duration is not None and total != duration:
        message = _("the sections plan {total} minutes, but duration_minutes is {duration}")
        report.warn(
            sections[0].line, "minutes-total", message.format(total=total, duration=duration)
        )


def scan_slides(body: str, first_line: int, sections: list[Section], report: Report) -> list[Slide]:
    """The body's slides, each in the section it is written in, with its shape checked."""
    lines = body.split("\n")
    slides = []
    for source in iter_slides(lines):
        line = first_line + source.start
        section = next((s.id for s in reversed(sections) if s.line < line), "")
        _check_slide(source, line, first_line, report)
        slides.append(Slide(section, source.title, line, source.points, source.image))
    return slides


def _check_slide(source: SlideSource, line: int, first_line: int, report: Report) -> None:
    if not source.title:
        report.warn(line, "slide-no-title", _('a slide needs a title: !!! slide "Title"'))
    low, high = SLIDE_POINTS
    if source.image and source.points:
        message = _("a slide shows bullet points or a picture, not both")
        report.warn(line, "slide-shape", message)
    elif not source.image and not low <= len(source.points) <= high:
        message = _("a slide has {low} to {high} bullet points or one picture; this one has {n}")
        report.warn(line, "slide-shape", message.format(low=low, high=high, n=len(source.points)))
    for i in source.strays:
        message = _("a slide holds only one-line bullet points, or a picture and its caption")
        report.warn(first_line + i, "slide-text", message)
    for point in source.points:
        if len(visible_text(point).split()) > MAX_SLIDE_POINT_WORDS:
            message = _("a bullet point of more than {n} words is reading text, not a slide")
            report.warn(line, "slide-point-long", message.format(n=MAX_SLIDE_POINT_WORDS))
