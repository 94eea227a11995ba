"""What is indexed from a course: one document per section, trainer notes and quizzes apart."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass

from courseware_app.core.course import ModuleTranslation, Question, Quiz
from courseware_app.core.questions import kind_for
from courseware_app.core.render import markdown_to_html, trainer_notes_html


@dataclass(frozen=True)
class Doc:
    """The searchable text of one section in one language."""

    module: str
    lang: str
    section: str
    order: int
    module_title: str
    title: str
    body: str  # what trainees see
    notes: str  # trainer notes and the quiz with its answer key: trainer mode only


FOOTNOTE_REF_RE = re.compile(r"<sup\b[^>]*>\s*<a\b[^>]*footnote-ref[^>]*>.*?</a>\s*</sup>", re.S)
BACKREF_RE = re.compile(r"<a\b[^>]*footnote-backref[^>]*>.*?</a>", re.S)
PLACEHOLDER_RE = re.compile(r"<span\b[^>]*image-placeholder[^>]*>\[[^\]]*?: (.*?)\]</span>", re.S)
BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|li|ul|ol|table|tr|td|th|thead|tbody|tfoot|h[1-6]|br|hr|pre|blockquote"
    r"|dl|dt|dd|caption)\b[^>]*>",
    re.I,
)
TAG_RE = re.compile(r"<[^>]*>")
SPACE_RE = re.compile(r"\s+")
INLINE_MARKUP_RE = re.compile(r"[*_`\[\]<>&\\]")


def html_text(fragment: str) -> str:
    """Plain text of a rendered fragment: no tags, no footnote markers, one line."""
    fragment = FOOTNOTE_REF_RE.sub("", fragment)
    fragment = BACKREF_RE.sub("", fragment)
    fragment = PLACEHOLDER_RE.sub(r"\1", fragment)
    fragment = BLOCK_TAG_RE.sub(" ", fragment)
    text = html.unescape(TAG_RE.sub("", fragment))
    return SPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def markdown_text(source: str, tr: ModuleTranslation) -> str:
    if not source.strip():
        return ""
    body, _links, _images = markdown_to_html(
        source, module_id=tr.module_id, lang=tr.lang, trainer=False
    )
    return html_text(body)


def inline_text(source: str, tr: ModuleTranslation) -> str:
    """A one-line Markdown string (a title) as plain text; rendered only when it has markup."""
    if INLINE_MARKUP_RE.search(source):
        return markdown_text(source, tr)
    return SPACE_RE.sub(" ", unicodedata.normalize("NFC", source)).strip()


def question_search_text(q: Question) -> list[str]:
    """The searchable text of one question, answer key included (Markdown, trainer rows only):
    what its question type says it is."""
    return list(kind_for(q.type).search_parts(q))


def quiz_markdown(quiz: Quiz) -> str:
    """The whole quiz, answer key included, as Markdown paragraphs (trainer rows only)."""
    parts = [quiz.title]
    for q in quiz.questions:
        parts.extend(question_search_text(q))
    return "\n\n".join(p.replace("\n", " ") for p in parts if p and p.strip())


def notes_text(source: str, tr: ModuleTranslation) -> str:
    """The trainer notes of some Markdown as plain text: the notes the renderer hides from
    trainees (every spelling and nesting), taken from the renderer itself."""
    if "!!!" not in source:  # no admonition, so no trainer note
        return ""
    return html_text(trainer_notes_html(source, module_id=tr.module_id, lang=tr.lang))


def _head_doc(tr: ModuleTranslation, module_title: str) -> Doc:
    """The module's own row: its title, summary and objectives."""
    title = inline_text(tr.title, tr)
    summary = inline_text(" ".join((tr.summary, *tr.objectives)), tr)
    return Doc(tr.module_id, tr.lang, "", 0, module_title, title, summary, "")


def _quizzes_by_line(tr: ModuleTranslation) -> dict[int, list[str]]:
    """Each quiz as Markdown, by the body line where it starts."""
    quizzes: dict[int, list[str]] = {}
    for quiz in tr.quizzes:
        quizzes.setdefault(quiz.line - tr.body_line, []).append(quiz_markdown(quiz))
    return quizzes


def translation_docs(tr: ModuleTranslation, module_title: str | None = None) -> list[Doc]:
    """One Doc per section (plus one for the module's title, summary and objectives)."""
    lines = tr.body.split("\n")
    title = module_title or tr.title
    sections = sorted(tr.sections, key=lambda s: s.line)
    starts = [s.line - tr.body_line for s in sections] + [len(lines)]
    quizzes = _quizzes_by_line(tr)
    docs = [_head_doc(tr, title)]
    for k, section in enumerate(sections):
        lo, hi = starts[k], starts[k + 1]
        text = "\n".join(lines[lo + 1 : hi])
        quiz = [md for at, mds in sorted(quizzes.items()) if lo <= at < hi for md in mds]
        notes = (notes_text(text, tr), markdown_text("\n\n".join(quiz), tr))
        docs.append(
            Doc(
                tr.module_id,
                tr.lang,
                section.id,
                k + 1,
                title,
                inline_text(section.title, tr),
                markdown_text(text, tr),
                " ".join(n for n in notes if n),
            )
        )
    return docs


def translation_hash(tr: ModuleTranslation) -> str:
    """A digest of everything in one language file that the index holds."""
    data = "\x1f".join(
        (tr.version, tr.title, tr.summary, *tr.objectives, str(tr.body_line), tr.body)
    )
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()
