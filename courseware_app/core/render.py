"""Markdown -> HTML the reader shows, as a value: no Qt, no network, no shared mutable state."""

from __future__ import annotations

import dataclasses
import html
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from courseware_app.core.course import Course, Diagnostic, Module, ModuleTranslation, Status
from courseware_app.core.formats import format_duration
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.paths import resources_dir
from courseware_app.core.syntax import is_remote
from courseware_app.core.themes import LIGHT, Theme, page_css

if TYPE_CHECKING:  # the extensions import Markdown, which loads on first render only
    from courseware_app.core.mdext.blocks import ExerciseHtml, QuizHtml
    from courseware_app.core.mdext.trainer import Audience

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "style", "align", "lang", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "table": {"bgcolor", "cellpadding", "cellspacing", "border", "width"},
    "td": {"bgcolor", "colspan", "rowspan", "valign", "width"},
    "th": {"bgcolor", "colspan", "rowspan", "valign", "width"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "module", "asset", "quiz", "exercise"}
STYLE_PROPERTIES = {
    "color",
    "background-color",
    "font-weight",
    "font-style",
    "font-family",
    "font-size",
    "text-decoration",
    "text-align",
    "vertical-align",
    "border-left",
    "margin",
    "white-space",
}
EXTENSIONS = [
    "tables",
    "footnotes",
    "def_list",
    "attr_list",
    "admonition",
    "fenced_code",
    "codehilite",
    "sane_lists",
]
EXTENSION_CONFIG = {  # code names its tokens' classes; core.themes colours them
    "codehilite": {"noclasses": False, "guess_lang": False}
}


@dataclass(frozen=True)
class RenderedModule:
    """What the view shows for one module in one language and mode."""

    module_id: str
    lang: str
    trainer: bool
    title: str
    html: str  # the body fragment, sanitised
    toc: tuple[tuple[str, str], ...]  # (section id, title)
    links: tuple[tuple[str, str], ...] = ()  # (kind, href as written)
    images: tuple[str, ...] = ()


class _Engine:
    """One Markdown instance and its extensions, reused (with reset) per thread."""

    def __init__(self) -> None:
        import markdown  # imported on first render: keeps start-up light when pages are cached

        from courseware_app.core.mdext.blocks import CoursewareBlocks
        from courseware_app.core.mdext.trainer import TrainerNotes
        from courseware_app.core.mdext.tree import ReaderExtension

        self.blocks = CoursewareBlocks()
        self.notes = TrainerNotes()
        self.reader = ReaderExtension()
        self.md = markdown.Markdown(
            extensions=[*EXTENSIONS, self.blocks, self.notes, self.reader],
            extension_configs=EXTENSION_CONFIG,
        )
        self.busy = False


_local = threading.local()


def _engine() -> _Engine:
    """This thread's engine; a fresh one while it is busy (a quiz placeholder that renders
    Markdown while its module is converted: one Markdown instance cannot be re-entered)."""
    engine: _Engine | None = getattr(_local, "engine", None)
    if engine is None:
        engine = _local.engine = _Engine()
    return _Engine() if engine.busy else engine


IMG_TAG_RE = re.compile(r"<img\b[^>]*>")
ATTRIBUTE_RE = re.compile(r'\s([a-z-]+)="([^"]*)"')


def sanitise(fragment: str) -> str:
    """Keep formatting, drop scripts, styles, frames, forms, event handlers and bad URLs; an
    image that is not a file of the module (remote, or without a source) becomes a placeholder."""
    import nh3

    clean = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        filter_style_properties=STYLE_PROPERTIES,
        link_rel=None,
        strip_comments=True,
    )
    return IMG_TAG_RE.sub(_image_or_placeholder, clean) if "<img" in clean else clean


def _image_or_placeholder(tag: re.Match[str]) -> str:
    """``tag`` as nh3 wrote it (attributes double-quoted), or a placeholder in its place."""
    attributes = {k: html.unescape(v) for k, v in ATTRIBUTE_RE.findall(tag.group(0))}
    src = attributes.get("src", "")
    if src and not is_remote(src):
        return tag.group(0)
    label = _("Image not loaded: {alt}").format(alt=attributes.get("alt") or src)
    text = html.escape(f"[{label}]", quote=False)
    return f'<span class="image-placeholder">{text}</span>'


def markdown_to_html(
    source: str,
    *,
    module_id: str = "",
    lang: str = "en",
    folder: Path | None = None,
    trainer: bool = False,
    quiz_html: QuizHtml | None = None,
    key_points: bool = True,
    exercise_html: ExerciseHtml | None = None,
) -> tuple[str, list[tuple[str, str]], list[str]]:
    """Convert one Markdown document; returns (sanitised html, links, images).
    Trainer notes (mdext.trainer decides what one is) only when ``trainer``; slides as
    key-points boxes unless ``key_points`` is False; quizzes and exercises left out, or
    replaced by what ``quiz_html`` and ``exercise_html`` make of their ids."""
    label = _("Trainer notes: {title}")
    audience: Audience = "trainer" if trainer else "trainee"
    return _convert(
        source, audience, label, module_id, lang, folder, quiz_html, key_points, exercise_html
    )


def trainer_notes_html(
    source: str, *, module_id: str = "", lang: str = "en", folder: Path | None = None
) -> str:
    """Only the trainer notes of a document, sanitised, each with its plain title: what the
    search index's trainer rows, a presenter's notes or a handout take as "the notes"."""
    return _convert(source, "notes", "{title}", module_id, lang, folder, None)[0]


def _convert(
    source: str,
    audience: Audience,
    trainer_label: str,
    module_id: str,
    lang: str,
    folder: Path | None,
    quiz_html: QuizHtml | None,
    key_points: bool = True,
    exercise_html: ExerciseHtml | None = None,
) -> tuple[str, list[tuple[str, str]], list[str]]:
    eng = _engine()
    eng.md.reset()
    eng.blocks.quiz_html, eng.notes.audience = quiz_html, audience
    eng.blocks.exercise_html = exercise_html
    ctx = eng.reader.ctx
    ctx.module_id, ctx.lang, ctx.folder = module_id, lang, folder
    ctx.trainer_label, ctx.key_points = trainer_label, key_points
    ctx.slide_label = _("Key points: {title}")
    ctx.links, ctx.images = [], []
    eng.busy = True
    try:
        body = eng.md.convert(source)
    finally:
        eng.busy = False
    return figures(sanitise(body)), list(ctx.links), list(ctx.images)


FIGURE_RE = re.compile(r"<p>(\s*<img\b[^>]*>\s*)</p>")


def figures(fragment: str) -> str:
    """A paragraph holding only an image becomes ``<p class="figure">``, whose line is as high as
    the image (reader.css): Qt gives an image's line the paragraphs' proportional line height
    too, which left a blank band of a third of a diagram's height below it."""
    return FIGURE_RE.sub(r'<p class="figure">\1</p>', fragment) if "<img" in fragment else fragment


def _quiz_placeholder(tr: ModuleTranslation) -> QuizHtml:
    def make(quiz_id: str) -> str:
        quiz = next((q for q in tr.quizzes if q.id == quiz_id), None)
        count = len(quiz.questions) if quiz else 0
        label = ngettext("{count} question", "{count} questions", count).format(count=count)
        title = quiz.title if quiz and quiz.title else _("Quiz")
        link = f"quiz:{tr.module_id}/{quiz_id}"
        return _placeholder_box("quiz", title, label, link, _("Start the quiz"))

    return make


def _exercise_placeholder(tr: ModuleTranslation) -> ExerciseHtml:
    def make(exercise_id: str) -> str:
        exercise = next((e for e in tr.exercises if e.id == exercise_id), None)
        count = len(exercise.cards) if exercise else 0
        label = ngettext("{count} risk card", "{count} risk cards", count).format(count=count)
        title = exercise.title if exercise and exercise.title else _("Exercise")
        link = f"exercise:{tr.module_id}/{exercise_id}"
        start = _("Start the exercise")
        return _placeholder_box("quiz exercise", title, label, link, start)  # quiz's colours

    return make


def _placeholder_box(classes: str, title: str, label: str, link: str, start: str) -> str:
    """The box that stands in a quiz's or an exercise's place: its title and size, and a link
    that opens it (plain text, escaped here)."""
    title, link, start = html.escape(title), html.escape(link), html.escape(start)
    return (
        f'<table class="callout {classes}" width="100%" cellpadding="10"><tr><td>'
        f"<p><b>{title}</b> — {html.escape(label)}</p>"
        f'<p><a href="{link}">{start}</a></p></td></tr></table>'
    )


def header_html(tr: ModuleTranslation) -> str:
    """Title, summary, duration, version and objectives above the module text."""
    meta = _("Planned duration: {duration} · Version {version}").format(
        duration=format_duration(tr.duration_minutes), version=tr.version
    )
    objectives = "".join(f"<li>{html.escape(o)}</li>" for o in tr.objectives)
    objectives_title = html.escape(_("Learning objectives"))
    return (
        f'<h1 class="module-title">{html.escape(tr.title)}</h1>'
        f'<p class="summary">{html.escape(tr.summary)}</p>'
        f"{META_LINE}{html.escape(meta)}</p>"
        f'<p class="objectives-title"><b>{objectives_title}</b></p>'
        f'<ul class="objectives">{objectives}</ul>'
    )


META_LINE = '<p class="meta">'


def after_meta(html: str, addition: str) -> str:
    """``html`` with ``addition`` just after the module's meta line (``header_html``'s duration
    and version), unchanged without one: where page decorations about the module go."""
    start = html.find(META_LINE)
    end = html.find("</p>", start) if start >= 0 else -1
    if not addition or end < 0:
        return html
    end += len("</p>")
    return html[:end] + addition + html[end:]


def render_translation(
    tr: ModuleTranslation, trainer: bool = False, key_points: bool = True
) -> RenderedModule:
    """Render one language file of a module (trainer notes only when ``trainer``; slides as
    key-points boxes unless ``key_points`` is False)."""
    body, links, images = markdown_to_html(
        tr.body,
        module_id=tr.module_id,
        lang=tr.lang,
        folder=tr.path.parent,
        trainer=trainer,
        quiz_html=_quiz_placeholder(tr),
        key_points=key_points,
        exercise_html=_exercise_placeholder(tr),
    )
    return RenderedModule(
        module_id=tr.module_id,
        lang=tr.lang,
        trainer=trainer,
        title=tr.title,
        html=header_html(tr) + body,
        toc=tuple((s.id, s.title) for s in tr.sections),
        links=tuple(links),
        images=tuple(images),
    )


WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def trainee_words(tr: ModuleTranslation) -> int:
    """Words of trainee-visible text: no front matter, trainer notes, quiz, code or markup."""
    body, _links, _images = markdown_to_html(
        tr.body, module_id=tr.module_id, lang=tr.lang, trainer=False
    )
    body = re.sub(r"<pre\b.*?</pre>", " ", body, flags=re.S)
    body = re.sub(r'<span class="image-placeholder".*?</span>', " ", body)  # not text
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return len(WORD_RE.findall(text))


# ---------------------------------------------------------------- whole pages


@lru_cache(maxsize=1)
def reader_css() -> str:
    return (resources_dir() / "reader.css").read_text(encoding="utf-8")


def wrap_page(fragment: str, lang: str, theme: Theme | None = LIGHT) -> str:
    """A whole page: the layout (resources/reader.css) and ``theme``'s colours. With ``theme``
    None the page names no colour (only classes): the reader's view gives its document the
    current theme's stylesheet, so one cached page serves every theme."""
    colours = page_css(theme) if theme is not None else ""
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8"><style>{reader_css()}{colours}</style>'
        f"</head><body>{fragment}</body></html>"
    )


def banner(text: str, kind: str = "warning") -> str:
    """A banner of ``kind`` (core.themes.BANNER_KINDS); its colours are the theme's."""
    return (
        f'<table class="banner {kind}" width="100%" cellpadding="8"><tr><td>'
        f"<span>{html.escape(text)}</span></td></tr></table>"
    )


def language_name(lang: str) -> str:
    names = {"en": _("English"), "ru": _("Russian"), "fr": _("French")}
    return names.get(lang, lang)


def banners_for(module: Module, lang: str) -> list[str]:
    """The fallback and staleness banners for showing ``module`` in ``lang``."""
    status = module.status(lang)
    src = module.source
    if status == Status.MISSING and src is not None:
        return [
            banner(
                _(
                    "This module is not yet available in {language}. It is shown in {source}, its source language."
                ).format(language=language_name(lang), source=language_name(src.lang))
            )
        ]
    if status == Status.OUTDATED and src is not None:
        tr = module.translations[lang]
        return [
            banner(
                _(
                    "This translation follows version {old} of the {source} text; the current version is {new}. Some content may be out of date."
                ).format(old=tr.translated_from, new=src.version, source=language_name(src.lang))
            )
        ]
    return []


def error_page(module_id: str, diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> str:
    """The page shown instead of a module that could not be loaded."""
    rows = "".join(
        f"<li><code>{html.escape(d.file)}:{d.line}</code> — {html.escape(d.code)}: {html.escape(d.message)}</li>"
        for d in diagnostics
    )
    intro = _(
        "The module “{module}” could not be loaded. The rest of the course is not affected."
    ).format(module=module_id)
    title = html.escape(_("This module has errors"))
    problems = html.escape(_("Problems found"))
    advice = html.escape(_("Content editors: fix the lines above, then run “courseware validate”."))
    return (
        f'<h1 class="module-title">{title}</h1>'
        + banner(intro, "error")
        + f"<p><b>{problems}</b></p><ul>{rows}</ul>"
        + f"<p>{advice}</p>"
    )


def module_page(
    course: Course,
    module_id: str,
    lang: str,
    trainer: bool = False,
    theme: Theme | None = LIGHT,
    key_points: bool = True,
    glossary: bool = False,
) -> tuple[str, RenderedModule | None]:
    """The full HTML page for a module in ``lang``, with banners, or an error page; in
    ``theme``'s colours (None: no colours, see ``wrap_page``); with ``glossary``, the first use
    of each glossary term in a section is marked, with a tooltip (core.glossary.marks)."""
    module = course.modules.get(module_id)
    if module is None:
        return wrap_page(error_page(module_id, []), lang, theme), None
    if module.status(lang) == Status.ERROR:
        return wrap_page(error_page(module_id, module.failed[lang]), lang, theme), None
    tr = module.best(lang)
    if tr is None:
        errors = tuple(d for ds in module.failed.values() for d in ds)
        return wrap_page(error_page(module_id, errors), lang, theme), None
    rendered = render_translation(tr, trainer, key_points)
    if glossary:
        from courseware_app.core.glossary import glossary_for
        from courseware_app.core.glossary.marks import mark_terms

        marked = mark_terms(rendered.html, glossary_for(course.root), tr.lang)
        rendered = dataclasses.replace(rendered, html=marked)
    body = "".join(banners_for(module, lang)) + rendered.html
    return wrap_page(body, tr.lang, theme), rendered
