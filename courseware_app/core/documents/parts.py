"""HTML pieces the kinds share: the cover, the table of contents, a module's text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from courseware_app.core.course import Module, ModuleTranslation
from courseware_app.core.documents.context import Context, escape, today
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.render import banners_for, header_html, language_name, markdown_to_html

QuizBlock = Callable[[str], str]  # a quiz's id -> what the document shows in its place
PLACEHOLDER_RE = re.compile(r"<p>\s*QUIZ-PLACE:([A-Za-z0-9_-]+)\s*</p>")


def _placeholder(quiz_id: str) -> str:
    """Where a quiz goes: filled in after the conversion, because a quiz's questions are
    rendered by the same (per-thread) Markdown engine, which must not be re-entered."""
    return f"<p>QUIZ-PLACE:{quiz_id}</p>"


def cover(ctx: Context, kind_title: str, subtitle: str = "") -> str:
    """The first page: course, kind, module (when one), version, language and date."""
    rows = [
        (_("Version"), _version(ctx)),
        (_("Language"), language_name(ctx.lang)),
        (_("Date"), today(ctx.lang)),
    ]
    cells = "".join(
        f'<tr><td class="label">{escape(k)}</td><td>{escape(v)}</td></tr>' for k, v in rows
    )
    sub = f'<p class="cover-module">{escape(subtitle)}</p>' if subtitle else ""
    return (
        f'<p class="cover-course">{escape(ctx.course_title)}</p>'
        f'<h1 class="cover-kind">{escape(kind_title)}</h1>{sub}'
        f'<table class="cover-meta" cellpadding="4">{cells}</table>'
    )


def _version(ctx: Context) -> str:
    if len(ctx.modules) == 1:
        return ctx.modules[0][1].version
    return ctx.course.version


def subtitle(ctx: Context) -> str:
    """The module's title for a one-module document, else the number of modules."""
    if len(ctx.modules) == 1:
        return ctx.modules[0][1].title
    count = len(ctx.modules)
    return ngettext("{count} module", "{count} modules", count).format(count=count)


def contents(ctx: Context) -> str:
    """A table of contents for a document of several modules ("" for one)."""
    if len(ctx.modules) < 2:
        return ""
    rows = "".join(
        f"<tr><td>{n}.</td><td>{escape(tr.title)}</td></tr>"
        for n, (_m, tr) in enumerate(ctx.modules, start=1)
    )
    title = escape(_("Contents"))
    return (
        f'<h2 class="contents">{title}</h2><table class="contents" cellpadding="3">{rows}</table>'
    )


def module_text(
    module: Module,
    tr: ModuleTranslation,
    lang: str,
    *,
    trainer: bool,
    quiz: QuizBlock,
    after_header: str = "",
) -> str:
    """The module's header and text: trainee text only unless ``trainer`` (the renderer's
    audiences decide), slides as key-points boxes, each quiz replaced by ``quiz(id)``;
    ``after_header`` goes between the header and the text."""
    body, _links, _images = markdown_to_html(
        tr.body,
        module_id=tr.module_id,
        lang=tr.lang,
        folder=tr.path.parent,
        trainer=trainer,
        quiz_html=_placeholder,
        key_points=True,
    )
    body = PLACEHOLDER_RE.sub(lambda m: quiz(m.group(1)), body)
    return "".join(banners_for(module, lang)) + header_html(tr) + after_header + body


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    css: str = "grid",
    widths: Sequence[int] = (),
) -> str:
    """A table whose header row repeats on every page it spans (cells are HTML already);
    ``widths`` in percent of the column, per header."""
    sizes = [f' width="{w}%"' for w in widths] + [""] * (len(headers) - len(widths))
    head = "".join(f"<th{size}>{h}</th>" for h, size in zip(headers, sizes, strict=True))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<table class="{css}" width="100%" cellpadding="4" cellspacing="0">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
