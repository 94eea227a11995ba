"""Where a module uses a variant the glossary says to avoid (``glossary-avoid``), and what is
wrong with the glossary file itself."""

from __future__ import annotations

import re

from courseware_app.core.course import Diagnostic, ModuleTranslation, Severity
from courseware_app.core.glossary import Glossary, finder
from courseware_app.core.i18n import _
from courseware_app.core.syntax import visible_text
from courseware_app.core.validate.common import body_lines, diag

ACCEPT_RE = re.compile(r"\s*accept:")


def check_avoided(tr: ModuleTranslation, glossary: Glossary) -> list[Diagnostic]:
    """A warning on every line where ``tr`` uses a variant to avoid, naming the preferred term."""
    if not glossary.entries:
        return []
    find = finder(glossary, tr.lang)
    out: list[Diagnostic] = []
    for no, raw in body_lines(tr, skip_quiz=False):
        if ACCEPT_RE.match(raw):
            continue  # the answers people type, the avoided variants among them, are accepted
        text = visible_text(raw)
        for hit in find.find(text):
            wording = hit.entry.wording(tr.lang)
            if hit.avoid is None or wording is None:
                continue
            message = _("'{found}' is a variant to avoid: use '{term}' ({reason})").format(
                found=text[hit.start : hit.end], term=wording.term, reason=hit.avoid.reason
            )
            out.append(diag(tr, no, "glossary-avoid", message, Severity.WARNING))
    return out
