"""Typed answers read the way people type them: quotes, final punctuation, spaces, '%'."""

from __future__ import annotations

import unicodedata

from courseware_app.core.questions.base import parse_number
from courseware_app.core.scoring import normalise as fold

QUOTES = "\"'«»„“”‘’‚‹›"
"""Quotation marks of every kind, ignored around a short answer."""

FINAL_PUNCTUATION = ".,;:!?…"
"""Punctuation ignored at the end of a short answer."""

# Characters NFKC keeps apart that a typed answer uses interchangeably.
_SAME = str.maketrans({"ʼ": "'", "‘": "'", "’": "'", "‐": "-", "‑": "-", "−": "-"})


def normalise_answer(text: str) -> str:
    """A short answer as it is compared with the accepted ones.

    Ignored: quotation marks of every kind around the answer (" ' « » „ “ ” ‘ ’ ‚ ‹ ›),
    punctuation at its end (. , ; : ! ? …), spaces around it and repeated inside it (any
    kind of space, no-break ones included), case, accents on Latin letters (mainlevee =
    mainlevée), ё against е, and the difference between compatible forms of a character
    (Unicode NFKC: full-width letters, ligatures). An apostrophe may be typed ' or ’ and a
    hyphen - or ‐. Quotes and punctuation inside the answer are kept: l'apprentissage is
    not lapprentissage. An answer that is only quotes and punctuation normalises to ''.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = " ".join(text.split())
    text = text.lstrip(QUOTES + " ").rstrip(QUOTES + FINAL_PUNCTUATION + " ")
    return fold(text.translate(_SAME))


def parse_typed_number(text: str) -> float | None:
    """A typed numeric answer as a number, or None when it is not one.

    Accepted: a decimal point or a decimal comma (12.5 = 12,5); spaces of any kind between
    groups of digits (1 234,5); a sign, + or - (also the minus sign −); a trailing percent
    sign with or without a space before it, a no-break one included (35%, 35 %): it is a
    unit and is dropped, so 35 % reads as 35, not 0.35; and compatible forms of digits and
    signs (Unicode NFKC: full-width ３５％). Anything else, such as words or a unit other
    than %, is not a number.
    """
    text = unicodedata.normalize("NFKC", text or "").translate(_SAME).strip()
    return parse_number(text.removesuffix("%"))
