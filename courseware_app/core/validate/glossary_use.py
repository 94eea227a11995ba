"""Where a module uses a variant the glossary says to avoid (``glossary-avoid``). (What is wrong
with the glossary file itself comes from core.glossary's reading of it.)"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from courseware_app.core.course import Diagnostic, ModuleTranslation, Severity
from courseware_app.core.glossary import Glossary, finder
from courseware_app.core.i18n import _
from courseware_app.core.syntax import visible_text
from courseware_app.core.validate.common import body_lines, diag

ACCEPT_RE = re.compile(r"\s*accept:")


def check_avoided(tr: ModuleTranslation, glossary: Glossary) -> list[Diagnostic]:
    """A warning on every line where ``tr`` uses a variant to avoid, naming the preferred term.
    Text is read a paragraph at a time, so a variant split over two lines is found too."""
    if not glossary.entries:
        return []
    find = finder(glossary, tr.lang)
    out: list[Diagnostic] = []
    for first, lines in _paragraphs(tr):
        text = "\n".join(lines)
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        for hit in find.find(text):
            wording = hit.entry.wording(tr.lang)
            if hit.avoid is None or wording is None:
                continue
            message = _("'{found}' is a variant to avoid: use '{term}' ({reason})").format(
                found=" ".join(text[hit.start : hit.end].split()),
                term=wording.term,
                reason=hit.avoid.reason,
            )
            at = first + bisect_right(starts, hit.start) - 1
            out.append(diag(tr, at, "glossary-avoid", message, Severity.WARNING))
    return out


def _paragraphs(tr: ModuleTranslation) -> Iterator[tuple[int, list[str]]]:
    """(first line number, visible text of each line) of each run of consecutive prose lines;
    a blank line or a quiz's accepted answers (what people type, the avoided variants among
    them) end a run."""
    first, lines = 0, list[str]()
    for no, raw in body_lines(tr, skip_quiz=False):
        if lines and (no != first + len(lines) or not raw.strip() or ACCEPT_RE.match(raw)):
            yield first, lines
            lines = []
        if raw.strip() and not ACCEPT_RE.match(raw):
            if not lines:
                first = no
            lines.append(visible_text(raw))
    if lines:
        yield first, lines
