"""Snippets: escaped text with <mark> around matches, cut round the densest group of them."""

from __future__ import annotations

import html
from collections.abc import Iterable

from courseware_app.core.search.query import Span

SNIPPET_CHARS = 220  # about 30 words
SNIPPET_LEAD = 50  # characters of context before the first match in a snippet


def mark(text: str, spans: Iterable[Span], start: int = 0, end: int | None = None) -> str:
    """HTML-escaped ``text[start:end]`` with the spans inside it wrapped in <mark>."""
    end = len(text) if end is None else end
    out, pos = [], start
    for s, e, _t in spans:
        if s < pos or e > end:
            continue
        out.append(html.escape(text[pos:s], quote=False))
        out.append(f"<mark>{html.escape(text[s:e], quote=False)}</mark>")
        pos = e
    out.append(html.escape(text[pos:end], quote=False))
    return "".join(out)


def _densest(spans: list[Span], width: int) -> int:
    """Start of the first match of the ``width``-character window with most distinct terms."""
    counts: dict[int, int] = {}
    best, best_count, j = 0, -1, 0
    for i, (a, _e, term) in enumerate(spans):  # the window [a, a + width): two pointers
        while j < len(spans) and spans[j][0] < a + width:
            counts[spans[j][2]] = counts.get(spans[j][2], 0) + 1
            j += 1
        if len(counts) > best_count:
            best, best_count = i, len(counts)
        counts[term] -= 1
        if not counts[term]:
            del counts[term]
    return spans[best][0]


def snippet(text: str, spans: list[Span], width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of ``text`` around the densest group of matches, marked."""
    start = 0
    if spans:
        first = _densest(spans, width - SNIPPET_LEAD)
        if first > SNIPPET_LEAD:
            cut = text.rfind(" ", 0, first - SNIPPET_LEAD)
            start = cut + 1 if cut >= 0 else 0
    end = len(text)
    if end - start > width:
        cut = text.rfind(" ", start, start + width)
        end = cut if cut > start else start + width
    body = mark(text, spans, start, end).strip()
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
