"""The first use of each glossary term in a section, marked on a rendered page with a tooltip
that names it in the other languages and defines it (View › Glossary terms on the page)."""

from __future__ import annotations

import html
import re

from courseware_app.core.glossary.match import Hit, finder
from courseware_app.core.glossary.model import LANGUAGES, Entry, Glossary

TAG_RE = re.compile(r"(<[^>]*>)")
TAG_NAME_RE = re.compile(r"<(/?)([a-zA-Z0-9]+)")
SKIPPED = frozenset({"a", "code", "pre", "kbd", "h1", "h2", "h3", "h4", "h5", "h6", "script"})
SECTION_TAG = "h2"


def tooltip(entry: Entry, lang: str) -> str:
    """The other languages' terms, one per line, then the definition in ``lang``."""
    lines = []
    for other in LANGUAGES:
        wording = entry.wording(other)
        if other != lang and wording is not None:
            lines.append(f"{other.upper()}: {wording.term}")
    own = entry.wording(lang)
    if own is not None:
        lines.append(own.definition)
    return "\n".join(lines)


def rich_tooltip(entry: Entry, lang: str) -> str:
    """The tooltip as rich text, which Qt wraps to a readable width (plain text it does not):
    the other languages' terms in bold."""
    lines = [html.escape(line, quote=False) for line in tooltip(entry, lang).split("\n")]
    terms = [re.sub(r"^([A-Z]{2}:)", r"<b>\1</b>", line) for line in lines[:-1]]
    return "<qt>" + "<br>".join([*terms, lines[-1]]) + "</qt>"


def mark_terms(fragment: str, glossary: Glossary, lang: str) -> str:
    """``fragment`` with each entry's first use per ``##`` section wrapped in
    ``<span class="gloss" title="...">``; nothing inside links, code or headings is marked."""
    if not glossary.entries or lang not in LANGUAGES:
        return fragment
    find = finder(glossary, lang)
    seen: set[str] = set()
    skipping: list[str] = []
    out: list[str] = []
    for part in TAG_RE.split(fragment):
        if part.startswith("<"):
            m = TAG_NAME_RE.match(part)
            if m:
                closing, name = m.group(1) == "/", m.group(2).lower()
                if name == SECTION_TAG and not closing:
                    seen = set()
                if name in SKIPPED:
                    _track(skipping, name, closing)
            out.append(part)
        elif skipping or not part.strip():
            out.append(part)
        else:
            out.append(_mark_text(part, find.find(part), seen, lang))
    return "".join(out)


def _track(skipping: list[str], name: str, closing: bool) -> None:
    if not closing:
        skipping.append(name)
    elif name in skipping:
        del skipping[len(skipping) - 1 - skipping[::-1].index(name)]


def _mark_text(text: str, hits: list[Hit], seen: set[str], lang: str) -> str:
    out: list[str] = []
    pos = 0
    for hit in hits:
        if hit.avoid is not None or hit.entry.id in seen or hit.start < pos:
            continue
        seen.add(hit.entry.id)
        title = html.escape(rich_tooltip(hit.entry, lang), quote=True)
        out.append(text[pos : hit.start])
        out.append(f'<span class="gloss" title="{title}">{text[hit.start : hit.end]}</span>')
        pos = hit.end
    out.append(text[pos:])
    return "".join(out)
