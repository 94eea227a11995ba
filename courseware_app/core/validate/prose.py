"""How a translation is written: trainer notes in the one spelling, Russian and French typography."""

from __future__ import annotations

import re
from functools import lru_cache

from courseware_app.core.course import Diagnostic, ModuleTranslation, Severity
from courseware_app.core.exercises import keywords
from courseware_app.core.i18n import _
from courseware_app.core.quiz import KEYWORD_RE, QUESTION_RE
from courseware_app.core.syntax import (
    QUIZ_CLOSE_RE,
    callout_title,
    is_canonical_trainer_opener,
    looks_like_trainer_note,
    opens_colon_block,
    opens_trainer_note,
    visible_text,
)
from courseware_app.core.validate.common import body_lines, diag
from courseware_app.core.validate.units import number_problems

NBSP = "\u00a0\u202f"

# ---------------------------------------------------------------- trainer notes


def check_trainer_notes(tr: ModuleTranslation) -> list[Diagnostic]:
    """Every trainer note is written the one way. (Text meant as a note that trainees would see
    is the loader's error, trainer-note-shown.)"""
    lines = tr.body.split("\n")
    out: list[Diagnostic] = []
    for no, line in body_lines(tr):
        if looks_like_trainer_note(line) and opens_trainer_note(line):
            out.extend(_trainer_spelling(tr, lines, no - tr.body_line))
    return out


def _trainer_spelling(tr: ModuleTranslation, lines: list[str], start: int) -> list[Diagnostic]:
    from courseware_app.core.mdext.trainer import LEAD_RE, note_body_lines

    if not is_canonical_trainer_opener(lines[start]):
        message = _("write a trainer note as '!!! trainer \"Title\"' (lower case, one space)")
        return [diag(tr, tr.body_line + start, "trainer-note-spelling", message, Severity.WARNING)]
    for j in [start, *note_body_lines(lines, start)]:
        lead = LEAD_RE.match(lines[j])
        if lead and "\t" in lead[0]:
            message = _("indent a trainer note with four spaces, not tabs")
            return [diag(tr, tr.body_line + j, "trainer-note-spelling", message, Severity.WARNING)]
    return []


# ---------------------------------------------------------------- typography

STRAIGHT_QUOTE_RE = re.compile(r'"')
FR_GUILLEMET_RE = re.compile(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»")


@lru_cache(maxsize=1)
def _exercise_keyword_re() -> re.Pattern[str]:
    words = "|".join(sorted(keywords()))
    return re.compile(rf"^({words}):")


def _quiz_prose(line: str) -> str:
    """A quiz or exercise line without its keyword (``answer:``, ``why:`` ...); a question's
    or card's id line is no prose."""
    stripped = line.lstrip()
    m = KEYWORD_RE.match(stripped) or _exercise_keyword_re().match(stripped)
    if m:
        stripped = line = stripped[m.end(1) + 1 :]
    return "" if QUESTION_RE.match(stripped.lstrip()) else line


def _typography_text(raw: str) -> str | None:
    """The visible prose of a body line that typography rules check, or None to skip it."""
    if opens_colon_block(raw) or QUIZ_CLOSE_RE.match(raw) or raw.lstrip().startswith("|---"):
        return None
    title = callout_title(raw)
    return visible_text(_quiz_prose(raw if title is None else title))


def check_typography(tr: ModuleTranslation) -> list[Diagnostic]:
    """Straight quotes in ru/fr prose; missing no-break spaces in French and between numbers and
    units; French date ranges; Russian years."""
    if tr.lang not in ("ru", "fr"):
        return []
    out = []
    for no, raw in body_lines(tr, skip_quiz=False):
        text = _typography_text(raw)
        if text is None:
            continue
        if STRAIGHT_QUOTE_RE.search(text):
            out.append(
                diag(
                    tr,
                    no,
                    "typo-straight-quotes",
                    'straight quotes "...": use « »',
                    Severity.WARNING,
                )
            )
        if tr.lang == "fr":
            out.extend(_french(tr, no, text))
        for code, message in number_problems(tr.lang, text):
            out.append(diag(tr, no, code, message, Severity.WARNING))
    return out


# An English title in italics (a source's, kept exactly as published): no French spacing in it.
# (An italic title may run over two lines: its start ends a line, its end starts the next.)
# An article's title in « » likewise.
ENGLISH_TITLE_RE = re.compile(
    r"(?<![*\w])([*_])(?![*_\s])[ -~’]+?(?<![*_\s])\1(?![*\w])"
    r"|(?<![*\w])\*(?![*\s])[ -~’]+$"
    r"|^[ -~’]+?(?<![*\s])\*(?![*\w])"
    r"|«[\s\u00a0\u202f][A-Z][ -~’]+?(?:[\s\u00a0\u202f]»|$)"
)


def _french(tr: ModuleTranslation, no: int, text: str) -> list[Diagnostic]:
    out = []
    text = ENGLISH_TITLE_RE.sub("", text)
    for m in re.finditer(r"[;:!?]", text):
        i = m.start()
        after = text[i + 1 : i + 2]
        if after and not after.isspace() and after not in "»)*_":
            continue  # times (10:30), ratios, URLs
        before = text[i - 1 : i]
        if before and before not in NBSP and before not in "!?":
            out.append(
                diag(
                    tr,
                    no,
                    "typo-nbsp",
                    f"put a no-break space (U+00A0) before '{m.group(0)}'",
                    Severity.WARNING,
                )
            )
            break
    if FR_GUILLEMET_RE.search(text):
        out.append(
            diag(tr, no, "typo-nbsp", "put no-break spaces (U+00A0) inside « »", Severity.WARNING)
        )
    return out
