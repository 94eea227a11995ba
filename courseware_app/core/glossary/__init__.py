"""The trilingual glossary: the file's model, finding its terms in text, marking them on a page."""

from __future__ import annotations

from courseware_app.core.glossary.match import Hit, TermFinder, entry_named, finder
from courseware_app.core.glossary.model import (
    GLOSSARY_FILE,
    LANGUAGES,
    Avoid,
    Entry,
    Glossary,
    Wording,
    glossary_for,
    glossary_path,
    load_glossary,
)

__all__ = [
    "GLOSSARY_FILE",
    "LANGUAGES",
    "Avoid",
    "Entry",
    "Glossary",
    "Hit",
    "TermFinder",
    "Wording",
    "entry_named",
    "finder",
    "glossary_for",
    "glossary_path",
    "load_glossary",
]
