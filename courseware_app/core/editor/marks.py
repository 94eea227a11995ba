"""What editor mode adds to a page: a banner listing the file's problems with their lines, a
visible placeholder naming a missing image, a mark on a dead link; and on an error page, the
way back to the last version that loaded. Decided here, on HTML, never in a widget."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from courseware_app.core.course import Course, Severity
from courseware_app.core.editor.problems import Problem
from courseware_app.core.i18n import _, ngettext
from courseware_app.core.mdext.images import asset_file

EDITOR_SCHEME = "editor"  # links only editor mode follows: editor:previous/ID, editor:current/ID
IMG_RE = re.compile(r'<img\b[^>]*\bsrc="asset:([^"#]*)(?:#[^"]*)?"[^>]*>')
LINK_RE = re.compile(r'<a\b([^>]*\bhref="(module|asset):([^"]*)"[^>]*)>(.*?)</a>', re.S)


@dataclass(frozen=True)
class PageFacts:
    """What marking one page needs: the problems of the file shown, the section ids of every
    module in the page's language, and the modules folder images are read from."""

    module_id: str
    problems: Sequence[Problem]
    sections: Mapping[str, frozenset[str]]
    modules_root: Path


def page_facts(course: Course, module_id: str, lang: str, problems: Sequence[Problem]) -> PageFacts:
    """The facts for ``module_id`` shown in ``lang`` (a link's section is looked up in the
    target's ``lang`` text, else its source, as ``validate`` does)."""
    sections = {}
    for mid, module in course.modules.items():
        tr = module.translations.get(lang) or module.source
        sections[mid] = frozenset(s.id for s in tr.sections) if tr else frozenset()
    return PageFacts(module_id, tuple(problems), sections, course.root / "modules")


def mark_problems(page: str, facts: PageFacts) -> str:
    """``page`` with the banner, image placeholders and dead-link marks of editor mode."""
    page = IMG_RE.sub(lambda m: _image(m, facts), page) if "<img" in page else page
    page = LINK_RE.sub(lambda m: _link(m, facts), page)
    return at_top(page, problems_banner(facts.problems)) if facts.problems else page


def at_top(page: str, fragment: str) -> str:
    """``fragment`` first in the page's body."""
    start = page.find("<body>")
    if start < 0:
        return fragment + page
    start += len("<body>")
    return page[:start] + fragment + page[start:]


def problems_banner(problems: Sequence[Problem]) -> str:
    """A banner over the page: how many problems, then each with its line, code and message."""
    errors = any(p.severity == Severity.ERROR for p in problems)
    title = ngettext(
        "This file has {count} problem:", "This file has {count} problems:", len(problems)
    ).format(count=len(problems))
    items = "".join(
        "<li><span>"
        + html.escape(
            _("line {line} — {code}: {message}").format(
                line=p.line, code=p.diagnostic.code, message=p.diagnostic.message
            )
        )
        + "</span></li>"
        for p in problems
    )
    kind = "error" if errors else "warning"
    return (
        f'<table class="banner {kind} problems" width="100%" cellpadding="8"><tr><td>'
        f"<span><b>{html.escape(title)}</b></span><ul>{items}</ul></td></tr></table>"
    )


def missing_image_text(name: str) -> str:
    return _("Missing image: {file}").format(file=name)


def dead_link_text(target: str) -> str:
    return _("Dead link: {target}").format(target=target)


def _image(match: re.Match[str], facts: PageFacts) -> str:
    relative = unquote(html.unescape(match.group(1)))
    if asset_file(facts.modules_root, relative) is not None:
        return match.group(0)
    name = relative.partition("/")[2] or relative
    text = html.escape(f"[{missing_image_text(name)}]", quote=False)
    return f'<span class="image-placeholder image-missing">{text}</span>'


def _link(match: re.Match[str], facts: PageFacts) -> str:
    attributes, scheme, target, text = match.groups()
    target = html.unescape(target)
    if not _is_dead(scheme, target, facts):
        return match.group(0)
    shown = target.partition("/")[2] if scheme == "asset" else target  # a file of this module
    label = html.escape(f"[{dead_link_text(unquote(shown))}]", quote=False)
    return f'<a{attributes}><s>{text}</s></a> <mark class="dead-link">{label}</mark>'


def _is_dead(scheme: str, target: str, facts: PageFacts) -> bool:
    if scheme == "asset":
        return asset_file(facts.modules_root, unquote(target)) is None
    module, _sep, section = target.partition("#")
    ids = facts.sections.get(module)
    return ids is None or (bool(section) and section not in ids)


def previous_version_link(module_id: str) -> str:
    """On an error page: the way back to the last version of the module that loaded."""
    text = html.escape(_("Show the last version that loaded"))
    href = html.escape(f"{EDITOR_SCHEME}:previous/{module_id}")
    return f'<p class="previous-version"><a href="{href}">{text}</a></p>'


def previous_version_banner(module_id: str) -> str:
    """Over the last good version: the file on disk is not this, and the way back to it."""
    text = html.escape(
        _("This is the last version that loaded; the file as saved has errors (see Problems).")
    )
    back = html.escape(_("Show the file as saved"))
    href = html.escape(f"{EDITOR_SCHEME}:current/{module_id}")
    return (
        '<table class="banner error" width="100%" cellpadding="8"><tr><td>'
        f'<span>{text}</span> <a href="{href}">{back}</a></td></tr></table>'
    )
