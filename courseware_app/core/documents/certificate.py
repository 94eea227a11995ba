"""The certificate: one page for a profile, the modules it completed, with dates and scores."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from courseware_app.core.documents.context import Context, escape
from courseware_app.core.documents.model import DocumentError
from courseware_app.core.documents.parts import table
from courseware_app.core.documents.registry import Kind, Pages, register
from courseware_app.core.i18n import _
from courseware_app.core.progress import (
    ModuleProgress,
    ModuleState,
    ProgressStore,
    StoreError,
    course_progress,
    parse_iso,
)
from courseware_app.core.progress.records import ProfileSummary

FINISHED = (ModuleState.COMPLETED, ModuleState.UPDATED)


@dataclass(frozen=True)
class Completed:
    title: str
    when: datetime | None
    best: float | None  # a percentage, None for a module completed by reading


def _summary(name: str, data_dir: Path | None) -> tuple[str, ProfileSummary]:
    """The profile called ``name`` (its name as stored) and its summary; DocumentError when
    there is no such profile or no progress at all in ``data_dir``."""
    unknown = DocumentError(_("no profile “{name}”").format(name=name))
    if data_dir is None:
        raise unknown
    try:
        store = ProgressStore.open_for_reading(data_dir)
    except StoreError:  # missing, damaged or newer: there is no such profile to certify
        raise unknown from None
    try:
        profile = store.find_profile(name)
        if profile is None:
            raise unknown
        return profile.name, store.summary(profile.id)
    finally:
        store.close()


def _when(p: ModuleProgress, summary: ProfileSummary) -> datetime | None:
    """When the module was completed: its last passed attempt, else its last visit."""
    passed = [a.finished_at for a in summary.attempts if a.module == p.module_id and a.passed]
    visits = [v.last_at for v in summary.visits.get(p.module_id, {}).values()]
    moment = max(passed) if passed else max(visits, default="")
    return parse_iso(moment) if moment else None


def completed(ctx: Context, summary: ProfileSummary) -> list[Completed]:
    wanted = {m.id for m, _tr in ctx.modules}
    progress = course_progress(ctx.course, summary, ctx.lang)
    return [
        Completed(tr.title, _when(progress[m.id], summary), progress[m.id].best_score)
        for m, tr in ctx.modules
        if m.id in wanted and m.id in progress and progress[m.id].state in FINISHED
    ]


def _rows(ctx: Context, done: list[Completed]) -> list[tuple[str, str, str]]:
    from babel.dates import format_date
    from babel.numbers import format_percent

    return [
        (
            escape(c.title),
            escape(format_date(c.when, format="long", locale=ctx.lang)) if c.when else "",
            escape(format_percent(round(c.best / 100, 3), locale=ctx.lang))
            if c.best is not None
            else "—",
        )
        for c in done
    ]


def _sentence(template: str, name: str, course: str) -> str:
    """One translated sentence, its name and course each set on a line of its own."""
    close = '</p><p class="certificate-{kind}">{text}</p><p class="certificate-intro">'
    parts = escape(template).format(
        name=close.format(kind="name", text=escape(name)),
        course=close.format(kind="course", text=escape(course)),
    )
    return f'<p class="certificate-intro">{parts}</p>'.replace(
        '<p class="certificate-intro"></p>', ""
    )


@register
class Certificate(Kind):
    """Name, modules completed with date and best score, course title and version, signature."""

    name = "certificate"

    def check(self, ctx: Context, data_dir: Path | None) -> None:
        self._found(ctx, data_dir)

    def _found(self, ctx: Context, data_dir: Path | None) -> tuple[str, list[Completed]]:
        """The profile's name and what it completed; DocumentError when it completed nothing."""
        if not ctx.request.profile:
            raise DocumentError(_("a certificate needs a profile (--profile NAME)"))
        name, summary = _summary(ctx.request.profile, data_dir)
        done = completed(ctx, summary)
        if not done:
            message = _("“{name}” has completed no module yet: there is nothing to certify")
            raise DocumentError(message.format(name=name))
        return name, done

    def build(self, ctx: Context, data_dir: Path | None) -> Pages:
        name, done = self._found(ctx, data_dir)
        pages = Pages(_("Certificate"))
        headers = [escape(h) for h in (_("Module"), _("Completed on"), _("Best score"))]
        sentence = _(
            "This certifies that {name} has completed these modules of the course {course}"
        )
        version = _("Version {version}").format(version=ctx.course.version)
        signature = _("Signature")
        place = _("Place and date")
        html = (
            f'<h1 class="certificate-title">{escape(pages.title)}</h1>'
            + _sentence(sentence, name, ctx.course_title)
            + f'<p class="certificate-version">{escape(version)}</p>'
            + table(headers, _rows(ctx, done))
            + '<table class="signature" width="100%" cellpadding="6"><tr>'
            f"<td>{'_' * 30}<br>{escape(place)}</td><td>{'_' * 30}<br>{escape(signature)}</td>"
            "</tr></table>"
        )
        pages.add(html, ctx.course_title)
        return pages
