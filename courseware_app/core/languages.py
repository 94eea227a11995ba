"""The languages of the course and of the interface: the one list every part uses."""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("en", "ru", "fr")
"""Course and interface languages, in menu order; English is the source language."""

SOURCE_LANGUAGE: Final = "en"

NATIVE_NAMES: Final = {"en": "English", "ru": "Русский", "fr": "Français"}
"""Each language's name in itself (language menus and pickers show these)."""


def native_name(lang: str) -> str:
    """The language's name in itself, or its code when it is not one of ours."""
    return NATIVE_NAMES.get(lang, lang)
