"""The kinds of document, each one class registered under its name (no chain of ifs)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from courseware_app.core.documents.context import Context


@dataclass
class Pages:
    """What a kind makes: a title, then parts (each starts a page) with their running headers."""

    title: str
    parts: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)

    def add(self, html: str, header: str) -> None:
        self.parts.append(html)
        self.headers.append(header)


class DocumentKind(Protocol):
    name: str

    def check(self, ctx: Context, data_dir: Path | None) -> None:
        """Raise DocumentError when the document cannot be made (in the interface language:
        ``build`` runs in the document's)."""
        ...

    def build(self, ctx: Context, data_dir: Path | None) -> Pages:
        """The document's pages."""
        ...


class Kind:
    """The base of the kinds: nothing to check."""

    name = ""

    def check(self, ctx: Context, data_dir: Path | None) -> None:
        return None


K = TypeVar("K", bound=type["DocumentKind"])

KIND_CLASSES: dict[str, Callable[[], DocumentKind]] = {}


def register(cls: K) -> K:
    """Class decorator: ``cls.name`` becomes a kind ``build_document`` knows."""
    KIND_CLASSES[cls.name] = cls
    return cls
